/**
 * The rules forms beyond the defaults and pools (Zeiten/Zähler → Regeln): flat fees (Pauschalen),
 * the company's own and not observed holidays, and one contract's overrides (unit, rounding,
 * Bundesland, rates per activity, the activity for entries without one). Each turns typed text into the rules document for `setRules`,
 * the JSON upload's path and validator; the form has no checks of its own, and parts it does not
 * show are kept as stored.
 */
import type { Issue } from "../../core/issues";
import { isValidYmd } from "../../core/date/iso-date";
import type { ContractRules, FlatFeeRule, Rules, TimeRuleSet } from "../../core/time/rules";
import { type ActivityRow, decimalInput, withContractEntry } from "./rules-form";

type Lang = "de" | "en";

export const FLAT_FEE_PER = ["day", "technician_day", "entry"] as const;

export interface FlatFeeRow {
  label: string;
  /** Activity names, separated by commas. */
  activities: string;
  per: string;
  articleNo: string;
  price: string;
}

export const EMPTY_FLAT_FEE: FlatFeeRow = { label: "", activities: "", per: "day", articleNo: "", price: "" };

export interface HolidaysForm {
  /** Typed days: `24.12.` (every year) or `31.12.2026` in German, `12-24` / `2026-12-31` in both. */
  extra: string[];
  /** Package names of public holidays the company works on, in the stored order. */
  off: string[];
}

export interface OverridesForm {
  /** Empty: the default's. */
  unitMinutes: string;
  rounding: "" | "entry" | "ticket_day";
  holidayRegion: string;
  activities: ActivityRow[];
  /** The activity for entries without one; empty: the default's. */
  defaultActivity: string;
}

const shownDecimal = (text: string | undefined, lang: Lang) => (text === undefined ? "" : lang === "de" ? text.replace(".", ",") : text);
const blank = (...texts: string[]) => texts.every((t) => t.trim() === "");
/**
 * A list (or object) the form leaves empty: absent, unless it was stored empty. An empty list is no
 * rule in the defaults but the JSON may hold one, and a form saved unchanged must store the same.
 */
const isEmpty = (v: unknown) => (Array.isArray(v) ? v.length === 0 : typeof v === "object" && v !== null && Object.keys(v).length === 0);
const keptEmpty = (stored: unknown, key: string): Record<string, unknown> => (isEmpty(stored) ? { [key]: stored } : {});
const wholeInput = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim());

/** The form rows of stored flat fees. */
export function flatFeeRowsOf(fees: readonly FlatFeeRule[] | undefined, lang: Lang): FlatFeeRow[] {
  return (fees ?? []).map((f) => ({ label: f.label, activities: f.activities.join(", "), per: f.per, articleNo: f.articleNo, price: shownDecimal(f.price, lang) }));
}

/** Indexes of the rows a form sends (rows left wholly empty are no flat fee). */
export function keptFlatFeeRows(rows: readonly FlatFeeRow[]): number[] {
  return rows.flatMap((r, i) => (blank(r.label, r.activities, r.articleNo, r.price) ? [] : [i]));
}

/** Flat fee rows as the JSON's list (company defaults or a contract's own). */
export function flatFeesJsonOf(rows: readonly FlatFeeRow[], lang: Lang): Record<string, unknown>[] {
  return keptFlatFeeRows(rows).map((i) => {
    const r = rows[i]!;
    const activities = r.activities.split(/[,;]/).map((a) => a.trim()).filter((a) => a !== "");
    return {
      ...(r.label.trim() !== "" ? { label: r.label.trim() } : {}),
      // none typed: the validator names the missing list
      ...(activities.length > 0 ? { activities } : {}),
      per: r.per,
      ...(r.articleNo.trim() !== "" ? { articleNo: r.articleNo.trim() } : {}),
      ...(r.price.trim() !== "" ? { price: decimalInput(r.price, lang) } : {}),
    };
  });
}

/** The rules document with the company's flat fees from the form (everything else as stored). */
export function rulesWithFlatFees(rules: Rules, rows: readonly FlatFeeRow[], lang: Lang): Record<string, unknown> {
  const { flatFees: _f, ...keep } = rules.defaults;
  const fees = flatFeesJsonOf(rows, lang);
  return { defaults: { ...keep, ...(fees.length > 0 ? { flatFees: fees } : keptEmpty(rules.defaults.flatFees, "flatFees")) }, contracts: rules.contracts };
}

