/**
 * Issue 20: a cell named in a message selects that cell in Excel when clicked (`select`), and rows
 * typed under a table but outside it are found before a read-back (`rowsBelowTable`). Both through
 * the Office.js adapter on the in-memory workbook.
 */
import { memoryGateway, unwrap } from "./fixtures";

const HEADER = ["status", "customer_no", "vendor_qty", "action"];

async function reviewSheet() {
  const env = memoryGateway({ sheets: ["Start"] });
  unwrap(await env.gw.writeTable("Abgleich 2026-10", [HEADER, ["Menge geändert", "10001", { number: "12" }, "übernehmen"], ["Neue Position", "10002", { number: "2" }, "übernehmen"]], { tableName: "Abgleich_2026_10" }));
  env.wb.select("Start", "A1");
  return env;
}

describe("selecting a cell a message names", () => {
  it("activates the sheet and selects the cell or range", async () => {
    const { wb, gw } = await reviewSheet();
    expect(wb.activeSheetName).toBe("Start");
    unwrap(await gw.select("Abgleich 2026-10", "C3"));
    expect(wb.activeSheetName).toBe("Abgleich 2026-10");
    expect(wb.selectedAddress).toBe("Abgleich 2026-10!C3");
    unwrap(await gw.select("abgleich 2026-10", "A2:D2"));
    expect(wb.selectedAddress).toBe("Abgleich 2026-10!A2:D2");
  });

  it("names an unknown sheet or a bad address and leaves the selection", async () => {
    const { wb, gw } = await reviewSheet();
    const missing = await gw.select("Abgleich 2026-09", "C3");
    expect(!missing.ok && missing.issues[0]).toMatchObject({ code: "excel.sheet_not_found", params: { sheet: "Abgleich 2026-09" } });
    const bad = await gw.select("Abgleich 2026-10", "K0");
    expect(!bad.ok && bad.issues[0]).toMatchObject({ code: "excel.invalid_address", params: { address: "K0" } });
    expect(wb.selectedAddress).toBe("Start!A1");
  });

  it("the fake selects only on the active sheet (as VBA's Select), so the adapter activates it first", async () => {
    const { wb } = await reviewSheet();
    await expect(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("Abgleich 2026-10").getRange("A1").select();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("rows typed below a table", () => {
  it("finds nothing when the table is all there is, or the sheet has no table", async () => {
    const { wb, gw } = await reviewSheet();
    expect(unwrap(await gw.rowsBelowTable("Abgleich 2026-10"))).toEqual({ sheet: "Abgleich 2026-10", tableName: "Abgleich_2026_10", rows: [], first: null });
    wb.setValues("Start", "A1", [["x"], ["y"]]);
    expect(unwrap(await gw.rowsBelowTable("Start"))).toMatchObject({ tableName: null, rows: [] });
    const missing = await gw.rowsBelowTable("Nirgends");
    expect(!missing.ok && missing.issues[0]!.code).toBe("excel.sheet_not_found");
  });

  it("a row typed right under the table joins it (AutoExpansion) and is no warning", async () => {
    const { wb, gw } = await reviewSheet();
    wb.typeInto("Abgleich 2026-10", "B4", "10003");
    expect(unwrap(await gw.rowsBelowTable("Abgleich 2026-10")).rows).toEqual([]);
    expect(unwrap(await gw.readTableByHeaders("Abgleich 2026-10")).table.rows).toHaveLength(4);
  });

  it("rows after an empty row are outside the table: their sheet rows and the first cell", async () => {
    const { wb, gw } = await reviewSheet();
    wb.typeInto("Abgleich 2026-10", "B6", "10004");
    wb.typeInto("Abgleich 2026-10", "D8", "übernehmen");
    const below = unwrap(await gw.rowsBelowTable("Abgleich_2026_10"));
    expect(below).toEqual({ sheet: "Abgleich 2026-10", tableName: "Abgleich_2026_10", rows: [6, 8], first: "B6" });
    // The read-back itself is unchanged: only the table (that is why the pane warns).
    expect(unwrap(await gw.readTableByHeaders("Abgleich 2026-10")).table.rows).toHaveLength(3);
  });
});
