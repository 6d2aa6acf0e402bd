import { formatIssue } from "../../src/core/messages";
import { rectToA1, withCells } from "../../src/excel/a1";
import { columnLetter } from "../../src/io/table/raw-table";
import { reviewSheetName, reviewWriteOptions } from "../../src/excel/review-sheet";
import { readReviewTable, reviewTableRows } from "../../src/io/reconcile/review-table";
import { memoryGateway, reviewRow, rowWhere, unwrap } from "./fixtures";

const SHEET = "Abgleich 2026-10";
// Review columns: A status, B customer_no, … I vendor_qty, K effective_date, N action; informational
// columns (customer_name …) follow and are looked up by header.
const CUSTOMER = 1;
const HEADER = reviewTableRows([])[0]!.map(String);
const NAME_COLUMN = HEADER.indexOf("customer_name");

function rows() {
  return [
    reviewRow({ customerNo: "10001", contractNo: "V-1001", positionNo: 1, vendorQty: "12" }),
    reviewRow({ customerNo: "10002", contractNo: "V-2001", positionNo: 1, status: "quantity_changed", vendorQty: "0", delta: "-4" }),
    reviewRow({ customerNo: "10003", contractNo: "V-3001", positionNo: 2, status: "unchanged", action: "skip", vendorQty: "3", delta: "0" }),
    reviewRow({ customerNo: "10004", contractNo: "V-4001", positionNo: null, status: "new_position", contractQty: null, positionQty: null, vendorQty: "1", delta: "1", customerName: '=HYPERLINK("http://evil.example","Klick")' }),
    reviewRow({ customerNo: "10005", contractNo: "V-5001", positionNo: 3, status: "missing_in_file", action: "skip", vendorQty: "0", delta: "-5" }),
  ];
}

describe("review table round trip through the workbook", () => {
  it("reads back the user's edits after sorting and filtering, by header names and sheet rows", async () => {
    const { wb, gw } = memoryGateway({ locale: "de" });
    const written = unwrap(await gw.writeTable(SHEET, reviewTableRows(rows()), reviewWriteOptions(SHEET)));
    expect(written).toMatchObject({ sheet: SHEET, tableName: "Abgleich_2026_10", rowsWritten: 5 });
    expect(wb.activeSheetName).toBe(SHEET);

    // The user sorts by customer (descending), filters out "unchanged", and edits cells.
    wb.sortTable("Abgleich_2026_10", "customer_no", "desc");
    wb.filterTable("Abgleich_2026_10", "status", (s) => s !== "unchanged");
    expect(rowWhere(wb, SHEET, CUSTOMER, "10005")).toBe(2);
    const r1 = rowWhere(wb, SHEET, CUSTOMER, "10001");
    const r2 = rowWhere(wb, SHEET, CUSTOMER, "10002");
    const r4 = rowWhere(wb, SHEET, CUSTOMER, "10004");
    wb.typeInto(SHEET, `I${r1}`, "14,5"); // German decimal comma
    wb.typeInto(SHEET, `K${r1}`, "20.10.2026"); // German date → a date serial in the date cell
    wb.typeInto(SHEET, `N${r2}`, "skip");
    wb.typeInto(SHEET, `N${r4}`, "skip");
    expect(() => wb.typeInto(SHEET, `N${r1}`, "vielleicht")).toThrow(/drop-down/);

    const read = unwrap(await gw.readTableByHeaders(SHEET));
    expect(read).toMatchObject({ sheet: SHEET, tableName: "Abgleich_2026_10", address: `'Abgleich 2026-10'!${rectToA1({ row: 0, col: 0, rows: 6, cols: HEADER.length })}` });
    const { decisions, issues } = readReviewTable(read.table);
    expect(issues).toEqual([]);
    // Filtered rows are still read: a filter only hides rows.
    expect(decisions.map((d) => d.customerNo)).toEqual(["10005", "10004", "10003", "10002", "10001"]);
    const byCustomer = new Map(decisions.map((d) => [d.customerNo, d]));
    expect(byCustomer.get("10001")).toMatchObject({ row: r1, source: SHEET, vendorQty: "14.5", effectiveDate: "2026-10-20", action: "accept", positionNo: 1 });
    expect(byCustomer.get("10002")).toMatchObject({ action: "skip", vendorQty: "0", contractQty: "10" });
    expect(byCustomer.get("10003")).toMatchObject({ status: "unchanged", effectiveDate: "2026-10-15" });
    expect(byCustomer.get("10004")).toMatchObject({ status: "new_position", positionNo: null, action: "skip" });
  });

  it("names an invalid date by its cell, e.g. Abgleich 2026-10!K5", async () => {
    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap(await gw.writeTable(SHEET, reviewTableRows(rows()), reviewWriteOptions(SHEET)));
    wb.sortTable("Abgleich_2026_10", "customer_no", "asc");
    const row = rowWhere(wb, SHEET, CUSTOMER, "10004");
    expect(row).toBe(5);
    wb.typeInto(SHEET, `K${row}`, "31.02.2026"); // no such day: Excel keeps it as text
    wb.typeInto(SHEET, `I${rowWhere(wb, SHEET, CUSTOMER, "10002")}`, "zwölf");

    const read = unwrap(await gw.readTableByHeaders("Abgleich_2026_10"));
    const { decisions, issues } = readReviewTable(read.table);
    expect(decisions).toHaveLength(3);
    const located = withCells(issues);
    expect(located.map((i) => [i.code, i.where?.cell])).toEqual([
      ["parse.invalid_number", "Abgleich 2026-10!I3"],
      ["parse.invalid_date", "Abgleich 2026-10!K5"],
    ]);
    expect(formatIssue(located[1]!, "de")).toBe("Abgleich 2026-10!K5: „31.02.2026“ ist kein gültiges Datum (erwartet JJJJ-MM-TT oder TT.MM.JJJJ).");
  });

  it("keeps a formula-looking customer name as text through the round trip", async () => {
    const { wb, gw } = memoryGateway();
    unwrap(await gw.writeTable(SHEET, reviewTableRows(rows()), reviewWriteOptions(SHEET)));
    const cell = wb.cell(SHEET, `${columnLetter(NAME_COLUMN)}5`);
    expect(cell).toMatchObject({ value: '=HYPERLINK("http://evil.example","Klick")', numberFormat: "@", quotePrefix: true });
    expect(cell.formula).toBeUndefined();
    const read = unwrap(await gw.readSheet(SHEET));
    expect(read.table.rows[4]![NAME_COLUMN]).toBe('=HYPERLINK("http://evil.example","Klick")');
  });

  it("derives a valid sheet and table name from period and source", () => {
    expect(reviewSheetName("2026-10", "microsoft-nce-invoice")).toBe("Abgleich 2026-10 microsoft-nce-");
    expect(reviewSheetName("2026-10", "a/b")).toBe("Abgleich 2026-10 a_b");
    expect(reviewWriteOptions("Abgleich 2026-10 NCE").tableName).toBe("Abgleich_2026_10_NCE");
  });
});
