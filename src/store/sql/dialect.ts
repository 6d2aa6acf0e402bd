import type { ColumnSpec, ColumnType, TableSpec } from "../tables";

/** The SQL databases the store runs on. */
export type SqlDialectName = "sqlite" | "postgres";

/** What differs between SQLite and PostgreSQL for the store's generated SQL. */
export interface SqlDialect {
  name: SqlDialectName;
  /** Placeholder of the n-th (1-based) parameter. */
  param(n: number): string;
  /** Column type in DDL. */
  ddlType(type: ColumnType, isKey: boolean): string;
  /** How many parameters one statement may carry. */
  maxParams: number;
}

/** Quotes an identifier (the store uses words such as "end", "user" and "month" as column names). */
export const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const SQLITE: SqlDialect = {
  name: "sqlite",
  param: () => "?",
  // NOTE: never NUMERIC affinity: SQLite would turn "12.50" into the float 12.5.
  ddlType: (type) => (type === "int" || type === "bigint" || type === "bool" ? "INTEGER" : "TEXT"),
  maxParams: 30000,
};

export const POSTGRES: SqlDialect = {
  name: "postgres",
  param: (n) => `$${n}`,
  ddlType: (type, isKey) => {
    switch (type) {
      case "numeric":
        return "numeric";
      case "date":
        return "date";
      case "int":
        return "integer";
      case "bigint":
        return "bigint";
      case "bool":
        return "boolean";
      case "json":
        return "jsonb";
      default:
        // Byte order, as IndexedDB and SQLite compare keys (a locale collation would reorder them).
        return isKey ? 'text COLLATE "C"' : 'text COLLATE "C"';
    }
  },
  maxParams: 30000,
};

/** Stored columns of a table: its declared columns plus `extra`, the JSON of every other field. */
export function storedColumns(spec: TableSpec): ColumnSpec[] {
  return [...spec.columns, { field: "$extra", column: "extra", type: "json", optional: true }];
}

/** CREATE TABLE and CREATE INDEX statements of a table. */
export function tableDdl(spec: TableSpec, dialect: SqlDialect): string[] {
  const cols = storedColumns(spec).map((c) => {
    const isKey = c.field === spec.key || c.column === spec.key;
    const type = dialect.ddlType(c.type, isKey);
    return `${q(c.column)} ${type}${isKey ? " PRIMARY KEY" : c.optional ? "" : " NOT NULL"}`;
  });
  const out = [`CREATE TABLE ${q(spec.sql)} (${cols.join(", ")})`];
  for (const fields of spec.indexes) {
    const columns = fields.map((f) => spec.columns.find((c) => c.field === f)!.column);
    out.push(`CREATE INDEX ${q(`${spec.sql}_${columns.join("_")}`)} ON ${q(spec.sql)} (${columns.map(q).join(", ")})`);
  }
  return out;
}
