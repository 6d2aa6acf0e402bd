import type { TableName } from "./tables";

export type Key = string | number;
export type Row = Record<string, unknown>;

/**
 * The few row operations every adapter provides inside one transaction. The repositories of the
 * store port (repos.ts) are written once over this, so Dexie, SQLite and PostgreSQL answer every
 * query with the same code above them; each adapter maps these to its own indexes.
 *
 * Rows are records as the port defines them (src/store/tables.ts), never database rows. `field`
 * arguments name record fields that are declared columns (or derived columns) of the table, and that
 * the table indexes wherever a query would otherwise scan.
 */
export interface RowAccess {
  get(table: TableName, key: Key): Promise<Row | undefined>;
  getMany(table: TableName, keys: readonly Key[]): Promise<(Row | undefined)[]>;
  /** Inserts new rows; an existing key is an error (the transaction fails). */
  insert(table: TableName, rows: readonly Row[]): Promise<void>;
  /** Inserts or replaces rows by key. */
  put(table: TableName, rows: readonly Row[]): Promise<void>;
  delete(table: TableName, keys: readonly Key[]): Promise<void>;
  clear(table: TableName): Promise<void>;
  count(table: TableName): Promise<number>;
  /** Every row in key order. */
  all(table: TableName): Promise<Row[]>;
  keys(table: TableName): Promise<Key[]>;
  /** Rows whose `field` equals one of `values`, in key order. */
  whereIn(table: TableName, field: string, values: readonly (string | number)[]): Promise<Row[]>;
  /** Rows whose `field` is one of `values` and `rangeField` ≥ `lower` (an index on both fields). */
  whereInFrom(table: TableName, field: string, values: readonly (string | number)[], rangeField: string, lower: string | number): Promise<Row[]>;
  /** Rows with lower ≤ field < upper (either bound open when absent), in field order, then key. */
  range(table: TableName, field: string, lower?: string | number, upper?: string | number): Promise<Row[]>;
  /** The last `limit` rows by key, last first. */
  lastByKey(table: TableName, limit: number): Promise<Row[]>;
  /** Visits rows in key order, in batches. */
  scan(table: TableName, visit: (rows: Row[]) => void | Promise<void>, batchSize: number): Promise<void>;
}
