import fc from "fast-check";
import { issue } from "../../src/core/issues";
import { HOLIDAY_NAMES } from "../../src/core/time/holidays";
import { validateRules } from "../../src/core/time/parse-rules";
import type { ContractRules, Rules } from "../../src/core/time/rules";
import { contractExtrasFieldOf, contractExtrasFormOf, ownListFromDefaults, rulesWithContractExtras, type ContractExtrasForm } from "../../src/taskpane/settings/contract-extras-form";
import { contractExtrasStrings } from "../../src/taskpane/settings/contract-extras-strings";

function shape(o: unknown, path = ""): string[] {
  if (typeof o === "function") return [`${path}()`];
  if (o === null || typeof o !== "object") return [path];
  return Object.entries(o).flatMap(([k, v]) => shape(v, `${path}.${k}`));
}

const name = fc.stringMatching(/^[A-Za-z0-9äöüß][A-Za-z0-9äöüß _-]{0,11}[A-Za-z0-9]$/);
const decimal = fc.tuple(fc.integer({ min: 0, max: 999 }), fc.option(fc.stringMatching(/^\d{1,3}$/), { nil: undefined })).map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`));
const monthDay = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const isoDay = fc.tuple(fc.integer({ min: 2000, max: 2099 }), monthDay).map(([y, md]) => `${y}-${md}`);
const clock = (max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.constantFrom("00", "30")).map(([h, m]) => (h === 24 ? "24:00" : `${String(h).padStart(2, "0")}:${m}`));
const window = fc.tuple(clock(23), clock(24)).filter(([a, b]) => a !== b && !(a === "00:00" && b === "24:00"));
// days in any order (the stored order is kept), at least one
const days = fc.shuffledSubarray(["mon", "tue", "wed", "thu", "fri", "sat", "sun", "holiday"], { minLength: 1 });
const surcharge = fc
  .tuple(fc.option(name, { nil: undefined }), days, fc.option(window, { nil: undefined }), decimal)
  .map(([label, d, w, pct]) => ({ ...(label !== undefined ? { label } : {}), days: d, ...(w ? { from: w[0], to: w[1] } : {}), pct }));
const flatFee = fc.record(
  { label: name, activities: fc.array(name, { minLength: 1, maxLength: 3 }), per: fc.constantFrom("day", "technician_day", "entry"), articleNo: name, price: decimal },
  { requiredKeys: ["label", "activities", "per", "articleNo"] },
);
/** What the form owns of a contract (each list may be stored empty) … */
const lists = fc.record(
  {
    surcharges: fc.array(surcharge, { maxLength: 3 }),
    poolsCoverSurcharged: fc.boolean(),
    flatFees: fc.array(flatFee, { maxLength: 2 }),
    extraHolidays: fc.array(fc.oneof(monthDay, isoDay), { maxLength: 3 }),
    holidaysOff: fc.shuffledSubarray([...HOLIDAY_NAMES], { maxLength: 4 }),
  },
  { requiredKeys: [] },
);
/** … and what it must keep as stored. */
const others = fc.record(
  { unitMinutes: fc.constantFrom(15, 30), includedHoursPerMonth: fc.constantFrom("2", "10"), holidayRegion: fc.constantFrom("BY", "NW", "BE"), activities: fc.dictionary(name, fc.record({ articleNo: name }), { maxKeys: 2 }) },
  { requiredKeys: [] },
);
const contract = fc.tuple(lists, others).map(([l, o]) => ({ ...o, ...l }));
const doc = fc.record({
  defaults: fc.record({ surcharges: fc.array(surcharge, { maxLength: 2 }), flatFees: fc.array(flatFee, { maxLength: 2 }), extraHolidays: fc.array(monthDay, { maxLength: 2 }), holidaysOff: fc.shuffledSubarray([...HOLIDAY_NAMES], { maxLength: 2 }) }, { requiredKeys: [] }),
  contracts: fc.record({ "V-1": contract, "V-2": contract }, { requiredKeys: [] }),
});
const lang = fc.constantFrom("de" as const, "en" as const);

function stored(d: unknown): Rules {
  const r = validateRules(d, "gen");
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const OWNED = ["surcharges", "poolsCoverSurcharged", "flatFees", "extraHolidays", "holidaysOff"] as const;
const withoutOwned = (c: ContractRules | undefined): Record<string, unknown> => Object.fromEntries(Object.entries(c ?? {}).filter(([k]) => !(OWNED as readonly string[]).includes(k)));
const onlyOwned = (c: ContractRules | undefined): Record<string, unknown> => Object.fromEntries(Object.entries(c ?? {}).filter(([k]) => (OWNED as readonly string[]).includes(k)));

describe("a contract's own surcharges, flat fees and holidays: typed text ⇄ rules document", () => {
  it("German and English strings have the same keys", () => {
    expect(shape(contractExtrasStrings.de)).toEqual(shape(contractExtrasStrings.en));
  });

  it("stored rules shown in the form and saved unchanged give the same rules (property, de and en)", () => {
    fc.assert(
      fc.property(doc, lang, fc.constantFrom("V-1", "V-2", "V-3"), (d, l, no) => {
        const rules = stored(d);
        expect(stored(rulesWithContractExtras(rules, no, contractExtrasFormOf(rules, no, l), l))).toEqual(rules);
      }),
      { numRuns: 300 },
    );
  });

  it("the form set to another contract's lists stores exactly those; the contract's other rules, the defaults and other contracts stay (property)", () => {
    fc.assert(
      fc.property(doc, doc, lang, (a, b, l) => {
        const before = stored(a);
        const source = stored(b);
        const after = stored(rulesWithContractExtras(before, "V-1", contractExtrasFormOf(source, "V-1", l), l));
        expect(after.defaults).toEqual(before.defaults);
        expect(after.contracts["V-2"]).toEqual(before.contracts["V-2"]);
        const entry = { ...withoutOwned(before.contracts["V-1"]), ...onlyOwned(source.contracts["V-1"]) };
        const keptEmpty = before.contracts["V-1"] !== undefined && Object.keys(before.contracts["V-1"]).length === 0;
        expect(after.contracts["V-1"]).toEqual(Object.keys(entry).length > 0 || keptEmpty ? entry : undefined);
      }),
      { numRuns: 300 },
    );
  });

  it("an entry stored empty survives an unchanged save; an own list left empty is stored empty (none for this contract)", () => {
    const empty = stored({ defaults: { surcharges: [{ label: "WE", days: ["sat"], pct: "50" }] }, contracts: { "V-1": {} } });
    expect(stored(rulesWithContractExtras(empty, "V-1", contractExtrasFormOf(empty, "V-1", "de"), "de"))).toEqual(empty);
    const none: ContractExtrasForm = { surcharges: [], poolsCoverSurcharged: "", flatFees: null, extraHolidays: [], holidaysOff: null };
    expect(rulesWithContractExtras(empty, "V-1", none, "de")).toEqual({ defaults: empty.defaults, contracts: { "V-1": { surcharges: [], extraHolidays: [] } } });
    // back to "as default" everywhere: the contract entry (now holding nothing else) goes
    const lists = stored({ defaults: {}, contracts: { "V-1": { surcharges: [], flatFees: [] } } });
    const asDefault: ContractExtrasForm = { surcharges: null, poolsCoverSurcharged: "", flatFees: null, extraHolidays: null, holidaysOff: null };
    expect(rulesWithContractExtras(lists, "V-1", asDefault, "de")).toEqual({ defaults: {}, contracts: {} });
  });

  it("typed German: decimals, days and holidays become the JSON's forms; empty rows are none", () => {
    const rules = stored({ defaults: {}, contracts: { "V-1": { unitMinutes: 30 } } });
    const form: ContractExtrasForm = {
      surcharges: [
        { label: "Nacht", days: ["fri", "mon"], from: "22:00", to: "06:00", pct: "37,5" },
        { label: "", days: [], from: "", to: "", pct: "" },
      ],
      poolsCoverSurcharged: "no",
      flatFees: [{ label: "Anfahrt", activities: "vor-ort; remote", per: "technician_day", articleNo: "AF", price: "1.234,50" }],
      extraHolidays: ["24.12.", "", "31.12.2026"],
      holidaysOff: ["FRONLEICHNAM"],
    };
    expect(stored(rulesWithContractExtras(rules, "V-1", form, "de")).contracts["V-1"]).toEqual({
      unitMinutes: 30,
      surcharges: [{ label: "Nacht", days: ["fri", "mon"], from: "22:00", to: "06:00", pct: "37.5" }],
      poolsCoverSurcharged: false,
      flatFees: [{ label: "Anfahrt", activities: ["vor-ort", "remote"], per: "technician_day", articleNo: "AF", price: "1234.5" }],
      extraHolidays: ["12-24", "2026-12-31"],
      holidaysOff: ["FRONLEICHNAM"],
    });
  });

  it("an own list starts as a copy of the company's", () => {
    const rules = stored({ defaults: { surcharges: [{ label: "WE", days: ["sat", "sun"], pct: "50.5" }], extraHolidays: ["12-24"], holidaysOff: ["FRONLEICHNAM"] }, contracts: {} });
    expect(ownListFromDefaults(rules, "surcharges", "de")).toEqual([{ label: "WE", days: ["sat", "sun"], from: "", to: "", pct: "50,5" }]);
    expect(ownListFromDefaults(rules, "extraHolidays", "de")).toEqual(["24.12."]);
    expect(ownListFromDefaults(rules, "holidaysOff", "de")).toEqual(["FRONLEICHNAM"]);
    expect(ownListFromDefaults(rules, "flatFees", "de")).toEqual([]);
  });

  it("issues find their form row, counting the empty rows the form leaves out; other contracts' issues are not the form's", () => {
    const blankSurcharge = { label: "", days: [], from: "", to: "", pct: "" };
    const form: ContractExtrasForm = {
      surcharges: [blankSurcharge, { ...blankSurcharge, pct: "x" }],
      poolsCoverSurcharged: "",
      flatFees: [{ label: "", activities: "", per: "day", articleNo: "", price: "" }, { label: "A", activities: "", per: "day", articleNo: "", price: "" }],
      extraHolidays: ["", "x"],
      holidaysOff: [],
    };
    const at = (path: string, value?: string) => contractExtrasFieldOf(issue("rules.field_invalid", { path, ...(value ? { value } : {}) }), "V-1", form);
    expect(at("contracts.V-1.surcharges[0].pct")).toBe("surcharges.1.pct");
    expect(at("contracts.V-1.surcharges[0].days[2]")).toBe("surcharges.1.days");
    expect(at("contracts.V-1.surcharges[0]", "from/to")).toBe("surcharges.1.to");
    expect(at("contracts.V-1.flatFees[0].articleNo")).toBe("flatFees.1.articleNo");
    expect(at("contracts.V-1.flatFees[0]")).toBe("flatFees.1.activities");
    expect(at("contracts.V-1.extraHolidays[0]")).toBe("extra.1");
    expect(at("contracts.V-1.holidaysOff[3]")).toBe("off");
    expect(at("contracts.V-1.poolsCoverSurcharged")).toBe("poolsCoverSurcharged");
    expect(at("contracts.V-1.unitMinutes")).toBeNull();
    expect(at("contracts.V-10.surcharges[0].pct")).toBeNull();
    expect(at("defaults.surcharges[0].pct")).toBeNull();
  });
});
