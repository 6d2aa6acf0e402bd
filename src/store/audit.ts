import type { MspDb } from "./db";
import type { AuditRecord } from "./records";

/** Appends audit entries (inside the caller's transaction). */
export async function appendAudit(db: MspDb, entries: readonly AuditRecord[]): Promise<void> {
  if (entries.length > 0) await db.auditLog.bulkAdd(entries.map((e) => ({ ...e })));
}

/** The newest audit entries first. */
export async function recentAudit(db: MspDb, limit = 200): Promise<AuditRecord[]> {
  return db.auditLog.orderBy("seq").reverse().limit(limit).toArray();
}
