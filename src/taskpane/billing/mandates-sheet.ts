/**
 * The mandates as an editable worksheet: one row per customer in the columns of the mandates CSV
 * (`MANDATE_COLUMNS`). Read back, the sheet goes through the same mandates import as the CSV
 * (`importMandates`): all or nothing, problems named by sheet row and column, one undoable batch.
 */
import { importMandates, mandateSheetRows, type ImportMandatesSummary } from "../../app/mandates";
import type { AppContext } from "../../app/context";
import type { Result } from "../../core/issues";
import type { SheetCell, WorkbookGateway, WriteTableOptions, WriteTableResult } from "../../excel/gateway";

export const MANDATES_SHEET = "SEPA-Mandate";

export const mandatesWriteOptions: WriteTableOptions = {
  tableName: "SepaMandate",
  // IBANs, references and customer numbers stay text (no number or date guessing by Excel).
  columns: { customer_no: "id", mandate_ref: "id", signature_date: "date", iban: "id", bic: "id", last_collection_date: "date", changed_on: "date", previous_mandate_ref: "id", previous_iban: "id", revoked_on: "date" },
  validation: [
    { column: "scheme", list: ["CORE", "B2B"] },
    { column: "payment_method", list: ["direct_debit", "transfer"] },
    { column: "net_credits", list: ["yes", "no"] },
  ],
  replace: true,
};

/** Writes the stored mandates to the mandates sheet (replacing an earlier one). */
export async function writeMandatesSheet(app: AppContext, gateway: WorkbookGateway, options: Pick<WriteTableOptions, "signal" | "onProgress"> = {}): Promise<{ written: Result<WriteTableResult>; mandates: number }> {
  const rows: SheetCell[][] = await mandateSheetRows(app);
  const written = await gateway.writeTable(MANDATES_SHEET, rows, { ...mandatesWriteOptions, ...options });
  return { written, mandates: rows.length - 1 };
}

/** Reads the mandates sheet back and imports it as a whole (nothing is stored when a cell is bad). */
export async function applyMandatesSheet(app: AppContext, gateway: WorkbookGateway): Promise<Result<ImportMandatesSummary>> {
  const read = await gateway.readTableByHeaders(MANDATES_SHEET);
  if (!read.ok) return read;
  return importMandates(app, { name: read.value.sheet, table: read.value.table });
}
