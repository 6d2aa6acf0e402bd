import { closeSync, existsSync, mkdirSync, openSync, readSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { AppContext } from "../app/context";
import { restoreEntry, tableCounts } from "../app/restore";
import { dismissStoreNotices, pendingStoreNotices } from "../app/store-notices";
import { type Issue, Result, fail, issue, ok } from "../core/issues";
import { parseBackup, restoreBackup, BACKUP_TABLES } from "../store/backup";
import { openSqliteStore } from "../store/node/sqlite-store";
import { isDatabaseUrl } from "./team-store";
import { type BillingStore, StoreBusyError } from "../store/port";
import type { MappingRecord } from "../store/records";
import type { TableName } from "../store/tables";
import { type MappingIdUpgrade, normalMapping } from "../store/upgrade-v4";
import { writeFileAtomic } from "./atomic-write";
import type { CliIo } from "./cli-io";
import { unreadable } from "./read-input";
import { currentRemote } from "./remote-scope";
import { reportIssues } from "./report";

/** Files a command produces: written (atomically) only after its store transaction committed. */
export class OutputFiles {
  private readonly files: { path: string; content: string | Uint8Array }[] = [];
  add(path: string, content: string | Uint8Array): void {
    this.files.push({ path, content });
  }
  get entries(): { path: string; content: string | Uint8Array }[] {
    return [...this.files];
  }
  get paths(): string[] {
    return this.files.map((f) => f.path);
  }
  /** The files' paths that name the store itself (or its -wal/-shm side files). */
  clashes(storePath: string): string[] {
    const store = canonical(storePath);
    const own = new Set([store, `${store}-wal`, `${store}-shm`, `${store}.writer`]);
    return this.files.map((f) => f.path).filter((p) => own.has(canonical(p)));
  }
  writeAll(): void {
    for (const f of this.files) {
      mkdirSync(dirname(resolve(f.path)), { recursive: true });
      removeStaleTemps(f.path);
      writeFileAtomic(f.path, f.content);
    }
  }
}

/**
 * Temp files a killed process left beside an output file (`.<name>.<pid>.<time>.tmp`, see
 * atomic-write.ts): removed when their process is gone, so crashes do not pile up half files.
 */
function removeStaleTemps(path: string): void {
  const dir = dirname(resolve(path));
  const name = basename(path);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const m = /^\.(.+)\.(\d+)\.\d+\.tmp$/.exec(e);
    if (!m || m[1] !== name || Number(m[2]) === process.pid) continue;
    try {
      process.kill(Number(m[2]), 0);
    } catch {
      rmSync(join(dir, e), { force: true });
    }
  }
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return resolve(realpathSync(dirname(path)), path.split(/[\\/]/).pop()!);
    } catch {
      return resolve(path);
    }
  }
}

/** Thrown inside a command's transaction to roll it back (the command failed; nothing is kept). */
class Rollback extends Error {
  constructor(readonly code: number) {
    super("rollback");
  }
}

/** What a command body returns: its exit code and whether its writes are kept (`save`). */
export interface CommandOutcome {
  code: number;
  save: boolean;
}

/**
 * Runs a command against the workspace store (an SQLite database file; a JSON workspace of an
 * earlier version is converted first, see migrateJsonWorkspace). A writing command runs in ONE
 * write transaction: every use case it calls joins it, and when the body fails (`code ≠ 0`) or
 * does not ask to save, everything is rolled back. Output files the body queued are written only
 * after the commit, atomically; none is written when the command fails, and none may name the store.
 */
