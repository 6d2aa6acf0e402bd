import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { StoreBusyError } from "../port";
import { SQLITE } from "../sql/dialect";
import { migrateToLatest } from "../sql/migrations";
import { SqlStore } from "../sql/sql-store";

export interface SqliteOptions {
  /** How long a write waits for another process's write to finish before giving up (ms). */
  waitMs?: number;
  /** Who we are, for the message another process shows while we write (e.g. `msp-billing bill`). */
  holder?: string;
}

/** Default wait for a busy store: long enough for another clerk's billing run, short enough to notice. */
export const DEFAULT_WAIT_MS = 60_000;

/**
 * Opens (creating when missing) the embedded store: one SQLite database file (plus its `-wal` and
 * `-shm` files while open), migrated to the latest schema. Write transactions are `BEGIN
 * IMMEDIATE`: two processes on the same file are serialised by SQLite's lock, and a process that
 * waited `waitMs` in vain is refused with who holds the store. WAL with `synchronous=FULL`: a
 * committed transaction survives a crash of the process or the machine; a killed process leaves
 * the store as it was before its transaction.
 */
export async function openSqliteStore(path: string, options: SqliteOptions = {}): Promise<SqlStore> {
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const memory = path === ":memory:";
  const sqlite = new Database(path, { timeout: waitMs });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(waitMs))}`);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const lockInfo = `${path}.writer`;
  const holder = JSON.stringify({ pid: process.pid, command: options.holder ?? process.argv.slice(1).join(" "), since: "" });
  try {
    await withBusyRetry(() => migrateToLatest(db, SQLITE), waitMs);
  } catch (e) {
    await db.destroy();
    throw isBusy(e) ? new StoreBusyError(path, describeHolder(lockInfo)) : e;
  }
  // Kysely's driver runs every statement on this one connection, so a direct SELECT here is part of
  // the transaction it began. Rows as arrays and cached statements: half the time of row objects.
  const statements = new Map<string, Database.Statement>();
  const selectRaw = async (text: string, params: readonly unknown[]): Promise<unknown[][]> => {
    let st = statements.get(text);
    if (!st) {
      st = sqlite.prepare(text).raw(true);
      if (statements.size > 200) statements.clear();
      statements.set(text, st);
    }
    return st.all(...(params as unknown[])) as unknown[][];
  };
  return new SqlStore({
    kind: "sqlite",
    selectRaw,
    location: path,
    dialect: SQLITE,
    db,
    async beginWrite(exec) {
      try {
        await exec("BEGIN IMMEDIATE", []);
      } catch (e) {
        if (isBusy(e)) throw new StoreBusyError(path, describeHolder(lockInfo));
        throw e;
      }
      if (!memory) {
        try {
          writeFileSync(lockInfo, holder.replace('"since":""', `"since":"${new Date().toISOString()}"`));
        } catch {
          // Only informational (who holds the store); the lock itself is SQLite's.
        }
      }
    },
    async beginRead(exec) {
      await exec("BEGIN", []);
    },
    endWrite() {
      if (memory) return;
      try {
        unlinkSync(lockInfo);
      } catch {
        // already gone
      }
    },
    close: () => db.destroy(),
  });
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  return code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_") || code === "SQLITE_LOCKED";
}

/** Migrating a new file from two processes at once: the loser retries and finds it migrated. */
async function withBusyRetry<T>(fn: () => Promise<T>, waitMs: number): Promise<T> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (!isBusy(e) || Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** "process 1234 (msp-billing bill …) since …", from the writer's note, when it is still running. */
function describeHolder(lockInfo: string): string | undefined {
  try {
    const info = JSON.parse(readFileSync(lockInfo, "utf8")) as { pid: number; command: string; since: string };
    try {
      process.kill(info.pid, 0);
    } catch {
      return undefined;
    }
    return `process ${info.pid} (${info.command}) since ${info.since}`;
  } catch {
    return undefined;
  }
}
