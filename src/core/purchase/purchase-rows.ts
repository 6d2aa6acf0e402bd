import type { IsoDate } from "../date/iso-date";
import type { RowRef } from "../master/master-rows";
import type { PurchaseState } from "./model";

/** One row of the purchase contracts CSV (PRODUCT.md §8 `purchase import`): a position's state from `validFrom` on. */
export interface PurchaseRow extends RowRef {
  supplier: string;
  purchaseNo: string;
  supplierRef: string;
  positionNo: number;
  validFrom: IsoDate;
  /** An empty description means the article's (filled in by the plan when the article is known). */
  state: PurchaseState;
  /**
   * The row corrects stored data (column `correction` = yes): it may replace the stored state of its
   * position at the same valid_from and the supplier reference (README "Purchase contracts and price
   * updates"). Without it such a row contradicts the store.
   */
  correction?: boolean;
}

/** One row of the links CSV (PRODUCT.md §8 `links import`). */
export interface LinkRow extends RowRef {
  purchaseNo: string;
  purchasePositionNo: number;
  contractNo: string;
  positionNo: number;
  /** `unlink` in the optional `action` column removes the link instead of adding it. */
  unlink: boolean;
}
