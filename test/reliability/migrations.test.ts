/**
 * PRODUCT.md §9 "every migration has a test". A frozen store of schema version 1
 * (fixtures/store-v1.json, rows in every table, written by the code of version 1) must come out of
 * every path into schema version 2 the same, with nothing lost:
 * - the add-in: a Dexie database created at version 1 is opened by the current MspDexie (upgrade);
 * - a backup file of version 1 restored into any current store;
 * - a CLI workspace of version 1 (the JSON document) converted to the SQLite database.
 * What version 2 changes (upgrade-v1.ts): counters and billed click months leave the settings, a
 * run's invoices become rows of the invoices table. The SQL schema's own migrations (Kysely) are
 * checked by listing them against the database's record.
 *
 * Adding a version: freeze a store of the previous version as fixtures/store-vN-1.json, add its case
 * below, and make every path above give the same result.
 */
import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateJsonWorkspace } from "../../src/cli/store";
import { BACKUP_TABLES, exportBackup, parseBackup, restoreBackup } from "../../src/store/backup";
import { DEXIE_SCHEMA_VERSION, MspDexie, dexieSchemaV1, dexieSchemaV2, dexieSchemaV3, dexieSchemaV4 } from "../../src/store/dexie/dexie-db";
import { DexieStore } from "../../src/store/dexie/dexie-store";
import { openSqliteStore } from "../../src/store/node/sqlite-store";
import { SQLITE } from "../../src/store/sql/dialect";
import { migrationNames } from "../../src/store/sql/migrations";
import { STORE_SCHEMA_VERSION, TABLE_NAMES, type TableName } from "../../src/store/tables";
import { V1_TABLES, upgradeV1Tables } from "../../src/store/upgrade-v1";
import { testStore } from "../support/fixtures-store";

type Tables = Record<string, Record<string, unknown>[]>;
const seedText = readFileSync(join(__dirname, "fixtures", "store-v1.json"), "utf8");
const seed = (JSON.parse(seedText) as { tables: Tables }).tables;

const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v;
const same = (a: unknown, b: unknown) => expect(canonical(a)).toEqual(canonical(b));

/** What every path must produce: the v1 rows moved as upgrade-v1 says, nothing else changed. */
function expectV2(after: Record<TableName, unknown[]>): void {
  const want = upgradeV1Tables(seed);
  for (const t of BACKUP_TABLES) same({ t, rows: after[t] }, { t, rows: want[t] });
  // spelled out once, so upgrade-v1 itself is checked and not just repeated
  expect((after.counters as { name: string }[]).map((c) => c.name).sort()).toEqual(["batch", "invoice", "run", "versionSeq"]);
  expect((after.settings as { key: string }[]).map((s) => s.key).sort()).toEqual(["company", "datevConfig", "exportProfile:erp-zeilen", "time.rules"]);
  expect(after.usageMarks).toEqual([expect.objectContaining({ contractNo: "K-300", month: "2026-06" })]);
  const run = seed.runs![0]!;
  expect(after.invoices.length).toBe((run.invoices as unknown[]).length);
  expect(Object.keys(after.runs[0] as object)).not.toContain("invoices");
  const rows = (t: Record<string, unknown[]>) => Object.values(t).reduce((n, r) => n + r.length, 0);
  // nothing lost: every v1 row is somewhere (the run's invoices became rows of their own)
  expect(rows(after) - after.invoices.length).toBe(rows(seed));
}

describe("store schema 1 → 4 (2 → 3 adds empty tables; 3 → 4 normalises mapping ids: none in this seed, see test/store/contract/mapping-id-upgrade.ts)", () => {
  it("the frozen v1 store has rows in every v1 table", () => {
    expect(V1_TABLES.filter((t) => (seed[t] ?? []).length === 0)).toEqual([]);
    expect(STORE_SCHEMA_VERSION).toBe(4);
    expect(DEXIE_SCHEMA_VERSION).toBe(4);
  });

  it("the add-in: a Dexie database of version 1 opens upgraded, with the indexes of version 2", async () => {
    const indexedDB = new IDBFactory();
    // Not the add-in's name "msp-billing": Dexie tells every database of one name in the process about
    // writes (BroadcastChannel), and another test file leaves a browser store of that name without IndexedDB.
    const old = new Dexie("msp-billing-v1-upgrade", { indexedDB, IDBKeyRange });
    old.version(1).stores(dexieSchemaV1);
    await old.open();
    await old.transaction("rw", Object.keys(dexieSchemaV1), async () => {
      for (const t of V1_TABLES) await old.table(t).bulkAdd(seed[t]!);
    });
    old.close();
    const db = new MspDexie("msp-billing-v1-upgrade", { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(dexieSchemaV4).sort());
    expect(dexieSchemaV4).toEqual(dexieSchemaV3);
    expect(Object.keys(dexieSchemaV3).filter((t) => !(t in dexieSchemaV2)).sort()).toEqual(["collections", "mandates", "usageRecords"]);
    const store = new DexieStore(db);
    expectV2((await exportBackup(store, "t")).tables);
    // the store works on: new audit entries follow the old ones
    const last = Math.max(...seed.auditLog!.map((a) => Number(a.seq)));
    await store.write((tx) => tx.audit.append([{ at: "t", kind: "k", source: "manual", entity: "e" }]));
    expect(await store.read((tx) => tx.audit.lastSeq())).toBe(last + 1);
    db.close();
  });

  it("a backup of version 1 restores into the current store", async () => {
    const doc = parseBackup(seedText, "store-v1.json");
    if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
    expect(doc.value.schemaVersion).toBe(4);
    expect(doc.value.fromSchemaVersion).toBe(1);
    const store = await testStore();
    await store.write((tx) => restoreBackup(tx, doc.value));
    expectV2((await exportBackup(store, "t")).tables);
  });

  it("a CLI workspace of version 1 (JSON) converts to the database, verified row for row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "msp-migrate-"));
    try {
      const from = join(dir, "ws.json");
      writeFileSync(from, seedText);
      const r = await migrateJsonWorkspace(from, join(dir, "ws.db"), "2026-12-06T10:00:00.000Z");
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const store = await openSqliteStore(join(dir, "ws.db"));
      const tables = (await exportBackup(store, "t")).tables;
      await store.close();
      // the conversion adds one audit entry (store.migrate) after the workspace's own
      const migrate = tables.auditLog.pop() as { kind: string };
      expect(migrate.kind).toBe("store.migrate");
      expectV2(tables);
      expect(r.value.rows).toBe(BACKUP_TABLES.reduce((n, t) => n + tables[t].length, 0));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the SQL schema records every migration it ran, in order", async () => {
    const store = await openSqliteStore(":memory:");
    const ran = await store.read(async (tx) => tx.tables.count("customers"));
    expect(ran).toBe(0);
    expect(migrationNames(SQLITE)).toEqual(["001_store_v2", "002_store_v3", "003_mapping_ids", "004_server_auth"]);
    await store.close();
    expect(TABLE_NAMES).toContain("billingState");
  });
});
