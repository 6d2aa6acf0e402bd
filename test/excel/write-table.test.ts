import { toExcelSerial } from "../../src/core/date/iso-date";
import type { IsoDate } from "../../src/core/date/iso-date";
import type { SheetCell, WriteTableOptions } from "../../src/excel/gateway";
import { reviewWriteOptions } from "../../src/excel/review-sheet";
import { reviewTableRows } from "../../src/io/reconcile/review-table";
import { manyReviewRows, memoryGateway, unwrap } from "./fixtures";

const HEADER = ["customer_no", "name", "phone", "date", "amount", "qty", "share", "note"];
const KINDS: WriteTableOptions["columns"] = { customer_no: "id", date: "date", amount: "money", qty: "integer", share: "decimal" };

function grid(...rows: SheetCell[][]): SheetCell[][] {
  return [HEADER, ...rows];
}

describe("writeTable: values, formats, formula safety", () => {
  it("never writes untrusted text as a formula; numbers stay numbers", async () => {
    const { wb, gw } = memoryGateway();
    const rows = grid(
      ["00123", '=HYPERLINK("http://evil.example","Klick")', "+49 30 1234", "2026-10-15", { number: "-12.50" }, { number: "3" }, { number: "0.5" }, "@SUM(A1)"],
      ["00124", "-Minus GmbH", "\tTab", "", { number: "1234.5" }, "", "", "\rCR"],
    );
    unwrap(await gw.writeTable("Daten", rows, { tableName: "Daten", columns: KINDS }));
    for (const a1 of ["B2", "C2", "H2", "B3", "C3", "H3"]) expect(wb.cell("Daten", a1).formula).toBeUndefined();
    expect(wb.cell("Daten", "B2")).toMatchObject({ value: '=HYPERLINK("http://evil.example","Klick")', quotePrefix: true, numberFormat: "@" });
    expect(wb.cell("Daten", "C2")).toMatchObject({ value: "+49 30 1234", quotePrefix: true });
    expect(wb.cell("Daten", "H2").value).toBe("@SUM(A1)");
    expect(wb.cell("Daten", "B3").value).toBe("-Minus GmbH");
    expect(wb.cell("Daten", "E2")).toMatchObject({ value: -12.5, numberFormat: "#,##0.00" });
    expect(wb.cell("Daten", "E2").quotePrefix).toBeUndefined();

    // The same strings written raw (no gateway) do become formulas in the fake: the test above is meaningful.
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Tabelle1").getRange("A1:B1").values = [['=HYPERLINK("http://evil.example","Klick")', "+49 30 1234"]];
      await context.sync();
    });
    expect(wb.cell("Tabelle1", "A1").formula).toBe('=HYPERLINK("http://evil.example","Klick")');
    expect(wb.cell("Tabelle1", "B1").formula).toBe("=+49 30 1234");
  });

  it("formats columns by kind: ids as text, dates as date serials, money with two decimals", async () => {
    const de = memoryGateway({ locale: "de" });
    const rows = grid(["00123", "Müller", "", "2026-10-15", { number: "1234.5" }, { number: "3" }, { number: "0.125" }, ""]);
    unwrap(await de.gw.writeTable("Daten", rows, { columns: KINDS }));
    const formats = HEADER.map((_, j) => de.wb.cell("Daten", `${String.fromCharCode(65 + j)}2`).numberFormat);
    expect(formats).toEqual(["@", "@", "@", "dd.mm.yyyy", "#,##0.00", "0", "General", "@"]);
    expect(de.wb.values("Daten", "A2:G2")).toEqual([["00123", "Müller", "", toExcelSerial("2026-10-15" as IsoDate), 1234.5, 3, 0.125]]);
    expect(de.wb.cell("Daten", "D1").numberFormat).toBe("@"); // the header is text

    const en = memoryGateway({ locale: "en" });
    unwrap(await en.gw.writeTable("Daten", rows, { columns: KINDS }));
    expect(en.wb.cell("Daten", "D2").numberFormat).toBe("yyyy-mm-dd");
  });

  it("adds a table with filters, a frozen header and status colours", async () => {
    const { wb, gw } = memoryGateway();
    const rows = reviewTableRows(manyReviewRows(6));
    unwrap(await gw.writeTable("Abgleich 2026-10", rows, reviewWriteOptions("Abgleich 2026-10")));
    expect(wb.tableInfo("Abgleich_2026_10")).toMatchObject({ sheet: "Abgleich 2026-10", showFilterButton: true });
    expect(wb.sheet("Abgleich 2026-10").frozenRows).toBe(1);
    expect(wb.sheet("Abgleich 2026-10").autoFilter).toBeNull(); // the table has its own filter buttons
    expect(wb.cell("Abgleich 2026-10", "A2")).toMatchObject({ value: "quantity_changed", fill: "#FFF2CC" });
    expect(wb.cell("Abgleich 2026-10", "N7")).toMatchObject({ fill: "#E2EFDA" }); // unchanged, whole row
    expect(wb.cell("Abgleich 2026-10", "A1").fill).toBeUndefined();
  });

  it("uses a sheet autofilter when no table is wanted", async () => {
    const { wb, gw } = memoryGateway();
    unwrap(await gw.writeTable("Liste", [["a", "b"], ["1", "2"]]));
    expect(wb.sheet("Liste").autoFilter).toEqual({ row: 0, col: 0, rows: 2, cols: 2 });
  });

  it("adds drop-downs: short lists inline, long or odd lists on a hidden list sheet", async () => {
    const { wb, gw } = memoryGateway();
    const customers = Array.from({ length: 120 }, (_, i) => `Kunde ${i}, Berlin`);
    const rows = grid(["1", "", "", "", "", "", "", ""], ["2", "", "", "", "", "", "", ""]);
    const options: WriteTableOptions = {
      tableName: "Zuordnung",
      columns: KINDS,
      validation: [
        { column: "note", list: ["übernehmen", "überspringen"] },
        { column: "name", list: customers },
        { column: "phone", list: ["=evil()", "ok"] },
      ],
    };
    unwrap(await gw.writeTable("Zuordnung", rows, options));
    expect(wb.validationList("Zuordnung", "H3")).toEqual(["übernehmen", "überspringen"]);
    expect(wb.validationList("Zuordnung", "B2")).toEqual(customers);
    expect(wb.validationList("Zuordnung", "C2")).toEqual(["=evil()", "ok"]);
    expect(wb.validationList("Zuordnung", "A2")).toBeNull();
    expect(wb.sheet("MSP Listen").visibility).toBe("Hidden");
    expect(wb.cell("MSP Listen", "B2")).toMatchObject({ value: "=evil()", quotePrefix: true });
    expect(wb.cell("MSP Listen", "A1").value).toBe("Zuordnung[name]");

    // Writing again reuses the list columns instead of adding new ones.
    unwrap(await gw.writeTable("Zuordnung", rows, { ...options, replace: true, validation: [{ column: "name", list: ["Nur einer"] }] }));
    expect(wb.validationList("Zuordnung", "B2")).toEqual(["Nur einer"]);
    expect(wb.values("MSP Listen")[0]).toEqual(["Zuordnung[name]", "Zuordnung[phone]"]);
  });

  it("refuses to overwrite a sheet unless asked, and replaces it in place when asked", async () => {
    const { wb, gw } = memoryGateway({ sheets: ["Start", "Abgleich", "Ende"] });
    wb.setValues("Abgleich", "A1", [["alt"]]);
    const first = await gw.writeTable("Abgleich", [["a"], ["1"]], { tableName: "Abgleich_T" });
    expect(first).toEqual({ ok: false, issues: [expect.objectContaining({ code: "excel.sheet_exists", params: { sheet: "Abgleich" } })] });
    expect(wb.cell("Abgleich", "A1").value).toBe("alt");

    unwrap(await gw.writeTable("Abgleich", [["a"], ["1"]], { tableName: "Abgleich_T", replace: true }));
    unwrap(await gw.writeTable("Abgleich", [["a"], ["2"]], { tableName: "Abgleich_T", replace: true }));
    expect(wb.sheetNames()).toEqual(["Start", "Abgleich", "Ende"]);
    expect(wb.values("Abgleich")).toEqual([["a"], ["2"]]);
    expect(wb.tableInfo("Abgleich_T")?.sheet).toBe("Abgleich");
  });

  it("refuses a table name used on another sheet, and invalid names and columns", async () => {
    const { gw } = memoryGateway();
    unwrap(await gw.writeTable("Eins", [["a"], ["1"]], { tableName: "Daten" }));
    const taken = await gw.writeTable("Zwei", [["a"], ["1"]], { tableName: "Daten" });
    expect(taken.ok ? [] : taken.issues.map((i) => [i.code, i.params])).toEqual([["excel.table_name_taken", { table: "Daten", sheet: "Eins" }]]);
    const bad = await gw.writeTable("a/b", [["a"], ["1", "2"]], { tableName: "A1", columns: { missing: "money" } });
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(["excel.invalid_sheet_name", "excel.invalid_table_name", "excel.unknown_column", "excel.row_too_wide"]);
    const empty = await gw.writeTable("Leer", []);
    expect(empty.ok ? [] : empty.issues.map((i) => i.code)).toEqual(["excel.no_header"]);
  });

  it("cancels between chunks and leaves the workbook as it was", async () => {
    const { wb, gw } = memoryGateway({}, { payloadBudget: 50_000 });
    wb.setValues("Tabelle1", "A1", [["bleibt"]]);
    const before = wb.sheetNames();
    const controller = new AbortController();
    const rows = reviewTableRows(manyReviewRows(1_000));
    const result = await gw.writeTable("Tabelle1", rows, reviewWriteOptions("Tabelle1", { signal: controller.signal, onProgress: () => controller.abort() }));
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: "excel.cancelled" })] });
    expect(wb.sheetNames()).toEqual(before);
    expect(wb.values("Tabelle1")).toEqual([["bleibt"]]);
    expect(wb.eventsEnabled).toBe(true);
  });

  it("turns an Excel error into an issue and cleans up the temporary sheet", async () => {
    const { wb, gw } = memoryGateway();
    wb.failNextSyncs(1, "GeneralException", 2);
    const result = await gw.writeTable("Daten", [["a"], ["1"]]);
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: "excel.api_error", params: expect.objectContaining({ code: "GeneralException" }) })] });
    expect(wb.sheetNames()).toEqual(["Tabelle1"]);
    expect(wb.eventsEnabled).toBe(true);
  });
});
