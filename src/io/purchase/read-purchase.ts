import { pushAll } from "../../core/array";
import { BILLING_INTERVALS } from "../../core/date/billing-period";
import type { Issue } from "../../core/issues";
import type { LinkRow, PurchaseRow } from "../../core/purchase/purchase-rows";
import { CellReader } from "../table/cell-reader";
import { missingColumns, toHeaderTable } from "../table/header-table";
import type { RawTable } from "../table/raw-table";
import { canonicalTable, withUserColumns } from "../table/sheet-vocabulary";
import { PURCHASE_CONTRACT_VOCABULARY } from "../sheets/purchase-words";

/** Fixed columns of the purchase contracts CSV (PRODUCT.md §8 `purchase import`), in export order. */
export const PURCHASE_COLUMNS = [
  "supplier", "purchase_no", "supplier_ref", "position_no", "article_no", "description", "object", "quantity", "unit_cost", "billing_interval", "valid_from",
] as const;
export const PURCHASE_REQUIRED = ["supplier", "purchase_no", "position_no", "article_no", "quantity", "unit_cost", "valid_from"] as const;

/** Fixed columns of the links CSV (PRODUCT.md §8 `links import`); `action` (`link`/`unlink`) is optional. */
export const LINK_COLUMNS = ["purchase_no", "purchase_position_no", "contract_no", "position_no"] as const;
export const LINK_OPTIONAL_COLUMNS = ["action"] as const;

/**
 * Reads a purchase contracts table: one row per purchase position state (header names as above or
 * German, case-insensitive, any order; dates `YYYY-MM-DD` or `DD.MM.YYYY`; decimals with `.` or `,`).
 * Defaults: billing_interval `monthly`, description the article's. The optional column `correction`
 * (*Korrektur*; yes/ja/1/x) marks a row as a correction of the stored entry with its valid_from, as
 * in `import-master`. Every bad cell is an issue, naming the column as the file has it; `userColumns`
 * does the same for the issues of the plan.
 */
export function readPurchaseTable(raw: RawTable): { rows: PurchaseRow[]; issues: Issue[]; userColumns: (issues: readonly Issue[]) => Issue[] } {
  const canonical = canonicalTable(PURCHASE_CONTRACT_VOCABULARY, raw);
  const read = readCanonicalPurchase(canonical.raw);
  // The plan's issues and notes name canonical columns; this names them as the file does.
  const userColumns = (issues: readonly Issue[]) => withUserColumns(PURCHASE_CONTRACT_VOCABULARY, issues, canonical);
  return { rows: read.rows, issues: userColumns(read.issues), userColumns };
}

function readCanonicalPurchase(raw: RawTable): { rows: PurchaseRow[]; issues: Issue[] } {
  const { table, issues } = toHeaderTable(raw);
  if (!table) return { rows: [], issues };
  const missing = missingColumns(table, PURCHASE_REQUIRED);
  if (missing.length > 0) return { rows: [], issues: [...issues, ...missing] };
  const rows: PurchaseRow[] = [];
  for (const { row, cells } of table.rows) {
    const r = new CellReader(table, cells, row);
    const supplier = r.text("supplier", true);
    const purchaseNo = r.text("purchase_no", true);
    const supplierRef = r.text("supplier_ref");
    const positionNo = r.positiveInt("position_no");
    const articleNo = r.text("article_no", true);
    const description = r.text("description");
    const object = r.text("object");
    const quantity = r.decimal("quantity", { kind: "quantity", required: true, min0: true });
    const unitCost = r.decimal("unit_cost", { kind: "price", required: true, min0: true });
    const interval = r.choice("billing_interval", BILLING_INTERVALS, "monthly");
    const validFrom = r.date("valid_from", { required: true });
    // Not exported: said row by row, so an old file imported again never rewrites history.
    const correction = r.flag("correction");
    if (r.issues.length > 0 || !positionNo || quantity === undefined || unitCost === undefined || !interval || !validFrom) {
      pushAll(issues, r.issues);
      continue;
    }
    rows.push({ source: table.source, row, supplier, purchaseNo, supplierRef, positionNo, validFrom, state: { articleNo, description, object, quantity, unitCost, interval }, ...(correction ? { correction } : {}) });
  }
  return { rows, issues };
}

/** Reads a links table (purchase position → sales position); `action` `unlink` removes a link. */
export function readLinksTable(raw: RawTable): { rows: LinkRow[]; issues: Issue[] } {
  const { table, issues } = toHeaderTable(raw);
  if (!table) return { rows: [], issues };
  const missing = missingColumns(table, LINK_COLUMNS);
  if (missing.length > 0) return { rows: [], issues: [...issues, ...missing] };
  const rows: LinkRow[] = [];
  for (const { row, cells } of table.rows) {
    const r = new CellReader(table, cells, row);
    const purchaseNo = r.text("purchase_no", true);
    const purchasePositionNo = r.positiveInt("purchase_position_no");
    const contractNo = r.text("contract_no", true);
    const positionNo = r.positiveInt("position_no");
    const action = r.choice("action", ["link", "unlink"] as const, "link");
    if (r.issues.length > 0 || !purchasePositionNo || !positionNo || !action) {
      pushAll(issues, r.issues);
      continue;
    }
    rows.push({ source: table.source, row, purchaseNo, purchasePositionNo, contractNo, positionNo, unlink: action === "unlink" });
  }
  return { rows, issues };
}
