import type { XlApplication, XlWorkbook } from "../xl-api";
import type { MemoryContext } from "./context";
import { MemoryRange } from "./range";
import { MemoryTableCollection } from "./table";
import { MemoryWorksheetCollection } from "./worksheet";

/** The fake `context.workbook`. */
export class MemoryWorkbookApi implements XlWorkbook {
  readonly worksheets: MemoryWorksheetCollection;
  readonly tables: MemoryTableCollection;
  readonly application: XlApplication;

  constructor(private readonly ctx: MemoryContext) {
    this.worksheets = new MemoryWorksheetCollection(ctx);
    this.tables = new MemoryTableCollection(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        if (!ctx.model.supports("1.6")) throw new TypeError("suspendApiCalculationUntilNextSync needs ExcelApi 1.6");
        ctx.enqueue("application.suspendApiCalculationUntilNextSync", undefined, () => (ctx.model.calcSuspended = true));
      },
    };
  }

  /** The user's selection (one area). */
  getSelectedRange(): MemoryRange {
    return new MemoryRange(this.ctx, () => ({ ...this.ctx.model.selection }), "workbook.getSelectedRange()");
  }
}
