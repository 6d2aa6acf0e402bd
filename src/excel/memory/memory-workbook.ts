import { parseA1, quoteSheet, rectToA1 } from "../a1";
import type { XlContext } from "../xl-api";
import { applyApiValue, type CellModel } from "./cells";
import { MemoryContext } from "./context";
import { MemoryExcelError } from "./errors";
import type { SheetModel } from "./sheet-model";
import { filterTable, sortTable, typeInto, validationItems } from "./user-actions";
import { WorkbookModel, type MemoryWorkbookOptions } from "./workbook-model";

/**
 * An in-memory Excel workbook behind a fake of the Office.js API subset in xl-api.ts. `run` works
 * like `Excel.run`, so `new OfficeWorkbookGateway(workbook.run)` is the real adapter on the fake.
 * The rest is for tests, the preview and benchmarks: look at cells, act as the user, count syncs.
 */
export class MemoryWorkbook extends WorkbookModel {
  constructor(options: MemoryWorkbookOptions = {}) {
    super(options);
  }

  /** Like `Excel.run`: a fresh context per batch; what is still queued at the end is synced. */
  readonly run = async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
    const ctx = new MemoryContext(this);
    const result = await batch(ctx);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  };

  /** Lets `skip` syncs pass, then makes `count` syncs fail with `code` before anything is applied. */
  failNextSyncs(count: number, code = "RequestPayloadSizeLimitExceeded", skip = 0): void {
    for (let i = 0; i < skip; i++) this.faults.push(null);
    for (let i = 0; i < count; i++) this.faults.push(new MemoryExcelError(code, `Injected failure: ${code}`));
  }

  resetStats(): void {
    Object.assign(this.stats, { syncs: 0, failedSyncs: 0, requestBytes: [], maxRequestBytes: 0, maxResponseBytes: 0, calcSuspendedSyncs: 0, eventsOffSyncs: 0, untracked: 0 });
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  get activeSheetName(): string {
    return this.active.name;
  }

  sheet(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet '${name}' (sheets: ${this.sheetNames().join(", ")})`);
    return s;
  }

  /** A copy of one cell (`A1` address); an untouched cell reads as empty General. */
  cell(sheet: string, a1: string): CellModel {
    const r = this.rect(a1);
    const c = this.sheet(sheet).cell(r.row, r.col);
    return c ? { ...c } : { value: "", numberFormat: "General" };
  }

  /** Values of a range, or of the used range when no address is given. */
  values(sheet: string, a1?: string): (string | number | boolean)[][] {
    const s = this.sheet(sheet);
    const rect = a1 ? this.rect(a1) : s.usedRect(true);
    return rect ? s.map(rect, (c) => c?.value ?? "") : [];
  }

  /** Writes values as `Range.values` would (for seeding a workbook: a distributor file the user opened). */
  setValues(sheet: string, topLeft: string, values: readonly (readonly unknown[])[]): void {
    const s = this.findSheet(sheet) ?? this.addSheet(sheet);
    const r = this.rect(topLeft);
    values.forEach((row, i) => row.forEach((v, j) => applyApiValue(s.ensure(r.row + i, r.col + j), v, sheet)));
  }

  /** Selects a range (what `getSelectedRange` returns) and activates its sheet. */
  select(sheet: string, a1: string): void {
    const s = this.sheet(sheet);
    this.activate(s);
    this.selection = { sheet: s, rect: this.rect(a1) };
  }

  /** The selection as `Sheet!A1` (sheet not quoted), as the user sees it in the name box. */
  get selectedAddress(): string {
    return `${this.selection.sheet.name}!${rectToA1(this.selection.rect)}`;
  }

  /** A table's sheet, address and header names. */
  tableInfo(name: string): { sheet: string; address: string; headers: string[]; showFilterButton: boolean } | undefined {
    const t = this.findTable(name);
    if (!t) return undefined;
    const headers = t.sheet.map({ ...t.rect, rows: 1 }, (c) => String(c?.value ?? ""))[0]!;
    return { sheet: t.sheet.name, address: `${quoteSheet(t.sheet.name)}!${rectToA1(t.rect)}`, headers, showFilterButton: t.showFilterButton };
  }

  /** Items of the drop-down of a cell, or null when it has none. */
  validationList(sheet: string, a1: string): string[] | null {
    const r = this.rect(a1);
    return validationItems(this, this.sheet(sheet), r.row, r.col);
  }

  /** The user types into a cell (see user-actions.ts). */
  typeInto(sheet: string, a1: string, text: string, options: { paste?: boolean } = {}): void {
    typeInto(this, this.sheet(sheet), a1, text, options.paste);
  }

  /** The user sorts a table by a column. */
  sortTable(table: string, header: string, order: "asc" | "desc" = "asc"): void {
    sortTable(this, table, header, order);
  }

  /** The user filters a table on a column. */
  filterTable(table: string, header: string, keep: (text: string) => boolean): void {
    filterTable(this, table, header, keep);
  }

  private rect(a1: string) {
    const r = parseA1(a1);
    if (!r) throw new Error(`'${a1}' is not an address`);
    return r;
  }
}
