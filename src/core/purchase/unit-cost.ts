import type { PositionVersion } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import { Decimal, HUNDRED, ONE, ZERO } from "../money/decimal";
import { PurchaseLink, PurchasePositionVersion, groupPurchaseVersions, purchaseRef, purchaseVersionOnDay } from "./model";

/**
 * How purchase cost is shared (PRODUCT.md §5.6), one rule for the report, the price update and the
 * cost check:
 *
 * **Per unit.** Every unit of a sales position consumes one unit of each purchase position linked to
 * it. The cost of a sales position per unit and month on a day is therefore the sum, over its linked
 * purchase positions, of their `unitCost` in force on that day (0 for a purchase position that has
 * not started or is ended with quantity 0). A purchase position feeding three customers' domains
 * charges each of them its full unit cost per domain; a sales position fed by hosting and a domain
 * costs both. The cost does not depend on other customers' quantities, so one customer's change
 * never moves another customer's margin. Whether the purchased quantity matches the quantity sold
 * is shown separately in the report (`purchase_qty` against `linked_sales_qty`).
 *
 * Margin per unit and month = net price − unit cost, where net price = unit price × (1 − discount);
 * margin % = margin ÷ net price × 100.
 */
export interface CostIndex {
  bySales: ReadonlyMap<string, PurchaseLink[]>;
  byPurchase: ReadonlyMap<string, PurchaseLink[]>;
  purchaseVersions: ReadonlyMap<string, PurchasePositionVersion[]>;
}

/** Key of a sales position in the index maps. */
export function salesKey(contractNo: string, positionNo: number): string {
  return `${contractNo}\u0000${positionNo}`;
}

/** Indexes links both ways, and purchase versions by `NO:POS`. */
export function buildCostIndex(links: readonly PurchaseLink[], purchaseVersions: readonly PurchasePositionVersion[]): CostIndex {
  const bySales = new Map<string, PurchaseLink[]>();
  const byPurchase = new Map<string, PurchaseLink[]>();
  const push = (map: Map<string, PurchaseLink[]>, key: string, l: PurchaseLink) => {
    const list = map.get(key);
    if (list) list.push(l);
    else map.set(key, [l]);
  };
  for (const l of [...links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    push(bySales, salesKey(l.contractNo, l.positionNo), l);
    push(byPurchase, purchaseRef(l.purchaseNo, l.purchasePositionNo), l);
  }
  return { bySales, byPurchase, purchaseVersions: groupPurchaseVersions(purchaseVersions) };
}

/** The unit cost a purchase position contributes on a day (0 when not started or ended). */
export function purchaseUnitCost(index: CostIndex, ref: string, day: IsoDate): Decimal {
  const v = purchaseVersionOnDay(index.purchaseVersions.get(ref) ?? [], day);
  return v && !new Decimal(v.quantity).isZero() ? new Decimal(v.unitCost) : ZERO;
}

/**
 * The cost per unit and month of a sales position on a day (see {@link CostIndex}); null when no
 * purchase position is linked to it. `override` replaces the unit cost of some purchase positions
 * (`NO:POS` → cost), as a price update proposes.
 */
export function salesUnitCost(
  index: CostIndex,
  contractNo: string,
  positionNo: number,
  day: IsoDate,
  override?: ReadonlyMap<string, Decimal>,
): Decimal | null {
  const links = index.bySales.get(salesKey(contractNo, positionNo));
  if (!links || links.length === 0) return null;
  let cost = ZERO;
  for (const l of links) {
    const ref = purchaseRef(l.purchaseNo, l.purchasePositionNo);
    cost = cost.plus(override?.get(ref) ?? purchaseUnitCost(index, ref, day));
  }
  return cost;
}

/** Net unit price: unit price × (1 − discount / 100). */
export function netUnitPrice(v: Pick<PositionVersion, "unitPrice" | "discountPct">): Decimal {
  return new Decimal(v.unitPrice).times(ONE.minus(new Decimal(v.discountPct).dividedBy(HUNDRED)));
}

/** Margin % of a net price over a cost, to two decimals; null when the net price is 0. */
export function marginPct(net: Decimal, cost: Decimal): Decimal | null {
  return net.isZero() ? null : net.minus(cost).dividedBy(net).times(HUNDRED).toDecimalPlaces(2);
}
