import type { IsoDate } from "../date/iso-date";
import { addMonths, monthOf, type IsoMonth } from "../date/iso-month";

/**
 * True when `month` lies more than one month after the month of `today`: billing it would invoice
 * services not yet rendered, most likely a typo in the year (2027 for 2026). Next month (advance
 * billing) is not far ahead. The CLI refuses such a month without `--allow-future`; the pane warns.
 */
export function isFarAhead(month: IsoMonth, today: IsoDate): boolean {
  return month > addMonths(monthOf(today), 1);
}
