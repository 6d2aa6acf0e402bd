import { pushAll } from "../../core/array";
import type { Key, Row, RowAccess } from "../row-access";
import { TABLES, type ColumnSpec, type TableName, type TableSpec } from "../tables";
import { type SqlDialect, q, storedColumns } from "./dialect";

/** Runs one statement on the transaction's connection and returns its rows. */
export type Exec = (sql: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>;
/** Runs a SELECT and returns its rows as arrays in column order (faster where the driver can). */
export type ExecRaw = (sql: string, params: readonly unknown[]) => Promise<unknown[][]>;

interface Prepared {
  spec: TableSpec;
  columns: ColumnSpec[];
  /** Declared, non-derived fields (everything else of a record goes to `extra`). */
  fields: Set<string>;
  keyColumn: string;
  table: string;
  select: string;
  /** The columns of `select`, in order. */
  read: ColumnSpec[];
}

const prepared = new Map<TableName, Prepared>();

function prep(table: TableName): Prepared {
  let p = prepared.get(table);
  if (!p) {
    const spec: TableSpec = TABLES[table];
    const columns = storedColumns(spec);
    const keyCol = spec.columns.find((c) => c.field === spec.key || c.column === spec.key)!;
    p = {
      spec,
      columns,
      fields: new Set(spec.columns.filter((c) => !c.derive).map((c) => c.field)),
      keyColumn: keyCol.column,
      table: q(spec.sql),
      select: `SELECT ${columns.filter((c) => !c.derive).map((c) => q(c.column)).join(", ")} FROM ${q(spec.sql)}`,
      read: columns.filter((c) => !c.derive),
    };
    prepared.set(table, p);
  }
  return p;
}

/** A record as the values of its stored columns. */
function encode(p: Prepared, row: Row, dialect: SqlDialect): unknown[] {
  const values: unknown[] = [];
  for (const c of p.columns) {
    if (c.field === "$extra") {
      const extra: Row = {};
      let any = false;
      for (const [k, v] of Object.entries(row)) {
        if (p.fields.has(k) || v === undefined || k.startsWith("$")) continue;
        extra[k] = v;
        any = true;
      }
      values.push(any ? JSON.stringify(extra) : null);
      continue;
    }
    const v = c.derive ? c.derive(row) : row[c.field];
    if (v === undefined || v === null) values.push(null);
    else if (c.type === "json") values.push(JSON.stringify(v));
    else if (c.type === "bool") values.push(dialect.name === "sqlite" ? (v ? 1 : 0) : Boolean(v));
    else values.push(v);
  }
  return values;
}

/** A row of values in the order of `p.read` back as the record that was written. */
function decodeArray(p: Prepared, values: readonly unknown[], dialect: SqlDialect): Row {
  const out: Row = {};
  const cols = p.read;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (c.field === "$extra") Object.assign(out, dialect.name === "sqlite" && typeof v === "string" ? JSON.parse(v) : v);
    else if (c.type === "json") out[c.field] = dialect.name === "sqlite" && typeof v === "string" ? JSON.parse(v) : v;
    else if (c.type === "bool") out[c.field] = v === true || v === 1;
    else if (c.type === "int" || c.type === "bigint") out[c.field] = typeof v === "number" ? v : Number(v);
    else out[c.field] = typeof v === "string" ? v : String(v);
  }
  return out;
}

/** A database row back as the record that was written. */
function decode(p: Prepared, db: Record<string, unknown>, dialect: SqlDialect): Row {
  // PostgreSQL's jsonb arrives parsed (a JSON string value arrives as a string); SQLite's TEXT does not.
  const parse = (v: unknown) => (dialect.name === "sqlite" && typeof v === "string" ? JSON.parse(v) : v);
  const out: Row = {};
  for (const c of p.columns) {
    if (c.derive) continue;
    const v = db[c.column];
    if (c.field === "$extra") {
      if (v !== null && v !== undefined) Object.assign(out, parse(v));
      continue;
    }
    if (v === null || v === undefined) continue;
    if (c.type === "json") out[c.field] = parse(v);
    else if (c.type === "bool") out[c.field] = v === true || v === 1;
    else if (c.type === "int" || c.type === "bigint") out[c.field] = Number(v);
    else out[c.field] = typeof v === "string" ? v : String(v);
  }
  return out;
}

