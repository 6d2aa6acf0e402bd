import { dbOf } from "../support/db-view";
import { importMaster } from "../../src/app/import-master";
import { BACKUP_TABLES, backupToJson, exportBackup, parseBackup, readBackupLines, restoreBackup, writeBackup } from "../../src/store/backup";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, MAPPINGS_CSV, testContext, textFile } from "../support/fixtures";
import { testStore } from "../support/fixtures-store";

async function filledStore() {
  const ctx = await testContext();
  const r = await importMaster(ctx, [textFile("c.csv", CONTRACTS_CSV_DE), textFile("a.csv", ARTICLES_CSV), textFile("m.csv", MAPPINGS_CSV)]);
  expect(r.ok).toBe(true);
  await dbOf(ctx).runs.add({ id: "run-00001", month: "2026-01", createdAt: "2026-02-01T00:00:00.000Z", invoiceDate: "2026-02-01", invoiceRefs: ["RE-000001"], firstInvoiceNumber: 1 });
  await dbOf(ctx).counters.bulkPut([{ name: "invoice", value: 2 }, { name: "run", value: 2 }]);
  await dbOf(ctx).ledger.add({ id: "L1", runId: "run-00001", invoiceRef: "RE-000001", lineNo: 1, contractNo: "V-1001", positionNo: 1, month: "2026-01", serviceFrom: "2026-01-01", serviceTo: "2026-01-31", articleNo: "A-100", description: "M365", quantity: "10", unitPrice: "20.6", discountPct: "0", vatPct: "19", exactAmount: "206", roundedAmount: "206", lineType: "recurring" });
  await dbOf(ctx).timeEntries.add({ id: "T1", ticketNo: "1", customerNo: "10001", date: "2026-01-05", minutes: 15, billable: true, technician: "x", activity: "", description: "", source: { file: "f", row: 2, profile: "p" }, nested: { a: [1, "x", null] } });
  return ctx;
}

async function* linesOf(text: string): AsyncGenerator<string> {
  for (const line of text.split("\n")) yield line;
}

describe("backup and restore", () => {
  it("round-trips the whole store exactly (whole document and streamed)", async () => {
    const a = await filledStore();
    const json = backupToJson(await exportBackup(a.store, "2026-11-23T10:00:00.000Z"));
    let streamed = "";
    await writeBackup(a.store, "2026-11-23T10:00:00.000Z", (chunk) => void (streamed += chunk));
    expect(streamed).toBe(json);
    expect(JSON.parse(json).tables.customers.length).toBe(2);
    const parsed = parseBackup(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const b = await testStore();
    await b.write((tx) => restoreBackup(tx, parsed.value));
    expect(backupToJson(await exportBackup(b, "2026-11-23T10:00:00.000Z"))).toBe(json);
    // the line reader gives the same rows
    const rows: Record<string, unknown[]> = {};
    const reader = readBackupLines(linesOf(json), "b.json", 1);
    for (;;) {
      const s = await reader.next();
      if (s.done) {
        expect(s.value).toEqual([]);
        break;
      }
      if (s.value.kind === "rows") (rows[s.value.table] ??= []).push(...s.value.rows);
    }
    for (const t of BACKUP_TABLES) expect(rows[t] ?? []).toEqual(parsed.value.tables[t]);
  });

  it("restore replaces everything that was there", async () => {
    const a = await filledStore();
    const doc = await exportBackup(await testStore(), "t");
    await a.store.write((tx) => restoreBackup(tx, doc));
    for (const t of BACKUP_TABLES) expect(await dbOf(a)[t].count()).toBe(0);
  });

  it("a failing restore leaves the store exactly as before", async () => {
    const a = await filledStore();
    const before = backupToJson(await exportBackup(a.store, "t"));
    const doc = await exportBackup(a.store, "t");
    doc.tables.ledger = [doc.tables.ledger[0], doc.tables.ledger[0]];
    doc.tables.customers = [];
    await expect(a.store.write((tx) => restoreBackup(tx, doc))).rejects.toHaveProperty("message"); // (a driver error from another jest realm is no `instanceof Error` here)
    expect(backupToJson(await exportBackup(a.store, "t"))).toBe(before);
  });

  it.each([
    ["not json", "{", "backup.invalid"],
    ["wrong format", '{"format":"x","schemaVersion":1,"tables":{}}', "backup.invalid"],
    ["newer schema", '{"format":"msp-billing-backup","schemaVersion":99,"tables":{}}', "backup.version_too_new"],
    ["unknown table", '{"format":"msp-billing-backup","schemaVersion":1,"tables":{"foo":[]}}', "backup.invalid"],
    ["rows not objects", '{"format":"msp-billing-backup","schemaVersion":1,"tables":{"customers":[1]}}', "backup.invalid"],
  ])("rejects a bad backup (%s) with an issue", (_name, text, code) => {
    const r = parseBackup(text, "b.json");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code, where: { source: "b.json" } });
  });

  it("fills tables missing from an older backup with empty lists", () => {
    const r = parseBackup('{"format":"msp-billing-backup","schemaVersion":1,"exportedAt":"x","tables":{"customers":[{"no":"1","name":"A"}]}}');
    expect(r.ok && r.value.tables.contracts).toEqual([]);
  });
});

