import { CompiledQuery, type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import { TABLES, type TableSpec } from "../tables";
import { createTx } from "../repos";
import { upgradeMappingIds } from "../upgrade-v4";
import { type SqlDialect, tableDdl } from "./dialect";
import { type Exec, sqlRows } from "./sql-rows";

/**
 * The SQL schema's migrations, run by Kysely's Migrator (which records them in `kysely_migration`
 * and, on PostgreSQL, holds a lock so two servers starting at once migrate once). Never change a
 * published migration: add the next one, with a test seeded at the previous level.
 *
 * 2026-12 `001_store_v2`: the tables of store schema version 2 and `store_meta`.
 * 2026-12 `002_store_v3`: mandates, collections, usage records (schema version 3).
 * 2026-12 `004_server_auth`: the team server's users and login tokens (server only: not in Dexie,
 *   not in backups — a backup moves billing data between stores, never credentials).
 * 2026-12 `003_mapping_ids` (store schema 4): stored mapping ids in their normal form (data only;
 *   upgrade-v4.ts, the same function as the Dexie upgrade and the restore of an older backup). It was
 *   published after 004, so stores that already ran 004 run it after 004: the Migrator allows
 *   migrations out of name order (both touch different tables, so either order gives the same
 *   store). It reads and writes through the store's table specs of schema 4: a later migration that
 *   changes the mappings or audit_log columns must freeze what this one needs.
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
    "003_mapping_ids": {
      async up(db) {
        const exec: Exec = async (text, params) => (await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params as unknown[]))).rows;
        // PostgreSQL runs each migration in a transaction; SQLite's Migrator does not (no transactional
        // DDL), so this data migration takes its own. A crash before the Migrator records it re-runs
        // it, which changes nothing the second time (upgradeMappingIds is idempotent).
        const own = dialect.name === "sqlite";
        if (own) await exec("BEGIN IMMEDIATE", []);
        try {
          const tx = createTx({ rows: sqlRows(exec, dialect), mode: "write" });
          await upgradeMappingIds(tx, new Date().toISOString(), "migration:003_mapping_ids", { remember: true });
          await tx.finish();
          if (own) await exec("COMMIT", []);
        } catch (e) {
          if (own) await exec("ROLLBACK", []);
          throw e;
        }
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
  // 003 came after 004 (see above): a store at 001, 002, 004 runs 003 next.
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
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
