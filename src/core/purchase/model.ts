import type { DecimalString } from "../contract/model";
import type { BillingInterval } from "../date/billing-period";
import type { IsoDate } from "../date/iso-date";

/**
 * Purchase contracts (Einkaufsverträge, PRODUCT.md §5.6) and their links to sales positions, as
 * stored in the `purchaseContracts` and `purchaseLinks` tables (schema v1: `&id, purchaseNo,
 * supplier` and `&id, purchaseNo, contractNo`).
 *
 * The `purchaseContracts` table holds two kinds of rows, told apart by `kind`:
 * - one {@link PurchaseContractRecord} per contract (`id` = `purchase:<purchase_no>`), the header;
 * - the append-only history of its positions, one {@link PurchasePositionVersion} per entry
 *   (`id` = `purchase:<purchase_no>/<position_no>/<valid_from>/<seq>`), versioned exactly like
 *   sales positions: the state on a day is the latest entry whose validFrom is on or before it
 *   (later `seq` wins on the same day), entries are never modified, quantity 0 ends the position.
 * Both carry `purchaseNo` (and `supplier`), so the schema's indexes serve both.
 */
export interface PurchaseContractRecord {
  id: string;
  kind: "contract";
  /** Our purchase contract number (the key of the contract). */
  purchaseNo: string;
  supplier: string;
  /** Our reference as the supplier knows it (customer reference on the supplier's invoices); "" when none. */
  supplierRef: string;
}

/** One entry in the history of a purchase position: its full state from `validFrom` on. */
export interface PurchasePositionVersion {
  id: string;
  kind: "position";
  purchaseNo: string;
  supplier: string;
  positionNo: number;
  validFrom: IsoDate;
  articleNo: string;
  description: string;
  /** Free text: the domain, certificate or host name the cost is for. */
  object: string;
  quantity: DecimalString;
  /** Net cost per unit and month (a yearly 12.00 domain is 1 per month). */
  unitCost: DecimalString;
  /** How the supplier invoices it (informational; the cost is per month). */
  interval: BillingInterval;
  /** Monotonic entry sequence (shared counter with sales versions); later wins on the same day. */
  seq: number;
  /** The batch that created the entry. */
  source: string;
}

/** The state fields of a purchase position version. */
export type PurchaseState = Pick<PurchasePositionVersion, "articleNo" | "description" | "object" | "quantity" | "unitCost" | "interval">;

/**
 * A link from one purchase position to one sales position (`id` =
 * `<purchase_no>/<purchase_position_no>><contract_no>/<position_no>`). One purchase position may
 * feed several sales positions; a sales position may be fed by several purchase positions (a
 * bundle: hosting plus domain), whose unit costs then add up (see unit-cost.ts).
 */
export interface PurchaseLink {
  id: string;
  purchaseNo: string;
  purchasePositionNo: number;
  contractNo: string;
  positionNo: number;
  /** The batch that created the link. */
  source: string;
}

/** Key of a purchase contract header row. */
export function purchaseContractId(purchaseNo: string): string {
  return `purchase:${purchaseNo}`;
}

/** Key of a purchase position version row. */
export function purchaseVersionId(v: Pick<PurchasePositionVersion, "purchaseNo" | "positionNo" | "validFrom" | "seq">): string {
  return `purchase:${v.purchaseNo}/${v.positionNo}/${v.validFrom}/${v.seq}`;
}

/** Key of a link row. */
export function purchaseLinkId(l: Pick<PurchaseLink, "purchaseNo" | "purchasePositionNo" | "contractNo" | "positionNo">): string {
  return `${l.purchaseNo}/${l.purchasePositionNo}>${l.contractNo}/${l.positionNo}`;
}

/** `NO:POS`, how a purchase position is named on the command line and in proposals. */
export function purchaseRef(purchaseNo: string, positionNo: number): string {
  return `${purchaseNo}:${positionNo}`;
}

/** True when two purchase states are the same. */
export function samePurchaseState(a: PurchaseState, b: PurchaseState): boolean {
  return (
    a.articleNo === b.articleNo &&
    a.description === b.description &&
    a.object === b.object &&
    a.quantity === b.quantity &&
    a.unitCost === b.unitCost &&
    a.interval === b.interval
  );
}

/** The version of one purchase position in force on `day` (latest validFrom ≤ day; later seq wins). */
export function purchaseVersionOnDay(versions: readonly PurchasePositionVersion[], day: IsoDate): PurchasePositionVersion | undefined {
  let best: PurchasePositionVersion | undefined;
  for (const v of versions) {
    if (v.validFrom > day) continue;
    if (!best || v.validFrom > best.validFrom || (v.validFrom === best.validFrom && v.seq > best.seq)) best = v;
  }
  return best;
}

/** Groups purchase versions by `NO:POS`. */
export function groupPurchaseVersions(versions: readonly PurchasePositionVersion[]): Map<string, PurchasePositionVersion[]> {
  const map = new Map<string, PurchasePositionVersion[]>();
  for (const v of versions) {
    const key = purchaseRef(v.purchaseNo, v.positionNo);
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  }
  return map;
}
