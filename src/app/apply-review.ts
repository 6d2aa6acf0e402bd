import { Result, ok } from "../core/issues";
import { planApply, type ApplyPlan, type ReviewDecision } from "../core/reconcile/plan-apply";
import { appendAudit } from "../store/audit";
import { reserveNumbers } from "../store/counters";
import type { UndoStep } from "../store/records";
import type { AppContext } from "./context";
import { dropUndefined } from "./undo-batch";

export interface ApplySummary {
  batchId: string | null;
  versions: number;
  mappings: number;
  unchanged: number;
  skipped: number;
}

/**
 * Applies the accepted rows of a review (PRODUCT.md §3 step 4): validates every row, then writes all
 * new versions and mappings, the import batch and the audit entries in one transaction. A review
 * applied twice writes nothing the second time.
 */
export async function applyReview(
  ctx: AppContext,
  decisions: readonly ReviewDecision[],
  file: { name: string; sha256: string },
  details: Record<string, unknown> = {},
): Promise<Result<ApplySummary>> {
  const { db } = ctx;
  let planned: Result<ApplyPlan> | undefined;
  let batchId: string | null = null;
  await db.transaction("rw", [db.contracts, db.articles, db.customers, db.contractVersions, db.mappings, db.importBatches, db.auditLog, db.settings], async () => {
    const contractNos = [...new Set(decisions.map((d) => d.contractNo).filter(Boolean))];
    const snapshot = {
      contracts: new Map((await db.contracts.bulkGet(contractNos)).filter((c) => c !== undefined).map((c) => [c.no, c])),
      articles: new Map((await db.articles.toArray()).map((a) => [a.no, a])),
      customers: new Set((await db.customers.toCollection().primaryKeys()) as string[]),
      versions: await db.contractVersions.where("contractNo").anyOf(contractNos).toArray(),
    };
    planned = planApply(snapshot, decisions, "pending");
    if (!planned.ok) return;
    const plan = planned.value;
    if (plan.versions.length === 0 && plan.mappings.length === 0) return;
    batchId = `apply-${String(await reserveNumbers(db, "batch")).padStart(5, "0")}`;
    const firstSeq = await reserveNumbers(db, "versionSeq", plan.versions.length);
    const versions = plan.versions.map(({ version }, i) => ({ ...version, source: batchId!, seq: firstSeq + i, id: `${version.contractNo}/${version.positionNo}/${version.validFrom}/${firstSeq + i}` }));
    const mappings = plan.mappings.map((m) => ({ id: `${m.kind}|${m.source}|${m.externalId}`, kind: m.kind, source: m.source, externalId: m.externalId, internalNo: m.internalNo, origin: `review:${batchId}` }));
    const mappingBefore = await db.mappings.bulkGet(mappings.map((m) => m.id));
    await db.contractVersions.bulkAdd(versions);
    await db.mappings.bulkPut(mappings);
    const undo: UndoStep[] = [
      ...versions.map((v) => ({ table: "contractVersions" as const, key: v.id })),
      ...mappings.map((m, i) => ({ table: "mappings" as const, key: m.id, before: mappingBefore[i] })),
    ];
    const at = ctx.now();
    await db.importBatches.add({
      id: batchId,
      kind: "apply-review",
      createdAt: at,
      files: [file],
      versionIds: versions.map((v) => v.id),
      details: { ...details, decisions: decisions.map((d) => ({ row: d.row, status: d.status, action: d.action, contractNo: d.contractNo, positionNo: d.positionNo, articleNo: d.articleNo, vendorQty: d.vendorQty, effectiveDate: d.effectiveDate })) },
      undo: dropUndefined(undo),
    });
    await appendAudit(db, [
      ...versions.map((v) => ({ at, kind: "contract.version.add", source: batchId!, entity: `contract:${v.contractNo}/${v.positionNo}`, after: v })),
      ...mappings.map((m, i) => ({ at, kind: "mapping.put", source: batchId!, entity: `mapping:${m.kind}:${m.externalId}`, before: mappingBefore[i], after: m })),
    ]);
  });
  if (!planned) throw new Error("apply transaction ended without a plan");
  if (!planned.ok) return planned;
  const p = planned.value;
  return ok({ batchId, versions: p.versions.length, mappings: p.mappings.length, unchanged: p.unchanged, skipped: p.skipped });
}
