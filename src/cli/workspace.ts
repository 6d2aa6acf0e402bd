import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Result, fail, issue, ok } from "../core/issues";
import { backupToJson, exportBackup, parseBackup, restoreBackup } from "../store/backup";
import type { MspDb } from "../store/db";
import { createMemoryDb } from "../store/node-db";

/**
 * Opens a workspace file (the backup JSON format) into a fresh in-memory store; a missing file
 * gives an empty store. The file is never written here.
 */
export async function openWorkspace(path: string): Promise<Result<MspDb>> {
  const db = await createMemoryDb();
  if (!existsSync(path)) return ok(db);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return fail(issue("workspace.unreadable", { file: path, detail: (e as Error).message }, { source: path }));
  }
  const doc = parseBackup(text, path);
  if (!doc.ok) return doc;
  await restoreBackup(db, doc.value);
  return ok(db);
}

/**
 * Writes the store to the workspace file atomically: a temp file in the same folder is written and
 * fsynced, then renamed over the old file, so a crash leaves either the old or the new workspace.
 */
export async function saveWorkspace(db: MspDb, path: string, now: string): Promise<void> {
  writeFileAtomic(path, backupToJson(await exportBackup(db, now)));
}

/** Atomic file write: temp file + fsync + rename (+ fsync of the folder where supported). */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path) || ".";
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, typeof content === "string" ? Buffer.from(content, "utf8") : content);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    unlinkSync(tmp);
    throw e;
  }
  try {
    const dfd = openSync(dir, "r");
    fsyncSync(dfd);
    closeSync(dfd);
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename is still atomic there.
  }
}
