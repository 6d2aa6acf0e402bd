import type { WorkbookGateway } from "../excel/gateway";
import { pickSheet } from "../io/table/sheet-names";
import type { SheetLanguage } from "../io/table/sheet-vocabulary";

/**
 * The sheet to read back: the user's-language name when the workbook has it, else the other
 * language's (a workbook from a colleague in the other language), else the user's (named in the
 * "sheet missing" message).
 */
export async function findSheet(gateway: Pick<WorkbookGateway, "listSheets">, own: string, language: SheetLanguage): Promise<string> {
  let existing: string[] = [];
  try {
    existing = await gateway.listSheets();
  } catch {
    return own;
  }
  return pickSheet(existing, own, language);
}
