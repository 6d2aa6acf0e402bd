/** The cost check as a worksheet ("Kostenprüfung YYYY-MM"), findings coloured. */
import type { IsoMonth } from "../../core/date/iso-month";
import type { CostCheckRow } from "../../core/purchase/cost-check";
import type { SheetCell, WriteTableOptions } from "../../excel/gateway";
import { costCheckTableRows } from "../../io/purchase/report-tables";

export function costCheckSheetName(month: IsoMonth): string {
  return `Kostenprüfung ${month}`;
}

export function costCheckSheetRows(rows: readonly CostCheckRow[]): SheetCell[][] {
  return costCheckTableRows(rows);
}

export const costCheckWriteOptions: WriteTableOptions = {
  columns: {
    position_no: "integer", vendor_qty: "decimal", vendor_unit_cost: "money", vendor_amount: "money", contract_qty: "decimal", net_price: "money",
    billed_amount: "money", margin: "money", purchase_unit_cost: "money", customer_no: "id", article_no: "id", external_customer_id: "id", external_article_id: "id",
  },
  status: {
    column: "finding",
    colours: { ok: "#E2EFDA", unbilled: "#F8CBAD", negative_margin: "#F8CBAD", quantity_drift: "#FFE699", "unbilled negative_margin": "#F8CBAD", "quantity_drift negative_margin": "#F8CBAD" },
  },
  replace: true,
};
