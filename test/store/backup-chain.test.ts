import { runBilling } from "../../src/app/bill";
import { importMaster } from "../../src/app/import-master";
import { finalizeRun } from "../../src/app/issue-run";
import { backupToJson, exportBackup, parseBackup } from "../../src/store/backup";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, MAPPINGS_CSV, testContext, textFile } from "../support/fixtures";

/** A backup of a store with an issued run (both chains non-empty), as a parsed JSON document. */
async function issuedBackup(): Promise<{ tables: Record<string, Record<string, unknown>[]> } & Record<string, unknown>> {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("c.csv", CONTRACTS_CSV_DE), textFile("a.csv", ARTICLES_CSV), textFile("m.csv", MAPPINGS_CSV)])).ok).toBe(true);
  const run = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
  if (!run.ok || !run.value.runId) throw new Error("billing failed");
  expect((await finalizeRun(ctx, run.value.runId)).ok).toBe(true);
  return JSON.parse(backupToJson(await exportBackup(ctx.store, "2026-12-06T00:00:00.000Z"))) as never;
}

const refusal = (doc: unknown): string[] | null => {
  const r = parseBackup(JSON.stringify(doc), "b.json");
  return r.ok ? null : r.issues.map((i) => `${String(i.params.table)} ${String(i.params.row)} ${String(i.params.field)}: ${String(i.params.detail)}`);
};

describe("a restore of a tampered backup is refused, naming the first broken record", () => {
  it("an untouched backup with issued invoices passes", async () => {
    const doc = await issuedBackup();
    expect(doc.tables.invoices!.filter((i) => typeof i.hash === "string").length).toBeGreaterThan(0);
    expect(refusal(doc)).toBeNull();
  });

  it("an edited audit row", async () => {
    const doc = await issuedBackup();
    const audit = doc.tables.auditLog!;
    expect(audit.length).toBeGreaterThan(2);
    audit[1]!.source = "edited";
    const issues = refusal(doc)!;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(`auditLog 2 hash: the hash chain is broken here (content_changed): the record seq ${String(audit[1]!.seq)}`);
  });

  it("an edited issued invoice", async () => {
    const doc = await issuedBackup();
    const inv = doc.tables.invoices!.find((i) => typeof i.hash === "string")!;
    inv.grossTotal = "1.00";
    const issues = refusal(doc)!;
    expect(issues.join("\n")).toContain(`the record invoiceRef ${String(inv.invoiceRef)}`);
  });

  it("a removed audit row breaks the link of the next one", async () => {
    const doc = await issuedBackup();
    const removed = doc.tables.auditLog!.splice(0, 1)[0]!;
    const issues = refusal(doc)!;
    expect(issues.join("\n")).toMatch(/auditLog 1 hash: .*\(link_broken\)/);
    expect(removed.hash).toEqual(expect.any(String));
  });

  it("a cancellation mark on an invoice is outside the hash", async () => {
    const doc = await issuedBackup();
    doc.tables.invoices!.find((i) => typeof i.hash === "string")!.cancelledBy = "RE-999999";
    expect(refusal(doc)).toBeNull();
  });
});
