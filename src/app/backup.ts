/**
 * Backups as the task pane makes them: the whole store as the backup JSON document (src/store/backup.ts),
 * when the last one was taken (setting `taskpane.lastBackupAt`, with an audit entry like every
 * settings change), and whether there is anything worth backing up.
 */
import type { Result } from "../core/issues";
import { type BackupDoc, backupToJson, exportBackup, parseBackup } from "../store/backup";
import type { AppContext } from "./context";

export type { BackupDoc };

export interface BackupStatus {
  /** When the last backup was saved (ISO timestamp), null when never. */
  lastBackupAt: string | null;
  /** Contracts in the store (0: nothing to back up yet). */
  contracts: number;
}

/** The backup state, in one read transaction. */
export function backupStatus(ctx: AppContext): Promise<BackupStatus> {
  return ctx.store.read(async (tx) => {
    const last = await tx.settings.get("taskpane.lastBackupAt");
    return { lastBackupAt: typeof last === "string" ? last : null, contracts: await tx.contracts.count() };
  });
}

/** The whole store as backup JSON, taken at `at`. */
export async function backupJson(ctx: AppContext, at: string): Promise<string> {
  return backupToJson(await exportBackup(ctx.store, at));
}

/** Records that a backup taken at `at` was saved (setting and audit entry in one transaction). */
export async function markBackedUp(ctx: AppContext, at: string): Promise<void> {
  await ctx.store.write(async (tx) => {
    const before = await tx.settings.get("taskpane.lastBackupAt");
    await tx.settings.put("taskpane.lastBackupAt", at);
    await tx.audit.append([{ at, kind: "settings.put", source: "manual", entity: "setting:taskpane.lastBackupAt", ...(before !== undefined ? { before } : {}), after: at }]);
  });
}

/** Reads and checks a backup file (format, version, every table's rows) before it is restored. */
export function readBackup(text: string, source: string): Result<BackupDoc> {
  return parseBackup(text, source);
}