/** {@link RowAccess} over SQL statements, for SQLite and PostgreSQL alike. */
export function sqlRows(exec: Exec, dialect: SqlDialect, execRaw?: ExecRaw): RowAccess {
  const params = (n: number, start = 1) => Array.from({ length: n }, (_, i) => dialect.param(start + i)).join(", ");
  const columnOf = (p: Prepared, field: string): string => {
    const c = p.spec.columns.find((x) => x.field === field || x.column === field);
    if (!c) throw new Error(`${p.spec.name}.${field} is not a column`);
    return c.column;
  };
  const chunk = <T>(list: readonly T[], size: number): T[][] => {
    const out: T[][] = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out;
  };
  const select = async (p: Prepared, where: string, args: readonly unknown[], order = ` ORDER BY ${q(p.keyColumn)}`) =>
    execRaw ? (await execRaw(`${p.select}${where}${order}`, args)).map((r) => decodeArray(p, r, dialect)) : (await exec(`${p.select}${where}${order}`, args)).map((r) => decode(p, r, dialect));

  const write = async (table: TableName, rows: readonly Row[], upsert: boolean) => {
    const p = prep(table);
    const names = p.columns.map((c) => q(c.column));
    const perRow = names.length;
    const conflict = upsert ? ` ON CONFLICT (${q(p.keyColumn)}) DO UPDATE SET ${p.columns.filter((c) => c.column !== p.keyColumn).map((c) => `${q(c.column)} = excluded.${q(c.column)}`).join(", ")}` : "";
    for (const part of chunk(rows, Math.max(1, Math.min(500, Math.floor(dialect.maxParams / perRow))))) {
      const values: unknown[] = [];
      const tuples = part.map((r, i) => {
        pushAll(values, encode(p, r, dialect));
        return `(${params(perRow, i * perRow + 1)})`;
      });
      await exec(`INSERT INTO ${p.table} (${names.join(", ")}) VALUES ${tuples.join(", ")}${conflict}`, values);
    }
  };

  const whereIn = async (table: TableName, field: string, values: readonly (string | number)[]): Promise<Row[]> => {
    const p = prep(table);
    const column = columnOf(p, field);
    const out: Row[] = [];
    for (const part of chunk(values, 900)) pushAll(out, (await select(p, ` WHERE ${q(column)} IN (${params(part.length)})`, part)));
    if (values.length > 900) out.sort((a, b) => cmpKey(a[p.spec.key], b[p.spec.key]));
    return out;
  };

  return {
    async whereInFrom(table, field, values, rangeField, lower) {
      const p = prep(table);
      const out: Row[] = [];
      for (const part of chunk(values, 900)) {
        pushAll(out, (await select(p, ` WHERE ${q(columnOf(p, field))} IN (${params(part.length)}) AND ${q(columnOf(p, rangeField))} >= ${dialect.param(part.length + 1)}`, [...part, lower])));
      }
      return out.sort((a, b) => cmpKey(a[p.spec.key], b[p.spec.key]));
    },
    async get(table, key) {
      const p = prep(table);
      return (await select(p, ` WHERE ${q(p.keyColumn)} = ${dialect.param(1)}`, [key], ""))[0];
    },
    async getMany(table, keys) {
      if (keys.length === 0) return [];
      const p = prep(table);
      const found = new Map<Key, Row>();
      for (const part of chunk([...new Set(keys)], 900)) {
        for (const r of await select(p, ` WHERE ${q(p.keyColumn)} IN (${params(part.length)})`, part, "")) found.set(keyOf(p, r), r);
      }
      return keys.map((k) => found.get(k));
    },
    insert: (table, rows) => write(table, rows, false),
    put: (table, rows) => write(table, rows, true),
    async delete(table, keys) {
      const p = prep(table);
      for (const part of chunk(keys, 900)) await exec(`DELETE FROM ${p.table} WHERE ${q(p.keyColumn)} IN (${params(part.length)})`, part);
    },
    async clear(table) {
      await exec(`DELETE FROM ${prep(table).table}`, []);
    },
    async count(table) {
      const r = await exec(`SELECT COUNT(*) AS n FROM ${prep(table).table}`, []);
      return Number(r[0]!.n);
    },
    all: (table) => select(prep(table), "", []),
    async keys(table) {
      const p = prep(table);
      const r = await exec(`SELECT ${q(p.keyColumn)} AS k FROM ${p.table} ORDER BY ${q(p.keyColumn)}`, []);
      const keyType = p.spec.columns.find((c) => c.column === p.keyColumn)!.type;
      return r.map((x) => (keyType === "int" || keyType === "bigint" ? Number(x.k) : String(x.k)));
    },
    whereIn,
    async range(table, field, lower, upper) {
      const p = prep(table);
      const column = q(columnOf(p, field));
      const conds: string[] = [];
      const args: unknown[] = [];
      if (lower !== undefined) args.push(lower), conds.push(`${column} >= ${dialect.param(args.length)}`);
      if (upper !== undefined) args.push(upper), conds.push(`${column} < ${dialect.param(args.length)}`);
      return select(p, conds.length > 0 ? ` WHERE ${conds.join(" AND ")}` : "", args, ` ORDER BY ${column}, ${q(p.keyColumn)}`);
    },
    async lastByKey(table, limit) {
      const p = prep(table);
      return select(p, "", [], ` ORDER BY ${q(p.keyColumn)} DESC LIMIT ${Math.max(0, Math.floor(limit))}`);
    },
    async scan(table, visit, batchSize) {
      const p = prep(table);
      let after: unknown;
      for (;;) {
        const rows = await select(p, after === undefined ? "" : ` WHERE ${q(p.keyColumn)} > ${dialect.param(1)}`, after === undefined ? [] : [after], ` ORDER BY ${q(p.keyColumn)} LIMIT ${batchSize}`);
        if (rows.length === 0) return;
        await visit(rows);
        if (rows.length < batchSize) return;
        after = keyOf(p, rows[rows.length - 1]!);
      }
    },
  };
}

function keyOf(p: Prepared, row: Row): Key {
  const c = p.spec.columns.find((x) => x.column === p.keyColumn)!;
  return (c.derive ? c.derive(row) : row[c.field]) as Key;
}

function cmpKey(a: unknown, b: unknown): number {
  return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
}
