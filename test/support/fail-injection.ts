import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import type { AppContext } from "../../src/app/context";
import { backupToJson, exportBackup } from "../../src/store/backup";
import { MspDb } from "../../src/store/db";
import { FIXED_NOW } from "./fixtures";

/** The error an armed injector throws; tests check for it so that no other failure passes as injected. */
export class InjectedFailure extends Error {
  constructor(readonly write: number, readonly table: string, readonly type: string) {
    super(`injected failure at write ${write} (${type} on ${table})`);
    this.name = "InjectedFailure";
  }
}

/** One write operation as the DBCore layer sees it (a bulk call is one operation). */
export interface WriteOp {
  table: string;
  type: DBCoreMutateRequest["type"];
  /** Rows or keys in the operation (0 for deleteRange). */
  count: number;
}

/**
 * Counts the write operations (DBCore `mutate` calls: add, put, delete, deleteRange) that reach the
 * store and, when armed, makes the n-th of them fail, as a full disk or a crashed tab would.
 */
export class FailInjector {
  private seen: WriteOp[] = [];
  private armedAt: number | null = null;

  /** Write operations since the last `reset`. */
  get writes(): readonly WriteOp[] {
    return this.seen;
  }

  /** Forgets the writes seen so far and disarms. */
  reset(): void {
    this.seen = [];
    this.armedAt = null;
  }

  /** Resets, then makes the n-th write from now fail (1-based). */
  failAt(n: number): void {
    this.reset();
    this.armedAt = n;
  }

  /** The DBCore middleware; register it with `db.use` before the store is opened. */
  middleware(): Middleware<DBCore> {
    return {
      stack: "dbcore",
      name: "failAt",
      create: (down) => ({
        ...down,
        table: (name: string): DBCoreTable => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req: DBCoreMutateRequest) => {
              const op: WriteOp = { table: name, type: req.type, count: req.type === "deleteRange" ? 0 : req.type === "delete" ? req.keys.length : req.values.length };
              this.seen.push(op);
              if (this.armedAt !== null && this.seen.length === this.armedAt) {
                this.armedAt = null;
                return Promise.reject(new InjectedFailure(this.seen.length, name, req.type));
              }
              return table.mutate(req);
            },
          };
        },
      }),
    };
  }
}

/**
 * A fresh in-memory store (own fake-indexeddb factory) with a fail injector registered before it is
 * opened, and a fixed clock. `createMemoryDb` cannot be used: it opens the store before a middleware
 * could be added.
 */
export async function failInjectingContext(name = "msp-billing"): Promise<{ ctx: AppContext; injector: FailInjector }> {
  const injector = new FailInjector();
  const db = new MspDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  db.use(injector.middleware());
  await db.open();
  return { ctx: { db, now: () => FIXED_NOW }, injector };
}

/** The whole store as text (the backup format), for exact before/after comparisons. */
export async function storeState(db: MspDb): Promise<string> {
  return backupToJson(await exportBackup(db, "t"));
}
