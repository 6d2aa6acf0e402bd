import { IsoDate, addDays, isoWeekday } from "../date/iso-date";
import { Decimal, ZERO } from "../money/decimal";
import { MINUTES_PER_DAY, WEEKDAY_CODES, parseClock } from "./clock";
import type { HolidayCalendar } from "./holidays";
import type { SurchargeRule } from "./rules";

/** A stretch of one time entry on one calendar day with one surcharge. */
export interface TimeSegment {
  entryId: string;
  date: IsoDate;
  /** Minutes since midnight of `date` ([from, to)); for an entry without clock times 0 … minutes. */
  from: number;
  to: number;
  minutes: number;
  /** The surcharge in percent (0 = none) and its label ("" = none). */
  pct: Decimal;
  label: string;
}

/** What splitting needs from a time entry: its day, clock times (minutes) or duration. */
export interface SplitInput {
  id: string;
  date: IsoDate;
  /** Start and end in minutes since midnight; an end before the start is on the next day. */
  start?: number;
  end?: number;
  minutes: number;
  /** A monthly total without a day or time of work (e.g. Zammad): never surcharged. */
  aggregate?: boolean;
}

/**
 * Splits an entry at midnight and at every surcharge window boundary, so each segment has one day and
 * one surcharge (PRODUCT.md §5.4). When several rules apply to the same minute the highest percentage
 * wins (ties: the rule listed first). An entry with a duration but no clock times gets only the
 * whole-day rules of its date (Saturday, Sunday, holiday), never a time-window rule.
 */
export function splitEntry(entry: SplitInput, rules: readonly SurchargeRule[], calendar: HolidayCalendar): TimeSegment[] {
  if (entry.aggregate) return [segment(entry.id, entry.date, 0, entry.minutes, null)];
  if (entry.start === undefined || entry.end === undefined) {
    const dayRules = rules.filter((r) => r.from === undefined);
    return [segment(entry.id, entry.date, 0, entry.minutes, winner(dayRules, entry.date, null, calendar))];
  }
  const endAbs = entry.end >= entry.start ? entry.end : entry.end + MINUTES_PER_DAY;
  const out: TimeSegment[] = [];
  for (let day = 0; day * MINUTES_PER_DAY < endAbs; day++) {
    const a = Math.max(entry.start, day * MINUTES_PER_DAY) - day * MINUTES_PER_DAY;
    const b = Math.min(endAbs, (day + 1) * MINUTES_PER_DAY) - day * MINUTES_PER_DAY;
    if (b <= a) continue;
    const date = addDays(entry.date, day);
    const cuts = new Set([a, b]);
    for (const r of rules) for (const t of windowOf(r) ?? []) if (t > a && t < b) cuts.add(t);
    const points = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i++) {
      const s = segment(entry.id, date, points[i]!, points[i + 1]!, winner(rules, date, points[i]!, calendar));
      const last = out[out.length - 1];
      if (last && last.date === s.date && last.to === s.from && last.pct.equals(s.pct) && last.label === s.label) {
        last.to = s.to;
        last.minutes += s.minutes;
      } else out.push(s);
    }
  }
  return out;
}

function segment(entryId: string, date: IsoDate, from: number, to: number, rule: SurchargeRule | null): TimeSegment {
  return { entryId, date, from, to, minutes: to - from, pct: rule ? new Decimal(rule.pct) : ZERO, label: rule?.label ?? "" };
}

/** [from, to] of a rule's window in minutes, or null for a whole-day rule. */
function windowOf(rule: SurchargeRule): [number, number] | null {
  if (rule.from === undefined || rule.to === undefined) return null;
  return [parseClock(rule.from) ?? 0, parseClock(rule.to, true) ?? MINUTES_PER_DAY];
}

/** The applicable rule with the highest percentage at `minute` of `date` (null: no surcharge). */
function winner(rules: readonly SurchargeRule[], date: IsoDate, minute: number | null, calendar: HolidayCalendar): SurchargeRule | null {
  const weekday = WEEKDAY_CODES[isoWeekday(date) - 1]!;
  let best: SurchargeRule | null = null;
  for (const r of rules) {
    const dayMatches = r.days.includes(weekday) || (r.days.includes("holiday") && calendar.isHoliday(date));
    if (!dayMatches || !inWindow(r, minute)) continue;
    if (!best || new Decimal(r.pct).greaterThan(best.pct)) best = r;
  }
  return best && new Decimal(best.pct).isZero() ? null : best;
}

function inWindow(rule: SurchargeRule, minute: number | null): boolean {
  const w = windowOf(rule);
  if (!w) return true;
  if (minute === null) return false;
  const [from, to] = w;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}
