import type { BillingFrequency, TermLength } from "../contract/term";
import type { IsoDate } from "../date/iso-date";

export type ReconcileStatus = "unchanged" | "quantity_changed" | "new_position" | "missing_in_file" | "unmapped_customer" | "unmapped_article";
export const RECONCILE_STATUSES: readonly ReconcileStatus[] = ["quantity_changed", "new_position", "missing_in_file", "unmapped_customer", "unmapped_article", "unchanged"];

export type ReviewAction = "accept" | "skip";

/** One row of the review table (PRODUCT.md §3 step 3 and §8 `reconcile`). Decimals as strings. */
export interface ReviewRow {
  status: ReconcileStatus;
  customerNo: string;
  customerName: string;
  /** Target contract: the matched position's, or for a new position the proposed one ("" = choose). */
  contractNo: string;
  positionNo: number | null;
  articleNo: string;
  /** Vendor ids, several joined by a space when several vendor SKUs map to one article. */
  externalCustomerId: string;
  externalArticleId: string;
  vendorCustomerName: string;
  vendorArticleName: string;
  /** Mapping source (profile id). */
  source: string;
  /** Contract quantity on the reconciled day (sum of all positions of the article); null when none. */
  contractQty: string | null;
  /** Quantity of the target position alone (differs from contractQty when several positions hold the article). */
  positionQty: string | null;
  vendorQty: string | null;
  delta: string | null;
  effectiveDate: IsoDate;
  /** Vendor cost per unit and month. */
  unitCost: string | null;
  /** Our net price per unit and month (after discount). */
  unitPrice: string | null;
  /** unitPrice − unitCost per unit and month. */
  margin: string | null;
  action: ReviewAction;
  /**
   * Cost check of the same pass, several codes joined by a space, "" when fine: `unbilled` when the
   * vendor charges more seats than the contracts bill (revenue leakage), `negative_margin` when our
   * net price is below the vendor's unit cost, `not_refundable` when the row reduces or ends seats
   * after Microsoft's cancellation window (168 hours after purchase or renewal) closed, so the vendor
   * keeps charging them until the commitment ends, `billed_annually` for a position missing from the
   * file whose subscription the vendor bills once a year (or term), so no end is suggested.
   */
  finding: string;
  /** Vendor commitment of the subscription(s): term, billing frequency and last day; null / "" when unknown. */
  term: TermLength | null;
  billingFrequency: BillingFrequency | null;
  commitmentEnd: IsoDate | null;
  /** Notes as message codes with parameters, rendered per language by the host (the review's `note` column; e.g. `reconcile.not_refundable`). */
  notices: { code: string; params: Record<string, string | number> }[];
  /** Vendor file rows behind this row. */
  rows: number[];
}

/** Default action per status (PRODUCT.md §8): accept changes and new positions, skip the rest. */
export function defaultAction(status: ReconcileStatus): ReviewAction {
  return status === "quantity_changed" || status === "new_position" ? "accept" : "skip";
}
