import { isFormulaLike, neutralizeText, unneutralizeText } from "../../../src/io/export/neutralize";

describe("neutralizeText", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+49 30 1234", "'+49 30 1234"],
    ["-Rabatt", "'-Rabatt"],
    ["@cmd", "'@cmd"],
    ["\tTab", "'\tTab"],
    ["\rCR", "'\rCR"],
    ["Müller GmbH", "Müller GmbH"],
    ["A=B", "A=B"],
    ["", ""],
    ["'=already", "'=already"],
  ])("%j → %j", (input, expected) => {
    expect(neutralizeText(input)).toBe(expected);
  });

  it("is reversible for our own exports", () => {
    for (const t of ["=1+1", "-x", "plain", "'quoted", "'"]) expect(unneutralizeText(neutralizeText(t))).toBe(t);
  });

  it("detects formula-like text", () => {
    expect(isFormulaLike("=A1")).toBe(true);
    expect(isFormulaLike("A1")).toBe(false);
  });
});
