/**
 * The tables of the store (schema version 2), declared once for every adapter: the Dexie schema,
 * the SQL tables (typed columns: money as numeric, business dates as date in PostgreSQL) and the
 * backup document are all derived from these specs.
 *
 * A row is stored as its declared columns plus an `extra` JSON column holding every other field, so
 * nothing a record carries is lost and a row reads back deep-equal to what was written. Derived
 * columns are computed from the row on write (for indexes) and ignored on read.
 */
import type { LedgerEntry } from "../core/billing/ledger";
import type { ClickMonthMark, MeterReading } from "../core/clicks/model";
import type { Article, Contract, Customer, PositionVersion } from "../core/contract/model";
import type { PurchaseContractRecord, PurchaseLink, PurchasePositionVersion } from "../core/purchase/model";
import type { TimeEntry } from "../core/time/model";
import type { AuditRecord, CollectionRow, ImportBatchRecord, MandateRow, MappingRecord, ProfileRecord, RunRecord, StoredInvoice, UsageRecordRow } from "./records";

/** Column types: `numeric` and `date` are decimal and `YYYY-MM-DD` strings in every adapter. */
export type ColumnType = "text" | "numeric" | "date" | "int" | "bigint" | "bool" | "json";

export interface ColumnSpec {
  /** Field of the record (or derived, see `derive`). */
  field: string;
  /** SQL column name (snake_case). */
  column: string;
  type: ColumnType;
  /** The record may lack the field (stored as NULL). Key columns are never optional. */
  optional?: boolean;
  /** Computed from the row on write, never read back into the record (index helpers). */
  derive?: (row: Record<string, unknown>) => unknown;
}

export interface TableSpec {
  /** Table name in the backup document and in Dexie. */
  name: string;
  /** SQL table name. */
  sql: string;
  /** The key field (first column). `auto` keys are assigned by the store when absent. */
  key: string;
  auto?: boolean;
  columns: ColumnSpec[];
  /** Secondary indexes (lists of fields). */
  indexes: string[][];
}

const col = (field: string, type: ColumnType, optional = false): ColumnSpec => ({ field, column: snake(field), type, ...(optional ? { optional } : {}) });
const derived = (column: string, type: ColumnType, derive: (row: Record<string, unknown>) => unknown): ColumnSpec => ({ field: `$${column}`, column, type, optional: true, derive });
/**
 * The run that billed a row (time entry, usage record), "" while none did: IndexedDB does not index
 * a missing value, and "not billed" must be a query.
 */
