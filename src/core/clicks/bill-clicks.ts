import { pushAll } from "../array";
import type { Article, Contract } from "../contract/model";
import { IsoDate, maxDate, minDate, daysBetween } from "../date/iso-date";
import { IsoMonth, daysInMonth, firstDayOf, lastDayOf, monthName, monthOf, monthRange } from "../date/iso-month";
import { Issue, issue } from "../issues";
import { Decimal, ZERO, germanNumber, roundCents } from "../money/decimal";
import type { ClickRule, Rules } from "../time/rules";
import type { UsageLine } from "../time/usage-line";
import type { MeterReading } from "./model";

export interface ClickChargeInput {
  runMonth: IsoMonth;
  readings: readonly MeterReading[];
  /** `contractNo|month` of months that active runs billed. */
  billedMonths: ReadonlySet<string>;
  rules: Rules;
  contracts: readonly Contract[];
  articles: ReadonlyMap<string, Article>;
}

/**
 * A click month settled in this run, with its line keys and readings (for the marker). `lineKeys` is
 * empty for a month read but with nothing to charge (no pages, or all within the included pages).
 */
export interface ClickMonth {
  contractNo: string;
  customerNo: string;
  month: IsoMonth;
  lineKeys: string[];
  readingIds: string[];
}

export interface ClickChargeResult {
  lines: UsageLine[];
  months: ClickMonth[];
  issues: Issue[];
}

/** One device of a click contract in a month: its readings dated in the month and the pages they add. */
export interface DeviceMonth {
  deviceId: string;
  /** The device's readings on the contract dated in the month, oldest first. */
  readings: MeterReading[];
  /** The device's reading before the first one of the month; none: the first reading is its baseline. */
  previous?: MeterReading;
  /** Pages counted for the month (counter differences of the month's readings). */
  usageBw: number;
  usageColor: number;
  /** The month's first reading whose counter is lower than the one before (stored data the import would have refused). */
  backwards?: MeterReading;
}

/** What a contract's devices used in a month, and the part of the month the contract runs. */
export interface ClickMonthUsage {
  month: IsoMonth;
  from: IsoDate;
  to: IsoDate;
  /** Days of the month the contract runs / days of the month. */
  share: Decimal;
  /**
   * Every device with a reading on the contract up to the month's end, in order of first reading,
   * but for those that left it before the month (a final reading, or read on another contract since).
   */
  devices: DeviceMonth[];
  /** The devices that left the contract before the month, with the day of their final reading. */
  left: { deviceId: string; date: IsoDate }[];
  usageBw: number;
  usageColor: number;
  readingIds: string[];
}

/** One invoice line of a click month: black/white or colour pages over the included ones, or the minimum fee top-up. */
export interface ClickCharge {
  kind: "bw" | "color" | "minimum";
  line: UsageLine;
}

/** The rating of a click month: included pages (prorated, whole pages), pages over, the prorated minimum fee and the lines. */
export interface ClickMonthRating {
  includedBw: number;
  includedColor: number;
  overBw: number;
  overColor: number;
  /** The minimum fee for the month (prorated, exact); zero without one. */
  minimum: Decimal;
  charges: ClickCharge[];
}

/** A contract month as the billing run sees it: usage and, unless already billed, its rating. */
export interface ClickMonthPlan {
  contract: Contract;
  rule: ClickRule;
  month: IsoMonth;
  billed: boolean;
  /**
   * No reading of the contract is dated in the month or later (and a device is still on it, or none
   * was ever read): the month waits for its reading, named by a warning, and is rated with no charges
   * (not even the minimum fee), so a reading that comes later is billed in its own month.
   */
  awaiting: boolean;
  usage: ClickMonthUsage;
  /** Null for a billed month or a contract whose articles are unknown. */
  rating: ClickMonthRating | null;
}

/**
 * The click months of a run for `input.runMonth` (PRODUCT.md §5.5): for every contract with a
 * `click` rule, every month from its start to the run month (or its end) that no active run billed,
 * with the usage of its devices and its rating; `showBilled` adds that month also when it is billed
 * (usage only, no rating). A contract whose click articles are unknown gets a warning and its months
 * without a rating. The billing run (`computeClickCharges`) and the meter review read this plan.
 */
