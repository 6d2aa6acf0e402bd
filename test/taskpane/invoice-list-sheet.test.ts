/**
 * The pane's invoice list "Rechnungsliste" / "Invoice list" through the in-memory workbook: German
 * and English headers and words (Art, Status), typed cells (dates as date serials, amounts as numbers
 * with two decimals, numbers and runs as text), Stornorechnungen tinted, written again over the
 * previous list; the totals and the default period.
 */
import { runBilling } from "../../src/app/bill";
import { cancelInvoice } from "../../src/app/cancel-invoice";
import type { AppContext } from "../../src/app/context";
import { importMaster } from "../../src/app/import-master";
import { listInvoices } from "../../src/app/invoice-list";
import { finalizeRun } from "../../src/app/issue-run";
import { toExcelSerial, type IsoDate } from "../../src/core/date/iso-date";
import { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { MemoryWorkbookGateway } from "../../src/excel/memory/memory-gateway";
import { INVOICE_LIST_VOCABULARY } from "../../src/io/sheets/invoice-list-words";
import { canonicalTable } from "../../src/io/table/sheet-vocabulary";
import { defaultInvoiceListPeriod, invoiceListSheetName, invoiceListSheetRows, invoiceListTotals, invoiceListWriteOptions } from "../../src/taskpane/billing/invoice-list-sheet";
import { testContext, textFile } from "../support/fixtures";
import { TWO_CUSTOMERS_ARTICLES as ARTICLES, TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "../support/two-customers";

function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** January billed and issued, RE-000002 cancelled with a reason (RE-000003), February billed as a draft. */
async function ledger(): Promise<AppContext> {
  const ctx = await testContext();
  unwrap(await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)]));
  const jan = unwrap(await runBilling(ctx, { month: "2026-01" as never, invoiceDate: "2026-01-02" as never }));
  unwrap(await finalizeRun(ctx, jan.runId!));
  unwrap(await cancelInvoice(ctx, "RE-000002", { date: "2026-01-20" as IsoDate, reason: "doppelt berechnet" }));
  unwrap(await runBilling(ctx, { month: "2026-02" as never, invoiceDate: "2026-02-02" as never }));
  return ctx;
}

async function written(language: "de" | "en") {
  const invoices = await listInvoices(await ledger());
  const sheet = invoiceListSheetName(language);
  const wb = new MemoryWorkbook({ locale: language });
  const gw = new MemoryWorkbookGateway(wb);
  unwrap(await gw.writeTable(sheet, invoiceListSheetRows(invoices, language), invoiceListWriteOptions(sheet, language)));
  return { invoices, sheet, wb, gw, grid: wb.values(sheet) };
}

