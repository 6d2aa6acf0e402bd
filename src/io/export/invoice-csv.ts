import type { Invoice } from "../../core/billing/invoice";
import { Issue, issue } from "../../core/issues";
import { TextEncodingName, encodeText, unencodableIn1252 } from "../table/decode";
import { ExportCell, INVOICE_EXPORT_COLUMNS, invoiceExportRows } from "./invoice-rows";
import { neutralizeText } from "./neutralize";
import { quoteCsvField } from "../table/write-csv";
import { INVOICE_VOCABULARY } from "../sheets/invoice-words";
import { vocabularyHeader, vocabularyWord } from "../table/sheet-vocabulary";

/**
 * `generic`: `,`, `.` decimals, ISO dates, the column names and line types of PRODUCT.md §6.3. `de`
 * ("CSV deutsch"): `;`, decimal comma, DD.MM.YYYY, German headers and line-type words (*Laufend*,
 * *Differenz*, *Nachberechnung* …; src/io/sheets/invoice-words.ts).
 */
export type InvoiceCsvFormat = "generic" | "de";

/** Encoding options of {@link invoiceCsvBytes}. */
export interface InvoiceCsvEncoding {
  /** Default UTF-8; `windows-1252` only makes sense for the German format. */
  encoding?: TextEncodingName;
  /** Byte order mark for UTF-8; default: none for generic, yes for `de` (German Excel needs it). */
  bom?: boolean;
}

function cellText(cell: ExportCell, format: InvoiceCsvFormat): string {
  if (cell.kind === "text") return neutralizeText(cell.value);
  if (format === "generic") return cell.value;
  if (cell.kind === "number") return cell.value.replace(".", ",");
  const [y, m, d] = cell.value.split("-");
  return `${d}.${m}.${y}`;
}

/**
 * The invoice batch as CSV text (PRODUCT.md §6.3): a header with the fixed column names, one row per
 * invoice line, CRLF line ends, RFC 4180 quoting. Text cells that could run as a formula get a
 * leading `'`; numbers and dates are never changed that way.
 */
export function invoiceCsvText(invoices: readonly Invoice[], format: InvoiceCsvFormat = "generic"): string {
  const delimiter = format === "de" ? ";" : ",";
  const lines = [INVOICE_EXPORT_COLUMNS.map((c) => (format === "de" ? vocabularyHeader(INVOICE_VOCABULARY, c, "de") : c)).join(delimiter)];
  const lineTypes = invoices.flatMap((i) => i.lines.map((l) => (l.catchUp ? "catch_up" : l.lineType)));
  const typeAt = INVOICE_EXPORT_COLUMNS.indexOf("line_type");
  invoiceExportRows(invoices).forEach((row, k) => {
    const cells = format === "de" ? row.map((c, i) => (i === typeAt ? { ...c, value: vocabularyWord(INVOICE_VOCABULARY, "line_type", lineTypes[k]!, "de") } : c)) : row;
    lines.push(cells.map((c) => quoteCsvField(cellText(c, format), delimiter)).join(delimiter));
  });
  return lines.join("\r\n") + "\r\n";
}

/**
 * The invoice batch as file bytes. With Windows-1252, characters it cannot hold are written as `?`
 * and reported per invoice as a warning.
 */
export function invoiceCsvBytes(
  invoices: readonly Invoice[],
  format: InvoiceCsvFormat = "generic",
  options: InvoiceCsvEncoding = {},
): { bytes: Uint8Array; issues: Issue[] } {
  const encoding = options.encoding ?? "utf-8";
  const issues: Issue[] = [];
  if (encoding === "windows-1252") {
    for (const inv of invoices) {
      const texts = [inv.customerName, inv.customerNo, ...inv.lines.flatMap((l) => [l.description, l.articleNo, l.contractNo])];
      const chars = unencodableIn1252(texts.join(""));
      if (chars.length > 0) issues.push(issue("export.unencodable", { invoice: inv.invoiceRef, chars: chars.join(" ") }, undefined, "warning"));
    }
  }
  const bom = encoding === "utf-8" && (options.bom ?? format === "de");
  return { bytes: encodeText(invoiceCsvText(invoices, format), encoding, bom), issues };
}
