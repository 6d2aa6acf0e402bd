import Dexie from "dexie";
import { TABLES, type TableSpec } from "../tables";
import { createTx } from "../repos";
import { upgradeV1Tables } from "../upgrade-v1";
import { upgradeMappingIds } from "../upgrade-v4";
import { dexieRows } from "./dexie-rows";

/** Options for where the database lives: the browser's IndexedDB by default, fake-indexeddb in Node. */
export interface DbOptions {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

// ******* Version 1 - 2026-11-23 ******* //
// - all tables of PRODUCT.md §4, plus settings (counters, company defaults, click marks)
export const dexieSchemaV1 = {
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

/** Dexie's schema string of a table spec: the key, then every index (fields as stored). */
function dexieSpec(spec: TableSpec): string {
  const key = spec.auto ? `++${spec.key}` : `&${spec.columns.find((c) => c.column === spec.key || c.field === spec.key)!.field}`;
  const indexes = spec.indexes.map((fields) => (fields.length === 1 ? fields[0]! : `[${fields.join("+")}]`));
  return [key, ...indexes].join(", ");
}

// ******* Version 2 - 2026-12-06 ******* //
// - derived from src/store/tables.ts (the store port's tables): new tables invoices, billingState,
//   usageMarks, counters; storeMeta (revision); indexes as the port's queries need them.
// - data: upgradeV1Tables (counters and click marks out of settings, invoices out of runs).
const V3_TABLES = ["mandates", "collections", "usageRecords"];
export const dexieSchemaV2: Record<string, string> = {
  ...Object.fromEntries(Object.values(TABLES).filter((t) => !V3_TABLES.includes(t.name)).map((t) => [t.name, dexieSpec(t as TableSpec)])),
  // Dexie cannot change a primary key: the audit log keeps v1's `++seq` (the store assigns seq itself).
  auditLog: "++seq, at",
  storeMeta: "&key",
};

// ******* Version 3 - 2026-12-06 ******* //
// - new tables mandates, collections, usageRecords (tables.ts, store schema 3); no data changes.
export const dexieSchemaV3: Record<string, string> = {
  ...dexieSchemaV2,
  ...Object.fromEntries(V3_TABLES.map((n) => [n, dexieSpec(TABLES[n as keyof typeof TABLES] as TableSpec)])),
};

// ******* Version 4 - 2026-12-06 ******* //
// - no schema change; data: stored mapping ids in their normal form (upgrade-v4.ts: upgradeMappingIds,
//   the same function as SQL migration 003_mapping_ids and the restore of an older backup).
export const dexieSchemaV4: Record<string, string> = dexieSchemaV3;

export const DEXIE_SCHEMA_VERSION = 4;

/** The add-in's IndexedDB database (schema versions 1 to 4 with the upgrades between them). */
export class MspDexie extends Dexie {
  constructor(name = "msp-billing", options: DbOptions = {}) {
    super(name, options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange! } : undefined);
    this.version(1).stores(dexieSchemaV1);
    this.version(2)
      .stores(dexieSchemaV2)
      .upgrade(async (tx) => {
        const v1: Record<string, unknown[]> = {};
        for (const name of ["settings", "runs", "timeEntries"]) v1[name] = await tx.table(name).toArray();
        const v2 = upgradeV1Tables(v1);
        await tx.table("settings").clear();
        await tx.table("settings").bulkAdd(v2.settings);
        await tx.table("counters").bulkAdd(v2.counters);
        await tx.table("usageMarks").bulkAdd(v2.usageMarks.map(withDerived("usageMarks")));
        await tx.table("runs").clear();
        await tx.table("runs").bulkAdd(v2.runs);
        await tx.table("invoices").bulkAdd(v2.invoices);
        // Derived index fields (see tables.ts) of the rows v1 stored without them.
        await tx.table("timeEntries").clear();
        await tx.table("timeEntries").bulkAdd(v2.timeEntries.map(withDerived("timeEntries")));
        await tx.table("storeMeta").put({ key: "revision", value: 0 });
      });
    this.version(3).stores(dexieSchemaV3);
    this.version(4)
      .stores(dexieSchemaV4)
      .upgrade(async (tx) => {
        // The store's own repositories over the upgrade transaction (hash-chained audit entries included).
        const storeTx = createTx({ rows: dexieRows({ table: (name: string) => tx.table(name) } as unknown as Dexie), mode: "write" });
        await upgradeMappingIds(storeTx, new Date().toISOString(), "dexie:4", { remember: true });
        await storeTx.finish();
      });
  }
}

/** The row as Dexie stores it: the record plus its derived index fields (`$…`). */
export function withDerived(table: keyof typeof TABLES): (row: Record<string, unknown>) => Record<string, unknown> {
  const derived = (TABLES[table] as TableSpec).columns.filter((c) => c.derive);
  if (derived.length === 0) return (row) => row;
  return (row) => {
    const out = { ...row };
    for (const c of derived) out[c.field] = c.derive!(row);
    return out;
  };
}
