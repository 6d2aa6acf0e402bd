import { parseA1, quoteSheet, rectToA1, splitAddress, type Rect } from "../a1";
import type { XlDataValidation, XlRange, XlRangeFormat } from "../xl-api";
import { applyApiValue, formulaOf, type CellModel } from "./cells";
import type { MemoryContext } from "./context";
import { MemoryExcelError, invalidArgument, invalidOperation } from "./errors";
import { MemoryProxy } from "./proxy";
import { overlaps, type ListSource, type SheetModel } from "./sheet-model";
import type { WorkbookModel } from "./workbook-model";
import { MemoryWorksheet } from "./worksheet";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const LOADABLE = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "numberFormat", "formulas"] as const;

/** The fake `Excel.Range`: a rectangle of one sheet. */
export class MemoryRange extends MemoryProxy<RangeTarget> implements XlRange {
  protected readonly loadable = LOADABLE;
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  private sheetProxy: MemoryWorksheet | undefined;

  constructor(ctx: MemoryContext, resolver: () => RangeTarget | null, what: string, orNull = false) {
    super(ctx, resolver, what, orNull);
    this.format = new RangeFormat(this);
    this.dataValidation = new DataValidation(this);
  }

  get address(): string { return this.read("address"); }
  get rowIndex(): number { return this.read("rowIndex"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get values(): unknown[][] { return this.read("values"); }
  get numberFormat(): unknown[][] { return this.read("numberFormat"); }
  get formulas(): unknown[][] { return this.read("formulas"); }

  set values(values: unknown[][]) {
    this.write2d("values", values, (cell, v, where) => applyApiValue(cell, v, where));
  }

  set numberFormat(formats: unknown[][]) {
    this.write2d("numberFormat", formats, (cell, v) => {
      if (v !== null && v !== undefined) cell.numberFormat = String(v);
    });
  }

  set formulas(formulas: unknown[][]) {
    this.write2d("formulas", formulas, (cell, v, where) => applyApiValue(cell, v, where));
  }

  get worksheet(): MemoryWorksheet {
    return (this.sheetProxy ??= new MemoryWorksheet(this.ctx, () => this.resolve().sheet, `${this.what}.worksheet`));
  }

  untrack(): this {
    this.ctx.enqueue(`${this.what}.untrack`, undefined, () => this.ctx.model.stats.untracked++);
    return this;
  }

  /** Selects the range as the user's selection. Strict: only on the active sheet (VBA's Select fails otherwise), so callers activate the sheet first. */
  select(): void {
    this.queue("select", undefined, ({ sheet, rect }) => {
      if (this.ctx.model.active !== sheet) throw invalidOperation(`select: sheet '${sheet.name}' is not the active sheet`);
      this.ctx.model.selection = { sheet, rect };
    });
  }

  /** The workbook this range belongs to. */
  get model(): WorkbookModel {
    return this.ctx.model;
  }

  /** Queues an operation on the range's target (for format and validation). */
  on(operation: string, payload: unknown, apply: (t: RangeTarget) => void): void {
    this.queue(operation, payload, apply);
  }

  protected override isGone(t: RangeTarget): boolean {
    return t.sheet.deleted;
  }

  protected snapshot(property: string, { sheet, rect }: RangeTarget): unknown {
    if ((property === "values" || property === "numberFormat" || property === "formulas") && rect.rows * rect.cols > this.ctx.model.limits.cells) {
      throw new MemoryExcelError("RangeExceedsLimit", `The range has ${rect.rows * rect.cols} cells, more than the ${this.ctx.model.limits.cells} allowed.`);
    }
    switch (property) {
      case "address": return `${quoteSheet(sheet.name)}!${rectToA1(rect)}`;
      case "rowIndex": return rect.row;
      case "columnIndex": return rect.col;
      case "rowCount": return rect.rows;
      case "columnCount": return rect.cols;
      case "values": return sheet.map(rect, (c) => c?.value ?? "");
      case "numberFormat": return sheet.map(rect, (c) => c?.numberFormat ?? "General");
      default: return sheet.map(rect, formulaOf);
    }
  }

  private write2d(property: string, data: unknown[][], apply: (cell: CellModel, value: unknown, where: string) => void): void {
    this.queue(property, data, ({ sheet, rect }) => {
      const where = `${quoteSheet(sheet.name)}!${rectToA1(rect)}`;
      if (!Array.isArray(data) || data.length !== rect.rows || data.some((r) => !Array.isArray(r) || r.length !== rect.cols)) {
        throw invalidArgument("The number of rows or columns in the input array doesn't match the size or dimensions of the range.", where);
      }
      sheet.forEach(rect, (cell, i, j) => apply(cell, data[i]![j], where));
    });
  }
}

class RangeFormat implements XlRangeFormat {
  readonly fill: { color: string };
  constructor(private readonly range: MemoryRange) {
    this.fill = {
      get color(): string {
        throw new MemoryExcelError("PropertyNotLoaded", "The fake does not load format.fill.color; inspect MemoryWorkbook.cell() instead.");
      },
      set color(value: string) {
        range.on("format.fill.color", value, ({ sheet, rect }) => sheet.forEach(rect, (cell) => (cell.fill = value)));
      },
    };
  }

  autofitColumns(): void {
    this.range.on("format.autofitColumns", undefined, () => undefined);
  }
}

class DataValidation implements XlDataValidation {
  constructor(private readonly range: MemoryRange) {}

  get rule(): XlDataValidation["rule"] {
    throw new MemoryExcelError("PropertyNotLoaded", "The fake does not load dataValidation.rule; inspect MemoryWorkbook.validationList() instead.");
  }

  /** Only list rules are modelled; a literal source is limited to 255 characters as in Excel. */
  set rule(rule: XlDataValidation["rule"]) {
    const list = rule.list;
    const payload = list && typeof list.source !== "string" ? { list: { inCellDropDown: list.inCellDropDown, source: "(range)" } } : rule;
    this.range.on("dataValidation.rule", payload, ({ sheet, rect }) => {
      if (!list) throw invalidArgument("the fake models list validation only");
      if (sheet.validations.some((v) => overlaps(v.rect, rect))) throw invalidOperation("the range already has a validation rule; call dataValidation.clear() first");
      const source = resolveSource(this.range, list.source, sheet);
      sheet.validations.push({ rect, list: { inCellDropDown: list.inCellDropDown, source } });
    });
  }

  clear(): void {
    this.range.on("dataValidation.clear", undefined, ({ sheet, rect }) => {
      sheet.validations = sheet.validations.filter((v) => !overlaps(v.rect, rect));
    });
  }
}

function resolveSource(range: MemoryRange, source: string | XlRange, sheet: SheetModel): ListSource {
  if (source instanceof MemoryRange) return source.resolve();
  if (typeof source !== "string") throw invalidArgument("list source must be text or a range");
  if (!source.startsWith("=")) {
    if (source.length > 255) throw invalidArgument(`a list source of ${source.length} characters is longer than 255`);
    return source;
  }
  const { sheet: name, range: a1 } = splitAddress(source.slice(1));
  const target = name === undefined ? sheet : range.model.findSheet(name);
  const rect = parseA1(a1);
  if (!target || !rect) throw invalidArgument(`list source '${source}' is not a reference`);
  return { sheet: target, rect };
}
