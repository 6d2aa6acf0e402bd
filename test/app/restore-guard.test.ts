import { runBilling } from "../../src/app/bill";
import { cancelInvoice } from "../../src/app/cancel-invoice";
import type { AppContext } from "../../src/app/context";
import { importMaster } from "../../src/app/import-master";
import { finalizeRun } from "../../src/app/issue-run";
import { restoreStore } from "../../src/app/restore";
import { verifyIntegrity } from "../../src/app/verify";
import { type BackupDoc, backupToJson, exportBackup, parseBackup } from "../../src/store/backup";
import { INVOICE_CHAIN_KEY } from "../../src/store/chain-heads";
import type { AuditRecord, StoredInvoice } from "../../src/store/records";
import type { LedgerEntry } from "../../src/core/billing/ledger";
import { storeState } from "../support/fail-injection";
import { testContext, textFile } from "../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\n";
const contracts = (qty: number) =>
  [
    "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from",
    `10001,Müller GmbH,V-1,monthly,advance,2026-01-01,1,M365-BP,${qty},20.60,19,2026-01-01`,
    "10002,Schmidt KG,V-2,monthly,advance,2026-01-01,1,M365-BP,3,20.60,19,2026-01-01",
  ].join("\n");

async function seeded(qty = 10): Promise<AppContext> {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", contracts(qty))])).ok).toBe(true);
  return ctx;
}

async function bill(ctx: AppContext, month: string): Promise<string> {
  const r = await runBilling(ctx, { month: month as "2026-01", invoiceDate: `${month}-02` as "2026-01-02" });
  if (!r.ok || !r.value.runId) throw new Error(`bill ${month} failed`);
  return r.value.runId;
}

/** The backup as a restore reads it (written and parsed again, so the header's heads are checked). */
async function backup(ctx: AppContext): Promise<BackupDoc> {
  const doc = parseBackup(backupToJson(await exportBackup(ctx.store, "2026-01-31T18:00:00.000Z")), "sicherung.json");
  if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
  return doc.value;
}

const FILE = { name: "sicherung.json", sha256: "a".repeat(64) };
const codes = (r: { ok: boolean; issues?: { code: string }[] }) => (r.ok ? [] : r.issues!.map((i) => i.code));

