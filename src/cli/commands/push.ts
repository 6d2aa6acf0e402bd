import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
import { basename } from "node:path";
import { restoreEntry, tableCounts } from "../../app/restore";
import { RestoreGuard } from "../../app/restore-guard";
import { issue } from "../../core/issues";
import { type BackupDoc, parseBackup, restoreBackup, writeBackup } from "../../store/backup";
import { openPostgresStore, redact } from "../../store/node/postgres-store";
import { openSqliteStore } from "../../store/node/sqlite-store";
import type { AuditRecord } from "../../store/records";
import { optional, parseArgs, required, UsageError } from "../args";
import type { CliIo, Command } from "../cli-io";
import { printJson, reportIssues } from "../report";

/** Audit entries a fresh team store may hold before its data arrives: creating its users. */
const isUserAdmin = (e: AuditRecord) => e.kind.startsWith("server.user.");

function startsWithBrace(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString("utf8").replace(/^\uFEFF/, "").trimStart().startsWith("{");
  } finally {
    closeSync(fd);
  }
}

/** The source as a checked backup document: a JSON backup as it is, a workspace database exported read-only. */
async function readSource(path: string, now: string): Promise<ReturnType<typeof parseBackup>> {
  if (startsWithBrace(path)) return parseBackup(readFileSync(path).toString("utf8"), path);
  const store = await openSqliteStore(path);
  try {
    // Exported and parsed again so a workspace passes the same row checks as a backup file.
    const parts: string[] = [];
    await writeBackup(store, now, (chunk) => void parts.push(chunk));
    return parseBackup(parts.join(""), path);
  } finally {
    await store.close();
  }
}

/**
 * `push`: moves a single-user store (an SQLite workspace) or a JSON backup into the team store on
 * PostgreSQL, in one transaction. The team store must be empty — apart from the audit entries of
 * `user add`, so the first admin can be created before the data arrives — unless `--replace` is
 * given, which replaces all billing data (like `restore`; the server's users and their audit entries
 * stay). The pushed audit log is taken over as it is;
 * the kept `user add` entries and one `store.push` entry follow it.
 */
export const pushCommand: Command = {
  name: "push",
  usage: "push --from WORKSPACE.db|BACKUP.json --database postgres://… [--replace] [--json]",
  summary: "move a single-user store or a backup into the (empty) team store on PostgreSQL; --replace overwrites a store holding data",
  async run(argv, io: CliIo) {
    const args = parseArgs(argv, ["from", "database"], ["replace", "json"]);
    const from = required(args, "from");
    const database = optional(args, "database") ?? process.env.MSP_BILLING_DATABASE;
    if (!database) throw new UsageError("name the team store with --database postgres://… (pushing through --server is not built yet)");
    if (!existsSync(from)) {
      reportIssues(io, [issue("push.source_missing", { file: from }, { source: from })]);
      return 1;
    }
    const doc = await readSource(from, io.now());
    if (!doc.ok) {
      reportIssues(io, doc.issues);
      return 1;
    }
    const sha256 = createHash("sha256").update(readFileSync(from)).digest("hex");
    const store = await openPostgresStore(database);
    try {
      const result = await store.as("cli").write(async (tx) => {
        const before = await tableCounts(tx);
        const audit = before.auditLog > 0 ? await tx.audit.recent(before.auditLog) : [];
        const kept = audit.filter(isUserAdmin);
        const rows = Object.values(before).reduce((a, b) => a + b, 0) - kept.length;
        if (rows > 0 && !args.flags.has("replace")) return { refused: rows } as const;
        // --replace never drops the team store's issued invoices (GoBD; see app/restore-guard.ts)
        const guard = await RestoreGuard.read(tx);
        guard.invoiceRows(doc.value.tables.invoices ?? []);
        const lost = guard.finish().filter((i) => i.code !== "restore.audit_diverges");
        if (lost.length > 0) return { lost } as const;
        await restoreBackup(tx, doc.value as BackupDoc);
        const after = await tableCounts(tx);
        const keptEntries = kept.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).map(({ seq: _seq, ...e }) => e);
        await tx.audit.append([...keptEntries, { ...restoreEntry({ store, now: io.now }, { name: basename(from), sha256 }, before, after, doc.value.schemaVersion, doc.value.exportedAt), kind: "store.push" }]);
        return { after } as const;
      });
      if ("lost" in result && result.lost) {
        reportIssues(io, result.lost);
        return 1;
      }
      if ("refused" in result) {
        reportIssues(io, [issue("push.target_not_empty", { store: redact(database), rows: String(result.refused) }, { source: redact(database) })]);
        return 1;
      }
      const counts = result.after;
      if (args.flags.has("json")) printJson(io, { from, database: redact(database), sha256, counts });
      else io.out(`push: ${from} → ${redact(database)} (${Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", ") || "empty"})\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
