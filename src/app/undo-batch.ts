import { monthOf } from "../core/date/iso-month";
import { Result, fail, issue, ok } from "../core/issues";
import type { PositionVersion } from "../core/contract/model";
import { appendAudit } from "../store/audit";
import { type CreatedPositions, type LinkRef, type WrittenRow, batchDependencies, firstDependency, isLaterBatch, rowEntity, undoChanges } from "../core/undo/batch-dependencies";
import type { MspDb } from "../store/db";
import type { AuditRecord, ImportBatchRecord, UndoStep } from "../store/records";
import type { AppContext } from "./context";
import { billedClickMonths } from "./meters";

/** Removes `before: undefined` so undo steps survive a JSON round trip unchanged. */
export function dropUndefined(steps: UndoStep[]): UndoStep[] {
  return steps.map((s) => (s.before === undefined ? { table: s.table, key: s.key } : s));
}

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
  const { db } = ctx;
  let result: Result<UndoSummary> | undefined;
  await db.transaction("rw", [db.importBatches, db.customers, db.articles, db.contracts, db.contractVersions, db.mappings, db.purchaseContracts, db.purchaseLinks, db.timeEntries, db.meterReadings, db.settings, db.ledger, db.runs, db.auditLog], async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch) return void (result = fail(issue("review.unknown_batch", { batch: batchId })));
    if (batch.undoneAt) return void (result = fail(issue("review.batch_already_undone", { batch: batchId })));
    const steps = stepsOf(batch);
    const rows = await writtenRows(ctx.db, steps);
    const blocked = (await findLaterBatch(ctx, batch, rows)) ?? (await findBillingRun(ctx, batch, rows));
    if (blocked) return void (result = fail(blocked));
    const versions = (await db.contractVersions.bulkGet(batch.versionIds)).filter((v): v is PositionVersion => v !== undefined);
    const at = ctx.now();
    const audit: AuditRecord[] = [];
    // Reverse order, so a key written twice in one batch ends at its first "before".
    for (const step of [...steps].reverse()) {
      const table = db.table(step.table);
      const current: unknown = await table.get(step.key);
      if (step.before === undefined) await table.delete(step.key);
      else await table.put(step.before);
      // every row the undo changes is in the audit log, with what it was and what it is again
      audit.push({ at, kind: step.before === undefined ? "undo.delete" : "undo.restore", source: batchId, entity: rowEntity(step.table, step.key, (current ?? step.before) as Record<string, unknown> | undefined), before: current, after: step.before });
    }
    await db.importBatches.update(batchId, { undoneAt: at });
    await appendAudit(db, [...audit, { at, kind: "batch.undo", source: batchId, entity: `batch:${batchId}`, before: { versionIds: batch.versionIds }, after: { undoneAt: at } }]);
    result = ok({ batchId, versionsRemoved: versions.length, rowsRestored: steps.length - versions.length });
  });
  return result!;
}

/** How to reverse a batch (batches written before undo steps existed only name their versions). */
function stepsOf(batch: ImportBatchRecord): UndoStep[] {
  return batch.undo ?? batch.versionIds.map((id) => ({ table: "contractVersions" as const, key: id }));
}

/**
 * The rows a batch wrote, each key once (its first step, so `created` means the batch made the key),
 * with the row as stored now, or as it was before the batch when it is gone.
 */
async function writtenRows(db: MspDb, steps: readonly UndoStep[]): Promise<WrittenRow[]> {
  const first = new Map<string, UndoStep>();
  for (const s of steps) if (!first.has(`${s.table}\u0000${s.key}`)) first.set(`${s.table}\u0000${s.key}`, s);
  const byTable = new Map<UndoStep["table"], UndoStep[]>();
  for (const s of first.values()) byTable.set(s.table, [...(byTable.get(s.table) ?? []), s]);
  const out: WrittenRow[] = [];
  for (const [table, list] of byTable) {
    const stored = (await db.table(table).bulkGet(list.map((s) => s.key))) as (Record<string, unknown> | undefined)[];
    list.forEach((s, i) => out.push({ table, key: s.key, row: stored[i] ?? (s.before as Record<string, unknown> | undefined), created: s.before === undefined }));
  }
  return out;
}

