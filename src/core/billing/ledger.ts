import type { DecimalString } from "../contract/model";
import type { IsoDate } from "../date/iso-date";
import type { IsoMonth } from "../date/iso-month";
import { Decimal, ZERO } from "../money/decimal";
import { compareNatural } from "./invoice";

/** The kinds of recurring billing the ledger records. */
export type LedgerLineType = "recurring" | "difference";

/**
 * What was billed for one contract position in one calendar month, from one invoice line. A line
 * that spans several months (a quarter, a segment across a month end) has one entry per month, so
 * differential billing can compare month by month. Entries are append-only; undoing a run removes
 * the entries of that run.
 *
 * `quantity × unitPrice × (1 − discountPct/100)` is the monthly net rate the entry was billed at;
 * for a difference entry it is the change of that rate (e.g. quantity −2), so the rates of all
 * entries covering a day add up to the rate billed for that day.
 */
export interface LedgerEntry {
  /** Unique id: `runId:invoiceRef:lineNo:month`. */
  id: string;
  runId: string;
  invoiceRef: string;
  /** Line number on the invoice. */
  lineNo: number;
  contractNo: string;
  positionNo: number;
  month: IsoMonth;
  /** First and last billed day of the entry, both inside `month`. */
  serviceFrom: IsoDate;
  serviceTo: IsoDate;
  articleNo: string;
  description: string;
  quantity: DecimalString;
  unitPrice: DecimalString;
  discountPct: DecimalString;
  vatPct: DecimalString;
  /** Day-exact amount at the fixed exact scale (see exact-amount.ts). */
  exactAmount: DecimalString;
  /**
   * This month's share of the invoice line's rounded net: the line's cents spread over its months so
   * that the shares add up exactly to the line's net amount (what the customer was invoiced).
   */
  roundedAmount: DecimalString;
  lineType: LedgerLineType;
  /** For a difference: the invoice that first billed this month. */
  correctsRef?: string;
  /** Set on the negated entries of a Stornorechnung: the cancelled invoice (its months are billed again as they stand). */
  cancelsRef?: string;
}

/** Ledger entries by contract number, position number and month. */
export type LedgerIndex = Map<string, Map<number, Map<IsoMonth, LedgerEntry[]>>>;

/** Groups ledger entries by contract, position and month. */
export function indexLedger(ledger: readonly LedgerEntry[]): LedgerIndex {
  const index: LedgerIndex = new Map();
  // Entries of one line (one contract position, consecutive months) usually follow each other.
  let lastContract: string | undefined;
  let lastPosition: number | undefined;
  let months: Map<IsoMonth, LedgerEntry[]> | undefined;
  for (const e of ledger) {
    if (e.contractNo !== lastContract || e.positionNo !== lastPosition || !months) {
      let positions = index.get(e.contractNo);
      if (!positions) index.set(e.contractNo, (positions = new Map()));
      months = positions.get(e.positionNo);
      if (!months) positions.set(e.positionNo, (months = new Map()));
      lastContract = e.contractNo;
      lastPosition = e.positionNo;
    }
    const list = months.get(e.month);
    if (list) list.push(e);
    else months.set(e.month, [e]);
  }
  return index;
}

/**
 * The entries that still stand: without the entries of cancelled invoices and the Stornorechnungen
 * that cancel them (the two add up to exactly zero per entry).
 */
export function standingEntries(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const cancelled = new Set<string>();
  for (const e of entries) if (e.cancelsRef !== undefined) cancelled.add(e.cancelsRef);
  if (cancelled.size === 0) return entries as LedgerEntry[];
  return entries.filter((e) => e.cancelsRef === undefined && !cancelled.has(e.invoiceRef));
}

/**
 * The invoice that first billed a month: the invoice of its recurring entries (the lowest number if
 * there were several), else of its earliest entry. Difference lines reference it.
 */
export function originalInvoiceRef(entries: readonly LedgerEntry[]): string | undefined {
  const recurring = entries.filter((e) => e.lineType === "recurring");
  const pool = recurring.length > 0 ? recurring : entries;
  let best: string | undefined;
  // Number order, not text order: RE-9 comes before RE-10 (numbers need not be zero-padded).
  for (const e of pool) if (best === undefined || compareNatural(e.invoiceRef, best) < 0) best = e.invoiceRef;
  return best;
}

/** Billed totals of a contract (optionally one position) in a month: exact and as invoiced. */
export function billedInMonth(
  ledger: readonly LedgerEntry[],
  query: { contractNo: string; month: IsoMonth; positionNo?: number },
): { exact: Decimal; rounded: Decimal } {
  let exact = ZERO;
  let rounded = ZERO;
  for (const e of ledger) {
    if (e.contractNo !== query.contractNo || e.month !== query.month) continue;
    if (query.positionNo !== undefined && e.positionNo !== query.positionNo) continue;
    exact = exact.plus(e.exactAmount);
    rounded = rounded.plus(e.roundedAmount);
  }
  return { exact, rounded };
}
