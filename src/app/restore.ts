import { appendAudit } from "../store/audit";
import { type BackupDoc, restoreBackup } from "../store/backup";
import type { MspDb } from "../store/db";
import { TABLE_NAMES, type TableName } from "../store/schema";
import type { AppContext } from "./context";

export interface RestoreSummary {
  file: string;
  sha256: string;
  /** Rows per table before and after (the audit log's count without the restore's own entry). */
  before: Record<TableName, number>;
  after: Record<TableName, number>;
}

/**
 * Restores a checked backup (PRODUCT.md §8 `restore`, README "Data safety"): replaces the whole store
 * and appends one audit entry `store.restore` to the audit log it brought back (source: the backup
 * file's SHA-256; before and after: rows per table), all in one transaction, so a failure anywhere
 * leaves the store exactly as it was. The entry takes the number after the restored log's last one,
 * so restoring the same backup gives the same log whatever the store held before.
 */
export async function restoreStore(ctx: AppContext, doc: BackupDoc, file: { name: string; sha256: string }): Promise<RestoreSummary> {
  const { db } = ctx;
  let summary: RestoreSummary | undefined;
  await db.transaction("rw", TABLE_NAMES.map((t) => db.table(t)), async () => {
    const before = await tableCounts(db);
    await restoreBackup(db, doc); // joins this transaction
    const after = await tableCounts(db);
    const last = await db.auditLog.orderBy("seq").lastKey();
    await appendAudit(db, [
      {
        ...(typeof last === "number" ? { seq: last + 1 } : {}),
        at: ctx.now(),
        kind: "store.restore",
        source: `sha256:${file.sha256}`,
        entity: `file:${file.name}`,
        before: { tables: before },
        after: { tables: after, schemaVersion: doc.schemaVersion, exportedAt: doc.exportedAt },
      },
    ]);
    summary = { file: file.name, sha256: file.sha256, before, after };
  });
  return summary!;
}

async function tableCounts(db: MspDb): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  for (const name of TABLE_NAMES) counts[name] = await db.table(name).count();
  return counts;
}
