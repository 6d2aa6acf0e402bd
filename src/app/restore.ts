import { Result, fail, ok } from "../core/issues";
import { BACKUP_TABLES, type BackupDoc, restoreBackup } from "../store/backup";
import type { StoreTx } from "../store/port";
import type { TableName } from "../store/tables";
import type { MappingIdUpgrade } from "../store/upgrade-v4";
import type { AppContext } from "./context";
import { RestoreGuard } from "./restore-guard";

export interface RestoreSummary {
  file: string;
  sha256: string;
  /** Rows per table before and after (the audit log's count without the restore's own entry). */
  before: Record<TableName, number>;
  after: Record<TableName, number>;
  /** What restoring a backup older than schema 4 changed in the mappings (see store/upgrade-v4.ts). */
  mappingIds?: MappingIdUpgrade;
  /** Audit entries of the store the backup did not hold, kept after the backup's own (see RestoreGuard). */
  auditKept: number;
}

/**
 * Restores a checked backup (PRODUCT.md §8 `restore`, README "Data safety"): replaces the whole store
 * and appends one audit entry `store.restore` to the audit log it brought back (source: the backup
 * file's SHA-256; before and after: rows per table), all in one transaction, so a failure anywhere
 * leaves the store exactly as it was. Refused (nothing changes) when it would lose an issued invoice
 * or an audit entry of the store (RestoreGuard): the audit log is never rolled back — a backup older
 * than the log gets the store's later entries after its own, then the restore's entry.
 */
export async function restoreStore(ctx: AppContext, doc: BackupDoc, file: { name: string; sha256: string }): Promise<Result<RestoreSummary>> {
  return ctx.store.write(async (tx) => {
    const guard = await RestoreGuard.read(tx);
    guard.invoiceRows(doc.tables.invoices ?? []);
    const audit = guard.auditRows(doc.tables.auditLog ?? []);
    const refused = guard.finish();
    if (refused.length > 0) return fail(...refused);
    const before = await tableCounts(tx);
    const mappingIds = await restoreBackup(tx, doc, ctx.now(), audit);
    const after = await tableCounts(tx);
    await tx.audit.append([restoreEntry(ctx, file, before, after, doc.schemaVersion, doc.exportedAt, guard.auditKept)]);
    return ok({ file: file.name, sha256: file.sha256, before, after, auditKept: guard.auditKept, ...(mappingIds ? { mappingIds } : {}) });
  });
}

/** The audit entry of a restore. */
export function restoreEntry(ctx: AppContext, file: { name: string; sha256: string }, before: Record<TableName, number>, after: Record<TableName, number>, schemaVersion: number, exportedAt: string, auditKept = 0) {
  return {
    at: ctx.now(),
    kind: "store.restore",
    source: `sha256:${file.sha256}`,
    entity: `file:${file.name}`,
    before: { tables: before },
    after: { tables: after, schemaVersion, exportedAt, ...(auditKept > 0 ? { auditKept } : {}) },
  };
}

/** Rows per table (the tables a backup holds). */
export async function tableCounts(tx: StoreTx): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const name of BACKUP_TABLES) counts[name] = await tx.tables.count(name);
  return counts;
}
