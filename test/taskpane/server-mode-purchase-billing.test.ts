/**
 * The pane's Einkauf, invoice lifecycle and SEPA steps in server mode: each runs once on a local
 * store and once through the pane's use cases (connection/use-cases.ts) on a real team server
 * (HTTP on a loopback port; SQLite, or PostgreSQL with MSP_TEST_STORE=postgres), from the same seed,
 * and both give the same results. Every argument and result is JSON-clean (no Decimal, Map, Date,
 * function: it must survive encodeCallJson/decodeCallJson). Auditors get 403 on every write.
 */
import { unzipSync } from "fflate";
import type { AppContext } from "../../src/app/context";
import { saveExportSettingsFile } from "../../src/app/export-settings-file";
import { importMaster } from "../../src/app/import-master";
import { PURCHASE_BILLING_CALLS } from "../../src/app/pane-calls-purchase-billing";
import { decodeCallJson, encodeCallJson, type PaneCallName } from "../../src/app/pane-calls";
import type { PriceDecision } from "../../src/core/purchase/plan-apply-price-update";
import { readCsvText } from "../../src/io/table/read-csv";
import { PURCHASE_BILLING_ROLES } from "../../src/server/pane-roles-purchase-billing";
import { cancelForPane, cancelRunForPane, eInvoiceZipForPane, finalizeForPane } from "../../src/taskpane/billing/lifecycle";
import { exportSepaForPane, saveSepaSettingsForm } from "../../src/taskpane/billing/sepa-export";
import * as pane from "../../src/taskpane/connection/use-cases";
import { MANDATES_CSV } from "../app/sepa/sepa-fixtures";
import { LINKS, PURCHASE, ARTICLES as DOMAIN_ARTICLES, CONTRACTS as DOMAIN_CONTRACTS } from "../scenarios/purchase/domain-scenario";
import { loadFonts } from "../support/einvoice-fixtures";
import { FIXED_NOW, testContext, textFile } from "../support/fixtures";
import { octoberCsv, readNce, seedStore } from "../support/reconcile-scenario";
import { testServer, type TestServer } from "../server/server-fixture";

jest.setTimeout(180_000);

/** Paths of values that would not survive JSON (class instances other than byte arrays, functions, undefined in arrays). */
export function notJson(value: unknown, path = "$"): string[] {
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (value === undefined) return [];
  if (typeof value !== "object") return [path];
  if (value instanceof Uint8Array) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => (v === undefined ? [`${path}[${i}]`] : notJson(v, `${path}[${i}]`)));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return [`${path} (${(value as object).constructor?.name ?? "?"})`];
  return Object.entries(value).flatMap(([k, v]) => notJson(v, `${path}.${k}`));
}

/** The value after the trip to the server and back (what the pane gets in server mode). */
const trip = (v: unknown) => decodeCallJson(encodeCallJson(v));

interface Side {
  /** Sets up data the steps under test need (directly on the side's store). */
  seed: AppContext;
  /** The pane's context: local store, or a ServerStore (calls go to the server). */
  pane: AppContext;
  close(): Promise<void>;
}

async function localSide(): Promise<Side> {
  const ctx = await testContext();
  return { seed: ctx, pane: ctx, close: () => ctx.store.close() };
}

let servers: TestServer[] = [];
async function serverSide(user = "clara"): Promise<Side & { server: TestServer }> {
  const server = await testServer();
  servers.push(server);
  const pane = await server.paneContext(user);
  return { server, seed: { store: server.store, now: () => FIXED_NOW }, pane, close: () => pane.store.close() };
}
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
});

