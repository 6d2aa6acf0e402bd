import { monthOf } from "../core/date/iso-month";
import { Result, fail, issue, ok } from "../core/issues";
import type { PositionVersion } from "../core/contract/model";
import { type CreatedPositions, type LinkRef, type WrittenRow, batchDependencies, firstDependency, isLaterBatch, rowEntity, undoChanges } from "../core/undo/batch-dependencies";
import type { StoreTx } from "../store/port";
import type { AuditRecord, ImportBatchRecord, UndoStep } from "../store/records";
import type { AppContext } from "./context";
import { billedClickMonths } from "./usage-state";

export { dropUndefined } from "./undo-steps";

export interface UndoSummary {
  batchId: string;
  versionsRemoved: number;
  rowsRestored: number;
}

/**
 * Undoes an import or apply batch as a whole: every key it wrote gets its previous row back (or is
 * deleted when the batch created it). Refused, with the reason, when a later batch (not undone) builds
 * on what the batch wrote (see core/undo/batch-dependencies.ts), or a billing run (not undone) already
 * billed its contract positions, contracts, time entries or meter readings. One transaction: all or
 * nothing.
 */
export async function undoBatch(ctx: AppContext, batchId: string): Promise<Result<UndoSummary>> {
  return ctx.store.write(async (tx) => {
    const batch = await tx.batches.get(batchId);
    if (!batch) return fail(issue("review.unknown_batch", { batch: batchId }));
    if (batch.undoneAt) return fail(issue("review.batch_already_undone", { batch: batchId }));
    const steps = stepsOf(batch);
    const rows = await writtenRows(tx, steps);
    const blocked = (await findLaterBatch(tx, batch, rows)) ?? (await findBillingRun(tx, batch, rows));
    if (blocked) return fail(blocked);
    const versions = (await tx.versions.getMany(batch.versionIds)).filter((v): v is PositionVersion => v !== undefined);
    const at = ctx.now();
    const audit: AuditRecord[] = [];
    // Reverse order, so a key written twice in one batch ends at its first "before".
    for (const step of [...steps].reverse()) {
      const current: unknown = await tx.tables.get(step.table, step.key);
      if (step.before === undefined) await tx.tables.delete(step.table, step.key);
      else await tx.tables.put(step.table, step.before as never);
      // every row the undo changes is in the audit log, with what it was and what it is again
      audit.push({ at, kind: step.before === undefined ? "undo.delete" : "undo.restore", source: batchId, entity: rowEntity(step.table, step.key, (current ?? step.before) as Record<string, unknown> | undefined), before: current, after: step.before });
    }
    await tx.batches.markUndone(batchId, at);
    await tx.audit.append([...audit, { at, kind: "batch.undo", source: batchId, entity: `batch:${batchId}`, before: { versionIds: batch.versionIds }, after: { undoneAt: at } }]);
    return ok({ batchId, versionsRemoved: versions.length, rowsRestored: steps.length - versions.length });
  });
}

/** How to reverse a batch (batches written before undo steps existed only name their versions). */
function stepsOf(batch: ImportBatchRecord): UndoStep[] {
  return batch.undo ?? batch.versionIds.map((id) => ({ table: "contractVersions" as const, key: id }));
}

/**
 * The rows a batch wrote, each key once (its first step, so `created` means the batch made the key),
 * with the row as stored now, or as it was before the batch when it is gone.
 */
async function writtenRows(tx: StoreTx, steps: readonly UndoStep[]): Promise<WrittenRow[]> {
  const first = new Map<string, UndoStep>();
  for (const s of steps) if (!first.has(`${s.table}\u0000${s.key}`)) first.set(`${s.table}\u0000${s.key}`, s);
  const byTable = new Map<UndoStep["table"], UndoStep[]>();
  for (const s of first.values()) byTable.set(s.table, [...(byTable.get(s.table) ?? []), s]);
  const out: WrittenRow[] = [];
  for (const [table, list] of byTable) {
    const stored = (await tx.tables.getMany(table, list.map((s) => s.key))) as (Record<string, unknown> | undefined)[];
    list.forEach((s, i) => out.push({ table, key: s.key, row: stored[i] ?? (s.before as Record<string, unknown> | undefined), created: s.before === undefined }));
  }
  return out;
}

