import { issue } from "../../src/core/issues";
import { displayCell, parseA1, quoteSheet, withCells } from "../../src/excel/a1";
import { dateCellValue, isDateFormat, toExcelValue } from "../../src/excel/cell-values";
import { planChunks } from "../../src/excel/payload";
import { memoryGateway, unwrap } from "./fixtures";

const NCE = [
  ["CustomerId", "CustomerName", "SkuId", "ChargeStartDate", "Quantity", "Subtotal"],
  ["11111111-aaaa", "Müller GmbH", "0002", "2026-10-01", 10, -12.5],
  ["22222222-bbbb", "=cmd|' /C calc'!A0", "0001", "2026-10-15", 3, 90],
];

describe("reading the workbook", () => {
  it("reads the active sheet's used range with sheet rows and columns, dates as ISO", async () => {
    const { wb, gw } = memoryGateway({ sheets: ["Start", "NCE Oktober"] });
    wb.setValues("NCE Oktober", "C3", NCE.map((r) => r.map((c) => (typeof c === "string" && c.startsWith("=") ? `'${c}` : c))));
    wb.select("NCE Oktober", "A1");
    const read = unwrap(await gw.readActiveSheet());
    expect(read).toMatchObject({ sheet: "NCE Oktober", address: "'NCE Oktober'!C3:H5" });
    expect(read.table.source).toBe("NCE Oktober");
    expect(read.table.firstRowNumber).toBe(3);
    // Padded on the left: index 2 is column C.
    expect(read.table.rows[0]).toEqual(["", "", ...NCE[0]!]);
    expect(read.table.rows[1]).toEqual(["", "", "11111111-aaaa", "Müller GmbH", "2", "2026-10-01", "10", "-12.5"]);
    expect(read.table.rows[2]![3]).toBe("=cmd|' /C calc'!A0");
  });

  it("reads a named sheet, the selection clipped to the used range, and lists and activates sheets", async () => {
    const { wb, gw } = memoryGateway({ sheets: ["Start", "Daten"] });
    wb.setValues("Daten", "A1", [["a", "b", "c"], [1, 2, 3], [4, 5, 6]]);
    expect(unwrap(await gw.readSheet("daten")).table.rows).toHaveLength(3);
    wb.select("Daten", "B2:Z100");
    const sel = unwrap(await gw.readSelection());
    expect(sel).toMatchObject({ sheet: "Daten", address: "Daten!B2:C3" });
    expect(sel.table).toEqual({ source: "Daten", firstRowNumber: 2, rows: [["", "2", "3"], ["", "5", "6"]] });
    wb.select("Start", "A1");
    expect(unwrap(await gw.readSelection()).table.rows).toEqual([]);
    expect(unwrap(await gw.readActiveSheet()).table.rows).toEqual([]);

    await wb.run(async (context) => {
      context.workbook.worksheets.add("Versteckt").visibility = "Hidden";
      await context.sync();
    });
    expect(await gw.listSheets()).toEqual(["Start", "Daten"]);
    unwrap(await gw.activateSheet("Daten"));
    expect(wb.activeSheetName).toBe("Daten");
    const missing = await gw.readSheet("Fehlt");
    expect(missing).toEqual({ ok: false, issues: [expect.objectContaining({ code: "excel.sheet_not_found", params: { sheet: "Fehlt", sheets: "Start, Daten, Versteckt" } })] });
    expect((await gw.activateSheet("Fehlt")).ok).toBe(false);
    expect((await gw.readTableByHeaders("Fehlt")).ok).toBe(false);
  });

  it("reads a table by name or by its sheet, wherever it starts", async () => {
    const { wb, gw } = memoryGateway();
    wb.setValues("Tabelle1", "C5", [["x", "y"], [1, 2]]);
    wb.setValues("Tabelle1", "A1", [["Titelzeile"]]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Tabelle1").tables.add("C5:D6", true).name = "Daten";
      await context.sync();
    });
    for (const name of ["Daten", "Tabelle1"]) {
      const read = unwrap(await gw.readTableByHeaders(name));
      expect(read).toMatchObject({ sheet: "Tabelle1", tableName: "Daten", address: "Tabelle1!C5:D6" });
      expect(read.table).toEqual({ source: "Tabelle1", firstRowNumber: 5, rows: [["", "", "x", "y"], ["", "", "1", "2"]] });
    }
  });

  it("reads big ranges in blocks under the response limit", async () => {
    const { wb, gw } = memoryGateway({ limits: { responseBytes: 40_000 } });
    const rows = Array.from({ length: 3_000 }, (_, i) => [`id-${i}`, i, "2026-10-01"]);
    wb.setValues("Tabelle1", "A1", [["id", "n", "d"], ...rows]);
    const read = unwrap(await gw.readSheet("Tabelle1"));
    expect(read.table.rows).toHaveLength(3_001);
    expect(read.table.rows[3_000]).toEqual(["id-2999", "2999", "2026-10-01"]);
    expect(wb.stats.maxResponseBytes).toBeLessThanOrEqual(40_000);
  });
});

