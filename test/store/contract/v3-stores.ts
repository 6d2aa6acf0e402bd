/**
 * Stores at schema 3, written as the program of schema 3 wrote them: for the upgrade tests
 * (mapping-id-upgrade.ts). SQL: the migrations without 003 (the program of schema 3 knew 001, 002
 * and 004); Dexie: a database of version 3.
 */
import Database from "better-sqlite3";
import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { Kysely, Migrator, CompiledQuery, SqliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import { MspDexie, dexieSchemaV1, dexieSchemaV2, dexieSchemaV3 } from "../../../src/store/dexie/dexie-db";
import { dexieRows } from "../../../src/store/dexie/dexie-rows";
import { DexieStore } from "../../../src/store/dexie/dexie-store";
import type { BillingStore, StoreTx } from "../../../src/store/port";
import { createTx } from "../../../src/store/repos";
import { POSTGRES, SQLITE, type SqlDialect } from "../../../src/store/sql/dialect";
import { migrations } from "../../../src/store/sql/migrations";
import { type Exec, sqlRows } from "../../../src/store/sql/sql-rows";

async function seedSql(db: Kysely<unknown>, dialect: SqlDialect, seed: (tx: StoreTx) => Promise<void>): Promise<void> {
  const all = migrations(dialect);
  const { ["003_mapping_ids"]: _new, ...v3 } = all;
  const r = await new Migrator({ db, provider: { getMigrations: async () => v3 } }).migrateToLatest();
  if (r.error) throw r.error;
  expect(r.results?.map((x) => x.migrationName)).toEqual(["001_store_v2", "002_store_v3", "004_server_auth"]);
  await db.connection().execute(async (conn) => {
    const exec: Exec = async (text, params) => (await conn.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params as unknown[]))).rows;
    await exec("BEGIN", []);
    const tx = createTx({ rows: sqlRows(exec, dialect), mode: "write" });
    await seed(tx);
    await tx.finish();
    await exec("COMMIT", []);
  });
  await db.destroy();
}

/** A SQLite file at schema 3; `open` opens it with the current program. */
export async function sqliteAtV3(path: string, seed: (tx: StoreTx) => Promise<void>, open: (path: string) => Promise<BillingStore>) {
  await seedSql(new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(path) }) }), SQLITE, seed);
  return { open: () => open(path) };
}

/** A PostgreSQL database at schema 3. */
export async function postgresAtV3(url: string, seed: (tx: StoreTx) => Promise<void>, open: (url: string) => Promise<BillingStore>) {
  await seedSql(new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) }), POSTGRES, seed);
  return { open: () => open(url) };
}

let n = 0;
/** A Dexie database (fake-indexeddb) at version 3; `open` opens it as the add-in does (MspDexie). */
export async function dexieAtV3(seed: (tx: StoreTx) => Promise<void>) {
  const indexedDB = new IDBFactory();
  const name = `msp-v3-${++n}`;
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  old.version(1).stores(dexieSchemaV1);
  old.version(2).stores(dexieSchemaV2);
  old.version(3).stores(dexieSchemaV3);
  await old.open();
  await old.transaction("rw", old.tables, async () => {
    const tx = createTx({ rows: dexieRows(old), mode: "write" });
    await seed(tx);
    await tx.finish();
  });
  old.close();
  return {
    async open(): Promise<BillingStore> {
      const db = new MspDexie(name, { indexedDB, IDBKeyRange });
      await db.open();
      return new DexieStore(db);
    },
  };
}
