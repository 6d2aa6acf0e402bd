// The straightforward implementation before the performance work (issue 11), kept as the reference
// the optimised one must agree with (test/core/reconcile/equivalence.test.ts). Not used by the product.
import type { Article, Contract, Customer, PositionVersion } from "../../../../src/core/contract/model";
import { groupByPosition, versionOnDay } from "../../../../src/core/contract/state-on-day";
import type { IsoDate } from "../../../../src/core/date/iso-date";
import { IsoMonth, firstDayOf, lastDayOf } from "../../../../src/core/date/iso-month";
import { Decimal, HUNDRED, ONE, ZERO, toStored } from "../../../../src/core/money/decimal";
import { ReconcileStatus, RECONCILE_STATUSES, ReviewRow, defaultAction } from "../../../../src/core/reconcile/review-row";
import { normalizeExternalId } from "../../../../src/core/reconcile/external-id";
import type { SeatLine } from "../../../../src/core/reconcile/seat-line";
import { VendorQuantity, combineQuantities, subscriptionQuantity } from "./vendor-quantity";

/** Resolves an external id for a source (profile id), falling back to mappings for any source (`*`). */
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
  subscriptions: Map<string, SeatLine[]>;
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
  for (const g of groups.values()) {
    const vq = combineQuantities([...g.subscriptions.values()].map((l) => subscriptionQuantity(l, input.month)).filter((q): q is VendorQuantity => q !== null));
    if (!vq) continue;
    if (!g.customerNo || !g.articleNo) {
      rows.push(rowFor(g, vq, g.customerNo ? "unmapped_article" : "unmapped_customer", null, null, input));
      continue;
    }
    const list = candidates.get(`${g.customerNo}\u0000${g.articleNo}`) ?? [];
    list.forEach((c) => matched.add(`${c.contract.no}\u0000${c.version.positionNo}`));
    if (list.length === 0) {
      if (vq.quantity.isZero()) continue; // a cancelled subscription without a position: nothing to do
      rows.push(rowFor(g, vq, "new_position", null, proposeContract(input, g.customerNo), input));
      continue;
    }
    const target = chooseTarget(list, g.externalArticleIds);
    const contractQty = list.reduce((s, c) => s.plus(c.version.quantity), ZERO);
    const status: ReconcileStatus = contractQty.equals(vq.quantity) ? "unchanged" : "quantity_changed";
    const row = rowFor(g, vq, status, { ...target, contractQty }, target.contract.no, input);
    if (list.length > 1) row.notices.push({ code: "note.reconcile.several_positions", params: { count: list.length, positions: list.map((c) => `${c.contract.no}/${c.version.positionNo}`).join(", "), target: `${target.contract.no}/${target.version.positionNo}` } });
    rows.push(row);
  }
  rows.push(...missingInFile(input, candidates, matched));
  const order = (s: ReconcileStatus) => RECONCILE_STATUSES.indexOf(s);
  return rows.sort((a, b) => order(a.status) - order(b.status) || cmp(a.customerNo, b.customerNo) || cmp(a.externalCustomerId, b.externalCustomerId) || cmp(a.articleNo, b.articleNo) || cmp(a.externalArticleId, b.externalArticleId) || cmp(a.contractNo, b.contractNo) || (a.positionNo ?? 0) - (b.positionNo ?? 0));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupLines(input: ReconcileInput): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (let l of input.lines) {
    if (!l.countsSeats) continue;
    // Issue 19: vendor ids in their normal form (GUIDs match in any case).
    l = { ...l, vendorCustomerId: normalizeExternalId(l.vendorCustomerId), vendorArticleKey: normalizeExternalId(l.vendorArticleKey), subscriptionId: normalizeExternalId(l.subscriptionId) };
    const customerNo = input.lookup("customer", l.profileId, l.vendorCustomerId) ?? "";
    const articleNo = input.lookup("article", l.profileId, l.vendorArticleKey) ?? "";
    // Mapped lines group by our numbers; unmapped ones by the vendor ids, so nothing is merged wrongly.
    const key = [customerNo || `?${l.vendorCustomerId}`, customerNo && articleNo ? articleNo : `?${l.vendorArticleKey}`].join("\u0000");
    let g = groups.get(key);
    if (!g) {
      g = { customerNo, articleNo, externalCustomerIds: new Set(), externalArticleIds: new Set(), vendorCustomerName: l.vendorCustomerName, vendorArticleName: l.vendorArticleName, source: l.profileId, subscriptions: new Map() };
      groups.set(key, g);
    }
    g.externalCustomerIds.add(l.vendorCustomerId);
    g.externalArticleIds.add(l.vendorArticleKey);
    const subKey = `${l.profileId}\u0000${l.subscriptionId || `${l.vendorCustomerId}:${l.vendorArticleKey}`}`;
    const sub = g.subscriptions.get(subKey);
    if (sub) sub.push(l);
    else g.subscriptions.set(subKey, [l]);
  }
  return groups;
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

/** The customer's only licence contract running in the month, else the only contract at all, else "". */
function proposeContract(input: ReconcileInput, customerNo: string): string {
  const from = firstDayOf(input.month);
  const to = lastDayOf(input.month);
  const running = input.contracts.filter((c) => c.customerNo === customerNo && c.start <= to && (c.end === undefined || c.end >= from));
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
  return {
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
    // Issue 19: term columns (the reference's lines carry no term data, so the position's).
    term: match?.version.term ?? null,
    billingFrequency: match?.version.billingFrequency ?? null,
    commitmentEnd: match?.version.termEnd ?? null,
    notices: status === "new_position" && !contractNo ? [{ code: "note.reconcile.choose_contract", params: {} }] : [],
    rows: vq.rows,
  };
}

function findingOf(vendorQty: Decimal, contractQty: Decimal, price: Decimal | null, cost: Decimal | null): string {
  const findings: string[] = [];
  if (vendorQty.greaterThan(contractQty)) findings.push("unbilled");
  if (price !== null && cost !== null && price.lessThan(cost)) findings.push("negative_margin");
  return findings.join(" ");
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
      rows.push({
        status: "missing_in_file",
        customerNo: c.contract.customerNo,
        customerName: input.customers.get(c.contract.customerNo)?.name ?? "",
        contractNo: c.contract.no,
        positionNo: v.positionNo,
        articleNo: v.articleNo,
        externalCustomerId: "",
        externalArticleId: v.vendorKey ?? "",
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
        term: v.term ?? null,
        billingFrequency: v.billingFrequency ?? null,
        commitmentEnd: v.termEnd ?? null,
        notices: [{ code: "note.reconcile.missing_in_file", params: {} }],
        rows: [],
      });
    }
  }
  return rows;
}
