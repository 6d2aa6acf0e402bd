import { IsoDate } from "../../core/date/iso-date";
import { Issue, issue } from "../../core/issues";
import { Decimal, toStored } from "../../core/money/decimal";
import { DateOrder, parseDateText, parseDecimalText } from "../values";
import { classifyChargeType } from "./charge-type";
import { coveredMonths } from "./covered-months";
import { HeaderIndex, resolveField } from "./match-profile";
import { ProfileColumns, ProfileField, VendorProfile } from "./profile";
import { parseTermAndBillingCycle } from "./term";
import { VendorLine } from "./vendor-line";

/**
 * Mapping one file row to one canonical vendor line: pure apart from caches, so a host can feed
 * rows in any chunks (Web Worker, stream, batches between UI frames). Aggregation, counting unknown
 * charge types and capping issues happen in read-vendor.ts on top of this.
 */

/** A field's columns in the file: indexes in priority order and their header texts. */
interface Resolved {
  idx: number[];
  /** Header text for messages (the first resolved column, or the profile's first alias). */
  header: string;
}

/** Everything needed to map rows of one file, prepared once from its header row. */
export interface RowContext {
  profile: VendorProfile;
  source: string;
  fields: Readonly<Record<Exclude<ProfileField, "articleKey">, Resolved>>;
  articleKey: readonly Resolved[];
  decimalSeparator: "," | ".";
  dateOrder: DateOrder;
  /** Shown in date errors: `M/D/YYYY`, `DD.MM.YYYY` … */
  dateFormatLabel: string;
  dateCache: Map<string, IsoDate | null>;
  monthsCache: Map<string, Decimal | null>;
}

const SCALAR_FIELDS = [
  "customerId", "customerName", "articleName", "subscriptionId", "chargeType", "chargeFrom", "chargeTo", "usageDate",
  "quantity", "amount", "unitCost", "unitPrice", "currency", "termAndBillingCycle", "billingFrequency",
] as const satisfies readonly Exclude<ProfileField, "articleKey">[];

/** Prepares the mapping of a file's rows for a profile and its header row. */
export function createRowContext(
  profile: VendorProfile,
  header: HeaderIndex,
  options: { source: string; decimalSeparator: "," | "."; dateOrder: DateOrder },
): RowContext {
  const resolve = (source: ProfileColumns[ProfileField] | undefined, fallbackName: string): Resolved => {
    const idx = resolveField(header, source as ProfileColumns["customerId"] | undefined);
    const first = idx[0];
    const name = first !== undefined ? (header.headers[first] ?? "").trim() : fallbackName;
    return { idx, header: name };
  };
  const fields = {} as Record<Exclude<ProfileField, "articleKey">, Resolved>;
  for (const f of SCALAR_FIELDS) {
    const src = profile.columns[f];
    fields[f] = resolve(src, src?.[0]?.[0] ?? f);
  }
  const articleKey = profile.columns.articleKey.map((part) => resolve(part, part[0]?.[0] ?? "articleKey"));
  const dateFormatLabel = options.dateOrder === "dmy" ? "DD.MM.YYYY" : options.dateOrder === "mdy" ? "M/D/YYYY" : "YYYY-MM-DD";
  return {
    profile,
    source: options.source,
    fields,
    articleKey,
    decimalSeparator: options.decimalSeparator,
    dateOrder: options.dateOrder,
    dateFormatLabel,
    dateCache: new Map(),
    monthsCache: new Map(),
  };
}

/** The first non-empty cell of a field on the row (trimmed), or "" when none. */
function pick(cells: readonly string[], r: Resolved): string {
  for (const i of r.idx) {
    const v = cells[i];
    if (v !== undefined) {
      const t = v.trim();
      if (t !== "") return t;
    }
  }
  return "";
}

/** Ids that Excel turned into numbers: `1.23457E+17`, or more than 15 digits ending in zeros after a round trip. */
const MANGLED_ID = /^\d(?:[.,]\d+)?E\+\d+$/i;
const LIMIT = new Decimal("1e15");
/** Decimals kept in a computed unit cost (usage prices have many: 0.0209951014286867). */
export const UNIT_COST_DECIMALS = 10;
const DATE_CACHE_LIMIT = 50_000;

export interface MappedRow {
  line: VendorLine | null;
  issues: Issue[];
}

/**
 * Maps one data row. Errors (a missing id, a bad number or date) drop the row and are returned as
 * issues naming row and column; warnings (an id Excel shortened) keep it. Unknown charge types are
 * not reported here (the reader counts them per value).
 */
