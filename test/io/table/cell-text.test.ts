import { cellToText, dateToIsoText, numberToPlainText } from "../../../src/io/table/cell-text";
import { tableFromValues } from "../../../src/io/table/from-values";

describe("numberToPlainText", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [5, "5"],
    [-19.55, "-19.55"],
    [0.1 + 0.2, "0.3"],
    [1e-7, "0.0000001"],
    [1.5e-10, "0.00000000015"],
    [1e21, "1000000000000000000000"],
    [123456789012345, "123456789012345"],
    [0.0209951014286867, "0.0209951014286867"],
    [3.8700000000000001, "3.87"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
  ])("%p → %p", (n, expected) => {
    expect(numberToPlainText(n)).toBe(expected);
  });
});

describe("cellToText", () => {
  it.each<[unknown, string]>([
    [null, ""],
    [undefined, ""],
    ["0001", "0001"],
    [true, "TRUE"],
    [false, "FALSE"],
    [new Date(Date.UTC(2026, 10, 3)), "2026-11-03"],
    [new Date(Date.UTC(2026, 10, 3, 23, 59, 0)), "2026-11-03 23:59:00"],
    [{ richText: [{ text: "Müller " }, { text: "GmbH" }] }, "Müller GmbH"],
    [{ text: "Link", hyperlink: "https://example.org" }, "Link"],
    [{ formula: "A1*2", result: 7.5 }, "7.5"],
    [{ sharedFormula: "A1", result: "x" }, "x"],
    [{ formula: "1/0", result: { error: "#DIV/0!" } }, "#DIV/0!"],
    [{ error: "#N/A" }, "#N/A"],
    [{ something: 1 }, ""],
  ])("%p → %p", (value, expected) => {
    expect(cellToText(value)).toBe(expected);
  });

  it("an invalid Date is empty", () => {
    expect(dateToIsoText(new Date(Number.NaN))).toBe("");
  });
});

describe("tableFromValues", () => {
  it("turns Excel's Range.values into text rows, ids as text stay as they are", () => {
    const t = tableFromValues([["Title", "", ""], ["SkuId", "Qty", "Active"], ["0001", 5, true], ["0002", -19.55, false], [null, 46000, ""]], "Sheet1", 3);
    expect(t).toEqual({
      source: "Sheet1",
      firstRowNumber: 3,
      rows: [["Title", "", ""], ["SkuId", "Qty", "Active"], ["0001", "5", "TRUE"], ["0002", "-19.55", "FALSE"], ["", "46000", ""]],
    });
  });
});
