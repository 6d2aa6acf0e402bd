/**
 * The price update assistant's worksheet: the proposal written as "Preisaktualisierung <NO:POS>" with
 * an action drop-down (in the pane's language).
 */
import type { ProposalRow } from "../../core/purchase/plan-price-update";
import type { SheetCell, WriteTableOptions } from "../../excel/gateway";
import { PROPOSAL_COLUMNS, proposalTableRows } from "../../io/purchase/proposal-table";
import type { Language } from "../i18n";

const ACTION_WORDS: Record<Language, Record<"accept" | "skip", string>> = {
  de: { accept: "übernehmen", skip: "überspringen" },
  en: { accept: "accept", skip: "skip" },
};

/** Sheet name for the selected positions (Excel: at most 31 characters, no `:`). */
export function priceSheetName(refs: readonly string[]): string {
  const label = refs.length === 1 ? refs[0]!.replace(/:/g, "-") : `${refs[0]!.replace(/:/g, "-")} +${refs.length - 1}`;
  return `Preisaktualisierung ${label}`.replace(/[\\/?*[\]]/g, "-").slice(0, 31);
}

export function priceSheetRows(rows: readonly ProposalRow[], language: Language): SheetCell[][] {
  const table = proposalTableRows(rows);
  const at = PROPOSAL_COLUMNS.indexOf("action");
  const words = ACTION_WORDS[language];
  return table.map((row, k) => (k === 0 ? row : row.map((cell, i) => (i === at && (cell === "accept" || cell === "skip") ? words[cell] : cell))));
}

export function priceWriteOptions(language: Language): WriteTableOptions {
  const words = ACTION_WORDS[language];
  return {
    columns: {
      position_no: "integer", valid_from: "date", current_price: "money", discount_pct: "decimal", current_cost: "money", new_cost: "money", new_price: "money",
      current_margin: "money", new_margin: "money", purchase_new_cost: "money", cost_from: "date", quantity: "decimal", current_margin_pct: "decimal", new_margin_pct: "decimal",
    },
    status: { column: "action", colours: { [words.skip]: "#EDEDED" } },
    validation: [{ column: "action", list: [words.accept, words.skip] }],
    replace: true,
  };
}

