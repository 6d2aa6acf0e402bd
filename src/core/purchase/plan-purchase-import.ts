import type { Article } from "../contract/model";
import { correctionNotes, decideVersion, inForceByKey } from "../history/corrections";
import { Issue, Result, issue, ok } from "../issues";
import type { RowRef } from "../master/master-rows";
import { PurchaseContractRecord, PurchasePositionVersion, PurchaseState, purchaseContractId, samePurchaseState } from "./model";
import type { PurchaseRow } from "./purchase-rows";

/** What the store holds that a purchase import can touch. */
export interface PurchaseSnapshot {
  contracts: ReadonlyMap<string, PurchaseContractRecord>;
  /** Versions of the purchase contracts named in the input. */
  versions: readonly PurchasePositionVersion[];
  articles: ReadonlyMap<string, Article>;
}

export interface PurchasePlan {
  /** New headers (no `before`) and headers whose supplier reference gets filled in or corrected. */
  contracts: { before?: PurchaseContractRecord; after: PurchaseContractRecord; ref: RowRef }[];
  /**
   * New versions without id/seq/source; the store assigns them. `corrects`: the stored version with
   * the same valid_from that the new one replaces (a row marked as a correction); the new entry wins
   * by its later seq, the corrected one stays in the history.
   */
  versions: { version: Omit<PurchasePositionVersion, "id" | "seq" | "source">; ref: RowRef; corrects?: PurchasePositionVersion }[];
  unchangedRows: number;
  /** Warnings (unknown article numbers); they do not block the import. */
  warnings: Issue[];
  /** What the corrections change, old → new (info issues naming row and column). */
  notes: Issue[];
}

const where = (ref: RowRef, column: string) => ({ source: ref.source, row: ref.row, column });

/**
 * Merges purchase contract rows into the store's state with the rules of `import-master` (PRODUCT.md
 * §8): a row identical to a stored state is a no-op; a row with a new valid_from adds a version; a row
 * that contradicts a stored version with the same valid_from is an error naming the row, unless the
 * row is marked as a correction: then it adds a correcting entry for that valid_from. The header
 * (supplier, supplier_ref) must agree across rows and with the store; an empty stored supplier_ref may
 * be filled in, a correction may also replace a stored one; the supplier cannot be corrected. Any
 * error fails the whole plan.
 */
export function planPurchaseImport(snapshot: PurchaseSnapshot, rows: readonly PurchaseRow[]): Result<PurchasePlan> {
  const issues: Issue[] = [];
  const plan: PurchasePlan = { contracts: [], versions: [], unchangedRows: 0, warnings: [], notes: [] };
  const headers = new Map(snapshot.contracts);
  const key = (no: string, pos: number, day: string) => `${no}\u0000${pos}\u0000${day}`;
  const stored = inForceByKey(snapshot.versions, (v) => key(v.purchaseNo, v.positionNo, v.validFrom));
  const pending = new Map<string, { state: PurchaseState; ref: RowRef }>();
  const warned = new Set<string>();

  for (const r of rows) {
    if (!planHeader(r, snapshot.contracts, headers, plan, issues)) continue;
    const article = snapshot.articles.get(r.state.articleNo);
    if (!article && !warned.has(r.state.articleNo)) {
      warned.add(r.state.articleNo);
      plan.warnings.push(issue("purchase.unknown_article", { article: r.state.articleNo }, where(r, "article_no"), "warning"));
    }
    const state = r.state.description || !article ? r.state : { ...r.state, description: article.description };
    const k = key(r.purchaseNo, r.positionNo, r.validFrom);
    const existing = stored.get(k);
    const dup = pending.get(k);
    if (dup) {
      if (samePurchaseState(dup.state, state)) plan.unchangedRows++;
      else issues.push(issue("master.duplicate_row", { otherRow: dup.ref.row }, where(r, "valid_from")));
      continue;
    }
    pending.set(k, { state, ref: r });
    const decision = decideVersion(existing !== undefined, existing !== undefined && samePurchaseState(existing, state), r.correction === true);
    if (decision === "unchanged") {
      plan.unchangedRows++;
      continue;
    }
    if (decision === "conflict") {
      issues.push(issue("purchase.conflicting_version", { purchase: r.purchaseNo, position: r.positionNo, validFrom: r.validFrom, storedQuantity: existing!.quantity, storedCost: existing!.unitCost }, where(r, firstDifference(existing!, state))));
      continue;
    }
    plan.versions.push({ version: { kind: "position", purchaseNo: r.purchaseNo, supplier: r.supplier, positionNo: r.positionNo, validFrom: r.validFrom, ...state }, ref: r, ...(existing ? { corrects: existing } : {}) });
    if (existing) {
      const note = (column: string, before: string, after: string) =>
        issue("purchase.version_corrected", { purchase: r.purchaseNo, position: r.positionNo, validFrom: r.validFrom, column, stored: before, corrected: after }, where(r, column), "info");
      plan.notes.push(...correctionNotes<PurchaseState>(existing, state, STATE_COLUMNS, ["unitCost"], note));
    }
  }
  return issues.length > 0 ? { ok: false, issues } : ok(plan);
}

