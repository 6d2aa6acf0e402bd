import { monthOf } from "../core/date/iso-month";
import { Result, fail, issue, ok } from "../core/issues";
import type { PositionVersion } from "../core/contract/model";
import { appendAudit } from "../store/audit";
import { billedClickMonths } from "./meters";
import type { AuditRecord, UndoStep } from "../store/records";
import type { AppContext } from "./context";

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
 * deleted when the batch created it). Refused, with the reason, when a later batch built on the same
 * contract positions or a billing run already billed them. One transaction: all or nothing.
 */
export async function undoBatch(ctx: AppContext, batchId: string): Promise<Result<UndoSummary>> {
  const { db } = ctx;
  let result: Result<UndoSummary> | undefined;
  await db.transaction("rw", [db.importBatches, db.customers, db.articles, db.contracts, db.contractVersions, db.mappings, db.purchaseContracts, db.purchaseLinks, db.timeEntries, db.meterReadings, db.settings, db.ledger, db.runs, db.auditLog], async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch) return void (result = fail(issue("review.unknown_batch", { batch: batchId })));
    if (batch.undoneAt) return void (result = fail(issue("review.batch_already_undone", { batch: batchId })));
    const versions = (await db.contractVersions.bulkGet(batch.versionIds)).filter((v): v is PositionVersion => v !== undefined);
    const blocked = (await findBlocker(ctx, batchId, batch.createdAt, versions)) ?? (await findBilledUsage(ctx, batchId, batch.undo ?? []));
    if (blocked) return void (result = fail(blocked));
    const steps: UndoStep[] = batch.undo ?? batch.versionIds.map((id) => ({ table: "contractVersions" as const, key: id }));
    const at = ctx.now();
    const audit: AuditRecord[] = [];
    // Reverse order, so a key written twice in one batch ends at its first "before".
    for (const step of [...steps].reverse()) {
      const table = db.table(step.table);
      const current: unknown = await table.get(step.key);
      if (step.before === undefined) await table.delete(step.key);
      else await table.put(step.before);
      // every row the undo changes is in the audit log, with what it was and what it is again
      audit.push({ at, kind: step.before === undefined ? "undo.delete" : "undo.restore", source: batchId, entity: undoEntity(step, current ?? step.before), before: current, after: step.before });
    }
    await db.importBatches.update(batchId, { undoneAt: at });
    await appendAudit(db, [...audit, { at, kind: "batch.undo", source: batchId, entity: `batch:${batchId}`, before: { versionIds: batch.versionIds }, after: { undoneAt: at } }]);
    result = ok({ batchId, versionsRemoved: versions.length, rowsRestored: steps.length - versions.length });
  });
  return result!;
}

/** The audit entity of an undone row, named as the use case that wrote it named it. */
function undoEntity(step: UndoStep, row: unknown): string {
  const r = (row ?? {}) as Record<string, unknown>;
  switch (step.table) {
    case "customers":
      return `customer:${step.key}`;
    case "articles":
      return `article:${step.key}`;
    case "contracts":
      return `contract:${step.key}`;
    case "contractVersions":
      return r.contractNo !== undefined ? `contract:${String(r.contractNo)}/${String(r.positionNo)}` : `contractVersion:${step.key}`;
    case "mappings":
      return r.kind !== undefined ? `mapping:${String(r.kind)}:${String(r.externalId)}` : `mapping:${step.key}`;
    case "purchaseContracts":
      return r.kind === "position" ? `purchase:${String(r.purchaseNo)}/${String(r.positionNo)}` : r.purchaseNo !== undefined ? `purchase:${String(r.purchaseNo)}` : `purchaseContract:${step.key}`;
    case "purchaseLinks":
      return `link:${step.key}`;
    case "timeEntries":
      return `timeEntry:${step.key}`;
    case "meterReadings":
      return `meterReading:${step.key}`;
  }
}

async function findBlocker(ctx: AppContext, batchId: string, createdAt: string, versions: readonly PositionVersion[]) {
  const { db } = ctx;
  const ownIds = new Set(versions.map((v) => v.id));
  for (const v of versions) {
    const later = await db.contractVersions.where("[contractNo+positionNo]").equals([v.contractNo, v.positionNo]).filter((o) => !ownIds.has(o.id) && o.seq > v.seq).first();
    if (later) return issue("review.undo_blocked_by_batch", { batch: batchId, later: later.source ?? "?", contract: v.contractNo, position: v.positionNo });
    const fromMonth = monthOf(v.validFrom);
    const billed = await db.ledger.where("contractNo").equals(v.contractNo).filter((e) => e.positionNo === v.positionNo && e.month >= fromMonth).toArray();
    for (const e of billed) {
      const run = await db.runs.get(e.runId);
      if (!run || run.undoneAt || run.createdAt < createdAt) continue;
      return issue("review.undo_blocked_by_run", { batch: batchId, run: e.runId, contract: v.contractNo, month: e.month });
    }
  }
  return null;
}

/** Time entries or meter readings of the batch that a billing run (not undone) has billed block the undo. */
async function findBilledUsage(ctx: AppContext, batchId: string, steps: readonly UndoStep[]) {
  const entryIds = steps.filter((s) => s.table === "timeEntries").map((s) => s.key);
  const readingIds = steps.filter((s) => s.table === "meterReadings").map((s) => s.key);
  if (entryIds.length + readingIds.length === 0) return null;
  const active = new Set((await ctx.db.runs.toArray()).filter((r) => r.undoneAt === undefined).map((r) => r.id));
  for (const e of (await ctx.db.timeEntries.bulkGet(entryIds)) as ({ billing?: { runId: string } } | undefined)[]) {
    if (e?.billing && active.has(e.billing.runId)) return issue("review.undo_blocked_billed_usage", { batch: batchId, run: e.billing.runId });
  }
  const billedMonths = await billedClickMonths(ctx.db);
  for (const r of (await ctx.db.meterReadings.bulkGet(readingIds)) as ({ contractNo?: string; readingDate?: string } | undefined)[]) {
    if (r?.contractNo && r.readingDate && billedMonths.has(`${r.contractNo}|${r.readingDate.slice(0, 7)}`)) return issue("review.undo_blocked_billed_usage", { batch: batchId, run: r.readingDate.slice(0, 7) });
  }
  return null;
}