describe("a restore never loses issued invoices or audit entries", () => {
  it("a backup taken before issued invoices is refused naming the first lost invoice; nothing changes", async () => {
    const ctx = await seeded();
    const early = await backup(ctx);
    const jan = await bill(ctx, "2026-01");
    expect((await finalizeRun(ctx, jan)).ok).toBe(true);
    const state = await storeState(ctx);
    const r = await restoreStore(ctx, early, FILE);
    expect(codes(r)).toEqual(["restore.loses_invoice"]);
    expect(!r.ok && r.issues[0]!.params).toEqual({ invoice: "RE-000001", customer: "10001 Müller GmbH", date: "2026-01-02", amount: "245.14" });
    expect(await storeState(ctx)).toBe(state);
  });

  it("losing only a draft's invoices is allowed (a draft can be undone anyway); the log keeps every entry", async () => {
    const ctx = await seeded();
    const jan = await bill(ctx, "2026-01");
    expect((await finalizeRun(ctx, jan)).ok).toBe(true);
    const afterJan = await backup(ctx);
    await bill(ctx, "2026-02");
    const logBefore = (await exportBackup(ctx.store, "t")).tables.auditLog as AuditRecord[];
    const r = await restoreStore(ctx, afterJan, FILE);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.auditKept).toBe(logBefore.length - afterJan.tables.auditLog.length);
    const now = await exportBackup(ctx.store, "t");
    expect(now.tables.invoices.map((i) => (i as StoredInvoice).invoiceRef)).toEqual(["RE-000001", "RE-000002"]);
    // the February run's entries are still in the log, followed by the restore
    expect(now.tables.auditLog.slice(0, -1)).toEqual(logBefore);
    expect((now.tables.auditLog.at(-1) as AuditRecord).kind).toBe("store.restore");
    expect((await verifyIntegrity(ctx)).firstBreak).toBeNull();
    // the February numbers are handed out again, gap-free after the issued ones
    await bill(ctx, "2026-02");
    expect((await exportBackup(ctx.store, "t")).tables.invoices.map((i) => (i as StoredInvoice).invoiceRef)).toEqual(["RE-000001", "RE-000002", "RE-000003", "RE-000004"]);
  });

  it("a cancellation issued after the backup is an issued invoice too", async () => {
    const ctx = await seeded();
    const jan = await bill(ctx, "2026-01");
    expect((await finalizeRun(ctx, jan)).ok).toBe(true);
    const before = await backup(ctx);
    expect((await cancelInvoice(ctx, "RE-000002")).ok).toBe(true);
    const r = await restoreStore(ctx, before, FILE);
    // RE-000002 is in the backup, but without its cancellation mark (outside the hash): fine; RE-000003 is lost
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.invoice])).toEqual([["restore.loses_invoice", "RE-000003"]]);
  });

  it("another store's backup holding the same number with other content is refused for the invoice and the log", async () => {
    const other = await seeded(12);
    expect((await finalizeRun(other, await bill(other, "2026-01"))).ok).toBe(true);
    const foreign = await backup(other);
    const ctx = await seeded();
    expect((await finalizeRun(ctx, await bill(ctx, "2026-01"))).ok).toBe(true);
    const r = await restoreStore(ctx, foreign, FILE);
    expect(codes(r)).toEqual(["restore.invoice_differs", "restore.audit_diverges"]);
    expect(!r.ok && r.issues[0]!.params.invoice).toBe("RE-000001");
    // the first entry where the logs differ (the identical article imports before it match)
    const mine = (await exportBackup(ctx.store, "t")).tables.auditLog as AuditRecord[];
    const differs = mine.find((e, i) => e.hash !== (foreign.tables.auditLog[i] as AuditRecord | undefined)?.hash)!;
    expect(!r.ok && [r.issues[1]!.params.seq, r.issues[1]!.params.kind]).toEqual([differs.seq, differs.kind]);
  });

  it("into an empty store any valid backup restores (a new device)", async () => {
    const ctx = await seeded();
    expect((await finalizeRun(ctx, await bill(ctx, "2026-01"))).ok).toBe(true);
    const doc = await backup(ctx);
    const fresh = await testContext();
    const r = await restoreStore(fresh, doc, FILE);
    expect(r.ok && r.value.auditKept).toBe(0);
    expect((await verifyIntegrity(fresh)).heads.invoices).toEqual((await verifyIntegrity(ctx)).heads.invoices);
  });
});

