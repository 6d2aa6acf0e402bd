import { daysInMonthOf, daysBetween, isoToYmd, type IsoDate } from "../date/iso-date";
import { Decimal } from "../money/decimal";

/**
 * A line's period factor as the reader understands it: "17 von 31 Tagen" / "17 of 31 days" when the
 * service period lies within one month and the factor is exactly its share of that month's days;
 * otherwise null (the caller shows the number). The exact factor stays in the data.
 */
export function prorationDaysText(from: IsoDate, to: IsoDate, factor: string, lang: "de" | "en"): string | null {
  const a = isoToYmd(from);
  const b = isoToYmd(to);
  if (a.y !== b.y || a.m !== b.m) return null;
  const days = daysBetween(from, to) + 1;
  const month = daysInMonthOf(a.y, a.m);
  if (days >= month || days <= 0) return null;
  // Stored factors carry 6 decimals (PERIOD_FACTOR_DECIMALS): compare at that precision.
  if (!new Decimal(days).div(month).toDecimalPlaces(6).eq(new Decimal(factor).toDecimalPlaces(6))) return null;
  return lang === "de" ? `${days} von ${month} Tagen` : `${days} of ${month} days`;
}
