/**
 * Every use case that writes to the store, each with a realistic store to start from: the catalogue
 * that the all-or-nothing, idempotency and audit tests run over. `prepare` seeds the store and returns
 * `act`, which runs the use case once (as the CLI or the task pane would) and can be called again on
 * the same store.
 */
import { applyReview } from "../../src/app/apply-review";
import { runBilling } from "../../src/app/bill";
import type { AppContext } from "../../src/app/context";
import { saveExportProfiles, saveExportSettings } from "../../src/app/export-invoices";
import { deleteExportProfile } from "../../src/app/export-profile-delete";
import { importMaster } from "../../src/app/import-master";
import { importMeters } from "../../src/app/meters";
import { applyPriceUpdate, proposePriceUpdate } from "../../src/app/price-update";
import { EXAMPLE_PROFILES, saveProfilesFromJson } from "../../src/app/profiles";
import { importLinks, importPurchase } from "../../src/app/purchase";
import { restoreStore } from "../../src/app/restore";
import { importTime, saveTimeProfiles, setRules } from "../../src/app/time";
import { applyTimeDecisions, reviewTimeEntries } from "../../src/app/time-review";
import { undoBatch } from "../../src/app/undo-batch";
import { undoRun } from "../../src/app/undo-run";
import { cancelInvoice, cancelRun } from "../../src/app/cancel-invoice";
import { finalizeRun } from "../../src/app/issue-run";
import type { Result } from "../../src/core/issues";
import { Decimal } from "../../src/core/money/decimal";
import { parseRounding, parseStrategy } from "../../src/core/purchase/price-strategy";
import type { DatevConfig } from "../../src/io/export/datev/config";
import type { CompanyInfo } from "../../src/io/export/documents/company";
import type { ExportProfile } from "../../src/io/export/custom-csv/profile";
import { proposalTableRows, readProposalTable } from "../../src/io/purchase/proposal-table";
import { readCsvText } from "../../src/io/table/read-csv";
import { toCsv } from "../../src/io/table/write-csv";
import { exportBackup } from "../../src/store/backup";
import { METERS_CSV, TIME_ARTICLES, TIME_CONTRACTS, TIME_CSV, TIME_RULES } from "../app/time-fixtures";
import { seedDomains } from "../scenarios/purchase/domain-scenario";
import { FIXED_NOW, textFile } from "../support/fixtures";
import { octoberCsv, reconcile, roundTripReview, seedStore } from "../support/reconcile-scenario";

/** Unwraps a use case's result; a failed one is a broken test setup, not a finding. */
export function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`use case failed: ${JSON.stringify(r.issues)}`);
  return r.value;
}

export type Act = (ctx: AppContext) => Promise<unknown>;

export interface UseCase {
  name: string;
  /** Seeds `ctx`'s store and returns the use case, ready to run. */
  prepare(ctx: AppContext): Promise<Act>;
}

/** A master-data change: a renamed customer, a changed article price, a new version, a new contract, a changed and a new mapping. */
export const MASTER_UPDATE = {
  articles: ["article_no,description,unit_price,vat_pct", "EXO-P1,Exchange Online Plan 1,4.20,19", "TEAMS-E,Teams Essentials,3.80,19"].join("\n"),
  contracts: [
    "customer_no,customer_name,contract_no,contract_type,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,valid_from",
    "10001,Müller GmbH,V-1001,license,monthly,advance,2026-01-01,1,M365-BP,11,20.60,2026-11-01",
    "10002,Schäfer & Co. KG,V-2001,license,monthly,advance,2026-03-01,1,M365-BP,4,21.00,2026-03-01",
    "10003,Neukunde AG,V-3001,license,monthly,advance,2026-11-01,1,TEAMS-E,7,3.80,2026-11-01",
  ].join("\n"),
  mappings: [
    "kind,source,external_id,internal_no",
    "customer,microsoft-nce-invoice,33333333-cccc-4ccc-8ccc-000000000003,10003",
    "article,*,CFQ7TTC0LH16:0001,TEAMS-E",
  ].join("\n"),
};

export function masterUpdateFiles() {
  return [textFile("articles-neu.csv", MASTER_UPDATE.articles), textFile("contracts-neu.csv", MASTER_UPDATE.contracts), textFile("mappings-neu.csv", MASTER_UPDATE.mappings)];
}

/** The domain scenario's purchase contract with a cost change from 2027, and a new purchase contract. */
export const PURCHASE_UPDATE = [
  "supplier,purchase_no,supplier_ref,position_no,article_no,description,object,quantity,unit_cost,billing_interval,valid_from",
  "DENIC Registrar GmbH,EK-100,KD-4711,1,DOM-DE,,.de domains (alpha.de beta.de beta-shop.de gamma.de),4,1.10,annual,2027-01-01",
  "Sectigo Ltd,EK-200,S-99,1,SSL-DV,,shop.gamma.de,1,6.00,annual,2026-06-01",
].join("\n");

