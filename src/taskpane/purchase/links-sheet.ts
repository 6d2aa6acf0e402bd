/** The links report as a worksheet: name, rows and write options (status colours, column kinds). */
import type { LinkReportRow } from "../../core/purchase/links-report";
import type { WriteTableOptions } from "../../excel/gateway";
import { linksReportTableRows } from "../../io/purchase/report-tables";

export const LINKS_SHEET = "Einkauf Verknüpfungen";

const KINDS: WriteTableOptions["columns"] = {
  purchase_qty: "decimal", unit_cost: "money", linked_sales_qty: "decimal", quantity: "decimal", unit_price: "money", discount_pct: "decimal",
  net_price: "money", sales_unit_cost: "money", margin: "money", margin_pct: "decimal", purchase_position_no: "integer", position_no: "integer",
  contract_start: "date", contract_end: "date", valid_from: "date", valid_to: "date",
};

export function linksSheet(rows: readonly LinkReportRow[]) {
  return {
    rows: linksReportTableRows(rows),
    uncovered: rows.filter((r) => r.status === "uncovered").length,
    options: {
      tableName: "EinkaufVerknuepfungen",
      columns: KINDS,
      status: { column: "status", colours: { uncovered: "#F8CBAD", not_linked: "#FFE699", inactive: "#EDEDED" } },
      replace: true,
    } satisfies WriteTableOptions,
  };
}
