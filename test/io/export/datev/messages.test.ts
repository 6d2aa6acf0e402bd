import * as fs from "node:fs";
import * as path from "node:path";
import { MESSAGES } from "../../../../src/core/messages";

/** Every issue code the exports (DATEV, custom CSV, documents, their use cases) can emit has a German and an English text. */
function sourceFiles(p: string): string[] {
  if (p.endsWith(".ts")) return [p];
  return fs.readdirSync(p, { withFileTypes: true }).flatMap((e) => sourceFiles(path.join(p, e.name)));
}

describe("export issue codes", () => {
  const src = path.join(__dirname, "../../../../src");
  const files = [...["io/export/datev", "io/export/custom-csv", "io/export/documents"].map((d) => path.join(src, d)), path.join(src, "app/export-invoices.ts"), path.join(src, "cli/commands/export-run.ts")].flatMap(sourceFiles);
  const codes = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/"((?:datev|export|company|document|profile|file)\.[a-z0-9_]+)"/g)) codes.add(m[1]!);
  }

  it("finds the codes", () => {
    expect(codes.size).toBeGreaterThan(25);
  });

  it.each([...codes].sort())("%s has a message in both languages", (code) => {
    expect(MESSAGES[code]?.de).toBeTruthy();
    expect(MESSAGES[code]?.en).toBeTruthy();
  });
});
