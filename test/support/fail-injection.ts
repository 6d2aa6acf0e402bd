import type { AppContext } from "../../src/app/context";
import { backupToJson, exportBackup } from "../../src/store/backup";
import type { BillingStore } from "../../src/store/port";
import type { RowAccess } from "../../src/store/row-access";
import { FIXED_NOW } from "./fixtures";
import { testStore } from "./fixtures-store";

/** The error an armed injector throws; tests check for it so that no other failure passes as injected. */
export class InjectedFailure extends Error {
  constructor(readonly write: number, readonly table: string, readonly type: string) {
    super(`injected failure at write ${write} (${type} on ${table})`);
    this.name = "InjectedFailure";
  }
}

/** One write operation as the row layer sees it (a bulk call is one operation). */
export interface WriteOp {
  table: string;
  type: "add" | "put" | "delete" | "clear";
  /** Rows or keys in the operation (0 for clear). */
  count: number;
}

/**
 * Counts the write operations (insert, put, delete, clear) that reach the store's row layer and,
 * when armed, makes the n-th of them fail, as a full disk or a crashed process would.
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

  /** The store's rows hook (see port.ts RowsHook). */
  hook(): (rows: RowAccess) => RowAccess {
    return (rows) => {
      const step = (table: string, type: WriteOp["type"], count: number) => {
        this.seen.push({ table, type, count });
        if (this.armedAt !== null && this.seen.length === this.armedAt) {
          this.armedAt = null;
          throw new InjectedFailure(this.seen.length, table, type);
        }
      };
      return {
        ...rows,
        insert: async (t, r) => (step(t, "add", r.length), rows.insert(t, r)),
        put: async (t, r) => (step(t, "put", r.length), rows.put(t, r)),
        delete: async (t, k) => (step(t, "delete", k.length), rows.delete(t, k)),
        clear: async (t) => (step(t, "clear", 0), rows.clear(t)),
      };
    };
  }
}

/** A fresh test store with a fail injector in its row layer, and a fixed clock. */
export async function failInjectingContext(): Promise<{ ctx: AppContext; injector: FailInjector }> {
  const injector = new FailInjector();
  const store = await testStore();
  store.rowsHook = injector.hook();
  return { ctx: { store, now: () => FIXED_NOW }, injector };
}

/** The whole store as text (the backup format), for exact before/after comparisons. */
export async function storeState(of: BillingStore | AppContext): Promise<string> {
  return backupToJson(await exportBackup("store" in of ? of.store : of, "t"));
}

/** Makes every write to `table` fail with Error("injected") until the returned function is called. */
export function failWritesTo(ctx: AppContext, table: string): () => void {
  const store = ctx.store as BillingStore & { rowsHook?: (rows: RowAccess) => RowAccess };
  const previous = store.rowsHook;
  store.rowsHook = (rows) => {
    const fail = async (t: string) => {
      if (t === table) throw new Error("injected");
    };
    return {
      ...rows,
      insert: async (t, r) => (await fail(t), rows.insert(t, r)),
      put: async (t, r) => (await fail(t), rows.put(t, r)),
      delete: async (t, k) => (await fail(t), rows.delete(t, k)),
    };
  };
  return () => {
    store.rowsHook = previous;
  };
}
