import { OfficeMockObject } from "office-addin-mock";
import { readRect } from "../../src/excel/read-range";
import type { XlContext, XlWorksheet } from "../../src/excel/xl-api";

/**
 * Microsoft's office-addin-mock (its scalars read "Error, property was not loaded" until load and
 * sync): a second opinion, independent of our fake, that the read path loads and syncs before it reads.
 */
describe("office-addin-mock", () => {
  it("readRect loads values and number formats and syncs before reading them", async () => {
    const context = new OfficeMockObject({
      workbook: {
        sheet: {
          block: {
            values: [["id", "date"], ["007", 46310]],
            numberFormat: [["@", "@"], ["@", "dd.mm.yyyy"]],
            untrack: function () {
              return this;
            },
          },
          getRangeByIndexes: function () {
            return this.block;
          },
        },
      },
    }) as unknown as XlContext & { workbook: { sheet: XlWorksheet & { block: { values: unknown } } } };
    const ws = context.workbook.sheet;
    expect(ws.block.values).toBe("Error, property was not loaded");

    const read = await readRect(context, ws, "Daten", { row: 4, col: 1, rows: 2, cols: 2 }, 1_000_000);
    expect(read).toEqual({
      sheet: "Daten",
      address: "Daten!B5:C6",
      table: { source: "Daten", firstRowNumber: 5, rows: [["", "id", "date"], ["", "007", "2026-10-15"]] },
    });
  });
});
