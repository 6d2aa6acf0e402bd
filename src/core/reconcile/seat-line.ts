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
}
