import { pushAll } from "../array";
import type { Article, Contract, Customer, PositionVersion } from "../contract/model";
import { BillingFrequency, TermLength, billedLessThanMonthly, reductionNotRefundable, refundWindowEnd, termStartOn } from "../contract/term";
import { groupByPosition, versionOnDay } from "../contract/state-on-day";
import type { IsoDate } from "../date/iso-date";
import { IsoMonth, firstDayOf, lastDayOf } from "../date/iso-month";
import { Decimal, HUNDRED, ONE, ZERO, toStored } from "../money/decimal";
import { ReconcileStatus, RECONCILE_STATUSES, ReviewRow, defaultAction } from "./review-row";
import type { SeatLine } from "./seat-line";
import { cachedParsePlain } from "./exact-sum";
import { VendorQuantity, combineQuantities, subscriptionQuantity } from "./vendor-quantity";
import { normalizeExternalId } from "./external-id";

/**
 * Resolves an external id for a source (profile id), falling back to mappings for any source (`*`).
 * Reconciliation passes the id in its normal form ({@link normalizeExternalId}); stored mappings must
 * be keyed the same way.
 */
export type MappingLookup = (kind: "customer" | "article", source: string, externalId: string) => string | undefined;

export interface ReconcileInput {
  month: IsoMonth;
  lines: readonly SeatLine[];
  lookup: MappingLookup;
  customers: ReadonlyMap<string, Customer>;
  articles: ReadonlyMap<string, Article>;
  contracts: readonly Contract[];
  versions: readonly PositionVersion[];
  /** Customers and articles mapped from the sources being reconciled (for missing_in_file). */
  mappedCustomers: ReadonlySet<string>;
  mappedArticles: ReadonlySet<string>;
  /**
   * The vendor's ids mapped to each customer and article (from the same mappings), so a position the
   * file does not name shows which tenant and SKU to look for in the vendor's portal.
   */
  mappedIds?: { customer: ReadonlyMap<string, readonly string[]>; article: ReadonlyMap<string, readonly string[]> };
}

interface Candidate {
  contract: Contract;
  version: PositionVersion;
}

interface Group {
  customerNo: string;
  articleNo: string;
  externalCustomerIds: Set<string>;
  externalArticleIds: Set<string>;
  vendorCustomerName: string;
  vendorArticleName: string;
  source: string;
  /** The lines of each subscription, subscriptions in the order they first appear. */
  subscriptions: SeatLine[][];
  /** Subscription lists by source (profile id), then subscription id. */
  bySource: Map<string, Map<string, SeatLine[]>>;
}

/**
 * Compares vendor seats with contract positions for one month (PRODUCT.md §3 step 3, §5.7). The
 * result is sorted (status, customer, article, contract, position) and does not depend on line order.
 */
