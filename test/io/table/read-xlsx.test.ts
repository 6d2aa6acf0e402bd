import ExcelJS from "exceljs";
import { readXlsx, streamXlsxRows } from "../../../src/io/table/read-xlsx";
import { strToU8, unzipSync, zipSync } from "fflate";
import { formatIssue } from "../../../src/core/messages";
import { writeXlsxSheet } from "../../../src/io/table/write-xlsx";

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readXlsx", () => {
  it("reads cells as text: dates ISO, numbers plain, rich text plain, ids as text; missing rows stay empty", async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet("Info").getCell("A1").value = "not this one";
      const ws = wb.addWorksheet("Daten");
      ws.getCell("A1").value = { richText: [{ text: "Abrechnung ", font: { bold: true } }, { text: "November" }] };
      ws.addRow([]);
      ws.getRow(3).values = ["SkuId", "Datum", "Menge", "Betrag", "Groß", "Formel"];
      ws.getRow(4).values = ["0001", new Date(Date.UTC(2026, 10, 3)), 5, -19.55, 1e-7, { formula: "C4*2", result: 10 }];
      ws.getCell("B4").numFmt = "dd.mm.yyyy";
      ws.getRow(6).values = ["123456789012345678", "", 0.1 + 0.2, 1e21, true];
    });
    const r = await readXlsx(bytes, { source: "f.xlsx", sheet: "daten" });
    expect(r.issues).toEqual([]);
    expect(r.sheet).toBe("Daten");
    expect(r.table.firstRowNumber).toBe(1);
    expect(r.table.rows).toEqual([
      ["Abrechnung November"],
      [],
      ["SkuId", "Datum", "Menge", "Betrag", "Groß", "Formel"],
      ["0001", "2026-11-03", "5", "-19.55", "0.0000001", "10"],
      [],
      ["123456789012345678", "", "0.3", "1000000000000000000000", "TRUE"],
    ]);
  });

  it("reads the first sheet by default and streams in batches", async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("Erstes");
      for (let i = 1; i <= 5; i++) ws.addRow([`r${i}`]);
      wb.addWorksheet("Zweites").addRow(["other"]);
    });
    const batches: [number, number][] = [];
    const r = await streamXlsxRows(bytes, { source: "f.xlsx", batchRows: 2 }, (rows, first) => batches.push([first, rows.length]));
    expect(r.sheet).toBe("Erstes");
    expect(r.sheets).toEqual(["Erstes", "Zweites"]);
    expect(batches).toEqual([[1, 2], [3, 2], [5, 1]]);
  });

  it("names a missing sheet", async () => {
    const bytes = await workbookBytes((wb) => wb.addWorksheet("A").addRow(["x"]));
    const r = await readXlsx(bytes, { source: "f.xlsx", sheet: "B" });
    expect(r.issues).toEqual([expect.objectContaining({ code: "xlsx.sheet_not_found", params: { sheet: "B", sheets: "A" } })]);
  });

  it("reports a broken file as an issue, never throws", async () => {
    const good = await workbookBytes((wb) => wb.addWorksheet("A").addRow(["x"]));
    for (const bytes of [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), good.slice(0, Math.floor(good.length / 2)), new Uint8Array(0), new TextEncoder().encode("a,b\n1,2")]) {
      const r = await readXlsx(bytes, { source: "bad.xlsx" });
      expect(r.issues.length).toBeGreaterThan(0);
      expect(["file.unreadable", "csv.empty_file"]).toContain(r.issues[0]!.code);
    }
  });

  it("a workbook with broken internals gives a message saying so, not the reader's error text; a row past Excel's last is refused, not filled", async () => {
    const good = await writeXlsxSheet("Abgleich", [["a", "b"], ["x", { number: "1.5" }]]);
    const sheet = (f: Record<string, Uint8Array>) => new TextDecoder().decode(f["xl/worksheets/sheet1.xml"]);
    const variants: [string, (f: Record<string, Uint8Array>) => void][] = [
      ["garbage sheet XML", (f) => void (f["xl/worksheets/sheet1.xml"] = strToU8("garbage <<< >>"))],
      ["no workbook part", (f) => void delete f["xl/workbook.xml"]],
      ["broken styles", (f) => void (f["xl/styles.xml"] = strToU8("<styleSheet><numFmts><numFmt/></numFmts><cellXfs><xf numFmtId='x'/></cellXfs>"))],
      ["broken relations", (f) => void (f["xl/_rels/workbook.xml.rels"] = strToU8("<<"))],
      ["negative row", (f) => void (f["xl/worksheets/sheet1.xml"] = strToU8(sheet(f).replace(/r="2"/, 'r="-5"')))],
      ["column past XFD", (f) => void (f["xl/worksheets/sheet1.xml"] = strToU8(sheet(f).replace(/r="A2"/, 'r="ZZZZZZZZZZ2"')))],
    ];
    for (const [name, mutate] of variants) {
      const files = unzipSync(good);
      mutate(files);
      const r = await readXlsx(zipSync(files), { source: "review.xlsx" });
      expect([name, r.issues.map((i) => formatIssue(i))]).toEqual([
        name,
        ["review.xlsx: The workbook cannot be read: its internal structure is damaged. Open it in Excel and save it again, or save it as CSV."],
      ]);
    }
    const files = unzipSync(good);
    files["xl/worksheets/sheet1.xml"] = strToU8(sheet(files).replace(/<row r="2"/, '<row r="999999999"').replace(/r="([AB])2"/g, 'r="$1999999999"'));
    const far = await readXlsx(zipSync(files), { source: "review.xlsx" });
    expect(far.issues.map((i) => formatIssue(i))).toEqual(["review.xlsx: The workbook names row 999999999, but Excel has at most 1048576 rows: it is damaged; nothing is read."]);
  });

  it("a damaged deflate stream (one flipped byte) is a message from the inflater, not a stall until the watchdog (issue 16 fuzzing)", async () => {
    const good = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("R");
      for (let i = 0; i < 20; i++) ws.addRow([`a${i}`, i, `text ${i}`]);
    });
    // Where the sheet's compressed data lies: behind its local file header.
    const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
    let at = good.findIndex((_, i) => name.every((b, k) => good[i + k] === b));
    expect(at).toBeGreaterThan(0);
    at += name.length + 40;
    let damaged = 0;
    for (let k = 0; k < 12; k++) {
      const bytes = good.slice();
      bytes[at + k * 7] = bytes[at + k * 7]! ^ 0x55;
      // A watchdog of 10 minutes: without the check the read would stall past the test's timeout.
      const r = await streamXlsxRows(bytes, { source: "x.xlsx", stallMs: 600_000 }, () => undefined);
      if (r.issues.length > 0) {
        damaged++;
        expect(r.issues.map((i) => i.code)).toEqual(["xlsx.damaged"]);
        expect(String(r.issues[0]!.params.detail)).not.toMatch(/no progress/);
      }
    }
    expect(damaged).toBeGreaterThan(0);
  });
});
