/**
 * PRODUCT.md §9 "importing the same file twice changes nothing": every import, apply and billing run
 * done a second time with the same input is a no-op. The whole store is compared (backup text), so
 * the no-op also records nothing: no batch, no audit entry, no counter taken. A restore replaces the
 * store (its audit log too) and records itself: the same backup twice gives the same store but for
 * the restore's own entry.
 */
import { applyReview } from "../../src/app/apply-review";
import { runBilling } from "../../src/app/bill";
import type { AppContext } from "../../src/app/context";
import { saveExportProfiles, saveExportSettings } from "../../src/app/export-invoices";
import { importMaster } from "../../src/app/import-master";
import { importMeters } from "../../src/app/meters";
import { applyPriceUpdate } from "../../src/app/price-update";
import { importLinks, importPurchase } from "../../src/app/purchase";
import { importTime, setRules } from "../../src/app/time";
import { undoBatch } from "../../src/app/undo-batch";
import { undoRun } from "../../src/app/undo-run";
import { restoreStore } from "../../src/app/restore";
import { exportBackup, parseBackup, backupToJson } from "../../src/store/backup";
import { METERS_CSV, TIME_CSV, TIME_RULES } from "../app/time-fixtures";
import { LINKS, PURCHASE, seedDomains } from "../scenarios/purchase/domain-scenario";
import { storeState } from "../support/fail-injection";
import { testContext, textFile } from "../support/fixtures";
import { MASTER_ARTICLES, MASTER_CONTRACTS, MASTER_MAPPINGS, octoberCsv, reconcile, roundTripReview, seedStore } from "../support/reconcile-scenario";
import { COMPANY, DATEV, EXPORT_PROFILE, LINKS_UPDATE, PURCHASE_UPDATE, domainProposal, masterUpdateFiles, must, octoberReview, seedTimeMaster, seedUsage } from "./use-cases";

/** The same text as another file: Windows line endings, a byte order mark, another name. */
const copyOf = (name: string, text: string) => ({ name: `Kopie von ${name}`, bytes: new TextEncoder().encode("\uFEFF" + text.replace(/\r?\n/g, "\r\n")) });

/** Runs `again` and checks that the store is exactly what it was. */
async function expectNoOp(ctx: AppContext, again: () => Promise<unknown>): Promise<void> {
  const before = await storeState(ctx);
  await again();
  expect(await storeState(ctx)).toBe(before);
}

