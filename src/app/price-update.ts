import type { IsoDate } from "../core/date/iso-date";
import { Issue, Result, fail, issue, ok } from "../core/issues";
import { Decimal } from "../core/money/decimal";
import { PurchasePositionVersion, purchaseRef, purchaseVersionId, purchaseVersionOnDay } from "../core/purchase/model";
import { PriceApplyPlan, PriceDecision, planApplyPriceUpdate } from "../core/purchase/plan-apply-price-update";
import { ProposalRow, planPriceUpdate } from "../core/purchase/plan-price-update";
import type { PriceRounding, PriceStrategy } from "../core/purchase/price-strategy";
import { buildCostIndex } from "../core/purchase/unit-cost";
import type { UndoStep } from "../store/records";
import type { AppContext } from "./context";
import { nextBatchId, reserveVersionSeq } from "./numbering";
import { loadLinks, splitPurchaseRecords } from "./purchase";
import { dropUndefined } from "./undo-steps";

/** Which purchase positions changed: named ones (`NO:POS`), or every position of an article (optionally of one supplier). */
export type PurchaseSelection = { refs: readonly string[] } | { articleNo: string; supplier?: string };

export interface PriceUpdateOptions {
  selection: PurchaseSelection;
  newCost: Decimal;
  from: IsoDate;
  strategy: PriceStrategy;
  rounding: PriceRounding;
}

export interface PriceUpdateProposal {
  refs: string[];
  rows: ProposalRow[];
  warnings: Issue[];
}

/**
 * The price update assistant's proposal (PRODUCT.md §5.6, §8 `price-update`): every sales position
 * linked to the changed purchase positions with the price the strategy proposes. Reads only.
 */
export async function proposePriceUpdate(ctx: AppContext, options: PriceUpdateOptions): Promise<Result<PriceUpdateProposal>> {
  return ctx.store.read(async (tx): Promise<Result<PriceUpdateProposal>> => {
    const purchase = splitPurchaseRecords(await tx.purchase.all());
    const refs = selectRefs(purchase.versions, options);
    if (refs.length === 0) return fail(issue("price.no_purchase_selected", "articleNo" in options.selection ? { article: options.selection.articleNo, supplier: options.selection.supplier ?? "*", date: options.from } : { article: "", supplier: "", date: options.from }, { source: "--article" }));
    const costs = buildCostIndex(await loadLinks(tx), purchase.versions);
    const contractNos = [...new Set(refs.flatMap((r) => (costs.byPurchase.get(r) ?? []).map((l) => l.contractNo)))];
    const planned = planPriceUpdate(
      {
        customers: new Map((await tx.customers.all()).map((c) => [c.no, c])),
        contracts: new Map((await tx.contracts.getMany(contractNos)).filter((c) => c !== undefined).map((c) => [c.no, c])),
        versions: await tx.versions.ofContracts(contractNos),
        costs,
      },
      { refs, newCost: options.newCost, from: options.from, strategy: options.strategy, rounding: options.rounding },
    );
    if (!planned.ok) return planned;
    const warnings = planned.value.length === 0 ? [issue("price.no_linked_positions", { purchase: refs.join(", "), date: options.from }, undefined, "warning")] : [];
    return ok({ refs, rows: planned.value, warnings });
  });
}

function selectRefs(versions: readonly PurchasePositionVersion[], options: PriceUpdateOptions): string[] {
  const sel = options.selection;
  if ("refs" in sel) return [...new Set(sel.refs)];
  const byRef = new Map<string, PurchasePositionVersion[]>();
  for (const v of versions) byRef.set(purchaseRef(v.purchaseNo, v.positionNo), [...(byRef.get(purchaseRef(v.purchaseNo, v.positionNo)) ?? []), v]);
  const refs: string[] = [];
  for (const [ref, list] of byRef) {
    const v = purchaseVersionOnDay(list, options.from);
    if (v && v.articleNo === sel.articleNo && (sel.supplier === undefined || v.supplier === sel.supplier) && !new Decimal(v.quantity).isZero()) refs.push(ref);
  }
  return refs.sort();
}

