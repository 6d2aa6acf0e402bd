import { fail, issue, ok, type Result } from "../core/issues";
import type { WorkbookGateway } from "../excel/gateway";
import { counterpartSheetName, pickSheet } from "../io/table/sheet-names";
import type { SheetLanguage } from "../io/table/sheet-vocabulary";

/**
 * The sheet to read back: the user's-language name when the workbook has it, else the other
 * language's (a workbook from a colleague in the other language). A workbook with neither name is a
 * problem that names both (the user may have the colleague's workbook in mind):
 * `excel.sheet_not_found_either`. When the sheets cannot be listed, the user's name is read (and the
 * read names what is wrong).
 */
export async function findSheetToRead(gateway: Pick<WorkbookGateway, "listSheets">, own: string, language: SheetLanguage): Promise<Result<string>> {
  let existing: string[];
  try {
    existing = await gateway.listSheets();
  } catch {
    return ok(own);
  }
  const found = pickSheet(existing, own, language);
  const other = counterpartSheetName(own, language);
  if (found !== own || other === null || existing.some((s) => s.toLowerCase() === own.toLowerCase())) return ok(found);
  return fail(issue("excel.sheet_not_found_either", { sheet: own, other, sheets: existing.join(", ") }));
}
