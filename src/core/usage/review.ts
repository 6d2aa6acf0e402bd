/**
 * The usage review (issue 19), like the time review (time/review.ts): every usage record of the run
 * month and before that no active run billed, rated exactly as the billing run will rate it: customer,
 * article, rule, price, the net to the cent and the margin over the vendor's cost, with the clerk's
 * decision (approve / hold). The billing run takes the approved rows (computeUsageCharges).
 */
import type { Article, Customer } from "../contract/model";
import { type IsoMonth, firstDayOf, lastDayOf, monthName } from "../date/iso-month";
import { type Issue, issue } from "../issues";
import { Decimal, roundCents, sum, toCentsString, toStored } from "../money/decimal";
import type { MappingLookup } from "../reconcile/reconcile-month";
import type { UsageLine } from "../time/usage-line";
import type { UsageDecision, UsageRecord } from "./model";
import { type UsageRules, describeUsagePrice, usageExactNet, usageRuleFor, usageUnitPrice } from "./rules";

/** Currency invoices are written in; usage in another currency is a problem, not converted silently. */
export const INVOICE_CURRENCY = "EUR";

export interface UsageInput {
  runMonth: IsoMonth;
  records: readonly UsageRecord[];
  /** Mapping lookup by source and id in normal form (as reconciliation uses it). */
  lookup: MappingLookup;
  customers: ReadonlyMap<string, Customer>;
  articles: ReadonlyMap<string, Article>;
  rules: UsageRules;
  /** Keys of records an active run billed already (UsageMark.key). */
  billed: ReadonlySet<string>;
  /** Keys of records the clerk holds back (decision `hold`). */
  held: ReadonlySet<string>;
}

/** `charged`: the run bills it; `held`: priced, but held back; `problem`: the run cannot bill it (see issues). */
export type UsageReviewStatus = "charged" | "held" | "problem";

export interface UsageReviewRow {
  key: string;
  status: UsageReviewStatus;
  decision: UsageDecision;
  month: IsoMonth;
  customerNo: string;
  customerName: string;
  articleNo: string;
  /** The invoice line's text. */
  description: string;
  source: string;
  vendorCustomerId: string;
  vendorCustomerName: string;
  vendorArticleKey: string;
  vendorArticleName: string;
  meters: string[];
  unit: string;
  currency: string;
  quantity: string;
  /** Vendor cost (Σ amounts). */
  cost: string;
  listAmount: string | null;
  /** Where the rule came from (`customers.10001`) and what it says (`cost + 15 %`); "" when none. */
  rule: string;
  price: string;
  /** Net per unit as billed (net ÷ quantity, 6 decimals) and the net to the cent; null when not priced. */
  unitPrice: string | null;
  net: string | null;
  /** net − cost, to the cent; null when not priced. */
  margin: string | null;
  vatPct: string | null;
  issues: Issue[];
  /** File rows behind the record. */
  rows: string[];
}

export interface UsageReview {
  month: IsoMonth;
  rows: UsageReviewRow[];
  totals: { rows: number; charged: number; held: number; problems: number; net: string; cost: string };
}

/** A rated record: the review row plus the exact amounts the billing run needs. */
interface Rated {
  row: UsageReviewRow;
  exact: Decimal | null;
  unitPriceExact: Decimal | null;
}

function rate(input: UsageInput, r: UsageRecord): Rated {
  const issues: Issue[] = [];
  const customerNo = input.lookup("customer", r.source, r.vendorCustomerId) ?? "";
  const customer = customerNo ? input.customers.get(customerNo) : undefined;
  if (!customerNo) issues.push(issue("usage.unmapped_customer", { id: r.vendorCustomerId, name: r.vendorCustomerName }, undefined, "warning"));
  else if (!customer) issues.push(issue("master.unknown_customer", { customer: customerNo }, undefined, "warning"));
  const mapped = input.lookup("article", r.source, r.vendorArticleKey) ?? "";
  // A product without an article mapping is billed under the rule's article (e.g. one "Azure" article).
  let resolved = customerNo ? usageRuleFor(input.rules, customerNo, mapped) : null;
  // The article for an unmapped product: the rule's, else the customer's, else the defaults'.
  const articleNo = mapped || resolved?.rule.articleNo || input.rules.customers[customerNo]?.articleNo || input.rules.defaults?.articleNo || "";
  if (!mapped && articleNo && customerNo) resolved = usageRuleFor(input.rules, customerNo, articleNo) ?? resolved;
  const article = articleNo ? input.articles.get(articleNo) : undefined;
  if (customerNo && !articleNo) issues.push(issue("usage.no_article", { product: r.vendorArticleKey, name: r.vendorArticleName }, undefined, "warning"));
  else if (articleNo && !article) issues.push(issue("master.unknown_article", { article: articleNo }, undefined, "warning"));
  if (customerNo && !resolved) issues.push(issue("usage.no_rule", { customer: customerNo, article: articleNo || "-" }, undefined, "warning"));
  if (r.currency !== "" && r.currency.toUpperCase() !== INVOICE_CURRENCY) issues.push(issue("usage.foreign_currency", { currency: r.currency, expected: INVOICE_CURRENCY }, undefined, "warning"));
  let exact: Decimal | null = null;
  if (resolved) {
    exact = usageExactNet(resolved.rule.price, r);
    if (exact === null) issues.push(issue("usage.no_list_price", { product: r.vendorArticleKey }, undefined, "warning"));
  }
  const priced = issues.length === 0 && exact !== null;
  const net = priced ? roundCents(exact!) : null;
  const unitPriceExact = priced ? usageUnitPrice(exact!, r.quantity) : null;
  const decision: UsageDecision = input.held.has(r.key) ? "hold" : "approve";
  const row: UsageReviewRow = {
    key: r.key,
    status: !priced ? "problem" : decision === "hold" ? "held" : "charged",
    decision,
    month: r.month,
    customerNo,
    customerName: customer?.name ?? "",
    articleNo,
    description: `${article?.description ?? articleNo}: ${r.vendorArticleName || r.vendorArticleKey} ${monthName(r.month, "de")}`,
    source: r.source,
    vendorCustomerId: r.vendorCustomerId,
    vendorCustomerName: r.vendorCustomerName,
    vendorArticleKey: r.vendorArticleKey,
    vendorArticleName: r.vendorArticleName,
    meters: r.meters,
    unit: r.unit,
    currency: r.currency,
    quantity: r.quantity,
    cost: r.cost,
    listAmount: r.listAmount,
    rule: resolved?.path ?? "",
    price: resolved ? describeUsagePrice(resolved.rule.price) : "",
    unitPrice: unitPriceExact === null ? null : toStored(unitPriceExact.toDecimalPlaces(6)),
    net: net === null ? null : toCentsString(net),
    margin: net === null ? null : toCentsString(net.minus(r.cost)),
    vatPct: article?.vatPct ?? null,
    issues,
    rows: r.rows,
  };
  return { row, exact: priced ? exact : null, unitPriceExact };
}

