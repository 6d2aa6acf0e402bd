/**
 * Issue 16, item 2: one formula-injection guard for every writer. Hostile texts (a formula start,
 * also behind a carriage return, tab, line break or space) go through the real writers — DATEV EXTF,
 * the invoice CSV in both formats, a custom CSV profile, the generic CSV and xlsx table writers —
 * and the files are read back: no text cell may start like a formula.
 */
import fc from "fast-check";
import * as iconv from "iconv-lite";
import { buildInvoice, type Invoice, type InvoiceLine } from "../../src/core/billing/invoice";
import type { Customer } from "../../src/core/contract/model";
import { formatIssue } from "../../src/core/messages";
import type { DatevConfig } from "../../src/io/export/datev/config";
import { datevExtf } from "../../src/io/export/datev/extf";
import { customCsv } from "../../src/io/export/custom-csv/write";
import type { ExportProfile } from "../../src/io/export/custom-csv/profile";
import { invoiceCsvText } from "../../src/io/export/invoice-csv";
import { isFormulaLike } from "../../src/io/export/neutralize";
import { readCsvText } from "../../src/io/table/read-csv";
import { readXlsx } from "../../src/io/table/read-xlsx";
import { toCsv } from "../../src/io/table/write-csv";
import { writeXlsxSheet } from "../../src/io/table/write-xlsx";

const HOSTILE = [
  "=1+1",
  '=HYPERLINK("http://evil.example";"klick")',
  "=cmd|' /C calc'!A0",
  "@SUM(A1:A2)",
  "+1+1",
  "-1+1",
  "\r=1+1",
  "\r\n@SUM(A1)",
  "\t=1+1",
  "\n+1+1",
  " =1+1",
  "  \r -1+1",
];

const CONFIG: DatevConfig = { consultantNo: 1001, clientNo: 1, fiscalYearStart: "01-01", accountLength: 4, chart: "SKR03" };
const line = (over: Partial<InvoiceLine> = {}): InvoiceLine => ({
  lineNo: 1, lineType: "recurring", contractNo: "V-1", positionNo: 1, articleNo: "A-1", description: "Cloud-Lizenz",
  serviceFrom: "2026-02-01", serviceTo: "2026-02-28", quantity: "1", unitPrice: "100", discountPct: "0", periodFactor: "1",
  netAmount: "100.00", exactAmount: "100", vatPct: "19", ...over,
});
const invoiceFor = (i: number, name: string, text: string): Invoice =>
  buildInvoice({ invoiceRef: `RE-${i + 1}`, runId: "run-00001", invoiceDate: "2026-02-02", customer: { no: `1000${i}`, name, debtorAccount: "10001" } }, [line({ description: text, articleNo: text })]);
const INVOICES = HOSTILE.map((h, i) => invoiceFor(i, h, h));
const CUSTOMERS = new Map<string, Customer>(INVOICES.map((inv) => [inv.customerNo, { no: inv.customerNo, name: inv.customerName, debtorAccount: "10001" }]));

const NUMBER = /^-?\d+([.,]\d+)?$/;
/** Text cells that a spreadsheet would run as a formula (numbers like `-12,50` are numbers, not texts). */
const live = (cells: readonly string[]): string[] => cells.filter((c) => !NUMBER.test(c) && (isFormulaLike(c) || isFormulaLike(c.trimStart())));

