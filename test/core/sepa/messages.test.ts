import * as fs from "node:fs";
import * as path from "node:path";
import { MESSAGES, messageText } from "../../../src/core/messages";
import { LEFT_OUT_REASONS } from "../../../src/core/sepa/plan";

/** Every issue code the SEPA modules (src/core/sepa, src/io/sepa) can emit has a German and an English text. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

describe("SEPA messages", () => {
  const roots = [path.join(__dirname, "../../../src/core/sepa"), path.join(__dirname, "../../../src/io/sepa")];
  const codes = new Set<string>(LEFT_OUT_REASONS.map((r) => `sepa.report.${r}`));
  for (const file of roots.flatMap(sourceFiles)) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/\b(?:issue|bad)\(\s*"([a-z0-9_]+(?:\.[a-z0-9_]+)+)"/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/"(sepa\.settings\.[a-z_]+)"/g)) codes.add(m[1]!);
  }

  it("finds the codes", () => {
    expect(codes.size).toBeGreaterThan(50);
  });

  it.each([...codes].sort())("%s has a message in both languages, with the same placeholders", (code) => {
    const text = MESSAGES[code];
    expect(text?.de).toBeTruthy();
    expect(text?.en).toBeTruthy();
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(names(text!.de)).toEqual(names(text!.en));
  });

  it("renders a report line", () => {
    expect(messageText({ code: "sepa.report.no_mandate", severity: "warning", params: { invoice: "RE-1", customer: "K1", amount: "10.00" } }, "de")).toBe("RE-1 (Kunde K1, 10,00): kein Lastschriftmandat hinterlegt.");
  });
});
