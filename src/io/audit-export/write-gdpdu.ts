import { germanDate, isIsoDate } from "../../core/date/iso-date";
import { type Expectation, expecting, expectationParams } from "../../core/expectation";
import { Issue, Result, fail, issue, ok } from "../../core/issues";
import { Decimal, isCanonicalDecimal } from "../../core/money/decimal";
import { neutralizeText } from "../export/neutralize";
import { encodeText, unencodableIn1252 } from "../table/decode";
import type { AuditColumn, AuditTable, AuditValue, ExportFile, GdpduOptions } from "./audit-table";

/** The DTD index.xml refers to (Beschreibungsstandard, version of 1 August 2002). */
export const GDPDU_DTD = "gdpdu-01-08-2002.dtd";
export const INDEX_FILE = "index.xml";

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(csv|txt)$/;

/**
 * Writes tables as the description standard of the GDPdU data access (Z3, "Datenträgerüberlassung")
 * expects, and as IDEA (the auditors' software) imports it: one CSV per table — `;` between
 * columns, CRLF between records, text in double quotes (inner quotes doubled), decimal comma without
 * digit grouping and the column's fixed decimals, dates `DD.MM.YYYY`, a header row that index.xml
 * skips (`Range From 2`) — in Windows-1252 (the standard's default, ANSI) or UTF-8, plus `index.xml`
 * describing every file and column (types, accuracy, date format, primary and foreign keys) with a
 * DOCTYPE reference to `gdpdu-01-08-2002.dtd`. Line breaks inside a text become a space (a line
 * break ends the record for the importing software); a text that a spreadsheet could run as a
 * formula gets a leading apostrophe, as in all our exports. A value that does not fit its column
 * (not a number, more decimals than declared, not a date) or a character Windows-1252 cannot
 * represent is an error naming table, row and column: then no file is returned.
 */
