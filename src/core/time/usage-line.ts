import { toExact } from "../billing/exact-amount";
import type { InvoiceLine } from "../billing/invoice";
import type { IsoDate } from "../date/iso-date";
import { type Decimal, toCentsString, toStored } from "../money/decimal";

/**
 * A usage charge for the billing run (time, flat fee, clicks or re-billed vendor usage), before it gets an invoice and a line
 * number. `net` is the exact amount rounded once to cents; `trace` names the time entries or meter
 * readings it was computed from.
 */
export interface UsageLine {
  /** Unique within a run; the billed markers refer to it. */
  key: string;
  lineType: "time" | "flat_fee" | "click" | "usage";
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

/** A usage line as an invoice line (PRODUCT.md §6.3): no position (0), period factor 1, no discount. */
export function usageInvoiceLine(l: UsageLine, lineNo: number): InvoiceLine {
  return {
    lineNo,
    lineType: l.lineType,
    contractNo: l.contractNo,
    positionNo: 0,
    articleNo: l.articleNo,
    description: l.description,
    serviceFrom: l.serviceFrom,
    serviceTo: l.serviceTo,
    quantity: toStored(l.quantity),
    unitPrice: toStored(l.unitPrice),
    discountPct: "0",
    periodFactor: "1",
    netAmount: toCentsString(l.net),
    exactAmount: toStored(toExact(l.exact)),
    vatPct: l.vatPct,
  };
}
