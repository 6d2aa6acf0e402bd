import type { Invoice, InvoiceLine } from "../billing/invoice";
import type { LedgerEntry } from "../billing/ledger";
import { addMonths, monthOf } from "../date/iso-month";
import { Decimal, ZERO } from "../money/decimal";

/** Where an invoice's ledger entries disagree with its lines: the field, and the line or entry. */
export interface LedgerMismatch {
  field: string;
  line?: number;
  entry?: string;
}

const LEDGER_LINE_TYPES: ReadonlySet<string> = new Set(["recurring", "difference"]);
const sameNumber = (a: string, b: string): boolean => a === b || new Decimal(a).equals(b);

/**
 * Checks an invoice's ledger entries against its lines, for invoices issued before they kept a
 * ledger digest (see ledger-digest.ts): every recurring or difference line has entries, one per month
 * from its first to its last service month, the first starting on the line's first day and the last
 * ending on its last; their rounded amounts add up to the line's net and their exact amounts to its
 * exact amount; each entry names the line's contract, position, article, description, quantity, unit
 * price, discount and VAT rate (numbers by value), its line type and corrected invoice — except a
 * Stornorechnung's entries, which are differences cancelling the original (`cancelsRef`) while its
 * lines keep the original's type. Every entry belongs to such a line. Returns the first mismatch.
 */
export function ledgerMismatch(invoice: Pick<Invoice, "lines" | "cancels">, entries: readonly LedgerEntry[]): LedgerMismatch | null {
  const byLine = new Map<number, LedgerEntry[]>();
  for (const e of entries) byLine.get(e.lineNo)?.push(e) ?? byLine.set(e.lineNo, [e]);
  for (const line of invoice.lines) {
    if (!LEDGER_LINE_TYPES.has(line.lineType)) continue;
    const own = (byLine.get(line.lineNo) ?? []).sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
    byLine.delete(line.lineNo);
    const problem = lineMismatch(line, own, invoice.cancels?.number);
    if (problem) return { ...problem, line: line.lineNo };
  }
  const stray = [...byLine.values()].flat().sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  return stray ? { field: "lineNo", entry: stray.id } : null;
}

function lineMismatch(line: InvoiceLine, own: readonly LedgerEntry[], cancels: string | undefined): LedgerMismatch | null {
  if (own.length === 0) return { field: "entries" };
  let month = monthOf(line.serviceFrom);
  for (const e of own) {
    if (e.month !== month) return { field: "month", entry: e.id };
    month = addMonths(month, 1);
    const field = entryMismatch(line, e, cancels);
    if (field) return { field, entry: e.id };
  }
  if (own[0]!.serviceFrom !== line.serviceFrom) return { field: "serviceFrom", entry: own[0]!.id };
  const last = own.at(-1)!;
  if (last.month !== monthOf(line.serviceTo)) return { field: "month", entry: last.id };
  if (last.serviceTo !== line.serviceTo) return { field: "serviceTo", entry: last.id };
  const total = (k: "roundedAmount" | "exactAmount") => own.reduce((s, e) => s.plus(e[k]), ZERO);
  if (!total("roundedAmount").equals(line.netAmount)) return { field: "roundedAmount" };
  if (!total("exactAmount").equals(line.exactAmount)) return { field: "exactAmount" };
  return null;
}

function entryMismatch(line: InvoiceLine, e: LedgerEntry, cancels: string | undefined): string | null {
  if (e.contractNo !== line.contractNo) return "contractNo";
  if (e.positionNo !== line.positionNo) return "positionNo";
  if (e.articleNo !== line.articleNo) return "articleNo";
  if (e.description !== line.description) return "description";
  for (const k of ["quantity", "unitPrice", "discountPct", "vatPct"] as const) if (!sameNumber(e[k], line[k])) return k;
  if ((e.cancelsRef ?? undefined) !== cancels) return "cancelsRef";
  if (cancels !== undefined) return null;
  if (e.lineType !== line.lineType) return "lineType";
  if ((e.correctsRef ?? undefined) !== line.correctsRef) return "correctsRef";
  return null;
}
