/**
 * The store port: everything use cases (src/app) and hosts may ask of the store. One typed repository
 * per aggregate, queries named after what a use case needs (so a database answers them from an
 * index, not a table scan), and `read`/`write` transactions. Adapters: Dexie (the add-in's IndexedDB,
 * src/store/dexie), SQLite (the CLI's embedded database) and PostgreSQL (the team server), both in
 * src/store/sql. One contract-test suite (test/store/contract) runs unchanged against each.
 *
 * Rules every adapter keeps:
 * - A `write` transaction is all or nothing, serialised with every other write on the same store
 *   (also across processes where the database can be shared), and bumps the store revision once.
 * - Rows come back as they were written (deep-equal, optional fields absent when they were absent).
 * - Lists come back in primary-key order unless a method says otherwise.
 * - The billing watermark (see {@link BillingStateRepo}) is lowered by the adapter itself whenever a
 *   write can change what was billed, so no use case can forget it.
 */
import type { LedgerEntry } from "../core/billing/ledger";
import type { ClickMonthMark, MeterReading } from "../core/clicks/model";
import type { Article, Contract, Customer, PositionVersion } from "../core/contract/model";
import type { IsoMonth } from "../core/date/iso-month";
import type { PurchaseContractRecord, PurchaseLink, PurchasePositionVersion } from "../core/purchase/model";
import type { TimeEntry } from "../core/time/model";
import type { AuditRecord, CollectionRow, ImportBatchRecord, MandateRow, MappingRecord, ProfileRecord, RunRecord, StoredInvoice, UsageRecordRow } from "./records";
import type { SettingKey, SettingValue } from "./settings";
import type { TableName, TableRow } from "./tables";

/** Plain row access by primary key, shared by every repository. */
export interface KeyedRows<T, K extends string | number = string> {
  get(key: K): Promise<T | undefined>;
  /** One result per key, `undefined` where there is no row, in the order of `keys`. */
  getMany(keys: readonly K[]): Promise<(T | undefined)[]>;
  /** Inserts or replaces. */
  putMany(rows: readonly T[]): Promise<void>;
}

export interface CustomerRepo extends KeyedRows<Customer> {
  all(): Promise<Customer[]>;
  /** Customer numbers only (cheaper than `all`). */
  keys(): Promise<string[]>;
}

export interface ArticleRepo extends KeyedRows<Article> {
  all(): Promise<Article[]>;
  keys(): Promise<string[]>;
}

export interface ContractRepo extends KeyedRows<Contract> {
  all(): Promise<Contract[]>;
  keys(): Promise<string[]>;
  ofCustomer(customerNo: string): Promise<Contract[]>;
  count(): Promise<number>;
}

/** The append-only history of sales positions. */
export interface VersionRepo {
  getMany(ids: readonly string[]): Promise<(PositionVersion | undefined)[]>;
  /** Every version of the given contracts. */
  ofContracts(contractNos: readonly string[]): Promise<PositionVersion[]>;
  all(): Promise<PositionVersion[]>;
  /** Adds new versions (an existing id is an error: versions are never modified). */
  addMany(versions: readonly PositionVersion[]): Promise<void>;
}

export interface MappingRepo extends KeyedRows<MappingRecord> {
  all(): Promise<MappingRecord[]>;
  /** Mappings of one kind for the given sources (profile ids and/or `*`). */
  ofSources(kind: MappingRecord["kind"], sources: readonly string[]): Promise<MappingRecord[]>;
}

export interface ProfileRepo extends KeyedRows<ProfileRecord> {
  all(): Promise<ProfileRecord[]>;
}

export interface BatchRepo {
  get(id: string): Promise<ImportBatchRecord | undefined>;
  /** Batches not undone, oldest first (by createdAt, then id). */
  active(): Promise<ImportBatchRecord[]>;
  all(): Promise<ImportBatchRecord[]>;
  add(batch: ImportBatchRecord): Promise<void>;
  markUndone(id: string, at: string): Promise<void>;
}

