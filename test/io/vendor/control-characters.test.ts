/**
 * Issue 16.5: control characters (a NUL byte, other C0 controls except tab/CR/LF, DEL) in the cells
 * a vendor file's row is read from are refused with an issue naming file, row and column, as the
 * master readers refuse them (the same guard, `hasControlCharacter`). Before, a NUL byte went into
 * an id or a name of a vendor line unseen, and one in a number or a date was "not a number".
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { formatIssue } from "../../../src/core/messages";
import { readVendorCsv } from "../../../src/io/vendor/read-vendor";
import { readVendorFile } from "../../../src/io/vendor/read-vendor-file";
import { NCE_INVOICE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { nceRecords, toCsv, utf8, type Rec } from "./fixtures";

/** Record 1 (file row 3 in CSV and XLSX, line 2 in JSON Lines) gets the character inside the cell. */
function damaged(column: string, char: string): Rec[] {
  const recs = nceRecords();
  const v = recs[1]![column]!;
  recs[1]![column] = v.slice(0, 1) + char + v.slice(1);
  return recs;
}

const jsonLines = (recs: readonly Rec[]) =>
  recs.map((r) => JSON.stringify(Object.fromEntries(NCE_INVOICE_HEADERS.map((h) => [h.charAt(0).toLowerCase() + h.slice(1), r[h] ?? null])))).join("\n") + "\n";

/**
 * A workbook as Excel writes a control character into a text cell: escaped as `_x0007_` in the
 * shared strings (exceljs drops such characters when writing, so the marker is patched in).
 */
async function xlsx(recs: readonly Rec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Recon");
  ws.addRow([...NCE_INVOICE_HEADERS]);
  for (const r of recs) ws.addRow(NCE_INVOICE_HEADERS.map((h) => (r[h] ?? "").replace("\u0007", "CTRL7")));
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const strings = strFromU8(files["xl/sharedStrings.xml"]!);
  expect(strings).toContain("CTRL7");
  files["xl/sharedStrings.xml"] = strToU8(strings.replace("CTRL7", "_x0007_"));
  return zipSync(files);
}

const COLUMNS = ["CustomerId", "CustomerName", "SkuId", "SkuName", "SubscriptionId", "ChargeType", "BillableQuantity", "Subtotal", "UnitPrice", "ChargeStartDate", "Currency", "TermAndBillingCycle", "BillingFrequency"];

describe("control characters in vendor cells", () => {
  it.each(COLUMNS.flatMap((c) => [[c, "\u0000"], [c, "\u001b"], [c, "\u007f"]]))("CSV: %s with %j is refused naming file, row and column; the row gives no line", (column, char) => {
    const r = readVendorCsv(utf8(toCsv(NCE_INVOICE_HEADERS, damaged(column, char))), { fileName: "nce.csv" });
    expect(r.issues.map((i) => formatIssue(i))).toEqual([`nce.csv, row 3, column "${column}": The cell holds a control character (such as a NUL byte); it is not read.`]);
    expect(r.issues[0]).toMatchObject({ code: "parse.control_character", severity: "error", where: { source: "nce.csv", row: 3, column } });
    expect(r.lines.map((l) => l.row)).toEqual([2, 4, 5, 6, 7]);
  });

  it.each(COLUMNS)("JSON Lines (API v2): a \\u0000 escape in %s is refused naming the line", (column) => {
    const r = readVendorCsv(utf8(jsonLines(damaged(column, "\u0000"))), { fileName: "billed.json" });
    expect(r.format).toBe("json");
    expect(r.issues.map((i) => [i.code, i.where?.source, i.where?.row])).toEqual([["parse.control_character", "billed.json", 2]]);
    expect(r.lines).toHaveLength(5);
  });

  it.each(["CustomerName", "SubscriptionId", "BillableQuantity"])("XLSX: a control character in %s is refused naming the row", async (column) => {
    const r = await readVendorFile(await xlsx(damaged(column, "\u0007")), { fileName: "recon.xlsx" });
    expect(r.kind).toBe("xlsx");
    expect(r.issues.map((i) => [i.code, i.where?.source, i.where?.row, i.where?.column])).toEqual([["parse.control_character", "recon.xlsx", 3, column]]);
    expect(r.lines).toHaveLength(5);
  });

  it("tab, CR and LF quoted into a text cell are data, not damage", () => {
    const recs = nceRecords();
    recs[1]!.CustomerName = "Müller\tGmbH\r\nBüro";
    const r = readVendorCsv(utf8(toCsv(NCE_INVOICE_HEADERS, recs)), { fileName: "nce.csv" });
    expect(r.issues).toEqual([]);
    expect(r.lines[1]!.vendorCustomerName).toBe("Müller\tGmbH\r\nBüro");
  });

  it("every row with the same damaged cell is refused, not only the first (values are cached per text)", () => {
    const recs = nceRecords().map((r) => ({ ...r, Currency: "EU\u0000R" }));
    const r = readVendorCsv(utf8(toCsv(NCE_INVOICE_HEADERS, recs)), { fileName: "nce.csv" });
    expect(r.issues.map((i) => i.where?.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(r.lines).toEqual([]);
  });
});

describe("Excel's escapes of characters XML cannot hold", () => {
  it("are decoded; an escaped underscore stays literal text", async () => {
    const { unescapeXlsxText } = await import("../../../src/io/table/read-xlsx");
    expect(unescapeXlsxText("a_x0007_b")).toBe("a\u0007b");
    expect(unescapeXlsxText("_x005F_x0041_")).toBe("_x0041_");
    expect(unescapeXlsxText("plain_x")).toBe("plain_x");
  });
});
