import { pushAll } from "../array";
import { compareNatural } from "../billing/invoice";
import type { Article, Contract } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import { IsoMonth, lastDayOf } from "../date/iso-month";
import { Issue, issue } from "../issues";
import { Decimal } from "../money/decimal";
import { allocate, money } from "../money/money";
import { ContractsByCustomer, assignContract, contractsByCustomer } from "./assign-contract";
import { parseClock } from "./clock";
import { HolidayCalendar } from "./holidays";
import { type BilledDayEntry, rateLateTicketDay } from "./late-ticket-day";
import { type TimeEntry, isBilled } from "./model";
import { type Pools, openPools } from "./pools";
import { spreadUnits } from "./rounding";
import { type EffectiveTimeRules, type Rules, effectiveTimeRules } from "./rules";
import { type TimeSegment, splitEntry } from "./segments";
import { type LineDraft, type TimeDraft, collectFees, timeLineKey, toUsageLines } from "./time-lines";
import type { UsageLine } from "./usage-line";

export interface TimeChargeInput {
  runMonth: IsoMonth;
  /** All stored entries; billed ones count for the pools and flat fees already charged. */
  entries: readonly TimeEntry[];
  /** Runs that are not undone: an entry billed by an undone run is open again. */
  activeRuns: ReadonlySet<string>;
  rules: Rules;
  contracts: readonly Contract[];
  articles: ReadonlyMap<string, Article>;
}

/** How one entry's units were covered in this run, and which lines and flat fees it feeds. */
export interface EntryAllocation {
  entryId: string;
  contractNo: string;
  unitMinutes: number;
  units: number;
  included: number;
  contingent: number;
  charged: number;
  lineKeys: string[];
  flatFeeKeys: string[];
  /** The rate the entry is billed at: its activity (as the rules name it), article and net hourly rate before surcharges. */
  activity: string;
  articleNo: string;
  pricePerHour: Decimal;
  /** The entry's units per surcharge they fell into (`pct` 0 and label "" = none) and how many of them were charged. */
  surcharges: EntrySurcharge[];
  /**
   * Set on an open entry of a ticket-day that active runs already billed part of (`rounding:
   * "ticket_day"`): the units billed for the day and the units of the whole day; the entry carries
   * only what the day needs beyond the billed ones (`rateLateTicketDay`).
   */
  ticketDay?: { billedUnits: number; dayUnits: number };
  /**
   * The entry's share of each line it feeds, in exact cents: its charged units of a time line, one
   * fee of a flat-fee line it carries. A line's net is split over its entries by weight (largest
   * remainder, ties to the earlier entry), so the shares of a line add up exactly to its net.
   */
  shares: EntryLineShare[];
}

export interface EntrySurcharge {
  label: string;
  pct: Decimal;
  units: number;
  charged: number;
}

export interface EntryLineShare {
  lineKey: string;
  lineType: "time" | "flat_fee";
  articleNo: string;
  /** The surcharge's label (time; "" = none) or the flat fee's label. */
  label: string;
  /** Charged units (time) or fees (flat fee) of the entry on that line: the weight of its share. */
  units: number;
  /** Rounded to cents; set once the lines are built. */
  net: Decimal;
}

/** An open billable entry the run leaves open because of a problem (contract not the customer's, no rate, unknown article). */
export interface UnbilledEntry {
  entryId: string;
  issue: Issue;
}

export interface TimeChargeResult {
  lines: UsageLine[];
  allocations: EntryAllocation[];
  /** Entries left open by a problem; their issues are in `issues` too. */
  unbilled: UnbilledEntry[];
  issues: Issue[];
}

/** An open entry with its activity's article and hourly rate. */
export interface PricedEntry {
  entry: TimeEntry;
  activity: string;
  article: Article;
  pricePerHour: Decimal;
}

/** Entries billed on one contract (or, without a contract, for one customer) under one rule set. */
export interface ContractGroup {
  key: string;
  contract?: Contract;
  customerNo: string;
  rules: EffectiveTimeRules;
  entries: PricedEntry[];
}

