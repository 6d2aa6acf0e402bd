import { BACKUP_TABLES, type BackupDoc, restoreBackup } from "../store/backup";
import type { StoreTx } from "../store/port";
import type { TableName } from "../store/tables";
import type { MappingIdUpgrade } from "../store/upgrade-v4";
import type { AppContext } from "./context";

export interface RestoreSummary {
  file: string;
  sha256: string;
  /** Rows per table before and after (the audit log's count without the restore's own entry). */
  before: Record<TableName, number>;
  after: Record<TableName, number>;
  /** What restoring a backup older than schema 4 changed in the mappings (see store/upgrade-v4.ts). */
  mappingIds?: MappingIdUpgrade;
}

/**
 * Restores a checked backup (PRODUCT.md §8 `restore`, README "Data safety"): replaces the whole store
 * and appends one audit entry `store.restore` to the audit log it brought back (source: the backup
 * file's SHA-256; before and after: rows per table), all in one transaction, so a failure anywhere
 * leaves the store exactly as it was. The entry takes the number after the restored log's last one,
 * so restoring the same backup gives the same log whatever the store held before.
 */
export async function restoreStore(ctx: AppContext, doc: BackupDoc, file: { name: string; sha256: string }): Promise<RestoreSummary> {
  return ctx.store.write(async (tx) => {
    const before = await tableCounts(tx);
    const mappingIds = await restoreBackup(tx, doc, ctx.now());
    const after = await tableCounts(tx);
    await tx.audit.append([restoreEntry(ctx, file, before, after, doc.schemaVersion, doc.exportedAt)]);
    return { file: file.name, sha256: file.sha256, before, after, ...(mappingIds ? { mappingIds } : {}) };
  });
}

/** The audit entry of a restore. */
export function restoreEntry(ctx: AppContext, file: { name: string; sha256: string }, before: Record<TableName, number>, after: Record<TableName, number>, schemaVersion: number, exportedAt: string) {
  return {
    at: ctx.now(),
    kind: "store.restore",
    source: `sha256:${file.sha256}`,
    entity: `file:${file.name}`,
    before: { tables: before },
    after: { tables: after, schemaVersion, exportedAt },
  };
}

/** Rows per table (the tables a backup holds). */
export async function tableCounts(tx: StoreTx): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const name of BACKUP_TABLES) counts[name] = await tx.tables.count(name);
  return counts;
}
