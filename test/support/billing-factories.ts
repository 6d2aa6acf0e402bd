import { computeBillingRun, BillingRunResult } from "../../src/core/billing/run-billing";
import type { Invoice, InvoiceLine } from "../../src/core/billing/invoice";
import type { LedgerEntry } from "../../src/core/billing/ledger";
import type { Contract, Customer, PositionVersion } from "../../src/core/contract/model";
import { IsoMonth, addMonths, lastDayOf } from "../../src/core/date/iso-month";

let seq = 0;

/** A contract: monthly, in advance, from 2026-01-01, customer K-1, unless overridden. */
export function contract(over: Partial<Contract> = {}): Contract {
  return { no: "V-1", customerNo: "K-1", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01", ...over };
}

/** A position version: position 1 of V-1, 10 × 31.00 from 2026-01-01, 19 % VAT, unless overridden. */
export function version(over: Partial<PositionVersion> = {}): PositionVersion {
  seq += 1;
  return {
    id: `v${seq}`,
    contractNo: "V-1",
    positionNo: 1,
    validFrom: "2026-01-01",
    articleNo: "A-1",
    description: "Cloud-Lizenz",
    quantity: "10",
    unitPrice: "31",
    discountPct: "0",
    vatPct: "19",
    seq,
    ...over,
  };
}

export const CUSTOMERS: Customer[] = [
  { no: "K-1", name: "Muster GmbH" },
  { no: "K-2", name: "Beispiel AG" },
];

/** State of a simulated store: contracts, versions, customers and the ledger written so far. */
export interface Book {
  contracts: Contract[];
  versions: PositionVersion[];
  customers?: Customer[];
  ledger: LedgerEntry[];
  nextInvoiceNumber?: number;
}

/** Runs billing for `month` against the book and appends the result to its ledger (as the store would). */
export function bill(book: Book, month: IsoMonth, runId = `run-${month}`): BillingRunResult {
  const result = computeBillingRun({
    runId,
    runMonth: month,
    invoiceDate: lastDayOf(month),
    customers: book.customers ?? CUSTOMERS,
    contracts: book.contracts,
    versions: book.versions,
    ledger: book.ledger,
    nextInvoiceNumber: book.nextInvoiceNumber ?? 1,
    formatInvoiceRef: (n) => `RE-${n}`,
  });
  book.ledger = [...book.ledger, ...result.newLedgerEntries];
  book.nextInvoiceNumber = result.nextInvoiceNumber;
  return result;
}

/** Runs billing month by month from `from` to `to` (inclusive); returns every invoice. */
export function billMonths(book: Book, from: IsoMonth, to: IsoMonth): Invoice[] {
  const out: Invoice[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(...bill(book, m).invoices);
  return out;
}

/** All lines of some invoices. */
export function linesOf(invoices: readonly Invoice[]): InvoiceLine[] {
  return invoices.flatMap((i) => i.lines);
}

/** A compact view of a line for exact assertions: `type from..to qty×price factor = net [ref]`. */
export function show(line: InvoiceLine): string {
  const ref = line.correctsRef ? ` ↩${line.correctsRef}` : "";
  return `${line.lineType} ${line.serviceFrom}..${line.serviceTo} ${line.quantity}×${line.unitPrice} f${line.periodFactor} = ${line.netAmount}${ref}`;
}
