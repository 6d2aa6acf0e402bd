import { validateRules } from "../../src/core/time/parse-rules";
import { issue } from "../../src/core/issues";
import { profileEditorStrings } from "../../src/taskpane/reconcile/profile-editor-strings";
import { companyFieldOf, companyFormOf, companyJsonOf } from "../../src/taskpane/settings/company-form";
import { datevFormOf, datevJsonOf } from "../../src/taskpane/settings/datev-form";
import { decimalInput, defaultsFormOf, rulesFieldOf, rulesWithContract, rulesWithDefaults, contractFormOf } from "../../src/taskpane/settings/rules-form";
import { settingsStrings } from "../../src/taskpane/settings/settings-strings";
import type { Rules } from "../../src/core/time/rules";

/** Every leaf of a catalogue: its path and whether it is a string or function. */
function shape(o: unknown, path = ""): string[] {
  if (typeof o === "function") return [`${path}()`];
  if (o === null || typeof o !== "object") return [path];
  return Object.entries(o).flatMap(([k, v]) => shape(v, `${path}.${k}`));
}

describe("the settings forms' translation between typed text and the JSON documents", () => {
  it("German and English strings have the same keys", () => {
    expect(shape(settingsStrings.de)).toEqual(shape(settingsStrings.en));
    expect(shape(profileEditorStrings.de)).toEqual(shape(profileEditorStrings.en));
  });

  it("decimals as typed: German commas and thousands points, English commas; anything else passes to the validator unchanged", () => {
    expect(decimalInput("1.234,50", "de")).toBe("1234.50");
    expect(decimalInput("87,4", "de")).toBe("87.4");
    expect(decimalInput("25", "de")).toBe("25");
    expect(decimalInput("0.012", "de")).toBe("0.012");
    expect(decimalInput("1,234.5", "en")).toBe("1234.5");
    expect(decimalInput("zehn", "de")).toBe("zehn");
  });

  it("stored settings shown in a form and saved unchanged give the same document (round trip)", () => {
    const company = { name: "Muster IT GmbH", address: "Hauptstraße 1\n80331 München", vatId: "DE123456789", iban: "DE89370400440532013000", footer: "HRB 1\nGF: A. Muster" };
    expect(companyJsonOf(companyFormOf(company))).toEqual(company);
    const datev = { consultantNo: 1234567, clientNo: 10001, fiscalYearStart: "07-01", accountLength: 5, chart: "SKR04" as const, revenueAccounts: { "0": "43360", "16": "44000" }, defaultDebtor: "10000", label: "Ausgang" };
    expect(datevJsonOf(datevFormOf(datev, "de"))).toEqual({ ...datev, consultantNo: "1234567", clientNo: "10001", accountLength: "5" });
    const rules: Rules = {
      defaults: { unitMinutes: 15, rounding: "entry", holidayRegion: "BY", activities: { remote: { articleNo: "SUP-R", pricePerHour: "87.4" } }, surcharges: [{ label: "Nacht", days: ["sat", "holiday"], from: "22:00", to: "06:00", pct: "50" }], poolsCoverSurcharged: true, holidaysOff: ["REFORMATIONSTAG"] },
      contracts: { "V-1": { includedHoursPerMonth: "2", contingent: { monthlyHours: "1.5", credits: [{ date: "2026-01-01", hours: "-3" }] }, click: { includedBw: 10, includedColor: 0, priceBw: "0.01", priceColor: "0.1", articleBw: "A", articleColor: "B" } } },
    };
    for (const lang of ["de", "en"] as const) {
      const a = validateRules(rulesWithDefaults(rules, defaultsFormOf(rules, lang), lang), "x");
      expect(a).toEqual({ ok: true, value: rules });
      const b = validateRules(rulesWithContract(rules, "V-1", contractFormOf(rules, "V-1", lang), lang), "x");
      expect(b).toEqual({ ok: true, value: rules });
    }
  });

  it("surcharge days keep their stored order (a form saved unchanged stores the same); issues skip the empty rows the form leaves out", () => {
    const rules: Rules = { defaults: { surcharges: [{ label: "WE", days: ["sun", "sat", "holiday"], pct: "50" }] }, contracts: {} };
    const saved = validateRules(rulesWithDefaults(rules, defaultsFormOf(rules, "de"), "de"), "x");
    expect(saved.ok && saved.value.defaults.surcharges).toEqual(rules.defaults.surcharges);
    const blankRow = { label: "", days: [], from: "", to: "", pct: "" };
    const form = { kind: "defaults" as const, activities: [], surcharges: [blankRow, { ...blankRow, pct: "x" }] };
    expect(rulesFieldOf(issue("rules.field_invalid", { path: "defaults.surcharges[0].pct" }), form)).toBe("surcharges.1.pct");
  });

  it("a contract whose last rule the form clears leaves the document; one stored empty stays when saved unchanged", () => {
    const rules: Rules = { defaults: {}, contracts: { "V-1": { includedHoursPerMonth: "2" } } };
    expect(rulesWithContract(rules, "V-1", { includedHoursPerMonth: "", monthlyHours: "", credits: [], click: null }, "de")).toEqual({ defaults: {}, contracts: {} });
    const empty: Rules = { defaults: {}, contracts: { "V-1": {} } };
    expect(rulesWithContract(empty, "V-1", contractFormOf(empty, "V-1", "de"), "de")).toEqual(empty);
  });

  it("issues find their field: company tax id, rules paths by form row", () => {
    expect(companyFieldOf(issue("company.tax_id_required"))).toBe("taxNumber");
    const acts = [{ name: "onsite", articleNo: "", pricePerHour: "" }, { name: "", articleNo: "X", pricePerHour: "" }];
    const at = (path: string) => rulesFieldOf(issue("rules.field_invalid", { path }), { kind: "defaults", activities: acts });
    expect(at("defaults.activities.onsite.pricePerHour")).toBe("activities.0.pricePerHour");
    expect(at("defaults.activities.")).toBe("activities.1.name");
    expect(at("defaults.surcharges[2].days[0]")).toBe("surcharges.2.days");
    expect(at("defaults.unitMinutes")).toBe("unitMinutes");
    expect(at("contracts.V-1.unitMinutes")).toBeNull();
    const ct = (path: string) => rulesFieldOf(issue("rules.field_invalid", { path }), { kind: "contract", contractNo: "V-1" });
    expect(ct("contracts.V-1.contingent.credits[1].hours")).toBe("credits.1.hours");
    expect(ct("contracts.V-1.click.priceBw")).toBe("click.priceBw");
    expect(ct("contracts.V-1.includedHoursPerMonth")).toBe("includedHoursPerMonth");
  });

  it("the rules validator refuses an activity without a name (a form row left without one)", () => {
    const r = validateRules({ defaults: { activities: { "": { articleNo: "X" } } } }, "form");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.params).toMatchObject({ path: "defaults.activities." });
  });
});
