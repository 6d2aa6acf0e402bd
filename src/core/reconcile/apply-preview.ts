import { Decimal } from "../money/decimal";
import type { ApplyPlan } from "./plan-apply";
import type { ReviewRow } from "./review-row";

/**
 * What a review would really store if applied now, counted for the confirmation before
 * *Übernehmen*: from the plan against the store (a dry run), so rows already in the contracts and
 * mappings already saved count as unchanged, not as changes.
 */
export interface ApplyPreview {
  /** Rows that would store something: a new contract version or a mapping. */
  changes: number;
  /** Of these, new positions. */
  newPositions: number;
  /** Positions set to quantity 0 (a cancellation, incl. `missing_in_file`). */
  ends: number;
  /** Positions set to fewer seats than stored, but not to 0. */
  reductions: number;
  /** Positions set to more seats than stored. */
  increases: number;
  /** Rows that would save mappings. */
  mappings: number;
  /** Accepted rows already in the contracts (or mappings already saved): they store nothing. */
  unchanged: number;
  /** Rows left as they are (`skip`). */
  skipped: number;
  /** Sheet rows of the ends and reductions, in sheet order, to name them. */
  endRows: number[];
  reductionRows: number[];
}

/**
 * Counts what storing `plan` would do (PRODUCT.md §3 step 4): quantities compared with the
 * position's stored quantity on the effective date, so a row edited after an earlier apply counts
 * by what it changes now. Pure: the same plan in any order gives the same counts.
 */
export function previewPlan(plan: ApplyPlan): ApplyPreview {
  const p: ApplyPreview = { changes: 0, newPositions: 0, ends: 0, reductions: 0, increases: 0, mappings: 0, unchanged: plan.unchanged, skipped: plan.skipped, endRows: [], reductionRows: [] };
  const rows = new Set<number>();
  for (const { version, row, before } of plan.versions) {
    rows.add(row);
    const quantity = new Decimal(version.quantity);
    if (before === null) p.newPositions++;
    else if (quantity.isZero()) {
      if (!new Decimal(before).isZero()) {
        p.ends++;
        p.endRows.push(row);
      }
    } else if (quantity.lessThan(before)) {
      p.reductions++;
      p.reductionRows.push(row);
    } else if (quantity.greaterThan(before)) p.increases++;
  }
  const mappingRows = new Set(plan.mappings.map((m) => m.row));
  for (const row of mappingRows) rows.add(row);
  p.mappings = mappingRows.size;
  p.changes = rows.size;
  p.endRows.sort((a, b) => a - b);
  p.reductionRows.sort((a, b) => a - b);
  return p;
}

/** True when storing the plan would change nothing (every accepted row already stored, or none accepted). */
export function planStoresNothing(plan: ApplyPlan): boolean {
  return plan.versions.length === 0 && plan.mappings.length === 0;
}

/** True for a row that ends its position: a quantity change to vendor quantity 0. */
export function isCancellationToZero(row: Pick<ReviewRow, "status" | "vendorQty">): boolean {
  return row.status === "quantity_changed" && row.vendorQty !== null && new Decimal(row.vendorQty).isZero();
}

/**
 * The task pane's default (issue 20): a cancellation to quantity 0 is written as `skip`, so ending a
 * position always takes the clerk's explicit *übernehmen*. Other rows keep the default of
 * PRODUCT.md §8 (which the CLI's review file keeps). Returns new rows; the input is not changed.
 */
export function skipCancellations(rows: readonly ReviewRow[]): ReviewRow[] {
  return rows.map((r) => (isCancellationToZero(r) && r.action === "accept" ? { ...r, action: "skip" } : r));
}