export interface RunRepo {
  get(id: string): Promise<RunRecord | undefined>;
  getMany(ids: readonly string[]): Promise<(RunRecord | undefined)[]>;
  /** Every run, oldest first. A store holds a few runs a month, so this stays small. */
  all(): Promise<RunRecord[]>;
  /** Runs that are not undone. */
  active(): Promise<RunRecord[]>;
  ofMonth(month: IsoMonth): Promise<RunRecord[]>;
  add(run: RunRecord): Promise<void>;
  /** Replaces a run record (status changes: undone, issued). */
  put(run: RunRecord): Promise<void>;
}

/** The invoices of billing runs, one row per invoice. */
export interface InvoiceRepo {
  get(ref: string): Promise<StoredInvoice | undefined>;
  getMany(refs: readonly string[]): Promise<(StoredInvoice | undefined)[]>;
  /** The invoices of a run, in invoice order. */
  ofRun(runId: string): Promise<StoredInvoice[]>;
  ofCustomer(customerNo: string): Promise<StoredInvoice[]>;
  /** Invoices dated in [from, to] (ISO dates, inclusive), in invoice order. */
  inPeriod(from: string, to: string): Promise<StoredInvoice[]>;
  addMany(invoices: readonly StoredInvoice[]): Promise<void>;
  /** Replaces invoices (status changes only; the adapter keeps no other meaning). */
  putMany(invoices: readonly StoredInvoice[]): Promise<void>;
  deleteMany(refs: readonly string[]): Promise<void>;
}

/** What was billed, per invoice line and month. Append-only but for undoing a draft run. */
export interface LedgerRepo {
  ofRun(runId: string): Promise<LedgerEntry[]>;
  ofMonth(month: IsoMonth): Promise<LedgerEntry[]>;
  /** Entries of the given contracts (optionally only of months ≥ fromMonth, from an index on both). */
  ofContracts(contractNos: readonly string[], fromMonth?: IsoMonth): Promise<LedgerEntry[]>;
  /** Entries of months ≥ fromMonth (all contracts). */
  fromMonth(month: IsoMonth): Promise<LedgerEntry[]>;
  /** Visits every entry (for indexes built once); no array of all entries is kept. */
  forEach(visit: (entry: LedgerEntry) => void): Promise<void>;
  addMany(entries: readonly LedgerEntry[]): Promise<void>;
  deleteMany(ids: readonly string[]): Promise<void>;
}

/**
 * The billing watermark per contract: every month up to and including `settledThrough` is billed
 * and matches the current versions, so a billing run need not read its ledger again. Adapters lower
 * it themselves (to the month before a change, or to null) when versions are added or removed, a
 * contract header changes, ledger entries are removed or a restore replaces the store; only the
 * billing run raises it.
 */
export interface BillingStateRepo {
  /** Watermark per contract (contracts without one are absent: nothing is settled). */
  all(): Promise<Map<string, IsoMonth>>;
  /** Raises (never lowers) the watermark of the given contracts to `month`. */
  raise(contractNos: readonly string[], month: IsoMonth): Promise<void>;
}

export interface TimeEntryRepo extends KeyedRows<TimeEntry> {
  /** Entries not billed by any of the given (active) runs, dated on or before `upTo`. */
  open(activeRunIds: ReadonlySet<string>, upTo: string): Promise<TimeEntry[]>;
  /** Entries whose `billing` names one of the given runs (active or not). */
  billedBy(runIds: readonly string[]): Promise<TimeEntry[]>;
  /** Every entry (billed or not) of the given customers. */
  ofCustomers(customerNos: readonly string[]): Promise<TimeEntry[]>;
  all(): Promise<TimeEntry[]>;
  deleteMany(ids: readonly string[]): Promise<void>;
}