export function reconcileMonth(input: ReconcileInput): ReviewRow[] {
  const groups = groupLines(input);
  const candidates = positionsByCustomerArticle(input);
  const rows: ReviewRow[] = [];
  const matched = new Set<string>();
  let byCustomer: Map<string, Contract[]> | undefined;
  // Quantities, amounts and unit costs repeat across lines: each distinct text is parsed once.
  const parse = cachedParsePlain();
  for (const g of groups.values()) {
    const vq = combineQuantities(g.subscriptions.map((l) => subscriptionQuantity(l, input.month, parse)).filter((q): q is VendorQuantity => q !== null));
    if (!vq) continue;
    if (!g.customerNo || !g.articleNo) {
      rows.push(rowFor(g, vq, g.customerNo ? "unmapped_article" : "unmapped_customer", null, null, input));
      continue;
    }
    const list = candidates.get(`${g.customerNo}\u0000${g.articleNo}`) ?? [];
    list.forEach((c) => matched.add(`${c.contract.no}\u0000${c.version.positionNo}`));
    if (list.length === 0) {
      if (vq.quantity.isZero()) continue; // a cancelled subscription without a position: nothing to do
      byCustomer ??= contractsByCustomer(input.contracts);
      rows.push(rowFor(g, vq, "new_position", null, proposeContract(input, byCustomer, g.customerNo), input));
      continue;
    }
    const target = chooseTarget(list, g.externalArticleIds);
    const contractQty = list.reduce((s, c) => s.plus(c.version.quantity), ZERO);
    const status: ReconcileStatus = contractQty.equals(vq.quantity) ? "unchanged" : "quantity_changed";
    const row = rowFor(g, vq, status, { ...target, contractQty }, target.contract.no, input);
    if (list.length > 1) row.notices.push({ code: "note.reconcile.several_positions", params: { count: list.length, positions: list.map((c) => `${c.contract.no}/${c.version.positionNo}`).join(", "), target: `${target.contract.no}/${target.version.positionNo}` } });
    rows.push(row);
  }
  pushAll(rows, missingInFile(input, candidates, matched));
  const order = (s: ReconcileStatus) => RECONCILE_STATUSES.indexOf(s);
  return rows.sort((a, b) => order(a.status) - order(b.status) || cmp(a.customerNo, b.customerNo) || cmp(a.externalCustomerId, b.externalCustomerId) || cmp(a.articleNo, b.articleNo) || cmp(a.externalArticleId, b.externalArticleId) || cmp(a.contractNo, b.contractNo) || (a.positionNo ?? 0) - (b.positionNo ?? 0));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `map.get(a).get(b)`, creating the inner map when missing. */
function inner<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let m = map.get(key);
  if (!m) map.set(key, (m = new Map()));
  return m;
}

/** Where the lines of one vendor customer id and article key go: their group and its subscriptions from that source. */
interface PairSlot {
  group: Group;
  subscriptions: Map<string, SeatLine[]>;
}

/**
 * Groups the seat lines by customer and article. One pass: a line costs four map lookups by the
 * vendor's own ids (source, customer id, article key, subscription); mappings are looked up and
 * group keys built once per distinct vendor customer and article.
 */
function groupLines(input: ReconcileInput): Map<string, Group> {
  const groups = new Map<string, Group>();
  const slots = new Map<string, Map<string, Map<string, PairSlot>>>();
  const customers = new Map<string, Map<string, string>>();
  const articles = new Map<string, Map<string, string>>();
  // Ids as the file writes them → normal form; files repeat few distinct ids, so this stays small.
  const normal = new Map<string, string>();
  const norm = (id: string): string => {
    let n = normal.get(id);
    if (n === undefined) normal.set(id, (n = normalizeExternalId(id)));
    return n;
  };
  for (const l of input.lines) {
    if (!l.countsSeats) continue;
    const customerId = norm(l.vendorCustomerId);
    const articleKey = norm(l.vendorArticleKey);
    const ofSource = inner(slots, l.profileId);
    let ofCustomer = ofSource.get(customerId);
    if (!ofCustomer) ofSource.set(customerId, (ofCustomer = new Map()));
    let slot = ofCustomer.get(articleKey);
    if (!slot) ofCustomer.set(articleKey, (slot = slotFor(input, l, customerId, articleKey, groups, customers, articles)));
    const subKey = l.subscriptionId ? norm(l.subscriptionId) : `${customerId}:${articleKey}`;
    const sub = slot.subscriptions.get(subKey);
    if (sub) sub.push(l);
    else {
      const fresh = [l];
      slot.subscriptions.set(subKey, fresh);
      slot.group.subscriptions.push(fresh);
    }
  }
  return groups;
}

