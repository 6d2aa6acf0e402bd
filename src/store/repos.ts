/**
 * The repositories of the store port, written once over {@link RowAccess}: every adapter (Dexie,
 * SQLite, PostgreSQL) runs this code, so they agree by construction and the contract tests check
 * each adapter's row access underneath.
 */
import type { LedgerEntry } from "../core/billing/ledger";
import type { ClickMonthMark, MeterReading } from "../core/clicks/model";
import type { Article, Contract, Customer, PositionVersion } from "../core/contract/model";
import { addDays } from "../core/date/iso-date";
import type { IsoMonth } from "../core/date/iso-month";
import type { PurchaseContractRecord, PurchaseLink, PurchasePositionVersion } from "../core/purchase/model";
import type { TimeEntry } from "../core/time/model";
import { CHAIN_START, ChainWalker, sealRecord } from "../core/integrity/hash-chain";
import type * as P from "./port";
import type { AuditRecord, CollectionRow, ImportBatchRecord, MandateRow, MappingRecord, ProfileRecord, RunRecord, StoredInvoice, UsageRecordRow } from "./records";
import type { Key, Row, RowAccess } from "./row-access";
import type { SettingKey, SettingValue } from "./settings";
import { type TableName, type TableRow, rowKey } from "./tables";
import { WatermarkTracker } from "./watermark";

type Rows<T> = Promise<T[]>;
const as = <T>(rows: Promise<Row[]>): Rows<T> => rows as unknown as Rows<T>;
const byKey = <T>(rows: T[], key: (r: T) => string | number): T[] => rows.sort((a, b) => cmp(key(a), key(b)));
const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Everything a transaction's repositories need: the adapter's rows, the mode and the audit user. */
export interface TxContext {
  rows: RowAccess;
  mode: "read" | "write";
  user?: string;
}

