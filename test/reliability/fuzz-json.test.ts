/**
 * Issue 16: every JSON reader, through the use case that saves what it reads: vendor profiles
 * (`profile add`/import), time rules, time profiles, usage rules, SEPA creditor settings, the export
 * settings file (DATEV, company, export profiles) and export profile import; and the vendor reader's
 * JSON records (Partner Center API v2). Inputs: random text, random JSON values, valid documents
 * with a value replaced, textual damage, deep nesting (also inside a field) and oversized text.
 * Asserted: no exception escapes, a refusal is a message (never a stack overflow's or a parser's
 * internal text alone) and leaves the store exactly as it was (a backup dump before and after).
 */
import fc from "fast-check";
import type { AppContext } from "../../src/app/context";
import { importExportProfiles } from "../../src/app/export-invoices";
import { saveExportSettingsFile } from "../../src/app/export-settings-file";
import { saveProfilesFromJson } from "../../src/app/profiles";
import { setSepaSettings } from "../../src/app/sepa-settings";
import { saveTimeProfiles, setRules } from "../../src/app/time";
import { setUsageRules } from "../../src/app/usage";
import type { Issue, Result } from "../../src/core/issues";
import { formatIssue } from "../../src/core/messages";
import { JSON_MAX_CHARS, JSON_MAX_DEPTH } from "../../src/io/json-text";
import { EXAMPLE_USER_PROFILES } from "../../src/io/vendor/profiles/ingram-rde-short.example";
import { readVendorCsv } from "../../src/io/vendor/read-vendor";
import { exportProfiles } from "../../src/io/vendor/user-profile";
import { TIME_RULES } from "../app/time-fixtures";
import { USAGE_RULES } from "../app/usage-fixtures";
import { SEPA_JSON } from "../app/sepa/sepa-fixtures";
import { storeState } from "../support/fail-injection";
import { testContext } from "../support/fixtures";
import { COMPANY, DATEV, EXPORT_PROFILE, TIME_PROFILE_JSON, seedTimeMaster } from "./use-cases";
import { NASTY } from "./fuzz-support";

type Save = (ctx: AppContext, text: string) => Promise<Result<unknown>>;

const READERS: [string, Save, string][] = [
  ["vendor profiles (profile add)", (c, t) => saveProfilesFromJson(c, t), exportProfiles(EXAMPLE_USER_PROFILES)],
  ["time rules", (c, t) => setRules(c, t, "rules.json"), TIME_RULES],
  ["time profiles", (c, t) => saveTimeProfiles(c, t), TIME_PROFILE_JSON],
  ["usage rules", (c, t) => setUsageRules(c, t, "usage-rules.json"), USAGE_RULES],
  ["SEPA creditor settings", (c, t) => setSepaSettings(c, t), SEPA_JSON],
  ["export settings file", (c, t) => saveExportSettingsFile(c, "settings.json", t), JSON.stringify({ datev: DATEV, company: COMPANY, profiles: [EXPORT_PROFILE] })],
  ["export profile import", (c, t) => importExportProfiles(c, t), JSON.stringify([EXPORT_PROFILE])],
];

/** Texts of internal errors that must never be all a user reads. */
const INTERNAL = /Maximum call stack|RangeError|TypeError|Cannot read propert|is not a function|\bat Object\.|undefined is not/;
/** A message template's placeholder left unfilled ("{field}"). */
const UNFILLED = /\{[a-z]+\}/;

function checkRefusal(issues: readonly Issue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    const text = formatIssue(i);
    expect(text).not.toMatch(INTERNAL);
    // The input quoted back may hold "{a}" itself (a JSON key): look for placeholders outside the values.
    const values = Object.values(i.params).map(String).filter((v) => v !== "").sort((a, b) => b.length - a.length);
    expect(values.reduce((rest, v) => rest.split(v).join(""), text)).not.toMatch(UNFILLED);
  }
}

/** A JSON value with one node (reached by the path of indexes) replaced. */
function replaceAt(value: unknown, path: readonly number[], by: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== "object") return by;
  const [k, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return by;
    const i = k! % value.length;
    return value.map((v, j) => (j === i ? replaceAt(v, rest, by) : v));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return by;
  const key = keys[k! % keys.length]!;
  return { ...(value as Record<string, unknown>), [key]: replaceAt((value as Record<string, unknown>)[key], rest, by) };
}