/**
 * Ticket time of a billing run (PRODUCT.md §5.4), in arrears: every billable entry dated on or before
 * the end of the run month that no active run billed yet. Per contract: entries are split at midnight
 * and surcharge boundaries, rounded up to started work units (per entry, or per ticket and day: a
 * late entry of a ticket-day an active run billed in part is charged only the units the whole day
 * needs beyond the billed ones, see `rateLateTicketDay`), then covered in time order by the month's
 * included hours, then the prepaid contingent; the rest is
 * charged, one line per ticket, article and surcharge. Flat fees are added once per day (or technician
 * and day, or entry). Pure: the caller records the allocations on the entries.
 */
export function computeTimeCharges(input: TimeChargeInput): TimeChargeResult {
  const issues: Issue[] = [];
  const until = lastDayOf(input.runMonth);
  const billed = input.entries.filter((e) => isBilled(e, input.activeRuns));
  const open = input.entries.filter((e) => e.billable && e.date <= until && !isBilled(e, input.activeRuns)).sort(byTime);
  const unbilled: UnbilledEntry[] = [];
  const groups = groupEntries(open, contractsByCustomer(input.contracts), input, issues, unbilled);
  const calendars = new Map<string, HolidayCalendar>();
  const allocations: EntryAllocation[] = [];
  const drafts: LineDraft[] = [];
  const chargedFees = new Set(billed.flatMap((e) => e.billing!.flatFeeKeys));
  const billedByGroup = new Map<string, TimeEntry[]>();
  for (const e of billed) {
    const key = billedGroupKey(e.billing!.contractNo, e.customerNo);
    billedByGroup.get(key)?.push(e) ?? billedByGroup.set(key, [e]);
  }
  for (const g of groups.values()) {
    const calendarKey = JSON.stringify([g.rules.holidayRegion, g.rules.holidaysOff, g.rules.extraHolidays]);
    let calendar = calendars.get(calendarKey);
    if (!calendar) calendars.set(calendarKey, (calendar = new HolidayCalendar({ region: g.rules.holidayRegion, off: g.rules.holidaysOff, extra: g.rules.extraHolidays })));
    const own = billGroup(g, calendar, openPools(g, billed), billedByGroup.get(billedGroupKey(g.contract?.no ?? "", g.customerNo)) ?? []);
    pushAll(allocations, own.allocations);
    pushAll(drafts, own.drafts);
    pushAll(drafts, collectFees(g, own.allocations, chargedFees, input.articles, issues));
  }
  const lines = toUsageLines(drafts);
  splitLineNets(lines, allocations);
  return { lines, allocations, unbilled, issues };
}

/** Fills in each entry's share of the lines it feeds: a line's net split by the entries' units (or fees). */
function splitLineNets(lines: readonly UsageLine[], allocations: readonly EntryAllocation[]): void {
  const byLine = new Map<string, EntryLineShare[]>();
  for (const a of allocations) for (const s of a.shares) byLine.get(s.lineKey)?.push(s) ?? byLine.set(s.lineKey, [s]);
  for (const line of lines) {
    const shares = byLine.get(line.key) ?? [];
    if (shares.length === 0) continue;
    const split = allocate(money(line.net), shares.map((s) => s.units));
    shares.forEach((s, i) => (s.net = split[i]!.amount));
  }
}

