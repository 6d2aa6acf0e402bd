import fc from "fast-check";
import { HolidayCalendar } from "../../../src/core/time/holidays";
import { spreadUnits } from "../../../src/core/time/rounding";
import type { SurchargeRule } from "../../../src/core/time/rules";
import { splitEntry } from "../../../src/core/time/segments";

const RULES: SurchargeRule[] = [
  { label: "Abend", days: ["mon", "tue", "wed", "thu", "fri"], from: "18:00", to: "22:00", pct: "25" },
  { label: "Samstag", days: ["sat"], pct: "50" },
  { label: "Sonn-/Feiertag", days: ["sun", "holiday"], pct: "100" },
];
const BY = new HolidayCalendar({ region: "BY" });
const BE = new HolidayCalendar({ region: "BE" });
const show = (segs: ReturnType<typeof splitEntry>) => segs.map((s) => `${s.date} ${s.from}-${s.to} +${s.pct.toFixed()} ${s.label}`.trim());

describe("splitEntry", () => {
  it("splits at the evening window; a holiday surcharge (the highest) covers the whole evening", () => {
    const entry = { id: "e", date: "2026-06-04", start: 21 * 60, end: 23 * 60 + 30, minutes: 150 };
    expect(show(splitEntry(entry, RULES, BY))).toEqual(["2026-06-04 1260-1410 +100 Sonn-/Feiertag"]);
    expect(show(splitEntry(entry, RULES, BE))).toEqual(["2026-06-04 1260-1320 +25 Abend", "2026-06-04 1320-1410 +0"]);
  });

  it("splits at midnight: Friday night into Saturday", () => {
    const entry = { id: "e", date: "2026-03-13", start: 23 * 60, end: 90, minutes: 150 };
    expect(show(splitEntry(entry, RULES, BE))).toEqual(["2026-03-13 1380-1440 +0", "2026-03-14 0-90 +50 Samstag"]);
  });

  it("an entry without clock times gets only whole-day rules; an aggregate gets none", () => {
    expect(show(splitEntry({ id: "e", date: "2026-03-14", minutes: 40 }, RULES, BE))).toEqual(["2026-03-14 0-40 +50 Samstag"]);
    expect(show(splitEntry({ id: "e", date: "2026-03-12", minutes: 40 }, RULES, BE))).toEqual(["2026-03-12 0-40 +0"]);
    expect(show(splitEntry({ id: "e", date: "2026-03-15", minutes: 40, aggregate: true }, RULES, BE))).toEqual(["2026-03-15 0-40 +0"]);
  });

  it("a window that wraps past midnight (22:00–06:00) covers both ends of the same day", () => {
    const night: SurchargeRule[] = [{ label: "Nacht", days: ["tue"], from: "22:00", to: "06:00", pct: "40" }];
    const segs = splitEntry({ id: "e", date: "2026-03-10", start: 5 * 60, end: 7 * 60, minutes: 120 }, night, BE);
    expect(show(segs)).toEqual(["2026-03-10 300-360 +40 Nacht", "2026-03-10 360-420 +0"]);
  });

  it("segments always add up to the entry's minutes (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 400 }), (start, end, day) => {
        const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
        const minutes = (end - start + 1440) % 1440;
        const segs = splitEntry({ id: "e", date, start, end, minutes }, RULES, BY);
        expect(segs.reduce((s, x) => s + x.minutes, 0)).toBe(minutes);
      }),
    );
  });
});

describe("spreadUnits (rounding up per started unit)", () => {
  it("rounds the group once and gives the extra unit to the largest remainder", () => {
    expect(spreadUnits([10, 20], 15)).toEqual([1, 1]); // 17:50–18:20: 2 units, not 1 + 2
    expect(spreadUnits([60, 90], 15)).toEqual([4, 6]);
    expect(spreadUnits([1], 15)).toEqual([1]);
    expect(spreadUnits([0], 15)).toEqual([0]);
    expect(spreadUnits([5, 5], 15)).toEqual([0, 1]); // tie: the later segment
  });

  it("total = ceil(minutes / unit), each segment gets its whole units or one more (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 6 }), fc.constantFrom(1, 5, 6, 10, 15, 30, 60), (mins, unit) => {
        const units = spreadUnits(mins, unit);
        const total = mins.reduce((s, m) => s + m, 0);
        expect(units.reduce((s, u) => s + u, 0)).toBe(Math.ceil(total / unit));
        units.forEach((u, i) => expect([0, 1]).toContain(u - Math.floor(mins[i]! / unit)));
      }),
    );
  });
});