describe("doing the same thing twice changes nothing the second time", () => {
  it("master files (contracts, articles, mappings), also as a re-saved copy", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const files = [textFile("articles.csv", MASTER_ARTICLES), textFile("contracts.csv", MASTER_CONTRACTS), textFile("mappings.csv", MASTER_MAPPINGS)];
    await expectNoOp(ctx, async () => expect(must(await importMaster(ctx, files))).toMatchObject({ batchId: null, versions: 0, customers: 0, mappings: 0 }));
    await expectNoOp(ctx, async () => expect(must(await importMaster(ctx, [copyOf("contracts.csv", MASTER_CONTRACTS), copyOf("articles.csv", MASTER_ARTICLES)]))).toMatchObject({ batchId: null }));
    must(await importMaster(ctx, masterUpdateFiles()));
    await expectNoOp(ctx, async () => expect(must(await importMaster(ctx, masterUpdateFiles()))).toMatchObject({ batchId: null, versions: 0 }));
  });

  it("a review of a vendor file applied twice, and the same vendor file reconciled and applied again", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const decisions = await octoberReview(ctx);
    expect(must(await applyReview(ctx, decisions, { name: "review.csv", sha256: "a" })).versions).toBe(3);
    await expectNoOp(ctx, async () => expect(must(await applyReview(ctx, decisions, { name: "review.csv", sha256: "a" }))).toMatchObject({ batchId: null, versions: 0, mappings: 0 }));
    // the vendor file again (another copy): every applied change is now "unchanged"; applying its review writes nothing
    const rows = await reconcile(ctx, octoberCsv("german"));
    expect(rows.filter((r) => r.status === "quantity_changed" || r.status === "new_position")).toEqual([]);
    const again = roundTripReview(rows);
    await expectNoOp(ctx, async () => expect(must(await applyReview(ctx, again.decisions, { name: "review-2.csv", sha256: "b" }))).toMatchObject({ batchId: null }));
    // and the master files the store was seeded from, imported again after the review
    await expectNoOp(ctx, async () => expect(must(await importMaster(ctx, [textFile("contracts.csv", MASTER_CONTRACTS), textFile("mappings.csv", MASTER_MAPPINGS)]))).toMatchObject({ batchId: null }));
  });

  it("a price-update proposal applied twice", async () => {
    const ctx = await testContext();
    await seedDomains(ctx);
    const decisions = await domainProposal(ctx);
    expect(must(await applyPriceUpdate(ctx, decisions, { name: "p.csv", sha256: "p" })).versions).toBe(3);
    await expectNoOp(ctx, async () => expect(must(await applyPriceUpdate(ctx, decisions, { name: "p.csv", sha256: "p" }))).toMatchObject({ batchId: null, versions: 0, purchaseVersions: 0 }));
  });

  it("purchase and links files", async () => {
    const ctx = await testContext();
    await seedDomains(ctx);
    await expectNoOp(ctx, async () => expect(must(await importPurchase(ctx, copyOf("purchase.csv", PURCHASE)))).toMatchObject({ batchId: null, versions: 0 }));
    await expectNoOp(ctx, async () => expect(must(await importLinks(ctx, copyOf("links.csv", LINKS)))).toMatchObject({ batchId: null, added: 0 }));
    must(await importPurchase(ctx, textFile("einkauf.csv", PURCHASE_UPDATE)));
    must(await importLinks(ctx, textFile("links-neu.csv", LINKS_UPDATE)));
    await expectNoOp(ctx, async () => expect(must(await importPurchase(ctx, textFile("einkauf.csv", PURCHASE_UPDATE)))).toMatchObject({ batchId: null }));
    await expectNoOp(ctx, async () => expect(must(await importLinks(ctx, textFile("links-neu.csv", LINKS_UPDATE)))).toMatchObject({ batchId: null, added: 0, removed: 0 }));
  });

  it("time and meter files, before and after billing", async () => {
    const ctx = await testContext();
    await seedTimeMaster(ctx);
    must(await importTime(ctx, textFile("zeiten.csv", TIME_CSV)));
    must(await importMeters(ctx, textFile("zaehler.csv", METERS_CSV)));
    await expectNoOp(ctx, async () => expect(must(await importTime(ctx, copyOf("zeiten.csv", TIME_CSV)))).toMatchObject({ batchId: null, added: 0, changed: 0 }));
    await expectNoOp(ctx, async () => expect(must(await importMeters(ctx, copyOf("zaehler.csv", METERS_CSV)))).toMatchObject({ batchId: null, added: 0 }));
    must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }));
    await expectNoOp(ctx, async () => expect(must(await importTime(ctx, textFile("zeiten.csv", TIME_CSV)))).toMatchObject({ batchId: null, added: 0 }));
    await expectNoOp(ctx, async () => expect(must(await importMeters(ctx, textFile("zaehler.csv", METERS_CSV)))).toMatchObject({ batchId: null, added: 0 }));
  });

  it("billing a month twice (recurring, time, clicks), and a later month once more", async () => {
    const ctx = await testContext();
    await seedUsage(ctx);
    const first = must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }));
    expect(first.invoices.length).toBe(3);
    await expectNoOp(ctx, async () => expect(must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }))).toMatchObject({ runId: null, invoices: [], ledgerEntries: 0 }));
    must(await runBilling(ctx, { month: "2026-07", invoiceDate: "2026-08-01" }));
    await expectNoOp(ctx, async () => expect(must(await runBilling(ctx, { month: "2026-07", invoiceDate: "2026-08-01" }))).toMatchObject({ runId: null }));
    await expectNoOp(ctx, async () => expect(must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }))).toMatchObject({ runId: null }));
  });

  it("restoring the same backup twice gives exactly the backup's data; the log keeps both restore entries (it is never rolled back)", async () => {
    const source = await testContext();
    await seedUsage(source);
    must(await runBilling(source, { month: "2026-06", invoiceDate: "2026-07-01" }));
    const text = backupToJson(await exportBackup(source.store, "t"));
    const doc = parseBackup(text);
    if (!doc.ok) throw new Error("backup unreadable");
    const ctx = await testContext();
    const file = { name: "b.json", sha256: "b".repeat(64) };
    /** The store without the restore entries, which must be the only entries added, the last ones. */
    const withoutRestoreEntries = async (n: number) => {
      const tables = (await exportBackup(ctx.store, "t")).tables;
      expect(tables.auditLog.slice(-n).map((e) => (e as { kind: string }).kind)).toEqual(Array(n).fill("store.restore"));
      expect(tables.auditLog.filter((e) => (e as { kind: string }).kind === "store.restore")).toHaveLength(n);
      return backupToJson({ ...doc.value, exportedAt: "t", tables: { ...tables, auditLog: tables.auditLog.slice(0, -n) } });
    };
    must(await restoreStore(ctx, doc.value, file));
    expect(await withoutRestoreEntries(1)).toBe(text);
    const once = await storeState(ctx);
    must(await restoreStore(ctx, doc.value, file));
    expect(await withoutRestoreEntries(2)).toBe(text);
    // the second entry differs from the first only in what the store held before and that it kept the first
    const entry = async (state: string) => (JSON.parse(state) as { tables: { auditLog: Record<string, unknown>[] } }).tables.auditLog.at(-1)!;
    const [first, second] = [await entry(once), await entry(await storeState(ctx))];
    expect(second.after).toMatchObject({ auditKept: 1 });
    expect({ ...second, seq: null, before: null, after: null, prevHash: null, hash: null }).toEqual({ ...first, seq: null, before: null, after: null, prevHash: null, hash: null });
  });

  it("settings saved again with the same content change no setting; only the audit log records the repeated save", async () => {
    const ctx = await testContext();
    await seedTimeMaster(ctx);
    await saveExportSettings(ctx, { company: COMPANY, datev: DATEV });
    await saveExportProfiles(ctx, [EXPORT_PROFILE]);
    const before = (await exportBackup(ctx.store, "t")).tables;
    const auditBefore = before.auditLog.length;
    must(await setRules(ctx, TIME_RULES, "rules.json"));
    await saveExportSettings(ctx, { company: COMPANY, datev: DATEV });
    await saveExportProfiles(ctx, [EXPORT_PROFILE]);
    const after = (await exportBackup(ctx.store, "t")).tables;
    expect({ ...after, auditLog: [] }).toEqual({ ...before, auditLog: [] });
    const added = after.auditLog.slice(auditBefore) as { before?: unknown; after?: unknown }[];
    expect(added).toHaveLength(4);
    for (const a of added) expect(a.before).toEqual(a.after);
  });

  it("undoing a batch or a run twice: the second undo is refused and changes nothing", async () => {
    const ctx = await testContext();
    await seedUsage(ctx);
    const { batchId } = must(await importMaster(ctx, [textFile("neu.csv", "article_no,description,unit_price,vat_pct\nX-1,Extra,1.00,19\n")]));
    must(await undoBatch(ctx, batchId!));
    await expectNoOp(ctx, async () => expect(await undoBatch(ctx, batchId!)).toMatchObject({ ok: false, issues: [{ code: "review.batch_already_undone" }] }));
    const { runId } = must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }));
    must(await undoRun(ctx, runId!));
    await expectNoOp(ctx, async () => expect((await undoRun(ctx, runId!)).ok).toBe(false));
  });
});