/** One link added (V-3004), one removed (V-3003). */
export const LINKS_UPDATE = ["purchase_no,purchase_position_no,contract_no,position_no,action", "EK-100,1,V-3004,1,link", "EK-100,1,V-3003,1,unlink"].join("\n");

export const COMPANY: CompanyInfo = { name: "Systemhaus Beispiel GmbH", address: "Hauptstraße 5\n20095 Hamburg", taxNumber: "22/123/45678" };
export const DATEV: DatevConfig = { consultantNo: 1234567, clientNo: 10001, fiscalYearStart: "01-01", accountLength: 4, chart: "SKR03" };

export const EXPORT_PROFILE: ExportProfile = {
  id: "erp-zeilen",
  version: 1,
  name: "ERP Rechnungszeilen",
  delimiter: ";",
  decimal: ",",
  dateFormat: "DD.MM.YYYY",
  encoding: "utf-8",
  level: "line",
  columns: [
    { source: "customer_no", header: "Kunde" },
    { source: "invoice_ref", header: "Rechnung" },
    { source: "net_amount", header: "Netto" },
  ],
};

/** The time scenario's store: articles, contracts (managed service, contingent, click) and rules. */
export async function seedTimeMaster(ctx: AppContext): Promise<void> {
  must(await importMaster(ctx, [textFile("articles.csv", TIME_ARTICLES), textFile("contracts.csv", TIME_CONTRACTS)]));
  must(await setRules(ctx, TIME_RULES, "rules.json"));
}

/** The time scenario with June's time entries and meter readings, ready to bill. */
export async function seedUsage(ctx: AppContext): Promise<void> {
  await seedTimeMaster(ctx);
  must(await importTime(ctx, textFile("zeiten-juni.csv", TIME_CSV)));
  must(await importMeters(ctx, textFile("zaehler.csv", METERS_CSV)));
}

/** Reviews are applied as the CLI does: written to CSV and read back. */
export async function octoberReview(ctx: AppContext) {
  const { decisions, issues } = roundTripReview(await reconcile(ctx, octoberCsv()));
  if (issues.length > 0) throw new Error(JSON.stringify(issues));
  return decisions;
}

export async function domainProposal(ctx: AppContext) {
  const rows = must(await proposePriceUpdate(ctx, { selection: { refs: ["EK-100:1"] }, newCost: new Decimal("1.20"), from: "2027-01-01", strategy: parseStrategy("keep-margin")!, rounding: parseRounding("cents")! })).rows;
  const { decisions, issues } = readProposalTable(readCsvText(toCsv(proposalTableRows(rows)), "proposal.csv").table);
  if (issues.length > 0) throw new Error(JSON.stringify(issues));
  return decisions;
}

const REVIEW_FILE = { name: "review.csv", sha256: "0".repeat(63) + "1" };
const PROPOSAL_FILE = { name: "proposal.csv", sha256: "0".repeat(63) + "2" };

export const TIME_PROFILE_JSON = JSON.stringify({ id: "halo", name: "HaloPSA export", version: 1, columns: { ticket: "Ticket ID", customer: "Client", date: "Date", minutes: "Time (mins)", activity: "Charge Type" } });

