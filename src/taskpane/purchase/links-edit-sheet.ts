/**
 * The links as an editable worksheet: one row per stored link in the columns of the links CSV
 * (`purchase_no, purchase_position_no, contract_no, position_no, action`) followed by columns that
 * only help to recognise both ends. Read back, the sheet is imported exactly like a links CSV
 * (`importLinks`): `action` `unlink` removes a link, a new row adds one, the extra columns are ignored.
 */
import type { LinkForEditing } from "../../app/links-for-editing";
import type { SheetCell, WriteTableOptions } from "../../excel/gateway";

export const LINKS_EDIT_SHEET = "Verknüpfungen bearbeiten";

export const LINKS_EDIT_HEADER = ["purchase_no", "purchase_position_no", "contract_no", "position_no", "action", "supplier", "object", "customer_no", "customer_name", "article_no", "description"] as const;

/** Header and one row per link, action `link`. */
export function linksEditRows(links: readonly LinkForEditing[]): SheetCell[][] {
  return [
    [...LINKS_EDIT_HEADER],
    ...links.map((l) => [
      l.purchaseNo, { number: String(l.purchasePositionNo) }, l.contractNo, { number: String(l.positionNo) }, "link",
      l.supplier, l.object, l.customerNo, l.customerName, l.articleNo, l.description,
    ]),
  ];
}

export const linksEditWriteOptions: WriteTableOptions = {
  tableName: "VerknuepfungenBearbeiten",
  columns: { purchase_no: "id", purchase_position_no: "integer", contract_no: "id", position_no: "integer", customer_no: "id", article_no: "id" },
  validation: [{ column: "action", list: ["link", "unlink"] }],
  replace: true,
};