/**
 * Checks or creates the contract header of a row; false (with an issue) when the row contradicts it.
 * The supplier names the contract with its number, so not even a correction changes it (enter the
 * contract under a new number); a stored supplier reference is replaced only by a correction of the
 * stored header (not one an earlier row of this file changed).
 */
function planHeader(r: PurchaseRow, fromStore: ReadonlyMap<string, PurchaseContractRecord>, headers: Map<string, PurchaseContractRecord>, plan: PurchasePlan, issues: Issue[]): boolean {
  const known = headers.get(r.purchaseNo);
  if (!known) {
    const after: PurchaseContractRecord = { id: purchaseContractId(r.purchaseNo), kind: "contract", purchaseNo: r.purchaseNo, supplier: r.supplier, supplierRef: r.supplierRef };
    headers.set(r.purchaseNo, after);
    plan.contracts.push({ after, ref: r });
    return true;
  }
  const conflict = (code: "purchase.conflicting_contract" | "purchase.correction_not_allowed", field: string, stored: string, value: string) => {
    issues.push(issue(code, { purchase: r.purchaseNo, field, stored, value }, where(r, field)));
    return false;
  };
  if (known.supplier !== r.supplier) return conflict(r.correction ? "purchase.correction_not_allowed" : "purchase.conflicting_contract", "supplier", known.supplier, r.supplier);
  if (r.supplierRef === "" || known.supplierRef === r.supplierRef) return true;
  // An empty stored reference may be filled in; two different references contradict unless the row corrects the stored one.
  const correctsRef = r.correction === true && fromStore.get(r.purchaseNo) === known && known.supplierRef !== "";
  if (known.supplierRef !== "" && !correctsRef) return conflict("purchase.conflicting_contract", "supplier_ref", known.supplierRef, r.supplierRef);
  if (correctsRef) plan.notes.push(issue("purchase.contract_corrected", { purchase: r.purchaseNo, column: "supplier_ref", stored: known.supplierRef, corrected: r.supplierRef }, where(r, "supplier_ref"), "info"));
  const after = { ...known, supplierRef: r.supplierRef };
  headers.set(r.purchaseNo, after);
  const planned = plan.contracts.find((c) => c.after.purchaseNo === r.purchaseNo);
  if (planned) planned.after = after;
  else plan.contracts.push({ before: known, after, ref: r });
  return true;
}

/** The position fields a row sets, with their columns (the order the notes of a correction list them). */
const STATE_COLUMNS: readonly (readonly [keyof PurchaseState, string])[] = [
  ["articleNo", "article_no"],
  ["description", "description"],
  ["object", "object"],
  ["quantity", "quantity"],
  ["unitCost", "unit_cost"],
  ["interval", "billing_interval"],
];

function firstDifference(a: PurchaseState, b: PurchaseState): string {
  if (a.quantity !== b.quantity) return "quantity";
  if (a.unitCost !== b.unitCost) return "unit_cost";
  if (a.articleNo !== b.articleNo) return "article_no";
  if (a.object !== b.object) return "object";
  if (a.interval !== b.interval) return "billing_interval";
  return "description";
}
