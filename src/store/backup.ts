/**
 * The backup document: the whole store as one JSON file (PRODUCT.md §4 "backup / restore"), the
 * interchange format between the add-in, the CLI and the team server. Written one row per line, so
 * a store of any size is written as a stream and read back line by line (readBackupLines), while the
 * file stays plain JSON. Schema-1 documents (written by earlier versions, pretty-printed) are read
 * whole and upgraded (upgrade-v1.ts).
 *
 * The billing watermark (billingState) is derived data and never part of a backup: after a restore
 * the first billing run reads the whole ledger once.
 */
import { pushAll } from "../core/array";
import { Issue, Result, fail, issue, ok } from "../core/issues";
import { BackupChecker } from "./backup-check";
import { type ChainHeads, readChainHeads } from "./chain-heads";
import type { BillingStore, StoreTx } from "./port";
import { STORE_SCHEMA_VERSION, TABLE_NAMES, type TableName } from "./tables";
import { V1_TABLES, upgradeV1Tables } from "./upgrade-v1";
import { type MappingIdUpgrade, upgradeMappingIds } from "./upgrade-v4";

export const BACKUP_FORMAT = "msp-billing-backup";

/** Tables a backup carries: every table but the derived billing watermark. */
export const BACKUP_TABLES: TableName[] = TABLE_NAMES.filter((t) => t !== "billingState");

/** The whole store as one document (in memory: for small stores, tests and the task pane). */
export interface BackupDoc {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  /** Time of export, supplied by the host (ISO timestamp). */
  exportedAt: string;
  /** The schema the file was written with, when older than {@link schemaVersion} (then restore upgrades it). */
  fromSchemaVersion?: number;
  /**
   * Where the audit log and the issued invoices' chain ended when the backup was taken (absent in
   * backups of earlier versions). A restore checks the rows against it, so a backup cut after its
   * last records is refused; written down elsewhere, it shows a backup whose header was cut as well.
   */
  chainHeads?: ChainHeads;
  tables: Record<TableName, unknown[]>;
}

/** Reads every table in one read transaction, rows in primary-key order. */
export async function exportBackup(store: BillingStore, exportedAt: string): Promise<BackupDoc> {
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as unknown[]])) as Record<TableName, unknown[]>;
  const chainHeads = await store.read(async (tx) => {
    for (const name of BACKUP_TABLES) await tx.tables.scan(name, (rows) => void pushAll(tables[name], rows), 5000);
    return readChainHeads(tx);
  });
  return { format: BACKUP_FORMAT, schemaVersion: STORE_SCHEMA_VERSION, exportedAt, chainHeads, tables };
}

const header = (exportedAt: string, heads: ChainHeads | undefined) =>
  `{"format":${JSON.stringify(BACKUP_FORMAT)},"schemaVersion":${STORE_SCHEMA_VERSION},"exportedAt":${JSON.stringify(exportedAt)},${heads ? `"chainHeads":${JSON.stringify(heads)},` : ""}"tables":{\n`;

/** A backup document as text (one row per line; equal stores give byte-identical text). */
export function backupToJson(doc: BackupDoc): string {
  const parts = [header(doc.exportedAt, doc.chainHeads)];
  BACKUP_TABLES.forEach((name, i) => {
    const rows = doc.tables[name] ?? [];
    parts.push(`${JSON.stringify(name)}:[\n`);
    rows.forEach((r, j) => parts.push(`${JSON.stringify(r)}${j < rows.length - 1 ? "," : ""}\n`));
    parts.push(i < BACKUP_TABLES.length - 1 ? "],\n" : "]\n");
  });
  parts.push("}}\n");
  return parts.join("");
}

/**
 * Writes the backup of a store as a stream of text chunks, from one read transaction, without
 * holding the store in memory (a ten-year store is bigger than the largest string V8 can make).
 */
export async function writeBackup(store: BillingStore, exportedAt: string, write: (chunk: string) => void | Promise<void>): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  await store.read(async (tx) => {
    await write(header(exportedAt, await readChainHeads(tx)));
    for (const [i, name] of BACKUP_TABLES.entries()) {
      await write(`${JSON.stringify(name)}:[\n`);
      let n = 0;
      await tx.tables.scan(
        name,
        async (rows) => {
          const text = rows.map((r) => `${n++ === 0 ? "" : ",\n"}${JSON.stringify(r)}`).join("");
          await write(text);
        },
        2000,
      );
      counts[name] = n;
      await write(`${n > 0 ? "\n" : ""}${i < BACKUP_TABLES.length - 1 ? "],\n" : "]\n"}`);
    }
    await write("}}\n");
  });
  return counts;
}

