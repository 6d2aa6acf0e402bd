/** The cost check as a worksheet ("Kostenprüfung YYYY-MM") in the user's language, findings coloured. */
import { monthSheetName } from "../../io/table/sheet-names";
import type { SheetLanguage as SheetNameLanguage } from "../../io/table/sheet-vocabulary";
import type { IsoMonth } from "../../core/date/iso-month";
import type { CostCheckRow } from "../../core/purchase/cost-check";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { costCheckTableRows } from "../../io/purchase/report-tables";
import { COST_CHECK_VOCABULARY } from "../../io/sheets/purchase-words";
import { localizeTable, vocabularyHeader, vocabularyWord } from "../../io/table/sheet-vocabulary";
import type { Language } from "../i18n";

/** `Kostenprüfung 2026-11` / `Cost check 2026-11`. */
export function costCheckSheetName(month: IsoMonth, language: SheetNameLanguage = "de"): string {
  return monthSheetName("costCheck", month, language);
}

export function costCheckSheetRows(rows: readonly CostCheckRow[], language: Language = "en"): SheetCell[][] {
  return localizeTable(COST_CHECK_VOCABULARY, costCheckTableRows(rows, language), language);
}

const KINDS: Readonly<Record<string, ColumnKind>> = {
  position_no: "integer", vendor_qty: "decimal", vendor_unit_cost: "money", vendor_amount: "money", contract_qty: "decimal", net_price: "money",
  billed_amount: "money", margin: "money", purchase_unit_cost: "money", customer_no: "id", article_no: "id", external_customer_id: "id", external_article_id: "id",
};
const COLOURS: Readonly<Record<string, string>> = {
  ok: "#E2EFDA", unbilled: "#F8CBAD", negative_margin: "#F8CBAD", quantity_drift: "#FFE699", "unbilled negative_margin": "#F8CBAD", "quantity_drift negative_margin": "#F8CBAD",
  usage_unbilled: "#F8CBAD", usage_below_cost: "#F8CBAD",
};

export function costCheckWriteOptions(language: Language = "en"): WriteTableOptions {
  const header = (c: string) => vocabularyHeader(COST_CHECK_VOCABULARY, c, language);
  return {
    columns: Object.fromEntries(Object.entries(KINDS).map(([c, k]) => [header(c), k])),
    status: { column: header("finding"), colours: Object.fromEntries(Object.entries(COLOURS).map(([f, c]) => [vocabularyWord(COST_CHECK_VOCABULARY, "finding", f, language), c])) },
    replace: true,
  };
}
