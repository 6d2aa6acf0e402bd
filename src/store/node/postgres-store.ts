import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { StoreBusyError } from "../port";
import { POSTGRES } from "../sql/dialect";
import { migrateToLatest } from "../sql/migrations";
import { SqlStore } from "../sql/sql-store";

export interface PostgresOptions {
  /** How long a write waits for the store's write lock (ms). */
  waitMs?: number;
  /** Connections in the pool. */
  poolSize?: number;
}

/** Key of the advisory lock every write transaction takes (serialises invoice numbers and runs). */
export const WRITE_LOCK_KEY = 7_277_001;

/** Type parsers: dates stay `YYYY-MM-DD` text, bigints numbers (counters, sequences), numeric text. */
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 1082) return (v: string) => v; // date
    if (oid === 20) return (v: string) => Number(v); // int8
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/**
 * Opens the team store on PostgreSQL and migrates it to the latest schema. Every write transaction
 * first takes one transaction-level advisory lock, so writes (and with them invoice numbers and
 * billing runs) are serialised across all server processes; reads are REPEATABLE READ snapshots and
 * never wait.
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<SqlStore> {
  const waitMs = options.waitMs ?? 60_000;
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types });
  const connectionsClosed = trackConnections(pool);
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  const close = async () => {
    await db.destroy();
    await connectionsClosed();
  };
  try {
    await migrateToLatest(db, POSTGRES);
  } catch (e) {
    await close();
    throw e;
  }
  const location = redact(url);
  return new SqlStore({
    kind: "postgres",
    location,
    dialect: POSTGRES,
    db,
    async beginWrite(exec) {
      await exec("BEGIN", []);
      await exec(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(waitMs))}`, []);
      try {
        await exec(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`, []);
      } catch (e) {
        if ((e as { code?: string }).code === "55P03") throw new StoreBusyError(location, undefined);
        throw e;
      }
    },
    async beginRead(exec) {
      await exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", []);
    },
    close,
  });
}

/**
 * Waits for the pool's connections to be closed. `pool.end()` resolves as soon as it has asked them
 * to close, while their sockets are still open; a process (the CLI, the server, a test worker) that
 * ends right after `close()` then has to wait for them or be killed.
 */
function trackConnections(pool: pg.Pool): () => Promise<void> {
  const open = new Set<Promise<void>>();
  pool.on("connect", (client) => {
    const closed = new Promise<void>((resolve) => client.once("end", () => resolve()));
    open.add(closed);
    void closed.then(() => open.delete(closed));
  });
  return async () => {
    await Promise.all([...open]);
  };
}

/** The URL without its password (for messages and logs). */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres";
  }
}