export function mapVendorRow(ctx: RowContext, cells: readonly string[], row: number): MappedRow {
  const { profile, source, fields: F } = ctx;
  const issues: Issue[] = [];
  const where = (column: string) => ({ source, row, column });
  const err = (code: string, params: Issue["params"], column: string): void => {
    issues.push(issue(code, params, where(column)));
  };
  const requiredText = (r: Resolved): string => {
    const v = pick(cells, r);
    if (v === "") err("parse.required", {}, r.header);
    return v;
  };
  const idText = (r: Resolved, required: boolean): string => {
    const v = required ? requiredText(r) : pick(cells, r);
    if (v !== "" && MANGLED_ID.test(v)) issues.push(issue("vendor.id_mangled", { value: v }, where(r.header), "warning"));
    return v;
  };
  const number = (r: Resolved, required: boolean): Decimal | null => {
    if (r.idx.length === 0) return null;
    const raw = pick(cells, r);
    if (raw === "") {
      if (required) err("parse.required", {}, r.header);
      return null;
    }
    const value = parseDecimalText(raw, ctx.decimalSeparator);
    if (value === null) {
      err("parse.invalid_number", { value: raw }, r.header);
      return null;
    }
    if (value.abs().gte(LIMIT)) {
      err("vendor.number_out_of_range", { value: raw.length > 40 ? `${raw.slice(0, 37)}…` : raw }, r.header);
      return null;
    }
    return value;
  };
  const date = (r: Resolved, required: boolean): IsoDate | null => {
    if (r.idx.length === 0) return null;
    const raw = pick(cells, r);
    if (raw === "") {
      if (required) err("parse.required", {}, r.header);
      return null;
    }
    let value = ctx.dateCache.get(raw);
    if (value === undefined) {
      value = parseDateText(raw, ctx.dateOrder);
      if (ctx.dateCache.size < DATE_CACHE_LIMIT) ctx.dateCache.set(raw, value);
    }
    if (value === null) err("vendor.invalid_date", { value: raw.length > 40 ? `${raw.slice(0, 37)}…` : raw, format: ctx.dateFormatLabel }, r.header);
    return value;
  };

  const customerId = idText(F.customerId, true);
  const keyParts = ctx.articleKey.map((r) => idText(r, true));
  const subscriptionId = idText(F.subscriptionId, false);
  const rawChargeType = pick(cells, F.chargeType);
  const usageProfile = profile.aggregate === "customer-article-month";
  const usageDate = date(F.usageDate, usageProfile);
  const chargeFrom = date(F.chargeFrom, F.chargeFrom.idx.length > 0 && !usageProfile);
  const chargeTo = date(F.chargeTo, F.chargeTo.idx.length > 0 && !usageProfile);
  if (chargeFrom && chargeTo && chargeTo < chargeFrom) err("vendor.period_reversed", { from: chargeFrom, to: chargeTo }, F.chargeTo.header);
  let quantity = number(F.quantity, true);
  let amount = number(F.amount, true);
  const fileUnitCost = number(F.unitCost, false);
  const unitPrice = number(F.unitPrice, false);
  if (issues.some((i) => i.severity === "error")) return { line: null, issues };

  // Signs (profile.sign): Microsoft's reversal lines carry a positive quantity and a negative Subtotal.
  let q = quantity!;
  if (profile.sign === "flip") {
    q = q.negated();
    if (amount) amount = amount.negated();
  } else if (profile.sign === "fromAmount" && amount && !amount.isZero()) {
    q = amount.isNegative() ? q.abs().negated() : q.abs();
  }
  quantity = q;

  const termText = pick(cells, F.termAndBillingCycle);
  const frequency = pick(cells, F.billingFrequency);
  const term = termText !== "" || frequency !== "" ? parseTermAndBillingCycle(termText, frequency) : {};

  // Covered months: usage rows have none; one-time charges neither.
  let months: Decimal | null = null;
  const period = usageProfile ? null : chargeFrom && chargeTo ? { from: chargeFrom, to: chargeTo } : null;
  if (period && term.billingCycle !== "one_time") {
    const key = `${period.from}|${period.to}`;
    months = ctx.monthsCache.get(key) ?? null;
    if (!ctx.monthsCache.has(key)) {
      months = coveredMonths(period.from, period.to);
      if (ctx.monthsCache.size < DATE_CACHE_LIMIT) ctx.monthsCache.set(key, months);
    }
  }
  const divisor = months && !months.isZero() ? months : null;

  let unitCost: Decimal | null = null;
  if (fileUnitCost) {
    unitCost = fileUnitCost;
    if (!amount) amount = fileUnitCost.times(quantity).times(divisor ?? 1);
  } else if (amount && !quantity.isZero()) {
    unitCost = amount.div(quantity);
    if (divisor) unitCost = unitCost.div(divisor);
    unitCost = unitCost.toDecimalPlaces(UNIT_COST_DECIMALS, Decimal.ROUND_HALF_UP);
  }

  const info = classifyChargeType(rawChargeType);
  const currency = pick(cells, F.currency) || profile.defaultCurrency || "";
  const line: VendorLine = {
    profileId: profile.id,
    source,
    row,
    rowCount: 1,
    vendorCustomerId: customerId,
    vendorCustomerName: pick(cells, F.customerName),
    vendorArticleKey: keyParts.join(":"),
    vendorArticleName: pick(cells, F.articleName),
    subscriptionId,
    chargeType: rawChargeType.toLowerCase(),
    chargeKind: info.kind,
    changesQuantity: info.changesQuantity,
    chargeFrom: usageProfile ? usageDate : chargeFrom,
    chargeTo: usageProfile ? usageDate : chargeTo,
    coveredMonths: months ? toStored(months.toDecimalPlaces(6, Decimal.ROUND_HALF_UP)) : null,
    quantity: toStored(quantity),
    unitCost: unitCost ? toStored(unitCost) : null,
    amount: amount ? toStored(amount) : null,
    currency,
  };
  if (unitPrice) line.vendorUnitPrice = toStored(unitPrice);
  if (termText !== "") line.termAndBillingCycle = termText;
  if (frequency !== "") line.billingFrequency = frequency;
  if (term.term) line.term = term.term;
  if (term.billingCycle) line.billingCycle = term.billingCycle;
  return { line, issues };
}
