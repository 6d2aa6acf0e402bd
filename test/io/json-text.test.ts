import fc from "fast-check";
import { formatIssue } from "../../src/core/messages";
import { JSON_MAX_DEPTH, depthExceededAt, parseJsonText } from "../../src/io/json-text";

const read = (text: string, extra: Partial<Parameters<typeof parseJsonText>[1]> = {}) => parseJsonText(text, { invalidCode: "profile.invalid_json", ...extra });

describe("parseJsonText", () => {
  it("drops a byte order mark", () => {
    expect(read('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it("refuses a text nested deeper than the limit before parsing, with the place", () => {
    const ok = "[".repeat(JSON_MAX_DEPTH) + "]".repeat(JSON_MAX_DEPTH);
    expect(read(ok).ok).toBe(true);
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const r = read(deep, { where: { source: "p.json" } });
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual([
      `p.json: The JSON file nests deeper than ${JSON_MAX_DEPTH} levels (at character ${JSON_MAX_DEPTH + 1}); settings and profiles need far fewer. Nothing is read.`,
    ]);
  });

  it("does not count brackets inside strings, also after escaped quotes", () => {
    const text = JSON.stringify({ a: "[".repeat(1000) + '\\"{{{' + "{".repeat(1000) });
    expect(depthExceededAt(text, 2)).toBe(-1);
    expect(read(text).ok).toBe(true);
  });

  it("refuses a text over the size limit", () => {
    const r = read('"' + "x".repeat(100) + '"', { maxChars: 50 });
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual(["The JSON file is too large (102 characters; at most 50); nothing is read."]);
  });

  it("reports a syntax error with the caller's code and parameters", () => {
    const r = parseJsonText("{", { invalidCode: "export.settings_invalid_json", params: { file: "s.json" }, where: { source: "s.json" } });
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.file, i.where?.source])).toEqual([["export.settings_invalid_json", "s.json", "s.json"]]);
  });

  it("never throws, and agrees with JSON.parse on every text within the bounds", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ depthSize: "large" }), fc.string(), fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1))), (text) => {
        const r = read(text);
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          expect(r.ok).toBe(false);
          return;
        }
        if (depthExceededAt(text, JSON_MAX_DEPTH) < 0) expect(r).toEqual({ ok: true, value: expected });
      }),
      { numRuns: 1000 },
    );
  });
});
