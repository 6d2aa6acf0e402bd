import type { Contract, PositionVersion } from "../contract/model";
import { Issue, Result, issue, ok } from "../issues";
import type { RowRef } from "../master/master-rows";
import { PurchaseContractRecord, PurchaseLink, PurchasePositionVersion, purchaseLinkId, purchaseRef } from "./model";
import type { LinkRow } from "./purchase-rows";

export interface LinksSnapshot {
  purchaseContracts: ReadonlyMap<string, PurchaseContractRecord>;
  purchaseVersions: readonly PurchasePositionVersion[];
  contracts: ReadonlyMap<string, Contract>;
  /** Sales versions of the contracts named in the input. */
  versions: readonly PositionVersion[];
  links: ReadonlyMap<string, PurchaseLink>;
}

export interface LinksPlan {
  added: { link: Omit<PurchaseLink, "source">; ref: RowRef }[];
  removed: { link: PurchaseLink; ref: RowRef }[];
  unchangedRows: number;
}

/**
 * Validates link rows (PRODUCT.md §8 `links import`) and plans the links to add or remove. Every
 * number must exist: purchase contract and position, sales contract and position; an unknown one is
 * an error naming the row. A link already stored (or an unlink of a link that is not there) is a
 * no-op; the same link both added and removed in one file is an error. Any error fails the plan.
 */
export function planLinksImport(snapshot: LinksSnapshot, rows: readonly LinkRow[]): Result<LinksPlan> {
  const issues: Issue[] = [];
  const plan: LinksPlan = { added: [], removed: [], unchangedRows: 0 };
  const purchasePositions = new Set(snapshot.purchaseVersions.map((v) => purchaseRef(v.purchaseNo, v.positionNo)));
  const salesPositions = new Set(snapshot.versions.map((v) => `${v.contractNo}\u0000${v.positionNo}`));
  const seen = new Map<string, LinkRow>();
  for (const r of rows) {
    const bad = (code: string, column: string, params: Record<string, string | number>) => issues.push(issue(code, params, { source: r.source, row: r.row, column }));
    if (!snapshot.purchaseContracts.has(r.purchaseNo)) bad("purchase.unknown_purchase", "purchase_no", { purchase: r.purchaseNo });
    else if (!purchasePositions.has(purchaseRef(r.purchaseNo, r.purchasePositionNo))) bad("purchase.unknown_purchase_position", "purchase_position_no", { purchase: r.purchaseNo, position: r.purchasePositionNo });
    if (!snapshot.contracts.has(r.contractNo)) bad("review.unknown_contract", "contract_no", { contract: r.contractNo });
    else if (!salesPositions.has(`${r.contractNo}\u0000${r.positionNo}`)) bad("review.unknown_position", "position_no", { contract: r.contractNo, position: r.positionNo });
    const link = { purchaseNo: r.purchaseNo, purchasePositionNo: r.purchasePositionNo, contractNo: r.contractNo, positionNo: r.positionNo };
    const id = purchaseLinkId(link);
    const earlier = seen.get(id);
    if (earlier) {
      if (earlier.unlink !== r.unlink) bad("master.duplicate_row", "action", { otherRow: earlier.row });
      else plan.unchangedRows++;
      continue;
    }
    seen.set(id, r);
    const stored = snapshot.links.get(id);
    if (r.unlink && stored) plan.removed.push({ link: stored, ref: r });
    else if (!r.unlink && !stored) plan.added.push({ link: { id, ...link }, ref: r });
    else plan.unchangedRows++;
  }
  return issues.length > 0 ? { ok: false, issues } : ok(plan);
}
