/**
 * The links as an editable worksheet: one row per stored link in the columns of the links CSV
 * (`purchase_no, purchase_position_no, contract_no, position_no, action`) followed by columns that
 * only help to recognise both ends, headers and actions in the user's language. Read back (German
 * or English), the sheet is imported exactly like a links CSV (`importLinks`): `action` `unlink`
 * (*lösen*) removes a link, a new row adds one, the extra columns are ignored.
 */
import type { LinkForEditing } from "../../app/links-for-editing";
import type { Issue } from "../../core/issues";
import type { SheetCell, WriteTableOptions } from "../../excel/gateway";
import { LINKS_EDIT_VOCABULARY } from "../../io/sheets/purchase-words";
import type { RawTable } from "../../io/table/raw-table";
import { canonicalTable, localizeTable, vocabularyHeader, vocabularyWord, withUserColumns } from "../../io/table/sheet-vocabulary";
import type { Language } from "../i18n";
import { sheetName } from "../../io/table/sheet-names";
import { tableNameFor } from "../../excel/names";
import { sheetAsCsv } from "../master/master-sheets";

/** `Verknüpfungen bearbeiten` / `Edit links` (read back under either name). */
export function linksEditSheetName(language: Language = "de"): string {
  return sheetName("linksEdit", language);
}

export const LINKS_EDIT_HEADER = ["purchase_no", "purchase_position_no", "contract_no", "position_no", "action", "supplier", "object", "customer_no", "customer_name", "article_no", "description"] as const;

/** Header and one row per link, action `link`. */
export function linksEditRows(links: readonly LinkForEditing[], language: Language = "en"): SheetCell[][] {
  return localizeTable(LINKS_EDIT_VOCABULARY, [
    [...LINKS_EDIT_HEADER],
    ...links.map((l) => [
      l.purchaseNo, { number: String(l.purchasePositionNo) }, l.contractNo, { number: String(l.positionNo) }, "link",
      l.supplier, l.object, l.customerNo, l.customerName, l.articleNo, l.description,
    ]),
  ], language);
}

export function linksEditWriteOptions(language: Language = "en"): WriteTableOptions {
  const header = (c: string) => vocabularyHeader(LINKS_EDIT_VOCABULARY, c, language);
  const word = (w: string) => vocabularyWord(LINKS_EDIT_VOCABULARY, "action", w, language);
  return {
    // The German table keeps its old name; each language its own, so both sheets can sit in one workbook.
    tableName: language === "de" ? "VerknuepfungenBearbeiten" : tableNameFor(linksEditSheetName(language)),
    columns: Object.fromEntries(Object.entries({ purchase_no: "id", purchase_position_no: "integer", contract_no: "id", position_no: "integer", customer_no: "id", article_no: "id" } as const).map(([c, k]) => [header(c), k])),
    validation: [{ column: header("action"), list: [word("link"), word("unlink")] }],
    replace: true,
  };
}

/** The sheet read back as the links CSV importLinks reads, and the issues' columns named as the sheet has them. */
export function linksEditSheetAsCsv(table: RawTable): { bytes: Uint8Array; userColumns(issues: readonly Issue[]): Issue[] } {
  const canonical = canonicalTable(LINKS_EDIT_VOCABULARY, table);
  return { bytes: sheetAsCsv(canonical.raw), userColumns: (issues) => withUserColumns(LINKS_EDIT_VOCABULARY, issues, canonical) };
}
