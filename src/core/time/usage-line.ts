import type { IsoDate } from "../date/iso-date";
import type { Decimal } from "../money/decimal";

/**
 * A usage charge for the billing run (time, flat fee or clicks), before it gets an invoice and a line
 * number. `net` is the exact amount rounded once to cents; `trace` names the time entries or meter
 * readings it was computed from.
 */
export interface UsageLine {
  /** Unique within a run; the billed markers refer to it. */
  key: string;
  lineType: "time" | "flat_fee" | "click";
  customerNo: string;
  /** "" for time billed without a contract (company default rules). */
  contractNo: string;
  articleNo: string;
  description: string;
  serviceFrom: IsoDate;
  serviceTo: IsoDate;
  quantity: Decimal;
  unitPrice: Decimal;
  exact: Decimal;
  net: Decimal;
  vatPct: string;
  trace: string[];
}

/** Shown quantities keep at most six decimals (hours of 10-minute units are 1/6 h); nets come from exact values. */
export const USAGE_QUANTITY_DECIMALS = 6;
