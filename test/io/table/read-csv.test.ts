import * as iconv from "iconv-lite";
import { decodeBytes, encodeText } from "../../../src/io/table/decode";
import { columnLetter, findHeaderRow, headerKey, isBlankRow } from "../../../src/io/table/raw-table";
import { detectDelimiter, readCsvText, streamCsvText } from "../../../src/io/table/read-csv";

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3\n", ","],
    ["a;b;c\n1,5;2,5;3\n", ";"],
    ["a\tb\tc\n1\t2\t3\n", "\t"],
    ['"x;y",b,c\n1,2,3\n', ","],
    ["Title line\n\na;b;c\n1;2;3\n4;5;6\n", ";"],
  ])("%p → %p", (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it("looks only at the start of a long text", () => {
    const text = "a;b\n" + "1;2\n".repeat(50_000);
    expect(detectDelimiter(text)).toBe(";");
  });
});

describe("readCsvText", () => {
  it("keeps blank rows so row numbers match, drops the final line break's empty row", () => {
    const { table, issues } = readCsvText("h1,h2\r\n\r\n1,2\r\n\r\n3,4\r\n\r\n", "f.csv");
    expect(issues).toEqual([]);
    expect(table.rows).toEqual([["h1", "h2"], [""], ["1", "2"], [""], ["3", "4"]]);
    expect(table.firstRowNumber).toBe(1);
  });

  it("reads quoted fields with delimiters, quotes and line breaks as one row", () => {
    const { table } = readCsvText('a;b\n"x;y";"line1\nline2 ""quoted"""\nlast;row\n', "f.csv");
    expect(table.rows).toEqual([["a", "b"], ["x;y", 'line1\nline2 "quoted"'], ["last", "row"]]);
  });

  it("strips a BOM from the first header", () => {
    expect(readCsvText("\uFEFFa,b\n1,2", "f.csv").table.rows[0]).toEqual(["a", "b"]);
  });

  it("reports an unterminated quote with its row, never throws", () => {
    const { table, issues } = readCsvText('a,b\n1,2\n3,"broken\n4,5\n', "f.csv");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "csv.malformed", where: { source: "f.csv", row: 3 } });
    expect(table.rows[0]).toEqual(["a", "b"]);
  });
});

describe("streamCsvText", () => {
  const text = "title\n\nh1;h2\n1;2\n\n3;4\n5;6\n";

  it("hands rows over in batches with the row number of each batch", () => {
    const batches: [number, string[][]][] = [];
    const r = streamCsvText(text, { source: "f.csv", batchRows: 2 }, (rows, first) => batches.push([first, rows]));
    expect(r.delimiter).toBe(";");
    expect(r.rowCount).toBe(7);
    expect(batches.map(([first, rows]) => [first, rows.length])).toEqual([[1, 2], [3, 2], [5, 2], [7, 1]]);
    expect(batches.flatMap(([, rows]) => rows)).toEqual(readCsvText(text, "f.csv").table.rows);
  });
});

describe("decodeBytes", () => {
  it("reads UTF-8 with and without BOM", () => {
    const withBom = encodeText("Müller;Größe", "utf-8", true);
    expect(decodeBytes(withBom)).toEqual({ text: "Müller;Größe", encoding: "utf-8", hadBom: true });
    expect(decodeBytes(encodeText("Müller", "utf-8"))).toEqual({ text: "Müller", encoding: "utf-8", hadBom: false });
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8", () => {
    const bytes = new Uint8Array(iconv.encode("Schäfer & Söhne KG;5,10 €", "win1252"));
    expect(decodeBytes(bytes)).toEqual({ text: "Schäfer & Söhne KG;5,10 €", encoding: "windows-1252", hadBom: false });
  });
});

describe("raw-table helpers", () => {
  it("headerKey ignores case, spaces, underscores, dashes and dots", () => {
    expect(["CustomerId", "Customer ID", "customer_id", "CUSTOMER-ID", "\uFEFFCustomer.Id"].map(headerKey)).toEqual(Array(5).fill("customerid"));
  });

  it("findHeaderRow skips blank and title rows", () => {
    const rows = [["Report"], [""], ["", " "], ["a", "b"], ["1", "2"]];
    expect(findHeaderRow(rows, (r) => r.includes("a"))).toBe(3);
    expect(findHeaderRow(rows, () => false)).toBe(-1);
    expect(findHeaderRow(rows, (r) => r.includes("a"), 1)).toBe(-1);
  });

  it("columnLetter and isBlankRow", () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
    expect(isBlankRow(["", "  "])).toBe(true);
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow(["", "x"])).toBe(false);
  });
});
