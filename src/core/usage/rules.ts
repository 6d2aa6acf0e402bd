import { Decimal, HUNDRED, ONE, ZERO } from "../money/decimal";

/**
 * How usage is priced for a customer (README "Usage re-billing"):
 * - `cost_plus`: the vendor's cost plus `pct` percent (negative for a discount on cost);
 * - `list_price`: the quantity at the file's list price, less `discountPct` percent (only where the
 *   file gives list prices: Microsoft's UnitPrice × PCToBCExchangeRate, or a user profile's column);
 * - `fixed`: a fixed net price per unit (`unitPrice`), whatever the vendor charges.
 */
export type UsagePrice =
  | { method: "cost_plus"; pct: string }
  | { method: "list_price"; discountPct: string }
  | { method: "fixed"; unitPrice: string };

/** One usage rule: the price, and optionally the article billed for vendor products without an article mapping. */
export interface UsageRule {
  price: UsagePrice;
  /** Our article for the invoice line when the vendor product is not mapped to one. */
  articleNo?: string;
}

/**
 * The usage rules document: defaults, rules per article (ours, after mapping), rules per customer, and
 * per customer and article. The most specific rule wins: customer+article, customer, article, defaults.
 */
export interface UsageRules {
  defaults?: UsageRule;
  articles: Record<string, UsageRule>;
  /** A customer entry may hold only per-article rules (no `price` of its own). */
  customers: Record<string, Partial<UsageRule> & { articles?: Record<string, UsageRule> }>;
}

export const EMPTY_USAGE_RULES: UsageRules = { articles: {}, customers: {} };

/** Where a rule came from, for the review (`customers.10001.articles.AZURE`). */
export interface ResolvedUsageRule {
  rule: UsageRule;
  path: string;
}

/**
 * The rule for a customer and (mapped) article: customer+article, customer, article, defaults.
 * `articleNo` may be "" for a product without mapping: then only customer and default rules apply.
 */
export function usageRuleFor(rules: UsageRules, customerNo: string, articleNo: string): ResolvedUsageRule | null {
  const c = rules.customers[customerNo];
  const ca = articleNo ? c?.articles?.[articleNo] : undefined;
  if (ca) return { rule: ca, path: `customers.${customerNo}.articles.${articleNo}` };
  if (c?.price) return { rule: { price: c.price, ...(c.articleNo ? { articleNo: c.articleNo } : {}) }, path: `customers.${customerNo}` };
  const a = articleNo ? rules.articles[articleNo] : undefined;
  if (a) return { rule: a, path: `articles.${articleNo}` };
  return rules.defaults ? { rule: rules.defaults, path: "defaults" } : null;
}

/** The exact (unrounded) net of usage under a price; null for `list_price` without a list amount. */
export function usageExactNet(price: UsagePrice, usage: { quantity: string; cost: string; listAmount: string | null }): Decimal | null {
  switch (price.method) {
    case "cost_plus":
      return new Decimal(usage.cost).times(ONE.plus(new Decimal(price.pct).dividedBy(HUNDRED)));
    case "list_price":
      return usage.listAmount === null ? null : new Decimal(usage.listAmount).times(ONE.minus(new Decimal(price.discountPct).dividedBy(HUNDRED)));
    case "fixed":
      return new Decimal(usage.quantity).times(price.unitPrice);
  }
}

/** The unit price shown on the invoice line: exact net ÷ quantity (0 for a quantity of 0). */
export function usageUnitPrice(exact: Decimal, quantity: string): Decimal {
  const q = new Decimal(quantity);
  return q.isZero() ? ZERO : exact.dividedBy(q);
}

/** A price as text for the review: `cost + 15 %`, `list − 5 %`, `0.05 per unit`. */
export function describeUsagePrice(price: UsagePrice): string {
  if (price.method === "cost_plus") return `cost ${price.pct.startsWith("-") ? "−" : "+"} ${price.pct.replace(/^-/, "")} %`;
  if (price.method === "list_price") return price.discountPct === "0" ? "list price" : `list − ${price.discountPct} %`;
  return `${price.unitPrice} per unit`;
}
