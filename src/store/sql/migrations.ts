import { CompiledQuery, type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { TABLES, type TableSpec } from "../tables";
import { type SqlDialect, tableDdl } from "./dialect";

/**
 * The SQL schema's migrations, run by Kysely's Migrator (which records them in `kysely_migration`
 * and, on PostgreSQL, holds a lock so two servers starting at once migrate once). Never change a
 * published migration: add the next one, with a test seeded at the previous level.
 *
 * 2026-12 `001_store_v2`: the tables of store schema version 2 and `store_meta`.
 * 2026-12 `002_store_v3`: mandates, collections, usage records (schema version 3).
 * 2026-12 `004_server_auth`: the team server's users and login tokens (server only: not in Dexie,
 *   not in backups — a backup moves billing data between stores, never credentials).
 */
const V3_TABLES = ["mandates", "collections", "usageRecords"];
export function migrations(dialect: SqlDialect): Record<string, Migration> {
  const run = async (db: Kysely<unknown>, statements: string[]) => {
    for (const s of statements) await db.executeQuery(CompiledQuery.raw(s, []));
  };
  return {
    "001_store_v2": {
      async up(db) {
        const statements = Object.values(TABLES).filter((t) => !V3_TABLES.includes(t.name)).flatMap((t) => tableDdl(t as TableSpec, dialect));
        statements.push(`CREATE TABLE "store_meta" ("id" integer PRIMARY KEY, "revision" ${dialect.name === "postgres" ? "bigint" : "INTEGER"} NOT NULL)`);
        statements.push(`INSERT INTO "store_meta" ("id", "revision") VALUES (1, 0)`);
        await run(db, statements);
      },
    },
    "002_store_v3": {
      async up(db) {
        await run(db, Object.values(TABLES).filter((t) => V3_TABLES.includes(t.name)).flatMap((t) => tableDdl(t as TableSpec, dialect)));
      },
    },
    "004_server_auth": {
      async up(db) {
        const big = dialect.name === "postgres" ? "bigint" : "INTEGER";
        await run(db, [
          `CREATE TABLE "server_users" ("name" text PRIMARY KEY, "role" text NOT NULL, "password_hash" text NOT NULL, "created_at" text NOT NULL, "disabled" ${big} NOT NULL DEFAULT 0)`,
          `CREATE TABLE "server_tokens" ("token_hash" text PRIMARY KEY, "user_name" text NOT NULL REFERENCES "server_users" ("name"), "expires_at" text NOT NULL, "created_at" text NOT NULL)`,
          `CREATE INDEX "server_tokens_user" ON "server_tokens" ("user_name")`,
        ]);
      },
    },
  };
}

/** Brings a database to the latest schema; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    const e = error instanceof Error ? error : new Error(String(error));
    if (failed) e.message = `migration ${failed}: ${e.message}`;
    throw e;
  }
}

/** The names of the migrations known to this program, in order. */
export function migrationNames(dialect: SqlDialect): string[] {
  return Object.keys(migrations(dialect)).sort();
}