function groupEntries(open: readonly TimeEntry[], byCustomer: ContractsByCustomer, input: TimeChargeInput, issues: Issue[], unbilled: UnbilledEntry[]): Map<string, ContractGroup> {
  const groups = new Map<string, ContractGroup>();
  for (const entry of open) {
    const where = { source: entry.source.file, row: entry.source.row };
    const assigned = assignContract(entry, byCustomer, input.rules);
    if (assigned.issue) {
      const problem: Issue = { ...assigned.issue, severity: "warning", where };
      issues.push(problem);
      unbilled.push({ entryId: entry.id, issue: problem });
      continue;
    }
    const contract = assigned.contract;
    const key = contract ? contract.no : `~${entry.customerNo}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, ...(contract ? { contract } : {}), customerNo: entry.customerNo, rules: effectiveTimeRules(input.rules, contract?.no), entries: [] }));
    const activity = activityOf(entry, g.rules);
    const rate = g.rules.activities[activity];
    const article = rate ? input.articles.get(rate.articleNo) : undefined;
    if (rate && article) {
      g.entries.push({ entry, activity, article, pricePerHour: new Decimal(rate.pricePerHour ?? article.unitPrice) });
      continue;
    }
    const problem = rate
      ? issue("time.unknown_article", { article: rate.articleNo }, where, "warning")
      : issue("time.unknown_activity", { activity: activity || "(empty)", contract: contract?.no ?? "-" }, where, "warning");
    issues.push(problem);
    unbilled.push({ entryId: entry.id, issue: problem });
  }
  return groups;
}

/** The activity as the rules name it: the entry's, or the default; names match ignoring case (`Remote` books on `remote`). */
function activityOf(entry: TimeEntry, rules: EffectiveTimeRules): string {
  const named = entry.activity || rules.defaultActivity || "";
  return named in rules.activities ? named : Object.keys(rules.activities).find((k) => k.toLowerCase() === named.toLowerCase()) ?? named;
}

/** Key of a rounding group: the entry, or (`ticket_day`) its ticket, day and activity. */
function roundingKey(entry: TimeEntry, activity: string, rules: EffectiveTimeRules): string {
  return rules.rounding === "entry" ? entry.id : JSON.stringify([entry.ticketNo, entry.date, activity]);
}

interface Chunk {
  p: PricedEntry;
  seg: TimeSegment;
  units: number;
}

/** Billed entries belong to a contract group by the contract they were billed on and their customer (no contract: the customer's group). */
const billedGroupKey = (contractNo: string, customerNo: string): string => JSON.stringify([contractNo, customerNo]);

/**
 * The group's billed entries (billed on its contract, or without one for its customer) of the
 * ticket-days that have open entries (`ticket_day` rounding), by rounding key, so a late entry of
 * such a day is rated together with them.
 */
function billedTicketDays(g: ContractGroup, billed: readonly TimeEntry[], openDays: ReadonlyMap<string, unknown>, calendar: HolidayCalendar): Map<string, BilledDayEntry[]> {
  const out = new Map<string, BilledDayEntry[]>();
  if (g.rules.rounding !== "ticket_day") return out;
  for (const entry of billed) {
    const key = roundingKey(entry, activityOf(entry, g.rules), g.rules);
    if (!openDays.has(key)) continue;
    const day = { entry, segments: splitEntry(toSplitInput(entry), g.rules.surcharges, calendar) };
    out.get(key)?.push(day) ?? out.set(key, [day]);
  }
  return out;
}

/** `billed`: the active runs' entries of the group (`billedGroupKey`). */
function billGroup(g: ContractGroup, calendar: HolidayCalendar, pools: Pools, billed: readonly TimeEntry[]): { allocations: EntryAllocation[]; drafts: LineDraft[] } {
  const unit = g.rules.unitMinutes;
  const roundingGroups = new Map<string, PricedEntry[]>();
  for (const p of g.entries) {
    const key = roundingKey(p.entry, p.activity, g.rules);
    roundingGroups.get(key)?.push(p) ?? roundingGroups.set(key, [p]);
  }
  const billedDays = billedTicketDays(g, billed, roundingGroups, calendar);
  const alloc = new Map<string, EntryAllocation>();
  for (const p of g.entries)
    alloc.set(p.entry.id, {
      entryId: p.entry.id, contractNo: g.contract?.no ?? "", unitMinutes: unit, units: 0, included: 0, contingent: 0, charged: 0, lineKeys: [], flatFeeKeys: [],
      activity: p.activity, articleNo: p.article.no, pricePerHour: p.pricePerHour, surcharges: [], shares: [],
    });
  const chunks: Chunk[] = [];
  for (const [key, members] of roundingGroups) {
    const segs = members.flatMap((p) => splitEntry(toSplitInput(p.entry), g.rules.surcharges, calendar).map((seg) => ({ p, seg })));
    segs.sort((a, b) => cmp(a.seg.date, b.seg.date) || a.seg.from - b.seg.from || cmp(a.p.entry.id, b.p.entry.id));
    const earlier = billedDays.get(key);
    if (earlier) {
      const late = rateLateTicketDay(segs, members, earlier, unit);
      for (const p of members) alloc.get(p.entry.id)!.ticketDay = { billedUnits: late.billedUnits, dayUnits: late.dayUnits };
      for (const c of late.chunks) alloc.get(c.p.entry.id)!.units += c.units;
      pushAll(chunks, late.chunks);
      continue;
    }
    const units = spreadUnits(segs.map((s) => s.seg.minutes), unit);
    segs.forEach((s, i) => {
      alloc.get(s.p.entry.id)!.units += units[i]!;
      if (units[i]! > 0) chunks.push({ ...s, units: units[i]! });
    });
  }
  chunks.sort((a, b) => cmp(a.seg.date, b.seg.date) || a.seg.from - b.seg.from || cmp(a.p.entry.id, b.p.entry.id));
  const drafts = new Map<string, TimeDraft>();
  for (const c of chunks) {
    const a = alloc.get(c.p.entry.id)!;
    let rest = c.units;
    if (c.seg.pct.isZero() || g.rules.poolsCoverSurcharged) {
      const fromIncluded = pools.takeIncluded(c.p.entry.date, rest);
      const fromContingent = pools.takeContingent(c.p.entry.date, rest - fromIncluded);
      a.included += fromIncluded;
      a.contingent += fromContingent;
      rest -= fromIncluded + fromContingent;
    }
    const label = c.seg.pct.isZero() ? "" : c.seg.label;
    let surcharge = a.surcharges.find((x) => x.label === label && x.pct.equals(c.seg.pct));
    if (!surcharge) a.surcharges.push((surcharge = { label, pct: c.seg.pct, units: 0, charged: 0 }));
    surcharge.units += c.units;
    surcharge.charged += rest;
    if (rest === 0) continue;
    a.charged += rest;
    const key = timeLineKey(g.key, c.p, c.seg);
    if (!a.lineKeys.includes(key)) a.lineKeys.push(key);
    const share = a.shares.find((x) => x.lineKey === key);
    if (share) share.units += rest;
    else a.shares.push({ lineKey: key, lineType: "time", articleNo: c.p.article.no, label, units: rest, net: new Decimal(0) });
    const d = drafts.get(key);
    if (d) {
      d.units += rest;
      d.serviceFrom = minDate(d.serviceFrom, c.seg.date);
      d.serviceTo = maxDate(d.serviceTo, c.seg.date);
      if (!d.trace.includes(c.p.entry.id)) d.trace.push(c.p.entry.id);
    } else drafts.set(key, { key, kind: "time", group: g, priced: c.p, pct: c.seg.pct, label: c.seg.label, units: rest, unitMinutes: unit, serviceFrom: c.seg.date, serviceTo: c.seg.date, trace: [c.p.entry.id] });
  }
  return { allocations: [...alloc.values()], drafts: [...drafts.values()] };
}

function toSplitInput(e: TimeEntry) {
  const start = e.start !== undefined ? parseClock(e.start) ?? undefined : undefined;
  const end = e.end !== undefined ? parseClock(e.end) ?? undefined : undefined;
  return { id: e.id, date: e.date, minutes: e.minutes, ...(start !== undefined && end !== undefined ? { start, end } : {}), ...(e.aggregate ? { aggregate: true } : {}) };
}

function byTime(a: TimeEntry, b: TimeEntry): number {
  return cmp(a.date, b.date) || cmp(a.start ?? "", b.start ?? "") || compareNatural(a.ticketNo, b.ticketNo) || cmp(a.id, b.id);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);
