import type { Article, Contract, Customer, PositionState } from "../contract/model";
import type { IsoDate } from "../date/iso-date";

/** Where a master-data row came from, for issues. */
export interface RowRef {
  source: string;
  row: number;
}

/** One row of the contracts CSV (PRODUCT.md §6.2): a position's state from `validFrom` on. */
export interface ContractRow extends RowRef {
  customer: Customer;
  /** True when the file gave a customer name (otherwise a stored name is kept). */
  hasCustomerName: boolean;
  contract: Contract;
  /**
   * Contract header fields the row left empty (or whose column the file lacks): `contract`'s defaults
   * hold for a new contract; a known contract keeps its stored value (a change file need not repeat them).
   */
  defaulted?: readonly ("type" | "interval" | "mode")[];
  positionNo: number;
  validFrom: IsoDate;
  state: PositionState;
  /**
   * The row says it corrects stored data (column `correction` = yes): it may replace the stored state
   * of its position at the same valid_from, and the contract start (README "Merge rules of
   * `import-master`"). Without it such a row contradicts the store.
   */
  correction?: boolean;
}

/** One row of the articles CSV. */
export interface ArticleRow extends RowRef {
  article: Article;
}

/** One row of the mappings CSV. */
export interface MappingRow extends RowRef {
  kind: "customer" | "article";
  mappingSource: string;
  externalId: string;
  internalNo: string;
}

/** Everything one `import-master` call reads, from one or more files. */
export interface MasterInput {
  articles: ArticleRow[];
  contracts: ContractRow[];
  mappings: MappingRow[];
}