export function planClickMonths(input: ClickChargeInput, showBilled?: IsoMonth): { months: ClickMonthPlan[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const months: ClickMonthPlan[] = [];
  const byDevice = new Map<string, MeterReading[]>();
  for (const r of [...input.readings].sort((a, b) => (a.readingDate < b.readingDate ? -1 : a.readingDate > b.readingDate ? 1 : 0))) {
    byDevice.get(r.deviceId)?.push(r) ?? byDevice.set(r.deviceId, [r]);
  }
  const devicesOf = new Map<string, MeterReading[][]>();
  for (const list of byDevice.values()) {
    for (const no of new Set(list.map((r) => r.contractNo))) devicesOf.get(no)?.push(list) ?? devicesOf.set(no, [list]);
  }
  for (const contract of input.contracts) {
    const rule = input.rules.contracts[contract.no]?.click;
    if (!rule) continue;
    const articles = articlesOf(rule, input.articles);
    if (typeof articles === "string") issues.push(issue("time.unknown_article", { article: articles }, undefined, "warning"));
    const last = contract.end && monthOf(contract.end) < input.runMonth ? monthOf(contract.end) : input.runMonth;
    // Months waiting for a reading (no reading in them or later: the last months in a row), named once per contract.
    const waiting: IsoMonth[] = [];
    for (const month of monthRange(monthOf(contract.start), last)) {
      const billed = input.billedMonths.has(`${contract.no}|${month}`);
      if (billed && month !== showBilled) continue;
      const from = maxDate(contract.start, firstDayOf(month));
      const to = contract.end ? minDate(contract.end, lastDayOf(month)) : lastDayOf(month);
      if (to < from) continue;
      const share = new Decimal(daysBetween(from, to) + 1).dividedBy(daysInMonth(month));
      const usage = monthUsage(contract.no, month, from, to, share, devicesOf.get(contract.no) ?? []);
      // A counter going backwards is never billed as negative pages: the month stays open, named.
      const broken = billed ? undefined : usage.devices.find((d) => d.backwards);
      if (broken) issues.push(issue("clicks.counter_backwards_open", { contract: contract.no, month, device: broken.deviceId, date: broken.backwards!.readingDate }, undefined, "warning"));
      const awaiting = !billed && usage.readingIds.length === 0 && !(usage.devices.length === 0 && usage.left.length > 0) && !readLater(contract.no, month, devicesOf.get(contract.no) ?? []);
      if (awaiting) waiting.push(month);
      const rated = billed || broken || typeof articles === "string" ? null : rateMonth(contract, usage, rule, articles);
      const rating = rated && awaiting ? { ...rated, minimum: ZERO, charges: [] } : rated;
      months.push({ contract, rule, month, billed, awaiting, usage, rating });
    }
    if (waiting.length === 1) issues.push(issue("clicks.reading_missing", { contract: contract.no, month: waiting[0]! }, undefined, "warning"));
    else if (waiting.length > 1) issues.push(issue("clicks.readings_missing", { contract: contract.no, from: waiting[0]!, to: waiting.at(-1)!, count: waiting.length }, undefined, "warning"));
  }
  return { months, issues };
}

/**
 * Click contracts (PRODUCT.md §5.5), in arrears: for every contract with a `click` rule and every month
 * from its start to the run month not yet billed, the usage is the sum over its devices of the counter
 * differences of the readings dated in the month (each against the device's previous reading; a
 * device's first reading is its baseline). Included clicks are prorated by the contract's days in the
 * month and rounded to whole pages; pages above are charged at the price per click. A minimum monthly
 * fee (prorated the same way) tops the month up. A line whose net rounds to 0.00 is left out. A month
 * with a reading is settled even without a line (no pages, or all included: marked, not invoiced);
 * a month without any reading waits for it (`awaiting`, a warning), and one in which a stored counter
 * goes backwards stays open (a warning names contract, month and device). A month without a reading
 * whose pages count in a later reading's month is billed its minimum fee, if any.
 */
export function computeClickCharges(input: ClickChargeInput): ClickChargeResult {
  const plan = planClickMonths(input);
  const lines: UsageLine[] = [];
  const months: ClickMonth[] = [];
  for (const m of plan.months) {
    if (!m.rating || m.awaiting) continue;
    const own = m.rating.charges.map((c) => c.line).filter((l) => !l.net.isZero());
    if (own.length === 0 && m.usage.readingIds.length === 0) continue;
    pushAll(lines, own);
    months.push({ contractNo: m.contract.no, customerNo: m.contract.customerNo, month: m.month, lineKeys: own.map((l) => l.key), readingIds: m.usage.readingIds });
  }
  return { lines, months, issues: plan.issues };
}

/** True when a reading of the contract is dated after the month (its pages then count in that reading's month). */
function readLater(contractNo: string, month: IsoMonth, lists: readonly MeterReading[][]): boolean {
  const until = lastDayOf(month);
  return lists.some((list) => list.some((r) => r.contractNo === contractNo && r.readingDate > until));
}

interface ClickArticles {
  bw: Article;
  color: Article;
  minimum?: Article;
}

function articlesOf(rule: ClickRule, articles: ReadonlyMap<string, Article>): ClickArticles | string {
  const bw = articles.get(rule.articleBw);
  const color = articles.get(rule.articleColor);
  const minimum = rule.articleMinimum !== undefined ? articles.get(rule.articleMinimum) : undefined;
  if (!bw) return rule.articleBw;
  if (!color) return rule.articleColor;
  if (rule.articleMinimum !== undefined && !minimum) return rule.articleMinimum;
  return { bw, color, ...(minimum ? { minimum } : {}) };
}

function monthUsage(contractNo: string, month: IsoMonth, from: IsoDate, to: IsoDate, share: Decimal, lists: readonly MeterReading[][]): ClickMonthUsage {
  let usageBw = 0;
  let usageColor = 0;
  const readingIds: string[] = [];
  const until = lastDayOf(month);
  const devices: DeviceMonth[] = [];
  const left: ClickMonthUsage["left"] = [];
  for (const list of lists) {
    if (!list.some((r) => r.contractNo === contractNo && r.readingDate <= until)) continue;
    const device: DeviceMonth = { deviceId: list[0]!.deviceId, readings: [], usageBw: 0, usageColor: 0 };
    list.forEach((r, i) => {
      if (r.contractNo !== contractNo || monthOf(r.readingDate) !== month) return;
      readingIds.push(r.id);
      // After a final reading the device starts anew: its next reading is a baseline.
      const prev = list[i - 1]?.final ? undefined : list[i - 1];
      if (device.readings.length === 0 && prev) device.previous = prev;
      device.readings.push(r);
      if (!prev) return;
      if (!readingIds.includes(prev.id)) readingIds.push(prev.id);
      if (!device.backwards && (r.counterBw < prev.counterBw || r.counterColor < prev.counterColor)) device.backwards = r;
      device.usageBw += r.counterBw - prev.counterBw;
      device.usageColor += r.counterColor - prev.counterColor;
    });
    if (device.readings.length === 0) {
      const upTo = list.filter((r) => r.readingDate <= until);
      const latest = upTo[upTo.length - 1]!;
      if (latest.final || latest.contractNo !== contractNo) {
        // Its last reading on this contract tells whether it left it (final) or was moved without one.
        const onContract = upTo.filter((r) => r.contractNo === contractNo);
        const gone = onContract[onContract.length - 1]!;
        if (gone.final) left.push({ deviceId: device.deviceId, date: gone.readingDate });
        continue;
      }
      device.previous = latest;
    }
    usageBw += device.usageBw;
    usageColor += device.usageColor;
    devices.push(device);
  }
  return { month, from, to, share, devices, left, usageBw, usageColor, readingIds };
}

function rateMonth(contract: Contract, usage: ClickMonthUsage, rule: ClickRule, a: ClickArticles): ClickMonthRating {
  const { month, from, to, share } = usage;
  const trace = [...usage.readingIds].sort();
  const base = { customerNo: contract.customerNo, contractNo: contract.no, serviceFrom: from, serviceTo: to, trace };
  const charges: ClickCharge[] = [];
  const rated = { includedBw: 0, includedColor: 0, overBw: 0, overColor: 0 };
  let charged = ZERO;
  for (const [kind, pages, included, price, article] of [
    ["bw", usage.usageBw, rule.includedBw, rule.priceBw, a.bw],
    ["color", usage.usageColor, rule.includedColor, rule.priceColor, a.color],
  ] as const) {
    const incl = new Decimal(included).times(share).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    const over = Decimal.max(0, new Decimal(pages).minus(incl));
    rated[kind === "bw" ? "includedBw" : "includedColor"] = incl.toNumber();
    rated[kind === "bw" ? "overBw" : "overColor"] = over.toNumber();
    if (over.isZero()) continue;
    const exact = over.times(price);
    charged = charged.plus(exact);
    charges.push({ kind, line: { ...base, key: JSON.stringify(["click", contract.no, month, kind]), lineType: "click", articleNo: article.no, description: `${article.description} ${monthName(month, "de")}: ${germanNumber(String(pages))} Seiten, davon ${germanNumber(incl.toFixed())} inklusive`, quantity: over, unitPrice: new Decimal(price), exact, net: roundCents(exact), vatPct: article.vatPct } });
  }
  const minimum = new Decimal(rule.minimumFee ?? 0).times(share);
  if (a.minimum && minimum.greaterThan(charged)) {
    const exact = minimum.minus(charged);
    charges.push({ kind: "minimum", line: { ...base, key: JSON.stringify(["click", contract.no, month, "minimum"]), lineType: "click", articleNo: a.minimum.no, description: `${a.minimum.description} ${monthName(month, "de")} (Mindestbetrag ${roundCents(minimum).toFixed(2).replace(".", ",")} €)`, quantity: new Decimal(1), unitPrice: roundCents(exact), exact, net: roundCents(exact), vatPct: a.minimum.vatPct } });
  }
  return { ...rated, minimum: a.minimum ? minimum : ZERO, charges };
}
