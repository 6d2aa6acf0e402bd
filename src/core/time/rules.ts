import type { DecimalString } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import type { WeekdayCode } from "./clock";
import type { HolidayRegion } from "./holidays";

/**
 * The time and click rules of PRODUCT.md §5.4 / §5.5 as stored (settings key `time.rules`): company
 * defaults plus per-contract overrides. The JSON shape is documented in README ("Ticket time and
 * click contracts"); `parseRules` validates it.
 */

/** Article and hourly rate of one activity (`remote`, `onsite` …). */
export interface ActivityRate {
  articleNo: string;
  /** Net price per hour; when absent the article's list price is used as the hourly rate. */
  pricePerHour?: DecimalString;
}

/** A surcharge: on the listed days (weekday codes or `holiday`), optionally only within a time window. */
export interface SurchargeRule {
  label: string;
  days: (WeekdayCode | "holiday")[];
  /** Window start `HH:MM`; with `to`. Absent: the whole day. */
  from?: string;
  /** Window end `HH:MM` (`24:00` allowed); before `from` = the window wraps past midnight on the same day. */
  to?: string;
  /** Percent added to the hourly rate, e.g. `25`. */
  pct: DecimalString;
}

/** A flat fee (e.g. travel) for entries of some activities, once per day, per technician and day, or per entry. */
export interface FlatFeeRule {
  label: string;
  activities: string[];
  per: "day" | "technician_day" | "entry";
  articleNo: string;
  /** Net price per fee; the article's list price when absent. */
  price?: DecimalString;
}

export type RoundingMode = "entry" | "ticket_day";

/** Prepaid hours: dated credits and/or a monthly credit on the first of every contract month. */
export interface ContingentRule {
  credits?: { date: IsoDate; hours: DecimalString }[];
  monthlyHours?: DecimalString;
}

/** Click contract parameters (one contract). */
export interface ClickRule {
  includedBw: number;
  includedColor: number;
  priceBw: DecimalString;
  priceColor: DecimalString;
  minimumFee?: DecimalString;
  articleBw: string;
  articleColor: string;
  articleMinimum?: string;
}

/** Time rules that company defaults and contracts may both set. */
export interface TimeRuleSet {
  unitMinutes?: number;
  rounding?: RoundingMode;
  holidayRegion?: HolidayRegion;
  holidaysOff?: string[];
  extraHolidays?: string[];
  activities?: Record<string, ActivityRate>;
  defaultActivity?: string;
  surcharges?: SurchargeRule[];
  flatFees?: FlatFeeRule[];
  /** Whether included and contingent hours also cover units with a surcharge (default true). */
  poolsCoverSurcharged?: boolean;
}

/** Per-contract rules: overrides plus the contract's own pools and click parameters. */
export interface ContractRules extends TimeRuleSet {
  includedHoursPerMonth?: DecimalString;
  contingent?: ContingentRule;
  click?: ClickRule;
}

export interface Rules {
  defaults: TimeRuleSet;
  contracts: Record<string, ContractRules>;
}

/** The rules in force for one contract (or for time without a contract): every field resolved. */
export interface EffectiveTimeRules {
  unitMinutes: number;
  rounding: RoundingMode;
  holidayRegion: HolidayRegion;
  holidaysOff: string[];
  extraHolidays: string[];
  activities: Record<string, ActivityRate>;
  defaultActivity?: string;
  surcharges: SurchargeRule[];
  flatFees: FlatFeeRule[];
  poolsCoverSurcharged: boolean;
  includedHoursPerMonth?: DecimalString;
  contingent?: ContingentRule;
}

export const EMPTY_RULES: Rules = { defaults: {}, contracts: {} };

/** Built-in defaults where neither the company nor the contract says anything. */
export const BUILTIN_TIME_DEFAULTS = { unitMinutes: 15, rounding: "entry", holidayRegion: "BY", poolsCoverSurcharged: true } as const;

/**
 * Merges company defaults and a contract's overrides: a field the contract sets replaces the default;
 * `activities` are merged by activity name (the contract's entry wins); arrays are replaced whole.
 */
export function effectiveTimeRules(rules: Rules, contractNo: string | undefined): EffectiveTimeRules {
  const d = rules.defaults;
  const c: ContractRules = contractNo !== undefined ? rules.contracts[contractNo] ?? {} : {};
  const defaultActivity = c.defaultActivity ?? d.defaultActivity;
  return {
    unitMinutes: c.unitMinutes ?? d.unitMinutes ?? BUILTIN_TIME_DEFAULTS.unitMinutes,
    rounding: c.rounding ?? d.rounding ?? BUILTIN_TIME_DEFAULTS.rounding,
    holidayRegion: c.holidayRegion ?? d.holidayRegion ?? BUILTIN_TIME_DEFAULTS.holidayRegion,
    holidaysOff: c.holidaysOff ?? d.holidaysOff ?? [],
    extraHolidays: c.extraHolidays ?? d.extraHolidays ?? [],
    activities: { ...(d.activities ?? {}), ...(c.activities ?? {}) },
    ...(defaultActivity !== undefined ? { defaultActivity } : {}),
    surcharges: c.surcharges ?? d.surcharges ?? [],
    flatFees: c.flatFees ?? d.flatFees ?? [],
    poolsCoverSurcharged: c.poolsCoverSurcharged ?? d.poolsCoverSurcharged ?? BUILTIN_TIME_DEFAULTS.poolsCoverSurcharged,
    ...(c.includedHoursPerMonth !== undefined ? { includedHoursPerMonth: c.includedHoursPerMonth } : {}),
    ...(c.contingent !== undefined ? { contingent: c.contingent } : {}),
  };
}

/** True when a contract's rules say anything about time (so time entries of its customer go to it). */
export function hasTimeRules(c: ContractRules | undefined): boolean {
  if (!c) return false;
  return Object.keys(c).some((k) => k !== "click");
}
