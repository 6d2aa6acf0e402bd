/**
 * billed_until through the use cases (README "Moving from another billing system"): imported with the
 * contracts file, billed from the month after, merged like the other contract settings on a re-import
 * (audited, undoable), exported and restored unchanged.
 */
import { dbOf } from "../support/db-view";
import { runBilling } from "../../src/app/bill";
import { exportMaster } from "../../src/app/export-master";
import { importMaster } from "../../src/app/import-master";
import { restoreStore } from "../../src/app/restore";
import { undoBatch } from "../../src/app/undo-batch";
import type { AppContext } from "../../src/app/context";
import { backupToJson, exportBackup, parseBackup } from "../../src/store/backup";
import { testContext, textFile } from "../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\nMS-BASIC,Managed Service Basic,49.00,19\n";
const HEADER = "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,valid_from,billed_until";
/** Moved from an older system: real starts in 2024, billed there up to November 2026 and Q3 2026. */
const contracts = (v1 = "2026-11-30", v2 = "30.09.2026") =>
  [
    HEADER,
    `10001,Müller GmbH,V-1,monthly,advance,2024-03-01,1,M365-BP,10,20.60,2024-03-01,${v1}`,
    `10001,Müller GmbH,V-1,monthly,advance,2024-03-01,1,M365-BP,12,20.60,2025-06-01,${v1}`,
    `10002,Schmidt KG,V-2,quarterly,advance,2024-05-15,1,MS-BASIC,1,49.00,2024-05-15,${v2}`,
  ].join("\n");

async function seeded(): Promise<AppContext> {
  const ctx = await testContext();
  const r = await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", contracts())]);
  expect(r.ok).toBe(true);
  return ctx;
}

const lines = (r: Awaited<ReturnType<typeof runBilling>>) =>
  r.ok ? r.value.invoices.flatMap((i) => i.lines.map((l) => `${i.customerNo} ${l.lineType} ${l.serviceFrom}..${l.serviceTo} ${l.netAmount}${l.catchUp ? " catch-up" : ""}`)) : r.issues.map((i) => i.code);