describe("helpers", () => {
  it("names cells for issues", () => {
    const issues = [
      issue("parse.invalid_date", { value: "x" }, { source: "Abgleich 2026-10", row: 5, column: "effective_date (K)" }),
      issue("parse.required", {}, { source: "Abgleich 2026-10", row: 7, column: "AB" }),
      issue("csv.missing_column", { column: "action" }, { source: "Abgleich 2026-10", row: 1, column: "action" }),
    ];
    expect(withCells(issues).map((i) => i.where?.cell)).toEqual(["Abgleich 2026-10!K5", "Abgleich 2026-10!AB7", undefined]);
    expect(withCells(issues, "Andere")[0]!.where?.cell).toBe("Andere!K5");
    expect(displayCell("Daten", 3, "C")).toBe("Daten!C3");
    expect(quoteSheet("Abgleich 2026-10")).toBe("'Abgleich 2026-10'");
    expect(quoteSheet("Daten_1")).toBe("Daten_1");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("O'Neil")).toBe("'O''Neil'");
    expect(parseA1("$B$2:$D$10")).toEqual({ row: 1, col: 1, rows: 9, cols: 3 });
    expect(parseA1("C:C")).toMatchObject({ col: 2, rows: 1_048_576 });
    expect(parseA1("A0")).toBeNull();
  });

  it("converts cells and date formats", () => {
    expect(toExcelValue("=1+1", "text")).toBe("'=1+1");
    expect(toExcelValue({ number: "-5" }, "text")).toBe("'-5");
    expect(toExcelValue({ number: "-5" }, "money")).toBe(-5);
    expect(toExcelValue("n/a", "money")).toBe("n/a");
    expect(toExcelValue("-n/a", "decimal")).toBe("'-n/a");
    expect(toExcelValue("2026-02-30", "date")).toBe("2026-02-30");
    expect(["dd.mm.yyyy", "m/d/yyyy", "[$-407]yyyy-mm-dd", "mmm yy"].map(isDateFormat)).toEqual([true, true, true, true]);
    expect(["General", "@", "#,##0.00", "0", "hh:mm", '0 "days"'].map(isDateFormat)).toEqual([false, false, false, false, false, false]);
    expect(dateCellValue(46310)).toBe("2026-10-15");
    expect(dateCellValue(46310.5)).toBe("2026-10-15 12:00:00");
    expect(dateCellValue("31.02.2026")).toBe("31.02.2026");
  });

  it("plans chunks by bytes", () => {
    expect(planChunks([10, 10, 10, 10, 50], 30, 5)).toEqual([[0, 2], [2, 4], [4, 5]]);
    expect(planChunks([10, 10, 10], 1000, 0, 1, 3)).toEqual([[1, 3]]);
  });
});