describe("chain heads: verify and the backup carry them, a cut backup is refused", () => {
  it("the backup header holds the heads verify reports", async () => {
    const ctx = await seeded();
    expect((await finalizeRun(ctx, await bill(ctx, "2026-01"))).ok).toBe(true);
    const report = await verifyIntegrity(ctx);
    expect(report.heads.invoices).toEqual({ count: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.heads.auditLog.count).toBe(report.auditEntries);
    const text = backupToJson(await exportBackup(ctx.store, "t"));
    const header = JSON.parse(`${text.split("\n")[0]}}}`) as { chainHeads: unknown };
    expect(header.chainHeads).toEqual(report.heads);
    // the issue's audit entry records the invoice chain head as well
    const issueEntry = (await exportBackup(ctx.store, "t")).tables.auditLog.find((e) => (e as AuditRecord).kind === "billing.run.issue") as AuditRecord;
    expect((issueEntry.after as { chainHead: unknown }).chainHead).toEqual({ seq: 2, hash: report.heads.invoices.hash });
  });

  it("cutting the last issued invoice out of a backup is refused, whether or not the head setting and header are cut too", async () => {
    const ctx = await seeded();
    expect((await finalizeRun(ctx, await bill(ctx, "2026-01"))).ok).toBe(true);
    const doc = await exportBackup(ctx.store, "t");
    const lastInvoice = (doc.tables.invoices as StoredInvoice[]).find((i) => i.chainSeq === 2)!;
    const cut = { ...doc, tables: { ...doc.tables, invoices: doc.tables.invoices.filter((i) => i !== lastInvoice) } };
    const check = (d: BackupDoc) => parseBackup(backupToJson(d), "cut.json");

    // the header still says 2 invoices
    const r1 = check(cut);
    expect(!r1.ok && r1.issues.map((i) => [i.code, i.params.chain, i.params.where])).toEqual([["backup.chain_cut", "invoices", "chainHeads"]]);
    // header edited to match: the backup's own head setting still says 2
    const prevHash = lastInvoice.prevHash!;
    const headerCut = { ...cut, chainHeads: { ...cut.chainHeads!, invoices: { count: 1, hash: prevHash } } };
    const r2 = check(headerCut);
    expect(!r2.ok && r2.issues.map((i) => [i.code, i.params.where])).toEqual([["backup.chain_cut", INVOICE_CHAIN_KEY]]);
    // setting edited too: the file verifies, but its head differs from the one written down at verify
    const settings = doc.tables.settings.map((s) => ((s as { key: string }).key === INVOICE_CHAIN_KEY ? { key: INVOICE_CHAIN_KEY, value: { seq: 1, hash: prevHash } } : s));
    const r3 = check({ ...headerCut, tables: { ...headerCut.tables, settings } });
    if (!r3.ok) throw new Error(JSON.stringify(r3.issues));
    const recorded = (await verifyIntegrity(ctx)).heads.invoices;
    expect(r3.value.chainHeads!.invoices).not.toEqual(recorded);
    // and it cannot replace the store: it would lose the issued invoice it lacks
    expect(codes(await restoreStore(ctx, r3.value, FILE))).toEqual(["restore.loses_invoice"]);
  });

  it("cutting the last audit entries out of a backup is refused", async () => {
    const ctx = await seeded();
    await bill(ctx, "2026-01");
    const doc = await exportBackup(ctx.store, "t");
    const r = parseBackup(backupToJson({ ...doc, tables: { ...doc.tables, auditLog: doc.tables.auditLog.slice(0, -2) } }), "cut.json");
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.chain])).toEqual([["backup.chain_cut", "auditLog"]]);
    // a backup of an earlier version (no heads in its header) still restores
    const { chainHeads: _, ...old } = doc;
    expect(parseBackup(backupToJson(old as BackupDoc), "alt.json").ok).toBe(true);
  });
});

describe("a backup whose ledger was edited is refused like a tampered chain", () => {
  it("an issued invoice's entry edited, removed or added: the backup is refused naming the invoice (so neither restore path takes it)", async () => {
    const ctx = await seeded();
    expect((await finalizeRun(ctx, await bill(ctx, "2026-01"))).ok).toBe(true);
    const doc = await exportBackup(ctx.store, "t");
    const ledger = doc.tables.ledger as LedgerEntry[];
    const victim = ledger.find((e) => e.invoiceRef === "RE-000002")!;
    const withLedger = (rows: LedgerEntry[]) => parseBackup(backupToJson({ ...doc, tables: { ...doc.tables, ledger: rows } }), "edited.json");
    const refused = (r: ReturnType<typeof withLedger>) => (r.ok ? [] : r.issues.map((i) => [i.code, i.params.invoice]));
    expect(withLedger(ledger).ok).toBe(true);
    expect(refused(withLedger(ledger.map((e) => (e === victim ? { ...e, roundedAmount: "1.00" } : e))))).toEqual([["backup.ledger_changed", "RE-000002"]]);
    expect(refused(withLedger(ledger.map((e) => (e === victim ? { ...e, quantity: "4" } : e))))).toEqual([["backup.ledger_changed", "RE-000002"]]);
    expect(refused(withLedger(ledger.filter((e) => e !== victim)))).toEqual([["backup.ledger_changed", "RE-000002"]]);
    expect(refused(withLedger([...ledger, { ...victim, id: `${victim.id}-2`, month: "2026-02" }]))).toEqual([["backup.ledger_changed", "RE-000002"]]);
  });
});

