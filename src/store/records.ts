import type { IsoDate } from "../core/date/iso-date";
import type { IsoMonth } from "../core/date/iso-month";

/** External id → our customer or article, remembered per source (profile id or `*` for any). */
export interface MappingRecord {
  /** `${kind}|${source}|${externalId}` */
  id: string;
  kind: "customer" | "article";
  source: string;
  externalId: string;
  internalNo: string;
  /** Where the mapping came from: `import:<file>`, `review:<batch>`, `manual`. */
  origin?: string;
}

/** A saved user-defined vendor file profile (JSON document, validated by src/io/vendor). */
export interface ProfileRecord {
  id: string;
  name: string;
  json: string;
}

/** One import or apply action, so it can be shown and undone as a whole. */
export interface ImportBatchRecord {
  id: string;
  kind: string;
  createdAt: string;
  files: { name: string; sha256: string }[];
  profileId?: string;
  /** Ids of the contract versions this batch created. */
  versionIds: string[];
  /** Free-form details (decisions, counts) as JSON-compatible data. */
  details?: unknown;
  /** How to reverse the batch: the previous row of every key it wrote (none = the key was new). */
  undo?: UndoStep[];
  undoneAt?: string;
}

/** One reversible write: the table, the primary key, and the row before (absent when it was created). */
export interface UndoStep {
  table: "customers" | "articles" | "contracts" | "contractVersions" | "mappings" | "purchaseContracts" | "purchaseLinks" | "timeEntries" | "meterReadings";
  key: string;
  before?: unknown;
}

/** A billing run. */
export interface RunRecord {
  id: string;
  month: IsoMonth;
  createdAt: string;
  invoiceDate: IsoDate;
  invoiceRefs: string[];
  /** The invoices as billed, so the batch can be exported again later. */
  invoices?: unknown[];
  /** Invoice numbers the run took: first and count (given back when the latest run is undone). */
  firstInvoiceNumber?: number;
  undoneAt?: string;
}

/** An append-only audit entry: what changed, when, from which source, before and after. */
export interface AuditRecord {
  seq?: number;
  at: string;
  kind: string;
  /** File hash, batch id, run id or `manual`. */
  source: string;
  entity: string;
  before?: unknown;
  after?: unknown;
}

/** Key/value settings and counters (sequence numbers, company defaults). */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Generic record for tables whose rows are defined by later modules (time, meters, purchase). */
export interface KeyedRecord {
  id: string;
  [field: string]: unknown;
}
