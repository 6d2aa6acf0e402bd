import { compareNatural } from "../billing/invoice";
import type { Article } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import { Issue, issue } from "../issues";
import { Decimal, HUNDRED, roundCents } from "../money/decimal";
import type { ContractGroup, EntryAllocation, PricedEntry } from "./bill-time";
import type { FlatFeeRule } from "./rules";
import type { TimeSegment } from "./segments";
import { USAGE_QUANTITY_DECIMALS, type UsageLine } from "./usage-line";

interface DraftBase {
  key: string;
  group: ContractGroup;
  serviceFrom: IsoDate;
  serviceTo: IsoDate;
  trace: string[];
}

/** Charged units of one ticket, activity article and surcharge. */
export interface TimeDraft extends DraftBase {
  kind: "time";
  priced: PricedEntry;
  pct: Decimal;
  label: string;
  units: number;
  unitMinutes: number;
}

/** Flat fees of one rule on one contract. */
export interface FeeDraft extends DraftBase {
  kind: "fee";
  fee: FlatFeeRule;
  article: Article;
  price: Decimal;
  count: number;
}

export type LineDraft = TimeDraft | FeeDraft;

/** One line per contract, ticket, article, hourly rate and surcharge. */
export function timeLineKey(groupKey: string, p: PricedEntry, seg: TimeSegment): string {
  return JSON.stringify(["time", groupKey, p.entry.ticketNo, p.article.no, p.pricePerHour.toFixed(), seg.pct.toFixed(), seg.label]);
}

/**
 * Flat fees of a contract group (e.g. travel per on-site visit and day): one fee per key (rule, contract,
 * day, and technician or entry as the rule's `per` says) that no active run has charged yet. The
 * first entry of a key carries it (`flatFeeKeys`), so a later entry of the same day adds no second fee.
 */
export function collectFees(
  g: ContractGroup,
  allocations: readonly EntryAllocation[],
  charged: ReadonlySet<string>,
  articles: ReadonlyMap<string, Article>,
  issues: Issue[],
): FeeDraft[] {
  const alloc = new Map(allocations.map((a) => [a.entryId, a]));
  const out: FeeDraft[] = [];
  for (const fee of g.rules.flatFees) {
    const article = articles.get(fee.articleNo);
    const hits = g.entries.filter((p) => fee.activities.includes(p.activity));
    if (hits.length === 0) continue;
    if (!article) {
      issues.push(issue("time.unknown_article", { article: fee.articleNo }, { source: hits[0]!.entry.source.file, row: hits[0]!.entry.source.row }, "warning"));
      continue;
    }
    const draft: FeeDraft = { key: JSON.stringify(["fee", g.key, fee.label, fee.articleNo]), kind: "fee", group: g, fee, article, price: new Decimal(fee.price ?? article.unitPrice), count: 0, serviceFrom: hits[0]!.entry.date, serviceTo: hits[0]!.entry.date, trace: [] };
    const seen = new Set<string>();
    for (const p of hits) {
      const e = p.entry;
      const key = [fee.label, g.key, e.date, ...(fee.per === "technician_day" ? [e.technician] : fee.per === "entry" ? [e.id] : [])].join("|");
      if (charged.has(key) || seen.has(key)) continue;
      seen.add(key);
      const a = alloc.get(e.id)!;
      a.flatFeeKeys.push(key);
      a.lineKeys.push(draft.key);
      const share = a.shares.find((x) => x.lineKey === draft.key);
      if (share) share.units += 1;
      else a.shares.push({ lineKey: draft.key, lineType: "flat_fee", articleNo: article.no, label: fee.label, units: 1, net: new Decimal(0) });
      draft.count += 1;
      draft.trace.push(e.id);
      if (e.date < draft.serviceFrom) draft.serviceFrom = e.date;
      if (e.date > draft.serviceTo) draft.serviceTo = e.date;
    }
    if (draft.count > 0) out.push(draft);
  }
  return out;
}

/** Turns drafts into usage lines: exact amounts from minutes, each net rounded once to cents. */
export function toUsageLines(drafts: readonly LineDraft[]): UsageLine[] {
  return [...drafts].sort(compareDrafts).map((d) => (d.kind === "time" ? timeLine(d) : feeLine(d)));
}

function timeLine(d: TimeDraft): UsageLine {
  const { article, entry, pricePerHour } = d.priced;
  const factor = HUNDRED.plus(d.pct).dividedBy(HUNDRED);
  const exact = new Decimal(d.units * d.unitMinutes).times(pricePerHour).times(HUNDRED.plus(d.pct)).dividedBy(6000);
  const surcharge = d.pct.isZero() ? "" : `, Zuschlag ${d.label} +${d.pct.toFixed()} %`;
  return {
    key: d.key,
    lineType: "time",
    customerNo: d.group.customerNo,
    contractNo: d.group.contract?.no ?? "",
    articleNo: article.no,
    description: `${article.description}, Ticket ${entry.ticketNo}${surcharge}`,
    serviceFrom: d.serviceFrom,
    serviceTo: d.serviceTo,
    quantity: new Decimal(d.units * d.unitMinutes).dividedBy(60).toDecimalPlaces(USAGE_QUANTITY_DECIMALS),
    unitPrice: pricePerHour.times(factor),
    exact,
    net: roundCents(exact),
    vatPct: article.vatPct,
    trace: [...d.trace].sort(),
  };
}

function feeLine(d: FeeDraft): UsageLine {
  const exact = d.price.times(d.count);
  return {
    key: d.key,
    lineType: "flat_fee",
    customerNo: d.group.customerNo,
    contractNo: d.group.contract?.no ?? "",
    articleNo: d.article.no,
    description: d.article.description,
    serviceFrom: d.serviceFrom,
    serviceTo: d.serviceTo,
    quantity: new Decimal(d.count),
    unitPrice: d.price,
    exact,
    net: roundCents(exact),
    vatPct: d.article.vatPct,
    trace: [...d.trace].sort(),
  };
}

function compareDrafts(a: LineDraft, b: LineDraft): number {
  const ticket = (d: LineDraft) => (d.kind === "time" ? d.priced.entry.ticketNo : "");
  const pct = (d: LineDraft) => (d.kind === "time" ? d.pct : new Decimal(0));
  return (
    compareNatural(a.group.key, b.group.key) ||
    (a.kind === b.kind ? 0 : a.kind === "time" ? -1 : 1) ||
    compareNatural(ticket(a), ticket(b)) ||
    (a.serviceFrom < b.serviceFrom ? -1 : a.serviceFrom > b.serviceFrom ? 1 : 0) ||
    pct(a).comparedTo(pct(b)) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}
