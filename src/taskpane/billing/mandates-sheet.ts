/**
 * The mandates as an editable worksheet: one row per customer in the columns of the mandates CSV
 * (`MANDATE_COLUMNS`). Read back, the sheet goes through the same mandates import as the CSV
 * (`importMandates`): all or nothing, problems named by sheet row and column, one undoable batch.
 */
import type { ImportMandatesSummary } from "../../app/mandates";
import { importMandates, mandateSheetRows } from "../connection/use-cases";
import type { AppContext } from "../../app/context";
import type { Result } from "../../core/issues";
import type { ColumnKind, SheetCell, WorkbookGateway, WriteTableOptions, WriteTableResult } from "../../excel/gateway";
import { MANDATE_VOCABULARY } from "../../io/sheets/sepa-words";
import { rowsBelowWarning } from "../rows-below";
import { findSheetToRead } from "../find-sheet";
import { sheetName } from "../../io/table/sheet-names";
import { tableNameFor } from "../../excel/names";
import { canonicalTable, localizeTable, type SheetLanguage, vocabularyHeader, vocabularyWord, withUserColumns } from "../../io/table/sheet-vocabulary";

/** `SEPA-Mandate` / `SEPA mandates` (read back under either name). */
export function mandatesSheetName(language: SheetLanguage = "de"): string {
  return sheetName("mandates", language);
}

const KINDS: Readonly<Record<string, ColumnKind>> = {
  customer_no: "id", mandate_ref: "id", signature_date: "date", iban: "id", bic: "id", last_collection_date: "date", changed_on: "date", previous_mandate_ref: "id", previous_iban: "id", revoked_on: "date",
};

/** Write options in the language: column kinds and drop-downs under the shown headers, words in the language. */
export function mandatesWriteOptions(language: SheetLanguage = "en"): WriteTableOptions {
  const header = (c: string) => vocabularyHeader(MANDATE_VOCABULARY, c, language);
  const words = (c: string, values: string[]) => values.map((v) => vocabularyWord(MANDATE_VOCABULARY, c, v, language));
  return {
    // The German table keeps its old name; each language its own, so both sheets can sit in one workbook.
    tableName: language === "de" ? "SepaMandate" : tableNameFor(mandatesSheetName(language)),
    // IBANs, references and customer numbers stay text (no number or date guessing by Excel).
    columns: Object.fromEntries(Object.entries(KINDS).map(([c, k]) => [header(c), k])),
    validation: [
      { column: header("scheme"), list: ["CORE", "B2B"] },
      { column: header("payment_method"), list: words("payment_method", ["direct_debit", "transfer"]) },
      { column: header("net_credits"), list: words("net_credits", ["yes", "no"]) },
    ],
    replace: true,
  };
}

/** Writes the stored mandates to the mandates sheet (replacing an earlier one), headers and words in the language. */
export async function writeMandatesSheet(
  app: AppContext,
  gateway: WorkbookGateway,
  options: Pick<WriteTableOptions, "signal" | "onProgress"> = {},
  language: SheetLanguage = "en",
): Promise<{ written: Result<WriteTableResult>; mandates: number }> {
  const rows: SheetCell[][] = localizeTable(MANDATE_VOCABULARY, await mandateSheetRows(app), language);
  const written = await gateway.writeTable(mandatesSheetName(language), rows, { ...mandatesWriteOptions(language), ...options });
  return { written, mandates: rows.length - 1 };
}

/**
 * Reads the mandates sheet back (German or English) and imports it as a whole (nothing is stored
 * when a cell is bad; problems name the column as the sheet has it).
 */
export async function applyMandatesSheet(app: AppContext, gateway: WorkbookGateway, language: SheetLanguage = "de"): Promise<Result<ImportMandatesSummary>> {
  const found = await findSheetToRead(gateway, mandatesSheetName(language), language);
  if (!found.ok) return found;
  const MANDATES_SHEET = found.value;
  const read = await gateway.readTableByHeaders(MANDATES_SHEET);
  if (!read.ok) return read;
  // Rows typed under the table are not read: a warning with the result, as for the other sheets.
  const below = await rowsBelowWarning(gateway, MANDATES_SHEET);
  const canonical = canonicalTable(MANDATE_VOCABULARY, read.value.table);
  const r = await importMandates(app, { name: read.value.sheet, table: canonical.raw });
  return r.ok ? { ok: true, value: { ...r.value, warnings: [...r.value.warnings, ...below] } } : { ok: false, issues: [...withUserColumns(MANDATE_VOCABULARY, r.issues, canonical), ...below] };
}
