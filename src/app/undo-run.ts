import { planUndoRun } from "../core/billing/undo-run";
import { Result, fail, issue, ok } from "../core/issues";
import type { AppContext } from "./context";

export interface UndoRunSummary {
  runId: string;
  ledgerEntriesRemoved: number;
  /** Every invoice the run made (recurring and usage-only ones alike). */
  invoiceRefs: string[];
  /** True when the invoice numbers were given back (no later number was used). */
  numbersReturned: boolean;
}

/**
 * Undoes the latest billing run while it is a draft (an issued one is refused): its ledger entries and invoices are removed (the ledger returns
 * exactly to its state before the run) and, when no invoice number was used since, its invoice
 * numbers are given back so the numbering has no gaps. The run record stays, marked undone, as does
 * the audit trail (which keeps the invoices' numbers and totals).
 */
export async function undoRun(ctx: AppContext, runId: string): Promise<Result<UndoRunSummary>> {
  return ctx.store.write(async (tx) => {
    const runs = await tx.runs.all();
    const ledger = await tx.ledger.ofRun(runId);
    const plan = planUndoRun(runId, runs, ledger);
    if (!plan.ok) return fail(...plan.issues);
    const run = runs.find((r) => r.id === runId)!;
    // GoBD: an issued run is immutable; the way back is a cancellation (app/cancel-invoice.ts).
    if (run.issuedAt) return fail(issue("billing.undo_issued", { run: runId, issuedAt: run.issuedAt, issuedBy: run.issuedBy ?? "finalize" }));
    const invoices = await tx.invoices.ofRun(runId);
    // The run record, its ledger entries and the stored invoices each may miss some (usage-only
    // invoices have no ledger entries; older run records listed fewer refs): the undo names them all.
    const invoiceRefs = [...new Set([...run.invoiceRefs, ...plan.value.invoiceRefs, ...invoices.map((i) => i.invoiceRef)])].sort();
    await tx.ledger.deleteMany(plan.value.removed.map((e) => e.id));
    await tx.invoices.deleteMany(invoices.map((i) => i.invoiceRef));
    const next = await tx.counters.peek("invoice");
    const numbersReturned = run.firstInvoiceNumber !== undefined && next === run.firstInvoiceNumber + invoiceRefs.length;
    if (numbersReturned) await tx.counters.set("invoice", run.firstInvoiceNumber!);
    const at = ctx.now();
    await tx.runs.put({ ...run, undoneAt: at });
    await tx.audit.append([
      {
        at,
        kind: "billing.run.undo",
        source: runId,
        entity: `run:${runId}`,
        before: { ledgerEntries: plan.value.removed.length, invoiceRefs, invoices: invoices.map((i) => [i.invoiceRef, i.customerNo, i.netTotal, i.grossTotal]) },
        after: { undoneAt: at, numbersReturned },
      },
    ]);
    return ok({ runId, ledgerEntriesRemoved: plan.value.removed.length, invoiceRefs, numbersReturned });
  });
}