export interface MeterReadingRepo extends KeyedRows<MeterReading> {
  ofDevices(deviceIds: readonly string[]): Promise<MeterReading[]>;
  all(): Promise<MeterReading[]>;
  addMany(rows: readonly MeterReading[]): Promise<void>;
  deleteMany(ids: readonly string[]): Promise<void>;
}

/** Billed click months (one mark per contract and month). */
export interface UsageMarkRepo {
  all(): Promise<ClickMonthMark[]>;
  getMany(keys: readonly string[]): Promise<(ClickMonthMark | undefined)[]>;
  putMany(marks: readonly ClickMonthMark[]): Promise<void>;
  /** Removes marks by key (`usageMarkKey`); a missing key is no change. */
  deleteMany(keys: readonly string[]): Promise<void>;
}

/** Purchase contract headers and their position versions (one table, two kinds of rows). */
export interface PurchaseRepo extends KeyedRows<PurchaseContractRecord | PurchasePositionVersion> {
  ofPurchaseNos(purchaseNos: readonly string[]): Promise<(PurchaseContractRecord | PurchasePositionVersion)[]>;
  all(): Promise<(PurchaseContractRecord | PurchasePositionVersion)[]>;
  addMany(rows: readonly (PurchaseContractRecord | PurchasePositionVersion)[]): Promise<void>;
}

export interface LinkRepo extends KeyedRows<PurchaseLink> {
  all(): Promise<PurchaseLink[]>;
  addMany(links: readonly PurchaseLink[]): Promise<void>;
  deleteMany(ids: readonly string[]): Promise<void>;
}

/** SEPA mandates, one current mandate per customer. */
export interface MandateRepo extends KeyedRows<MandateRow> {
  all(): Promise<MandateRow[]>;
  deleteMany(customerNos: readonly string[]): Promise<void>;
}

/** Exported direct-debit collections (the history that decides sequence types and repeats). */
export interface CollectionRepo {
  all(): Promise<CollectionRow[]>;
  ofInvoices(invoiceRefs: readonly string[]): Promise<CollectionRow[]>;
  ofCustomers(customerNos: readonly string[]): Promise<CollectionRow[]>;
  addMany(rows: readonly CollectionRow[]): Promise<void>;
}

/** Vendor usage per customer, product and month, with the clerk's decision and what billed it. */
export interface UsageRecordRepo extends KeyedRows<UsageRecordRow> {
  ofMonth(month: IsoMonth): Promise<UsageRecordRow[]>;
  /** Records not billed by any of the given (active) runs, of months up to and including `upTo`. */
  open(activeRunIds: ReadonlySet<string>, upTo: IsoMonth): Promise<UsageRecordRow[]>;
  /** Records whose `billing` names one of the given runs (active or not). */
  billedBy(runIds: readonly string[]): Promise<UsageRecordRow[]>;
  deleteMany(ids: readonly string[]): Promise<void>;
}

/** Named number ranges (invoices, runs, batches, version sequence). */
export interface CounterRepo {
  /** Reserves `count` consecutive numbers and returns the first (1 for a new counter). */
  reserve(name: string, count?: number): Promise<number>;
  /** The next number without reserving it. */
  peek(name: string): Promise<number>;
  /** Sets the next number (giving numbers back when a draft run is undone). */
  set(name: string, next: number): Promise<void>;
  all(): Promise<Record<string, number>>;
}

/** Typed settings: each key has one value type (see settings.ts). */
export interface SettingsRepo {
  get<K extends SettingKey>(key: K): Promise<SettingValue<K> | undefined>;
  put<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void>;
  delete(key: SettingKey): Promise<void>;
  /** Keyed families (`exportProfile:<id>`): every key with the prefix and its value. */
  withPrefix(prefix: string): Promise<{ key: string; value: unknown }[]>;
  getRaw(key: string): Promise<unknown>;
  putRaw(key: string, value: unknown): Promise<void>;
  /** Removes one key of a keyed family (a deleted export profile); no key, no change. */
  deleteRaw(key: string): Promise<void>;
}

