/** The links report as a worksheet in the user's language: name, rows and write options (status colours, column kinds). */
import type { LinkReportRow } from "../../core/purchase/links-report";
import type { ColumnKind, WriteTableOptions } from "../../excel/gateway";
import { linksReportTableRows } from "../../io/purchase/report-tables";
import { LINKS_REPORT_VOCABULARY } from "../../io/sheets/purchase-words";
import { localizeTable, vocabularyHeader, vocabularyWord } from "../../io/table/sheet-vocabulary";
import type { Language } from "../i18n";

export const LINKS_SHEET = "Einkauf Verknüpfungen";

const KINDS: Readonly<Record<string, ColumnKind>> = {
  purchase_qty: "decimal", unit_cost: "money", linked_sales_qty: "decimal", quantity: "decimal", unit_price: "money", discount_pct: "decimal",
  net_price: "money", sales_unit_cost: "money", margin: "money", margin_pct: "decimal", purchase_position_no: "integer", position_no: "integer",
  contract_start: "date", contract_end: "date", valid_from: "date", valid_to: "date",
};
const COLOURS: Readonly<Record<string, string>> = { uncovered: "#F8CBAD", not_linked: "#FFE699", inactive: "#EDEDED" };

export function linksSheet(rows: readonly LinkReportRow[], language: Language = "en") {
  const header = (c: string) => vocabularyHeader(LINKS_REPORT_VOCABULARY, c, language);
  return {
    rows: localizeTable(LINKS_REPORT_VOCABULARY, linksReportTableRows(rows), language),
    uncovered: rows.filter((r) => r.status === "uncovered").length,
    options: {
      tableName: "EinkaufVerknuepfungen",
      columns: Object.fromEntries(Object.entries(KINDS).map(([c, k]) => [header(c), k])),
      status: { column: header("status"), colours: Object.fromEntries(Object.entries(COLOURS).map(([s, c]) => [vocabularyWord(LINKS_REPORT_VOCABULARY, "status", s, language), c])) },
      replace: true,
    } satisfies WriteTableOptions,
  };
}