/** The contract and purchase positions whose versions before the batch's own are none: undoing the batch removes them. */
async function createdPositions(tx: StoreTx, rows: readonly WrittenRow[]): Promise<CreatedPositions> {
  /** position → lowest own seq, for the batch's own version rows (`created`: added by the batch). */
  const firstSeq = (table: string, kind: (r: Record<string, unknown>) => boolean, no: string, pos: string) => {
    const own = new Map<string, { no: string; pos: number; seq: number }>();
    for (const w of rows) {
      if (w.table !== table || !w.created || !w.row || !kind(w.row)) continue;
      const key = JSON.stringify([w.row[no], w.row[pos]]);
      const seq = Number(w.row.seq);
      const known = own.get(key);
      if (!known || seq < known.seq) own.set(key, { no: String(w.row[no]), pos: Number(w.row[pos]), seq });
    }
    return own;
  };
  const ownIds = new Set(rows.map((w) => `${w.table}\u0000${w.key}`));
  const earlierOutside = (table: string, others: readonly Record<string, unknown>[], own: Map<string, { no: string; pos: number; seq: number }>, no: string, pos: string) => {
    const found = new Set<string>();
    for (const o of others) {
      const key = JSON.stringify([o[no], o[pos]]);
      const mine = own.get(key);
      if (mine && !ownIds.has(`${table}\u0000${String(o.id)}`) && Number(o.seq) < mine.seq) found.add(key);
    }
    return [...own].filter(([key]) => !found.has(key)).map(([, v]) => [v.no, v.pos] as const);
  };
  const sales = firstSeq("contractVersions", () => true, "contractNo", "positionNo");
  const purchase = firstSeq("purchaseContracts", (r) => r.kind === "position", "purchaseNo", "positionNo");
  const salesOthers = sales.size === 0 ? [] : await tx.versions.ofContracts([...new Set([...sales.values()].map((v) => v.no))]);
  const purchaseOthers = purchase.size === 0 ? [] : (await tx.purchase.ofPurchaseNos([...new Set([...purchase.values()].map((v) => v.no))])).filter((r) => r.kind === "position");
  return {
    positions: earlierOutside("contractVersions", salesOthers as unknown as Record<string, unknown>[], sales, "contractNo", "positionNo"),
    purchasePositions: earlierOutside("purchaseContracts", purchaseOthers as unknown as Record<string, unknown>[], purchase, "purchaseNo", "positionNo"),
  };
}

/** The latest later batch (not undone) that builds on what `batch` wrote, as the issue that refuses the undo. */
async function findLaterBatch(tx: StoreTx, batch: ImportBatchRecord, rows: readonly WrittenRow[]) {
  const later = (await tx.batches.active()).filter((b) => b.id !== batch.id && isLaterBatch(b, batch));
  if (later.length === 0) return null;
  const changes = undoChanges(rows, await createdPositions(tx, rows));
  const links = (await tx.links.all()) as unknown as LinkRef[];
  for (const b of later.sort((x, y) => (isLaterBatch(x, y) ? -1 : isLaterBatch(y, x) ? 1 : 0))) {
    const hit = firstDependency(changes, batchDependencies(b.kind, await writtenRows(tx, stepsOf(b)), links));
    if (hit) return issue(hit.code, { batch: batch.id, later: b.id, kind: b.kind, ...hit.params });
  }
  return null;
}

/**
 * A billing run (not undone, made at or after the batch) that billed what the batch wrote: a month
 * from a version's valid-from on of its position, any month of a contract whose header it wrote, its
 * time entries or the click months of its meter readings.
 */
async function findBillingRun(tx: StoreTx, batch: ImportBatchRecord, rows: readonly WrittenRow[]) {
  const runs = new Map((await tx.runs.all()).map((r) => [r.id, r]));
  const laterRun = async (entries: readonly { runId: string; contractNo: string; month: string }[]) => {
    for (const e of entries) {
      const run = runs.get(e.runId);
      if (!run || run.undoneAt || run.createdAt < batch.createdAt) continue;
      return issue("review.undo_blocked_by_run", { batch: batch.id, run: e.runId, contract: e.contractNo, month: e.month });
    }
    return null;
  };
  for (const w of rows) {
    if (w.table === "contractVersions" && w.row) {
      const v = w.row as unknown as PositionVersion;
      const fromMonth = monthOf(v.validFrom);
      const blocked = await laterRun((await tx.ledger.ofContracts([v.contractNo], fromMonth)).filter((e) => e.positionNo === v.positionNo));
      if (blocked) return blocked;
    } else if (w.table === "contracts") {
      const blocked = await laterRun(await tx.ledger.ofContracts([w.key]));
      if (blocked) return blocked;
    }
  }
  return findBilledUsage(tx, batch.id, rows);
}

/** Time entries or meter readings of the batch that a billing run (not undone) has billed block the undo. */
async function findBilledUsage(tx: StoreTx, batchId: string, rows: readonly WrittenRow[]) {
  const entries = rows.filter((w) => w.table === "timeEntries");
  const readings = rows.filter((w) => w.table === "meterReadings");
  if (entries.length + readings.length === 0) return null;
  const active = new Set((await tx.runs.active()).map((r) => r.id));
  for (const w of entries) {
    const billing = (w.row as { billing?: { runId: string } } | undefined)?.billing;
    if (billing && active.has(billing.runId)) return issue("review.undo_blocked_billed_usage", { batch: batchId, run: billing.runId });
  }
  const billedMonths = await billedClickMonths(tx);
  for (const w of readings) {
    const r = w.row as { contractNo?: string; readingDate?: string } | undefined;
    if (r?.contractNo && r.readingDate && billedMonths.has(`${r.contractNo}|${r.readingDate.slice(0, 7)}`)) return issue("review.undo_blocked_billed_usage", { batch: batchId, run: r.readingDate.slice(0, 7) });
  }
  return null;
}