/** The group of the first line of a vendor customer id and article key (created when new). */
function slotFor(
  input: ReconcileInput,
  l: SeatLine,
  vendorCustomerId: string,
  vendorArticleKey: string,
  groups: Map<string, Group>,
  customers: Map<string, Map<string, string>>,
  articles: Map<string, Map<string, string>>,
): PairSlot {
  const knownCustomers = inner(customers, l.profileId);
  let customerNo = knownCustomers.get(vendorCustomerId);
  if (customerNo === undefined) knownCustomers.set(vendorCustomerId, (customerNo = input.lookup("customer", l.profileId, vendorCustomerId) ?? ""));
  const knownArticles = inner(articles, l.profileId);
  let articleNo = knownArticles.get(vendorArticleKey);
  if (articleNo === undefined) knownArticles.set(vendorArticleKey, (articleNo = input.lookup("article", l.profileId, vendorArticleKey) ?? ""));
  // Mapped lines group by our numbers; unmapped ones by the vendor ids, so nothing is merged wrongly.
  const key = `${customerNo || `?${vendorCustomerId}`}\u0000${customerNo && articleNo ? articleNo : `?${vendorArticleKey}`}`;
  let g = groups.get(key);
  if (!g) {
    g = { customerNo, articleNo, externalCustomerIds: new Set(), externalArticleIds: new Set(), vendorCustomerName: l.vendorCustomerName, vendorArticleName: l.vendorArticleName, source: l.profileId, subscriptions: [], bySource: new Map() };
    groups.set(key, g);
  }
  g.externalCustomerIds.add(vendorCustomerId);
  g.externalArticleIds.add(vendorArticleKey);
  return { group: g, subscriptions: inner(g.bySource, l.profileId) };
}

/** Positions of each customer and article in force at the end of the month (or of the contract). */
function positionsByCustomerArticle(input: ReconcileInput): Map<string, Candidate[]> {
  const from = firstDayOf(input.month);
  const to = lastDayOf(input.month);
  const byContract = new Map<string, PositionVersion[]>();
  for (const v of input.versions) {
    const list = byContract.get(v.contractNo);
    if (list) list.push(v);
    else byContract.set(v.contractNo, [v]);
  }
  const out = new Map<string, Candidate[]>();
  for (const contract of [...input.contracts].sort((a, b) => cmp(a.no, b.no))) {
    if (contract.start > to || (contract.end !== undefined && contract.end < from)) continue;
    const day: IsoDate = contract.end !== undefined && contract.end < to ? contract.end : to;
    for (const [, versions] of [...groupByPosition(byContract.get(contract.no) ?? [])].sort((a, b) => a[0] - b[0])) {
      const version = versionOnDay(versions, day);
      if (!version) continue;
      const key = `${contract.customerNo}\u0000${version.articleNo}`;
      const list = out.get(key);
      if (list) list.push({ contract, version });
      else out.set(key, [{ contract, version }]);
    }
  }
  return out;
}

function chooseTarget(list: readonly Candidate[], externalArticleIds: ReadonlySet<string>): Candidate {
  const active = list.filter((c) => !new Decimal(c.version.quantity).isZero());
  const pool = active.length > 0 ? active : list;
  return pool.find((c) => c.version.vendorKey !== undefined && externalArticleIds.has(normalizeExternalId(c.version.vendorKey))) ?? pool[0]!;
}

/** Contracts by customer number, in input order. */
function contractsByCustomer(contracts: readonly Contract[]): Map<string, Contract[]> {
  const index = new Map<string, Contract[]>();
  for (const c of contracts) {
    const list = index.get(c.customerNo);
    if (list) list.push(c);
    else index.set(c.customerNo, [c]);
  }
  return index;
}

/** The customer's only licence contract running in the month, else the only contract at all, else "". */
function proposeContract(input: ReconcileInput, byCustomer: ReadonlyMap<string, Contract[]>, customerNo: string): string {
  const from = firstDayOf(input.month);
  const to = lastDayOf(input.month);
  const running = (byCustomer.get(customerNo) ?? []).filter((c) => c.start <= to && (c.end === undefined || c.end >= from));
  const licence = running.filter((c) => c.type === "license");
  if (licence.length === 1) return licence[0]!.no;
  if (licence.length === 0 && running.length === 1) return running[0]!.no;
  return "";
}

function netPrice(v: PositionVersion | Article, discountPct = "0"): Decimal {
  return new Decimal(v.unitPrice).times(ONE.minus(new Decimal(discountPct).dividedBy(HUNDRED)));
}

