import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Result, fail, issue, ok } from "../core/issues";
import { BACKUP_FORMAT, WRITE_BATCH_ROWS, backupJson, parseBackup, restoreLazily } from "../store/backup";
import { MspDb } from "../store/db";
import { CURRENT_SCHEMA_VERSION } from "../store/schema";

/**
 * Opens a workspace file (the backup JSON format) into a fresh in-memory store; a missing file
 * gives an empty store. The file is never written here.
 *
 * NOTE: the tables stay in the parsed file until a request needs them in the store (see
 * restoreLazily): reading a whole table or appending to it never copies it in, so `reconcile` never
 * pays for the ledger and `bill` reads the ledger and adds a month to it without copying 24 months
 * into fake-indexeddb first. Saving gives the file a full restore, the same changes and an export would.
 */
export async function openWorkspace(path: string): Promise<Result<MspDb>> {
  const db = newWorkspaceDb();
  if (!existsSync(path)) {
    const empty = parseBackup(JSON.stringify({ format: BACKUP_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, tables: {} }));
    if (!empty.ok) throw new Error("empty workspace document rejected");
    const lazy = await restoreLazily(db, empty.value, path);
    return lazy.ok ? ok(db) : lazy;
  }
  let text: string;
  try {
    // (Decoding the bytes is faster here than readFileSync's own "utf8" for files of 100 MB and more.)
    text = readFileSync(path).toString("utf8");
  } catch (e) {
    return fail(issue("workspace.unreadable", { file: path, detail: (e as Error).message }, { source: path }));
  }
  const doc = parseBackup(text, path);
  if (!doc.ok) return doc;
  const lazy = await restoreLazily(db, doc.value, path);
  return lazy.ok ? ok(db) : lazy;
}

/** A fresh, empty, unopened in-memory store (fake-indexeddb) with the CLI's middlewares. */
function newWorkspaceDb(): MspDb {
  const db = new MspDb("msp-billing", { indexedDB: new IDBFactory(), IDBKeyRange });
  db.use(batchedWrites);
  return db;
}

/**
 * Splits big writes (a billing run's bulkAdd of 37,500 ledger entries, an undo's bulkDelete) into
 * batches of {@link WRITE_BATCH_ROWS} requests, issued one after another in the same transaction, so
 * fake-indexeddb's per-request cost stays linear. Same results, same failures (by position).
 */
export const batchedWrites: Middleware<DBCore> = {
  stack: "dbcore",
  name: "batched-writes",
  level: -5,
  create: (down) => ({
    table(name) {
      const table = down.table(name);
      return {
        ...table,
        async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
          const plain = req.type === "add" || req.type === "delete" || (req.type === "put" && !req.updates && !req.criteria && !req.changeSpec);
          const count = req.type === "add" || req.type === "put" ? req.values.length : req.type === "delete" ? req.keys.length : 0;
          if (!plain || count <= WRITE_BATCH_ROWS) return table.mutate(req);
          const merged: DBCoreMutateResponse = { numFailures: 0, failures: {}, results: [], lastResult: undefined };
          for (let i = 0; i < count; i += WRITE_BATCH_ROWS) {
            const end = i + WRITE_BATCH_ROWS;
            const part =
              req.type === "delete"
                ? await table.mutate({ ...req, keys: req.keys.slice(i, end) })
                : req.type === "add" || req.type === "put"
                  ? await table.mutate({ ...req, values: req.values.slice(i, end), ...(req.keys ? { keys: req.keys.slice(i, end) } : {}) })
                  : await table.mutate(req);
            merged.numFailures += part.numFailures;
            for (const [k, e] of Object.entries(part.failures)) merged.failures[i + Number(k)] = e;
            if (part.results) merged.results!.push(...part.results);
            merged.lastResult = part.lastResult;
          }
          return merged;
        },
      };
    },
  }),
};

/**
 * Writes the store to the workspace file atomically: a temp file in the same folder is written and
 * fsynced, then renamed over the old file, so a crash leaves either the old or the new workspace.
 */
export async function saveWorkspace(db: MspDb, path: string, now: string): Promise<void> {
  writeFileAtomic(path, await backupJson(db, now));
}

const WRITE_SLICE = 1 << 20;
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** Atomic file write: temp file + fsync + rename (+ fsync of the folder where supported). */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path) || ".";
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, "w");
  try {
    if (typeof content !== "string") writeSync(fd, content);
    else {
      // In slices: encoding a 150 MB workspace into one buffer first costs seconds and as much memory.
      for (let i = 0; i < content.length; ) {
        let end = Math.min(i + WRITE_SLICE, content.length);
        if (end < content.length && isHighSurrogate(content.charCodeAt(end - 1))) end--; // never split a surrogate pair
        writeSync(fd, content.slice(i, end));
        i = end;
      }
    }
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
