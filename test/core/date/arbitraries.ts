import fc from "fast-check";
import { IsoDate, daysInMonthOf, ymdToIso } from "../../../src/core/date/iso-date";

const MS_PER_DAY = 86_400_000;

/** Day number via JS Date (tests only): setUTCFullYear, because Date.UTC maps years 0–99 to 1900–1999. */
export function jsDayNumber(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getTime() / MS_PER_DAY;
}

/** ISO date of a day number via JS Date (tests only; years 1–9999). */
export function jsIsoDate(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  const y = date.getUTCFullYear();
  return ymdToIso(y, date.getUTCMonth() + 1, date.getUTCDate());
}

/** A valid calendar day as numbers, in the given year range. */
export function ymdArb(minYear = 1, maxYear = 9999): fc.Arbitrary<{ y: number; m: number; d: number }> {
  return fc
    .record({ y: fc.integer({ min: minYear, max: maxYear }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonthOf(y, m)) }));
}

/** A valid ISO date; biased towards month ends and leap days, where calendar code breaks. */
export function isoDateArb(minYear = 1, maxYear = 9999): fc.Arbitrary<IsoDate> {
  const any = ymdArb(minYear, maxYear).map(({ y, m, d }) => ymdToIso(y, m, d));
  const monthEnd = fc
    .record({ y: fc.integer({ min: minYear, max: maxYear }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => ymdToIso(y, m, daysInMonthOf(y, m)));
  return fc.oneof({ arbitrary: any, weight: 3 }, { arbitrary: monthEnd, weight: 1 });
}

/** A date in the years a billing program really sees. */
export const businessDateArb = isoDateArb(1990, 2100);
