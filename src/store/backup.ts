import { Issue, Result, fail, issue, ok } from "../core/issues";
import type { MspDb } from "./db";
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from "./schema";

export const BACKUP_FORMAT = "msp-billing-backup";

/** The whole store as one JSON document; also the CLI's workspace file. */
export interface BackupDoc {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  /** Time of export, supplied by the host (ISO timestamp). */
  exportedAt: string;
  tables: Record<TableName, unknown[]>;
}

/** Reads every table, rows in primary-key order, so equal stores give byte-identical backups. */
export async function exportBackup(db: MspDb, exportedAt: string): Promise<BackupDoc> {
  const tables = {} as Record<TableName, unknown[]>;
  await db.transaction("r", TABLE_NAMES.map((t) => db.table(t)), async () => {
    for (const name of TABLE_NAMES) tables[name] = await db.table(name).toArray();
  });
  return { format: BACKUP_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt, tables };
}

/** Serialises a backup with stable indentation. */
export function backupToJson(doc: BackupDoc): string {
  return JSON.stringify(doc, null, 1) + "\n";
}

/** Parses and checks a backup document; never throws. */
export function parseBackup(text: string, source = "backup"): Result<BackupDoc> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return fail(issue("backup.invalid", { detail: (e as Error).message }, { source }));
  }
  const problems: Issue[] = [];
  const bad = (detail: string) => problems.push(issue("backup.invalid", { detail }, { source }));
  if (typeof data !== "object" || data === null) return fail(issue("backup.invalid", { detail: "not a JSON object" }, { source }));
  const doc = data as Partial<BackupDoc>;
  if (doc.format !== BACKUP_FORMAT) bad(`format must be "${BACKUP_FORMAT}"`);
  if (typeof doc.schemaVersion !== "number" || !Number.isInteger(doc.schemaVersion) || doc.schemaVersion < 1) bad("schemaVersion must be a positive integer");
  else if (doc.schemaVersion > CURRENT_SCHEMA_VERSION)
    problems.push(issue("backup.version_too_new", { found: doc.schemaVersion, supported: CURRENT_SCHEMA_VERSION }, { source }));
  if (typeof doc.tables !== "object" || doc.tables === null) bad("tables missing");
  else {
    for (const [name, rows] of Object.entries(doc.tables)) {
      if (!(TABLE_NAMES as string[]).includes(name)) bad(`unknown table "${name}"`);
      else if (!Array.isArray(rows) || rows.some((r) => typeof r !== "object" || r === null || Array.isArray(r)))
        bad(`table "${name}" must be an array of objects`);
    }
  }
  if (problems.length > 0) return { ok: false, issues: problems };
  const tables = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) tables[name] = (doc.tables as Record<string, unknown[]>)[name] ?? [];
  return ok({ format: BACKUP_FORMAT, schemaVersion: doc.schemaVersion!, exportedAt: String(doc.exportedAt ?? ""), tables });
}

/**
 * Replaces the whole store with a backup in one transaction: either every table is restored or
 * (on any failure) the store stays exactly as it was.
 */
export async function restoreBackup(db: MspDb, doc: BackupDoc): Promise<void> {
  await db.transaction("rw", TABLE_NAMES.map((t) => db.table(t)), async () => {
    for (const name of TABLE_NAMES) {
      const table = db.table(name);
      await table.clear();
      const rows = doc.tables[name];
      if (rows.length > 0) await table.bulkAdd(rows);
    }
  });
}
