/**
 * Tests for src/core/issues.ts and src/core/messages.ts (the issue values contract and master-data
 * validation report). They live here because test/core/ itself is shared.
 */
import { Issue, fail, hasErrors, issue, ok, withWhere } from "../../../src/core/issues";
import { MESSAGES, formatIssue, locationText, messageText } from "../../../src/core/messages";

// `{name}` or the plural form `{name|one|many}`
const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)(?:\|[^|}]*\|[^|}]*)?\}/g)].map((m) => m[1]));
const entries = Object.entries(MESSAGES);

describe("issues", () => {
  it("ok and fail build results", () => {
    expect(ok(42)).toEqual({ ok: true, value: 42 });
    const a = issue("parse.required");
    const b = issue("csv.empty_file");
    expect(fail(a, b)).toEqual({ ok: false, issues: [a, b] });
    expect(fail()).toEqual({ ok: false, issues: [] });
  });

  it("issue defaults to an error without params or location", () => {
    const i = issue("parse.required");
    expect(i).toEqual({ code: "parse.required", severity: "error", params: {} });
    expect("where" in i).toBe(false);
  });

  it("issue keeps params, location and severity", () => {
    expect(issue("parse.invalid_number", { value: "1,2,3" }, { source: "a.csv", row: 3 }, "warning")).toEqual({
      code: "parse.invalid_number",
      severity: "warning",
      params: { value: "1,2,3" },
      where: { source: "a.csv", row: 3 },
    });
  });

  it("hasErrors looks for errors only", () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([issue("x", {}, undefined, "warning"), issue("y", {}, undefined, "info")])).toBe(false);
    expect(hasErrors([issue("x", {}, undefined, "warning"), issue("y")])).toBe(true);
  });

  it("withWhere adds a location; the issue's own details win", () => {
    const issues = [issue("a", {}, { row: 14, column: "valid_from" }), issue("b")];
    const located = withWhere(issues, { source: "contracts.csv", row: 1 });
    expect(located[0]!.where).toEqual({ source: "contracts.csv", row: 14, column: "valid_from" });
    expect(located[1]!.where).toEqual({ source: "contracts.csv", row: 1 });
  });

  it("withWhere does not modify its input", () => {
    const issues = [issue("a", {}, { row: 14 })];
    const located = withWhere(issues, { source: "x.csv" });
    expect(issues[0]!.where).toEqual({ row: 14 });
    expect(located).not.toBe(issues);
    expect(located[0]).not.toBe(issues[0]);
  });
});

