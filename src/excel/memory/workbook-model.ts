import { isValidSheetName, isValidTableName } from "../names";
import { EXCEL_PAYLOAD_LIMIT } from "../payload";
import type { Rect } from "../a1";
import { MemoryExcelError, invalidArgument, invalidOperation } from "./errors";
import { SheetModel, checkRect, overlaps, type TableModel } from "./sheet-model";

export interface MemoryLimits {
  /** Bytes of one sync's queued operations (Excel on the web: 5 MB). */
  requestBytes: number;
  /** Bytes of one sync's loaded values (Excel on the web: 5 MB). */
  responseBytes: number;
  /** Cells in one loaded range (5 million). */
  cells: number;
}

export interface MemoryStats {
  syncs: number;
  failedSyncs: number;
  /** Request bytes of every sync, in order (failed ones included). */
  requestBytes: number[];
  /** Largest request of a sync that Excel accepted. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Syncs during which calculation was suspended / events were off. */
  calcSuspendedSyncs: number;
  eventsOffSyncs: number;
  untracked: number;
}

export interface MemoryWorkbookOptions {
  /** Locale of the user's Excel (typed input, display language): default "de". */
  locale?: "de" | "en";
  /** Highest ExcelApi requirement set supported: default "1.12". */
  apiVersion?: string;
  limits?: Partial<MemoryLimits>;
  /** Names of the sheets of a new workbook: default ["Tabelle1"]. */
  sheets?: readonly string[];
}

/** The state of the fake workbook and the rules Excel enforces on sheets and tables. */
export class WorkbookModel {
  readonly sheets: SheetModel[];
  readonly tables: TableModel[] = [];
  active: SheetModel;
  selection: { sheet: SheetModel; rect: Rect };
  eventsEnabled = true;
  calcSuspended = false;
  readonly locale: "de" | "en";
  readonly apiVersion: string;
  readonly limits: MemoryLimits;
  readonly stats: MemoryStats = { syncs: 0, failedSyncs: 0, requestBytes: [], maxRequestBytes: 0, maxResponseBytes: 0, calcSuspendedSyncs: 0, eventsOffSyncs: 0, untracked: 0 };
  /** Per coming sync: an error to throw before applying anything, or null to pass (fault injection). */
  readonly faults: (MemoryExcelError | null)[] = [];

  constructor(options: MemoryWorkbookOptions = {}) {
    this.locale = options.locale ?? "de";
    this.apiVersion = options.apiVersion ?? "1.12";
    this.limits = { requestBytes: EXCEL_PAYLOAD_LIMIT, responseBytes: EXCEL_PAYLOAD_LIMIT, cells: 5_000_000, ...options.limits };
    this.sheets = (options.sheets ?? ["Tabelle1"]).map((n) => new SheetModel(n));
    this.active = this.sheets[0]!;
    this.selection = { sheet: this.active, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
  }

  supports(version: string): boolean {
    const [a = 0, b = 0] = version.split(".").map(Number);
    const [x = 0, y = 0] = this.apiVersion.split(".").map(Number);
    return a < x || (a === x && b <= y);
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private checkName(name: string, self?: SheetModel): void {
    if (!isValidSheetName(name)) throw invalidArgument(`'${name}' is not a valid sheet name`);
    const other = this.findSheet(name);
    if (other && other !== self) throw new MemoryExcelError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
  }

  addSheet(name?: string): SheetModel {
    let n = this.sheets.length + 1;
    while (name === undefined && this.findSheet(`Tabelle${n}`)) n++;
    const sheetName = name ?? `Tabelle${n}`;
    this.checkName(sheetName);
    const sheet = new SheetModel(sheetName);
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    this.checkName(name, sheet);
    sheet.name = name;
  }

  private visibleOthers(sheet: SheetModel): SheetModel[] {
    return this.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
  }

  deleteSheet(sheet: SheetModel): void {
    if (sheet.visibility === "Visible" && this.visibleOthers(sheet).length === 0) throw invalidOperation("a workbook must contain at least one visible worksheet");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    for (const t of this.tables.filter((t) => t.sheet === sheet)) this.deleteTable(t);
    if (this.active === sheet) this.active = this.visibleOthers(sheet)[0]!;
    if (this.selection.sheet === sheet) this.selection = { sheet: this.active, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
  }

  setVisibility(sheet: SheetModel, visibility: string): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") throw invalidArgument(`visibility '${visibility}'`);
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleOthers(sheet).length === 0) throw invalidOperation("a workbook must contain at least one visible worksheet");
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.active === sheet) this.active = this.visibleOthers(sheet)[0]!;
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible") throw invalidOperation(`sheet '${sheet.name}' is hidden and cannot be activated`);
    this.active = sheet;
    this.selection = { sheet, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
  }

  moveSheet(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw invalidArgument(`position ${position}`);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  findTable(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /** `tables.add(address, true)`: the header row is the first row of `rect`; empty headers get `ColumnN`. */
  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    checkRect(rect);
    if (!hasHeaders) throw invalidArgument("the fake models tables.add with hasHeaders=true only");
    if (this.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) throw invalidArgument("a table can't overlap another table");
    if (sheet.autoFilter && overlaps(sheet.autoFilter, rect)) sheet.autoFilter = null;
    const seen = new Set<string>();
    for (let j = 0; j < rect.cols; j++) {
      const cell = sheet.ensure(rect.row, rect.col + j);
      let header = cell.formula === undefined ? String(cell.value) : `Column${j + 1}`;
      if (header === "") header = `Column${j + 1}`;
      for (let k = 2; seen.has(header.toLowerCase()); k++) header = `${header}${k}`;
      seen.add(header.toLowerCase());
      cell.value = header;
      cell.formula = undefined;
    }
    let n = this.tables.length + 1;
    while (this.findTable(`Table${n}`)) n++;
    const table: TableModel = { name: `Table${n}`, sheet, rect, showFilterButton: true };
    this.tables.push(table);
    return table;
  }

  renameTable(table: TableModel, name: string): void {
    if (!isValidTableName(name)) throw invalidArgument(`'${name}' is not a valid table name`);
    const other = this.findTable(name);
    if (other && other !== table) throw invalidArgument(`a table named '${name}' already exists`);
    table.name = name;
  }

  deleteTable(table: TableModel): void {
    this.tables.splice(this.tables.indexOf(table), 1);
    table.deleted = true;
  }
}
