/** The workbook gateway: the port, its Office.js adapter, the in-memory workbook, and helpers. */
export type { ColumnKind, ListValidation, RowsBelow, SheetCell, SheetRead, WorkbookGateway, WriteTableOptions, WriteTableResult } from "./gateway";
export { OfficeWorkbookGateway, type GatewayOptions } from "./office-workbook-gateway";
export { MemoryWorkbook } from "./memory/memory-workbook";
export { MemoryWorkbookGateway } from "./memory/memory-gateway";
export type { MemoryLimits, MemoryStats, MemoryWorkbookOptions } from "./memory/workbook-model";
export { displayCell, withCells } from "./a1";
export { tableNameFor } from "./names";
export { DEFAULT_PAYLOAD_BUDGET, EXCEL_PAYLOAD_LIMIT } from "./payload";
export { officeWorkbookGateway } from "./office-host";
export { REVIEW_COLUMN_KINDS, REVIEW_STATUS_COLOURS, reviewSheetName, reviewWriteOptions } from "./review-sheet";
