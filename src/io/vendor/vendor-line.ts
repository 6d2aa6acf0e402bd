import type { IsoDate } from "../../core/date/iso-date";
import type { ChargeKind } from "./charge-type";
import type { BillingCycle, TermLength } from "./term";

/**
 * One line of a distributor billing file in the project's own terms, whatever the vendor called its
 * columns. Every id is text exactly as in the file (GUIDs, 18-digit order ids, SKU ids with leading
 * zeros). Numbers are canonical decimal strings (`-3.87`, `2`, no exponent) — never JS numbers.
 */
export interface VendorLine {
  /** Id of the file profile that read the line (e.g. `microsoft-nce-invoice`); the mapping source. */
  profileId: string;
  /** File or sheet name. */
  source: string;
  /** Row as the user sees it (header and title rows count). For aggregated lines: the first row. */
  row: number;
  /** Source rows folded into this line (1 for unaggregated profiles). */
  rowCount: number;
  /** Vendor customer id: for Microsoft the customer's tenant GUID (`CustomerId`). */
  vendorCustomerId: string;
  vendorCustomerName: string;
  /** Vendor article key: for Microsoft NCE `ProductId:SkuId`, legacy the DurableOfferId. */
  vendorArticleKey: string;
  vendorArticleName: string;
  /** Subscription id (Microsoft legacy: SyndicationPartnerSubscriptionNumber); "" when the file has none. */
  subscriptionId: string;
  /** The file's charge type, trimmed and lower-cased (`addquantity`, `cycle fee`); "" when absent. */
  chargeType: string;
  /** What the charge type means (see charge-type.ts); `unknown` for values the reader does not know; `usage` for usage lines (profile `usageRows`). */
  chargeKind: ChargeKind;
  /** True for the quantity-changing types of PRODUCT.md §5.7 (new, addQuantity, removeQuantity, cancel, convert; legacy instance prorates). */
  changesQuantity: boolean;
  /** The quantity is the subscription's total from the charge start (legacy "Cycle instance prorate"); absent otherwise. */
  setsTotal?: true;
  /** Charge period, both days included (Microsoft ChargeStartDate … ChargeEndDate); null when the file has none. */
  chargeFrom: IsoDate | null;
  chargeTo: IsoDate | null;
  /**
   * Months the charge covers, by the anniversary rule of `coveredMonths()` (a whole monthly cycle
   * is `1`, an annual one `12`, a 29-day proration in a 30-day cycle `0.966667`), rounded to 6
   * decimals for display (the unit cost uses the exact value); null without a period, for one-time
   * charges and for usage lines. Imported from covered-months.ts (see the formula there).
   */
  coveredMonths: string | null;
  /**
   * Signed quantity: BillableQuantity where the file has it (and the cell is not empty), else
   * Quantity, with the sign of the amount for profiles whose sign mode is `fromAmount` (Microsoft:
   * a reversal line with a negative Subtotal counts negative, PRODUCT.md §5.7).
   */
  quantity: string;
  /**
   * Cost per unit and month: `amount ÷ quantity ÷ coveredMonths` (÷ 1 when coveredMonths is null),
   * rounded to 10 decimals half away from zero — recomputed from the amount because Microsoft's
   * UnitPrice column is truncated. From the file's unit-cost column when a user profile maps one and
   * no amount. Null when the quantity is 0 or neither amount nor unit cost is known.
   */
  unitCost: string | null;
  /** Signed amount before tax (Microsoft: Subtotal; daily usage: BillingPreTaxTotal); null when unknown. */
  amount: string | null;
  /** ISO currency code as in the file; "" when unknown. */
  currency: string;
  /** The file's own unit price, for display only (Microsoft truncates it to two decimals); on aggregated lines only when all rows agree. */
  vendorUnitPrice?: string;
  /** Raw TermAndBillingCycle text (Microsoft NCE), e.g. `One-Year commitment for monthly/yearly billing`. */
  termAndBillingCycle?: string;
  /** Raw billing frequency column (NCE BillingFrequency, legacy BillingCycleType). */
  billingFrequency?: string;
  /** Commitment term parsed from the term text. */
  term?: TermLength;
  /** How often the vendor bills this subscription, parsed from frequency and term text. */
  billingCycle?: BillingCycle;
  /** First and last day of the subscription's commitment (SubscriptionStartDate / SubscriptionEndDate). */
  subscriptionStart?: IsoDate;
  subscriptionEnd?: IsoDate;
  /** Usage lines: the meter(s), joined by `; ` when aggregated lines had several. */
  meter?: string;
  /** Usage lines: the unit the quantity counts in (`1 GB/Month`). */
  unit?: string;
  /**
   * Usage lines: the quantity at list price in the billing currency (Σ quantity × list price ×
   * exchange rate), rounded to 10 decimals; absent when the file gives no list price for every row.
   */
  listAmount?: string;
}

/** First and last day covered by the lines of a file. */
export interface PeriodFound {
  from: IsoDate;
  to: IsoDate;
}