/** Parses and checks a whole backup document (schema 1 to 4); never throws. Rows are checked as imports check them. */
export function parseBackup(text: string, source = "backup"): Result<BackupDoc> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return fail(issue("backup.invalid", { detail: (e as Error).message }, { source }));
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return fail(issue("backup.invalid", { detail: "not a JSON object" }, { source }));
  const doc = data as Partial<BackupDoc>;
  const head = checkHeader(doc, source);
  if (!head.ok) return head;
  const version = head.value;
  if (typeof doc.tables !== "object" || doc.tables === null || Array.isArray(doc.tables)) return fail(issue("backup.invalid", { detail: "tables missing" }, { source }));
  const known: readonly string[] = version === 1 ? V1_TABLES : BACKUP_TABLES;
  const problems: Issue[] = [];
  for (const [name, rows] of Object.entries(doc.tables)) {
    if (!known.includes(name)) problems.push(issue("backup.invalid", { detail: `unknown table "${name}"` }, { source }));
    else if (!Array.isArray(rows) || rows.some((r) => typeof r !== "object" || r === null || Array.isArray(r))) problems.push(issue("backup.invalid", { detail: `table "${name}" must be an array of objects` }, { source }));
  }
  if (problems.length > 0) return { ok: false, issues: problems };
  const given = doc.tables as Record<string, unknown[]>;
  const tables = version === 1 ? (upgradeV1Tables(given) as Record<TableName, unknown[]>) : (Object.fromEntries(TABLE_NAMES.map((t) => [t, t === "billingState" ? [] : (given[t] ?? [])])) as Record<TableName, unknown[]>);
  const heads = chainHeadsOf(doc.chainHeads);
  if (heads === null) return fail(issue("backup.invalid", { detail: "chainHeads must hold auditLog and invoices, each with count and hash" }, { source }));
  const checker = new BackupChecker(source);
  for (const name of BACKUP_TABLES) tables[name].forEach((row, i) => checker.row(name, row as Record<string, unknown>, i + 1));
  const issues = checker.finish(heads);
  if (issues.length > 0) return { ok: false, issues };
  return ok({ format: BACKUP_FORMAT, schemaVersion: STORE_SCHEMA_VERSION, exportedAt: String(doc.exportedAt ?? ""), ...(version < STORE_SCHEMA_VERSION ? { fromSchemaVersion: version } : {}), ...(heads ? { chainHeads: heads } : {}), tables });
}

/** The header's chain heads: undefined when absent (older backups), null when malformed. */
function chainHeadsOf(v: unknown): ChainHeads | undefined | null {
  if (v === undefined) return undefined;
  const head = (h: unknown) => typeof h === "object" && h !== null && Number.isSafeInteger((h as { count?: unknown }).count) && typeof (h as { hash?: unknown }).hash === "string";
  const o = v as Partial<ChainHeads> | null;
  return typeof o === "object" && o !== null && head(o.auditLog) && head(o.invoices) ? (o as ChainHeads) : null;
}

function checkHeader(doc: Partial<BackupDoc>, source: string): Result<number> {
  if (doc.format !== BACKUP_FORMAT) return fail(issue("backup.invalid", { detail: `format must be "${BACKUP_FORMAT}"` }, { source }));
  const v = doc.schemaVersion;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) return fail(issue("backup.invalid", { detail: "schemaVersion must be a positive integer" }, { source }));
  if (v > STORE_SCHEMA_VERSION) return fail(issue("backup.version_too_new", { found: v, supported: STORE_SCHEMA_VERSION }, { source }));
  return ok(v);
}

/**
 * Replaces the whole store with a checked backup, inside the caller's write transaction: either every
 * table is restored or (on any failure) the store stays exactly as it was. A backup written before
 * schema 4 is brought to it ({@link upgradeRestored}); `at` dates the audit entries of that upgrade.
 * `keptAuditRows`: the store's audit log stays and only these rows are added (a restore never rolls
 * the log back, app/restore-guard.ts); without it the log is replaced by the backup's.
 */
