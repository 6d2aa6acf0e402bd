import type { IsoMonth } from "../core/date/iso-month";
import { Issue, Result, ok } from "../core/issues";
import { CostCheckRow, costCheck } from "../core/purchase/cost-check";
import { buildCostIndex } from "../core/purchase/unit-cost";
import type { AppContext } from "./context";
import { loadLinks, splitPurchaseRecords } from "./purchase";
import { VendorFileRead, reconcileFiles } from "./reconcile";

export interface CostCheckOutcome {
  month: IsoMonth;
  rows: CostCheckRow[];
  /** Rows per finding (a row with several findings counts for each). */
  counts: Record<string, number>;
  warnings: Issue[];
}

/**
 * The cost check (PRODUCT.md §5.6, §8 `cost-check`): a vendor billing file's quantities and costs
 * per customer and article against the contracts, the purchase links and the ledger of the month.
 * Reads only. A file with errors stops it.
 */
export async function costCheckFile(ctx: AppContext, read: VendorFileRead, month: IsoMonth): Promise<Result<CostCheckOutcome>> {
  const reconciled = await reconcileFiles(ctx, [read], month);
  if (!reconciled.ok) return reconciled;
  const data = await ctx.store.read(async (tx) => ({
    contracts: new Map((await tx.contracts.all()).map((c) => [c.no, c])),
    ledger: await tx.ledger.ofMonth(month),
    purchaseVersions: splitPurchaseRecords(await tx.purchase.all()).versions,
    links: await loadLinks(tx),
  }));
  const amountByRow = new Map<number, string>();
  for (const l of read.result.lines) if (l.amount !== null) amountByRow.set(l.row, l.amount);
  const rows = costCheck({
    month,
    review: reconciled.value.rows,
    contracts: data.contracts,
    ledger: data.ledger,
    costs: buildCostIndex(data.links, data.purchaseVersions),
    amountByRow,
  });
  const counts: Record<string, number> = {};
  for (const r of rows) for (const f of r.finding.split(" ")) counts[f] = (counts[f] ?? 0) + 1;
  return ok({ month, rows, counts, warnings: reconciled.value.warnings });
}