describe("the invoice list sheet Rechnungsliste", () => {
  it("German: headers, Art and Status as words, the cancellation both ways, the run last", async () => {
    const { sheet, grid } = await written("de");
    expect(sheet).toBe("Rechnungsliste");
    expect(grid[0]).toEqual(["Rechnungsnummer", "Datum", "Kundennummer", "Kunde", "Art", "Status", "Netto", "USt", "Brutto", "storniert durch", "storniert Rechnung", "Grund", "Lauf"]);
    expect(grid.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[8], r[9], r[10], r[11]])).toEqual([
      ["RE-000001", "Müller GmbH", "Rechnung", "festgeschrieben", 245.14, "", "", ""],
      ["RE-000002", "Schmidt KG", "Rechnung", "festgeschrieben", 73.54, "RE-000003", "", ""],
      ["RE-000003", "Schmidt KG", "Stornorechnung", "festgeschrieben", -73.54, "", "RE-000002", "doppelt berechnet"],
      ["RE-000004", "Müller GmbH", "Rechnung", "Entwurf", 245.14, "", "", ""],
      // January again (its invoice was cancelled) and February
      ["RE-000005", "Schmidt KG", "Rechnung", "Entwurf", 147.08, "", "", ""],
    ]);
    expect(grid[1]![12]).toMatch(/^run-/);
  });

  it("typed cells: the date a date, amounts numbers with two decimals, numbers and runs text; a Stornorechnung tinted", async () => {
    const { sheet, wb } = await written("de");
    expect([wb.cell(sheet, "B2").value, wb.cell(sheet, "B2").numberFormat]).toEqual([toExcelSerial("2026-01-02" as IsoDate), "dd.mm.yyyy"]);
    expect(wb.cell(sheet, "B4").value).toBe(toExcelSerial("2026-01-20" as IsoDate));
    for (const a1 of ["G2", "H2", "I2", "I4"]) expect([a1, typeof wb.cell(sheet, a1).value, wb.cell(sheet, a1).numberFormat]).toEqual([a1, "number", "#,##0.00"]);
    expect(Number(wb.cell(sheet, "G2").value) + Number(wb.cell(sheet, "H2").value)).toBeCloseTo(245.14, 2);
    expect(wb.cell(sheet, "G4").value).toBeLessThan(0);
    for (const a1 of ["A2", "C2", "J3", "K4", "M2"]) expect([a1, wb.cell(sheet, a1).numberFormat]).toEqual([a1, "@"]);
    expect(wb.cell(sheet, "C2").value).toBe("10001");
    expect(wb.cell(sheet, "E4").fill).toBe("#F8CBAD");
    expect(wb.cell(sheet, "E2").fill).toBeUndefined();
  });

  it("English: headers and words; writing again replaces the list; read back it is the canonical table in either language", async () => {
    const { sheet, wb, gw, grid, invoices } = await written("en");
    expect(sheet).toBe("Invoice list");
    expect(grid[0]).toEqual(["Invoice no.", "Date", "Customer no.", "Customer", "Type", "Status", "Net", "VAT", "Gross", "Cancelled by", "Cancels invoice", "Reason", "Run"]);
    expect(grid.slice(1).map((r) => [r[4], r[5]])).toEqual([["Invoice", "Issued"], ["Invoice", "Issued"], ["Cancellation invoice", "Issued"], ["Invoice", "Draft"], ["Invoice", "Draft"]]);
    expect(wb.cell(sheet, "B2").numberFormat).toBe("yyyy-mm-dd");
    unwrap(await gw.writeTable(sheet, invoiceListSheetRows(invoices.slice(0, 2), "en"), invoiceListWriteOptions(sheet, "en")));
    expect(wb.sheetNames().filter((n) => n.startsWith("Invoice"))).toEqual([sheet]);
    expect(wb.values(sheet)).toHaveLength(3);
    for (const language of ["de", "en"] as const) {
      const rows = invoiceListSheetRows(invoices, language).map((r) => r.map((c) => (typeof c === "string" ? c : c.number)));
      const back = canonicalTable(INVOICE_LIST_VOCABULARY, { source: "s", firstRowNumber: 1, rows }).raw.rows;
      expect(back[0]!.slice(4, 6)).toEqual(["document_title", "state"]);
      expect(back.slice(1).map((r) => [r[4], r[5]])).toEqual(invoices.map((i) => [i.title, i.state]));
    }
  });

  it("no code words in the German sheet", async () => {
    const { grid } = await written("de");
    const CODE_WORD = /\b[a-z]+(?:_[a-z0-9]+)+\b|^(draft|issued)$/;
    for (const cell of grid.flat()) expect(String(cell)).not.toMatch(CODE_WORD);
  });

  it("totals count every invoice and sum the gross amounts (a Stornorechnung negative); the default period is today's year", async () => {
    const { invoices } = await written("de");
    expect(invoiceListTotals(invoices)).toEqual({ invoices: 5, gross: "637.36" });
    expect(invoiceListTotals([])).toEqual({ invoices: 0, gross: "0.00" });
    expect(defaultInvoiceListPeriod("2026-11-23" as IsoDate)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });
});
