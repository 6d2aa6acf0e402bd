import { openSqliteStore } from "../../src/store/node/sqlite-store";
import { openPostgresStore } from "../../src/store/node/postgres-store";
import { createMemoryDexieStore } from "../../src/store/memory-store";
import type { BillingStore } from "../../src/store/port";
import type { SqlStore } from "../../src/store/sql/sql-store";
import type { DexieStore } from "../../src/store/dexie/dexie-store";

/**
 * The store the use-case tests run on: `MSP_TEST_STORE=sqlite` (default: in-memory SQLite, the
 * CLI's database), `dexie` (fake-indexeddb, the add-in's store) or `postgres` (a fresh database on
 * MSP_TEST_PG_URL). `npm test` runs the whole suite on SQLite and the scenario and app tests once
 * more on Dexie and PostgreSQL.
 */
export async function testStore(): Promise<SqlStore | DexieStore> {
  const store = await openTestStore();
  if (process.env.MSP_TEST_STORE === "postgres") opened.push(store);
  return store;
}

async function openTestStore(): Promise<SqlStore | DexieStore> {
  const kind = process.env.MSP_TEST_STORE ?? "sqlite";
  if (kind === "dexie") return createMemoryDexieStore();
  if (kind === "postgres") return openPostgresStore(await freshPgDatabase(), { poolSize: 2 });
  if (kind !== "sqlite") throw new Error(`MSP_TEST_STORE=${kind}: use sqlite, dexie or postgres`);
  return openSqliteStore(":memory:");
}

// The PostgreSQL stores this test file opened, closed after its tests (closing twice is harmless:
// some tests close theirs). A PostgreSQL store's pool keeps its idle connections for 10 s: left open,
// they kept jest's worker alive after the last file ("A worker process has failed to exit
// gracefully"). In-memory SQLite and Dexie stores hold no handle and are left to the garbage
// collector: kept here until the file ends, the oracle's hundreds of stores ran a worker out of memory.
// Registered on import, so this module must be imported at a test file's top level; outside jest
// (the benchmarks under bench/ import the fixtures too) there is no afterAll and nothing to register.
const opened: (SqlStore | DexieStore)[] = [];
if (typeof afterAll === "function") {
  afterAll(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
}

let n = 0;
/** A new, empty database on MSP_TEST_PG_URL (its URL). */
export async function freshPgDatabase(): Promise<string> {
  const { pgTestUrl } = await import("./postgres");
  const pg = (await import("pg")).default;
  const base = pgTestUrl();
  const name = `msp_t_${process.pid}_${Date.now().toString(36)}_${++n}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

export type { BillingStore };