/** Runs `steps` on both sides; every step's value (args checked before) must be JSON-clean and equal on both. */
async function bothSides<T extends Record<string, unknown>>(seed: (ctx: AppContext) => Promise<void>, steps: (ctx: AppContext) => Promise<T>): Promise<{ local: T; remote: T }> {
  const l = await localSide();
  const r = await serverSide();
  try {
    await seed(l.seed);
    await seed(r.seed);
    const local = await steps(l.pane);
    for (const [step, value] of Object.entries(local)) expect([step, notJson(value)]).toEqual([step, []]);
    const remote = await steps(r.pane);
    for (const step of Object.keys(local)) expect([step, trip(remote[step])]).toEqual([step, trip(local[step])]);
    return { local, remote };
  } finally {
    await l.close();
    await r.close();
  }
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const decisionsOf = (rows: readonly { customerNo: string; contractNo: string; positionNo: number; validFrom: string; currentPrice: string; newPrice: string; purchase: string; purchaseNewCost: string; costFrom: string }[]): PriceDecision[] =>
  rows.map((r, i) => ({ source: "Preis", row: i + 2, action: "accept", customerNo: r.customerNo, contractNo: r.contractNo, positionNo: r.positionNo, validFrom: r.validFrom as never, currentPrice: r.currentPrice, newPrice: r.newPrice, purchase: r.purchase.split(" "), purchaseNewCost: r.purchaseNewCost, costFrom: r.costFrom as never }));

describe("Einkauf on the team server", () => {
  it("purchase and links import, links report, links for editing, positions, price proposal and apply, undo: as locally", async () => {
    const seed = async (ctx: AppContext) => void unwrap(await importMaster(ctx, [textFile("articles.csv", DOMAIN_ARTICLES), textFile("contracts.csv", DOMAIN_CONTRACTS)]));
    const { remote } = await bothSides(seed, async (ctx) => {
      const purchase = unwrap(await pane.importPurchase(ctx, textFile("purchase.csv", PURCHASE)));
      const links = unwrap(await pane.importLinks(ctx, textFile("links.csv", LINKS)));
      const report = await pane.purchaseLinksReport(ctx, "2026-03-01" as never);
      const reverse = await pane.purchaseLinksReport(ctx, "2026-03-01" as never, true);
      const editing = await pane.linksForEditing(ctx);
      const refs = await pane.purchasePositionRefs(ctx);
      const options = { selection: { refs: ["EK-100:1"] }, newCost: "1,20", from: "2026-07-01" as never, strategy: "keep-margin", rounding: "ending:0.90" };
      expect(notJson(options)).toEqual([]);
      const proposal = unwrap(await pane.proposePriceUpdateText(ctx, options));
      const decisions = decisionsOf(proposal.rows);
      const applied = unwrap(await pane.applyPriceUpdate(ctx, decisions, { name: "Preis", sha256: "0".repeat(64) }));
      const undone = unwrap(await pane.undoBatch(ctx, applied.batchId!));
      const bad = await pane.proposePriceUpdateText(ctx, { ...options, newCost: "viel", strategy: "percent:x" });
      return { purchase, links, report, reverse, editing, refs, proposal, applied, undone, bad };
    });
    expect(remote.purchase.versions).toBe(2);
    expect(remote.links.added).toBe(3);
    expect(remote.report.length).toBeGreaterThan(0);
    expect(remote.editing.map((l) => l.contractNo)).toEqual(["V-3001", "V-3002", "V-3003"]);
    expect(remote.refs).toEqual(["EK-100:1", "EK-100:2"]);
    expect(remote.proposal.rows.map((r) => [r.contractNo, r.newPrice])).toEqual([
      ["V-3001", "3.90"],
      ["V-3002", "3.90"],
      ["V-3003", "3.90"],
    ]);
    expect(remote.applied.versions).toBe(3);
    expect(remote.undone.batchId).toBe(remote.applied.batchId);
    expect(!remote.bad.ok && remote.bad.issues.map((i) => [i.code, i.where?.source])).toEqual([
      ["parse.invalid_number", "newCost"],
      ["parse.invalid_number", "strategy"],
    ]);
  });

  it("the cost check of a vendor file (with the stored vendor profiles): as locally", async () => {
    const read = readNce("nce.csv", octoberCsv());
    expect(notJson(read)).toEqual([]);
    const { remote } = await bothSides(seedStore, async (ctx) => ({
      profiles: await pane.loadUserProfiles(ctx),
      checked: unwrap(await pane.costCheckFile(ctx, read, "2026-10" as never)),
    }));
    expect(remote.checked.rows.length).toBeGreaterThan(0);
  });
});

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\n";
const HEAD =
  "customer_no,customer_name,customer_street,customer_postcode,customer_city,customer_email,einvoice_format,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from";
const row = (no: string, name: string, format: string, contract: string, qty: string) => `${no},${name},Hauptstr. 1,20095,Hamburg,ap@${no}.de,${format},${contract},monthly,advance,2026-01-01,1,M365-BP,${qty},20.60,19,2026-01-01`;
const CONTRACTS = [HEAD, row("K1", "Müller & Söhne GmbH", "zugferd", "V-1", "10"), row("K2", "Schmidt KG", "xrechnung-ubl", "V-2", "3"), row("K4", "Überweiser GmbH", "", "V-4", "2")].join("\n");
const COMPANY = {
  company: {
    name: "Muster IT Service GmbH",
    address: "Musterstraße 1\n10115 Berlin",
    vatId: "DE123456789",
    contactName: "Buchhaltung, Erika Muster",
    phone: "+49 30 1234567",
    email: "rechnung@muster-it.de",
    iban: "DE02120300000000202051",
    paymentTerms: "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
  },
};

describe("Abrechnung and SEPA on the team server", () => {
  it("mandates, SEPA settings, lifecycle, Festschreiben, E-Rechnungen ZIP, Stornieren, SEPA export: as locally", async () => {
    const seed = async (ctx: AppContext) => {
      unwrap(await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)]));
      unwrap(await saveExportSettingsFile(ctx, "firma.json", JSON.stringify(COMPANY)));
    };
    let fontsAsked = 0;
    const fonts = async () => {
      fontsAsked++;
      return loadFonts();
    };
    const { remote } = await bothSides(seed, async (ctx) => {
      const settings = unwrap(await saveSepaSettingsForm(ctx, { name: "Systemhaus Süd GmbH", iban: "DE89 3704 0044 0532 0130 00", bic: "", creditorId: "DE98ZZZ09999999999" }));
      const mandates = unwrap(await pane.importMandates(ctx, textFile("mandates.csv", MANDATES_CSV)));
      const table = readCsvText(MANDATES_CSV, "Mandate").table;
      const again = unwrap(await pane.importMandates(ctx, { name: "Mandate", table }));
      const sheetRows = await pane.mandateSheetRows(ctx);
      const billed = unwrap(await pane.runBilling(ctx, { month: "2026-01" as never, invoiceDate: "2026-01-02" as never }));
      const run = { id: billed.runId!, month: "2026-01" as const };
      const draft = await pane.runLifecycle(ctx, run.id);
      const issued = unwrap(await finalizeForPane(ctx, run.id));
      const zip = unwrap(await eInvoiceZipForPane(ctx, run, fonts));
      const entries = unzipSync(zip.bytes);
      const xml = Object.fromEntries(Object.entries(entries).filter(([n]) => n.endsWith(".xml")));
      const sepa = await exportSepaForPane(ctx, run.id, "2026-12-08" as never);
      const repeat = await exportSepaForPane(ctx, run.id, "2026-12-08" as never);
      const cancelled = unwrap(await cancelForPane(ctx, "RE-000002", "2026-01-20" as never, "doppelt berechnet"));
      const after = await pane.runLifecycle(ctx, run.id);
      // The invoice list (Rechnungsliste) of the year, then of one customer (every filter optional).
      const listed = await pane.listInvoices(ctx, { from: "2026-01-01" as never, to: "2026-12-31" as never });
      const listedOfCustomer = await pane.listInvoices(ctx, { customerNo: listed[1]!.customerNo });
      const unknownRun = await pane.eInvoicesOfRun(ctx, "run-99999", "customer", { librarySchemaCheck: false });
      // The raw results the pane's helpers reshape: JSON-clean too (the whole value travels).
      const rawEInvoices = await pane.eInvoicesOfRun(ctx, run.id, "xrechnung-cii", { librarySchemaCheck: false });
      const rawSepa = await pane.exportSepaRun(ctx, { runId: run.id, collectionDate: "2026-12-08" as never, repeat: true });
      // Last: it cancels what SEPA above collects.
      const cancelledAll = unwrap(await cancelRunForPane(ctx, run.id, "2026-01-21" as never));
      const listedAll = await pane.listInvoices(ctx);
      return { settings, mandates, again, sheetRows, billed, draft, issued, zip: { ...zip, bytes: Object.keys(entries).sort() }, xml, cancelled, after, listed, listedOfCustomer, cancelledAll, listedAll, sepa, repeat, unknownRun, rawEInvoices, rawSepa };
    });
    expect(fontsAsked).toBe(2);
    expect(remote.mandates.added).toBe(5);
    expect(remote.again.batchId).toBeNull();
    expect(remote.draft).toMatchObject({ issuedAt: null, needsPdfFonts: true });
    expect(remote.issued.issuedAt).toBe(FIXED_NOW);
    expect(remote.zip.files.map((f) => f.format)).toEqual(["zugferd", "xrechnung-ubl", "xrechnung-cii"]);
    expect(Object.keys(remote.xml)).toHaveLength(2);
    expect(remote.after!.invoices.find((i) => i.invoiceRef === "RE-000002")!.cancelledBy).toBe(remote.cancelled.cancellationRef);
    expect(remote.listed.map((i) => [i.invoiceRef, i.title, i.state, i.cancelledBy ?? "", i.cancels ?? "", i.reason ?? ""])).toEqual([
      ["RE-000001", "Rechnung", "issued", "", "", ""],
      ["RE-000002", "Rechnung", "issued", remote.cancelled.cancellationRef, "", ""],
      ["RE-000003", "Rechnung", "issued", "", "", ""],
      [remote.cancelled.cancellationRef, "Stornorechnung", "issued", "", "RE-000002", "doppelt berechnet"],
    ]);
    expect(remote.listedOfCustomer.map((i) => i.invoiceRef)).toEqual(["RE-000002", remote.cancelled.cancellationRef]);
    expect(remote.listedAll.filter((i) => i.title === "Stornorechnung")).toHaveLength(3);
    expect(remote.cancelledAll.cancelledBefore).toEqual(["RE-000002"]);
    expect(remote.cancelledAll.cancellations.map((c) => c.cancelled)).toEqual(["RE-000001", "RE-000003"]);
    expect(remote.sepa.kind === "failed" ? remote.sepa.issues : remote.sepa.kind).toBe("done");
    expect(remote.sepa.kind === "done" && remote.sepa.value.report.map((i) => [i.code, i.params.invoice ?? i.params.count])).toEqual([
      ["sepa.report.collected", 2],
      ["sepa.report.not_direct_debit", "RE-000003"],
    ]);
    expect(remote.repeat.kind).toBe("confirm_repeat");
    expect(!remote.unknownRun.ok && remote.unknownRun.issues[0]!.code).toBe("billing.finalize_unknown_run");
    expect(remote.rawEInvoices.ok && remote.rawEInvoices.value.files.length).toBe(3);
    expect(remote.rawSepa.ok && remote.rawSepa.value.plan.groups.length).toBeGreaterThan(0);
  });
});

