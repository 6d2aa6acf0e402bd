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
import { sheetName } from "../../io/table/sheet-names";
import type { RawTable } from "../../io/table/raw-table";
import { toCsv, unneutralizeFormula } from "../../io/table/write-csv";
import type { Issue } from "../../core/issues";
import { ARTICLE_VOCABULARY, CONTRACT_VOCABULARY, CUSTOMER_VOCABULARY } from "../../io/sheets/master-words";
import { canonicalTable, localizeTable, type SheetVocabulary, vocabularyHeader, withUserColumns } from "../../io/table/sheet-vocabulary";
import type { Language } from "../i18n";

export type MasterSheet = "customers" | "contracts" | "articles";

const namesIn = (language: Language): Record<MasterSheet, string> => ({ customers: sheetName("customers", language), contracts: sheetName("contracts", language), articles: sheetName("articles", language) });

/** Kunden/Verträge/Artikel, Customers/Contracts/Articles (src/io/table/sheet-names.ts: read back under either name). */
export const MASTER_SHEET_NAMES: Record<Language, Record<MasterSheet, string>> = { de: namesIn("de"), en: namesIn("en") };

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
    billed_until: "date",
  },
  articles: { article_no: "id", unit_price: "money", vat_pct: "decimal", purchase_price: "money" },
};

/** Headers and code words of each sheet per language (src/io/sheets/master-words.ts). */
export const MASTER_VOCABULARIES: Record<MasterSheet, SheetVocabulary> = { customers: CUSTOMER_VOCABULARY, contracts: CONTRACT_VOCABULARY, articles: ARTICLE_VOCABULARY };

/**
 * A CSV export (our own, formula-neutralised text) as sheet cells in the language (headers, contract
 * type, interval, mode, yes/no); the gateway neutralises again.
 */
export function csvSheetRows(csv: string, source: string, kind: MasterSheet = "contracts", language: Language = "en"): SheetCell[][] {
  const rows = readCsvText(csv, source).table.rows.filter((r) => r.some((c) => c !== "")).map((r) => r.map((c) => unneutralizeFormula(c)));
  return localizeTable(MASTER_VOCABULARIES[kind], rows, language);
}

export function customerSheetRows(customers: readonly Customer[], language: Language = "en"): SheetCell[][] {
  const sorted = [...customers].sort((a, b) => a.no.localeCompare(b.no, undefined, { numeric: true }));
  return localizeTable(CUSTOMER_VOCABULARY, [["customer_no", "customer_name", "domain"], ...sorted.map((c) => [c.no, c.name, c.domain ?? ""])], language);
}

export function masterWriteOptions(kind: MasterSheet, sheet: string, language: Language = "en"): WriteTableOptions {
  const columns = Object.fromEntries(Object.entries(MASTER_COLUMN_KINDS[kind]).map(([c, k]) => [vocabularyHeader(MASTER_VOCABULARIES[kind], c, language), k]));
  return { tableName: tableNameFor(sheet), columns, replace: true };
}

/**
 * A master sheet read back, German or English, as the CSV bytes importMaster reads (canonical
 * headers and words, rows numbered as in the sheet), and a function that names the columns of the
 * import's issues as the sheet has them.
 */
export function masterSheetAsCsv(kind: MasterSheet, table: RawTable): { bytes: Uint8Array; userColumns(issues: readonly Issue[]): Issue[] } {
  const vocabulary = MASTER_VOCABULARIES[kind];
  const canonical = canonicalTable(vocabulary, table);
  return { bytes: sheetAsCsv(canonical.raw), userColumns: (issues) => withUserColumns(vocabulary, issues, canonical) };
}

/** A sheet read back as CSV bytes for importMaster, rows numbered as in the sheet. */
export function sheetAsCsv(table: RawTable): Uint8Array {
  const rows: string[][] = [];
  for (let i = 1; i < table.firstRowNumber; i++) rows.push([""]);
  pushAll(rows, table.rows.map((r) => [...r]));
  return new TextEncoder().encode(toCsv(rows));
}
