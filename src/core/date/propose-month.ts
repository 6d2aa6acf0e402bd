import { daysBetween, maxDate, minDate, type IsoDate } from "./iso-date";
import { firstDayOf, lastDayOf, monthOf, monthRange, type IsoMonth } from "./iso-month";

/**
 * The month a set of date spans (e.g. the charge periods found in vendor files) is most about: the
 * month holding the most days of the overall span from the earliest start to the latest end; on a
 * tie the later month. Null when no span is given.
 */
export function proposeMonth(spans: readonly { from: IsoDate; to: IsoDate }[]): IsoMonth | null {
  if (spans.length === 0) return null;
  const from = spans.map((s) => s.from).reduce(minDate);
  const to = spans.map((s) => s.to).reduce(maxDate);
  let best: IsoMonth | null = null;
  let bestDays = -1;
  for (const m of monthRange(monthOf(from), monthOf(to))) {
    const days = daysBetween(maxDate(from, firstDayOf(m)), minDate(to, lastDayOf(m))) + 1;
    if (days >= bestDays) { best = m; bestDays = days; }
  }
  return best;
}
