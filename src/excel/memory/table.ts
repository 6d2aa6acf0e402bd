import { parseA1, splitAddress, type Rect } from "../a1";
import type { XlRange, XlTable, XlTableCollection } from "../xl-api";
import type { MemoryContext } from "./context";
import { invalidArgument } from "./errors";
import { MemoryProxy, itemProperties, parseNames } from "./proxy";
import { MemoryRange } from "./range";
import type { SheetModel, TableModel } from "./sheet-model";
import { MemoryWorksheet } from "./worksheet";

const LOADABLE = ["name", "showFilterButton"] as const;

/** The fake `Excel.Table`. */
export class MemoryTable extends MemoryProxy<TableModel> implements XlTable {
  protected readonly loadable = LOADABLE;
  readonly columns: { getItemAt(index: number): { getDataBodyRange(): MemoryRange } };
  private sheetProxy: MemoryWorksheet | undefined;

  constructor(ctx: MemoryContext, resolver: () => TableModel | null, what: string, orNull = false) {
    super(ctx, resolver, what, orNull);
    this.columns = {
      getItemAt: (index: number) => ({
        getDataBodyRange: () =>
          this.part(`columns.getItemAt(${index}).getDataBodyRange()`, (r) => {
            if (!Number.isInteger(index) || index < 0 || index >= r.cols) throw invalidArgument(`table column ${index}`);
            return { row: r.row + 1, col: r.col + index, rows: r.rows - 1, cols: 1 };
          }),
      }),
    };
  }

  get name(): string { return this.read("name"); }
  set name(name: string) { this.queue("name", name, (t) => this.ctx.model.renameTable(t, name)); }
  get showFilterButton(): boolean { return this.read("showFilterButton"); }
  set showFilterButton(show: boolean) { this.queue("showFilterButton", show, (t) => (t.showFilterButton = show)); }

  get worksheet(): MemoryWorksheet {
    return (this.sheetProxy ??= new MemoryWorksheet(this.ctx, () => this.resolve().sheet, `${this.what}.worksheet`));
  }

  getRange(): MemoryRange {
    return this.part("getRange()", (r) => r);
  }

  getHeaderRowRange(): MemoryRange {
    return this.part("getHeaderRowRange()", (r) => ({ ...r, rows: 1 }));
  }

  getDataBodyRange(): MemoryRange {
    return this.part("getDataBodyRange()", (r) => ({ ...r, row: r.row + 1, rows: r.rows - 1 }));
  }

  delete(): void {
    this.queue("delete", undefined, (t) => this.ctx.model.deleteTable(t));
  }

  protected override isGone(t: TableModel): boolean {
    return t.deleted === true;
  }

  protected snapshot(property: string, t: TableModel): unknown {
    return property === "name" ? t.name : t.showFilterButton;
  }

  private part(what: string, rect: (tableRect: Rect) => Rect): MemoryRange {
    return new MemoryRange(this.ctx, () => {
      const t = this.resolve();
      return { sheet: t.sheet, rect: rect(t.rect) };
    }, `${this.what}.${what}`);
  }
}

/** The fake `Excel.TableCollection` of the workbook (`sheet` undefined) or of one worksheet. */
export class MemoryTableCollection extends MemoryProxy<object> implements XlTableCollection {
  protected readonly loadable = ["items"];

  constructor(
    ctx: MemoryContext,
    private readonly sheet?: MemoryWorksheet,
  ) {
    super(ctx, () => ctx.model, sheet ? "worksheet.tables" : "tables");
  }

  get items(): MemoryTable[] {
    return this.read("items");
  }

  override load(propertyNames?: string | string[]): this {
    const names = parseNames(propertyNames, ["items"]);
    this.ctx.enqueue(`${this.what}.load`, names, () => {
      const props = itemProperties(names, LOADABLE);
      const scope = this.sheet?.resolve();
      const tables = this.ctx.model.tables.filter((t) => !scope || t.sheet === scope);
      const children = tables.map((t) => new MemoryTable(this.ctx, () => t, `tables['${t.name}']`).fill(props, t));
      this.ctx.stage(props.length * 24 * children.length, () => this.preset("items", children));
    });
    return this;
  }

  /** `tables.add`: after the values are in; the header row is taken from the range's first row. */
  add(address: XlRange | string, hasHeaders: boolean): MemoryTable {
    let created: TableModel | undefined;
    const given = typeof address === "string" ? address : "(range)";
    this.ctx.enqueue(`${this.what}.add`, [given, hasHeaders], () => {
      const { sheet, rect } = this.addressTarget(address);
      created = this.ctx.model.addTable(sheet, rect, hasHeaders);
    });
    return new MemoryTable(this.ctx, () => created ?? null, `${this.what}.add(${given})`);
  }

  getItemOrNullObject(key: string): MemoryTable {
    return new MemoryTable(this.ctx, () => {
      const t = this.ctx.model.findTable(key);
      return t && (!this.sheet || t.sheet === this.sheet.resolve()) ? t : null;
    }, `${this.what}.getItemOrNullObject(${key})`, true);
  }

  protected snapshot(): unknown {
    return undefined;
  }

  private addressTarget(address: XlRange | string): { sheet: SheetModel; rect: Rect } {
    if (address instanceof MemoryRange) return address.resolve();
    if (typeof address !== "string") throw invalidArgument("tables.add needs an address or a range");
    const { sheet: name, range } = splitAddress(address);
    const sheet = name !== undefined ? this.ctx.model.findSheet(name) : this.sheet ? this.sheet.resolve() : this.ctx.model.active;
    const rect = parseA1(range);
    if (!sheet || !rect) throw invalidArgument(`'${address}' is not a range address`);
    return { sheet, rect };
  }
}
