import fc from "fast-check";
import {
  IsoDate,
  addDays,
  daysBetween,
  daysInMonthOf,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  isValidYmd,
  isoToYmd,
  isoWeekday,
  maxDate,
  minDate,
  parseIsoDate,
  toDayNumber,
  ymdToIso,
} from "../../../src/core/date/iso-date";
import { businessDateArb, isoDateArb, jsDayNumber, jsIsoDate, ymdArb } from "./arbitraries";

const d = (s: string) => s as IsoDate;
const FIRST_DAY = toDayNumber(d("0001-01-01"));
const LAST_DAY = toDayNumber(d("9999-12-31"));

describe("isLeapYear", () => {
  it.each([
    [2024, true],
    [2026, false],
    [2028, true],
    [2000, true],
    [2400, true],
    [1900, false],
    [2100, false],
    [2200, false],
    [4, true],
    [1, false],
  ])("%i → %s", (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
  });
});

describe("daysInMonthOf", () => {
  it("knows every month", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonthOf(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });

  it("has 29 days in a leap February", () => {
    expect(daysInMonthOf(2028, 2)).toBe(29);
    expect(daysInMonthOf(2000, 2)).toBe(29);
    expect(daysInMonthOf(1900, 2)).toBe(28);
    expect(daysInMonthOf(2100, 2)).toBe(28);
  });

  it("is 0 for a month outside 1–12", () => {
    expect(daysInMonthOf(2026, 0)).toBe(0);
    expect(daysInMonthOf(2026, 13)).toBe(0);
  });

  it("agrees with JS Date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(daysInMonthOf(y, m)).toBe(jsDayNumber(y, m + 1, 1) - jsDayNumber(y, m, 1));
      }),
    );
  });
});

describe("isValidYmd", () => {
  it.each([
    [2026, 2, 28, true],
    [2026, 2, 29, false],
    [2028, 2, 29, true],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 13, 1, false],
    [2026, 0, 1, false],
    [2026, 1, 0, false],
    [0, 1, 1, false],
    [1, 1, 1, true],
    [9999, 12, 31, true],
    [10000, 1, 1, false],
    [2026.5, 1, 1, false],
    [2026, 1.5, 1, false],
    [2026, 1, 1.5, false],
    [Number.NaN, 1, 1, false],
  ])("%d-%d-%d → %s", (y, m, day, valid) => {
    expect(isValidYmd(y, m, day)).toBe(valid);
  });
});

describe("parseIsoDate and isIsoDate", () => {
  it.each(["2026-02-10", "2028-02-29", "2000-02-29", "1900-01-01", "9999-12-31", "2026-12-31"])("accepts %s", (text) => {
    expect(parseIsoDate(text)).toBe(text);
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    "2026-02-29",
    "1900-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "0000-01-01",
    "0001-01-01", // real days, but before the accepted range (1900-01-01 … 9999-12-31)
    "1899-12-31",
    "2026-1-01",
    "2026-01-1",
    "26-01-01",
    "2026/01/01",
    "10.02.2026",
    "2026-02-10T00:00",
    " 2026-02-10",
    "2026-02-10 ",
    "",
    "２０２６-01-01",
  ])("rejects %j", (text) => {
    expect(parseIsoDate(text)).toBeNull();
    expect(isIsoDate(text)).toBe(false);
  });

  it("accepts exactly the dates JS Date agrees on, from 1900 on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, day) => {
        const text = ymdToIso(y, m, day);
        const jsValid = m >= 1 && m <= 12 && day >= 1 && jsIsoDate(jsDayNumber(y, m, day)) === text;
        expect(isValidYmd(y, m, day)).toBe(jsValid);
        expect(isIsoDate(text)).toBe(jsValid && y >= 1900);
      }),
    );
  });
});

describe("ymdToIso and isoToYmd", () => {
  it("pads year, month and day", () => {
    expect(ymdToIso(2026, 2, 5)).toBe("2026-02-05");
    expect(ymdToIso(33, 11, 30)).toBe("0033-11-30");
  });

  it("round-trip", () => {
    fc.assert(
      fc.property(ymdArb(), (ymd) => {
        expect(isoToYmd(ymdToIso(ymd.y, ymd.m, ymd.d))).toEqual(ymd);
      }),
    );
  });
});

