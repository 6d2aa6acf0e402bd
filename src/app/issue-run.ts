import { Result, fail, issue, ok } from "../core/issues";
import type { StoreTx } from "../store/port";
import type { RunRecord } from "../store/records";
import type { AppContext } from "./context";

/** What issued a run: the explicit `finalize`, or the first export, printed document or e-invoice of it. */
export type IssueReason = "finalize" | "export" | "documents" | "einvoice" | "cancellation";

/**
 * Issues (festschreiben) a billing run inside the caller's transaction: from now on its invoices are
 * immutable (undo is refused; the way back is a cancellation). Issuing an issued run again changes
 * nothing, so every export path can call it. Returns the run as stored, or a failure for an unknown
 * or undone run.
 */
export async function issueRun(tx: StoreTx, runId: string, reason: IssueReason, at: string): Promise<Result<RunRecord>> {
  const run = await tx.runs.get(runId);
  if (!run || run.undoneAt) return fail(issue("billing.finalize_unknown_run", { run: runId }));
  if (run.issuedAt) return ok(run);
  const issued: RunRecord = { ...run, issuedAt: at, issuedBy: reason };
  await tx.runs.put(issued);
  await tx.audit.append([{ at, kind: "billing.run.issue", source: runId, entity: `run:${runId}`, after: { issuedAt: at, issuedBy: reason, invoiceRefs: run.invoiceRefs } }]);
  return ok(issued);
}

/** Issues a run in its own transaction (CLI `finalize`, the pane's Festschreiben, and exports). */
export function finalizeRun(ctx: AppContext, runId: string, reason: IssueReason = "finalize"): Promise<Result<RunRecord>> {
  return ctx.store.write((tx) => issueRun(tx, runId, reason, ctx.now()));
}