export interface AuditRepo {
  /** Appends entries; the adapter assigns `seq` (unless given), `user` and the hash chain fields. */
  append(entries: readonly AuditRecord[]): Promise<void>;
  /** The newest entries first. */
  recent(limit: number): Promise<AuditRecord[]>;
  /** Entries with `at` in [from, to) (ISO strings), oldest first. */
  inPeriod(from: string, to: string): Promise<AuditRecord[]>;
  lastSeq(): Promise<number | undefined>;
  count(): Promise<number>;
  forEach(visit: (entry: AuditRecord) => void): Promise<void>;
}

/**
 * Whole-table access for backup, restore, migration and verification only; use cases never call it.
 * Tables are named as in the backup document (see tables.ts).
 */
export interface TableAdmin {
  count(table: TableName): Promise<number>;
  /** Visits rows in primary-key order, in batches. */
  scan<T extends TableName>(table: T, visit: (rows: TableRow<T>[]) => void | Promise<void>, batchSize?: number): Promise<void>;
  clear(table: TableName): Promise<void>;
  insert<T extends TableName>(table: T, rows: readonly TableRow<T>[]): Promise<void>;
  get<T extends TableName>(table: T, key: string | number): Promise<TableRow<T> | undefined>;
  put<T extends TableName>(table: T, row: TableRow<T>): Promise<void>;
  delete(table: TableName, key: string | number): Promise<void>;
  getMany<T extends TableName>(table: T, keys: readonly (string | number)[]): Promise<(TableRow<T> | undefined)[]>;
}

/** One transaction's view of the store. Valid only inside the callback it was given to. */
export interface StoreTx {
  readonly mode: "read" | "write";
  customers: CustomerRepo;
  articles: ArticleRepo;
  contracts: ContractRepo;
  versions: VersionRepo;
  mappings: MappingRepo;
  profiles: ProfileRepo;
  batches: BatchRepo;
  runs: RunRepo;
  invoices: InvoiceRepo;
  ledger: LedgerRepo;
  billingState: BillingStateRepo;
  timeEntries: TimeEntryRepo;
  meterReadings: MeterReadingRepo;
  usageMarks: UsageMarkRepo;
  purchase: PurchaseRepo;
  links: LinkRepo;
  mandates: MandateRepo;
  collections: CollectionRepo;
  usageRecords: UsageRecordRepo;
  counters: CounterRepo;
  settings: SettingsRepo;
  audit: AuditRepo;
  tables: TableAdmin;
}

/** What kind of database is behind a store (shown to the user and in benchmarks). */
export type StoreKind = "dexie" | "sqlite" | "postgres" | "remote";

export interface BillingStore {
  readonly kind: StoreKind;
  /** Where the data is (file path, database name or URL without credentials). */
  readonly location: string;
  /** Runs `fn` in a read transaction (a consistent snapshot). */
  read<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in a write transaction: committed when `fn` resolves, rolled back when it throws (the
   * error is rethrown). Writes are serialised; the revision goes up by one when anything was written.
   */
  write<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Counts committed write transactions; changes whenever the stored data changes. */
  revision(): Promise<number>;
  /** The same store, with audit entries written by `user` (the team server's logins). */
  as(user: string): BillingStore;
  /** Calls `listener` after a committed write (here, or — where the adapter can tell — elsewhere). */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

/**
 * Test seam: wraps the row access of every later transaction (fail injection, write counting).
 * Adapters implement it; nothing but tests calls it.
 */
export type RowsHook = (rows: import("./row-access").RowAccess) => import("./row-access").RowAccess;

/** Thrown by `write` when another process holds the store longer than the wait allows. */
export class StoreBusyError extends Error {
  constructor(
    readonly location: string,
    readonly holder: string | undefined,
  ) {
    super(`store ${location} is busy${holder ? `: ${holder}` : ""}`);
    this.name = "StoreBusyError";
  }
}