export async function restoreBackup(tx: StoreTx, doc: BackupDoc, at: string = doc.exportedAt, keptAuditRows?: readonly unknown[]): Promise<MappingIdUpgrade | undefined> {
  for (const name of TABLE_NAMES) if (!(keptAuditRows && name === "auditLog")) await tx.tables.clear(name);
  for (const name of BACKUP_TABLES) {
    const rows = name === "auditLog" && keptAuditRows ? keptAuditRows : (doc.tables[name] ?? []);
    for (let i = 0; i < rows.length; i += 5000) await tx.tables.insert(name, rows.slice(i, i + 5000) as never);
  }
  return upgradeRestored(tx, doc.fromSchemaVersion ?? doc.schemaVersion, at);
}

/**
 * After the rows of a backup of schema `version` are in the store: the upgrades of the versions
 * after it that change data (schema 4: mapping ids in their normal form, upgrade-v4.ts). Returns
 * what the mapping upgrade changed (undefined when the backup was already of schema 4).
 */
export async function upgradeRestored(tx: StoreTx, version: number, at: string): Promise<MappingIdUpgrade | undefined> {
  if (version >= 4) return undefined;
  return upgradeMappingIds(tx, at, `backup:schema${version}`);
}

/** One step of reading a backup line by line. */
export type BackupPart = { kind: "header"; schemaVersion: number; exportedAt: string; chainHeads?: ChainHeads } | { kind: "rows"; table: TableName; rows: Record<string, unknown>[]; firstRow: number };

/**
 * Reads a schema-2 backup written one row per line (backupToJson, writeBackup) as a stream of row
 * batches, checking every row; returns null when the text is not in that layout (then parse it
 * whole with parseBackup). Errors name the line.
 */
export async function* readBackupLines(lines: AsyncIterable<string>, source: string, batchSize = 2000): AsyncGenerator<BackupPart, Issue[], void> {
  let lineNo = 0;
  let table: TableName | null = null;
  let batch: Record<string, unknown>[] = [];
  let firstRow = 1;
  let rowNo = 0;
  const checker = new BackupChecker(source);
  const bad = (detail: string): Issue[] => [issue("backup.invalid", { detail: `line ${lineNo}: ${detail}` }, { source, row: lineNo })];
  let done = false;
  let heads: ChainHeads | undefined;
  for await (const raw of lines) {
    lineNo++;
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (lineNo === 1) {
      let head: Partial<BackupDoc>;
      try {
        head = JSON.parse(`${line}}}`) as Partial<BackupDoc>;
      } catch {
        return bad("not a backup written one row per line");
      }
      const v = checkHeader(head, source);
      if (!v.ok) return v.issues;
      if (v.value < 2) return bad("a schema-1 backup must be read whole");
      const declared = chainHeadsOf(head.chainHeads);
      if (declared === null) return bad("chainHeads must hold auditLog and invoices, each with count and hash");
      heads = declared;
      yield { kind: "header", schemaVersion: v.value, exportedAt: String(head.exportedAt ?? ""), ...(heads ? { chainHeads: heads } : {}) };
      continue;
    }
    if (done) {
      if (line.trim() !== "") return bad("text after the end of the document");
      continue;
    }
    if (table === null) {
      if (line === "}}") {
        done = true;
        continue;
      }
      const m = /^"([A-Za-z]+)":\[$/.exec(line);
      if (!m || !(BACKUP_TABLES as string[]).includes(m[1]!)) return bad(`expected a table, found ${JSON.stringify(line.slice(0, 60))}`);
      table = m[1] as TableName;
      rowNo = 0;
      firstRow = 1;
      continue;
    }
    if (line === "]," || line === "]") {
      if (batch.length > 0) yield { kind: "rows", table, rows: batch, firstRow };
      batch = [];
      table = null;
      continue;
    }
    let row: unknown;
    try {
      row = JSON.parse(line.endsWith(",") ? line.slice(0, -1) : line);
    } catch (e) {
      return bad((e as Error).message);
    }
    if (typeof row !== "object" || row === null || Array.isArray(row)) return bad(`a row of "${table}" must be an object`);
    rowNo++;
    checker.row(table, row as Record<string, unknown>, rowNo);
    if (checker.failed()) return checker.finish(heads);
    batch.push(row as Record<string, unknown>);
    if (batch.length >= batchSize) {
      yield { kind: "rows", table, rows: batch, firstRow };
      firstRow = rowNo + 1;
      batch = [];
    }
  }
  if (!done) return bad("the document ends early");
  return checker.finish(heads);
}