export function writeGdpduExport(tables: readonly AuditTable[], options: GdpduOptions): Result<{ files: ExportFile[] }> {
  const encoding = options.encoding ?? "windows-1252";
  const issues: Issue[] = [];
  const names = new Set<string>();
  const files = new Set<string>();
  for (const t of tables) {
    const bad = (detail: string): void => void issues.push(issue("audit.bad_table", { table: t.name || t.fileName, detail }));
    if (!FILE_NAME.test(t.fileName) || t.fileName === INDEX_FILE) bad(`file name "${t.fileName}" must be a plain relative .csv name`);
    if (files.has(t.fileName.toLowerCase())) bad(`file name "${t.fileName}" is used twice`);
    files.add(t.fileName.toLowerCase());
    if (!t.name) bad("no name");
    if (names.has(t.name)) bad(`name "${t.name}" is used twice`);
    names.add(t.name);
    if (t.columns.length === 0) bad("no columns");
    const colNames = new Set(t.columns.map((c) => c.name));
    if (colNames.size !== t.columns.length) bad("two columns have the same name");
    const pk = t.primaryKeyColumns ?? 0;
    if (pk < 0 || pk > t.columns.length) bad(`primary key of ${pk} columns, table has ${t.columns.length}`);
    for (const c of t.columns) {
      if (c.type.kind === "numeric" && (!Number.isInteger(c.type.decimals) || c.type.decimals < 0 || c.type.decimals > 10)) bad(`column ${c.name}: decimals ${c.type.decimals}`);
    }
    for (const fk of t.foreignKeys ?? []) {
      for (const c of fk.columns) if (!colNames.has(c)) bad(`foreign key column ${c} does not exist`);
      if (!tables.some((o) => o.name === fk.references)) bad(`foreign key references unknown table ${fk.references}`);
    }
  }
  if (issues.length > 0) return fail(...issues);

  const out: ExportFile[] = [];
  for (const t of tables) {
    const records: string[] = [t.columns.map((c) => quote(c.name)).join(";")];
    t.rows.forEach((row, i) => {
      const rowNo = i + 2; // the header is row 1, as the auditor sees the file
      if (row.length !== t.columns.length) {
        issues.push(issue("audit.row_length", { table: t.name, row: rowNo, count: row.length, expected: t.columns.length }));
        return;
      }
      records.push(row.map((v, j) => cell(t, t.columns[j]!, v, rowNo, issues)).join(";"));
    });
    const text = `${records.join("\r\n")}\r\n`;
    if (encoding === "windows-1252") checkEncodable(t, issues);
    out.push({ name: t.fileName, bytes: encodeText(text, encoding) });
  }
  if (issues.length > 0) return fail(...issues);
  out.push({ name: INDEX_FILE, bytes: new TextEncoder().encode(indexXml(tables, options, encoding)) });
  return ok({ files: out });
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

function cell(t: AuditTable, c: AuditColumn, v: AuditValue, row: number, issues: Issue[]): string {
  if (v === null || v === "") return "";
  const bad = (expected: Expectation): string => {
    issues.push(issue("audit.bad_value", { table: t.name, row, column: c.name, value: v, ...expectationParams(expected) }));
    return "";
  };
  switch (c.type.kind) {
    case "text":
      return quote(neutralizeText(v.replace(/\r\n|\r|\n/g, " ")));
    case "numeric": {
      if (!isCanonicalDecimal(v)) return bad(expecting("type_numeric", { decimals: c.type.decimals }));
      const d = new Decimal(v);
      if (d.decimalPlaces() > c.type.decimals) return bad(expecting("type_numeric", { decimals: c.type.decimals }));
      return d.toFixed(c.type.decimals).replace(".", ",");
    }
    case "date":
      if (!isIsoDate(v)) return bad(expecting("type_date"));
      return `${v.slice(8, 10)}.${v.slice(5, 7)}.${v.slice(0, 4)}`;
  }
}

function checkEncodable(t: AuditTable, issues: Issue[]): void {
  const header = unencodableIn1252(t.columns.map((c) => c.name).join(""));
  if (header.length > 0) issues.push(issue("audit.unencodable", { table: t.name, row: 1, column: "(header)", chars: header.join(" ") }));
  t.rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (!v || t.columns[j]?.type.kind !== "text") return;
      const chars = unencodableIn1252(v);
      if (chars.length > 0) issues.push(issue("audit.unencodable", { table: t.name, row: i + 2, column: t.columns[j]!.name, chars: chars.join(" ") }));
    });
  });
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const x = (text: string): string => text.replace(/[&<>"]/g, (ch) => XML_ESCAPES[ch]!);

/** index.xml; element order as the DTD's content models demand. */
function indexXml(tables: readonly AuditTable[], options: GdpduOptions, encoding: "windows-1252" | "utf-8"): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<!DOCTYPE DataSet SYSTEM "${GDPDU_DTD}">`, "<DataSet>", "  <Version>1.0</Version>"];
  const s = options.dataSupplier;
  if (s) lines.push(`  <DataSupplier><Name>${x(s.name)}</Name><Location>${x(s.location)}</Location><Comment>${x(s.comment)}</Comment></DataSupplier>`);
  lines.push("  <Media>", `    <Name>${x(options.mediaName)}</Name>`);
  for (const t of tables) {
    lines.push("    <Table>", `      <URL>${x(t.fileName)}</URL>`, `      <Name>${x(t.name)}</Name>`);
    if (t.description) lines.push(`      <Description>${x(t.description)}</Description>`);
    if (t.validity) {
      lines.push(`      <Validity><Range><From>${germanDate(t.validity.from)}</From><To>${germanDate(t.validity.to)}</To></Range><Format>DD.MM.YYYY</Format></Validity>`);
    }
    if (encoding === "utf-8") lines.push("      <UTF8/>");
    lines.push("      <DecimalSymbol>,</DecimalSymbol>", "      <DigitGroupingSymbol>.</DigitGroupingSymbol>");
    // record 1 is the header row
    lines.push("      <Range><From>2</From></Range>");
    lines.push("      <VariableLength>", "        <ColumnDelimiter>;</ColumnDelimiter>", "        <RecordDelimiter>&#13;&#10;</RecordDelimiter>", "        <TextEncapsulator>&quot;</TextEncapsulator>");
    const pk = t.primaryKeyColumns ?? 0;
    t.columns.forEach((c, i) => {
      const tag = i < pk ? "VariablePrimaryKey" : "VariableColumn";
      const type =
        c.type.kind === "numeric"
          ? `<Numeric><Accuracy>${c.type.decimals}</Accuracy></Numeric>`
          : c.type.kind === "date"
            ? "<Date><Format>DD.MM.YYYY</Format></Date>"
            : "<AlphaNumeric/>";
      lines.push(`        <${tag}><Name>${x(c.name)}</Name>${c.description ? `<Description>${x(c.description)}</Description>` : ""}${type}</${tag}>`);
    });
    for (const fk of t.foreignKeys ?? []) {
      lines.push(`        <ForeignKey>${fk.columns.map((c) => `<Name>${x(c)}</Name>`).join("")}<References>${x(fk.references)}</References></ForeignKey>`);
    }
    lines.push("      </VariableLength>", "    </Table>");
  }
  lines.push("  </Media>", "</DataSet>", "");
  return lines.join("\r\n");
}
