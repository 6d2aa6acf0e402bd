import { Decimal } from "../money/decimal";
import type { ReviewDecision } from "./plan-apply";
import type { ReviewRow } from "./review-row";

/** What a review would do if applied now, counted for the confirmation before *Übernehmen*. */
export interface ApplyPreview {
  /** Accepted rows that may change a contract or mapping (every accepted row but `unchanged`). */
  changes: number;
  /** Accepted `new_position` rows. */
  newPositions: number;
  /** Accepted rows that set a position to vendor quantity 0 (a cancellation, incl. `missing_in_file`). */
  ends: number;
  /** Accepted quantity changes to fewer seats, but not to 0. */
  reductions: number;
  /** Accepted quantity changes to more seats. */
  increases: number;
  /** Accepted `unmapped_*` rows (they save mappings). */
  mappings: number;
  /** Rows left as they are (`skip`). */
  skipped: number;
  /** Sheet rows of the accepted ends and reductions, in sheet order, to name them. */
  endRows: number[];
  reductionRows: number[];
}

function quantity(text: string | null): Decimal | null {
  if (text === null || text.trim() === "") return null;
  try {
    return new Decimal(text);
  } catch {
    return null;
  }
}

/**
 * Counts what applying `decisions` would do, from the rows as read back (the clerk's edits of
 * quantity and action included). Pure: the same decisions in any order give the same counts.
 * The confirmation calls out ends and reductions, the changes that cost revenue when wrong.
 */
export function previewApply(decisions: readonly ReviewDecision[]): ApplyPreview {
  const p: ApplyPreview = { changes: 0, newPositions: 0, ends: 0, reductions: 0, increases: 0, mappings: 0, skipped: 0, endRows: [], reductionRows: [] };
  for (const d of decisions) {
    if (d.action !== "accept") {
      p.skipped++;
      continue;
    }
    if (d.status === "unchanged") continue;
    p.changes++;
    if (d.status === "unmapped_customer" || d.status === "unmapped_article") p.mappings++;
    else if (d.status === "new_position") p.newPositions++;
    else {
      const vendor = quantity(d.vendorQty) ?? new Decimal(0);
      const contract = quantity(d.contractQty);
      if (vendor.isZero()) {
        p.ends++;
        p.endRows.push(d.row);
      } else if (contract !== null && vendor.lessThan(contract)) {
        p.reductions++;
        p.reductionRows.push(d.row);
      } else if (contract === null || vendor.greaterThan(contract)) p.increases++;
    }
  }
  p.endRows.sort((a, b) => a - b);
  p.reductionRows.sort((a, b) => a - b);
  return p;
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
