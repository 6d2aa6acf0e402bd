/**
 * The time and click rules forms (Zeiten/Zähler → Regeln): the company defaults (unit, rounding,
 * Bundesland, rates per activity, surcharges) and one contract's pools and click parameters
 * (included hours, contingent, click prices). Each form edits its part of the stored rules document;
 * saving sends the whole document through `setRules`, the JSON upload's path and validator. Parts
 * a form does not show are kept as stored (flat fees, holidays and a contract's overrides have their
 * own forms: rules-extra-form.ts).
 */
import type { Issue } from "../../core/issues";
import { WEEKDAY_CODES } from "../../core/time/clock";
import type { ContractRules, Rules, SurchargeRule, TimeRuleSet } from "../../core/time/rules";
import { BUILTIN_TIME_DEFAULTS } from "../../core/time/rules";

export const SURCHARGE_DAYS = [...WEEKDAY_CODES, "holiday"] as const;
export const UNIT_MINUTES = ["1", "5", "6", "10", "15", "30", "60"] as const;

export interface ActivityRow {
  name: string;
  articleNo: string;
  pricePerHour: string;
}

export interface SurchargeRow {
  label: string;
  days: string[];
  from: string;
  to: string;
  pct: string;
}

export interface DefaultsForm {
  unitMinutes: string;
  rounding: "entry" | "ticket_day";
  holidayRegion: string;
  activities: ActivityRow[];
  defaultActivity: string;
  surcharges: SurchargeRow[];
  poolsCoverSurcharged: boolean;
}

export interface ClickForm {
  includedBw: string;
  includedColor: string;
  priceBw: string;
  priceColor: string;
  minimumFee: string;
  articleBw: string;
  articleColor: string;
  articleMinimum: string;
}

export interface ContractForm {
  includedHoursPerMonth: string;
  monthlyHours: string;
  credits: { date: string; hours: string }[];
  /** Null: no click contract. */
  click: ClickForm | null;
}

type Lang = "de" | "en";

/** A decimal as stored (`95.00`) for the form: `95,00` in German. */
function shownDecimal(text: string | undefined, lang: Lang): string {
  if (text === undefined) return "";
  return lang === "de" ? text.replace(".", ",") : text;
}

/**
 * A typed decimal in the JSON's form: in German `1.234,5` → `1234.5` (a comma means the points
 * group thousands), in English `1,234.5` → `1234.5`. Anything else is passed on as typed, for the
 * validator to name.
 */
export function decimalInput(text: string, lang: Lang): string {
  const t = text.trim().replace(/\s/g, "");
  if (lang === "de" && /^-?[\d.]*,\d+$/.test(t)) return t.replace(/\./g, "").replace(",", ".");
  if (lang === "en" && /^-?[\d,]*\.?\d*$/.test(t)) return t.replace(/,/g, "");
  return t;
}

/** A whole number as typed becomes a JSON number (the validator wants one); other text stays text. */
const wholeInput = (text: string): number | string => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text.trim());

export function defaultsFormOf(rules: Rules, lang: Lang): DefaultsForm {
  const d = rules.defaults;
  return {
    unitMinutes: String(d.unitMinutes ?? BUILTIN_TIME_DEFAULTS.unitMinutes),
    rounding: d.rounding ?? BUILTIN_TIME_DEFAULTS.rounding,
    holidayRegion: d.holidayRegion ?? BUILTIN_TIME_DEFAULTS.holidayRegion,
    activities: Object.entries(d.activities ?? {}).map(([name, a]) => ({ name, articleNo: a.articleNo, pricePerHour: shownDecimal(a.pricePerHour, lang) })),
    defaultActivity: d.defaultActivity ?? "",
    surcharges: surchargeRowsOf(d.surcharges, lang),
    poolsCoverSurcharged: d.poolsCoverSurcharged ?? BUILTIN_TIME_DEFAULTS.poolsCoverSurcharged,
  };
}

const blank = (...texts: string[]) => texts.every((t) => t.trim() === "");

