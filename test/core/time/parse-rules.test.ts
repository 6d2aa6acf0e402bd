import { parseRules } from "../../../src/io/time/rules-json";
import { effectiveTimeRules } from "../../../src/core/time/rules";
import { formatIssue } from "../../../src/core/messages";

const VALID = {
  defaults: {
    unitMinutes: 15,
    holidayRegion: "BY",
    extraHolidays: ["12-24", "12-31"],
    activities: { remote: { articleNo: "SUP-R", pricePerHour: "87.40" }, onsite: { articleNo: "SUP-O", pricePerHour: 110 } },
    defaultActivity: "remote",
    surcharges: [{ label: "Abend", days: ["mon", "tue", "wed", "thu", "fri"], from: "18:00", to: "22:00", pct: "25" }],
    flatFees: [{ label: "Anfahrt", activities: ["onsite"], per: "day", articleNo: "TRAVEL", price: "45.00" }],
  },
  contracts: {
    "V-100": { includedHoursPerMonth: "2", activities: { remote: { articleNo: "SUP-R", pricePerHour: "80" } } },
    "V-200": { unitMinutes: 10, contingent: { credits: [{ date: "2026-01-01", hours: "10" }], monthlyHours: "1" } },
    "K-300": { click: { includedBw: 1000, includedColor: 200, priceBw: "0.008", priceColor: "0.06", minimumFee: "25", articleBw: "CL-SW", articleColor: "CL-F", articleMinimum: "CL-MIN" } },
  },
};

describe("parseRules", () => {
  it("accepts the documented shape and normalises decimals; contract overrides merge over the defaults", () => {
    const r = parseRules(JSON.stringify(VALID), "rules.json");
    if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join("\n"));
    expect(r.value.defaults.activities!.onsite).toEqual({ articleNo: "SUP-O", pricePerHour: "110" });
    const v100 = effectiveTimeRules(r.value, "V-100");
    expect(v100).toMatchObject({ unitMinutes: 15, rounding: "entry", holidayRegion: "BY", includedHoursPerMonth: "2", defaultActivity: "remote" });
    expect(v100.activities.remote!.pricePerHour).toBe("80");
    expect(v100.activities.onsite!.pricePerHour).toBe("110");
    expect(effectiveTimeRules(r.value, "V-200").unitMinutes).toBe(10);
    expect(effectiveTimeRules(r.value, undefined).activities.remote!.pricePerHour).toBe("87.4");
  });

  it("names the JSON path of every problem and accepts nothing", () => {
    const bad = structuredClone(VALID) as any;
    bad.defaults.unitMinutes = 0;
    bad.defaults.surcharges[0].pct = "25 %";
    bad.defaults.surcharges[0].days = ["mon", "fry"];
    bad.defaults.holidayRegion = "XX";
    bad.contracts["V-100"].includedHours = "2";
    bad.contracts["K-300"].click.priceBw = "-0.01";
    delete bad.defaults.flatFees[0].articleNo;
    const r = parseRules(JSON.stringify(bad), "rules.json");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssue(i))).toEqual([
      'rules.json: defaults.unitMinutes: "0" is invalid (expected a whole number ≥ 1).',
      'rules.json: defaults.holidayRegion: "XX" is invalid (expected one of BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH, AUGSBURG).',
      'rules.json: defaults.surcharges[0].days[1]: "fry" is invalid (expected one of mon, tue, wed, thu, fri, sat, sun, holiday).',
      'rules.json: defaults.surcharges[0].pct: "25 %" is invalid (expected a decimal number such as "95.00").',
      "rules.json: defaults.flatFees[0].articleNo is missing.",
      "rules.json: contracts.V-100.includedHours is unknown (a typo?).",
      'rules.json: contracts.K-300.click.priceBw: "-0.01" is invalid (expected a number ≥ 0).',
    ]);
  });

  it("included and contingent hours must be whole work units; bad JSON is one issue", () => {
    const r = parseRules(JSON.stringify({ contracts: { "V-1": { unitMinutes: 20, includedHoursPerMonth: "0.5" } } }), "r.json");
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["rules.not_whole_units"]);
    const j = parseRules("{ nope", "r.json");
    expect(!j.ok && j.issues[0]!.code).toBe("rules.invalid_json");
  });
});