describe("DATEV EXTF", () => {
  const file = () => {
    const r = datevExtf(INVOICES, CUSTOMERS, { ...CONFIG, label: "=cmd|' /C calc'!A0" }, { createdAt: "2026-03-01T08:00:00.000" });
    if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join("\n"));
    return r.value;
  };

  it("guards booking text and batch label, also behind a carriage return, tab or space", () => {
    const text = iconv.decode(Buffer.from(file().bytes), "windows-1252");
    const rows = readCsvText(text, "EXTF.csv", ";").table.rows;
    expect(rows.length).toBe(2 + HOSTILE.length);
    expect(rows.flatMap((r) => live(r))).toEqual([]);
    expect(rows[0]![16]).toBe("'=cmd|' /C calc'!A0");
    const bookingText = rows.slice(2).map((r) => r[13]);
    expect(bookingText).toEqual([
      "'=1+1",
      "'=HYPERLINK(\"http://evil.example\";\"klick\")",
      "'=cmd|' /C calc'!A0",
      "'@SUM(A1:A2)",
      "'+1+1",
      "'-1+1",
      "'=1+1",
      "'@SUM(A1)",
      "'=1+1",
      "'+1+1",
      "'=1+1",
      "'-1+1",
    ]);
  });

  it("refuses an invoice number a spreadsheet would compute (no room for the guard in Belegfeld 1)", () => {
    const inv = buildInvoice({ invoiceRef: "+A1", runId: "r", invoiceDate: "2026-02-02", customer: { no: "1", name: "Muster GmbH", debtorAccount: "10001" } }, [line()]);
    const r = datevExtf([inv], new Map([["1", { no: "1", name: "Muster GmbH", debtorAccount: "10001" }]]), CONFIG, { createdAt: "2026-03-01T08:00:00.000" });
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["datev.invalid_ref"]);
  });

  it("guards any generated customer name", () => {
    const textArb = fc.tuple(fc.constantFrom("", " ", "\r", "\n", "\t", "\r\n", "  "), fc.constantFrom("=", "+", "-", "@"), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(textArb, ([lead, start, rest]) => {
        const name = (lead + start + rest).replace(/[^\x20-\x7e\r\n\t]/g, "x");
        const inv = invoiceFor(0, name, "Lizenz");
        const r = datevExtf([inv], new Map([[inv.customerNo, { no: inv.customerNo, name, debtorAccount: "10001" }]]), CONFIG, { createdAt: "2026-03-01T08:00:00.000" });
        if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join("\n"));
        const rows = readCsvText(r.value.text, "EXTF.csv", ";").table.rows;
        expect(live(rows.flat())).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the other writers use the same guard", () => {
  it("invoice CSV, generic and German", () => {
    for (const format of ["generic", "de"] as const) {
      const rows = readCsvText(invoiceCsvText(INVOICES, format), "r.csv").table.rows;
      expect(live(rows.flat().filter((c) => !/^\s/.test(c)))).toEqual([]);
      expect(rows.flat().filter((c) => c.startsWith("'")).length).toBeGreaterThanOrEqual(HOSTILE.length);
    }
  });

  it("custom CSV profile: texts, literals and header names", () => {
    const profile: ExportProfile = {
      id: "p", version: 1, name: "p", delimiter: ";", decimal: ",", dateFormat: "DD.MM.YYYY", encoding: "utf-8", level: "line",
      columns: [
        { source: "customer_name", header: "=Kunde" },
        { source: "description", header: "Text" },
        { source: "literal", header: "Fest", value: "@SUM(1)" },
        { source: "net_amount", header: "Netto" },
      ],
    };
    const r = customCsv(INVOICES, profile, { customers: CUSTOMERS });
    if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join("\n"));
    const rows = readCsvText(r.value.text, "p.csv", ";").table.rows;
    expect(rows[0]).toEqual(["'=Kunde", "Text", "Fest", "Netto"]);
    expect(live(rows.flat().filter((c) => !/^\s/.test(c)))).toEqual([]);
  });

  it("table CSV and xlsx writers (review sheets, master data exports)", async () => {
    const table = [["text"], ...HOSTILE.map((h) => [h])];
    const csvRows = readCsvText(toCsv(table), "t.csv", ",").table.rows; // one column: no delimiter to guess
    expect(live(csvRows.flat().filter((c) => !/^\s/.test(c)))).toEqual([]);
    const xlsx = await readXlsx(await writeXlsxSheet("T", table), { source: "t.xlsx" });
    expect(live(xlsx.table.rows.flat().filter((c) => !/^\s/.test(c)))).toEqual([]);
  });
});
