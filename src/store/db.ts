import Dexie, { type Table } from "dexie";
import type { LedgerEntry } from "../core/billing/ledger";
import type { Article, Contract, Customer, PositionVersion } from "../core/contract/model";
import type {
  AuditRecord,
  ImportBatchRecord,
  KeyedRecord,
  MappingRecord,
  ProfileRecord,
  RunRecord,
  SettingRecord,
} from "./records";
import { dbSchemaV1 } from "./schema";

/** Options for where the database lives: the browser's IndexedDB by default, fake-indexeddb in Node. */
export interface DbOptions {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** The MSP Billing store. Money as decimal strings, dates as `YYYY-MM-DD`. */
export class MspDb extends Dexie {
  customers!: Table<Customer, string>;
  articles!: Table<Article, string>;
  contracts!: Table<Contract, string>;
  contractVersions!: Table<PositionVersion, string>;
  mappings!: Table<MappingRecord, string>;
  profiles!: Table<ProfileRecord, string>;
  importBatches!: Table<ImportBatchRecord, string>;
  ledger!: Table<LedgerEntry, string>;
  runs!: Table<RunRecord, string>;
  timeEntries!: Table<KeyedRecord, string>;
  meterReadings!: Table<KeyedRecord, string>;
  purchaseContracts!: Table<KeyedRecord, string>;
  purchaseLinks!: Table<KeyedRecord, string>;
  auditLog!: Table<AuditRecord, number>;
  settings!: Table<SettingRecord, string>;

  constructor(name = "msp-billing", options: DbOptions = {}) {
    super(name, options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : undefined);
    this.version(1).stores(dbSchemaV1);
  }
}