/** The rules document with the form's defaults (everything else as stored), as JSON for `setRules`. */
export function rulesWithDefaults(rules: Rules, form: DefaultsForm, lang: Lang): Record<string, unknown> {
  const keep: Partial<TimeRuleSet> = { ...rules.defaults };
  for (const k of ["unitMinutes", "rounding", "holidayRegion", "activities", "defaultActivity", "surcharges", "poolsCoverSurcharged"] as const) delete keep[k];
  const defaults: Record<string, unknown> = { ...keep, unitMinutes: wholeInput(form.unitMinutes), rounding: form.rounding, holidayRegion: form.holidayRegion };
  const activities = form.activities.filter((a) => !blank(a.name, a.articleNo, a.pricePerHour));
  if (activities.length > 0)
    defaults.activities = Object.fromEntries(
      activities.map((a) => [a.name.trim(), { articleNo: a.articleNo.trim(), ...(a.pricePerHour.trim() !== "" ? { pricePerHour: decimalInput(a.pricePerHour, lang) } : {}) }]),
    );
  if (form.defaultActivity.trim() !== "") defaults.defaultActivity = form.defaultActivity.trim();
  const surcharges = surchargesJsonOf(form.surcharges, lang);
  if (surcharges.length > 0) defaults.surcharges = surcharges;
  defaults.poolsCoverSurcharged = form.poolsCoverSurcharged;
  return { defaults, contracts: rules.contracts };
}

/** The form rows of stored surcharges (company defaults or a contract's own). */
export function surchargeRowsOf(list: readonly SurchargeRule[] | undefined, lang: Lang): SurchargeRow[] {
  return (list ?? []).map((s) => ({ label: s.label, days: [...s.days], from: s.from ?? "", to: s.to ?? "", pct: shownDecimal(s.pct, lang) }));
}

/** Indexes of the surcharge rows a form sends (a row left wholly empty is no surcharge). */
export function keptSurchargeRows(rows: readonly SurchargeRow[]): number[] {
  return rows.flatMap((s, i) => (blank(s.label, s.from, s.to, s.pct) && s.days.length === 0 ? [] : [i]));
}

/**
 * Surcharge rows as the JSON's list. Days go in the row's order (stored order, a day ticked later
 * last), so a form saved unchanged stores the same list.
 */
export function surchargesJsonOf(rows: readonly SurchargeRow[], lang: Lang): Record<string, unknown>[] {
  return keptSurchargeRows(rows).map((i) => {
    const s = rows[i]!;
    return {
      ...(s.label.trim() !== "" ? { label: s.label.trim() } : {}),
      days: [...s.days],
      ...(s.from.trim() !== "" ? { from: s.from.trim() } : {}),
      ...(s.to.trim() !== "" ? { to: s.to.trim() } : {}),
      pct: decimalInput(s.pct, lang),
    };
  });
}

/**
 * The form field of a path inside a surcharge list (`surcharges[1].pct`, the part after `defaults.`
 * or `contracts.NO.`): `surcharges.<form row>.<field>`, counting the empty rows the form leaves out.
 * A window with only one end is reported at `to`; anything else about a row at its days.
 */
export function surchargeFieldOf(rest: string, rows: readonly SurchargeRow[] | undefined, value: unknown): string | null {
  const m = /^surcharges\[(\d+)\](?:\.([a-z]+))?/.exec(rest);
  if (!m) return null;
  const row = rows ? keptSurchargeRows(rows)[Number(m[1])] : Number(m[1]);
  return row === undefined ? null : `surcharges.${row}.${m[2] ?? (value === "from/to" ? "to" : "days")}`;
}

export function contractFormOf(rules: Rules, contractNo: string, lang: Lang): ContractForm {
  const c: ContractRules = rules.contracts[contractNo] ?? {};
  const k = c.click;
  return {
    includedHoursPerMonth: shownDecimal(c.includedHoursPerMonth, lang),
    monthlyHours: shownDecimal(c.contingent?.monthlyHours, lang),
    credits: (c.contingent?.credits ?? []).map((cr) => ({ date: cr.date, hours: shownDecimal(cr.hours, lang) })),
    click: k
      ? {
          includedBw: String(k.includedBw),
          includedColor: String(k.includedColor),
          priceBw: shownDecimal(k.priceBw, lang),
          priceColor: shownDecimal(k.priceColor, lang),
          minimumFee: shownDecimal(k.minimumFee, lang),
          articleBw: k.articleBw,
          articleColor: k.articleColor,
          articleMinimum: k.articleMinimum ?? "",
        }
      : null,
  };
}

/** An empty click contract for the form (when the clerk switches click billing on). */
export const EMPTY_CLICK: ClickForm = { includedBw: "0", includedColor: "0", priceBw: "", priceColor: "", minimumFee: "", articleBw: "", articleColor: "", articleMinimum: "" };

