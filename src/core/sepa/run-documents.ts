import type { Invoice } from "../billing/invoice";
import { Decimal } from "../money/decimal";
import type { RunDocument } from "./plan";

/**
 * A stored invoice as the collection planner sees it: a negative total (a Rechnungskorrektur that
 * credits) is a credit note, naming the invoice it corrects when there is exactly one; anything else
 * is an invoice. Cancellations (Storno) are passed as `kind: "cancellation"` by whoever issues them.
 */
export function runDocumentOf(inv: Invoice): RunDocument {
  const negative = new Decimal(inv.grossTotal).isNegative();
  const corrected = [...new Set(inv.lines.flatMap((l) => (l.correctsRef !== undefined ? [l.correctsRef] : [])))];
  return {
    invoiceRef: inv.invoiceRef,
    customerNo: inv.customerNo,
    kind: negative ? "credit_note" : "invoice",
    grossTotal: new Decimal(inv.grossTotal).toFixed(2),
    invoiceDate: inv.invoiceDate,
    ...(negative && corrected.length === 1 ? { correctsRef: corrected[0]! } : {}),
  };
}