const billedRun = (): ColumnSpec => derived("billed_run_id", "text", (r) => (r.billing as { runId?: string } | undefined)?.runId ?? "");

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export const TABLES = {
  customers: { name: "customers", sql: "customers", key: "no", columns: [col("no", "text"), col("name", "text")], indexes: [] },
  articles: {
    name: "articles",
    sql: "articles",
    key: "no",
    columns: [col("no", "text"), col("description", "text"), col("unitPrice", "numeric"), col("vatPct", "numeric")],
    indexes: [],
  },
  contracts: {
    name: "contracts",
    sql: "contracts",
    key: "no",
    columns: [col("no", "text"), col("customerNo", "text"), col("type", "text"), col("interval", "text"), col("mode", "text"), col("start", "date"), col("end", "date", true)],
    indexes: [["customerNo"]],
  },
  contractVersions: {
    name: "contractVersions",
    sql: "contract_versions",
    key: "id",
    columns: [
      col("id", "text"),
      col("contractNo", "text"),
      col("positionNo", "int"),
      col("validFrom", "date"),
      col("articleNo", "text"),
      col("description", "text"),
      col("quantity", "numeric"),
      col("unitPrice", "numeric"),
      col("discountPct", "numeric"),
      col("vatPct", "numeric"),
      col("seq", "bigint"),
      col("source", "text", true),
    ],
    indexes: [["contractNo"], ["source"]],
  },
  mappings: {
    name: "mappings",
    sql: "mappings",
    key: "id",
    columns: [col("id", "text"), col("kind", "text"), col("source", "text"), col("externalId", "text"), col("internalNo", "text")],
    indexes: [["source"], ["internalNo"]],
  },
  profiles: { name: "profiles", sql: "profiles", key: "id", columns: [col("id", "text"), col("name", "text"), col("json", "text")], indexes: [] },
  importBatches: {
    name: "importBatches",
    sql: "import_batches",
    key: "id",
    columns: [col("id", "text"), col("kind", "text"), col("createdAt", "text"), col("undoneAt", "text", true)],
    indexes: [["createdAt"]],
  },
  runs: {
    name: "runs",
    sql: "runs",
    key: "id",
    columns: [col("id", "text"), col("month", "text"), col("createdAt", "text"), col("invoiceDate", "date"), col("firstInvoiceNumber", "bigint", true), col("undoneAt", "text", true)],
    indexes: [["month"]],
  },
  invoices: {
    name: "invoices",
    sql: "invoices",
    key: "invoiceRef",
    columns: [
      col("invoiceRef", "text"),
      col("runId", "text"),
      col("seqInRun", "int"),
      col("invoiceDate", "date"),
      col("customerNo", "text"),
      col("documentType", "text"),
      col("netTotal", "numeric"),
      col("vatTotal", "numeric"),
      col("grossTotal", "numeric"),
    ],
    indexes: [["runId"], ["customerNo"], ["invoiceDate"]],
  },
  ledger: {
    name: "ledger",
    sql: "ledger",
    key: "id",
    columns: [
      col("id", "text"),
      col("runId", "text"),
      col("invoiceRef", "text"),
      col("lineNo", "int"),
      col("contractNo", "text"),
      col("positionNo", "int"),
      col("month", "text"),
      col("serviceFrom", "date"),
      col("serviceTo", "date"),
      col("articleNo", "text"),
      col("description", "text"),
      col("quantity", "numeric"),
      col("unitPrice", "numeric"),
      col("discountPct", "numeric"),
      col("vatPct", "numeric"),
      col("exactAmount", "numeric"),
      col("roundedAmount", "numeric"),
      col("lineType", "text"),
      col("correctsRef", "text", true),
    ],
    indexes: [["runId"], ["contractNo"], ["contractNo", "month"], ["month"]],
  },
  billingState: {
    name: "billingState",
    sql: "billing_state",
    key: "contractNo",
    columns: [col("contractNo", "text"), col("settledThrough", "text")],
    indexes: [],
  },
  timeEntries: {
    name: "timeEntries",
    sql: "time_entries",
    key: "id",
    columns: [
      col("id", "text"),
      col("ticketNo", "text"),
      col("customerNo", "text"),
      col("contractNo", "text", true),
      col("date", "date"),
      col("minutes", "int"),
      col("billable", "bool"),
      billedRun(),
    ],
    indexes: [["customerNo"], ["date"], ["$billed_run_id"]],
  },
  meterReadings: {
    name: "meterReadings",
    sql: "meter_readings",
    key: "id",
    columns: [col("id", "text"), col("deviceId", "text"), col("customerNo", "text"), col("contractNo", "text"), col("readingDate", "date"), col("counterBw", "bigint"), col("counterColor", "bigint")],
    indexes: [["deviceId"], ["contractNo"]],
  },
  usageMarks: {
    name: "usageMarks",
    sql: "usage_marks",
    key: "key",
    columns: [
      derived("key", "text", (r) => `${String(r.contractNo)}/${String(r.month)}`),
      col("runId", "text"),
      col("invoiceRef", "text"),
      col("contractNo", "text"),
      col("month", "text"),
    ],
    indexes: [["runId"]],
  },
  purchaseContracts: {
    name: "purchaseContracts",
    sql: "purchase_contracts",
    key: "id",
    columns: [col("id", "text"), col("kind", "text"), col("purchaseNo", "text"), col("supplier", "text")],
    indexes: [["purchaseNo"]],
  },
  purchaseLinks: {
    name: "purchaseLinks",
    sql: "purchase_links",
    key: "id",
    columns: [col("id", "text"), col("purchaseNo", "text"), col("contractNo", "text")],
    indexes: [["purchaseNo"], ["contractNo"]],
  },
  counters: { name: "counters", sql: "counters", key: "name", columns: [col("name", "text"), col("value", "bigint")], indexes: [] },
  settings: { name: "settings", sql: "settings", key: "key", columns: [col("key", "text"), col("value", "json")], indexes: [] },
  // ******* schema 3 (2026-12-06): SEPA mandates and collections, vendor usage records ******* //
  mandates: {
    name: "mandates",
    sql: "mandates",
    key: "customerNo",
    columns: [col("customerNo", "text"), col("mandateRef", "text"), col("signatureDate", "date"), col("iban", "text"), col("scheme", "text")],
    indexes: [],
  },
  collections: {
    name: "collections",
    sql: "collections",
    key: "id",
    columns: [col("id", "text"), col("invoiceRef", "text"), col("customerNo", "text"), col("messageId", "text"), col("collectionDate", "date"), col("amount", "numeric")],
    indexes: [["invoiceRef"], ["customerNo"], ["messageId"]],
  },
  usageRecords: {
    name: "usageRecords",
    sql: "usage_records",
    key: "id",
    columns: [
      col("id", "text"),
      col("month", "text"),
      col("customerNo", "text", true),
      col("batchId", "text", true),
      billedRun(),
    ],
    indexes: [["month"], ["customerNo"], ["$billed_run_id"]],
  },
  auditLog: {
    name: "auditLog",
    sql: "audit_log",
    key: "seq",
    auto: true,
    columns: [col("seq", "bigint"), col("at", "text"), col("kind", "text"), col("source", "text"), col("entity", "text"), col("user", "text", true)],
    indexes: [["at"]],
  },
} as const satisfies Record<string, TableSpec>;

