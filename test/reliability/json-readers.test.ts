/**
 * Issue 16, item 3: the six JSON readers (time rules, vendor profiles, export profiles, DATEV
 * settings, company settings, time profiles) and the combined export-settings file share one
 * bounded reader: deep nesting and oversized text are messages, never a stack overflow; a BOM is
 * read everywhere.
 */
import { saveExportSettingsFile } from "../../src/app/export-settings-file";
import type { Result } from "../../src/core/issues";
import { formatIssue } from "../../src/core/messages";
import { importProfilesJson } from "../../src/io/export/custom-csv/profile";
import { parseDatevConfig } from "../../src/io/export/datev/config";
import { parseCompanyInfo } from "../../src/io/export/documents/company";
import { JSON_MAX_CHARS, JSON_MAX_DEPTH } from "../../src/io/json-text";
import { parseTimeProfiles } from "../../src/io/time/profile";
import { GENERIC_TIME_PROFILE } from "../../src/io/time/profiles/builtin";
import { parseRules } from "../../src/io/time/rules-json";
import { EXAMPLE_USER_PROFILES } from "../../src/io/vendor/profiles/ingram-rde-short.example";
import { exportProfiles, importProfiles } from "../../src/io/vendor/user-profile";
import { testContext } from "../support/fixtures";

const READERS: [string, (text: string) => Result<unknown>, string][] = [
  ["time rules", (t) => parseRules(t, "rules.json"), JSON.stringify({ defaults: { unitMinutes: 15 } })],
  ["vendor profiles", (t) => importProfiles(t), exportProfiles(EXAMPLE_USER_PROFILES)],
  [
    "export profiles",
    importProfilesJson,
    JSON.stringify({ id: "p", version: 1, name: "p", delimiter: ";", decimal: ",", dateFormat: "DD.MM.YYYY", encoding: "utf-8", level: "invoice", columns: [{ source: "invoice_ref", header: "Beleg" }] }),
  ],
  ["DATEV settings", parseDatevConfig, JSON.stringify({ consultantNo: 1001, clientNo: 1, fiscalYearStart: "01-01", accountLength: 4, chart: "SKR03" })],
  ["company settings", parseCompanyInfo, JSON.stringify({ name: "Muster IT GmbH", address: "Hauptstr. 1, 80331 München", taxNumber: "143/123/12345" })],
  ["time profiles", (t) => parseTimeProfiles(t, new Set()), JSON.stringify({ ...GENERIC_TIME_PROFILE, id: "mein-ticketsystem", name: "Mein Ticketsystem" })],
];

const deepArray = (n: number) => "[".repeat(n) + "]".repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);

describe.each(READERS)("%s", (_name, read, valid) => {
  it("reads a valid document, also with a byte order mark", () => {
    expect(read(valid).ok).toBe(true);
    expect(read("\uFEFF" + valid).ok).toBe(true);
  });

  it("refuses deep nesting with a message (whole document, or inside a field), never a stack overflow", () => {
    const inField = valid.replace(/^\{/, `{"x":${deepArray(100_000)},`);
    for (const text of [deepArray(200_000), deepObject(200_000), inField, `[${deepObject(JSON_MAX_DEPTH + 5)}]`]) {
      const r = read(text); // a throw fails the test
      expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["json.too_deep"]);
      expect(!r.ok && formatIssue(r.issues[0]!)).toMatch(/nests deeper than 64 levels/);
    }
  });

  it("refuses an oversized text before parsing it", () => {
    const r = read(`{"x":"${"a".repeat(JSON_MAX_CHARS)}"}`);
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["json.too_large"]);
  });
});

describe("the combined export-settings file", () => {
  it("uses the same bounds and names the file; a BOM is fine", async () => {
    const ctx = await testContext();
    const deep = await saveExportSettingsFile(ctx, "settings.json", deepArray(100_000));
    expect(!deep.ok && deep.issues.map((i) => formatIssue(i))).toEqual([
      "settings.json: The JSON file nests deeper than 64 levels (at character 65); settings and profiles need far fewer. Nothing is read.",
    ]);
    const bom = await saveExportSettingsFile(ctx, "datev.json", "\uFEFF" + READERS[3]![2]);
    expect(bom.ok).toBe(true);
  });
});