/**
 * The rules' contracts with one contract's entry as a form leaves it: a contract whose entry is
 * empty now goes — unless it was stored empty and stays as stored (saving unchanged changes nothing).
 */
export function withContractEntry(rules: Rules, contractNo: string, entry: Record<string, unknown>): Record<string, unknown> {
  const contracts: Record<string, unknown> = { ...rules.contracts };
  const before = rules.contracts[contractNo];
  if (Object.keys(entry).length > 0 || (before !== undefined && Object.keys(before).length === 0)) contracts[contractNo] = entry;
  else delete contracts[contractNo];
  return contracts;
}

/**
 * The rules document with one contract's pools and click parameters from the form (its other
 * rules as stored); a contract left with no rules at all is removed from the document.
 */
export function rulesWithContract(rules: Rules, contractNo: string, form: ContractForm, lang: Lang): Record<string, unknown> {
  const { includedHoursPerMonth: _i, contingent: _c, click: _k, ...rest } = rules.contracts[contractNo] ?? {};
  const c: Record<string, unknown> = { ...rest };
  if (form.includedHoursPerMonth.trim() !== "") c.includedHoursPerMonth = decimalInput(form.includedHoursPerMonth, lang);
  const credits = form.credits.filter((cr) => !blank(cr.date, cr.hours));
  if (form.monthlyHours.trim() !== "" || credits.length > 0)
    c.contingent = {
      ...(credits.length > 0 ? { credits: credits.map((cr) => ({ date: cr.date.trim(), hours: decimalInput(cr.hours, lang) })) } : {}),
      ...(form.monthlyHours.trim() !== "" ? { monthlyHours: decimalInput(form.monthlyHours, lang) } : {}),
    };
  const k = form.click;
  if (k)
    c.click = {
      includedBw: wholeInput(k.includedBw),
      includedColor: wholeInput(k.includedColor),
      priceBw: decimalInput(k.priceBw, lang),
      priceColor: decimalInput(k.priceColor, lang),
      articleBw: k.articleBw.trim(),
      articleColor: k.articleColor.trim(),
      ...(k.minimumFee.trim() !== "" ? { minimumFee: decimalInput(k.minimumFee, lang) } : {}),
      ...(k.articleMinimum.trim() !== "" ? { articleMinimum: k.articleMinimum.trim() } : {}),
    };
  const contracts = withContractEntry(rules, contractNo, c);
  return { defaults: rules.defaults, contracts };
}

/**
 * The form field a rules issue is about, as a key the forms use: `unitMinutes`,
 * `activities.2.pricePerHour` (row 2 of the form), `surcharges.0.pct`, `credits.1.hours`,
 * `click.priceBw`, `includedHoursPerMonth` … Null when the issue is about something the form does
 * not show (it is then listed under the save button).
 */
export function rulesFieldOf(
  i: Issue,
  form: { kind: "defaults"; activities: readonly ActivityRow[]; surcharges?: readonly SurchargeRow[] } | { kind: "contract"; contractNo: string },
): string | null {
  const path = typeof i.params.path === "string" ? i.params.path : "";
  let rest: string;
  if (form.kind === "defaults") {
    if (!path.startsWith("defaults.")) return null;
    rest = path.slice("defaults.".length);
    const act = /^activities\.(.+)\.(articleNo|pricePerHour)$/.exec(rest) ?? /^activities\.(.*)$/.exec(rest);
    if (act) {
      const row = form.activities.findIndex((a) => a.name.trim() === act[1]);
      return row < 0 ? "activities" : `activities.${row}.${act[2] ?? "name"}`;
    }
  } else {
    const prefix = `contracts.${form.contractNo}.`;
    if (!path.startsWith(prefix)) return null;
    rest = path.slice(prefix.length);
    const credit = /^contingent\.credits\[(\d+)\]\.(date|hours)$/.exec(rest);
    if (credit) return `credits.${credit[1]}.${credit[2]}`;
    if (rest === "contingent.monthlyHours") return "monthlyHours";
  }
  if (rest.startsWith("surcharges[")) return surchargeFieldOf(rest, form.kind === "defaults" ? form.surcharges : undefined, i.params.value);
  const m = /^([A-Za-z]+)(?:\.([A-Za-z]+))?/.exec(rest);
  if (!m) return null;
  return m[1] === "click" && m[2] ? `click.${m[2]}` : m[1]!;
}
