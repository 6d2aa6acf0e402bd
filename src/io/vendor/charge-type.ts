/**
 * Charge types of vendor files as an open, case-insensitive set (research/domain.md A1). Unknown
 * values are not an error: the line is kept with kind `unknown` and the reader reports a warning.
 */

/** What a charge line means for reconciliation. */
export type ChargeKind =
  | "purchase" // new seats bought (NCE New, legacy purchase/activation fees and prorates)
  | "add_quantity" // NCE addQuantity: both the reversal of the old and the charge of the new total
  | "remove_quantity" // NCE removeQuantity: same pairing after a decrease
  | "cancel" // subscription cancelled (with its refund)
  | "convert" // upgrade / trial conversion
  | "renew" // renewal of the term
  | "cycle" // regular charge of a billing cycle
  | "instance_change" // legacy "Cycle instance prorate": licences changed; the line carries the total after the change
  | "credit" // credits, refunds, offsets (no seats)
  | "discount" // discount lines (no seats)
  | "usage" // consumption (Azure plan meters, usage fees)
  | "unknown";

export interface ChargeTypeInfo {
  kind: ChargeKind;
  /** Quantity-changing for the effective date of PRODUCT.md §5.7: new, addQuantity, removeQuantity, cancel, convert. */
  changesQuantity: boolean;
  /** False for lines that carry money but no seats (credits, discounts, usage). */
  countsSeats: boolean;
  /** The line's quantity is the subscription's total from its charge start (see SeatLine.setsTotal). */
  setsTotal: boolean;
}

/** Lower case without spaces, `_` and `-`: `addQuantity`, `ADD_QUANTITY` and `add quantity` are one value. */
export function chargeTypeKey(raw: string): string {
  return raw.toLowerCase().replace(/[\s_-]+/g, "");
}

const K = (kind: ChargeKind): ChargeTypeInfo => ({
  kind,
  changesQuantity: kind === "purchase" || kind === "add_quantity" || kind === "remove_quantity" || kind === "cancel" || kind === "convert" || kind === "instance_change",
  countsSeats: kind !== "credit" && kind !== "discount" && kind !== "usage",
  setsTotal: kind === "instance_change",
});

/**
 * Known charge types by {@link chargeTypeKey}. NCE values from the 2021 documentation and current
 * files (`new`, `addQuantity`, `removeQuantity`, `cancel`, `convert`, `renew`, `cycleCharge`,
 * `cancelImmediate`, `customerCredit`, `trialConversion`, `creditNote`); legacy English texts
 * ("Cycle fee", "Prorate fees when purchase", …) and the Partner Center API constants
 * (`PURCHASE_FEE`, `CYCLE_PRORATE`, …).
 */
const KNOWN: ReadonlyMap<string, ChargeTypeInfo> = new Map<string, ChargeTypeInfo>([
  // NCE
  ["new", K("purchase")],
  ["addquantity", K("add_quantity")],
  ["removequantity", K("remove_quantity")],
  ["cancel", K("cancel")],
  ["cancelimmediate", K("cancel")],
  ["convert", K("convert")],
  ["trialconversion", K("convert")],
  ["renew", K("renew")],
  ["cyclecharge", K("cycle")],
  ["customercredit", K("credit")],
  ["creditnote", K("credit")],
  // legacy license-based (English texts)
  ["activationfee", K("purchase")],
  ["proratefeeswhenpurchase", K("purchase")],
  ["proratefeeswhenactivate", K("purchase")],
  ["cancelfee", K("cancel")],
  ["cancelinstanceprorate", K("cancel")],
  ["proratefeeswhencancel", K("cancel")],
  ["cyclefee", K("cycle")],
  // "Prorated charges assessed from the customer when associated licenses are changed" (Microsoft):
  // charged from the change on, for the new total; the old count is refunded on its own line.
  ["cycleinstanceprorate", K("instance_change")],
  ["proratefeeswhenconvertawayfromcurrentoffering", K("convert")],
  ["proratefeeswhenconverttonewoffering", K("convert")],
  ["proratefeeswhenrenew", K("renew")],
  ["renewfee", K("renew")],
  ["assessusagefeeoncancel", K("usage")],
  ["assessusagefeeforcurrentcycle", K("usage")],
  ["offsetlineitem", K("credit")],
  ["activationdiscount", K("discount")],
  ["cyclediscount", K("discount")],
  ["renewdiscount", K("discount")],
  ["canceldiscount", K("discount")],
  // Partner Center API constants (ServiceCostLineItem.ChargeType)
  ["purchasefee", K("purchase")],
  ["purchaseprorate", K("purchase")],
  ["activationprorate", K("purchase")],
  ["cancelprorate", K("cancel")],
  ["cancelusagefee", K("usage")],
  ["cycleusagefee", K("usage")],
  ["cycleprorate", K("cycle")],
  ["renewprorate", K("renew")],
  ["credit", K("credit")],
  ["onetimerefund", K("credit")],
  ["taxrefund", K("credit")],
  ["purchasediscount", K("discount")],
  ["renewaldiscount", K("discount")],
  // generic
  ["usage", K("usage")],
]);

const UNKNOWN: ChargeTypeInfo = { kind: "unknown", changesQuantity: false, countsSeats: true, setsTotal: false };

/**
 * What a charge type means. Matching ignores case, spaces, `_` and `-`; anything ending in
 * `discount` is a discount. Unknown values (also the empty string) give kind `unknown`, which still
 * counts seats so that nothing silently disappears from a reconciliation.
 */
export function classifyChargeType(raw: string): ChargeTypeInfo {
  const key = chargeTypeKey(raw);
  const known = KNOWN.get(key);
  if (known) return known;
  if (key.endsWith("discount") && key.length > "discount".length) return K("discount");
  return UNKNOWN;
}

/** True when the value is one of the known charge types. */
export function isKnownChargeType(raw: string): boolean {
  return classifyChargeType(raw).kind !== "unknown";
}