/** The key of a usage mark row (derived from contract and month; see the usageMarks spec). */
export function usageMarkKey(contractNo: string, month: string): string {
  return `${contractNo}/${month}`;
}

/** A stored counter (`counters` table). */
export interface CounterRow {
  name: string;
  value: number;
}

/** A stored setting (`settings` table). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** The billing watermark of a contract (`billingState` table). */
export interface BillingStateRow {
  contractNo: string;
  settledThrough: string;
}

/** The record type of each table. */
export interface TableRows {
  customers: Customer;
  articles: Article;
  contracts: Contract;
  contractVersions: PositionVersion;
  mappings: MappingRecord;
  profiles: ProfileRecord;
  importBatches: ImportBatchRecord;
  runs: RunRecord;
  invoices: StoredInvoice;
  ledger: LedgerEntry;
  billingState: BillingStateRow;
  timeEntries: TimeEntry;
  meterReadings: MeterReading;
  usageMarks: ClickMonthMark;
  purchaseContracts: PurchaseContractRecord | PurchasePositionVersion;
  purchaseLinks: PurchaseLink;
  counters: CounterRow;
  settings: SettingRow;
  mandates: MandateRow;
  collections: CollectionRow;
  usageRecords: UsageRecordRow;
  auditLog: AuditRecord;
}

export type TableName = keyof typeof TABLES;
export type TableRow<T extends TableName> = TableRows[T];

/** Table names in backup order (masters first, history after). */
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Version of the store schema (Dexie version, SQL migration level, backup `schemaVersion`). */
export const STORE_SCHEMA_VERSION = 4;

/** The key of a row of a table (usage marks derive theirs). */
export function rowKey(table: TableName, row: Record<string, unknown>): string | number {
  const spec: TableSpec = TABLES[table];
  const keyCol = spec.columns.find((c) => c.column === spec.key || c.field === spec.key)!;
  return (keyCol.derive ? keyCol.derive(row) : row[spec.key]) as string | number;
}
