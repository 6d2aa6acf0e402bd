/**
 * Dexie schema versions. Each version is a constant that builds on the previous one; the database
 * class declares every version in order with its named upgrade function (see db.ts). Never change a
 * published version: add a new one and a migration test seeded at the previous version.
 */

// ******* Version 1 - 2026-11-23 ******* //
// - all tables of PRODUCT.md §4, plus settings (counters, company defaults)
export const dbSchemaV1 = {
  customers: "&no, name",
  articles: "&no",
  contracts: "&no, customerNo",
  contractVersions: "&id, contractNo, [contractNo+positionNo], source, validFrom, seq",
  mappings: "&id, [kind+source], internalNo",
  profiles: "&id",
  importBatches: "&id, createdAt",
  ledger: "&id, runId, contractNo, [contractNo+positionNo+month], month",
  runs: "&id, month, createdAt",
  timeEntries: "&id, customerNo, date",
  meterReadings: "&id, deviceId, readingDate",
  purchaseContracts: "&id, purchaseNo, supplier",
  purchaseLinks: "&id, purchaseNo, contractNo",
  auditLog: "++seq, at, kind, source",
  settings: "&key",
} as const;

export const CURRENT_SCHEMA_VERSION = 1;
export const currentSchema = dbSchemaV1;
export type TableName = keyof typeof dbSchemaV1;
export const TABLE_NAMES = Object.keys(dbSchemaV1) as TableName[];