/** The contract and purchase positions whose versions before the batch's own are none: undoing the batch removes them. */
async function createdPositions(db: MspDb, rows: readonly WrittenRow[]): Promise<CreatedPositions> {
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
  const salesOthers = sales.size === 0 ? [] : await db.contractVersions.where("contractNo").anyOf([...new Set([...sales.values()].map((v) => v.no))]).toArray();
  const purchaseOthers = purchase.size === 0 ? [] : (await db.purchaseContracts.where("purchaseNo").anyOf([...new Set([...purchase.values()].map((v) => v.no))]).toArray()).filter((r) => r.kind === "position");
  return {
    positions: earlierOutside("contractVersions", salesOthers as unknown as Record<string, unknown>[], sales, "contractNo", "positionNo"),
    purchasePositions: earlierOutside("purchaseContracts", purchaseOthers, purchase, "purchaseNo", "positionNo"),
  };
}

/** The latest later batch (not undone) that builds on what `batch` wrote, as the issue that refuses the undo. */
async function findLaterBatch(ctx: AppContext, batch: ImportBatchRecord, rows: readonly WrittenRow[]) {
  const { db } = ctx;
  const later = (await db.importBatches.toArray()).filter((b) => b.id !== batch.id && b.undoneAt === undefined && isLaterBatch(b, batch));
  if (later.length === 0) return null;
  const changes = undoChanges(rows, await createdPositions(db, rows));
  const links = (await db.purchaseLinks.toArray()) as unknown as LinkRef[];
  for (const b of later.sort((x, y) => (isLaterBatch(x, y) ? -1 : isLaterBatch(y, x) ? 1 : 0))) {
    const hit = firstDependency(changes, batchDependencies(b.kind, await writtenRows(db, stepsOf(b)), links));
    if (hit) return issue(hit.code, { batch: batch.id, later: b.id, kind: b.kind, ...hit.params });
  }
  return null;
}

/**
 * A billing run (not undone, made at or after the batch) that billed what the batch wrote: a month
 * from a version's valid-from on of its position, any month of a contract whose header it wrote, its
 * time entries or the click months of its meter readings.
 */
async function findBillingRun(ctx: AppContext, batch: ImportBatchRecord, rows: readonly WrittenRow[]) {
  const { db } = ctx;
  const laterRun = async (entries: readonly { runId: string; contractNo: string; month: string }[]) => {
    for (const e of entries) {
      const run = await db.runs.get(e.runId);
      if (!run || run.undoneAt || run.createdAt < batch.createdAt) continue;
      return issue("review.undo_blocked_by_run", { batch: batch.id, run: e.runId, contract: e.contractNo, month: e.month });
    }
    return null;
  };
  for (const w of rows) {
    if (w.table === "contractVersions" && w.row) {
      const v = w.row as unknown as PositionVersion;
      const fromMonth = monthOf(v.validFrom);
      const blocked = await laterRun(await db.ledger.where("contractNo").equals(v.contractNo).filter((e) => e.positionNo === v.positionNo && e.month >= fromMonth).toArray());
      if (blocked) return blocked;
    } else if (w.table === "contracts") {
      const blocked = await laterRun(await db.ledger.where("contractNo").equals(w.key).toArray());
      if (blocked) return blocked;
    }
  }
  return findBilledUsage(ctx, batch.id, rows);
}

/** Time entries or meter readings of the batch that a billing run (not undone) has billed block the undo. */
async function findBilledUsage(ctx: AppContext, batchId: string, rows: readonly WrittenRow[]) {
  const entries = rows.filter((w) => w.table === "timeEntries");
  const readings = rows.filter((w) => w.table === "meterReadings");
  if (entries.length + readings.length === 0) return null;
  const active = new Set((await ctx.db.runs.toArray()).filter((r) => r.undoneAt === undefined).map((r) => r.id));
  for (const w of entries) {
    const billing = (w.row as { billing?: { runId: string } } | undefined)?.billing;
    if (billing && active.has(billing.runId)) return issue("review.undo_blocked_billed_usage", { batch: batchId, run: billing.runId });
  }
  const billedMonths = await billedClickMonths(ctx.db);
  for (const w of readings) {
    const r = w.row as { contractNo?: string; readingDate?: string } | undefined;
    if (r?.contractNo && r.readingDate && billedMonths.has(`${r.contractNo}|${r.readingDate.slice(0, 7)}`)) return issue("review.undo_blocked_billed_usage", { batch: batchId, run: r.readingDate.slice(0, 7) });
  }
  return null;
}