function rowFor(
  g: Group,
  vq: VendorQuantity,
  status: ReconcileStatus,
  match: (Candidate & { contractQty: Decimal }) | null,
  contractNo: string | null,
  input: ReconcileInput,
): ReviewRow {
  const article = input.articles.get(g.articleNo);
  const price = match ? netPrice(match.version, match.version.discountPct) : article ? netPrice(article) : null;
  const cost = vq.unitCost === null ? null : vq.unitCost.toDecimalPlaces(6);
  const row: ReviewRow = {
    status,
    customerNo: g.customerNo,
    customerName: input.customers.get(g.customerNo)?.name ?? "",
    contractNo: contractNo ?? "",
    positionNo: match ? match.version.positionNo : null,
    articleNo: g.articleNo,
    externalCustomerId: [...g.externalCustomerIds].sort().join(" "),
    externalArticleId: [...g.externalArticleIds].sort().join(" "),
    vendorCustomerName: g.vendorCustomerName,
    vendorArticleName: g.vendorArticleName,
    source: g.source,
    contractQty: match ? toStored(match.contractQty) : status === "new_position" ? "0" : null,
    positionQty: match ? match.version.quantity : null,
    vendorQty: toStored(vq.quantity),
    delta: match ? toStored(vq.quantity.minus(match.contractQty)) : status === "new_position" ? toStored(vq.quantity) : null,
    effectiveDate: vq.effectiveDate,
    unitCost: cost === null ? null : toStored(cost),
    unitPrice: price === null ? null : toStored(price),
    margin: price !== null && cost !== null ? toStored(price.minus(cost)) : null,
    action: defaultAction(status),
    finding: findingOf(vq.quantity, match ? match.contractQty : ZERO, price, cost),
    ...termColumns(commitmentOf(g, input.month), match?.version ?? null),
    notices: status === "new_position" && !contractNo ? [{ code: "note.reconcile.choose_contract", params: {} }] : [],
    rows: vq.rows,
  };
  if (match && vq.quantity.lessThan(match.contractQty)) flagReduction(row, termStartOf(g, vq.effectiveDate, match.version));
  return row;
}

/** The vendor commitment of a group's subscriptions as the file tells it. */
interface Commitment {
  term: TermLength | null;
  billingFrequency: BillingFrequency | null;
  end: IsoDate | null;
}

/**
 * Term, billing frequency and commitment end of a group: each subscription's latest line that tells
 * (by charge start, up to the month's end); a value the subscriptions disagree on is left open, the
 * commitment end is the latest.
 */
function commitmentOf(g: Group, month: IsoMonth): Commitment {
  const to = lastDayOf(month);
  const terms = new Set<TermLength>();
  const frequencies = new Set<BillingFrequency>();
  let end: IsoDate | null = null;
  for (const lines of g.subscriptions) {
    let best: SeatLine | null = null;
    for (const l of lines) {
      if (l.term === undefined && l.billingFrequency === undefined && l.subscriptionEnd === undefined) continue;
      if (l.chargeFrom !== null && l.chargeFrom > to) continue;
      if (best === null || (l.chargeFrom ?? "") >= (best.chargeFrom ?? "")) best = l;
    }
    if (!best) continue;
    if (best.term) terms.add(best.term);
    if (best.billingFrequency) frequencies.add(best.billingFrequency);
    if (best.subscriptionEnd && (end === null || best.subscriptionEnd > end)) end = best.subscriptionEnd;
  }
  return { term: terms.size === 1 ? [...terms][0]! : null, billingFrequency: frequencies.size === 1 ? [...frequencies][0]! : null, end };
}

/** The review's term columns: the file's values, else the position's. */
function termColumns(c: Commitment, version: PositionVersion | null): Pick<ReviewRow, "term" | "billingFrequency" | "commitmentEnd"> {
  return {
    term: c.term ?? version?.term ?? null,
    billingFrequency: c.billingFrequency ?? version?.billingFrequency ?? null,
    commitmentEnd: c.end ?? version?.termEnd ?? null,
  };
}

/**
 * First day of the term in force on `day`: from the commitment end and term (the file's, else the
 * position's), else the latest purchase or renewal line starting on or before the day; null when unknown.
 */
