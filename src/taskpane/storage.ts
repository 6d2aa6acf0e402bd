/**
 * Persistence of the store in the webview (IndexedDB can be evicted under storage pressure and is
 * wiped when the Office cache is cleared): ask for persistent storage, download backups (the last
 * one is remembered in the store, src/app/backup.ts), and decide when to remind the user to back up
 * (only for the local store: a team server's backups are its administrator's).
 */
import { backupJson, markBackedUp } from "./connection/use-cases";
import type { AppContext } from "../app/context";
import type { StorageAccess } from "./host";
import { downloadNames } from "./i18n/downloads";
import type { Lang } from "./i18n/format";

/** Remind when the last backup is older than this. */
export const BACKUP_REMINDER_DAYS = 7;

/** `navigator.storage` where the browser has it (null answers where it does not). */
export function browserStorage(nav: Navigator | undefined = typeof navigator === "undefined" ? undefined : navigator): StorageAccess {
  const storage = nav?.storage;
  return {
    persist: async () => (storage && typeof storage.persist === "function" ? storage.persist().catch(() => null) : null),
    persisted: async () => (storage && typeof storage.persisted === "function" ? storage.persisted().catch(() => null) : null),
  };
}

/** Whether to remind: data exists and there was no backup, or the last one is older than the limit. */
export function backupDue(last: string | null, hasData: boolean, now: string, days = BACKUP_REMINDER_DAYS): boolean {
  if (!hasData) return false;
  if (!last) return true;
  return Date.parse(now) - Date.parse(last) > days * 86_400_000;
}

/** `msp-billing-backup-2026-11-23.json`, in German `msp-billing-sicherung-2026-11-23.json`. */
export function backupFileName(now: string, language: Lang = "en"): string {
  return downloadNames[language].backup(now.slice(0, 10));
}

/** Saves bytes as a download through a temporary object URL (works in browsers and Edge WebView2). */
export function browserDownload(name: string, bytes: Uint8Array, mime: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Downloads a backup of the whole store and records when (after the download); returns the file name.
 * In server mode it is the team store's backup, made by the server, and nothing is recorded (see markBackedUp).
 */
export async function saveBackup(host: { app: AppContext; download(name: string, bytes: Uint8Array, mime: string): void; language?: Lang }): Promise<string> {
  const at = host.app.now();
  const json = await backupJson(host.app, at);
  const name = backupFileName(at, host.language);
  host.download(name, new TextEncoder().encode(json), "application/json");
  await markBackedUp(host.app, at);
  return name;
}
