import { pushAll } from "../array";
import type { Article, Contract } from "../contract/model";
import { IsoDate, maxDate, minDate, daysBetween } from "../date/iso-date";
import { IsoMonth, daysInMonth, firstDayOf, lastDayOf, monthOf, monthRange } from "../date/iso-month";
import { Issue, issue } from "../issues";
import { Decimal, ZERO, roundCents } from "../money/decimal";
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

/** A click month billed in this run, with its line keys and readings (for the marker). */
export interface ClickMonth {
  contractNo: string;
  month: IsoMonth;
  lineKeys: string[];
  readingIds: string[];
}

export interface ClickChargeResult {
  lines: UsageLine[];
  months: ClickMonth[];
  issues: Issue[];
}

/**
 * Click contracts (PRODUCT.md §5.5), in arrears: for every contract with a `click` rule and every month
 * from its start to the run month not yet billed, the usage is the sum over its devices of the counter
 * differences of the readings dated in the month (each against the device's previous reading; a
 * device's first reading is its baseline). Included clicks are prorated by the contract's days in the
 * month and rounded to whole pages; pages above are charged at the price per click. A minimum monthly
 * fee (prorated the same way) tops the month up. A month that produces no line stays open.
 */
export function computeClickCharges(input: ClickChargeInput): ClickChargeResult {
  const issues: Issue[] = [];
  const lines: UsageLine[] = [];
  const months: ClickMonth[] = [];
  const byDevice = new Map<string, MeterReading[]>();
  for (const r of [...input.readings].sort((a, b) => (a.readingDate < b.readingDate ? -1 : a.readingDate > b.readingDate ? 1 : 0))) {
    byDevice.get(r.deviceId)?.push(r) ?? byDevice.set(r.deviceId, [r]);
  }
  for (const contract of input.contracts) {
    const rule = input.rules.contracts[contract.no]?.click;
    if (!rule) continue;
    const articles = articlesOf(rule, input.articles);
    if (typeof articles === "string") {
      issues.push(issue("time.unknown_article", { article: articles }, undefined, "warning"));
      continue;
    }
    const last = contract.end && monthOf(contract.end) < input.runMonth ? monthOf(contract.end) : input.runMonth;
    for (const month of monthRange(monthOf(contract.start), last)) {
      if (input.billedMonths.has(`${contract.no}|${month}`)) continue;
      const from = maxDate(contract.start, firstDayOf(month));
      const to = contract.end ? minDate(contract.end, lastDayOf(month)) : lastDayOf(month);
      if (to < from) continue;
      const share = new Decimal(daysBetween(from, to) + 1).dividedBy(daysInMonth(month));
      const own = monthLines(contract, month, from, to, share, rule, articles, byDevice);
      if (own.lines.length === 0) continue;
      pushAll(lines, own.lines);
      months.push({ contractNo: contract.no, month, lineKeys: own.lines.map((l) => l.key), readingIds: own.readingIds });
    }
  }
  return { lines, months, issues };
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

function monthLines(contract: Contract, month: IsoMonth, from: IsoDate, to: IsoDate, share: Decimal, rule: ClickRule, a: ClickArticles, byDevice: Map<string, MeterReading[]>) {
  let usageBw = 0;
  let usageColor = 0;
  const readingIds: string[] = [];
  for (const list of byDevice.values()) {
    list.forEach((r, i) => {
      if (r.contractNo !== contract.no || monthOf(r.readingDate) !== month) return;
      readingIds.push(r.id);
      const prev = list[i - 1];
      if (!prev) return;
      if (!readingIds.includes(prev.id)) readingIds.push(prev.id);
      usageBw += r.counterBw - prev.counterBw;
      usageColor += r.counterColor - prev.counterColor;
    });
  }
  const trace = [...readingIds].sort();
  const base = { customerNo: contract.customerNo, contractNo: contract.no, serviceFrom: from, serviceTo: to, trace };
  const lines: UsageLine[] = [];
  let charged = ZERO;
  for (const [kind, usage, included, price, article] of [
    ["bw", usageBw, rule.includedBw, rule.priceBw, a.bw],
    ["color", usageColor, rule.includedColor, rule.priceColor, a.color],
  ] as const) {
    const incl = new Decimal(included).times(share).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    const over = Decimal.max(0, new Decimal(usage).minus(incl));
    if (over.isZero()) continue;
    const exact = over.times(price);
    charged = charged.plus(exact);
    lines.push({ ...base, key: JSON.stringify(["click", contract.no, month, kind]), lineType: "click", articleNo: article.no, description: `${article.description} ${month}: ${usage} Seiten, davon ${incl.toFixed()} inklusive`, quantity: over, unitPrice: new Decimal(price), exact, net: roundCents(exact), vatPct: article.vatPct });
  }
  const minimum = new Decimal(rule.minimumFee ?? 0).times(share);
  if (a.minimum && minimum.greaterThan(charged)) {
    const exact = minimum.minus(charged);
    lines.push({ ...base, key: JSON.stringify(["click", contract.no, month, "minimum"]), lineType: "click", articleNo: a.minimum.no, description: `${a.minimum.description} ${month} (Mindestbetrag ${roundCents(minimum).toFixed(2)})`, quantity: new Decimal(1), unitPrice: roundCents(exact), exact, net: roundCents(exact), vatPct: a.minimum.vatPct });
  }
  return { lines, readingIds };
}