function termStartOf(g: Group | null, day: IsoDate, version: PositionVersion | null): IsoDate | null {
  const c = g ? commitmentOf(g, day.slice(0, 7) as IsoMonth) : { term: null, end: null };
  const term = c.term ?? version?.term ?? null;
  const end = c.end ?? version?.termEnd ?? null;
  if (term !== null && term !== "trial" && end !== null) return termStartOn(day, end, term);
  let start: IsoDate | null = null;
  for (const lines of g?.subscriptions ?? []) for (const l of lines) if (l.startsTerm && l.chargeFrom !== null && l.chargeFrom <= day && (start === null || l.chargeFrom > start)) start = l.chargeFrom;
  return start;
}

/** Marks a row that reduces or ends seats after the cancellation window of the term closed. */
function flagReduction(row: ReviewRow, termStart: IsoDate | null): void {
  if (reductionNotRefundable(row.effectiveDate, termStart) !== true) return;
  row.finding = row.finding ? `${row.finding} not_refundable` : "not_refundable";
  row.notices.push({ code: "reconcile.not_refundable", params: { date: row.effectiveDate, windowEnd: refundWindowEnd(termStart!), commitmentEnd: row.commitmentEnd ?? "" } });
}

function findingOf(vendorQty: Decimal, contractQty: Decimal, price: Decimal | null, cost: Decimal | null): string {
  const findings: string[] = [];
  if (vendorQty.greaterThan(contractQty)) findings.push("unbilled");
  if (price !== null && cost !== null && price.lessThan(cost)) findings.push("negative_margin");
  return findings.join(" ");
}

/** The vendor ids mapped to an internal number, sorted and space-separated as on the other review rows. */
function idsOf(ids: ReadonlyMap<string, readonly string[]> | undefined, no: string): string {
  return [...new Set(ids?.get(no) ?? [])].sort().join(" ");
}

function missingInFile(input: ReconcileInput, candidates: Map<string, Candidate[]>, matched: ReadonlySet<string>): ReviewRow[] {
  const rows: ReviewRow[] = [];
  for (const list of candidates.values()) {
    for (const c of list) {
      const v = c.version;
      if (matched.has(`${c.contract.no}\u0000${v.positionNo}`) || new Decimal(v.quantity).isZero()) continue;
      if (!input.mappedCustomers.has(c.contract.customerNo)) continue;
      if (!input.mappedArticles.has(v.articleNo) && v.vendorKey === undefined) continue;
      const price = netPrice(v, v.discountPct);
      const row: ReviewRow = {
        status: "missing_in_file",
        customerNo: c.contract.customerNo,
        customerName: input.customers.get(c.contract.customerNo)?.name ?? "",
        contractNo: c.contract.no,
        positionNo: v.positionNo,
        articleNo: v.articleNo,
        externalCustomerId: idsOf(input.mappedIds?.customer, c.contract.customerNo),
        externalArticleId: v.vendorKey ?? idsOf(input.mappedIds?.article, v.articleNo),
        vendorCustomerName: "",
        vendorArticleName: "",
        source: "",
        contractQty: v.quantity,
        positionQty: v.quantity,
        vendorQty: "0",
        delta: toStored(new Decimal(v.quantity).negated()),
        effectiveDate: firstDayOf(input.month),
        unitCost: null,
        unitPrice: toStored(price),
        margin: null,
        action: "skip",
        finding: "",
        ...termColumns({ term: null, billingFrequency: null, end: null }, v),
        notices: [{ code: "note.reconcile.missing_in_file", params: {} }],
        rows: [],
      };
      const stillCommitted = v.termEnd === undefined || v.termEnd >= row.effectiveDate;
      if (billedLessThanMonthly(v.billingFrequency) && stillCommitted) {
        // The vendor charges such a subscription once a year (or term): a month without it says nothing.
        row.finding = "billed_annually";
        // The notice replaces the missing-in-file note: the row is not missing.
        row.notices = [];
        row.notices.push({ code: "reconcile.billed_annually", params: { frequency: v.billingFrequency!, commitmentEnd: v.termEnd ?? "" } });
      } else flagReduction(row, termStartOf(null, row.effectiveDate, v));
      rows.push(row);
    }
  }
  return rows;
}
