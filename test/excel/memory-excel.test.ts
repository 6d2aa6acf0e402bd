import { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import type { XlContext } from "../../src/excel/xl-api";

/** The fake enforces Office.js's rules, so code that passes here also respects them on the host. */

async function run<T>(wb: MemoryWorkbook, batch: (context: XlContext) => Promise<T>): Promise<T> {
  return wb.run(batch);
}

describe("MemoryWorkbook: the fake Excel API", () => {
  it("throws PropertyNotLoaded when a property is read without load and sync", async () => {
    const wb = new MemoryWorkbook();
    wb.setValues("Tabelle1", "A1", [["x", 1]]);
    await run(wb, async (context) => {
      const range = context.workbook.worksheets.getItem("Tabelle1").getRange("A1:B1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" })); // loaded, not synced
      await context.sync();
      expect(range.values).toEqual([["x", 1]]);
      expect(() => range.address).toThrow(/call the load method/);
    });
  });

  it("applies writes only on sync, in order", async () => {
    const wb = new MemoryWorkbook();
    await run(wb, async (context) => {
      const range = context.workbook.worksheets.getItem("Tabelle1").getRange("A1");
      range.numberFormat = [["@"]];
      range.values = [["00123"]];
      expect(wb.cell("Tabelle1", "A1").value).toBe("");
      await context.sync();
    });
    expect(wb.cell("Tabelle1", "A1")).toMatchObject({ value: "00123", numberFormat: "@" });
  });

  it("takes strings the way Excel does: =, + and - make formulas, numbers and ISO dates convert unless text-formatted", async () => {
    const wb = new MemoryWorkbook();
    await run(wb, async (context) => {
      const ws = context.workbook.worksheets.getItem("Tabelle1");
      ws.getRange("A1:G1").values = [['=HYPERLINK("http://x","y")', "+49 30 1234", "@SUM(A1)", "-12.5", "00123", "2026-10-15", "'=1+1"]];
      ws.getRange("A2:B2").numberFormat = [["@", "@"]];
      ws.getRange("A2:B2").values = [["=1+1", "00123"]];
      await context.sync();
    });
    expect(wb.cell("Tabelle1", "A1").formula).toBe('=HYPERLINK("http://x","y")');
    expect(wb.cell("Tabelle1", "B1").formula).toBe("=+49 30 1234");
    expect(wb.cell("Tabelle1", "C1").formula).toBe("=@SUM(A1)");
    expect(wb.values("Tabelle1", "D1:G1")).toEqual([[-12.5, 123, 46310, "=1+1"]]);
    expect(wb.cell("Tabelle1", "G1")).toMatchObject({ quotePrefix: true, formula: undefined });
    // Strict on purpose: a Text format alone is not trusted to stop a formula.
    expect(wb.cell("Tabelle1", "A2").formula).toBe("=1+1");
    expect(wb.cell("Tabelle1", "B2").value).toBe("00123");
  });

  it("rejects a request over the payload limit without applying any of it", async () => {
    const wb = new MemoryWorkbook({ limits: { requestBytes: 10_000 } });
    await run(wb, async (context) => {
      const ws = context.workbook.worksheets.getItem("Tabelle1");
      ws.getRange("A1").values = [["small"]];
      ws.getRange("A2:A101").values = Array.from({ length: 100 }, () => ["x".repeat(200)]);
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    });
    expect(wb.cell("Tabelle1", "A1").value).toBe("");
    expect(wb.stats).toMatchObject({ syncs: 1, failedSyncs: 1, maxRequestBytes: 0 });
  });

  it("rejects a response over the limit and a range over the cell limit", async () => {
    const wb = new MemoryWorkbook({ limits: { responseBytes: 1_000, cells: 50 } });
    wb.setValues("Tabelle1", "A1", Array.from({ length: 40 }, () => ["y".repeat(100)]));
    await run(wb, async (context) => {
      const ws = context.workbook.worksheets.getItem("Tabelle1");
      ws.getRange("A1:A40").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      ws.getRange("A1:B40").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "RangeExceedsLimit" });
    });
  });

  it("reports missing items at sync, and null objects through isNullObject after a sync", async () => {
    const wb = new MemoryWorkbook();
    await run(wb, async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("checks the shape of written arrays and the workbook's structural rules", async () => {
    const wb = new MemoryWorkbook();
    await run(wb, async (context) => {
      const ws = context.workbook.worksheets.getItem("Tabelle1");
      ws.getRange("A1:B2").values = [[1, 2]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      ws.delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      context.workbook.worksheets.add("Tabelle1");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      context.workbook.worksheets.add("a:b");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("makes tables over written values, with unique names and no overlaps", async () => {
    const wb = new MemoryWorkbook();
    wb.setValues("Tabelle1", "B2", [["id", "", "id"], [1, 2, 3]]);
    await run(wb, async (context) => {
      const ws = context.workbook.worksheets.getItem("Tabelle1");
      const table = ws.tables.add("B2:D3", true);
      table.name = "Daten";
      const body = table.getDataBodyRange();
      body.load("address");
      await context.sync();
      expect(body.address).toBe("Tabelle1!B3:D3");
      ws.tables.add("C3:E4", true);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      const names = context.workbook.tables;
      names.load("items/name");
      await context.sync();
      expect(names.items.map((t) => t.name)).toEqual(["Daten"]);
    });
    expect(wb.tableInfo("Daten")?.headers).toEqual(["id", "Column2", "id2"]);
  });

  it("limits literal drop-down sources to 255 characters and wants clear() before a new rule", async () => {
    const wb = new MemoryWorkbook();
    await run(wb, async (context) => {
      const range = context.workbook.worksheets.getItem("Tabelle1").getRange("A2:A10");
      range.dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
      await context.sync();
      range.dataValidation.rule = { list: { inCellDropDown: true, source: "c" } };
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      range.dataValidation.clear();
      range.dataValidation.rule = { list: { inCellDropDown: true, source: "x,".repeat(200) } };
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(wb.validationList("Tabelle1", "A5")).toBeNull();
  });

  it("simulates a user: German input (an impossible date stays text), sort and filter", async () => {
    const wb = new MemoryWorkbook({ locale: "de" });
    wb.setValues("Tabelle1", "A1", [["n", "d"], [2, ""], [1, ""]]);
    wb.typeInto("Tabelle1", "A2", "1.234,5");
    wb.typeInto("Tabelle1", "B2", "15.10.2026");
    wb.typeInto("Tabelle1", "B3", "31.02.2026");
    expect(wb.cell("Tabelle1", "A2").value).toBe(1234.5);
    expect(wb.cell("Tabelle1", "B2")).toMatchObject({ value: 46310, numberFormat: "dd.mm.yyyy" });
    expect(wb.cell("Tabelle1", "B3").value).toBe("31.02.2026");
    await run(wb, async (context) => {
      context.workbook.worksheets.getItem("Tabelle1").tables.add("A1:B3", true).name = "T";
      await context.sync();
    });
    wb.sortTable("T", "n");
    expect(wb.values("Tabelle1", "A2:A3")).toEqual([[1], [1234.5]]);
    wb.filterTable("T", "n", (v) => v !== "1");
    expect([...wb.sheet("Tabelle1").hiddenRows]).toEqual([1]);
  });

  it("grows a table when the user types into the row right below it (Excel's AutoExpansion), keeping text columns text", async () => {
    const wb = new MemoryWorkbook({ locale: "de" });
    wb.setValues("Tabelle1", "A1", [["id", "n"], ["", 5]]);
    await run(wb, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tabelle1");
      sheet.getRange("A2").numberFormat = [["@"]];
      sheet.tables.add("A1:B2", true).name = "T";
      await context.sync();
    });
    wb.typeInto("Tabelle1", "C3", "beside"); // not below the table's columns
    expect(wb.tableInfo("T")?.address).toBe("Tabelle1!A1:B2");
    wb.typeInto("Tabelle1", "A3", "00123");
    expect(wb.tableInfo("T")?.address).toBe("Tabelle1!A1:B3");
    expect(wb.cell("Tabelle1", "A3")).toMatchObject({ value: "00123", numberFormat: "@" });
    wb.typeInto("Tabelle1", "A5", "x"); // a gap: no expansion
    expect(wb.tableInfo("T")?.address).toBe("Tabelle1!A1:B3");
    wb.typeInto("Tabelle1", "A4", ""); // clearing a cell below adds nothing
    expect(wb.tableInfo("T")?.address).toBe("Tabelle1!A1:B3");
  });
});
