import { pushAll } from "../array";
import { type Expectation, expecting, expectationParams, oneOf } from "../expectation";
import { isIsoDate } from "../date/iso-date";
import { Issue, Result, issue, ok } from "../issues";
import { isCanonicalDecimal, Decimal, toStored } from "../money/decimal";
import { type DecimalKind, jsonDecimalProblem } from "../money/decimal-bounds";
import { WEEKDAY_CODES, parseClock } from "./clock";
import { HOLIDAY_NAMES, HOLIDAY_REGIONS } from "./holidays";
import type { ActivityRate, ClickRule, ContingentRule, ContractRules, FlatFeeRule, Rules, SurchargeRule, TimeRuleSet } from "./rules";

type Obj = Record<string, unknown>;

/**
 * Validates parsed rules (README "Ticket time and click contracts"; the text is read by
 * `parseRules` in io/time/rules-json.ts) and returns them normalised (decimals canonical). Every
 * problem is an issue naming its JSON path, e.g. `contracts.V-100.surcharges[1].pct`; any issue
 * rejects the whole rules set.
 */
export function validateRules(data: unknown, source: string): Result<Rules> {
  const v = new Validator(source);
  const root = v.object(data, "", ["defaults", "contracts", "$schema", "comment"]);
  const rules: Rules = { defaults: {}, contracts: {} };
  if (root) {
    if (root.defaults !== undefined) rules.defaults = v.timeRuleSet(root.defaults, "defaults", []) ?? {};
    if (root.contracts !== undefined) {
      const contracts = v.object(root.contracts, "contracts", null);
      for (const [no, value] of Object.entries(contracts ?? {})) {
        const c = v.contractRules(value, `contracts.${no}`);
        if (c) rules.contracts[no] = c;
      }
    }
  }
  if (v.issues.length === 0) pushAll(v.issues, wholeUnitIssues(rules, source));
  return v.issues.length > 0 ? { ok: false, issues: v.issues } : ok(rules);
}

/** Included and contingent hours must be whole work units of the contract's unit size. */
function wholeUnitIssues(rules: Rules, source: string): Issue[] {
  const out: Issue[] = [];
  for (const [no, c] of Object.entries(rules.contracts)) {
    const unit = c.unitMinutes ?? rules.defaults.unitMinutes ?? 15;
    const check = (hours: string | undefined, path: string) => {
      if (hours !== undefined && !new Decimal(hours).times(60).dividedBy(unit).isInteger()) out.push(issue("rules.not_whole_units", { path, value: hours, minutes: unit }, { source }));
    };
    check(c.includedHoursPerMonth, `contracts.${no}.includedHoursPerMonth`);
    check(c.contingent?.monthlyHours, `contracts.${no}.contingent.monthlyHours`);
    c.contingent?.credits?.forEach((cr, i) => check(cr.hours, `contracts.${no}.contingent.credits[${i}].hours`));
  }
  return out;
}

const TIME_FIELDS = ["unitMinutes", "rounding", "holidayRegion", "holidaysOff", "extraHolidays", "activities", "defaultActivity", "surcharges", "flatFees", "poolsCoverSurcharged", "comment"];
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

class Validator {
  readonly issues: Issue[] = [];
  constructor(private readonly source: string) {}

  private bad(path: string, value: unknown, expected: Expectation): undefined {
    this.issues.push(issue("rules.field_invalid", { path: path || "(root)", value: shown(value), ...expectationParams(expected) }, { source: this.source }));
    return undefined;
  }

