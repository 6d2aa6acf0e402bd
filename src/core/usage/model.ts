import type { IsoDate } from "../date/iso-date";
import type { IsoMonth } from "../date/iso-month";

/**
 * Usage re-billing (issue 19): consumption a vendor charges by quantity (Azure plan meters, daily
 * rated usage, usage columns of user profiles) is summed per vendor customer, product and month,
 * priced by a usage rule and billed as `usage` invoice lines. Decimals are canonical strings.
 */

/** One usage line of a vendor file as the usage core needs it (the io layer's VendorLine fits). */
export interface UsageSourceLine {
  /** Mapping source: the profile id that read the line. */
  profileId: string;
  /** File or sheet name and row, for tracing. */
  source: string;
  row: number;
  vendorCustomerId: string;
  vendorCustomerName: string;
  /** Product key (Microsoft `ProductId:SkuId`). */
  vendorArticleKey: string;
  vendorArticleName: string;
  /** The day the usage belongs to (usage date or charge start); its month is the billing month. */
  chargeFrom: IsoDate | null;
  quantity: string;
  /** What the vendor charges us (pre-tax, billing currency); null when the file has no amount. */
  amount: string | null;
  /** Quantity at list price in the billing currency, when the file gives list prices. */
  listAmount?: string;
  currency: string;
  meter?: string;
  unit?: string;
}

/** Usage of one vendor customer, product, currency and month, summed from the file's lines. */
export interface UsageRecord {
  /** `source|customer|product|currency|month`, ids in normal form: the usage's identity (also for billed marks and decisions). */
  key: string;
  source: string;
  month: IsoMonth;
  vendorCustomerId: string;
  vendorCustomerName: string;
  vendorArticleKey: string;
  vendorArticleName: string;
  /** Meters behind the record, sorted. */
  meters: string[];
  /** The unit when all lines agree, else "". */
  unit: string;
  currency: string;
  quantity: string;
  /** Σ vendor amounts: our cost. */
  cost: string;
  /** Σ list amounts, or null when a line has no list price. */
  listAmount: string | null;
  /** File rows behind the record (`file:row`), for tracing. */
  rows: string[];
}

/**
 * What a billing run billed for a usage record: stored by the app with the run (like the time
 * entries' billing marks), so the record is never billed twice and the cost check can compare.
 */
export interface UsageMark {
  /** UsageRecord.key. */
  key: string;
  runId: string;
  invoiceRef: string;
  lineNo: number;
  customerNo: string;
  articleNo: string;
  month: IsoMonth;
  /** Net billed, two decimals. */
  net: string;
  /** Vendor cost of the record when it was billed. */
  cost: string;
}

/** The clerk's decision on a usage record in the review: bill it with the next run, or hold it. */
export type UsageDecision = "approve" | "hold";
