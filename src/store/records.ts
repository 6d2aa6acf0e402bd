import type { Invoice } from "../core/billing/invoice";
import type { IsoDate } from "../core/date/iso-date";
import type { IsoMonth } from "../core/date/iso-month";
import type { IssuedParties } from "../io/export/documents/issued-parties";

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

/** The tables an import batch can write (and undo). */
export type UndoTable = "customers" | "articles" | "contracts" | "contractVersions" | "mappings" | "purchaseContracts" | "purchaseLinks" | "timeEntries" | "meterReadings" | "mandates" | "usageRecords";

/** One reversible write: the table, the primary key, and the row before (absent when it was created). */
export interface UndoStep {
  table: UndoTable;
  key: string;
  before?: unknown;
}

/** A billing run. Its invoices are rows of the invoices table (see {@link StoredInvoice}). */
export interface RunRecord {
  id: string;
  month: IsoMonth;
  createdAt: string;
  invoiceDate: IsoDate;
  invoiceRefs: string[];
  /** Invoice numbers the run took: first and count (given back when a draft run is undone). */
  firstInvoiceNumber?: number;
  undoneAt?: string;
  /** Set when the run was issued (festgeschrieben): its invoices are immutable from then on. */
  issuedAt?: string;
  /** What issued it: `finalize`, `export`, `documents`, `einvoice`, `cancellation`. */
  issuedBy?: string;
  /** `cancellation` for the run that holds one Stornorechnung (see app/cancel-invoice.ts). */
  kind?: "billing" | "cancellation";
}

/** An invoice as stored: the billed invoice plus its place in the lifecycle. */
export interface StoredInvoice extends Invoice {
  /** Position of the invoice in its run (0-based), for stable ordering. */
  seqInRun: number;
  /** Set on a cancelled invoice: the number of its Stornorechnung (not part of the hash). */
  cancelledBy?: string;
  /**
   * The seller's and buyer's data when the invoice was issued (app/issue-run.ts `sealInvoices`; part of
   * its hash): documents and e-invoices of the issued invoice are made from these. Absent on drafts
   * and on invoices issued before this was kept.
   */
  issuedParties?: IssuedParties;
  /**
   * Digest of the invoice's ledger entries when it was issued (core/integrity/ledger-digest.ts; part
   * of its hash, so editing, adding or removing a booked entry shows in `verify`). Absent on drafts
   * and on invoices issued before this was kept.
   */
  ledgerHash?: string;
  /** Hash chain of issued invoices (app/issue-run.ts `sealInvoices`): position, previous and own hash. */
  chainSeq?: number;
  prevHash?: string;
  hash?: string;
}

/**
 * A customer's current SEPA direct-debit mandate (core/sepa/mandate.ts `Mandate`, keyed by customer;
 * earlier references and accounts are its `amendments`).
 */
export interface MandateRow {
  customerNo: string;
  mandateRef: string;
  signatureDate: IsoDate;
  iban: string;
  scheme: "CORE" | "B2B";
  debtorName: string;
  bic?: string;
  lastCollectionDate?: IsoDate;
  amendments?: readonly unknown[];
  revokedOn?: IsoDate;
  [field: string]: unknown;
}

/** One exported direct-debit collection (core/sepa `CollectionRecord`), id `<messageId>|<invoiceRef>`. */
export interface CollectionRow {
  id: string;
  invoiceRef: string;
  customerNo: string;
  messageId: string;
  collectionDate: IsoDate;
  amount: string;
  [field: string]: unknown;
}

/** A month's vendor usage of a customer and product (core/usage `UsageRecord`), with its decision and billing. */
export interface UsageRecordRow {
  id: string;
  month: IsoMonth;
  customerNo?: string;
  batchId?: string;
  /** Set by the billing run that billed it (void while that run is undone). */
  billing?: { runId: string; invoiceRef: string; lineNo?: number };
  [field: string]: unknown;
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
  /** Who did it (the team server's login; absent for the single-user stores). */
  user?: string;
  /** Hash chain (set by the store on append): the previous entry's hash and this entry's own. */
  prevHash?: string;
  hash?: string;
}