  /** An object; unknown keys are issues unless `known` is null (free keys, e.g. contract numbers). */
  object(value: unknown, path: string, known: string[] | null): Obj | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return this.bad(path, value, expecting("object"));
    if (known) for (const k of Object.keys(value)) if (!known.includes(k)) this.issues.push(issue("rules.field_unknown", { path: join(path, k) }, { source: this.source }));
    return value as Obj;
  }

  private required(o: Obj, key: string, path: string): boolean {
    if (o[key] !== undefined) return true;
    this.issues.push(issue("rules.field_required", { path: join(path, key) }, { source: this.source }));
    return false;
  }

  private text(value: unknown, path: string): string | undefined {
    return typeof value === "string" && value.trim() !== "" ? value.trim() : this.bad(path, value, expecting("text"));
  }

  /** A decimal given as a JSON string (`"95.00"`) or number; `min0` rejects negatives. */
  private decimal(value: unknown, path: string, min0 = true, kind: DecimalKind = "price"): string | undefined {
    const text = typeof value === "number" && Number.isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : "";
    if (!isCanonicalDecimal(text)) return this.bad(path, value, expecting("decimal", { example: "95.00" }));
    const d = new Decimal(text);
    if (min0 && d.isNegative()) return this.bad(path, value, expecting("min0"));
    const stored = toStored(d);
    const problem = jsonDecimalProblem(value, stored, kind);
    return problem === null ? stored : this.bad(path, value, problem);
  }

  private integer(value: unknown, path: string, min: number): number | undefined {
    return typeof value === "number" && Number.isSafeInteger(value) && value >= min ? value : this.bad(path, value, expecting("whole_min", { min }));
  }

  private choice<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : this.bad(path, value, oneOf(allowed));
  }

  private array(value: unknown, path: string): unknown[] | undefined {
    return Array.isArray(value) ? value : this.bad(path, value, expecting("list"));
  }

  timeRuleSet(value: unknown, path: string, extraKeys: string[]): TimeRuleSet | undefined {
    const o = this.object(value, path, [...TIME_FIELDS, ...extraKeys]);
    if (!o) return undefined;
    const out: TimeRuleSet = {};
    const p = (k: string) => join(path, k);
    if (o.unitMinutes !== undefined) {
      const n = this.integer(o.unitMinutes, p("unitMinutes"), 1);
      if (n !== undefined && n > 1440) this.bad(p("unitMinutes"), o.unitMinutes, expecting("max_minutes", { max: 1440 }));
      else if (n !== undefined) out.unitMinutes = n;
    }
    if (o.rounding !== undefined) out.rounding = this.choice(o.rounding, p("rounding"), ["entry", "ticket_day"] as const);
    if (o.holidayRegion !== undefined) out.holidayRegion = this.choice(o.holidayRegion, p("holidayRegion"), HOLIDAY_REGIONS);
    if (o.holidaysOff !== undefined) out.holidaysOff = this.array(o.holidaysOff, p("holidaysOff"))?.map((h, i) => this.choice(h, `${p("holidaysOff")}[${i}]`, HOLIDAY_NAMES) ?? "");
    if (o.extraHolidays !== undefined)
      out.extraHolidays = this.array(o.extraHolidays, p("extraHolidays"))?.map((d, i) =>
        typeof d === "string" && (MONTH_DAY.test(d) || isIsoDate(d)) ? d : (this.bad(`${p("extraHolidays")}[${i}]`, d, expecting("month_day_or_date")) ?? ""),
      );
    if (o.activities !== undefined) {
      const acts = this.object(o.activities, p("activities"), null);
      // A blank name cannot be chosen by a time entry: a form row without a name, not an activity.
      for (const name of Object.keys(acts ?? {})) if (name.trim() === "") this.bad(`${p("activities")}.${name}`, name, expecting("activity_name"));
      if (acts) out.activities = Object.fromEntries(Object.entries(acts).map(([name, a]) => [name, this.activity(a, `${p("activities")}.${name}`)] as const).filter((e): e is [string, ActivityRate] => e[1] !== undefined));
    }
    if (o.defaultActivity !== undefined) out.defaultActivity = this.text(o.defaultActivity, p("defaultActivity"));
    if (o.surcharges !== undefined) out.surcharges = this.array(o.surcharges, p("surcharges"))?.map((s, i) => this.surcharge(s, `${p("surcharges")}[${i}]`)).filter((s): s is SurchargeRule => s !== undefined);
    if (o.flatFees !== undefined) out.flatFees = this.array(o.flatFees, p("flatFees"))?.map((f, i) => this.flatFee(f, `${p("flatFees")}[${i}]`)).filter((f): f is FlatFeeRule => f !== undefined);
    if (o.poolsCoverSurcharged !== undefined) {
      if (typeof o.poolsCoverSurcharged === "boolean") out.poolsCoverSurcharged = o.poolsCoverSurcharged;
      else this.bad(p("poolsCoverSurcharged"), o.poolsCoverSurcharged, expecting("boolean"));
    }
    if (out.defaultActivity !== undefined && out.activities && !(out.defaultActivity in out.activities) && path === "defaults")
      this.bad(p("defaultActivity"), out.defaultActivity, expecting("activity_of", { choices: Object.keys(out.activities).join(", ") }));
    return dropUndefined(out);
  }

  contractRules(value: unknown, path: string): ContractRules | undefined {
    const base = this.timeRuleSet(value, path, ["includedHoursPerMonth", "contingent", "click"]);
    if (!base) return undefined;
    const o = value as Obj;
    const out: ContractRules = { ...base };
    if (o.includedHoursPerMonth !== undefined) out.includedHoursPerMonth = this.decimal(o.includedHoursPerMonth, join(path, "includedHoursPerMonth"), true, "quantity");
    if (o.contingent !== undefined) out.contingent = this.contingent(o.contingent, join(path, "contingent"));
    if (o.click !== undefined) out.click = this.click(o.click, join(path, "click"));
    return dropUndefined(out);
  }

  private activity(value: unknown, path: string): ActivityRate | undefined {
    const o = this.object(value, path, ["articleNo", "pricePerHour", "comment"]);
    if (!o || !this.required(o, "articleNo", path)) return undefined;
    const articleNo = this.text(o.articleNo, join(path, "articleNo"));
    const price = o.pricePerHour !== undefined ? this.decimal(o.pricePerHour, join(path, "pricePerHour")) : undefined;
    return articleNo ? { articleNo, ...(price !== undefined ? { pricePerHour: price } : {}) } : undefined;
  }

  private surcharge(value: unknown, path: string): SurchargeRule | undefined {
    const o = this.object(value, path, ["label", "days", "from", "to", "pct", "comment"]);
    if (!o) return undefined;
    const okDays = this.required(o, "days", path);
    const okPct = this.required(o, "pct", path);
    if (!okDays || !okPct) return undefined;
    const days = this.array(o.days, join(path, "days"))?.map((d, i) => this.choice(d, `${join(path, "days")}[${i}]`, [...WEEKDAY_CODES, "holiday"] as const));
    const pct = this.decimal(o.pct, join(path, "pct"), true, "percent");
    const label = o.label === undefined ? `+${pct ?? "?"} %` : this.text(o.label, join(path, "label"));
    if ((o.from === undefined) !== (o.to === undefined)) return this.bad(path, "from/to", expecting("from_and_to"));
    const from = o.from === undefined ? undefined : typeof o.from === "string" && parseClock(o.from) !== null ? o.from : this.bad(join(path, "from"), o.from, expecting("clock"));
    const to = o.to === undefined ? undefined : typeof o.to === "string" && parseClock(o.to, true) !== null ? o.to : this.bad(join(path, "to"), o.to, expecting("clock_24"));
    if (from !== undefined && to !== undefined && parseClock(from) === parseClock(to, true)) return this.bad(join(path, "to"), to, expecting("clock_differs"));
    if (!days || days.some((d) => d === undefined) || pct === undefined || label === undefined) return undefined;
    if (days.length === 0) return this.bad(join(path, "days"), o.days, expecting("one_day"));
    return { label, days: days as SurchargeRule["days"], pct, ...(from !== undefined && to !== undefined ? { from, to } : {}) };
  }

  private flatFee(value: unknown, path: string): FlatFeeRule | undefined {
    const o = this.object(value, path, ["label", "activities", "per", "articleNo", "price", "comment"]);
    if (!o) return undefined;
    const okA = this.required(o, "activities", path);
    const okArt = this.required(o, "articleNo", path);
    if (!okA || !okArt) return undefined;
    const activities = this.array(o.activities, join(path, "activities"))?.map((a, i) => this.text(a, `${join(path, "activities")}[${i}]`));
    const per = o.per === undefined ? "day" : this.choice(o.per, join(path, "per"), ["day", "technician_day", "entry"] as const);
    const articleNo = this.text(o.articleNo, join(path, "articleNo"));
    const price = o.price !== undefined ? this.decimal(o.price, join(path, "price")) : undefined;
    const label = o.label === undefined ? articleNo : this.text(o.label, join(path, "label"));
    if (!activities || activities.some((a) => a === undefined) || !per || !articleNo || !label) return undefined;
    return { label, activities: activities as string[], per, articleNo, ...(price !== undefined ? { price } : {}) };
  }

  private contingent(value: unknown, path: string): ContingentRule | undefined {
    const o = this.object(value, path, ["credits", "monthlyHours", "comment"]);
    if (!o) return undefined;
    const out: ContingentRule = {};
    if (o.credits !== undefined)
      out.credits = this.array(o.credits, join(path, "credits"))
        ?.map((c, i) => {
          const cp = `${join(path, "credits")}[${i}]`;
          const co = this.object(c, cp, ["date", "hours", "comment"]);
          if (!co) return undefined;
          const okD = this.required(co, "date", cp);
          const okH = this.required(co, "hours", cp);
          if (!okD || !okH) return undefined;
          const date = typeof co.date === "string" && isIsoDate(co.date) ? co.date : this.bad(join(cp, "date"), co.date, expecting("iso_date"));
          const hours = this.decimal(co.hours, join(cp, "hours"), false, "quantity");
          return date !== undefined && hours !== undefined ? { date, hours } : undefined;
        })
        .filter((c): c is { date: string; hours: string } => c !== undefined);
    if (o.monthlyHours !== undefined) out.monthlyHours = this.decimal(o.monthlyHours, join(path, "monthlyHours"), true, "quantity");
    return dropUndefined(out);
  }

  private click(value: unknown, path: string): ClickRule | undefined {
    const o = this.object(value, path, ["includedBw", "includedColor", "priceBw", "priceColor", "minimumFee", "articleBw", "articleColor", "articleMinimum", "comment"]);
    if (!o) return undefined;
    const req = ["includedBw", "includedColor", "priceBw", "priceColor", "articleBw", "articleColor"].map((k) => this.required(o, k, path));
    if (req.includes(false)) return undefined;
    const includedBw = this.integer(o.includedBw, join(path, "includedBw"), 0);
    const includedColor = this.integer(o.includedColor, join(path, "includedColor"), 0);
    const priceBw = this.decimal(o.priceBw, join(path, "priceBw"));
    const priceColor = this.decimal(o.priceColor, join(path, "priceColor"));
    const minimumFee = o.minimumFee !== undefined ? this.decimal(o.minimumFee, join(path, "minimumFee")) : undefined;
    const articleBw = this.text(o.articleBw, join(path, "articleBw"));
    const articleColor = this.text(o.articleColor, join(path, "articleColor"));
    const articleMinimum = o.articleMinimum !== undefined ? this.text(o.articleMinimum, join(path, "articleMinimum")) : undefined;
    if (minimumFee !== undefined && minimumFee !== "0" && o.articleMinimum === undefined) this.required(o, "articleMinimum", path);
    if (includedBw === undefined || includedColor === undefined || !priceBw || !priceColor || !articleBw || !articleColor) return undefined;
    return { includedBw, includedColor, priceBw, priceColor, articleBw, articleColor, ...(minimumFee !== undefined ? { minimumFee } : {}), ...(articleMinimum ? { articleMinimum } : {}) };
  }
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

function shown(value: unknown): string {
  if (value === undefined) return "(missing)";
  const s = typeof value === "string" ? value : JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
