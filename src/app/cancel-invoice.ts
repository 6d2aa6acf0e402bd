import type { Invoice, InvoiceLine, VatTotal } from "../core/billing/invoice";
import type { LedgerEntry } from "../core/billing/ledger";
import type { IsoDate } from "../core/date/iso-date";
import { Result, fail, issue, ok } from "../core/issues";
import type { StoredInvoice } from "../store/records";
import type { AppContext } from "./context";
import { sealInvoices } from "./issue-run";
import { sequenceId } from "./numbering";

export interface CancelOutcome {
  /** The Stornorechnung's number and the run that holds it. */
  cancellationRef: string;
  runId: string;
  cancelled: string;
  grossTotal: string;
}

/** A decimal string negated as text, so its scale (cents, exact) stays as stored; zero stays zero. */
export function negateDecimal(s: string): string {
  if (s.startsWith("-")) return s.slice(1);
  return /^[0.]*$/.test(s) ? s : `-${s}`;
}

const negLine = (l: InvoiceLine, cancelled: string): InvoiceLine => ({
  ...l,
  quantity: negateDecimal(l.quantity),
  netAmount: negateDecimal(l.netAmount),
  exactAmount: negateDecimal(l.exactAmount),
  correctsRef: cancelled,
});
const negVat = (v: VatTotal): VatTotal => ({ vatPct: v.vatPct, net: negateDecimal(v.net), vat: negateDecimal(v.vat), gross: negateDecimal(v.gross) });

/**
 * Cancels an issued invoice (GoBD: an issued invoice is never changed): writes a Stornorechnung with
 * the negated lines and totals, its own number from the same gap-free range, referencing the
 * original's number and date; marks the original as cancelled; and appends the negated ledger
 * entries, so the cancelled months count as not billed and the next run bills them as the contract
 * stands then (a difference against what was issued). The cancellation is issued at once. Refused
 * for a draft's invoice (undo the draft), a cancellation, an invoice cancelled already, and while a
 * draft run holds numbers (its undo could not give them back without a gap).
 */
export async function cancelInvoice(ctx: AppContext, invoiceRef: string, options: { date?: IsoDate } = {}): Promise<Result<CancelOutcome>> {
  return ctx.store.write(async (tx) => {
    const original = await tx.invoices.get(invoiceRef);
    if (!original) return fail(issue("billing.cancel_unknown_invoice", { invoice: invoiceRef }));
    if (original.cancels) return fail(issue("billing.cancel_is_cancellation", { invoice: invoiceRef }));
    if (original.cancelledBy) return fail(issue("billing.cancel_already", { invoice: invoiceRef, cancellation: original.cancelledBy }));
    const run = await tx.runs.get(original.runId);
    if (!run || !run.issuedAt) return fail(issue("billing.cancel_not_issued", { invoice: invoiceRef, run: original.runId }));
    const draft = (await tx.runs.active()).find((r) => !r.issuedAt);
    if (draft) return fail(issue("billing.cancel_draft_pending", { run: draft.id }));

    const at = ctx.now();
    const date = options.date ?? (at.slice(0, 10) as IsoDate);
    const prefix = (await tx.settings.get("invoicePrefix")) ?? "RE-";
    const number = await tx.counters.reserve("invoice");
    const ref = `${prefix}${String(number).padStart(6, "0")}`;
    const runId = sequenceId("run", await tx.counters.reserve("run"));

    const { seqInRun: _s, cancelledBy: _c, chainSeq: _q, prevHash: _p, hash: _h, ...inv } = original;
    const storno: StoredInvoice = {
      ...(inv as Invoice),
      invoiceRef: ref,
      runId,
      invoiceDate: date,
      documentType: "correction",
      lines: original.lines.map((l) => negLine(l, invoiceRef)),
      vatTotals: original.vatTotals.map(negVat),
      netTotal: negateDecimal(original.netTotal),
      vatTotal: negateDecimal(original.vatTotal),
      grossTotal: negateDecimal(original.grossTotal),
      seqInRun: 0,
      cancels: { number: invoiceRef, issueDate: original.invoiceDate },
    };
    const ledger: LedgerEntry[] = (await tx.ledger.ofRun(original.runId))
      .filter((e) => e.invoiceRef === invoiceRef)
      .map((e) => ({
        ...e,
        id: `${runId}:${ref}:${e.lineNo}:${e.month}`,
        runId,
        invoiceRef: ref,
        quantity: negateDecimal(e.quantity),
        exactAmount: negateDecimal(e.exactAmount),
        roundedAmount: negateDecimal(e.roundedAmount),
        lineType: "difference",
        correctsRef: e.correctsRef ?? invoiceRef,
        cancelsRef: invoiceRef,
      }));
    await tx.runs.add({ id: runId, month: run.month, createdAt: at, invoiceDate: date, invoiceRefs: [ref], firstInvoiceNumber: number, issuedAt: at, issuedBy: "cancellation", kind: "cancellation" });
    await tx.invoices.addMany(await sealInvoices(tx, [storno]));
    await tx.invoices.putMany([{ ...original, cancelledBy: ref }]);
    await tx.ledger.addMany(ledger);
    await tx.audit.append([
      {
        at,
        kind: "invoice.cancel",
        source: runId,
        entity: `invoice:${invoiceRef}`,
        before: { invoiceRef, runId: original.runId, netTotal: original.netTotal, grossTotal: original.grossTotal },
        after: { cancellationRef: ref, invoiceDate: date, netTotal: storno.netTotal, grossTotal: storno.grossTotal, ledgerEntries: ledger.length },
      },
    ]);
    return ok({ cancellationRef: ref, runId, cancelled: invoiceRef, grossTotal: storno.grossTotal });
  });
}
