/**
 * PRODUCT.md §9 "every Dexie migration has a test". The table below has one entry per schema version:
 * a store seeded at the previous version (a frozen backup of that version, rows of every table) is
 * opened by the current MspDb, and a backup document of the previous version is restored into the
 * current store; both must hold what `expect` says. Version 1 has no predecessor: it is seeded at
 * itself and must come back unchanged.
 *
 * Adding schema version N (schema.ts `dbSchemaVN`, db.ts `this.version(N)…upgrade(…)`):
 * 1. freeze a backup made with the code of version N-1: `fixtures/store-vN-1.json` (store-v1.json
 *    exists); rows of every table, with the shapes version N changes;
 * 2. add `{ version: N, seededAt: N-1, seed: "store-vN-1.json", expect }` below, `expect` checking the
 *    migrated rows (and that nothing else changed);
 * 3. make `restoreBackup` migrate a backup of an older schemaVersion the same way (the second half of
 *    the entry's test fails until it does).
 * The guard test fails when a schema version has no entry.
 */
import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseBackup, restoreBackup, exportBackup, type BackupDoc } from "../../src/store/backup";
import { MspDb } from "../../src/store/db";
import { createMemoryDb } from "../../src/store/node-db";
import * as schemaModule from "../../src/store/schema";
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, currentSchema, type TableName } from "../../src/store/schema";

type Tables = Record<TableName, unknown[]>;
type SchemaSpec = Record<string, string>;

interface MigrationCase {
  /** The schema version under test (the version the store is migrated to). */
  version: number;
  /** The version the store is seeded at: version - 1 (version 1: itself). */
  seededAt: number;
  /** Frozen backup made with the code of `seededAt` (in fixtures/). */
  seed: string;
  /** Checks the current store's tables after opening or restoring the seeded data. */
  expect: (after: Tables, seeded: Tables) => void;
}

const MIGRATIONS: MigrationCase[] = [
  {
    version: 1,
    seededAt: 1,
    seed: "store-v1.json",
    expect: (after, seeded) => expect(after).toEqual(seeded),
  },
];

/** Every `dbSchemaV<n>` that schema.ts exports, by version. */
function declaredSchemas(): Map<number, SchemaSpec> {
  const out = new Map<number, SchemaSpec>();
  for (const [name, value] of Object.entries(schemaModule)) {
    const m = /^dbSchemaV(\d+)$/.exec(name);
    if (m) out.set(Number(m[1]), value as SchemaSpec);
  }
  return out;
}

function loadSeed(file: string): BackupDoc {
  const doc = parseBackup(readFileSync(join(__dirname, "fixtures", file), "utf8"), file);
  if (!doc.ok) throw new Error(`${file}: ${JSON.stringify(doc.issues)}`);
  return doc.value;
}

/** Creates a store at an old schema version, as the code of that version would have, and fills it. */
async function seedAtVersion(factory: IDBFactory, name: string, version: number, schema: SchemaSpec, tables: Tables): Promise<void> {
  const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  old.version(version).stores(schema);
  await old.open();
  await old.transaction("rw", Object.keys(schema), async () => {
    for (const [table, rows] of Object.entries(tables)) if (rows.length > 0) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

/** Index names of an object store as the schema string declares them (Dexie's names for compound indexes). */
function declaredIndexes(spec: string): { key: string; indexes: string[] } {
  const [primary, ...indexes] = spec.split(",").map((s) => s.trim()).filter(Boolean);
  return { key: primary!.replace(/^(\+\+|&)/, ""), indexes: indexes.map((i) => i.replace(/^[&*]/, "")).sort() };
}

describe("schema migrations", () => {
  it("every schema version has a migration entry, and the last one is the current version", () => {
    const declared = [...declaredSchemas().keys()].sort((a, b) => a - b);
    expect(declared).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(declared);
    for (const m of MIGRATIONS) expect(m.seededAt).toBe(Math.max(1, m.version - 1));
    expect(declaredSchemas().get(CURRENT_SCHEMA_VERSION)).toBe(currentSchema);
  });

  it("every seed has rows in every table", () => {
    for (const m of MIGRATIONS) {
      const seed = loadSeed(m.seed);
      expect(seed.schemaVersion).toBe(m.seededAt);
      expect(TABLE_NAMES.filter((t) => (seed.tables[t] ?? []).length === 0)).toEqual([]);
    }
  });

  describe.each(MIGRATIONS.map((m) => [m.version, m] as const))("version %i", (_version, m) => {
    it(`a store created at version ${m.seededAt} opens at the current version with its rows migrated`, async () => {
      const seed = loadSeed(m.seed);
      const factory = new IDBFactory();
      await seedAtVersion(factory, "msp-billing", m.seededAt, declaredSchemas().get(m.seededAt)!, seed.tables);
      const db = new MspDb("msp-billing", { indexedDB: factory, IDBKeyRange });
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      // the object stores and indexes are what the current schema declares
      const idb = db.backendDB();
      expect([...idb.objectStoreNames].sort()).toEqual([...TABLE_NAMES].sort());
      const tx = idb.transaction([...idb.objectStoreNames], "readonly");
      for (const name of TABLE_NAMES) {
        const store = tx.objectStore(name);
        const want = declaredIndexes(currentSchema[name]);
        expect({ name, key: store.keyPath, indexes: [...store.indexNames].sort() }).toEqual({ name, key: want.key, indexes: want.indexes });
      }
      m.expect((await exportBackup(db, "t")).tables, seed.tables);
      db.close();
    });

    it(`a backup made at schema version ${m.seededAt} restores into the current version`, async () => {
      const seed = loadSeed(m.seed);
      const db = await createMemoryDb();
      await restoreBackup(db, seed);
      const after = await exportBackup(db, "t");
      expect(after.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      m.expect(after.tables, seed.tables);
      // the restored store keeps working: counters and audit sequence numbers continue after the backup's
      const maxSeq = Math.max(...(seed.tables.auditLog as { seq: number }[]).map((a) => a.seq));
      expect(await db.auditLog.add({ at: "t", kind: "k", source: "manual", entity: "e" })).toBeGreaterThan(maxSeq);
      db.close();
    });
  });

  it("the harness carries a later version: a synthetic version 2 (new index, upgrade filling a field) seeded at version 1", async () => {
    class MspDbV2 extends MspDb {
      constructor(name: string, factory: IDBFactory) {
        super(name, { indexedDB: factory, IDBKeyRange });
        this.version(2)
          .stores({ ...currentSchema, customers: "&no, name, country" })
          .upgrade((tx) => tx.table("customers").toCollection().modify((c: { country?: string }) => void (c.country ??= "DE")));
      }
    }
    const seed = loadSeed("store-v1.json");
    const factory = new IDBFactory();
    await seedAtVersion(factory, "msp-billing", 1, declaredSchemas().get(1)!, seed.tables);
    const db = new MspDbV2("msp-billing", factory);
    await db.open();
    expect(db.verno).toBe(2);
    const after = (await exportBackup(db, "t")).tables;
    expect(after.customers).toEqual((seed.tables.customers as object[]).map((c) => ({ ...c, country: "DE" })));
    expect({ ...after, customers: [] }).toEqual({ ...seed.tables, customers: [] });
    expect(await db.customers.where("country").equals("DE").count()).toBe(seed.tables.customers.length);
    db.close();
  });
});
