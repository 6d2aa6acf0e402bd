/**
 * The small use cases the task pane reads and writes the store through (no host touches the store
 * itself): audit log, backup status and backups, runs, customers, purchase positions, mapping proposal.
 */
import { recentAudit } from "../../src/app/audit-log";
import { backupJson, backupStatus, markBackedUp, readBackup } from "../../src/app/backup";
import { runBilling } from "../../src/app/bill";
import { listRuns } from "../../src/app/billing-runs";
import { listCustomers } from "../../src/app/customers";
import { loadRunInvoices } from "../../src/app/export-invoices";
import { proposeMappings } from "../../src/app/mapping-proposal";
import { purchasePositionRefs } from "../../src/app/purchase-positions";
import { restoreStore } from "../../src/app/restore";
import { undoRun } from "../../src/app/undo-run";
import { latestRun } from "../../src/taskpane/billing/invoice-sheet";
import { saveBackup } from "../../src/taskpane/storage";
import { seedDomains } from "../scenarios/purchase/domain-scenario";
import { FIXED_NOW, testContext } from "../support/fixtures";
import { octoberCsv, reconcile, seedStore } from "../support/reconcile-scenario";

function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("backups from the pane", () => {
  it("counts contracts for the reminder; saving a backup downloads the whole store and records when (setting and audit entry)", async () => {
    const ctx = await testContext();
    expect(await backupStatus(ctx)).toEqual({ lastBackupAt: null, contracts: 0 });
    await seedStore(ctx);
    expect(await backupStatus(ctx)).toMatchObject({ lastBackupAt: null, contracts: 3 });
    const downloads: { name: string; text: string }[] = [];
    const download = (name: string, bytes: Uint8Array) => void downloads.push({ name, text: new TextDecoder().decode(bytes) });
    const name = await saveBackup({ app: ctx, download });
    expect(name).toBe("msp-billing-backup-2026-11-23.json");
    expect(await backupStatus(ctx)).toEqual({ lastBackupAt: FIXED_NOW, contracts: 3 });
    const [audit] = await recentAudit(ctx, 1);
    expect(audit).toMatchObject({ kind: "settings.put", source: "manual", entity: "setting:taskpane.lastBackupAt", after: FIXED_NOW });
    expect(audit!.before).toBeUndefined();
    await markBackedUp(ctx, "2026-11-24T08:00:00.000Z");
    expect((await recentAudit(ctx, 1))[0]).toMatchObject({ before: FIXED_NOW, after: "2026-11-24T08:00:00.000Z" });
    // the downloaded file is a complete backup that restores into an empty store
    expect(downloads.map((d) => d.name)).toEqual([name]);
    const doc = unwrap(readBackup(downloads[0]!.text, name));
    expect(doc.tables.contracts).toHaveLength(3);
    const other = await testContext();
    await restoreStore(other, doc, { name, sha256: "0".repeat(64) });
    expect(await listCustomers(other)).toEqual(await listCustomers(ctx));
  });

  it("refuses a file that is no backup, naming the file", async () => {
    const r = readBackup("{}", "notes.json");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]!.where?.source).toBe("notes.json");
    expect(JSON.parse(await backupJson(await testContext(), FIXED_NOW))).toMatchObject({ exportedAt: FIXED_NOW });
  });
});

describe("runs and their invoices", () => {
  it("lists runs oldest first; the latest live run's invoices come from the invoices table", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    expect(await listRuns(ctx)).toEqual([]);
    const first = unwrap(await runBilling(ctx, { month: "2026-10", invoiceDate: "2026-10-01" }));
    const second = unwrap(await runBilling(ctx, { month: "2026-11", invoiceDate: "2026-11-01" }));
    const runs = await listRuns(ctx);
    expect(runs.map((r) => r.id)).toEqual([first.runId, second.runId]);
    const latest = latestRun(runs)!;
    expect(latest.id).toBe(second.runId);
    const { invoices } = unwrap(await loadRunInvoices(ctx, latest.id));
    expect(invoices.map((i) => i.invoiceRef)).toEqual(second.invoices.map((i) => i.invoiceRef));
    unwrap(await undoRun(ctx, latest.id));
    expect(latestRun(await listRuns(ctx))?.id).toBe(first.runId);
  });
});

describe("lists for the pane's pickers and sheets", () => {
  it("purchase positions as NO:POS, sorted and distinct", async () => {
    const ctx = await testContext();
    expect(await purchasePositionRefs(ctx)).toEqual([]);
    await seedDomains(ctx);
    expect(await purchasePositionRefs(ctx)).toEqual(["EK-100:1", "EK-100:2"]);
  });

  it("a mapping proposal: the unmapped vendor ids with suggestions from the store", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const proposal = await proposeMappings(ctx, await reconcile(ctx, octoberCsv()));
    expect(proposal.needs.map((n) => [n.kind, n.vendorName])).toEqual([
      ["customer", "Neukunde AG"],
      ["article", "Teams Essentials"],
    ]);
    expect(proposal.customers.map((c) => c.no)).toEqual(["10001", "10002"]);
    expect(proposal.articles.map((a) => a.no)).toEqual(["EXO-P1", "M365-BP", "M365-E3"]);
    expect(proposal.suggestions).toHaveLength(2);
  });
});
