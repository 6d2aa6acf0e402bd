import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import Dexie from "dexie";
import { importMaster } from "../../src/app/import-master";
import { backupToJson, exportBackup, parseBackup, restoreBackup } from "../../src/store/backup";
import { MspDb } from "../../src/store/db";
import { createMemoryDb } from "../../src/store/node-db";
import { dbSchemaV1, TABLE_NAMES } from "../../src/store/schema";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, MAPPINGS_CSV, testContext, textFile } from "../support/fixtures";

async function filledStore() {
  const ctx = await testContext();
  const r = await importMaster(ctx, [textFile("c.csv", CONTRACTS_CSV_DE), textFile("a.csv", ARTICLES_CSV), textFile("m.csv", MAPPINGS_CSV)]);
  expect(r.ok).toBe(true);
  await ctx.db.ledger.add({ id: "L1", runId: "R1", invoiceRef: "RE-1", lineNo: 1, contractNo: "V-1001", positionNo: 1, month: "2026-01", serviceFrom: "2026-01-01", serviceTo: "2026-01-31", articleNo: "A-100", description: "M365", quantity: "10", unitPrice: "20.6", discountPct: "0", vatPct: "19", exactAmount: "206", roundedAmount: "206", lineType: "recurring" });
  await ctx.db.timeEntries.add({ id: "T1", customerNo: "10001", date: "2026-01-05", nested: { a: [1, "x", null] } });
  return ctx;
}

describe("backup and restore", () => {
  it("round-trips the whole store exactly", async () => {
    const a = await filledStore();
    const json = backupToJson(await exportBackup(a.db, "2026-11-23T10:00:00.000Z"));
    const parsed = parseBackup(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const b = await createMemoryDb();
    await restoreBackup(b, parsed.value);
    expect(backupToJson(await exportBackup(b, "2026-11-23T10:00:00.000Z"))).toBe(json);
    // audit sequence numbers survive, so new entries continue after them
    const maxSeq = (await b.auditLog.orderBy("seq").last())!.seq!;
    const newSeq = await b.auditLog.add({ at: "x", kind: "k", source: "manual", entity: "e" });
    expect(newSeq).toBeGreaterThan(maxSeq);
  });

  it("restore replaces everything that was there", async () => {
    const a = await filledStore();
    const empty = await createMemoryDb();
    const doc = await exportBackup(empty, "t");
    await restoreBackup(a.db, doc);
    for (const t of TABLE_NAMES) expect(await a.db.table(t).count()).toBe(0);
  });

  it("a failing restore leaves the store exactly as before", async () => {
    const a = await filledStore();
    const before = backupToJson(await exportBackup(a.db, "t"));
    const doc = await exportBackup(a.db, "t");
    // two rows with the same primary key make bulkAdd fail half-way through the tables
    doc.tables.ledger = [doc.tables.ledger[0], doc.tables.ledger[0]];
    doc.tables.customers = [];
    await expect(restoreBackup(a.db, doc)).rejects.toThrow();
    expect(backupToJson(await exportBackup(a.db, "t"))).toBe(before);
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

describe("schema versions", () => {
  it("opens a database created at version 1 by a plain Dexie (migration test pattern)", async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie("msp", { indexedDB, IDBKeyRange });
    old.version(1).stores(dbSchemaV1);
    await old.table("customers").add({ no: "1", name: "Alt GmbH" });
    old.close();
    const db = new MspDb("msp", { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(1);
    expect(await db.customers.get("1")).toEqual({ no: "1", name: "Alt GmbH" });
    expect(db.tables.map((t) => t.name).sort()).toEqual([...TABLE_NAMES].sort());
  });
});