describe("a restore checks every row as an import would, naming table, row and field", () => {
  const doc = (tables: Record<string, unknown[]>) => JSON.stringify({ format: "msp-billing-backup", schemaVersion: 2, exportedAt: "x", tables });
  const customer = { no: "K1", name: "A" };
  const contract = { no: "V-1", customerNo: "K1", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01" };
  const version = { id: "v1", contractNo: "V-1", positionNo: 1, validFrom: "2026-01-01", articleNo: "A", description: "", quantity: "1", unitPrice: "1.00", discountPct: "0", vatPct: "19", seq: 1 };
  const problem = (tables: Record<string, unknown[]>) => {
    const r = parseBackup(doc(tables), "b.json");
    if (r.ok) return null;
    return r.issues.map((i) => `${String(i.params.table)} ${String(i.params.row)} ${String(i.params.field)}`);
  };

  it.each([
    ["an interval no billing run knows", { customers: [customer], contracts: [{ ...contract, interval: "weekly" }] }, "contracts 1 interval"],
    ["a date that does not exist", { customers: [customer], contracts: [{ ...contract, start: "2026-02-30" }] }, "contracts 1 start"],
    ["a number as a float", { customers: [customer], contracts: [contract], contractVersions: [{ ...version, quantity: 1.5 }] }, "contractVersions 1 quantity"],
    ["a version of a contract the backup does not hold", { customers: [customer], contracts: [contract], contractVersions: [{ ...version, contractNo: "V-9" }] }, "contractVersions 1 contractNo"],
    ["a key twice", { customers: [customer, customer] }, "customers 2 no"],
    ["an end before the start", { customers: [customer], contracts: [{ ...contract, end: "2025-12-31" }] }, "contracts 1 end"],
    ["an invoice number the counter would hand out again", { runs: [{ id: "run-00001", month: "2026-01", createdAt: "t", invoiceDate: "2026-02-01", invoiceRefs: ["RE-000005"] }], invoices: [{ invoiceRef: "RE-000005", runId: "run-00001", seqInRun: 0, invoiceDate: "2026-02-01", customerNo: "K1", documentType: "invoice", netTotal: "1.00", vatTotal: "0.19", grossTotal: "1.19", lines: [] }], counters: [{ name: "invoice", value: 3 }, { name: "run", value: 2 }] }, "counters - invoice"],
  ])("%s", (_name, tables, where) => {
    expect(problem(tables as Record<string, unknown[]>)).toContain(where);
  });

  it("a consistent backup passes", () => {
    expect(problem({ customers: [customer], contracts: [contract], contractVersions: [version], counters: [{ name: "versionSeq", value: 2 }] })).toBeNull();
  });
});
