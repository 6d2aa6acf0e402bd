import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { batchedWrites, openWorkspace, saveWorkspace, writeFileAtomic } from "../../src/cli/workspace";
import type { LedgerEntry } from "../../src/core/billing/ledger";
import { BACKUP_FORMAT, WRITE_BATCH_ROWS, backupJson, backupToJson, exportBackup, lazyRestoreStatus, restoreBackup, type BackupDoc } from "../../src/store/backup";
import type { MspDb } from "../../src/store/db";
import { MspDb as Db } from "../../src/store/db";
import { createMemoryDb } from "../../src/store/node-db";
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from "../../src/store/schema";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";

const AT = "2026-11-23T10:00:00.000Z";

function entry(i: number): LedgerEntry {
  const month = `2026-${String(1 + (i % 12)).padStart(2, "0")}`;
  return {
    id: `run-${String(1 + (i % 3)).padStart(5, "0")}:RE-${String(i).padStart(6, "0")}:1:${month}`,
    runId: `run-${String(1 + (i % 3)).padStart(5, "0")}`,
    invoiceRef: `RE-${String(i).padStart(6, "0")}`,
    lineNo: 1,
    contractNo: `V-${1000 + (i % 7)}`,
    positionNo: 1 + (i % 2),
    month,
    serviceFrom: `${month}-01`,
    serviceTo: `${month}-28`,
    articleNo: "M365-BP",
    description: "Microsoft 365 Business Premium",
    quantity: String(1 + (i % 9)),
    unitPrice: "20.6",
    discountPct: "0",
    vatPct: "19",
    exactAmount: "20.6",
    roundedAmount: "20.60",
    lineType: "recurring",
  };
}

