/**
 * The questions the custom worksheet functions ask, answered from the in-memory lookup index
 * (no store access, no clock: the day is always passed in). Results are exact decimals or ISO
 * dates; "nothing there" is an issue with a message code of the "functions" block.
 */
import type { Article, Contract, Customer, PositionVersion } from "../contract/model";
import { contractActiveOn, versionOnDay } from "../contract/state-on-day";
import { nextDueDate as nextDueOf } from "../billing/due-charges";
import { contractProblem } from "../contract/contract-check";
import { type IsoDate, MAX_DATE } from "../date/iso-date";
import type { IsoMonth } from "../date/iso-month";
import { type Result, fail, issue, ok } from "../issues";
import { type Decimal, ZERO } from "../money/decimal";
import type { LedgerIndex } from "./ledger-index";
import type { MasterIndex, PositionHistory } from "./master-index";

/** A position of the asked article in force on the day, with the version in force. */
export interface ActivePosition {
  history: PositionHistory;
  version: PositionVersion;
}

export interface ActivePositions {
  customer: Customer;
  article: Article;
  positions: ActivePosition[];
}

/**
 * The customer's positions whose version in force on `day` has the article and a quantity other
 * than 0, in contracts running on that day (PRODUCT.md §5.1), by contract and position number.
 */
export function activePositions(index: MasterIndex, customerNo: string, articleNo: string, day: IsoDate): Result<ActivePositions> {
  const customer = index.customer(customerNo);
  if (!customer) return fail(issue("functions.unknown_customer", { customer: customerNo }));
  const article = index.article(articleNo);
  if (!article) return fail(issue("functions.unknown_article", { article: articleNo }));
  const positions: ActivePosition[] = [];
  for (const history of index.positionsWithArticle(customer.no, article.no)) {
    if (!contractActiveOn(history.contract, day)) continue;
    const version = versionOnDay(history.versions, day);
    if (version && version.articleNo === article.no && !index.amounts(version).quantity.isZero()) positions.push({ history, version });
  }
  return ok({ customer, article, positions });
}

/** Total quantity of the article at the customer on the day (0 when the customer has none). */
export function quantityOn(index: MasterIndex, customerNo: string, articleNo: string, day: IsoDate): Result<Decimal> {
  const found = activePositions(index, customerNo, articleNo, day);
  if (!found.ok) return found;
  return ok(found.value.positions.reduce((sum, p) => sum.plus(index.amounts(p.version).quantity), ZERO));
}

/**
 * Net unit price per month after discount, unit price × (1 − discount/100), of the article at the
 * customer on the day. With several positions, the quantity-weighted average: Σ monthly net / Σ
 * quantity. Not rounded.
 */
export function unitPriceOn(index: MasterIndex, customerNo: string, articleNo: string, day: IsoDate): Result<Decimal> {
  const found = activePositions(index, customerNo, articleNo, day);
  if (!found.ok) return found;
  const { positions, customer, article } = found.value;
  if (positions.length === 0) return fail(issue("functions.no_position", { customer: customer.no, article: article.no, date: day }));
  let net = ZERO;
  let quantity = ZERO;
  if (positions.length === 1) return ok(index.amounts(positions[0]!.version).unitNet);
  for (const p of positions) {
    const amounts = index.amounts(p.version);
    net = net.plus(amounts.monthlyNet);
    quantity = quantity.plus(amounts.quantity);
  }
  if (!quantity.isZero()) return ok(net.dividedBy(quantity));
  // Quantities that cancel out (not produced by the importers): fall back to the plain average.
  const prices = positions.map((p) => index.amounts(p.version).unitNet);
  return ok(prices.reduce((s, x) => s.plus(x), ZERO).dividedBy(prices.length));
}

/** Unit price (as {@link unitPriceOn}) minus the article's purchase price, per unit and month. */
export function marginOn(index: MasterIndex, customerNo: string, articleNo: string, day: IsoDate): Result<Decimal> {
  const price = unitPriceOn(index, customerNo, articleNo, day);
  if (!price.ok) return price;
  const article = index.article(articleNo)!;
  if (article.purchasePrice === undefined || article.purchasePrice.trim() === "") return fail(issue("functions.no_purchase_price", { article: article.no }));
  return ok(price.value.minus(article.purchasePrice));
}

/** The contract holding the article at the customer on the day; the first by contract number if several do. */
export function contractHolding(index: MasterIndex, customerNo: string, articleNo: string, day: IsoDate): Result<string> {
  const found = activePositions(index, customerNo, articleNo, day);
  if (!found.ok) return found;
  const { positions, customer, article } = found.value;
  const numbers = [...new Set(positions.map((p) => p.history.contract.no))].sort();
  if (numbers.length === 0) return fail(issue("functions.no_position", { customer: customer.no, article: article.no, date: day }));
  return ok(numbers[0]!);
}

/**
 * Total billed net of a contract in a month: the sum of the ledger's rounded amounts, recurring and
 * difference lines (what was invoiced for that month). 0 when nothing was billed; unknown contract
 * when neither the contracts nor the ledger know it.
 */
export function billedIn(master: MasterIndex, ledger: LedgerIndex, contractNo: string, month: IsoMonth): Result<Decimal> {
  const no = master.contract(contractNo)?.no ?? (ledger.hasContract(contractNo) ? contractNo : undefined);
  if (no === undefined) return fail(issue("functions.unknown_contract", { contract: contractNo }));
  return ok(ledger.billed(no, month).rounded);
}

function findContract(index: MasterIndex, contractNo: string): Result<Contract> {
  const contract = index.contract(contractNo);
  return contract ? ok(contract) : fail(issue("functions.unknown_contract", { contract: contractNo }));
}

/**
 * The valid-from date of the latest version in force on the day over all positions of the contract
 * (the last time its state changed on or before the day; an ending version with quantity 0 counts).
 */
export function versionInForce(index: MasterIndex, contractNo: string, day: IsoDate): Result<IsoDate> {
  const found = findContract(index, contractNo);
  if (!found.ok) return found;
  let latest: IsoDate | undefined;
  for (const history of index.positionsOf(found.value.no)) {
    const v = versionOnDay(history.versions, day);
    if (v && (latest === undefined || v.validFrom > latest)) latest = v.validFrom;
  }
  return latest === undefined ? fail(issue("functions.no_version", { contract: found.value.no, date: day })) : ok(latest);
}

/**
 * The first due date on or after `day` of the contract's billing periods (calendar-aligned per its
 * interval, cut to its start and end; advance: the cut period's first day, arrears: the day after
 * its last day — as the billing run computes them, PRODUCT.md §5.2). Based on the schedule alone,
 * not on what the ledger already holds.
 */
export function nextDueDate(index: MasterIndex, contractNo: string, day: IsoDate): Result<IsoDate> {
  const found = findContract(index, contractNo);
  if (!found.ok) return found;
  const c = found.value;
  const problem = contractProblem(c);
  if (problem) return fail(issue("billing.invalid_contract", { contract: c.no, field: problem.field, value: problem.value }));
  const due = nextDueOf(c, day);
  return due === null ? fail(issue("functions.no_next_bill", { contract: c.no, end: c.end ?? MAX_DATE, date: day })) : ok(due);
}
