/**
 * The price update assistant's worksheet: the proposal written as "Preisaktualisierung <NO:POS>" in
 * the pane's language (headers, actions, notes) with an action drop-down.
 */
import type { ProposalRow } from "../../core/purchase/plan-price-update";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { tableNameFor } from "../../excel/names";
import { proposalTableRows } from "../../io/purchase/proposal-table";
import { PROPOSAL_VOCABULARY } from "../../io/sheets/purchase-words";
import { localizeTable, vocabularyHeader, vocabularyWord } from "../../io/table/sheet-vocabulary";
import type { Language } from "../i18n";
import { sheetName } from "../../io/table/sheet-names";

/** Sheet name for the selected positions (Excel: at most 31 characters, no `:`). */
export function priceSheetName(refs: readonly string[], language: Language = "de"): string {
  const label = refs.length === 1 ? refs[0]!.replace(/:/g, "-") : `${refs[0]!.replace(/:/g, "-")} +${refs.length - 1}`;
  return sheetName("priceUpdate", language, label.replace(/[\\/?*[\]]/g, "-"));
}

export function priceSheetRows(rows: readonly ProposalRow[], language: Language): SheetCell[][] {
  return localizeTable(PROPOSAL_VOCABULARY, proposalTableRows(rows, language), language);
}

const KINDS: Readonly<Record<string, ColumnKind>> = {
  position_no: "integer", valid_from: "date", current_price: "money", discount_pct: "decimal", current_cost: "money", new_cost: "money", new_price: "money",
  current_margin: "money", new_margin: "money", purchase_new_cost: "money", cost_from: "date", quantity: "decimal", current_margin_pct: "decimal", new_margin_pct: "decimal",
};

/**
 * Write options in the language. With the sheet's name the proposal is an Excel table, so rows typed
 * under it after an empty row are found (and warned about) before it is read back.
 */
export function priceWriteOptions(language: Language, sheet?: string): WriteTableOptions {
  const header = (c: string) => vocabularyHeader(PROPOSAL_VOCABULARY, c, language);
  const word = (w: string) => vocabularyWord(PROPOSAL_VOCABULARY, "action", w, language);
  return {
    ...(sheet ? { tableName: tableNameFor(sheet) } : {}),
    columns: Object.fromEntries(Object.entries(KINDS).map(([c, k]) => [header(c), k])),
    status: { column: header("action"), colours: { [word("skip")]: "#EDEDED" } },
    validation: [{ column: header("action"), list: [word("accept"), word("skip")] }],
    replace: true,
  };
}