describe("day numbers", () => {
  it.each([
    ["1970-01-01", 0],
    ["1969-12-31", -1],
    ["1970-01-02", 1],
    ["2000-01-01", 10957],
    ["2000-03-01", 11017],
    ["2025-01-01", 20089],
    ["2026-01-01", 20454],
    ["1900-03-01", -25508],
    ["1899-12-30", -25569],
    ["0001-01-01", -719162],
    ["9999-12-31", 2932896],
  ])("%s is day %i", (date, n) => {
    expect(toDayNumber(d(date))).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it("fromDayNumber(toDayNumber(d)) = d for random valid dates", () => {
    fc.assert(
      fc.property(isoDateArb(), (date) => {
        expect(fromDayNumber(toDayNumber(date))).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it("toDayNumber(fromDayNumber(n)) = n over the whole range 0001–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (n) => {
        const date = fromDayNumber(n);
        const { y, m, d: day } = isoToYmd(date);
        expect(isValidYmd(y, m, day)).toBe(true);
        expect(toDayNumber(date)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with JS Date.UTC", () => {
    fc.assert(
      fc.property(ymdArb(), ({ y, m, d: day }) => {
        expect(toDayNumber(ymdToIso(y, m, day))).toBe(jsDayNumber(y, m, day));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (n) => {
        expect(fromDayNumber(n)).toBe(jsIsoDate(n));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with JS Date.UTC for every day from 1899 to 2101", () => {
    const start = jsDayNumber(1899, 1, 1);
    const end = jsDayNumber(2101, 12, 31);
    for (let n = start; n <= end; n++) {
      const iso = fromDayNumber(n);
      if (iso !== jsIsoDate(n) || toDayNumber(iso) !== n) throw new Error(`day ${n}: ${iso} vs ${jsIsoDate(n)}`);
    }
  });

  it("orders dates like their strings (the code compares ISO strings)", () => {
    fc.assert(
      fc.property(isoDateArb(), isoDateArb(), (a, b) => {
        expect(Math.sign(toDayNumber(a) - toDayNumber(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});

describe("addDays and daysBetween", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2028-02-29", 1, "2028-03-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-02-10", 0, "2026-02-10"],
    ["2026-01-01", 365, "2027-01-01"],
    ["2028-01-01", 366, "2029-01-01"],
    ["1900-02-28", 1, "1900-03-01"],
  ])("%s + %i = %s", (from, n, to) => {
    expect(addDays(d(from), n)).toBe(to);
    expect(daysBetween(d(from), d(to))).toBe(n);
  });

  it("daysBetween counts months and years right", () => {
    expect(daysBetween(d("2026-02-10"), d("2026-02-28"))).toBe(18);
    expect(daysBetween(d("2026-01-01"), d("2026-12-31"))).toBe(364);
    expect(daysBetween(d("2028-01-01"), d("2028-12-31"))).toBe(365);
    expect(daysBetween(d("2000-01-01"), d("2400-01-01"))).toBe(146097);
  });

  it("addDays(a, daysBetween(a, b)) = b, and daysBetween is antisymmetric", () => {
    fc.assert(
      fc.property(businessDateArb, businessDateArb, (a, b) => {
        expect(addDays(a, daysBetween(a, b))).toBe(b);
        expect(daysBetween(b, a)).toBe(-daysBetween(a, b));
      }),
    );
  });

  it("adding m then n days is adding m + n days", () => {
    fc.assert(
      fc.property(businessDateArb, fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: -5000, max: 5000 }), (a, m, n) => {
        expect(addDays(addDays(a, m), n)).toBe(addDays(a, m + n));
        expect(daysBetween(a, addDays(a, n))).toBe(n);
      }),
    );
  });

  it("the next day is the next calendar day", () => {
    fc.assert(
      fc.property(isoDateArb(1, 9998), (a) => {
        const { y, m, d: day } = isoToYmd(a);
        const expected =
          day < daysInMonthOf(y, m) ? ymdToIso(y, m, day + 1) : m < 12 ? ymdToIso(y, m + 1, 1) : ymdToIso(y + 1, 1, 1);
        expect(addDays(a, 1)).toBe(expected);
      }),
    );
  });
});

describe("isoWeekday", () => {
  it.each([
    ["1970-01-01", 4], // Thursday
    ["2026-01-01", 4],
    ["2025-01-01", 3],
    ["2026-02-09", 1], // Monday
    ["2026-02-15", 7], // Sunday
    ["2028-02-29", 2],
    ["1900-01-01", 1],
    ["1969-12-28", 7],
  ])("%s → %i", (date, weekday) => {
    expect(isoWeekday(d(date))).toBe(weekday);
  });

  it("agrees with JS getUTCDay, before and after 1970", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (n) => {
        const jsDay = new Date(n * 86_400_000).getUTCDay(); // 0 = Sunday
        expect(isoWeekday(fromDayNumber(n))).toBe(((jsDay + 6) % 7) + 1);
      }),
    );
  });

  it("advances by one each day, Sunday wrapping to Monday", () => {
    fc.assert(
      fc.property(businessDateArb, (a) => {
        expect(isoWeekday(addDays(a, 1))).toBe((isoWeekday(a) % 7) + 1);
        expect(isoWeekday(addDays(a, 7))).toBe(isoWeekday(a));
      }),
    );
  });
});

describe("minDate and maxDate", () => {
  it("pick the earlier and the later date", () => {
    expect(minDate(d("2026-02-10"), d("2026-01-31"))).toBe("2026-01-31");
    expect(maxDate(d("2026-02-10"), d("2026-01-31"))).toBe("2026-02-10");
    expect(minDate(d("2026-02-10"), d("2026-02-10"))).toBe("2026-02-10");
  });

  it("agree with day numbers", () => {
    fc.assert(
      fc.property(isoDateArb(), isoDateArb(), (a, b) => {
        expect(toDayNumber(minDate(a, b))).toBe(Math.min(toDayNumber(a), toDayNumber(b)));
        expect(toDayNumber(maxDate(a, b))).toBe(Math.max(toDayNumber(a), toDayNumber(b)));
      }),
    );
  });
});
