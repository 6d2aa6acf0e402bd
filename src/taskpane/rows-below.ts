import { issue, type Issue } from "../core/issues";
import type { WorkbookGateway } from "../excel/gateway";

/**
 * A warning when rows were typed under the sheet's table but outside it (after an empty row): a
 * read-back by header names reads only the table and would miss them. Names the first such cell,
 * so the message links to it. Empty when there are none (or the sheet cannot be looked at).
 */
export async function rowsBelowWarning(gateway: Pick<WorkbookGateway, "rowsBelowTable">, sheet: string): Promise<Issue[]> {
  const below = await gateway.rowsBelowTable(sheet);
  if (!below.ok || below.value.rows.length === 0) return [];
  const { rows, first } = below.value;
  const where = first ? { cell: `${below.value.sheet}!${first}` } : { source: below.value.sheet };
  return [issue("excel.rows_below_table", { sheet: below.value.sheet, count: rows.length, row: rows[0]! }, where, "warning")];
}