/** A store with rows in every kind of table (built through Dexie, so the document is canonical). */
async function filledDoc(ledgerRows = 40): Promise<BackupDoc> {
  const db = await createMemoryDb();
  await db.customers.bulkAdd([{ no: "10001", name: "Kunde A" }, { no: "10002", name: "Kunde B", reverseCharge: true }]);
  await db.articles.add({ no: "M365-BP", description: "M365 BP", unitPrice: "20.6", vatPct: "19" });
  await db.contracts.bulkAdd([
    { no: "V-1000", customerNo: "10001", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01" },
    { no: "V-1001", customerNo: "10002", type: "license", interval: "quarterly", mode: "arrears", start: "2026-02-15" },
  ]);
  await db.contractVersions.add({ id: "V-1000/1/a", contractNo: "V-1000", positionNo: 1, validFrom: "2026-01-01", articleNo: "M365-BP", description: "", quantity: "3", unitPrice: "20.6", discountPct: "0", vatPct: "19", seq: 1 });
  await db.mappings.add({ id: "customer|*|abc", kind: "customer", source: "*", externalId: "abc", internalNo: "10001" });
  await db.ledger.bulkAdd(Array.from({ length: ledgerRows }, (_, i) => entry(i)));
  await db.runs.add({ id: "run-00001", month: "2026-01", createdAt: AT, invoiceDate: "2026-01-02", invoiceRefs: ["RE-000001"] });
  await db.timeEntries.add({ id: "T1", customerNo: "10001", date: "2026-01-05", nested: { a: [1, "x", null, -0.5] } });
  await db.auditLog.bulkAdd([{ at: AT, kind: "k", source: "manual", entity: "e1" }, { at: AT, kind: "k", source: "manual", entity: "e2", after: { x: 1 } }]);
  await db.settings.bulkAdd([{ key: "counter:invoice", value: 2 }, { key: "invoicePrefix", value: "RE-" }]);
  const doc = await exportBackup(db, AT);
  db.close();
  return JSON.parse(backupToJson(doc)) as BackupDoc;
}

function workspaceFile(doc: BackupDoc | string): string {
  const file = join(mkdtempSync(join(tmpdir(), "msp-lazy-")), "ws.json");
  writeFileSync(file, typeof doc === "string" ? doc : backupToJson(doc));
  return file;
}

async function open(file: string): Promise<MspDb> {
  const r = await openWorkspace(file);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** The same document restored the old way: every table copied in first. */
async function fullyRestored(doc: BackupDoc): Promise<MspDb> {
  const db = await createMemoryDb();
  await restoreBackup(db, doc);
  return db;
}

describe("workspace: tables stay in the file until a request needs them in the store", () => {
  it("opening and saving without touching anything writes the file back byte for byte", async () => {
    const doc = await filledDoc();
    const file = workspaceFile(doc);
    const before = readFileSync(file, "utf8");
    const db = await open(file);
    expect(lazyRestoreStatus(db)!.inMemory).toEqual(TABLE_NAMES);
    await saveWorkspace(db, file, AT);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("whole-table reads, counts and key lookups are answered from the file; an index query copies the table in", async () => {
    const doc = await filledDoc();
    const db = await open(workspaceFile(doc));
    const [customers, contracts, n, one, many] = await db.transaction("r", [db.customers, db.contracts, db.ledger], async () => [
      await db.customers.toArray(),
      await db.contracts.toArray(),
      await db.ledger.count(),
      await db.ledger.get(entry(7).id),
      await db.ledger.bulkGet([entry(3).id, "nope", entry(1).id]),
    ]);
    expect(customers).toEqual(doc.tables.customers);
    expect(contracts).toEqual(doc.tables.contracts);
    expect(n).toBe(40);
    expect(one).toEqual(entry(7));
    expect(many).toEqual([entry(3), undefined, entry(1)]);
    expect(lazyRestoreStatus(db)!.inMemory).toEqual(expect.arrayContaining(["customers", "contracts", "ledger"]));
    expect(await db.contracts.where("customerNo").equals("10002").primaryKeys()).toEqual(["V-1001"]);
    expect(lazyRestoreStatus(db)!.inMemory).not.toContain("contracts");
    expect(backupToJson(await exportBackup(db, AT))).toBe(backupToJson(doc));
  });

  it("rows read from the file are copies: changing them changes nothing stored", async () => {
    const doc = await filledDoc();
    const db = await open(workspaceFile(doc));
    const rows = await db.timeEntries.toArray();
    (rows[0] as unknown as { nested: { a: unknown[] } }).nested.a.push("changed");
    (await db.customers.get("10001"))!.name = "changed";
    expect(await db.timeEntries.toArray()).toEqual(doc.tables.timeEntries);
    expect(await db.customers.get("10001")).toEqual(doc.tables.customers[0]);
  });

  it("copies are exact: odd JSON keys and values from the file, non-JSON values added since", async () => {
    const doc = await filledDoc();
    const text = backupToJson(doc).replace('"id": "T1",', '"id": "T1", "__proto__": { "x": [1, -0, null] }, "deep": [[{ "a": "b" }]],');
    const db = await open(workspaceFile(text));
    const full = await fullyRestored(JSON.parse(text) as BackupDoc);
    const row = (await db.timeEntries.get("T1")) as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row)).toEqual(Object.keys((await full.timeEntries.get("T1"))!));
    expect(row).toEqual(await full.timeEntries.get("T1"));
    const added = { id: "T9", customerNo: "10001", date: new Date("2026-01-01T00:00:00Z"), tags: new Set(["a"]), missing: undefined };
    await db.timeEntries.add(added);
    await full.timeEntries.add(added);
    const back = await db.timeEntries.get("T9");
    expect(back).toEqual(await full.timeEntries.get("T9"));
    expect(Object.prototype.toString.call(back!.date)).toBe("[object Date]");
    expect("missing" in back!).toBe(true);
    expect(await db.timeEntries.toArray()).toEqual(await full.timeEntries.toArray());
  });

  it("appending to a big table leaves it in the file; the saved file has both, in key order", async () => {
    const doc = await filledDoc();
    const file = workspaceFile(doc);
    const change = async (db: MspDb) => {
      await db.transaction("rw", [db.customers, db.ledger, db.auditLog, db.settings, db.runs], async () => {
        await db.customers.put({ no: "10003", name: "Kunde C" });
        await db.ledger.bulkAdd([entry(1000), entry(1001)]);
        await db.runs.add({ id: "run-00002", month: "2026-02", createdAt: AT, invoiceDate: "2026-02-02", invoiceRefs: [] });
        await db.auditLog.add({ at: AT, kind: "billing.run", source: "run-00002", entity: "run:run-00002" });
        await db.settings.put({ key: "counter:invoice", value: 4 });
      });
      return [await db.ledger.toArray(), await db.auditLog.toArray(), await db.ledger.orderBy(":id").reverse().limit(3).primaryKeys()];
    };
    const lazy = await open(file);
    const seenLazy = await change(lazy);
    expect(lazyRestoreStatus(lazy)!.inMemory).toEqual(expect.arrayContaining(["customers", "ledger", "auditLog", "runs"]));
    expect(lazyRestoreStatus(lazy)!.inMemory).not.toContain("settings"); // a row of the file was replaced
    await saveWorkspace(lazy, file, AT);
    const full = await fullyRestored(doc);
    expect(seenLazy).toEqual(await change(full));
    expect(readFileSync(file, "utf8")).toBe(backupToJson(await exportBackup(full, AT)));
    // audit sequence numbers continue after the ones in the file
    const audit = (JSON.parse(readFileSync(file, "utf8")) as BackupDoc).tables.auditLog as { seq: number }[];
    expect(audit.map((a) => a.seq)).toEqual([1, 2, 3]);
  });

  it("clearing a table drops the file's rows; generated keys still continue after them", async () => {
    const doc = await filledDoc();
    const run = async (db: MspDb) => {
      await db.auditLog.clear();
      await db.ledger.clear();
      return [await db.auditLog.add({ at: AT, kind: "k", source: "s", entity: "x" }), await db.ledger.count()];
    };
    const lazy = await open(workspaceFile(doc));
    const full = await fullyRestored(doc);
    expect(await run(lazy)).toEqual(await run(full));
    expect(await run(full)).toEqual([4, 0]);
    expect(await run(lazy)).toEqual([4, 0]);
    expect(backupToJson(await exportBackup(lazy, AT))).toBe(backupToJson(await exportBackup(full, AT)));
  });

  it("a failed transaction changes nothing, also when it had copied a table in", async () => {
    const doc = await filledDoc();
    const file = workspaceFile(doc);
    const db = await open(file);
    await expect(
      db.transaction("rw", db.ledger, db.customers, async () => {
        await db.ledger.add(entry(5000));
        await db.customers.where("name").startsWith("Kunde").modify({ name: "x" }); // copies customers in
        await db.ledger.delete(entry(2).id); // copies the ledger in
        throw new Error("apply failed half-way");
      }),
    ).rejects.toThrow("apply failed half-way");
    expect(await db.ledger.toArray()).toEqual(doc.tables.ledger);
    expect(lazyRestoreStatus(db)!.inMemory).toEqual(expect.arrayContaining(["ledger", "customers"]));
    expect(await db.customers.where("name").startsWith("Kunde").count()).toBe(2);
    await saveWorkspace(db, file, AT);
    expect(readFileSync(file, "utf8")).toBe(backupToJson(doc));
  });

  it("any mix of reads, writes and failed transactions, one after another or all at once, gives the same results and file as a full restore (property)", async () => {
    const doc = await filledDoc(12);
    const file = workspaceFile(doc);
    const TABLES: TableName[] = ["customers", "ledger", "auditLog", "settings", "runs", "timeEntries", "mappings"];
    const op = fc.record({
      table: fc.constantFrom(...TABLES),
      kind: fc.constantFrom("toArray", "count", "get", "keysDesc", "where", "add", "put", "putExisting", "delete", "clear", "bulkAdd", "bulkAddTwice"),
      n: fc.nat(15),
    });
    const step = fc.record({ ops: fc.array(op, { minLength: 1, maxLength: 4 }), abort: fc.boolean(), readonly: fc.boolean() });
    const scenario = fc.record({ steps: fc.array(step, { maxLength: 5 }), concurrent: fc.boolean() });
    /** A row with key n (generated for the audit log unless `explicit`), marked with the step and operation that wrote it. */
    const rowFor = (table: TableName, n: number, keyPath: string, stamp: string, explicit = false): Record<string, unknown> =>
      table === "ledger"
        ? { ...entry(n), description: stamp }
        : table === "auditLog"
          ? { ...(explicit ? { seq: n } : {}), at: AT, kind: "k", source: "p", entity: `e${n}`, stamp }
          : { [keyPath]: `k${n}`, customerNo: "10001", value: n, stamp };
    await fc.assert(
      fc.asyncProperty(scenario, async ({ steps, concurrent }) => {
        const run = async (db: MspDb) => {
          const seen: unknown[] = [];
          const started: Promise<unknown>[] = [];
          for (const [stepNo, st] of steps.entries()) {
            const readOnly = st.readonly && st.ops.every((o) => ["toArray", "count", "get", "keysDesc", "where"].includes(o.kind));
            const outcome = db
              .transaction(readOnly ? "r" : "rw", st.ops.map((o) => db.table(o.table)), async () => {
                const out: unknown[] = [];
                for (const [opNo, o] of st.ops.entries()) {
                  const t = db.table(o.table);
                  const stamp = `${stepNo}.${opNo}`;
                  const keyPath = t.schema.primKey.keyPath as string;
                  const existing = (await t.toCollection().primaryKeys()) as (string | number)[];
                  const someKey = existing.length > 0 ? existing[o.n % existing.length] : "none";
                  if (o.kind === "toArray") out.push(await t.toArray());
                  else if (o.kind === "count") out.push(await t.count());
                  else if (o.kind === "get") out.push(await t.get(someKey!));
                  else if (o.kind === "keysDesc") out.push(await t.orderBy(":id").reverse().limit(3).primaryKeys());
                  else if (o.kind === "where") out.push(t.schema.indexes.length > 0 ? await t.where(t.schema.indexes[0]!.name).notEqual("zz").primaryKeys() : null);
                  else if (o.kind === "add") out.push(await t.add(rowFor(o.table, 100 + o.n, keyPath, stamp)).catch((e: Error) => e.name));
                  else if (o.kind === "bulkAdd") out.push(await t.bulkAdd([rowFor(o.table, 200 + o.n, keyPath, stamp), rowFor(o.table, o.n, keyPath, stamp)]).catch((e: Error) => e.name));
                  else if (o.kind === "bulkAddTwice") out.push(await t.bulkAdd([rowFor(o.table, 400 + o.n, keyPath, `${stamp}a`), rowFor(o.table, 400 + o.n, keyPath, `${stamp}b`)]).catch((e: Error) => e.name));
                  else if (o.kind === "put") out.push(await t.put(rowFor(o.table, 300 + o.n, keyPath, stamp, true)));
                  else if (o.kind === "putExisting") out.push(existing.length > 0 ? await t.put({ ...(await t.get(someKey!)), changed: o.n }) : null);
                  else if (o.kind === "delete") out.push(await t.delete(someKey!));
                  else out.push(await t.clear());
                }
                if (st.abort) throw new Error("abort");
                return out;
              })
              .catch((e: Error) => e.message);
            if (concurrent) started.push(outcome);
            else seen.push(await outcome);
          }
          return concurrent ? Promise.all(started) : seen;
        };
        const lazy = await open(file);
        const full = await fullyRestored(doc);
        expect(await run(lazy)).toEqual(await run(full));
        const expected = backupToJson(await exportBackup(full, AT));
        expect(await backupJson(lazy, AT)).toBe(expected);
        expect(backupToJson(await exportBackup(lazy, AT))).toBe(expected);
        lazy.close();
        full.close();
      }),
      { numRuns: Number(process.env.MSP_PROPERTY_RUNS ?? 80) },
    );
  }, 120_000);

  it("concurrent requests on a table still in the file see it whole, once", async () => {
    const doc = await filledDoc(30);
    const db = await open(workspaceFile(doc));
    const [a, b, c, d] = await Promise.all([
      db.ledger.toArray(),
      db.ledger.count(),
      db.transaction("r", db.ledger, db.customers, () => Promise.all([db.ledger.where("month").aboveOrEqual("2026-01").count(), db.ledger.toArray(), db.ledger.count()])),
      db.ledger.where("runId").equals("run-00001").count(),
    ]);
    expect(a).toEqual(doc.tables.ledger);
    expect(b).toBe(30);
    expect(c).toEqual([30, doc.tables.ledger, 30]);
    expect(d).toBe(10);
  });

  it("rows out of key order in the file are saved in key order, as a full restore would", async () => {
    const doc = await filledDoc();
    doc.tables.ledger = [...doc.tables.ledger].reverse();
    doc.tables.customers = [...doc.tables.customers].reverse();
    delete (doc.tables.auditLog[0] as { seq?: number }).seq; // generated again on restore
    const lazy = await open(workspaceFile(doc));
    const full = await fullyRestored(doc);
    expect(await lazy.customers.toArray()).toEqual(await full.customers.toArray());
    expect(await lazy.auditLog.add({ at: AT, kind: "k", source: "s", entity: "z" })).toBe(await full.auditLog.add({ at: AT, kind: "k", source: "s", entity: "z" }));
    expect(backupToJson(await exportBackup(lazy, AT))).toBe(backupToJson(await exportBackup(full, AT)));
  });

  it.each([
    ["a duplicate key", (d: BackupDoc) => d.tables.ledger.push(d.tables.ledger[3]), 'table "ledger" row 41: id'],
    ["a duplicate key out of order", (d: BackupDoc) => d.tables.customers.unshift(d.tables.customers[1]), 'table "customers" row 3: no "10002" appears twice'],
    ["a missing key", (d: BackupDoc) => delete (d.tables.contracts[0] as { no?: string }).no, 'table "contracts" row 1: no must be a text or a number'],
    ["a clash with a generated key", (d: BackupDoc) => d.tables.auditLog.push({ at: AT, kind: "k", source: "s", entity: "x" }, { seq: 3, at: AT, kind: "k", source: "s", entity: "y" }), 'table "auditLog" row 4: seq 3 appears twice'],
  ])("a workspace the store would reject (%s) gives an issue, not a crash", async (_name, spoil, detail) => {
    const doc = await filledDoc();
    spoil(doc);
    const file = workspaceFile(doc);
    const r = await openWorkspace(file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "backup.invalid", where: { source: file } });
    if (!r.ok) expect(String((r.issues[0]!.params as { detail: string }).detail)).toContain(detail);
    // the same document really is rejected by a full restore
    await expect(restoreBackup(await createMemoryDb(), doc)).rejects.toThrow();
  });

  it("restore into a workspace replaces it without copying the old tables in; a failed restore changes nothing", async () => {
    const doc = await filledDoc();
    const file = workspaceFile(doc);
    const db = await open(file);
    const other = await filledDoc(3);
    other.tables.customers = [{ no: "20001", name: "Neu" }];
    const broken: BackupDoc = JSON.parse(JSON.stringify(other));
    broken.tables.settings.push(broken.tables.settings[0]);
    await expect(restoreBackup(db, broken)).rejects.toThrow();
    expect(backupToJson(await exportBackup(db, AT))).toBe(backupToJson(doc));
    const db2 = await open(file);
    await restoreBackup(db2, other);
    expect(backupToJson(await exportBackup(db2, AT))).toBe(backupToJson(other));
  });

  it("an empty document and a missing file open as an empty store", async () => {
    const empty: BackupDoc = { format: BACKUP_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: AT, tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as BackupDoc["tables"] };
    const db = await open(workspaceFile(empty));
    expect(await db.customers.count()).toBe(0);
    await db.ledger.bulkAdd([entry(2), entry(1)]);
    expect(await db.ledger.toCollection().primaryKeys()).toEqual([entry(1).id, entry(2).id]);
    expect(lazyRestoreStatus(db)!.inMemory).toEqual(TABLE_NAMES);
    const missing = await open(join(mkdtempSync(join(tmpdir(), "msp-lazy-")), "new.json"));
    expect(await missing.ledger.count()).toBe(0);
  });
});

describe("workspace: big writes go to the store in batches", () => {
  async function batchedDb(): Promise<MspDb> {
    const db = new Db("batched", { indexedDB: new IDBFactory(), IDBKeyRange });
    db.use(batchedWrites);
    await db.open();
    return db;
  }

  it("a bulkAdd larger than a batch adds every row, with failures reported at their own position", async () => {
    const n = WRITE_BATCH_ROWS * 2 + 500;
    const rows = Array.from({ length: n }, (_, i) => entry(i));
    rows[WRITE_BATCH_ROWS + 700] = rows[10]!; // a duplicate in the second batch
    const outcomes: unknown[] = [];
    for (const db of [await batchedDb(), await createMemoryDb()]) {
      const error = await db.ledger.bulkAdd(rows).then(() => null, (e: { failuresByPos?: Record<number, Error> }) => e);
      outcomes.push({ positions: Object.keys(error?.failuresByPos ?? {}), count: await db.ledger.count(), keys: await db.ledger.toCollection().primaryKeys() });
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect((outcomes[0] as { positions: string[] }).positions).toEqual([String(WRITE_BATCH_ROWS + 700)]);
  });

  it("bulkPut returns the keys of all batches in order; bulkDelete removes them all", async () => {
    const db = await batchedDb();
    const rows = Array.from({ length: WRITE_BATCH_ROWS * 3 + 1 }, (_, i) => entry(i));
    const keys = await db.ledger.bulkPut(rows, { allKeys: true });
    expect(keys).toEqual(rows.map((r) => r.id));
    await db.ledger.bulkDelete(keys.slice(1));
    expect(await db.ledger.toCollection().primaryKeys()).toEqual([rows[0]!.id]);
  });

  it("a big bulkAdd into a table held in memory: batches, a clash half-way, the same outcome as a full restore", async () => {
    const doc = await filledDoc(40);
    const rows = Array.from({ length: WRITE_BATCH_ROWS * 2 + 300 }, (_, i) => entry(1000 + i));
    rows[WRITE_BATCH_ROWS + 700] = entry(5); // a row the file already has
    const outcomes: unknown[] = [];
    for (const db of [await open(workspaceFile(doc)), await fullyRestored(doc)]) {
      const error = await db.ledger.bulkAdd(rows).then(() => null, (e: { failuresByPos?: Record<number, Error> }) => e);
      outcomes.push({ positions: Object.keys(error?.failuresByPos ?? {}), export: backupToJson(await exportBackup(db, AT)) });
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect((outcomes[0] as { positions: string[] }).positions).toEqual([String(WRITE_BATCH_ROWS + 700)]);
  });

  it("a failing transaction rolls back every batch", async () => {
    const db = await batchedDb();
    const rows = Array.from({ length: WRITE_BATCH_ROWS * 2 + 3 }, (_, i) => entry(i));
    await expect(
      db.transaction("rw", db.ledger, async () => {
        await db.ledger.bulkAdd(rows);
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await db.ledger.count()).toBe(0);
  });
});

describe("workspace: the file is written in slices", () => {
  it("writes big texts byte for byte, characters outside the BMP across slice boundaries included", () => {
    const file = join(mkdtempSync(join(tmpdir(), "msp-write-")), "ws.json");
    const slice = 1 << 20;
    // An emoji (a surrogate pair) starting on the last position of each slice, umlauts around it.
    const text = ["ä".repeat(slice - 1), "😀", "ö".repeat(slice - 2), "😀", "€ end"].join("");
    writeFileAtomic(file, text);
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(readFileSync(file).equals(Buffer.from(text, "utf8"))).toBe(true);
  });
});
