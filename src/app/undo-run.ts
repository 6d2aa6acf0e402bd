import { planUndoRun } from "../core/billing/undo-run";
import { Result, fail, ok } from "../core/issues";
import { appendAudit } from "../store/audit";
import type { AppContext } from "./context";

export interface UndoRunSummary {
  runId: string;
  ledgerEntriesRemoved: number;
  invoiceRefs: string[];
}

/**
 * Undoes the latest billing run: its ledger entries are removed (the ledger returns exactly to its
 * state before the run) and, when no invoice number was used since, its invoice numbers are given
 * back so the numbering has no gaps. The run record stays, marked undone, as does the audit trail.
 */
export async function undoRun(ctx: AppContext, runId: string): Promise<Result<UndoRunSummary>> {
  const { db } = ctx;
  let result: Result<UndoRunSummary> | undefined;
  await db.transaction("rw", [db.runs, db.ledger, db.settings, db.auditLog], async () => {
    const runs = await db.runs.toArray();
    const ledger = await db.ledger.where("runId").equals(runId).toArray();
    const plan = planUndoRun(runId, runs, ledger);
    if (!plan.ok) return void (result = fail(...plan.issues));
    await db.ledger.bulkDelete(plan.value.removed.map((e) => e.id));
    const run = runs.find((r) => r.id === runId)!;
    const counter = await db.settings.get("counter:invoice");
    if (run.firstInvoiceNumber !== undefined && counter?.value === run.firstInvoiceNumber + run.invoiceRefs.length) {
      await db.settings.put({ key: "counter:invoice", value: run.firstInvoiceNumber });
    }
    const at = ctx.now();
    await db.runs.update(runId, { undoneAt: at });
    await appendAudit(db, [{ at, kind: "billing.run.undo", source: runId, entity: `run:${runId}`, before: { ledgerEntries: plan.value.removed.length, invoiceRefs: plan.value.invoiceRefs }, after: { undoneAt: at } }]);
    result = ok({ runId, ledgerEntriesRemoved: plan.value.removed.length, invoiceRefs: plan.value.invoiceRefs });
  });
  return result!;
}