export async function withWorkspace(
  path: string,
  io: CliIo,
  body: (ctx: AppContext, out: OutputFiles) => Promise<CommandOutcome>,
  mode: "read" | "write" = "write",
): Promise<number> {
  const remote = currentRemote();
  const opened = remote ? ok(remote.store) : await openWorkspaceStore(path, io);
  if (!opened.ok) {
    reportIssues(io, opened.issues);
    return 1;
  }
  const store = opened.value;
  const out = new OutputFiles();
  try {
    const ctx: AppContext = { store, now: io.now };
    let code: number;
    try {
      // An upgrade at open may have merged mappings: say so until a writing command has run.
      const notices = remote ? [] : await pendingStoreNotices(ctx);
      reportIssues(io, notices);
      code =
        mode === "read"
          ? (await store.read(async () => body(ctx, out))).code
          : await store.write(async () => {
              const r = await body(ctx, out);
              if (r.code !== 0 || !r.save) throw new Rollback(r.code);
              if (notices.length > 0) await dismissStoreNotices(ctx);
              return r.code;
            });
    } catch (e) {
      if (e instanceof Rollback) code = e.code;
      else if (e instanceof StoreBusyError) {
        reportIssues(io, [busyIssue(e)]);
        return 1;
      } else throw e;
    }
    if (code !== 0) return code;
    if (remote) {
      // A --server client writes them, on its own machine, after this commit.
      remote.outputs.push(...out.entries);
      return code;
    }
    const clash = isDatabaseUrl(path) ? [] : out.clashes(path);
    if (clash.length > 0) {
      reportIssues(io, clash.map((file) => issue("store.out_is_store", { file }, { source: file })));
      return 1;
    }
    out.writeAll();
    return code;
  } finally {
    // The server's store outlives the command.
    if (!remote) await store.close();
  }
}

function busyIssue(e: StoreBusyError): Issue {
  return issue("store.busy", { store: e.location, holder: e.holder ? ` (${e.holder})` : "" }, { source: e.location });
}

