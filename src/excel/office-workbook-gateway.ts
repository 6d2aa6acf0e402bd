import { Result, fail, issue, ok } from "../core/issues";
import { dateFormatFor } from "./cell-values";
import { parseA1 } from "./a1";
import type { RowsBelow, SheetCell, SheetRead, WorkbookGateway, WriteTableOptions, WriteTableResult } from "./gateway";
import { columnLetter } from "../io/table/raw-table";
import { DEFAULT_LIST_SHEET } from "./list-source";
import { isValidTableName } from "./names";
import { DEFAULT_PAYLOAD_BUDGET } from "./payload";
import { emptyRead, intersect, readRect, rectOf } from "./read-range";
import { RowTooLargeError } from "./write-chunks";
import { planWrite } from "./write-plan";
import { writeTableIn } from "./write-table";
import { officeErrorCode, type XlContext, type XlRange, type XlRun, type XlTable, type XlWorksheet } from "./xl-api";

export interface GatewayOptions {
  /** Office display language (`Office.context.displayLanguage`): German shows dates as DD.MM.YYYY. */
  displayLanguage?: string;
  /** Estimated request (and response) bytes per sync; default 1.5 MB, well under Excel's 5 MB. */
  payloadBudget?: number;
  /** Whether the host supports an ExcelApi version (e.g. "1.8"); default: everything. */
  supports?: (version: string) => boolean;
  /** Hidden sheet for long drop-down lists. */
  listSheet?: string;
}

/**
 * The workbook port on the Office.js Excel API. `run` is `Excel.run` on the host (office-host.ts) or
 * the in-memory fake's `run` (MemoryWorkbook), so this one adapter is what the tests exercise.
 */
export class OfficeWorkbookGateway implements WorkbookGateway {
  private readonly dateFormat: string;
  private readonly budget: number;
  private readonly supports: (version: string) => boolean;
  private readonly listSheet: string;

  constructor(
    private readonly run: XlRun,
    options: GatewayOptions = {},
  ) {
    this.dateFormat = dateFormatFor(options.displayLanguage);
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    this.supports = options.supports ?? (() => true);
    this.listSheet = options.listSheet ?? DEFAULT_LIST_SHEET;
  }