describe("roles on the pane's Einkauf, lifecycle and SEPA calls", () => {
  const writes = (Object.keys(PURCHASE_BILLING_CALLS) as (keyof typeof PURCHASE_BILLING_CALLS)[]).filter((n) => !PURCHASE_BILLING_ROLES[n].includes("auditor"));

  it("writes are the clerks' (and admins'); reads are everyone's", () => {
    expect(writes.sort()).toEqual(["applyPriceUpdate", "cancelInvoice", "cancelRun", "eInvoicesOfRun", "exportSepaRun", "finalizeRun", "importLinks", "importMandates", "importPurchase", "setSepaSettings"]);
    for (const n of Object.keys(PURCHASE_BILLING_ROLES) as (keyof typeof PURCHASE_BILLING_ROLES)[]) expect([n, PURCHASE_BILLING_ROLES[n].includes("clerk")]).toEqual([n, true]);
  });

  it("an auditor gets 403 on every write and nothing changes; reads work for him", async () => {
    const side = await serverSide("otto");
    try {
      await seedStore(side.seed);
      const before = await side.server.store.revision();
      const file = textFile("x.csv", "a,b\n1,2\n");
      const args: Partial<Record<string, unknown[]>> = {
        importPurchase: [file],
        importLinks: [file],
        applyPriceUpdate: [[], { name: "Preis", sha256: "x" }],
        finalizeRun: ["run-00001"],
        cancelInvoice: ["RE-000001", {}],
        cancelRun: ["run-00001", {}],
        eInvoicesOfRun: ["run-00001", "customer", {}],
        exportSepaRun: [{ runId: "run-00001", collectionDate: "2026-01-20" }],
        setSepaSettings: ["{}"],
        importMandates: [file],
      };
      for (const name of writes) {
        const call = pane[name] as (ctx: AppContext, ...a: unknown[]) => Promise<unknown>;
        await expect(call(side.pane, ...args[name]!)).rejects.toMatchObject({ status: 403 });
      }
      expect(await side.server.store.revision()).toBe(before);
      expect((await pane.linksForEditing(side.pane)).length).toBe(0);
      expect(await pane.mandateSheetRows(side.pane)).toHaveLength(1); // the header
      expect(await pane.runLifecycle(side.pane, "run-00001")).toBeNull();
      expect(await pane.listInvoices(side.pane, { from: "2026-01-01" as never })).toEqual([]);
    } finally {
      await side.close();
    }
  });
});

/** The names the test covers are the table's: a new call must be added here too. */
it("every Einkauf/lifecycle/SEPA pane call is a PANE_CALLS name", () => {
  const names: PaneCallName[] = Object.keys(PURCHASE_BILLING_CALLS) as PaneCallName[];
  expect(names.every((n) => typeof (pane as Record<string, unknown>)[n] === "function")).toBe(true);
});
