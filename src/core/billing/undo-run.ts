import { Result, fail, issue, ok } from "../issues";
import type { LedgerEntry } from "./ledger";

/** A billing run as the undo check needs it (the store's run record fits). */
export interface RunInfo {
  id: string;
  /** When the run was made (ISO timestamp); runs are ordered by it, then by id. */
  createdAt: string;
  /** Set when the run was undone already. */
  undoneAt?: string;
}

/** What undoing a run does to the ledger. */
export interface UndoPlan {
  /** The ledger after the undo (the state before the run). */
  keep: LedgerEntry[];
  removed: LedgerEntry[];
  /** The invoices the run made (from its ledger entries). */
  invoiceRefs: string[];
}

/**
 * Plans undoing a billing run: allowed only for the latest run that is not undone yet, because a
 * later run may have billed differences against this run's entries. The ledger then returns exactly
 * to its state before the run. Pure: the store applies the plan.
 */
export function planUndoRun(runId: string, runs: readonly RunInfo[], ledger: readonly LedgerEntry[]): Result<UndoPlan> {
  const active = runs.filter((r) => r.undoneAt === undefined);
  if (!active.some((r) => r.id === runId)) return fail(issue("billing.undo_unknown_run", { run: runId }));
  const latest = [...active].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1)).pop()!;
  if (latest.id !== runId) return fail(issue("billing.undo_not_latest", { run: runId, latest: latest.id }));
  const keep: LedgerEntry[] = [];
  const removed: LedgerEntry[] = [];
  for (const e of ledger) (e.runId === runId ? removed : keep).push(e);
  return ok({ keep, removed, invoiceRefs: [...new Set(removed.map((e) => e.invoiceRef))].sort() });
}