  async listSheets(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await context.sync();
      return sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
    });
  }

  readActiveSheet(): Promise<Result<SheetRead>> {
    return this.guard(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await context.sync();
      return ok(await this.readUsed(context, ws, ws.name));
    });
  }

  readSheet(name: string): Promise<Result<SheetRead>> {
    return this.guard(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (ws.isNullObject) return this.notFound(context, name);
      return ok(await this.readUsed(context, ws, name));
    });
  }

  readSelection(): Promise<Result<SheetRead>> {
    return this.guard(async (context) => {
      // The selection is always on the active sheet.
      const selection = context.workbook.getSelectedRange();
      selection.load("rowIndex,columnIndex,rowCount,columnCount");
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      const rect = used.isNullObject ? null : intersect(rectOf(selection), rectOf(used));
      return ok(rect ? await readRect(context, ws, ws.name, rect, this.budget) : emptyRead(ws.name));
    });
  }

  readTableByHeaders(sheetOrTable: string): Promise<Result<SheetRead>> {
    return this.guard(async (context) => {
      const found = await this.findTable(context, sheetOrTable);
      if (found === "missing") return this.notFound(context, sheetOrTable);
      if ("used" in found) return ok(await this.readUsed(context, found.used, sheetOrTable));
      const { table, range, owner } = found;
      const read = await readRect(context, owner, owner.name, rectOf(range), this.budget);
      return ok({ ...read, tableName: table.name });
    });
  }

  rowsBelowTable(sheetOrTable: string): Promise<Result<RowsBelow>> {
    return this.guard(async (context) => {
      const found = await this.findTable(context, sheetOrTable);
      if (found === "missing") return this.notFound(context, sheetOrTable);
      if ("used" in found) return ok({ sheet: sheetOrTable, tableName: null, rows: [], first: null });
      const { table, range, owner } = found;
      const none: RowsBelow = { sheet: owner.name, tableName: table.name, rows: [], first: null };
      const used = owner.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      if (used.isNullObject) return ok(none);
      const below = range.rowIndex + range.rowCount;
      const end = used.rowIndex + used.rowCount;
      if (end <= below) return ok(none);
      const read = await readRect(context, owner, owner.name, { row: below, col: used.columnIndex, rows: end - below, cols: used.columnCount }, this.budget);
      const rows: number[] = [];
      let first: string | null = null;
      read.table.rows.forEach((cells, i) => {
        const at = cells.findIndex((c) => c.trim() !== "");
        if (at < 0) return;
        const row = read.table.firstRowNumber + i;
        rows.push(row);
        first ??= `${columnLetter(at)}${row}`;
      });
      return ok({ ...none, rows, first });
    });
  }

  select(sheet: string, address: string): Promise<Result<void>> {
    if (!parseA1(address)) return Promise.resolve(fail(issue("excel.invalid_address", { address, sheet })));
    return this.guard(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (ws.isNullObject) return this.notFound(context, sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
      return ok(undefined);
    });
  }

  /**
   * The Excel table of that name, else the first table on the sheet of that name (with its range
   * and sheet loaded), else the sheet itself when it has no table; "missing" when neither exists.
   */
  private async findTable(context: XlContext, sheetOrTable: string): Promise<{ table: XlTable; range: XlRange; owner: XlWorksheet } | { used: XlWorksheet } | "missing"> {
    // Sheet names with spaces are never table names: don't ask Excel for those as tables.
    let table: XlTable | null = isValidTableName(sheetOrTable) ? context.workbook.tables.getItemOrNullObject(sheetOrTable) : null;
    const ws = context.workbook.worksheets.getItemOrNullObject(sheetOrTable);
    await context.sync();
    if (!table || table.isNullObject) {
      if (ws.isNullObject) return "missing";
      ws.tables.load("items/name");
      await context.sync();
      const first = ws.tables.items[0];
      if (!first) return { used: ws };
      table = first;
    }
    const range = table.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    table.load("name");
    const owner = table.worksheet;
    owner.load("name");
    await context.sync();
    return { table, range, owner };
  }

  writeTable(sheet: string, rows: readonly (readonly SheetCell[])[], options: WriteTableOptions = {}): Promise<Result<WriteTableResult>> {
    const plan = planWrite(sheet, rows, options, this.dateFormat);
    if (!plan.ok) return Promise.resolve(plan);
    return this.guard((context) =>
      writeTableIn(context, plan.value, options, { payloadBudget: this.budget, supports: this.supports, listSheet: this.listSheet }),
    );
  }

  activateSheet(name: string): Promise<Result<void>> {
    return this.guard(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (ws.isNullObject) return this.notFound(context, name);
      ws.activate();
      await context.sync();
      return ok(undefined);
    });
  }

  private async readUsed(context: XlContext, ws: XlWorksheet, name: string): Promise<SheetRead> {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    return used.isNullObject ? emptyRead(name) : readRect(context, ws, name, rectOf(used), this.budget);
  }

  private async notFound<T>(context: XlContext, name: string): Promise<Result<T>> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return fail(issue("excel.sheet_not_found", { sheet: name, sheets: sheets.items.map((s) => s.name).join(", ") }));
  }

  /** Runs a batch; Office errors become an issue the task pane can show (with Excel's code). */
  private async guard<T>(batch: (context: XlContext) => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await this.run(batch);
    } catch (error) {
      if (error instanceof RowTooLargeError) return fail(issue("excel.row_too_large", { row: error.row }));
      const detail = error instanceof Error ? error.message : String(error);
      return fail(issue("excel.api_error", { code: officeErrorCode(error) ?? "Error", detail }));
    }
  }
}
