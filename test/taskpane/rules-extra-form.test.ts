import fc from "fast-check";
import { issue } from "../../src/core/issues";
import { HOLIDAY_NAMES, HOLIDAY_REGIONS } from "../../src/core/time/holidays";
import { validateRules } from "../../src/core/time/parse-rules";
import type { Rules } from "../../src/core/time/rules";
import { extraFormsStrings } from "../../src/taskpane/settings/extra-forms-strings";
import {
  duplicateActivityRows,
  extraFieldOf,
  flatFeeRowsOf,
  holidayInput,
  holidayText,
  holidaysFormOf,
  overridesFormOf,
  rulesWithFlatFees,
  rulesWithHolidays,
  rulesWithOverrides,
} from "../../src/taskpane/settings/rules-extra-form";

function shape(o: unknown, path = ""): string[] {
  if (typeof o === "function") return [`${path}()`];
  if (o === null || typeof o !== "object") return [path];
  return Object.entries(o).flatMap(([k, v]) => shape(v, `${path}.${k}`));
}

const name = fc.stringMatching(/^[A-Za-z0-9äöüß][A-Za-z0-9äöüß _-]{0,11}[A-Za-z0-9]$/);
const decimal = fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.option(fc.stringMatching(/^\d{1,3}$/), { nil: undefined })).map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`));
const monthDay = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const isoDay = fc.tuple(fc.integer({ min: 2000, max: 2099 }), monthDay).map(([y, md]) => `${y}-${md}`);
const flatFee = fc.record(
  { label: name, activities: fc.array(name, { minLength: 1, maxLength: 3 }), per: fc.constantFrom("day", "technician_day", "entry"), articleNo: name, price: decimal },
  { requiredKeys: ["label", "activities", "per", "articleNo"] },
);
const activities = fc.dictionary(name, fc.record({ articleNo: name, pricePerHour: decimal }, { requiredKeys: ["articleNo"] }), { maxKeys: 3 });
const overrides = fc.record(
  { unitMinutes: fc.integer({ min: 1, max: 1440 }), rounding: fc.constantFrom("entry", "ticket_day"), holidayRegion: fc.constantFrom(...HOLIDAY_REGIONS), activities, defaultActivity: name },
  { requiredKeys: [] },
);
const doc = fc.record({
  defaults: fc.record(
    {
      flatFees: fc.array(flatFee, { maxLength: 3 }),
      extraHolidays: fc.array(fc.oneof(monthDay, isoDay), { maxLength: 4 }),
      holidaysOff: fc.shuffledSubarray([...HOLIDAY_NAMES]),
      unitMinutes: fc.constantFrom(5, 15),
    },
    { requiredKeys: [] },
  ),
  contracts: fc.record({ "V-1": overrides }, { requiredKeys: [] }),
});

/** The rules a JSON upload of a generated document stores (normalised by the validator). */
function stored(d: unknown): Rules {
  const r = validateRules(d, "gen");
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("flat fee, holiday and override forms: typed text ⇄ rules document", () => {
  it("German and English strings have the same keys", () => {
    expect(shape(extraFormsStrings.de)).toEqual(shape(extraFormsStrings.en));
  });

  it("holidays as typed: German days with and without year, ISO as typed; non-days pass to the validator", () => {
    expect(holidayInput("24.12.")).toBe("12-24");
    expect(holidayInput("1.3.")).toBe("03-01");
    expect(holidayInput("29.02.")).toBe("02-29");
    expect(holidayInput("31.12.2026")).toBe("2026-12-31");
    expect(holidayInput(" 12-24 ")).toBe("12-24");
    expect(holidayInput("31.02.")).toBe("31.02.");
    expect(holidayInput("29.02.2026")).toBe("29.02.2026");
    expect(holidayText("12-24", "de")).toBe("24.12.");
    expect(holidayText("2026-12-31", "de")).toBe("31.12.2026");
    expect(holidayText("2026-12-31", "en")).toBe("2026-12-31");
  });

  it("stored rules shown in each form and saved unchanged give the same rules (property, de and en)", () => {
    fc.assert(
      fc.property(doc, fc.constantFrom("de" as const, "en" as const), (d, lang) => {
        const rules = stored(d);
        expect(stored(rulesWithFlatFees(rules, flatFeeRowsOf(rules.defaults.flatFees, lang), lang))).toEqual(rules);
        expect(stored(rulesWithHolidays(rules, holidaysFormOf(rules, lang)))).toEqual(rules);
        expect(stored(rulesWithOverrides(rules, "V-1", overridesFormOf(rules, "V-1", lang), lang))).toEqual(rules);
      }),
      { numRuns: 200 },
    );
  });

  it("a contract entry stored empty stays when its override form is saved unchanged (found by the property, seed -1879154118)", () => {
    const rules = stored({ defaults: {}, contracts: { "V-1": {} } });
    expect(stored(rulesWithOverrides(rules, "V-1", overridesFormOf(rules, "V-1", "de"), "de"))).toEqual(rules);
  });

  it("holidays typed in German store what the ISO JSON stores (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(monthDay, isoDay), { maxLength: 5 }), (days) => {
        const typed = days.map((h) => holidayText(h, "de"));
        expect(rulesWithHolidays({ defaults: {}, contracts: {} }, { extra: typed, off: [] })).toEqual({ defaults: days.length > 0 ? { extraHolidays: days } : {}, contracts: {} });
      }),
    );
  });

  it("rows naming an activity a row above names are found (blank names are not)", () => {
    const row = (name: string) => ({ name, articleNo: "A", pricePerHour: "" });
    expect(duplicateActivityRows([row("a"), row(""), row(" a"), row("b"), row(""), row("a ")])).toEqual([2, 5]);
  });

  it("issues find their form row, counting the empty rows the form leaves out", () => {
    const rows = [
      { label: "A", activities: "x", per: "day", articleNo: "T", price: "" },
      { label: "", activities: "", per: "day", articleNo: "", price: "" },
      { label: "B", activities: "x", per: "day", articleNo: "", price: "" },
    ];
    const ff = (path: string) => extraFieldOf(issue("rules.field_invalid", { path }), { kind: "flatFees", rows });
    expect(ff("defaults.flatFees[1].articleNo")).toBe("flatFees.2.articleNo");
    expect(ff("defaults.flatFees[0].activities[1]")).toBe("flatFees.0.activities");
    expect(ff("defaults.activities.x")).toBeNull();
    const hd = (path: string) => extraFieldOf(issue("rules.field_invalid", { path }), { kind: "holidays", extra: ["", "x", "y"] });
    expect(hd("defaults.extraHolidays[1]")).toBe("extra.2");
    expect(hd("defaults.holidaysOff[0]")).toBe("off");
    const ov = (path: string) => extraFieldOf(issue("rules.field_invalid", { path }), { kind: "overrides", contractNo: "V-1", activities: [{ name: "onsite", articleNo: "", pricePerHour: "" }] });
    expect(ov("contracts.V-1.activities.onsite.articleNo")).toBe("activities.0.articleNo");
    expect(ov("contracts.V-1.unitMinutes")).toBe("unitMinutes");
    expect(ov("contracts.V-1.defaultActivity")).toBe("defaultActivity");
    expect(ov("contracts.V-1.includedHoursPerMonth")).toBeNull();
    expect(ov("contracts.V-2.unitMinutes")).toBeNull();
  });
});