/** A stored extra holiday as typed: `12-24` → `24.12.`, `2026-12-31` → `31.12.2026` in German. */
export function holidayText(stored: string, lang: Lang): string {
  if (lang !== "de") return stored;
  const yearly = /^(\d\d)-(\d\d)$/.exec(stored);
  if (yearly) return `${yearly[2]}.${yearly[1]}.`;
  const dated = /^(\d{4})-(\d\d)-(\d\d)$/.exec(stored);
  return dated ? `${dated[3]}.${dated[2]}.${dated[1]}` : stored;
}

/**
 * A typed extra holiday in the JSON's form: `24.12.` → `12-24`, `31.12.2026` → `2026-12-31` (one
 * digit for day or month too); ISO forms as typed. A day that does not exist (`31.02.`) and any
 * other text are passed on as typed, for the validator to name.
 */
export function holidayInput(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})?$/.exec(t);
  if (!m) return t;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  // 29 February exists in a leap year, so a yearly 29.02. is a day
  if (!isValidYmd(m[3] ? Number(m[3]) : 2024, mo, d)) return t;
  const md = `${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return m[3] ? `${m[3]}-${md}` : md;
}

export function holidaysFormOf(rules: Rules, lang: Lang): HolidaysForm {
  return { extra: (rules.defaults.extraHolidays ?? []).map((h) => holidayText(h, lang)), off: [...(rules.defaults.holidaysOff ?? [])] };
}

/** Indexes of the extra-holiday rows a form sends (empty rows are none). */
export const keptHolidayRows = (extra: readonly string[]): number[] => extra.flatMap((h, i) => (h.trim() === "" ? [] : [i]));

/** Typed extra-holiday rows as the JSON's list (empty rows left out). */
export const extraHolidaysJsonOf = (extra: readonly string[]): string[] => keptHolidayRows(extra).map((i) => holidayInput(extra[i]!));

/**
 * The form field of a path inside flat fees (`flatFees[1].price`, the part after `defaults.` or
 * `contracts.NO.`): `flatFees.<form row>.<field>`, counting the empty rows the form leaves out.
 */
export function flatFeeFieldOf(rest: string, rows: readonly FlatFeeRow[]): string | null {
  const m = /^flatFees\[(\d+)\](?:\.([a-zA-Z]+))?/.exec(rest);
  if (!m) return null;
  const row = keptFlatFeeRows(rows)[Number(m[1])];
  return row === undefined ? null : `flatFees.${row}.${m[2] ?? "activities"}`;
}

/** The form field of a path inside the holidays (`extraHolidays[2]` → `extra.<form row>`, `holidaysOff…` → `off`). */
export function holidayFieldOf(rest: string, extra: readonly string[]): string | null {
  const m = /^extraHolidays\[(\d+)\]$/.exec(rest);
  if (m) {
    const row = keptHolidayRows(extra)[Number(m[1])];
    return row === undefined ? null : `extra.${row}`;
  }
  return rest.startsWith("holidaysOff") ? "off" : null;
}

/** The rules document with the company's extra and not observed holidays from the form. */
export function rulesWithHolidays(rules: Rules, form: HolidaysForm): Record<string, unknown> {
  const { extraHolidays: _e, holidaysOff: _o, ...keep } = rules.defaults;
  const extra = extraHolidaysJsonOf(form.extra);
  // in the stored order (a day ticked later goes last), so a form saved unchanged changes nothing
  const off = form.off;
  const defaults: Partial<TimeRuleSet> & Record<string, unknown> = { ...keep };
  Object.assign(defaults, off.length > 0 ? { holidaysOff: off } : keptEmpty(rules.defaults.holidaysOff, "holidaysOff"));
  Object.assign(defaults, extra.length > 0 ? { extraHolidays: extra } : keptEmpty(rules.defaults.extraHolidays, "extraHolidays"));
  return { defaults, contracts: rules.contracts };
}

export function overridesFormOf(rules: Rules, contractNo: string, lang: Lang): OverridesForm {
  const c: ContractRules = rules.contracts[contractNo] ?? {};
  return {
    unitMinutes: c.unitMinutes !== undefined ? String(c.unitMinutes) : "",
    rounding: c.rounding ?? "",
    holidayRegion: c.holidayRegion ?? "",
    activities: Object.entries(c.activities ?? {}).map(([name, a]) => ({ name, articleNo: a.articleNo, pricePerHour: shownDecimal(a.pricePerHour, lang) })),
    defaultActivity: c.defaultActivity ?? "",
  };
}

/** Rows naming an activity a row above already names (the document can hold each name once). */
export function duplicateActivityRows(rows: readonly ActivityRow[]): number[] {
  const seen = new Set<string>();
  return rows.flatMap((a, i) => {
    const name = a.name.trim();
    if (name === "") return [];
    if (seen.has(name)) return [i];
    seen.add(name);
    return [];
  });
}

export const keptActivityRows = (rows: readonly ActivityRow[]): number[] => rows.flatMap((a, i) => (blank(a.name, a.articleNo, a.pricePerHour) ? [] : [i]));

/**
 * The rules document with one contract's overrides from the form (its pools, click parameters and
 * other rules as stored); a contract left with no rules at all leaves the document.
 */
export function rulesWithOverrides(rules: Rules, contractNo: string, form: OverridesForm, lang: Lang): Record<string, unknown> {
  const { unitMinutes: _u, rounding: _r, holidayRegion: _h, activities: _a, defaultActivity: _d, ...rest } = rules.contracts[contractNo] ?? {};
  const c: Record<string, unknown> = { ...rest };
  if (form.unitMinutes.trim() !== "") c.unitMinutes = wholeInput(form.unitMinutes);
  if (form.rounding !== "") c.rounding = form.rounding;
  if (form.holidayRegion !== "") c.holidayRegion = form.holidayRegion;
  if (form.defaultActivity !== "") c.defaultActivity = form.defaultActivity;
  const acts = keptActivityRows(form.activities).map((i) => form.activities[i]!);
  if (acts.length > 0)
    c.activities = Object.fromEntries(
      acts.map((a) => [a.name.trim(), { ...(a.articleNo.trim() !== "" ? { articleNo: a.articleNo.trim() } : {}), ...(a.pricePerHour.trim() !== "" ? { pricePerHour: decimalInput(a.pricePerHour, lang) } : {}) }]),
    );
  else Object.assign(c, keptEmpty(rules.contracts[contractNo]?.activities, "activities"));
  return { defaults: rules.defaults, contracts: withContractEntry(rules, contractNo, c) };
}

/** Which form an issue is matched against (the rows are the form's, before empty ones are left out). */
export type ExtraFormKind =
  | { kind: "flatFees"; rows: readonly FlatFeeRow[] }
  | { kind: "holidays"; extra: readonly string[] }
  | { kind: "overrides"; contractNo: string; activities: readonly ActivityRow[] };

/**
 * The form field a rules issue is about (`flatFees.2.price`, `extra.1`, `off`, `unitMinutes`,
 * `activities.0.pricePerHour` …), or null when the form does not show it (listed under the button).
 */
export function extraFieldOf(i: Issue, form: ExtraFormKind): string | null {
  const path = typeof i.params.path === "string" ? i.params.path : "";
  if (form.kind === "flatFees") return path.startsWith("defaults.") ? flatFeeFieldOf(path.slice("defaults.".length), form.rows) : null;
  if (form.kind === "holidays") return path.startsWith("defaults.") ? holidayFieldOf(path.slice("defaults.".length), form.extra) : null;
  const prefix = `contracts.${form.contractNo}.`;
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  const act = /^activities\.(.+)\.(articleNo|pricePerHour)$/.exec(rest) ?? /^activities\.(.*)$/.exec(rest);
  if (act) {
    const row = form.activities.findIndex((a) => a.name.trim() === act[1]);
    return row < 0 ? "activities" : `activities.${row}.${act[2] ?? "name"}`;
  }
  const m = /^(unitMinutes|rounding|holidayRegion|defaultActivity)$/.exec(rest);
  return m ? m[1]! : null;
}
