import * as fs from "node:fs";
import * as path from "node:path";
import { MESSAGES, formatIssue } from "../../src/core/messages";

/** Every issue code the vendor-file readers (src/io/table, src/io/vendor) can emit has a German and an English text. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

describe("io issue codes", () => {
  const roots = ["table", "vendor"].map((d) => path.join(__dirname, "../../src/io", d));
  const codes = new Set<string>();
  for (const file of roots.flatMap(sourceFiles)) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/\b(?:issue|report)\(\s*(?:st,\s*)?"([a-z0-9_]+\.[a-z0-9_]+)"/g)) codes.add(m[1]!);
  }

  it("finds the codes", () => {
    expect(codes.size).toBeGreaterThan(20);
  });

  it.each([...codes].sort())("%s has a message in both languages", (code) => {
    expect(MESSAGES[code]?.de).toBeTruthy();
    expect(MESSAGES[code]?.en).toBeTruthy();
  });

  it("renders a vendor issue with its location", () => {
    const text = formatIssue({ code: "parse.invalid_number", severity: "error", params: { value: "abc" }, where: { source: "nce.csv", row: 3, column: "Subtotal" } }, "de");
    expect(text).toBe("nce.csv, Zeile 3, Spalte „Subtotal“: „abc“ ist keine gültige Zahl.");
  });
});