describe("MESSAGES", () => {
  it("has entries", () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it.each(entries)("%s has a German and an English text", (_code, text) => {
    expect(typeof text.de).toBe("string");
    expect(typeof text.en).toBe("string");
    expect(text.de.trim()).not.toBe("");
    expect(text.en.trim()).not.toBe("");
    expect(text.de).toBe(text.de.trim());
    expect(text.en).toBe(text.en.trim());
  });

  it.each(entries)("%s: every {placeholder} in the German text also appears in the English one, and vice versa", (_code, text) => {
    const de = placeholders(text.de);
    const en = placeholders(text.en);
    expect([...de].filter((p) => !en.has(p))).toEqual([]);
    expect([...en].filter((p) => !de.has(p))).toEqual([]);
  });

  it.each(entries)("%s has balanced braces", (_code, text) => {
    for (const t of [text.de, text.en]) {
      expect(t.replace(/\{\w+(?:\|[^|{}]*\|[^|{}]*)?\}/g, "")).not.toMatch(/[{}]/);
    }
  });

  it("codes are dotted lower-case identifiers", () => {
    for (const code of Object.keys(MESSAGES)) expect(code).toMatch(/^[a-z0-9]+(\.[a-z0-9_]+)+$/);
  });
});

describe("messageText", () => {
  it("fills placeholders in English by default and in German on request", () => {
    const i = issue("master.end_before_start", { end: "2026-01-31", start: "2026-02-10" });
    expect(messageText(i)).toBe("Contract end 2026-01-31 is before contract start 2026-02-10.");
    expect(messageText(i, "de")).toBe("Vertragsende 31.01.2026 liegt vor dem Vertragsbeginn 10.02.2026.");
  });

  it("writes months in words, German dates and decimal commas, and plurals by count", () => {
    expect(messageText(issue("cli.period_from_file", { month: "2026-11", files: "a.csv" }), "de")).toContain("abgeglichen wird November 2026");
    expect(messageText(issue("cli.period_from_file", { month: "2026-11", files: "a.csv" }), "en")).toContain("reconciling November 2026");
    expect(messageText(issue("vendor.unknown_charge_type", { value: "X", count: 1 }), "de")).toContain("(1 Zeile)");
    expect(messageText(issue("vendor.unknown_charge_type", { value: "X", count: 2 }), "en")).toContain("(2 rows)");
    expect(messageText(issue("sepa.report.no_mandate", { invoice: "RE-1", customer: "K1", amount: "10.50" }), "de")).toBe("RE-1 (Kunde K1, 10,50): kein Lastschriftmandat hinterlegt.");
    // what the user typed stays as typed
    expect(messageText(issue("parse.invalid_month", { value: "2026-11.5" }), "de")).toContain("„2026-11.5“");
  });

  it("fills a placeholder that occurs twice and numeric params, including 0", () => {
    const text = { de: "{n} und {n}", en: "{n} and {n}" };
    MESSAGES["test.twice"] = text;
    try {
      expect(messageText(issue("test.twice", { n: 0 }))).toBe("0 and 0");
    } finally {
      delete MESSAGES["test.twice"];
    }
  });

  it("leaves a missing param visible as its placeholder", () => {
    expect(messageText(issue("parse.invalid_number"))).toBe('"{value}" is not a valid number.');
  });

  it("does not interpret $ patterns in values", () => {
    expect(messageText(issue("parse.invalid_number", { value: "$& $1 $$" }))).toBe('"$& $1 $$" is not a valid number.');
  });

  it("falls back to the code and params for an unknown code", () => {
    expect(messageText(issue("no.such_code", { a: 1, b: "x" }))).toBe('no.such_code {"a":1,"b":"x"}');
  });

  it("renders every message without leftover placeholders when all params are given", () => {
    for (const [code, text] of entries) {
      const params = Object.fromEntries([...placeholders(text.de)].map((p) => [p!, `<${p}>`]));
      for (const lang of ["de", "en"] as const) {
        expect(messageText(issue(code, params), lang)).not.toMatch(/\{\w+(\|[^}]*)?\}/);
      }
    }
  });
});

describe("locationText and formatIssue", () => {
  const base: Issue = issue("parse.required");

  it("is empty without a location", () => {
    expect(locationText(base)).toBe("");
    expect(formatIssue(base)).toBe("Required value is empty.");
    expect(formatIssue(base, "de")).toBe("Pflichtfeld ist leer.");
  });

  it("names source, row and column", () => {
    const i = issue("parse.required", {}, { source: "contracts.csv", row: 14, column: "valid_from" });
    expect(locationText(i)).toBe('contracts.csv, row 14, column "valid_from"');
    expect(locationText(i, "de")).toBe("contracts.csv, Zeile 14, Spalte „valid_from“");
    expect(formatIssue(i)).toBe('contracts.csv, row 14, column "valid_from": Required value is empty.');
  });

  it("prefers the cell reference", () => {
    const i = issue("parse.required", {}, { source: "x", row: 3, column: "G", cell: "Abgleich 2026-10!G14" });
    expect(locationText(i)).toBe("Abgleich 2026-10!G14");
    expect(formatIssue(i, "de")).toBe("Abgleich 2026-10!G14: Pflichtfeld ist leer.");
  });

  it("shows row 0 and partial locations", () => {
    expect(locationText(issue("x", {}, { row: 0 }))).toBe("row 0");
    expect(locationText(issue("x", {}, { column: "A" }), "de")).toBe("Spalte „A“");
    expect(locationText(issue("x", {}, {}))).toBe("");
  });
});
