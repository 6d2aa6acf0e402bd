/**
 * The pane's meter review sheet "Zähler YYYY-MM" through the in-memory workbook: German and English
 * headers and statuses, typed cells (counters integers, prices decimals, amounts money), ids as
 * text, status colours, written again over an older sheet of the same month.
 */
import { reviewMeters } from "../../src/app/meter-review";
import { importMeters } from "../../src/app/meters";
import { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { MemoryWorkbookGateway } from "../../src/excel/memory/memory-gateway";
import { METER_REVIEW_VOCABULARY } from "../../src/io/sheets/meter-words";
import { canonicalColumn } from "../../src/io/table/sheet-vocabulary";
import { meterReviewSheetName, meterReviewSheetRows, meterReviewWriteOptions } from "../../src/taskpane/usage/meter-review-sheet";
import { textFile } from "../support/fixtures";
import { METERS_CSV, timeWorkspace } from "../app/time-fixtures";

function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

async function written(language: "de" | "en") {
  const ctx = await timeWorkspace();
  unwrap(await importMeters(ctx, textFile("zaehler.csv", `${METERS_CSV}\nD2,10003,K-300,2026-06-12,500,0\nD2,10003,K-300,2026-06-30,900,60`)));
  const review = await reviewMeters(ctx, "2026-06");
  const sheet = meterReviewSheetName("2026-06", language);
  const wb = new MemoryWorkbook({ locale: language });
  const gw = new MemoryWorkbookGateway(wb);
  unwrap(await gw.writeTable(sheet, meterReviewSheetRows(review, language), meterReviewWriteOptions(sheet, language)));
  const shown = wb.values(sheet)[0]!.map(String);
  const header = shown.map((h) => canonicalColumn(METER_REVIEW_VOCABULARY, h) ?? h);
  /** A1 address of a column in the sheet row of a device ("" = the minimum fee row). */
  const cellOf = (column: string, device: string) => {
    const row = wb.values(sheet).findIndex((r, i) => i > 0 && String(r[header.indexOf("device_id")]) === device) + 1;
    return `${String.fromCharCode(65 + header.indexOf(column))}${row}`;
  };
  return { ctx, review, sheet, wb, gw, shown, cellOf };
}

describe("the meter review sheet Zähler YYYY-MM", () => {
  it("German: headers and statuses, typed cells, ids as text, colours by status; the amounts are the review's", async () => {
    const { sheet, wb, shown, cellOf, review } = await written("de");
    expect(sheet).toBe("Zähler 2026-06");
    expect(shown.slice(0, 6)).toEqual(["Status", "Monat", "Vertragsnummer", "Kundennummer", "Kundenname", "Gerät"]);
    expect(shown).toContain("Inklusive s/w");
    expect(wb.cell(sheet, cellOf("status", "D1")).value).toBe("Berechnet");
    expect(wb.cell(sheet, cellOf("status", "")).value).toBe("Mindestbetrag");
    expect([wb.cell(sheet, cellOf("net_amount", "D1")).value, wb.cell(sheet, cellOf("net_amount", "D1")).numberFormat]).toEqual([6.59, "#,##0.00"]);
    expect(wb.cell(sheet, cellOf("net_amount", "D2")).value).toBe(2.93);
    expect(wb.cell(sheet, cellOf("net_amount", "")).value).toBe(6.32);
    expect(wb.cell(sheet, cellOf("pages_bw", "D1")).value).toBe(800);
    expect(wb.cell(sheet, cellOf("included_bw", "D1")).value).toBe(633);
    // the price per page keeps its three decimals
    expect(wb.cell(sheet, cellOf("price_bw", "D1")).value).toBe(0.008);
    expect(wb.cell(sheet, cellOf("price_bw", "D1")).numberFormat).not.toBe("#,##0.00");
    expect([wb.cell(sheet, cellOf("contract_no", "D1")).value, wb.cell(sheet, cellOf("contract_no", "D1")).numberFormat]).toEqual(["K-300", "@"]);
    expect([wb.cell(sheet, cellOf("customer_no", "D1")).value, wb.cell(sheet, cellOf("customer_no", "D1")).numberFormat]).toEqual(["10003", "@"]);
    expect(wb.cell(sheet, cellOf("status", "D1")).fill).toBe("#DDEBF7");
    expect(String(wb.cell(sheet, cellOf("issues", "")).value)).toBe("Mindestbetrag 15,83 (anteilig), Seiten ergeben 9,52: aufgestockt um 6,32.");
    expect(review.totals.net).toBe("15.84");
  });

  it("English headers and statuses; writing again replaces the month's sheet", async () => {
    const { sheet, wb, gw, shown, cellOf, review } = await written("en");
    expect(sheet).toBe("Meters 2026-06");
    expect(shown.slice(0, 6)).toEqual(["Status", "Month", "Contract no.", "Customer no.", "Customer name", "Device ID"]);
    expect(shown).toContain("Pages b/w");
    expect(wb.cell(sheet, cellOf("status", "D2")).value).toBe("Charged");
    expect(wb.cell(sheet, cellOf("status", "")).value).toBe("Minimum fee");
    unwrap(await gw.writeTable(sheet, meterReviewSheetRows(review, "en"), meterReviewWriteOptions(sheet, "en")));
    expect(wb.sheetNames().filter((n) => n.startsWith("Meters"))).toEqual([sheet]);
    expect(wb.values(sheet).length).toBe(4);
  });
});
