import { AsyncLocalStorage } from "node:async_hooks";
import { CompiledQuery, type Kysely } from "kysely";
import { type BillingStore, type RowsHook, type StoreKind, type StoreTx } from "../port";
import { createTx } from "../repos";
import type { SqlDialect } from "./dialect";
import { type Exec, type ExecRaw, sqlRows } from "./sql-rows";

/** What the SQLite and PostgreSQL engines differ in, below the shared store logic. */
export interface SqlEngine {
  kind: Extract<StoreKind, "sqlite" | "postgres">;
  location: string;
  dialect: SqlDialect;
  db: Kysely<unknown>;
  /** Starts a write transaction on the connection (waits for, or refuses on, a busy store). */
  beginWrite(exec: Exec): Promise<void>;
  beginRead(exec: Exec): Promise<void>;
  /** SELECTs as arrays on the same connection, where the driver offers it (SQLite). */
  selectRaw?: ExecRaw;
  /** After COMMIT or ROLLBACK of a write (the engine may release what beginWrite took). */
  endWrite?(): void;
  close(): Promise<void>;
}

/** The transaction running in the current async context, per engine (nested calls join it). */
const current = new AsyncLocalStorage<{ engine: SqlEngine; mode: "read" | "write"; tx: StoreTx }>();

/**
 * A {@link BillingStore} on an SQL engine: the port's repositories over generated SQL.
 *
 * A `read` or `write` called while a transaction of the same store runs in the same async context
 * joins it (as Dexie nests transactions): a command can run several use cases and prepare its output
 * files in one transaction, and commit all or nothing. A `write` inside a `read` is a bug and throws.
 */
export class SqlStore implements BillingStore {
  readonly kind: StoreKind;
  readonly location: string;
  private readonly listeners = new Set<() => void>();
  /** See {@link RowsHook}. */
  rowsHook?: RowsHook;

  constructor(
    private readonly engine: SqlEngine,
    private readonly user?: string,
    private readonly shared?: Set<() => void>,
  ) {
    this.kind = engine.kind;
    this.location = engine.location;
  }

  read<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.run("read", fn);
  }

  write<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.run("write", fn);
  }

  async revision(): Promise<number> {
    const r = await this.engine.db.executeQuery<{ revision: unknown }>(CompiledQuery.raw(`SELECT "revision" FROM "store_meta" WHERE "id" = 1`, []));
    return Number(r.rows[0]?.revision ?? 0);
  }

  /**
   * One SQL statement outside the store's transactions, for the team server's own tables
   * (`server_users`, `server_tokens`, migration `004_server_auth`); never for the store's tables.
   */
  async sql<R = Record<string, unknown>>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    let n = 0;
    const p = this.engine.dialect.name === "postgres" ? text.replace(/\?/g, () => `$${++n}`) : text;
    return (await this.engine.db.executeQuery<R>(CompiledQuery.raw(p, params as unknown[]))).rows;
  }

  as(user: string): BillingStore {
    const other = new SqlStore(this.engine, user, this.listenerSet());
    if (this.rowsHook) other.rowsHook = this.rowsHook;
    return other;
  }

  onChange(listener: () => void): () => void {
    const set = this.listenerSet();
    set.add(listener);
    return () => set.delete(listener);
  }

  close(): Promise<void> {
    return this.engine.close();
  }

  private listenerSet(): Set<() => void> {
    return this.shared ?? this.listeners;
  }

  private async run<T>(mode: "read" | "write", fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const { engine } = this;
    const outer = current.getStore();
    if (outer && outer.engine === engine) {
      if (mode === "write" && outer.mode === "read") throw new Error("a write transaction cannot run inside a read transaction");
      return fn(outer.tx);
    }
    let changed = false;
    const result = await engine.db.connection().execute(async (conn) => {
      const exec: Exec = async (text, params) => (await conn.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params as unknown[]))).rows;
      if (mode === "write") await engine.beginWrite(exec);
      else await engine.beginRead(exec);
      try {
        const rows = sqlRows(exec, engine.dialect, engine.selectRaw);
        const tx = createTx({ rows: this.rowsHook ? this.rowsHook(rows) : rows, mode, ...(this.user !== undefined ? { user: this.user } : {}) });
        const value = await current.run({ engine, mode, tx }, () => fn(tx));
        if (mode === "write" && (await tx.finish())) {
          await exec(`UPDATE "store_meta" SET "revision" = "revision" + 1 WHERE "id" = 1`, []);
          changed = true;
        }
        await exec("COMMIT", []);
        return value;
      } catch (e) {
        changed = false;
        try {
          await exec("ROLLBACK", []);
        } catch {
          // The connection may already have ended the transaction (SQLite after some errors).
        }
        throw e;
      } finally {
        if (mode === "write") engine.endWrite?.();
      }
    });
    if (changed) for (const l of [...this.listenerSet()]) l();
    return result;
  }
}
