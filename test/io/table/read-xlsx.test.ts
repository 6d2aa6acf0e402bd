import ExcelJS from "exceljs";
import { readXlsx, streamXlsxRows } from "../../../src/io/table/read-xlsx";

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
});