/** The records the run month takes: up to its end, not billed by an active run; by month, customer, article, key. */
function open(input: UsageInput): UsageRecord[] {
  return input.records.filter((r) => r.month <= input.runMonth && !input.billed.has(r.key));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function rateAll(input: UsageInput): Rated[] {
  return open(input)
    .map((r) => rate(input, r))
    .sort((a, b) => cmp(a.row.month, b.row.month) || cmp(a.row.customerNo, b.row.customerNo) || cmp(a.row.articleNo, b.row.articleNo) || cmp(a.row.key, b.row.key));
}

/** The usage review of a run month (see module comment). */
export function buildUsageReview(input: UsageInput): UsageReview {
  const rows = rateAll(input).map((r) => r.row);
  const charged = rows.filter((r) => r.status === "charged");
  return {
    month: input.runMonth,
    rows,
    totals: {
      rows: rows.length,
      charged: charged.length,
      held: rows.filter((r) => r.status === "held").length,
      problems: rows.filter((r) => r.status === "problem").length,
      net: toCentsString(sum(charged.map((r) => new Decimal(r.net!)))),
      cost: toCentsString(sum(charged.map((r) => new Decimal(r.cost)))),
    },
  };
}

/** What the billing run bills for usage: the lines, and per billed record what to mark (the app stores UsageMarks). */
export interface UsageCharges {
  lines: UsageLine[];
  /** Every charged record with the key of its line; a record that comes to 0.00 has no line (`lineKey` null) but is marked billed too. */
  billed: { key: string; lineKey: string | null; customerNo: string; articleNo: string; month: IsoMonth; net: string; cost: string }[];
  /** Records the run leaves open (held or with a problem), with their issues. */
  open: { key: string; status: UsageReviewStatus; issues: Issue[] }[];
}

/**
 * The usage lines of a billing run (line type `usage`, PRODUCT.md §6.3): one per approved record,
 * quantity as the vendor counts it, unit price = net ÷ quantity, net rounded once to cents half away
 * from zero; the same rating as the review.
 */
export function computeUsageCharges(input: UsageInput): UsageCharges {
  const out: UsageCharges = { lines: [], billed: [], open: [] };
  for (const { row, exact, unitPriceExact } of rateAll(input)) {
    if (row.status !== "charged" || exact === null) {
      out.open.push({ key: row.key, status: row.status, issues: row.issues });
      continue;
    }
    const net = roundCents(exact);
    const lineKey = net.isZero() ? null : `usage:${row.key}`;
    if (lineKey) {
      out.lines.push({
        key: lineKey,
        lineType: "usage",
        customerNo: row.customerNo,
        contractNo: "",
        articleNo: row.articleNo,
        description: row.description,
        serviceFrom: firstDayOf(row.month),
        serviceTo: lastDayOf(row.month),
        quantity: new Decimal(row.quantity),
        // Shown with 6 decimals (0.005001 GB at 0.043 …); the net comes from the exact amount.
        unitPrice: unitPriceExact!.toDecimalPlaces(6),
        exact,
        net,
        vatPct: row.vatPct!,
        trace: row.rows,
      });
    }
    out.billed.push({ key: row.key, lineKey, customerNo: row.customerNo, articleNo: row.articleNo, month: row.month, net: toCentsString(net), cost: row.cost });
  }
  return out;
}