export interface PriceApplySummary {
  batchId: string | null;
  versions: number;
  purchaseVersions: number;
  unchanged: number;
  skipped: number;
}

/**
 * Applies a price-update proposal like a reconcile review (PRODUCT.md §5.6): the accepted rows' new
 * sales versions and the purchase positions' new cost versions, in one transaction, logged as one
 * undoable batch with audit entries. Applying the same proposal twice writes nothing.
 */
export async function applyPriceUpdate(ctx: AppContext, decisions: readonly PriceDecision[], file: { name: string; sha256: string }): Promise<Result<PriceApplySummary>> {
  let planned: Result<PriceApplyPlan> | undefined;
  let batchId: string | null = null;
  await ctx.store.write(async (tx) => {
    const contractNos = [...new Set(decisions.map((d) => d.contractNo))];
    const purchaseNos = [...new Set(decisions.flatMap((d) => d.purchase.map((r) => r.slice(0, r.lastIndexOf(":")))))];
    planned = planApplyPriceUpdate(
      {
        contracts: new Map((await tx.contracts.getMany(contractNos)).filter((c) => c !== undefined).map((c) => [c.no, c])),
        versions: await tx.versions.ofContracts(contractNos),
        purchaseVersions: splitPurchaseRecords(await tx.purchase.ofPurchaseNos(purchaseNos)).versions,
      },
      decisions,
      "pending",
    );
    if (!planned.ok) return;
    const plan = planned.value;
    if (plan.versions.length + plan.purchaseVersions.length === 0) return;
    const id = await nextBatchId(tx, "price");
    batchId = id;
    const firstSeq = await reserveVersionSeq(tx, plan.versions.length + plan.purchaseVersions.length);
    const versions = plan.versions.map(({ version }, i) => ({ ...version, source: id, seq: firstSeq + i, id: `${version.contractNo}/${version.positionNo}/${version.validFrom}/${firstSeq + i}` }));
    const purchaseVersions: PurchasePositionVersion[] = plan.purchaseVersions.map(({ version }, i) => {
      const v = { ...version, source: id, seq: firstSeq + plan.versions.length + i };
      return { ...v, id: purchaseVersionId(v) };
    });
    await tx.versions.addMany(versions);
    await tx.purchase.addMany(purchaseVersions.map((v) => ({ ...v })));
    const undo: UndoStep[] = [
      ...versions.map((v) => ({ table: "contractVersions" as const, key: v.id })),
      ...purchaseVersions.map((v) => ({ table: "purchaseContracts" as const, key: v.id })),
    ];
    const at = ctx.now();
    await tx.batches.add({
      id,
      kind: "price-update",
      createdAt: at,
      files: [file],
      versionIds: versions.map((v) => v.id),
      details: { purchaseVersionIds: purchaseVersions.map((v) => v.id), decisions: decisions.map((d) => ({ row: d.row, action: d.action, contractNo: d.contractNo, positionNo: d.positionNo, validFrom: d.validFrom, newPrice: d.newPrice })) },
      undo: dropUndefined(undo),
    });
    await tx.audit.append([
      ...versions.map((v) => ({ at, kind: "contract.version.add", source: id, entity: `contract:${v.contractNo}/${v.positionNo}`, after: v })),
      ...purchaseVersions.map((v) => ({ at, kind: "purchase.version.add", source: id, entity: `purchase:${v.purchaseNo}/${v.positionNo}`, after: v })),
    ]);
  });
  if (!planned) throw new Error("price update ended without a plan");
  if (!planned.ok) return planned;
  const p = planned.value;
  return ok({ batchId, versions: p.versions.length, purchaseVersions: p.purchaseVersions.length, unchanged: p.unchanged, skipped: p.skipped });
}
