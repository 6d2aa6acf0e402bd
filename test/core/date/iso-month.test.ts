import fc from "fast-check";
import { IsoDate, addDays, daysBetween, isValidYmd, isoToYmd } from "../../../src/core/date/iso-date";
import {
  IsoMonth,
  addMonths,
  daysInMonth,
  firstDayOf,
  lastDayOf,
  monthOf,
  monthRange,
  monthsBetween,
  parseIsoMonth,
  toIsoMonth,
} from "../../../src/core/date/iso-month";
import { businessDateArb } from "./arbitraries";

const mo = (s: string) => s as IsoMonth;
const monthArb = fc
  .record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ y, m }) => toIsoMonth(y, m));
const businessMonthArb = fc
  .record({ y: fc.integer({ min: 1990, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ y, m }) => toIsoMonth(y, m));

describe("parseIsoMonth", () => {
  it.each(["2026-01", "2026-12", "1900-01", "9999-12", "2028-02"])("accepts %s", (text) => {
    expect(parseIsoMonth(text)).toBe(text);
  });

  it.each(["2026-13", "2026-00", "2026-1", "26-01", "0000-01", "0001-01", "1899-12", "2026-01-01", "2026/01", "01.2026", " 2026-01", "2026-01 ", ""])(
    "rejects %j",
    (text) => {
      expect(parseIsoMonth(text)).toBeNull();
    },
  );
});

describe("toIsoMonth and monthOf", () => {
  it("pads", () => {
    expect(toIsoMonth(2026, 3)).toBe("2026-03");
    expect(toIsoMonth(5, 11)).toBe("0005-11");
  });

  it("monthOf is the month of a date", () => {
    expect(monthOf("2026-02-10" as IsoDate)).toBe("2026-02");
    expect(monthOf("2026-12-31" as IsoDate)).toBe("2026-12");
  });

  it("every date lies between the first and last day of its month", () => {
    fc.assert(
      fc.property(businessDateArb, (date) => {
        const m = monthOf(date);
        expect(firstDayOf(m) <= date && date <= lastDayOf(m)).toBe(true);
      }),
    );
  });
});

describe("firstDayOf, lastDayOf and daysInMonth", () => {
  it.each([
    ["2026-01", "2026-01-31", 31],
    ["2026-02", "2026-02-28", 28],
    ["2028-02", "2028-02-29", 29],
    ["2000-02", "2000-02-29", 29],
    ["2100-02", "2100-02-28", 28],
    ["2026-04", "2026-04-30", 30],
    ["2026-12", "2026-12-31", 31],
  ])("%s ends on %s and has %i days", (month, last, days) => {
    expect(firstDayOf(mo(month))).toBe(`${month}-01`);
    expect(lastDayOf(mo(month))).toBe(last);
    expect(daysInMonth(mo(month))).toBe(days);
  });

  it("the month's days run from its first to its last day; the day after is the next month", () => {
    fc.assert(
      fc.property(monthArb.filter((m) => m !== "9999-12"), (m) => {
        for (const day of [firstDayOf(m), lastDayOf(m)]) expect(isValidYmd(isoToYmd(day).y, isoToYmd(day).m, isoToYmd(day).d)).toBe(true);
        expect(daysBetween(firstDayOf(m), lastDayOf(m)) + 1).toBe(daysInMonth(m));
        expect(addDays(lastDayOf(m), 1)).toBe(firstDayOf(addMonths(m, 1)));
      }),
    );
  });

  it("a year has 365 or 366 days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (y) => {
        const total = monthRange(toIsoMonth(y, 1), toIsoMonth(y, 12)).reduce((s, m) => s + daysInMonth(m), 0);
        expect(total).toBe(daysInMonth(toIsoMonth(y, 2)) === 29 ? 366 : 365);
      }),
    );
  });
});

describe("addMonths and monthsBetween", () => {
  it.each([
    ["2026-01", 1, "2026-02"],
    ["2026-12", 1, "2027-01"],
    ["2026-01", -1, "2025-12"],
    ["2026-03", -14, "2025-01"],
    ["2026-03", 0, "2026-03"],
    ["2026-03", 24, "2028-03"],
    ["2026-11", 14, "2028-01"],
    ["0001-02", -1, "0001-01"],
  ])("%s + %i = %s", (m, n, expected) => {
    expect(addMonths(mo(m), n)).toBe(expected);
    expect(monthsBetween(mo(m), mo(expected))).toBe(n);
  });

  it("are inverse", () => {
    fc.assert(
      fc.property(businessMonthArb, fc.integer({ min: -1000, max: 1000 }), (m, n) => {
        const later = addMonths(m, n);
        expect(parseIsoMonth(later)).toBe(later);
        expect(monthsBetween(m, later)).toBe(n);
        expect(addMonths(later, -n)).toBe(m);
      }),
    );
  });

  it("addMonths(addMonths(m, a), b) = addMonths(m, a + b)", () => {
    fc.assert(
      fc.property(businessMonthArb, fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), (m, a, b) => {
        expect(addMonths(addMonths(m, a), b)).toBe(addMonths(m, a + b));
      }),
    );
  });

  it("month strings order like monthsBetween", () => {
    fc.assert(
      fc.property(monthArb, monthArb, (a, b) => {
        expect(Math.sign(monthsBetween(a, b))).toBe(a < b ? 1 : a > b ? -1 : 0);
      }),
    );
  });
});

describe("monthRange", () => {
  it("includes both ends", () => {
    expect(monthRange(mo("2026-11"), mo("2027-02"))).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
  });

  it("is one month when from = to", () => {
    expect(monthRange(mo("2026-02"), mo("2026-02"))).toEqual(["2026-02"]);
  });

  it("is empty when to is before from", () => {
    expect(monthRange(mo("2026-03"), mo("2026-02"))).toEqual([]);
    expect(monthRange(mo("2027-01"), mo("2026-12"))).toEqual([]);
  });

  it("ends at the last month of the calendar (9999-12) instead of running on", () => {
    expect(monthRange(mo("9999-11"), mo("9999-12"))).toEqual(["9999-11", "9999-12"]);
    expect(monthRange(mo("9999-12"), mo("9999-12"))).toEqual(["9999-12"]);
  });

  it("has monthsBetween + 1 consecutive months", () => {
    fc.assert(
      fc.property(businessMonthArb, fc.integer({ min: -3, max: 60 }), (from, n) => {
        const to = addMonths(from, n);
        const range = monthRange(from, to);
        expect(range).toHaveLength(Math.max(0, n + 1));
        range.forEach((m, i) => expect(m).toBe(addMonths(from, i)));
      }),
    );
  });
});
