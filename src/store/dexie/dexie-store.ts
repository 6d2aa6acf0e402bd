import Dexie, { type Table } from "dexie";
import type { BillingStore, RowsHook, StoreTx } from "../port";
import { createTx } from "../repos";
import { TABLE_NAMES } from "../tables";
import { MspDexie } from "./dexie-db";
import { dexieRows } from "./dexie-rows";

/**
 * The add-in's store: the port over IndexedDB (Dexie). A transaction spans every table, so Dexie
 * serialises writes. NOTE (IndexedDB): inside `read`/`write`, await only the store — awaiting
 * anything else (Web Crypto, a timer, a fetch) lets IndexedDB commit the transaction early; hash
 * files and read sheets before, not inside, the transaction.
 */
export class DexieStore implements BillingStore {
  readonly kind = "dexie" as const;
  readonly location: string;
  private readonly shared: { listeners: Set<() => void>; seen: number };
  /** See {@link RowsHook}. */
  rowsHook?: RowsHook;

  constructor(
    readonly db: MspDexie,
    private readonly user?: string,
    shared?: { listeners: Set<() => void>; seen: number },
  ) {
    this.location = `indexeddb:${db.name}`;
    this.shared = shared ?? { listeners: new Set(), seen: -1 };
  }

  read<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.run("read", fn);
  }

  write<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.run("write", fn);
  }

  async revision(): Promise<number> {
    const row = (await this.db.table("storeMeta").get("revision")) as { value: number } | undefined;
    return row?.value ?? 0;
  }

  as(user: string): BillingStore {
    const other = new DexieStore(this.db, user, this.shared);
    if (this.rowsHook) other.rowsHook = this.rowsHook;
    return other;
  }

  /**
   * After a committed write in this window, and (Dexie's `storagemutated`, relayed between windows
   * of the same origin) after one in another window of the add-in.
   */
  onChange(listener: () => void): () => void {
    this.shared.listeners.add(listener);
    const prefix = `idb://${this.db.name}/`;
    // Own writes call the listeners directly; a mutation whose revision was not seen here came from
    // another window.
    const onMutated = (parts: Record<string, unknown>) => {
      if (!Object.keys(parts).some((k) => k.startsWith(prefix))) return;
      void this.revision().then((r) => {
        if (r > this.shared.seen) {
          this.shared.seen = r;
          listener();
        }
      });
    };
    Dexie.on("storagemutated", onMutated);
    return () => {
      this.shared.listeners.delete(listener);
      Dexie.on("storagemutated").unsubscribe(onMutated);
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private async run<T>(mode: "read" | "write", fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    let changed = false;
    const db = this.db as unknown as Dexie;
    const tables = [...TABLE_NAMES.map((n) => db.table(n)), db.table("storeMeta")];
    // (Dexie's overloads make TypeScript recurse too deep on a generic callback; the call is plain.)
    const transaction = db.transaction.bind(db) as unknown as (mode: "rw" | "r", tables: Table[], fn: () => Promise<T>) => Promise<T>;
    {
      const value: T = await transaction(mode === "write" ? "rw" : "r", tables, async (): Promise<T> => {
        const rows = dexieRows(db);
        const tx = createTx({ rows: this.rowsHook ? this.rowsHook(rows) : rows, mode, ...(this.user !== undefined ? { user: this.user } : {}) });
        const out = await fn(tx);
        if (mode === "write" && (await tx.finish())) {
          const meta = db.table("storeMeta");
          const row = (await meta.get("revision")) as { value: number } | undefined;
          await meta.put({ key: "revision", value: (row?.value ?? 0) + 1 });
          this.shared.seen = (row?.value ?? 0) + 1;
          changed = true;
        }
        return out;
      });
      if (changed) for (const l of [...this.shared.listeners]) l();
      return value;
    }
  }
}

/** Opens (and upgrades) the add-in's IndexedDB store. */
export async function openDexieStore(db: MspDexie = new MspDexie()): Promise<DexieStore> {
  await db.open();
  return new DexieStore(db);
}
