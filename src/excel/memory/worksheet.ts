import { MAX_COLUMNS, MAX_ROWS, parseA1, type Rect } from "../a1";
import type { XlRange, XlWorksheet, XlWorksheetCollection } from "../xl-api";
import type { MemoryContext } from "./context";
import { invalidArgument, itemNotFound } from "./errors";
import { MemoryProxy, itemProperties, parseNames } from "./proxy";
import { MemoryRange } from "./range";
import { overlaps, type SheetModel } from "./sheet-model";
import { MemoryTableCollection } from "./table";

const LOADABLE = ["name", "position", "visibility"] as const;

/** The fake `Excel.Worksheet`. */
export class MemoryWorksheet extends MemoryProxy<SheetModel> implements XlWorksheet {
  protected readonly loadable = LOADABLE;
  private tableCollection: MemoryTableCollection | undefined;
  readonly freezePanes: { freezeRows(count?: number): void };
  readonly autoFilter: { apply(range: XlRange | string): void };

  constructor(ctx: MemoryContext, resolver: () => SheetModel | null, what: string, orNull = false) {
    super(ctx, resolver, what, orNull);
    this.freezePanes = {
      freezeRows: (count = 1) => this.queue("freezePanes.freezeRows", count, (s) => (s.frozenRows = count)),
    };
    this.autoFilter = {
      apply: (range) => {
        const target = typeof range === "string" ? null : (range as MemoryRange);
        this.queue("autoFilter.apply", typeof range === "string" ? range : "(range)", (s) => {
          const rect = target ? target.resolve().rect : parseA1(range as string);
          if (!rect) throw invalidArgument(`'${String(range)}' is not an address`);
          if (ctx.model.tables.some((t) => t.sheet === s && overlaps(t.rect, rect))) throw invalidArgument("a table has its own filter; the sheet's autoFilter can't overlap it");
          s.autoFilter = rect;
        });
      },
    };
  }

  get tables(): MemoryTableCollection {
    return (this.tableCollection ??= new MemoryTableCollection(this.ctx, this));
  }

  get name(): string { return this.read("name"); }
  set name(name: string) { this.queue("name", name, (s) => this.ctx.model.renameSheet(s, name)); }
  get position(): number { return this.read("position"); }
  set position(position: number) { this.queue("position", position, (s) => this.ctx.model.moveSheet(s, position)); }
  get visibility(): string { return this.read("visibility"); }
  set visibility(visibility: string) { this.queue("visibility", visibility, (s) => this.ctx.model.setVisibility(s, visibility)); }

  activate(): void {
    this.queue("activate", undefined, (s) => this.ctx.model.activate(s));
  }

  delete(): void {
    this.queue("delete", undefined, (s) => this.ctx.model.deleteSheet(s));
  }

  getRange(address?: string): MemoryRange {
    return new MemoryRange(this.ctx, () => {
      const rect = address === undefined ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS } : parseA1(address);
      if (!rect) throw invalidArgument(`'${address}' is not a range address`);
      return { sheet: this.resolve(), rect };
    }, `${this.what}.getRange(${address ?? ""})`);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): MemoryRange {
    const rect: Rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
    this.ctx.enqueue("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => undefined);
    return new MemoryRange(this.ctx, () => ({ sheet: this.resolve(), rect }), `${this.what}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`);
  }

  getUsedRangeOrNullObject(valuesOnly = false): MemoryRange {
    return new MemoryRange(this.ctx, () => {
      const sheet = this.resolve();
      const rect = sheet.usedRect(valuesOnly);
      return rect ? { sheet, rect } : null;
    }, `${this.what}.getUsedRangeOrNullObject`, true);
  }

  protected override isGone(s: SheetModel): boolean {
    return s.deleted;
  }

  protected snapshot(property: string, s: SheetModel): unknown {
    if (property === "name") return s.name;
    if (property === "position") return this.ctx.model.sheets.indexOf(s);
    return s.visibility;
  }
}

/** The fake `Excel.WorksheetCollection`. */
export class MemoryWorksheetCollection extends MemoryProxy<object> implements XlWorksheetCollection {
  protected readonly loadable = ["items"];

  constructor(ctx: MemoryContext) {
    super(ctx, () => ctx.model, "worksheets");
  }

  get items(): MemoryWorksheet[] {
    return this.read("items");
  }

  override load(propertyNames?: string | string[]): this {
    const names = parseNames(propertyNames, ["items"]);
    this.ctx.enqueue("worksheets.load", names, () => {
      const props = itemProperties(names, LOADABLE);
      const children = this.ctx.model.sheets.map((s) => new MemoryWorksheet(this.ctx, () => s, `worksheets['${s.name}']`).fill(props, s));
      this.ctx.stage(props.length * 24 * children.length, () => this.preset("items", children));
    });
    return this;
  }

  add(name?: string): MemoryWorksheet {
    let created: SheetModel | undefined;
    this.ctx.enqueue("worksheets.add", name ?? null, () => (created = this.ctx.model.addSheet(name)));
    return new MemoryWorksheet(this.ctx, () => created ?? null, `worksheets.add(${name ?? ""})`);
  }

  getActiveWorksheet(): MemoryWorksheet {
    return new MemoryWorksheet(this.ctx, () => this.ctx.model.active, "worksheets.getActiveWorksheet()");
  }

  getItem(key: string): MemoryWorksheet {
    return new MemoryWorksheet(this.ctx, () => {
      const sheet = this.ctx.model.findSheet(key);
      if (!sheet) throw itemNotFound(`worksheet '${key}'`);
      return sheet;
    }, `worksheets.getItem(${key})`);
  }

  getItemOrNullObject(key: string): MemoryWorksheet {
    return new MemoryWorksheet(this.ctx, () => this.ctx.model.findSheet(key) ?? null, `worksheets.getItemOrNullObject(${key})`, true);
  }

  protected snapshot(): unknown {
    return undefined;
  }
}