const replacement = fc.oneof(fc.constantFrom<unknown>(...NASTY, null, 0, -1, 1e308, -0, true, [], {}, 1.5, "1".repeat(38), { __proto__: { x: 1 } }), fc.jsonValue({ maxDepth: 3 }));

function inputs(valid: string): fc.Arbitrary<string> {
  const doc = JSON.parse(valid) as unknown;
  return fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.json({ maxDepth: 5 }),
    fc.tuple(fc.array(fc.nat(), { maxLength: 5 }), replacement).map(([path, by]) => JSON.stringify(replaceAt(doc, path, by))),
    fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('"', "{", "}", "[", "]", ",", ":", "\\", "\u0000", "\uFEFF", "1e999", "-")).map(([a, b, ins]) => {
      const cut = a % (valid.length + 1);
      const at = b % (cut + 1);
      return valid.slice(0, at) + ins + valid.slice(at, cut);
    }),
    // Deep nesting: the whole document, or inside a field of a valid one.
    fc.tuple(fc.integer({ min: JSON_MAX_DEPTH - 2, max: 200_000 }), fc.constantFrom("[", '{"a":'), fc.boolean()).map(([n, open, inField]) => {
      const deep = open.repeat(n) + (open === "[" ? "" : "1") + (open === "[" ? "]" : "}").repeat(n);
      return inField ? valid.replace(/^\s*\{/, `{"x":${deep},`) : deep;
    }),
  );
}

/** Inputs tried per reader (the report of issue 16 lists them). */
const RUNS = 50;

describe.each(READERS)("%s", (_name, save, valid) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = await testContext();
    await seedTimeMaster(ctx);
  });
  afterAll(() => ctx.store.close());

  it("reads the valid document (the fuzzer starts from something real)", async () => {
    const r = await save(ctx, valid);
    expect(r.ok ? [] : r.issues.map((i) => formatIssue(i))).toEqual([]);
  });

  it(`random, damaged and deeply nested text: a message and no store change, or saved (${RUNS} inputs)`, async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(inputs(valid), async (text) => {
        const before = await storeState(ctx);
        const r = await save(ctx, text);
        if (!r.ok) {
          refused++;
          checkRefusal(r.issues);
          expect(await storeState(ctx)).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
    expect(refused).toBeGreaterThan(RUNS / 2);
  });

  it("oversized text is refused before parsing, the store unchanged", async () => {
    const before = await storeState(ctx);
    const r = await save(ctx, `{"x":"${"a".repeat(JSON_MAX_CHARS)}"}`);
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["json.too_large"]);
    expect(await storeState(ctx)).toBe(before);
  });
});

describe("vendor JSON records (Partner Center API v2)", () => {
  it.each([
    ["a list nested 100,000 deep", "[" + "[".repeat(100_000) + "]".repeat(100_000) + "]", 1],
    ["an object nested 100,000 deep", '[{"a":' + '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000) + "}]", 1],
    ["JSON Lines with one deep line", '{"a":1}\n{"b":' + "[".repeat(100_000) + "]".repeat(100_000) + "}\n", 2],
  ])("%s is a message naming the line, not the parser's stack overflow", (_, text, line) => {
    const r = readVendorCsv(new TextEncoder().encode(text), { fileName: "deep.json" });
    expect(r.issues.map((i) => formatIssue(i))).toEqual([`deep.json, row ${line}: The JSON file nests deeper than 64 levels in line ${line}; billing records need far fewer. Nothing is read.`]);
  });

  it("random JSON values and damaged records never throw, and every issue names the file", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 8 }), fc.array(fc.json({ maxDepth: 4 }), { maxLength: 20 }).map((xs) => xs.join("\n"))), (text) => {
        const r = readVendorCsv(new TextEncoder().encode(text), { fileName: "fuzz.json" });
        for (const i of r.issues) {
          expect(i.where?.source).toBe("fuzz.json");
          expect(formatIssue(i)).not.toMatch(INTERNAL);
        }
      }),
      { numRuns: 200 },
    );
  });
});