/** True when the file starts like a JSON document (a workspace of schema 1). */
function isJsonFile(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    const head = buf.subarray(0, n).toString("utf8").replace(/^\uFEFF/, "").trimStart();
    return head.startsWith("{");
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens the workspace store, creating an empty one when the file is missing and converting a JSON
 * workspace (schema 1) in place on first open: the database replaces the file under the same name,
 * and the JSON is kept beside it as `<file>.v1.json`.
 */
export async function openWorkspaceStore(path: string, io: CliIo): Promise<Result<BillingStore>> {
  try {
    // pg loads only for a team store: most CLI calls work on an SQLite file.
    if (isDatabaseUrl(path)) return ok(await (await import("../store/node/postgres-store")).openPostgresStore(path));
    if (existsSync(path) && isJsonFile(path)) {
      const kept = keptName(path);
      const migrated = await migrateJsonWorkspace(path, `${path}.migrating-${process.pid}`, io.now());
      if (!migrated.ok) return migrated;
      renameSync(path, kept);
      renameSync(`${path}.migrating-${process.pid}`, path);
      io.err(`note: workspace ${path} (JSON) was converted to a database: ${migrated.value.rows} rows verified row for row; the old JSON is kept as ${kept}\n`);
    }
    const wait = Number(process.env.MSP_STORE_WAIT_MS);
    return ok(await openSqliteStore(path, { holder: `msp-billing ${process.argv.slice(2).join(" ")}`, ...(Number.isFinite(wait) && wait >= 0 ? { waitMs: wait } : {}) }));
  } catch (e) {
    if (e instanceof StoreBusyError) return fail(busyIssue(e));
    const shown = isDatabaseUrl(path) ? (await import("../store/node/postgres-store")).redact(path) : path;
    return fail(issue("store.open_failed", { store: shown, detail: (e as Error).message }, { source: shown }));
  }
}

function keptName(path: string): string {
  let name = `${path}.v1.json`;
  for (let i = 2; existsSync(name); i++) name = `${path}.v1-${i}.json`;
  return name;
}

/**
 * Converts a JSON workspace (the backup document of schema 1 or 2) into a new SQLite store at `to`,
 * in one transaction, and verifies it row for row against the document before reporting success;
 * on any difference the new file is removed and nothing changes.
 */
export async function migrateJsonWorkspace(from: string, to: string, now: string): Promise<Result<{ rows: number; tables: Record<TableName, number> }>> {
  let text: string;
  try {
    text = readFileSync(from).toString("utf8");
  } catch (e) {
    return fail(unreadable(from, e));
  }
  const doc = parseBackup(text, from);
  if (!doc.ok) return doc;
  rmSync(to, { force: true });
  const store = await openSqliteStore(to);
  try {
    const ctx: AppContext = { store, now: () => now };
    let upgrade: MappingIdUpgrade | undefined;
    await store.write(async (tx) => {
      upgrade = await restoreBackup(tx, doc.value, now);
      // The conversion is in the audit log like a restore (its source: the JSON's name).
      const counts = await tableCounts(tx);
      await tx.audit.append([{ ...restoreEntry(ctx, { name: from, sha256: "-" }, counts, counts, doc.value.schemaVersion, doc.value.exportedAt), kind: "store.migrate" }]);
    });
    const problems: Issue[] = [];
    let rows = 0;
    const tables = {} as Record<TableName, number>;
    await store.read(async (tx) => {
      for (const t of BACKUP_TABLES) {
        const expected = new Map<string, string>();
        for (const r of t === "mappings" ? upgradedMappings(doc.value.tables.mappings as MappingRecord[], upgrade) : doc.value.tables[t]) expected.set(JSON.stringify(keyOf(t, r)), canonicalJson(r));
        let seen = 0;
        await tx.tables.scan(t, (batch) => {
          for (const r of batch) {
            const want = expected.get(JSON.stringify(keyOf(t, r)));
            if (t === "auditLog" && want === undefined && UPGRADE_KINDS.includes(String((r as { kind?: string }).kind))) continue;
            seen++;
            if (want !== canonicalJson(r) && problems.length < 20) problems.push(issue("backup.row_invalid", { table: t, row: seen, field: "*", detail: "differs after conversion" }, { source: from }));
          }
        });
        if (seen !== expected.size) problems.push(issue("backup.row_invalid", { table: t, row: "-", field: "*", detail: `${seen} rows stored, ${expected.size} in the workspace` }, { source: from }));
        tables[t] = seen;
        rows += seen;
      }
    });
    if (problems.length > 0) {
      await store.close();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${to}${suffix}`, { force: true });
      return { ok: false, issues: problems };
    }
    return ok({ rows, tables });
  } finally {
    await store.close().catch(() => undefined);
  }
}

/** Audit entries the conversion itself appends (not in the workspace). */
const UPGRADE_KINDS = ["store.migrate", "mapping.normalize", "mapping.id_collision"];

/** The workspace's mappings as the schema-4 upgrade leaves them (what the converted store must hold). */
function upgradedMappings(rows: MappingRecord[], upgrade: MappingIdUpgrade | undefined): MappingRecord[] {
  if (!upgrade) return rows;
  const gone = new Set([...upgrade.renamed.map((r) => r.from), ...upgrade.collisions.flatMap((c) => [c.keptWas, ...c.dropped].map((m) => m.id))]);
  const renamed = new Set(upgrade.renamed.map((r) => r.from));
  return [...rows.filter((r) => !gone.has(r.id)), ...rows.filter((r) => renamed.has(r.id)).map(normalMapping), ...upgrade.collisions.map((c) => c.kept)];
}

function keyOf(table: TableName, row: unknown): unknown {
  const r = row as Record<string, unknown>;
  if (table === "usageMarks") return `${String(r.contractNo)}/${String(r.month)}`;
  if (table === "auditLog") return r.seq;
  if (table === "counters") return r.name;
  if (table === "settings") return r.key;
  if (table === "invoices") return r.invoiceRef;
  if (table === "customers" || table === "articles" || table === "contracts") return r.no;
  return r.id;
}

/** JSON with sorted keys and without undefined fields, for comparing rows. */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
  return v;
}