describe("billed_until through import-master and bill", () => {
  it("the first run after the move bills only what the old system did not: December and Q4, no catch-up since 2024", async () => {
    const ctx = await seeded();
    expect((await dbOf(ctx).contracts.get("V-2"))!.billedUntil).toBe("2026-09-30");
    // Q4 2026 in advance fell due on 1 October: a catch-up in the December run; V-1's months to November were billed elsewhere.
    expect(lines(await runBilling(ctx, { month: "2026-12", invoiceDate: "2026-12-01" }))).toEqual([
      "10001 recurring 2026-12-01..2026-12-31 247.20",
      "10002 recurring 2026-10-01..2026-12-31 147.00 catch-up",
    ]);
    expect(lines(await runBilling(ctx, { month: "2026-12", invoiceDate: "2026-12-01" }))).toEqual([]);
  });

  it("a re-import with a changed billed_until updates the contract like contract_end: audited and undoable; an empty cell keeps it", async () => {
    const ctx = await seeded();
    const changed = await importMaster(ctx, [textFile("c.csv", contracts("2026-10-31"))]);
    expect(changed.ok && changed.value).toMatchObject({ contracts: 1, versions: 0 });
    const batchId = changed.ok ? changed.value.batchId! : "";
    const audit = await dbOf(ctx).auditLog.where("source").equals(batchId).toArray();
    expect(audit.map((a: { kind: string; entity: string; before: { billedUntil: string }; after: { billedUntil: string } }) => [a.kind, a.entity, a.before.billedUntil, a.after.billedUntil])).toEqual([["contract.update", "contract:V-1", "2026-11-30", "2026-10-31"]]);
    // An empty cell (or a file without the column) keeps the stored value, as for the other contract settings.
    const empty = await importMaster(ctx, [textFile("c.csv", contracts("", ""))]);
    expect(empty.ok && empty.value.batchId).toBeNull();
    expect((await dbOf(ctx).contracts.get("V-1"))!.billedUntil).toBe("2026-10-31");
    expect((await undoBatch(ctx, batchId)).ok).toBe(true);
    expect((await dbOf(ctx).contracts.get("V-1"))!.billedUntil).toBe("2026-11-30");
  });

  it("lowered after a run, the reopened month is billed by the next run as a catch-up; a retroactive change from a settled month gives differences for the open months only", async () => {
    const ctx = await seeded();
    expect((await runBilling(ctx, { month: "2026-12", invoiceDate: "2026-12-01" })).ok).toBe(true);
    expect((await importMaster(ctx, [textFile("c.csv", contracts("2026-10-31"))])).ok).toBe(true);
    // The store dropped V-1's watermark with the contract change, so the run looks at it again.
    expect(lines(await runBilling(ctx, { month: "2026-12", invoiceDate: "2026-12-02" }))).toEqual(["10001 recurring 2026-11-01..2026-11-30 247.20 catch-up"]);
    // A retroactive change from 1 Nov: November is open (difference), nothing before it.
    const retro = `${HEADER}\n10001,Müller GmbH,V-1,monthly,advance,2024-03-01,1,M365-BP,11,20.60,2026-09-01,2026-10-31`;
    expect((await importMaster(ctx, [textFile("c.csv", retro)])).ok).toBe(true);
    expect(lines(await runBilling(ctx, { month: "2026-12", invoiceDate: "2026-12-03" }))).toEqual([
      "10001 difference 2026-11-01..2026-11-30 -20.60",
      "10001 difference 2026-12-01..2026-12-31 -20.60",
    ]);
  });

  it("two rows of one file that disagree, and a bad value, import nothing and name the row", async () => {
    const ctx = await testContext();
    const rows = contracts().split("\n");
    rows[2] = rows[2]!.replace(/2026-11-30$/, "2026-10-31");
    const r = await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", rows.join("\n"))]);
    expect(!r.ok && r.issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([["master.conflicting_contract", 3, "billed_until"]]);
    const bad = await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", contracts("2026-11-29"))]);
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.where?.source, i.where?.row, i.where?.column])).toEqual([
      ["master.billed_until_not_month_end", "c.csv", 2, "billed_until (L)"],
      ["master.billed_until_not_month_end", "c.csv", 3, "billed_until (L)"],
    ]);
    expect(await dbOf(ctx).contracts.count()).toBe(0);
  });

  it("round-trips through export-master and through a backup and restore", async () => {
    const ctx = await seeded();
    const files = await exportMaster(ctx);
    const header = files.contracts.split("\r\n")[0]!.split(",");
    // appended after the e-invoice columns; only refund_iban came after it
    const at = header.indexOf("billed_until");
    expect(header.slice(at)).toEqual(["billed_until", "refund_iban"]);
    expect(files.contracts.split("\r\n").slice(1, 4).map((l) => l.split(",")[at])).toEqual(["2026-11-30", "2026-11-30", "2026-09-30"]);
    const b = await testContext();
    expect((await importMaster(b, [textFile("a.csv", files.articles), textFile("c.csv", files.contracts)])).ok).toBe(true);
    expect(await dbOf(b).contracts.toArray()).toEqual(await dbOf(ctx).contracts.toArray());
    expect(await exportMaster(b)).toEqual(files);

    const doc = parseBackup(backupToJson(await exportBackup(ctx.store, "2026-12-01T08:00:00.000Z")), "backup.json");
    if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
    const c = await testContext();
    expect((await restoreStore(c, doc.value, { name: "backup.json", sha256: "a".repeat(64) })).ok).toBe(true);
    expect((await dbOf(c).contracts.get("V-1"))!.billedUntil).toBe("2026-11-30");
    expect(await exportMaster(c)).toEqual(files);
  });

  it("a backup whose contract holds a billed_until that is not a month's last day is refused naming the field", async () => {
    const ctx = await seeded();
    const text = backupToJson(await exportBackup(ctx.store, "2026-12-01T08:00:00.000Z")).replace('"billedUntil":"2026-11-30"', '"billedUntil":"2026-11-15"');
    const doc = parseBackup(text, "backup.json");
    expect(!doc.ok && doc.issues).toEqual([
      { code: "backup.row_invalid", severity: "error", params: { table: "contracts", row: 1, field: "billedUntil", detail: 'must be the last day of a month YYYY-MM-DD, not "2026-11-15"' }, where: { source: "backup.json", row: 1, column: "billedUntil" } },
    ]);
  });
});
