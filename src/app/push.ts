import type { Issue } from "../core/issues";
import { type BackupDoc, restoreBackup } from "../store/backup";
import type { AuditRecord } from "../store/records";
import type { TableName } from "../store/tables";
import type { AppContext } from "./context";
import { restoreEntry, tableCounts } from "./restore";
import { RestoreGuard } from "./restore-guard";

/** Audit entries a fresh team store may hold before its data arrives: creating its users. */
const isUserAdmin = (e: AuditRecord) => e.kind.startsWith("server.user.");

export type PushOutcome = { refused: number } | { lost: Issue[] } | { before: Record<TableName, number>; after: Record<TableName, number> };

/**
 * `push` (CLI `--database`, or the server's `POST /api/push` for `push --server`): moves a checked
 * backup document into the team store in one transaction. The store must be empty — apart from the
 * audit entries of creating users, so the first admin can exist before the data arrives — unless
 * `replace`, which replaces all billing data like a restore. The pushed audit log is taken over as it
 * is; the kept user entries and one `store.push` entry (source file and its SHA-256, rows per table
 * before and after) follow it. `refused`: the rows that made the store count as not empty; `lost`:
 * `replace` would drop issued invoices of the team store (never allowed, GoBD; see restore-guard.ts).
 */
export async function pushStore(ctx: AppContext, doc: BackupDoc, file: { name: string; sha256: string }, replace: boolean): Promise<PushOutcome> {
  return ctx.store.write(async (tx) => {
    const before = await tableCounts(tx);
    const audit = before.auditLog > 0 ? await tx.audit.recent(before.auditLog) : [];
    const kept = audit.filter(isUserAdmin);
    const rows = Object.values(before).reduce((a, b) => a + b, 0) - kept.length;
    if (rows > 0 && !replace) return { refused: rows };
    const guard = await RestoreGuard.read(tx);
    guard.invoiceRows(doc.tables.invoices ?? []);
    const lost = guard.finish().filter((i) => i.code !== "restore.audit_diverges");
    if (lost.length > 0) return { lost };
    await restoreBackup(tx, doc, ctx.now());
    const after = await tableCounts(tx);
    const keptEntries = kept.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).map(({ seq: _seq, ...e }) => e);
    await tx.audit.append([...keptEntries, { ...restoreEntry(ctx, file, before, after, doc.schemaVersion, doc.exportedAt), kind: "store.push" }]);
    return { before, after };
  });
}
