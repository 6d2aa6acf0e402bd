import { Result, fail, issue, ok } from "../core/issues";
import { rectToA1, quoteSheet } from "./a1";
import type { WriteTableOptions, WriteTableResult } from "./gateway";
import { inlineListSource, listSourceInCells } from "./list-source";
import { writeChunks } from "./write-chunks";
import type { WritePlan } from "./write-plan";
import type { XlContext, XlRange, XlTable, XlWorksheet } from "./xl-api";

export interface WriteEnv {
  payloadBudget: number;
  /** True when the host supports ExcelApi `version`. */
  supports(version: string): boolean;
  listSheet: string;
}

/** Prefix of the temporary sheet a write goes to; leftovers of a crashed write are removed next time. */
export const TEMP_SHEET_PREFIX = "~msp ";

/**
 * Writes a planned table without the user ever seeing half of it:
 * 1. check the target (exists? table name taken elsewhere?), switch events off;
 * 2. write all chunks into a hidden temporary sheet (one sync per chunk);
 * 3. on the temporary sheet: the table over the values (`tables.add` after the values are in, under a
 *    temporary name) and the drop-downs — a failure up to here deletes the temporary sheet only;
 * 4. one last batch: show it, delete the old sheet, rename sheet and table, filters, freeze, widths.
 * Events are restored in `finally`. Cancelling (between chunks) leaves the workbook as it was.
 */
export async function writeTableIn(host: XlContext, plan: WritePlan, options: WriteTableOptions, env: WriteEnv): Promise<Result<WriteTableResult>> {
  const counters = { syncs: 0, chunks: 0 };
  const context: XlContext = {
    workbook: host.workbook,
    runtime: host.runtime,
    sync: async () => {
      counters.syncs++;
      await host.sync();
    },
  };
  const sheets = context.workbook.worksheets;
  const existing = sheets.getItemOrNullObject(plan.sheet);
  existing.load("name,position");
  sheets.load("items/name");
  const events = env.supports("1.8") ? context.runtime : null;
  events?.load("enableEvents");
  const taken = plan.tableName ? context.workbook.tables.getItemOrNullObject(plan.tableName) : null;
  await context.sync();
  if (!existing.isNullObject && !plan.replace) return fail(issue("excel.sheet_exists", { sheet: plan.sheet }));
  if (taken && !taken.isNullObject) {
    const owner = taken.worksheet;
    owner.load("name");
    await context.sync();
    if (existing.isNullObject || owner.name !== existing.name) return fail(issue("excel.table_name_taken", { table: plan.tableName!, sheet: owner.name }));
  }
  const eventsWere = events ? events.enableEvents : true;
  for (const s of sheets.items) if (s.name.startsWith(TEMP_SHEET_PREFIX)) s.delete();
  const tempName = `${TEMP_SHEET_PREFIX}${Date.now().toString(36).slice(-8)}`;
  const temp = sheets.add(tempName);
  temp.visibility = "Hidden";
  if (events) events.enableEvents = false;
  let committed = false;
  try {
    await context.sync();
    const complete = await writeChunks(context, temp, plan, {
      budget: env.payloadBudget,
      suspendCalculation: env.supports("1.6"),
      signal: options.signal,
      onProgress: options.onProgress,
      counters,
    });
    if (!complete || options.signal?.aborted) return fail(issue("excel.cancelled", { sheet: plan.sheet }));
    const sources = await validationSources(context, plan, env);
    const table = plan.tableName ? addTable(temp, plan, `MSP_TMP_${tempName.slice(TEMP_SHEET_PREFIX.length)}`) : null;
    addValidation(temp, table, plan, sources);
    await context.sync();
    committed = true;
    temp.visibility = "Visible";
    if (!existing.isNullObject) {
      const position = existing.position;
      existing.delete();
      temp.name = plan.sheet;
      temp.position = position;
    } else temp.name = plan.sheet;
    if (table) table.name = plan.tableName!;
    finishSheet(temp, plan, env, table !== null);
    await context.sync();
    const rect = { row: 0, col: 0, rows: plan.values.length, cols: plan.width };
    return ok({
      sheet: plan.sheet,
      tableName: plan.tableName,
      address: `${quoteSheet(plan.sheet)}!${rectToA1(rect)}`,
      rowsWritten: plan.values.length - 1,
      syncs: counters.syncs,
      chunks: counters.chunks,
    });
  } finally {
    if (!committed) temp.delete();
    if (events) events.enableEvents = eventsWere;
    await context.sync().catch(() => undefined);
  }
}

function addTable(ws: XlWorksheet, plan: WritePlan, tempName: string): XlTable {
  const table = ws.tables.add(rectToA1({ row: 0, col: 0, rows: plan.values.length, cols: plan.width }), true);
  table.name = tempName;
  table.showFilterButton = plan.filters;
  return table;
}

/** Autofilter (when there is no table), frozen header, column widths from the first 200 rows, activation. */
function finishSheet(ws: XlWorksheet, plan: WritePlan, env: WriteEnv, hasTable: boolean): void {
  if (!hasTable && plan.filters && env.supports("1.9")) ws.autoFilter.apply(rectToA1({ row: 0, col: 0, rows: plan.values.length, cols: plan.width }));
  if (plan.freezeHeader && env.supports("1.7")) ws.freezePanes.freezeRows(1);
  if (env.supports("1.2")) ws.getRangeByIndexes(0, 0, Math.min(plan.values.length, 200), plan.width).format.autofitColumns();
  if (plan.activate) ws.activate();
}

/** A validation source per planned drop-down: literal when short and plain, else a list-sheet range. */
async function validationSources(context: XlContext, plan: WritePlan, env: WriteEnv): Promise<string[]> {
  if (!env.supports("1.8") || plan.values.length < 2) return [];
  const sources: string[] = [];
  for (const v of plan.validations) {
    const inline = inlineListSource(v.list);
    const key = `${plan.tableName ?? plan.sheet}[${v.header}]`;
    sources.push(inline ?? (await listSourceInCells(context, key, v.list, env.listSheet, env.payloadBudget)));
  }
  return sources;
}

function addValidation(ws: XlWorksheet, table: XlTable | null, plan: WritePlan, sources: readonly string[]): void {
  plan.validations.forEach((v, i) => {
    const source = sources[i];
    if (source === undefined) return;
    const range: XlRange = table ? table.columns.getItemAt(v.col).getDataBodyRange() : ws.getRangeByIndexes(1, v.col, plan.values.length - 1, 1);
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source } };
  });
}
