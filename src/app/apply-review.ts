import { Result, ok } from "../core/issues";
import { planStoresNothing, previewPlan, type ApplyPreview } from "../core/reconcile/apply-preview";
import { mappingKey } from "../core/reconcile/external-id";
import { planApply, type ApplyPlan, type ApplySnapshot, type ReviewDecision } from "../core/reconcile/plan-apply";
import type { StoreTx } from "../store/port";
import type { UndoStep } from "../store/records";
import type { AppContext } from "./context";
import { nextBatchId, reserveVersionSeq } from "./numbering";
import { dropUndefined } from "./undo-steps";

export interface ApplySummary {
  batchId: string | null;
  versions: number;
  mappings: number;
  unchanged: number;
  skipped: number;
}

/** What the plan needs from the store: the review's contracts and their versions, articles, customers, the mappings of its sources. */
async function applySnapshot(tx: StoreTx, decisions: readonly ReviewDecision[]): Promise<ApplySnapshot> {
  const contractNos = [...new Set(decisions.map((d) => d.contractNo).filter(Boolean))];
  const sources = [...new Set(decisions.filter((d) => d.status === "unmapped_customer" || d.status === "unmapped_article").map((d) => d.mappingSource))];
  const stored = sources.length === 0 ? [] : [...(await tx.mappings.ofSources("customer", sources)), ...(await tx.mappings.ofSources("article", sources))];
  return {
    contracts: new Map((await tx.contracts.getMany(contractNos)).filter((c) => c !== undefined).map((c) => [c.no, c])),
    articles: new Map((await tx.articles.all()).map((a) => [a.no, a])),
    customers: new Set(await tx.customers.keys()),
    versions: await tx.versions.ofContracts(contractNos),
    mappings: new Map(stored.map((m) => [mappingKey(m.kind, m.source, m.externalId), m.internalNo])),
  };
}

/**
 * The dry run of {@link applyReview}: plans the same rows against the store as it is now, stores
 * nothing, and counts what applying would really store (rows already in the contracts and mappings
 * already saved count as unchanged). The task pane's confirmation before *Übernehmen* shows it;
 * errors are those applying would report.
 */
export async function previewApplyReview(ctx: AppContext, decisions: readonly ReviewDecision[]): Promise<Result<ApplyPreview>> {
  const planned = await ctx.store.read(async (tx) => planApply(await applySnapshot(tx, decisions), decisions, "pending"));
  return planned.ok ? ok(previewPlan(planned.value)) : planned;
}

/**
 * Applies the accepted rows of a review (PRODUCT.md §3 step 4): validates every row, then writes all
 * new versions and mappings, the import batch and the audit entries in one transaction. A review
 * applied twice writes nothing the second time (mappings already saved as they are included).
 */
export async function applyReview(
  ctx: AppContext,
  decisions: readonly ReviewDecision[],
  file: { name: string; sha256: string },
  details: Record<string, unknown> = {},
): Promise<Result<ApplySummary>> {
  let planned: Result<ApplyPlan> | undefined;
  let batchId: string | null = null;
  await ctx.store.write(async (tx) => {
    planned = planApply(await applySnapshot(tx, decisions), decisions, "pending");
    if (!planned.ok) return;
    const plan = planned.value;
    if (planStoresNothing(plan)) return;
    batchId = await nextBatchId(tx, "apply");
    const firstSeq = await reserveVersionSeq(tx, plan.versions.length);
    const versions = plan.versions.map(({ version }, i) => ({ ...version, source: batchId!, seq: firstSeq + i, id: `${version.contractNo}/${version.positionNo}/${version.validFrom}/${firstSeq + i}` }));
    const mappings = plan.mappings.map((m) => ({ id: `${m.kind}|${m.source}|${m.externalId}`, kind: m.kind, source: m.source, externalId: m.externalId, internalNo: m.internalNo, origin: `review:${batchId}` }));
    const mappingBefore = await tx.mappings.getMany(mappings.map((m) => m.id));
    await tx.versions.addMany(versions);
    await tx.mappings.putMany(mappings);
    const undo: UndoStep[] = [
      ...versions.map((v) => ({ table: "contractVersions" as const, key: v.id })),
      ...mappings.map((m, i) => ({ table: "mappings" as const, key: m.id, before: mappingBefore[i] })),
    ];
    const at = ctx.now();
    await tx.batches.add({
      id: batchId,
      kind: "apply-review",
      createdAt: at,
      files: [file],
      versionIds: versions.map((v) => v.id),
      details: { ...details, decisions: decisions.map((d) => ({ row: d.row, status: d.status, action: d.action, contractNo: d.contractNo, positionNo: d.positionNo, articleNo: d.articleNo, vendorQty: d.vendorQty, effectiveDate: d.effectiveDate })) },
      undo: dropUndefined(undo),
    });
    await tx.audit.append([
      ...versions.map((v) => ({ at, kind: "contract.version.add", source: batchId!, entity: `contract:${v.contractNo}/${v.positionNo}`, after: v })),
      ...mappings.map((m, i) => ({ at, kind: "mapping.put", source: batchId!, entity: `mapping:${m.kind}:${m.externalId}`, before: mappingBefore[i], after: m })),
    ]);
  });
  if (!planned) throw new Error("apply transaction ended without a plan");
  if (!planned.ok) return planned;
  const p = planned.value;
  return ok({ batchId, versions: p.versions.length, mappings: p.mappings.length, unchanged: p.unchanged, skipped: p.skipped });
}
