/**
 * Tests look into the store through this small Dexie-like view (toArray, get, count, where…equals,
 * orderBy …), answered from whole-table reads of the store port's TableAdmin, and seed it with
 * bulkAdd/bulkPut in their own write transactions. Test-only: use cases and hosts go through the
 * port's repositories.
 */
import type { AppContext } from "../../src/app/context";
import type { BillingStore } from "../../src/store/port";
import { TABLES, type TableName, type TableSpec, rowKey } from "../../src/store/tables";

type Row = Record<string, any>;

class Coll {
  constructor(
    private readonly load: () => Promise<Row[]>,
    private readonly table?: TableName,
  ) {}
  async toArray(): Promise<any[]> {
    return this.load();
  }
  async count(): Promise<number> {
    return (await this.load()).length;
  }
  async first(): Promise<any> {
    return (await this.load())[0];
  }
  async last(): Promise<any> {
    const r = await this.load();
    return r[r.length - 1];
  }
  filter(fn: (r: any) => boolean): Coll {
    return new Coll(async () => (await this.load()).filter(fn));
  }
  reverse(): Coll {
    return new Coll(async () => [...(await this.load())].reverse());
  }
  limit(n: number): Coll {
    return new Coll(async () => (await this.load()).slice(0, n));
  }
  async sortBy(field: string): Promise<any[]> {
    return [...(await this.load())].sort((a, b) => cmp(a[field], b[field]));
  }
  async each(fn: (r: any) => void): Promise<void> {
    (await this.load()).forEach(fn);
  }
  async primaryKeys(): Promise<any[]> {
    return (await this.load()).map((r) => rowKey(this.table!, r));
  }
}

const cmp = (a: unknown, b: unknown) => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0);

export interface TableView {
  toArray(): Promise<any[]>;
  toCollection(): Coll;
  get(key: string | number): Promise<any>;
  bulkGet(keys: readonly (string | number)[]): Promise<any[]>;
  count(): Promise<number>;
  where(field: string): { equals(v: unknown): Coll; anyOf(vs: readonly unknown[]): Coll; startsWith(p: string): Coll; above(v: unknown): Coll; aboveOrEqual(v: unknown): Coll };
  orderBy(field: string): Coll;
  filter(fn: (r: any) => boolean): Coll;
  add(row: unknown): Promise<void>;
  bulkAdd(rows: readonly unknown[]): Promise<void>;
  put(row: unknown): Promise<void>;
  bulkPut(rows: readonly unknown[]): Promise<void>;
  update(key: string | number, changes: Row): Promise<void>;
  delete(key: string | number): Promise<void>;
  bulkDelete(keys: readonly (string | number)[]): Promise<void>;
  clear(): Promise<void>;
}

function view(store: BillingStore, table: TableName): TableView {
  const all = () =>
    store.read(async (tx) => {
      const out: Row[] = [];
      await tx.tables.scan(table, (rows) => void out.push(...(rows as Row[])), 5000);
      return out;
    });
  const spec: TableSpec = TABLES[table];
  const where = (field: string) => {
    const by = (test: (v: any) => boolean) => new Coll(async () => (await all()).filter((r) => test(field.startsWith("[") ? null : r[field])).sort((a, b) => cmp(a[field], b[field]) || cmp(a[spec.key], b[spec.key])));
    return {
      equals: (v: unknown) => by((x) => x === v),
      anyOf: (vs: readonly unknown[]) => by((x) => vs.includes(x)),
      startsWith: (p: string) => by((x) => typeof x === "string" && x.startsWith(p)),
      above: (v: unknown) => by((x) => x > (v as any)),
      aboveOrEqual: (v: unknown) => by((x) => x >= (v as any)),
    };
  };
  const write = (fn: (tx: Parameters<Parameters<BillingStore["write"]>[0]>[0]) => Promise<void>) => store.write(fn);
  return {
    toArray: all,
    toCollection: () => new Coll(all, table),
    get: (key) => store.read((tx) => tx.tables.get(table, key)),
    bulkGet: (keys) => store.read((tx) => tx.tables.getMany(table, keys)),
    count: () => store.read((tx) => tx.tables.count(table)),
    where,
    orderBy: (field) => new Coll(async () => [...(await all())].sort((a, b) => cmp(a[field], b[field]))),
    filter: (fn) => new Coll(async () => (await all()).filter(fn)),
    add: (row) => write((tx) => tx.tables.insert(table, [row] as never)),
    bulkAdd: (rows) => write((tx) => tx.tables.insert(table, rows as never)),
    put: (row) => write((tx) => tx.tables.put(table, row as never)),
    bulkPut: (rows) => write(async (tx) => {
      for (const r of rows) await tx.tables.put(table, r as never);
    }),
    update: (key, changes) => write(async (tx) => {
      const row = await tx.tables.get(table, key);
      if (row) await tx.tables.put(table, { ...(row as Row), ...changes } as never);
    }),
    delete: (key) => write((tx) => tx.tables.delete(table, key)),
    bulkDelete: (keys) => write(async (tx) => {
      for (const k of keys) await tx.tables.delete(table, k);
    }),
    clear: () => write((tx) => tx.tables.clear(table)),
  };
}

/** The tables of a context's (or a store's) store, as Dexie-like views. */
export function dbOf(ctxOrStore: AppContext | BillingStore): Record<TableName, TableView> {
  const store = "store" in ctxOrStore ? ctxOrStore.store : ctxOrStore;
  return Object.fromEntries((Object.keys(TABLES) as TableName[]).map((t) => [t, view(store, t)])) as Record<TableName, TableView>;
}
