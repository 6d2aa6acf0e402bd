import type { BillingFrequency, TermLength } from "../contract/term";
import type { IsoDate } from "../date/iso-date";

/**
 * A vendor billing line as reconciliation needs it (the io layer's VendorLine fits this shape).
 * Quantities and money are canonical decimal strings; quantity is signed (a reversal counts negative).
 */
export interface SeatLine {
  profileId: string;
  source: string;
  row: number;
  vendorCustomerId: string;
  vendorCustomerName: string;
  vendorArticleKey: string;
  vendorArticleName: string;
  subscriptionId: string;
  chargeFrom: IsoDate | null;
  chargeTo: IsoDate | null;
  quantity: string;
  /** Cost per unit and month, recomputed from the amount. */
  unitCost: string | null;
  amount: string | null;
  /** new, addQuantity, removeQuantity, cancel, convert (PRODUCT.md §5.7). */
  changesQuantity: boolean;
  /** False for credits, discounts and usage, which carry money but no seats. */
  countsSeats: boolean;
  /**
   * True when the line's quantity is the subscription's whole seat count from its charge start on,
   * not a part to add up: Microsoft's legacy "Cycle instance prorate" ("prorated charges assessed from
   * the customer when associated licenses are changed") carries the total after the change, while the
   * old count is reversed on its own line. On a day such a line covers, it alone gives the seats.
   */
  setsTotal?: boolean;
  /** NCE commitment term, billing frequency and commitment end of the line's subscription, when the file tells. */
  term?: TermLength;
  billingFrequency?: BillingFrequency;
  subscriptionEnd?: IsoDate;
  /** New and renew lines start a term: their charge start is the purchase or renewal day. */
  startsTerm?: boolean;
}