/** Builds the port's view of one transaction. Call `finish()` before committing a write. */
export function createTx(ctx: TxContext): P.StoreTx & { finish(): Promise<boolean> } {
  const tracker = new WatermarkTracker();
  const raw = ctx.rows;
  let wrote = false;
  const guard = (): void => {
    if (ctx.mode !== "write") throw new Error("write in a read transaction");
    wrote = true;
  };
  // Every write goes through here, so the watermark is lowered whatever the caller (repo or admin).
  const rows: RowAccess = {
    ...raw,
    get: (t, k) => raw.get(t, k),
    getMany: (t, k) => raw.getMany(t, k),
    count: (t) => raw.count(t),
    all: (t) => raw.all(t),
    keys: (t) => raw.keys(t),
    whereIn: (t, f, v) => raw.whereIn(t, f, v),
    whereInFrom: (t, f, v, rf, l) => raw.whereInFrom(t, f, v, rf, l),
    range: (t, f, l, u) => raw.range(t, f, l, u),
    lastByKey: (t, n) => raw.lastByKey(t, n),
    scan: (t, v, b) => raw.scan(t, v, b),
    async insert(t, r) {
      guard();
      tracker.written(t, r);
      if (r.length > 0) await raw.insert(t, r);
    },
    async put(t, r) {
      guard();
      tracker.written(t, r);
      if (r.length > 0) await raw.put(t, r);
    },
    async delete(t, keys) {
      guard();
      if (keys.length === 0) return;
      if (tracker.watches(t)) tracker.written(t, (await raw.getMany(t, keys)).filter((r): r is Row => r !== undefined), "delete");
      await raw.delete(t, keys);
    },
    async clear(t) {
      guard();
      tracker.cleared(t);
      await raw.clear(t);
    },
  };

  const keyed = <T, K extends Key = string>(table: TableName): P.KeyedRows<T, K> => ({
    get: (key) => rows.get(table, key) as Promise<T | undefined>,
    getMany: (keys) => rows.getMany(table, keys) as Promise<(T | undefined)[]>,
    putMany: (list) => rows.put(table, list as unknown as Row[]),
  });

  const customers: P.CustomerRepo = { ...keyed<Customer>("customers"), all: () => as(rows.all("customers")), keys: async () => (await rows.keys("customers")).map(String) };
  const articles: P.ArticleRepo = { ...keyed<Article>("articles"), all: () => as(rows.all("articles")), keys: async () => (await rows.keys("articles")).map(String) };
  const contracts: P.ContractRepo = {
    ...keyed<Contract>("contracts"),
    all: () => as(rows.all("contracts")),
    keys: async () => (await rows.keys("contracts")).map(String),
    ofCustomer: (no) => as(rows.whereIn("contracts", "customerNo", [no])),
    count: () => rows.count("contracts"),
  };
  const versions: P.VersionRepo = {
    getMany: (ids) => rows.getMany("contractVersions", ids) as Promise<(PositionVersion | undefined)[]>,
    ofContracts: (nos) => (nos.length === 0 ? Promise.resolve([]) : as(rows.whereIn("contractVersions", "contractNo", unique(nos)))),
    all: () => as(rows.all("contractVersions")),
    addMany: (list) => rows.insert("contractVersions", list as unknown as Row[]),
  };
  const mappings: P.MappingRepo = {
    ...keyed<MappingRecord>("mappings"),
    all: () => as(rows.all("mappings")),
    async ofSources(kind, sources) {
      const found = (await rows.whereIn("mappings", "source", unique(sources))) as unknown as MappingRecord[];
      return found.filter((m) => m.kind === kind);
    },
  };
  const profiles: P.ProfileRepo = { ...keyed<ProfileRecord>("profiles"), all: () => as(rows.all("profiles")) };
  const sortBatches = (list: ImportBatchRecord[]) => list.sort((a, b) => cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id));
  const batches: P.BatchRepo = {
    get: (id) => rows.get("importBatches", id) as Promise<ImportBatchRecord | undefined>,
    all: async () => sortBatches((await rows.all("importBatches")) as unknown as ImportBatchRecord[]),
    active: async () => sortBatches(((await rows.all("importBatches")) as unknown as ImportBatchRecord[]).filter((b) => b.undoneAt === undefined)),
    add: (b) => rows.insert("importBatches", [b as unknown as Row]),
    async markUndone(id, at) {
      const b = await rows.get("importBatches", id);
      if (!b) throw new Error(`unknown batch ${id}`);
      await rows.put("importBatches", [{ ...b, undoneAt: at }]);
    },
  };
  const sortRuns = (list: RunRecord[]) => list.sort((a, b) => cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id));
  const runs: P.RunRepo = {
    get: (id) => rows.get("runs", id) as Promise<RunRecord | undefined>,
    getMany: (ids) => rows.getMany("runs", ids) as Promise<(RunRecord | undefined)[]>,
    all: async () => sortRuns((await rows.all("runs")) as unknown as RunRecord[]),
    active: async () => sortRuns(((await rows.all("runs")) as unknown as RunRecord[]).filter((r) => r.undoneAt === undefined)),
    ofMonth: async (month) => sortRuns((await rows.whereIn("runs", "month", [month])) as unknown as RunRecord[]),
    add: (run) => rows.insert("runs", [run as unknown as Row]),
    put: (run) => rows.put("runs", [run as unknown as Row]),
  };
  const invoiceOrder = (list: StoredInvoice[]) => list.sort((a, b) => cmp(a.runId, b.runId) || a.seqInRun - b.seqInRun);
  const invoices: P.InvoiceRepo = {
    get: (ref) => rows.get("invoices", ref) as Promise<StoredInvoice | undefined>,
    getMany: (refs) => rows.getMany("invoices", refs) as Promise<(StoredInvoice | undefined)[]>,
    ofRun: async (runId) => invoiceOrder((await rows.whereIn("invoices", "runId", [runId])) as unknown as StoredInvoice[]),
    ofCustomer: async (no) => invoiceOrder((await rows.whereIn("invoices", "customerNo", [no])) as unknown as StoredInvoice[]),
    inPeriod: async (from, to) => invoiceOrder((await rows.range("invoices", "invoiceDate", from, addDays(to, 1))) as unknown as StoredInvoice[]),
    addMany: (list) => rows.insert("invoices", list as unknown as Row[]),
    putMany: (list) => rows.put("invoices", list as unknown as Row[]),
    deleteMany: (refs) => rows.delete("invoices", refs),
  };
  const ledger: P.LedgerRepo = {
    ofRun: (runId) => as(rows.whereIn("ledger", "runId", [runId])),
    ofMonth: (month) => as(rows.whereIn("ledger", "month", [month])),
    async ofContracts(nos, fromMonth) {
      if (nos.length === 0) return [];
      if (fromMonth === undefined) return as(rows.whereIn("ledger", "contractNo", unique(nos)));
      return as(rows.whereInFrom("ledger", "contractNo", unique(nos), "month", fromMonth));
    },
    fromMonth: async (month) => byKey((await rows.range("ledger", "month", month)) as unknown as LedgerEntry[], (e) => e.id),
    forEach: (visit) => rows.scan("ledger", (batch) => batch.forEach((e) => visit(e as unknown as LedgerEntry)), 5000),
    addMany: (list) => rows.insert("ledger", list as unknown as Row[]),
    deleteMany: (ids) => rows.delete("ledger", ids),
  };
  const billingState: P.BillingStateRepo = {
    async all() {
      const out = new Map<string, IsoMonth>();
      for (const r of (await rows.all("billingState")) as unknown as TableRow<"billingState">[]) out.set(r.contractNo, r.settledThrough as IsoMonth);
      return tracker.applyPending(out);
    },
    async raise(nos, month) {
      if (nos.length === 0) return;
      const current = (await rows.getMany("billingState", nos)) as (TableRow<"billingState"> | undefined)[];
      const up = nos.filter((no, i) => !current[i] || current[i]!.settledThrough < month).map((no) => ({ contractNo: no, settledThrough: month }));
      if (up.length === 0) return;
      guard();
      // Raised rows are written past the tracker: a raise is not a change of what was billed.
      await raw.put("billingState", up);
      tracker.raised(up.map((u) => u.contractNo));
    },
  };
  /** Rows no active run billed: never billed (""), or billed by a run undone since. */
  const notBilled = async <T extends { id: string }>(table: "timeEntries" | "usageRecords", active: ReadonlySet<string>): Promise<T[]> => {
    const undone = (await rows.all("runs")).map((r) => String(r.id)).filter((id) => !active.has(id));
    return byKey((await rows.whereIn(table, "$billed_run_id", ["", ...undone])) as unknown as T[], (r) => r.id);
  };
  const timeEntries: P.TimeEntryRepo = {
    ...keyed<TimeEntry>("timeEntries"),
    open: async (active, upTo) => (await notBilled<TimeEntry>("timeEntries", active)).filter((e) => e.date <= upTo),
    billedBy: (runIds) => (runIds.length === 0 ? Promise.resolve([]) : as(rows.whereIn("timeEntries", "$billed_run_id", unique(runIds)))),
    ofCustomers: (nos) => (nos.length === 0 ? Promise.resolve([]) : as(rows.whereIn("timeEntries", "customerNo", unique(nos)))),
    all: () => as(rows.all("timeEntries")),
    deleteMany: (ids) => rows.delete("timeEntries", ids),
  };
  const meterReadings: P.MeterReadingRepo = {
    ...keyed<MeterReading>("meterReadings"),
    ofDevices: (ids) => (ids.length === 0 ? Promise.resolve([]) : as(rows.whereIn("meterReadings", "deviceId", unique(ids)))),
    all: () => as(rows.all("meterReadings")),
    addMany: (list) => rows.insert("meterReadings", list as unknown as Row[]),
    deleteMany: (ids) => rows.delete("meterReadings", ids),
  };
  const usageMarks: P.UsageMarkRepo = {
    all: () => as(rows.all("usageMarks")),
    getMany: (keys) => rows.getMany("usageMarks", keys) as Promise<(ClickMonthMark | undefined)[]>,
    putMany: (list) => rows.put("usageMarks", list as unknown as Row[]),
    deleteMany: (keys) => rows.delete("usageMarks", keys),
  };
  type PurchaseRow = PurchaseContractRecord | PurchasePositionVersion;
  const purchase: P.PurchaseRepo = {
    ...keyed<PurchaseRow>("purchaseContracts"),
    ofPurchaseNos: (nos) => (nos.length === 0 ? Promise.resolve([]) : as(rows.whereIn("purchaseContracts", "purchaseNo", unique(nos)))),
    all: () => as(rows.all("purchaseContracts")),
    addMany: (list) => rows.insert("purchaseContracts", list as unknown as Row[]),
  };
  const links: P.LinkRepo = {
    ...keyed<PurchaseLink>("purchaseLinks"),
    all: () => as(rows.all("purchaseLinks")),
    addMany: (list) => rows.insert("purchaseLinks", list as unknown as Row[]),
    deleteMany: (ids) => rows.delete("purchaseLinks", ids),
  };
  const mandates: P.MandateRepo = {
    ...keyed<MandateRow>("mandates"),
    all: () => as(rows.all("mandates")),
    deleteMany: (nos) => rows.delete("mandates", nos),
  };
  const collections: P.CollectionRepo = {
    all: () => as(rows.all("collections")),
    ofInvoices: (refs) => (refs.length === 0 ? Promise.resolve([]) : as<CollectionRow>(rows.whereIn("collections", "invoiceRef", unique(refs)))),
    ofCustomers: (nos) => (nos.length === 0 ? Promise.resolve([]) : as<CollectionRow>(rows.whereIn("collections", "customerNo", unique(nos)))),
    addMany: (list) => rows.insert("collections", list as unknown as Row[]),
  };
  const usageRecords: P.UsageRecordRepo = {
    ...keyed<UsageRecordRow>("usageRecords"),
    ofMonth: (month) => as(rows.whereIn("usageRecords", "month", [month])),
    open: async (active, upTo) => (await notBilled<UsageRecordRow>("usageRecords", active)).filter((u) => u.month <= upTo),
    billedBy: (runIds) => (runIds.length === 0 ? Promise.resolve([]) : as(rows.whereIn("usageRecords", "$billed_run_id", unique(runIds)))),
    deleteMany: (ids) => rows.delete("usageRecords", ids),
  };
  const counters: P.CounterRepo = {
    async reserve(name, count = 1) {
      const row = (await rows.get("counters", name)) as TableRow<"counters"> | undefined;
      const next = row?.value ?? 1;
      await rows.put("counters", [{ name, value: next + count }]);
      return next;
    },
    peek: async (name) => ((await rows.get("counters", name)) as TableRow<"counters"> | undefined)?.value ?? 1,
    set: (name, next) => rows.put("counters", [{ name, value: next }]),
    async all() {
      const out: Record<string, number> = {};
      for (const r of (await rows.all("counters")) as unknown as TableRow<"counters">[]) out[r.name] = r.value;
      return out;
    },
  };
  const settings: P.SettingsRepo = {
    get: async <K extends SettingKey>(key: K) => ((await rows.get("settings", key)) as TableRow<"settings"> | undefined)?.value as SettingValue<K> | undefined,
    put: (key, value) => rows.put("settings", [{ key, value }]),
    delete: (key) => rows.delete("settings", [key]),
    withPrefix: async (prefix) => ((await rows.range("settings", "key", prefix, `${prefix}\uffff`)) as unknown as TableRow<"settings">[]).map((r) => ({ key: r.key, value: r.value })),
    getRaw: async (key) => ((await rows.get("settings", key)) as TableRow<"settings"> | undefined)?.value,
    putRaw: (key, value) => rows.put("settings", [{ key, value }]),
    deleteRaw: (key) => rows.delete("settings", [key]),
  };
  const audit: P.AuditRepo = {
    async append(entries) {
      if (entries.length === 0) return;
      const last = (await rows.lastByKey("auditLog", 1))[0] as AuditRecord | undefined;
      let seq = last?.seq ?? 0;
      let prevHash = await auditHead(last);
      const out = entries.map((e) => {
        const { hash: _h, prevHash: _p, ...given } = e;
        const own: AuditRecord = { ...given, seq: e.seq ?? ++seq, ...(ctx.user !== undefined && e.user === undefined ? { user: ctx.user } : {}) };
        seq = Math.max(seq, own.seq!);
        for (const k of ["before", "after"] as const) if (own[k] === undefined) delete own[k];
        // Hash chain (core/integrity): each entry seals the one before it.
        const sealed = sealRecord(own, prevHash);
        prevHash = sealed.hash;
        return sealed as unknown as Row;
      });
      await rows.insert("auditLog", out);
    },
    recent: (limit) => rows.lastByKey("auditLog", limit) as unknown as Promise<AuditRecord[]>,
    inPeriod: (from, to) => rows.range("auditLog", "at", from, to) as unknown as Promise<AuditRecord[]>,
    lastSeq: async () => ((await rows.lastByKey("auditLog", 1))[0] as AuditRecord | undefined)?.seq,
    count: () => rows.count("auditLog"),
    forEach: (visit) => rows.scan("auditLog", (batch) => batch.forEach((e) => visit(e as unknown as AuditRecord)), 5000),
  };
  /**
   * The hash the next audit entry chains to: the last entry's; for a log written before the chain
   * existed (its last entry has no hash), the hash of that whole log hashed as a chain, read once.
   */
  async function auditHead(last: AuditRecord | undefined): Promise<string> {
    if (!last) return CHAIN_START;
    if (typeof last.hash === "string") return last.hash;
    const walker = new ChainWalker();
    await rows.scan("auditLog", (batch) => batch.forEach((r) => void walker.next(r)), 5000);
    return walker.headHash;
  }
  const tables: P.TableAdmin = {
    count: (t) => rows.count(t),
    scan: (t, visit, size = 2000) => rows.scan(t, visit as (r: Row[]) => void, size),
    clear: (t) => rows.clear(t),
    insert: (t, list) => rows.insert(t, list as unknown as Row[]),
    get: (t, key) => rows.get(t, key) as never,
    put: (t, row) => rows.put(t, [row as unknown as Row]),
    delete: (t, key) => rows.delete(t, [key]),
    getMany: (t, keys) => rows.getMany(t, keys) as never,
  };

  return {
    mode: ctx.mode,
    customers,
    articles,
    contracts,
    versions,
    mappings,
    profiles,
    batches,
    runs,
    invoices,
    ledger,
    billingState,
    timeEntries,
    meterReadings,
    usageMarks,
    purchase,
    links,
    mandates,
    collections,
    usageRecords,
    counters,
    settings,
    audit,
    tables,
    async finish() {
      if (ctx.mode === "write") await tracker.flush(raw);
      return wrote;
    },
  };
}

/** The key of a row as the port sees it (re-exported for adapters). */
export { rowKey };