export const USE_CASES: readonly UseCase[] = [
  {
    name: "import-master (new, changed and unchanged rows of all three kinds)",
    async prepare(ctx) {
      await seedStore(ctx);
      return async (c) => must(await importMaster(c, masterUpdateFiles()));
    },
  },
  {
    name: "apply (reconcile review)",
    async prepare(ctx) {
      await seedStore(ctx);
      const decisions = await octoberReview(ctx);
      return async (c) => must(await applyReview(c, decisions, REVIEW_FILE));
    },
  },
  {
    name: "apply (price-update proposal)",
    async prepare(ctx) {
      await seedDomains(ctx);
      const decisions = await domainProposal(ctx);
      return async (c) => must(await applyPriceUpdate(c, decisions, PROPOSAL_FILE));
    },
  },
  {
    name: "bill (recurring, ticket time, flat fees, clicks)",
    async prepare(ctx) {
      await seedUsage(ctx);
      return async (c) => must(await runBilling(c, { month: "2026-06", invoiceDate: "2026-07-01" }));
    },
  },
  {
    name: "undo batch (a reconcile apply)",
    async prepare(ctx) {
      await seedStore(ctx);
      const { batchId } = must(await applyReview(ctx, await octoberReview(ctx), REVIEW_FILE));
      return async (c) => must(await undoBatch(c, batchId!));
    },
  },
  {
    name: "undo batch (a master import that overwrote rows)",
    async prepare(ctx) {
      await seedStore(ctx);
      const { batchId } = must(await importMaster(ctx, masterUpdateFiles()));
      return async (c) => must(await undoBatch(c, batchId!));
    },
  },
  {
    name: "undo run",
    async prepare(ctx) {
      await seedUsage(ctx);
      const { runId } = must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }));
      return async (c) => must(await undoRun(c, runId!));
    },
  },
  {
    name: "finalize (issue a billing run)",
    async prepare(ctx) {
      await seedUsage(ctx);
      const { runId } = must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }));
      return async (c) => ({ runId: must(await finalizeRun(c, runId!)).id });
    },
  },
  {
    name: "cancel invoice",
    async prepare(ctx) {
      await seedUsage(ctx);
      const { runId, invoices } = must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }));
      must(await finalizeRun(ctx, runId!));
      return async (c) => must(await cancelInvoice(c, invoices[0]!.invoiceRef, { date: "2026-07-10" }));
    },
  },
  {
    name: "cancel run (the invoices of an issued run not cancelled yet)",
    async prepare(ctx) {
      await seedUsage(ctx);
      const { runId, invoices } = must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }));
      must(await finalizeRun(ctx, runId!));
      must(await cancelInvoice(ctx, invoices[0]!.invoiceRef, { date: "2026-07-05" }));
      return async (c) => must(await cancelRun(c, runId!, { date: "2026-07-10" }));
    },
  },
  {
    name: "purchase import (new version, new contract)",
    async prepare(ctx) {
      await seedDomains(ctx);
      return async (c) => must(await importPurchase(c, textFile("einkauf.csv", PURCHASE_UPDATE)));
    },
  },
  {
    name: "links import (one link added, one removed)",
    async prepare(ctx) {
      await seedDomains(ctx);
      return async (c) => must(await importLinks(c, textFile("links-neu.csv", LINKS_UPDATE)));
    },
  },
  {
    name: "time import",
    async prepare(ctx) {
      await seedTimeMaster(ctx);
      return async (c) => must(await importTime(c, textFile("zeiten-juni.csv", TIME_CSV)));
    },
  },
  {
    name: "time approve (the on-site visit withdrawn, the note approved)",
    async prepare(ctx) {
      await seedTimeMaster(ctx);
      must(await importTime(ctx, textFile("zeiten-juni.csv", TIME_CSV)));
      const rows = (await reviewTimeEntries(ctx, "2026-06")).rows;
      const decisions = rows.map((r, i) => ({ entryId: r.entryId, billable: r.ticketNo === "4720" ? !r.billable : r.billable, where: { source: "Zeiten 2026-06", row: i + 2 } }));
      return async (c) => must(await applyTimeDecisions(c, decisions, { name: "Zeiten 2026-06", sha256: "0".repeat(63) + "3" }));
    },
  },
  {
    name: "meters import",
    async prepare(ctx) {
      await seedTimeMaster(ctx);
      return async (c) => must(await importMeters(c, textFile("zaehler.csv", METERS_CSV)));
    },
  },
  {
    // A backup of another store is refused (it would lose this store's audit entries): the backup is
    // this store's own, taken before a review was applied, so the restore rolls the data back.
    name: "restore (an earlier backup of the same store over later changes)",
    async prepare(ctx) {
      await seedStore(ctx);
      const doc = await exportBackup(ctx.store, FIXED_NOW);
      must(await applyReview(ctx, await octoberReview(ctx), REVIEW_FILE));
      return async (c) => must(await restoreStore(c, doc, { name: "sicherung.json", sha256: "0".repeat(63) + "3" }));
    },
  },
  {
    name: "rules set (replacing stored rules)",
    async prepare(ctx) {
      await seedTimeMaster(ctx);
      const rules = JSON.parse(TIME_RULES) as { defaults: { unitMinutes: number } };
      rules.defaults.unitMinutes = 10;
      return async (c) => must(await setRules(c, JSON.stringify(rules), "regeln-2027.json"));
    },
  },
  {
    name: "time profile save (replacing a saved profile)",
    async prepare(ctx) {
      must(await saveTimeProfiles(ctx, TIME_PROFILE_JSON));
      return async (c) => must(await saveTimeProfiles(c, TIME_PROFILE_JSON.replace("HaloPSA export", "HaloPSA Export 2")));
    },
  },
  {
    name: "vendor profile save",
    async prepare() {
      return async (c) => must(await saveProfilesFromJson(c, JSON.stringify(EXAMPLE_PROFILES)));
    },
  },
  {
    name: "export settings save (replacing company data, adding DATEV settings)",
    async prepare(ctx) {
      await saveExportSettings(ctx, { company: { name: "Systemhaus Alt GmbH", address: "Altweg 1\n20095 Hamburg", taxNumber: "22/123/45678" } });
      return (c) => saveExportSettings(c, { company: COMPANY, datev: DATEV });
    },
  },
  {
    name: "export profile save (replacing a saved profile)",
    async prepare(ctx) {
      await saveExportProfiles(ctx, [EXPORT_PROFILE]);
      return (c) => saveExportProfiles(c, [{ ...EXPORT_PROFILE, name: "ERP Rechnungszeilen 2027" }]);
    },
  },
  {
    name: "export profile delete",
    async prepare(ctx) {
      await saveExportProfiles(ctx, [EXPORT_PROFILE, { ...EXPORT_PROFILE, id: "bleibt" }]);
      return async (c) => must(await deleteExportProfile(c, EXPORT_PROFILE.id));
    },
  },
];
