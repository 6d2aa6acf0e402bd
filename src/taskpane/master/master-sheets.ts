/**
 * Master data as Excel tables (Kunden, Verträge, Artikel) and back: the sheets carry the columns of
 * the master-data CSV files (PRODUCT.md §6.2), so syncing a sheet back is importing it as that CSV,
 * with the same merge rules (a row with a new valid_from adds a version; a changed row with a stored
 * valid_from is an error naming its row) and row numbers that are the sheet's rows.
 */
import { pushAll } from "../../core/array";
import type { Customer } from "../../core/contract/model";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { tableNameFor } from "../../excel/names";
import { readCsvText } from "../../io/table/read-csv";
import type { RawTable } from "../../io/table/raw-table";
import { toCsv, unneutralizeFormula } from "../../io/table/write-csv";
import type { Language } from "../i18n";

export type MasterSheet = "customers" | "contracts" | "articles";

export const MASTER_SHEET_NAMES: Record<Language, Record<MasterSheet, string>> = {
  de: { customers: "Kunden", contracts: "Verträge", articles: "Artikel" },
  en: { customers: "Customers", contracts: "Contracts", articles: "Articles" },
};

export const MASTER_COLUMN_KINDS: Record<MasterSheet, Readonly<Record<string, ColumnKind>>> = {
  customers: { customer_no: "id" },
  contracts: {
    customer_no: "id",
    contract_no: "id",
    contract_start: "date",
    contract_end: "date",
    position_no: "integer",
    article_no: "id",
    quantity: "decimal",
    unit_price: "money",
    discount_pct: "decimal",
    vat_pct: "decimal",
    valid_from: "date",
    vendor_key: "id",
  },
  articles: { article_no: "id", unit_price: "money", vat_pct: "decimal", purchase_price: "money" },
};

/** A CSV export (our own, formula-neutralised text) as sheet cells; the gateway neutralises again. */
export function csvSheetRows(csv: string, source: string): SheetCell[][] {
  return readCsvText(csv, source).table.rows.filter((r) => r.some((c) => c !== "")).map((r) => r.map((c) => unneutralizeFormula(c)));
}

export function customerSheetRows(customers: readonly Customer[]): SheetCell[][] {
  const sorted = [...customers].sort((a, b) => a.no.localeCompare(b.no, undefined, { numeric: true }));
  return [["customer_no", "customer_name", "domain"], ...sorted.map((c) => [c.no, c.name, c.domain ?? ""])];
}

export function masterWriteOptions(kind: MasterSheet, sheet: string): WriteTableOptions {
  return { tableName: tableNameFor(sheet), columns: MASTER_COLUMN_KINDS[kind], replace: true };
}

/** A sheet read back as CSV bytes for importMaster, rows numbered as in the sheet. */
export function sheetAsCsv(table: RawTable): Uint8Array {
  const rows: string[][] = [];
  for (let i = 1; i < table.firstRowNumber; i++) rows.push([""]);
  pushAll(rows, table.rows.map((r) => [...r]));
  return new TextEncoder().encode(toCsv(rows));
}
