import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Atomic file write: temp file in the same folder + fsync + rename (+ fsync of the folder where
 * supported), so a crash leaves the old file or the new one, never half of one. A symlink is
 * followed (its target is replaced) and an existing file keeps its permissions.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // new file: written where named
  }
  let mode: number | undefined;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const dir = dirname(target) || ".";
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
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
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
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
