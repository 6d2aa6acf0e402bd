import type { Customer, DecimalString } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import { Decimal, HUNDRED, ZERO, roundCents, toCentsString, toStored } from "../money/decimal";
import type { ChargeLine } from "./charge-line";

/** Line types of PRODUCT.md §6.3 (recurring billing produces the first two). */
export type InvoiceLineType = "recurring" | "difference" | "time" | "flat_fee" | "click" | "usage";

/** Decimals shown for a line's period factor (the net is computed from exact amounts, not from it). */
export const PERIOD_FACTOR_DECIMALS = 6;

/** One invoice line as exported (§6.3); money as decimal strings, the net with two decimals. */
export interface InvoiceLine {
  lineNo: number;
  lineType: InvoiceLineType;
  contractNo: string;
  positionNo: number;
  articleNo: string;
  description: string;
  serviceFrom: IsoDate;
  serviceTo: IsoDate;
  quantity: DecimalString;
  unitPrice: DecimalString;
  discountPct: DecimalString;
  /** Months covered, day-exact (1.5 = one and a half months); rounded for display. */
  periodFactor: DecimalString;
  /** Rounded once to cents, half away from zero, e.g. `-12.50`. */
  netAmount: DecimalString;
  /** The unrounded net (fixed exact scale), for traceability. */
  exactAmount: DecimalString;
  vatPct: DecimalString;
  /** For a difference line: the invoice it corrects. */
  correctsRef?: string;
  /** A recurring line for a period that fell due before the billed month (*Nachberechnung*). */
  catchUp?: true;
}

/** Net, VAT and gross of the lines with one VAT rate. */
export interface VatTotal {
  vatPct: DecimalString;
  net: DecimalString;
  vat: DecimalString;
  gross: DecimalString;
}

/** One invoice per customer and run. */
export interface Invoice {
  invoiceRef: string;
  runId: string;
  invoiceDate: IsoDate;
  customerNo: string;
  customerName: string;
  /** `correction` (Rechnungskorrektur) when every line corrects an earlier invoice. */
  documentType: "invoice" | "correction";
  /** Set on a Stornorechnung (a `correction` negating one whole invoice): the cancelled invoice's number and date, and why. */
  cancels?: { number: string; issueDate: IsoDate; reason?: string };
  lines: InvoiceLine[];
  /** Per VAT rate, highest rate first. */
  vatTotals: VatTotal[];
  netTotal: DecimalString;
  vatTotal: DecimalString;
  grossTotal: DecimalString;
}

/** What a document is called in German: a Stornorechnung (cancels one whole invoice), a Rechnungskorrektur or a Rechnung. */
export type DocumentTitle = "Rechnung" | "Rechnungskorrektur" | "Stornorechnung";

/** The title of an invoice's document; the same word in the printed page, the e-invoice PDF and every export. */
export function documentTitle(inv: Pick<Invoice, "documentType" | "cancels">): DocumentTitle {
  return inv.cancels ? "Stornorechnung" : inv.documentType === "correction" ? "Rechnungskorrektur" : "Rechnung";
}

/** The exported form of a charge line. */
export function toInvoiceLine(line: ChargeLine, lineNo: number): InvoiceLine {
  const s = line.state;
  return {
    lineNo,
    lineType: line.lineType,
    contractNo: line.contractNo,
    positionNo: line.positionNo,
    articleNo: s.articleNo,
    description: s.description,
    serviceFrom: line.serviceFrom,
    serviceTo: line.serviceTo,
    quantity: s.quantity,
    unitPrice: s.unitPrice,
    discountPct: s.discountPct,
    periodFactor: toStored(line.periodFactor.toDecimalPlaces(PERIOD_FACTOR_DECIMALS)),
    netAmount: toCentsString(line.net),
    exactAmount: toStored(line.exact),
    vatPct: s.vatPct,
    ...(line.correctsRef !== undefined ? { correctsRef: line.correctsRef } : {}),
  };
}

/**
 * VAT per rate on the sum of the rounded line nets, rounded half away from zero (§5.2, §14 UStG):
 * not the sum of per-line VAT, which can differ by a cent.
 */
export function computeVatTotals(lines: readonly Pick<InvoiceLine, "vatPct" | "netAmount">[]): VatTotal[] {
  const nets = new Map<string, Decimal>();
  for (const l of lines) {
    const rate = toStored(new Decimal(l.vatPct));
    nets.set(rate, (nets.get(rate) ?? ZERO).plus(l.netAmount));
  }
  return [...nets]
    .sort((a, b) => new Decimal(b[0]).comparedTo(a[0]))
    .map(([vatPct, net]) => {
      const vat = roundCents(net.times(vatPct).dividedBy(HUNDRED));
      return { vatPct, net: toCentsString(net), vat: toCentsString(vat), gross: toCentsString(net.plus(vat)) };
    });
}

/** Assembles an invoice from numbered lines (kept in the given order) and computes its totals. */
export function buildInvoice(
  header: { invoiceRef: string; runId: string; invoiceDate: IsoDate; customer: Customer },
  lines: readonly InvoiceLine[],
): Invoice {
  const vatTotals = computeVatTotals(lines);
  const total = (field: "net" | "vat" | "gross"): string => toCentsString(vatTotals.reduce((s, t) => s.plus(t[field]), ZERO));
  return {
    invoiceRef: header.invoiceRef,
    runId: header.runId,
    invoiceDate: header.invoiceDate,
    customerNo: header.customer.no,
    customerName: header.customer.name,
    documentType: lines.length > 0 && lines.every((l) => l.lineType === "difference") ? "correction" : "invoice",
    lines: [...lines],
    vatTotals,
    netTotal: total("net"),
    vatTotal: total("vat"),
    grossTotal: total("gross"),
  };
}

const LINE_TYPE_ORDER: Record<string, number> = { recurring: 0, difference: 1 };
const collator = new Intl.Collator("en", { numeric: true });
/** Natural order of numbers inside texts (`V-9` before `V-10`). */
export const compareNatural = (a: string, b: string): number => collator.compare(a, b);
const natural = compareNatural;

/** Order of lines on an invoice: contract, position, service start, recurring before difference. */
export function compareChargeLines(a: ChargeLine, b: ChargeLine): number {
  return (
    natural(a.contractNo, b.contractNo) ||
    a.positionNo - b.positionNo ||
    (a.serviceFrom < b.serviceFrom ? -1 : a.serviceFrom > b.serviceFrom ? 1 : 0) ||
    (LINE_TYPE_ORDER[a.lineType] ?? 9) - (LINE_TYPE_ORDER[b.lineType] ?? 9) ||
    natural(a.state.articleNo, b.state.articleNo) ||
    natural(a.correctsRef ?? "", b.correctsRef ?? "") ||
    a.exact.comparedTo(b.exact)
  );
}
