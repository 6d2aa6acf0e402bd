import { createHash } from "node:crypto";
import { closeSync, createReadStream, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { restoreEntry, restoreStore, tableCounts } from "../../app/restore";
import { RestoreGuard } from "../../app/restore-guard";
import { type Issue } from "../../core/issues";
import { BACKUP_TABLES, parseBackup, readBackupLines, upgradeRestored, writeBackup } from "../../store/backup";
import { TABLE_NAMES } from "../../store/tables";
import { type MappingIdUpgrade, mappingIdIssues } from "../../store/upgrade-v4";
import { UsageError, parseArgs, required } from "../args";
import type { CliIo, Command } from "../cli-io";
import { currentRemote } from "../remote-scope";
import { unreadable } from "../read-input";
import { printJson, reportIssues } from "../report";
import { OutputFiles, withWorkspace } from "../store";

export const backupCommand: Command = {
  name: "backup",
  usage: "backup --workspace W --out BACKUP.json",
  summary: "write the whole store as one JSON backup (streamed: any size)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "out"], ["json"]);
    const workspace = required(args, "workspace");
    const out = required(args, "out");
    const probe = new OutputFiles();
    probe.add(out, "");
    if (probe.clashes(workspace).length > 0) {
      reportIssues(io, [{ code: "store.out_is_store", severity: "error", params: { file: out }, where: { source: out } }]);
      return 1;
    }
    return withWorkspace(workspace, io, async (ctx, outputs) => {
      if (currentRemote()) {
        // On the team server: the backup goes to the --server client, which writes it.
        const parts: string[] = [];
        const counts = await writeBackup(ctx.store, io.now(), (chunk) => void parts.push(chunk));
        outputs.add(out, parts.join(""));
        reportBackup(io, out, counts, args.flags.has("json"));
        return { code: 0, save: false };
      }
      // Streamed into a temp file beside the target, renamed when complete: never half a backup.
      const tmp = join(dirname(out) || ".", `.${basename(out)}.${process.pid}.tmp`);
      const fd = openSync(tmp, "w");
      let counts: Record<string, number>;
      try {
        counts = await writeBackup(ctx.store, io.now(), (chunk) => void writeSync(fd, chunk));
        fsyncSync(fd);
        closeSync(fd);
        renameSync(tmp, out);
      } catch (e) {
        try {
          closeSync(fd);
        } catch {
          // closed already
        }
        unlinkSync(tmp);
        throw e;
      }
      reportBackup(io, out, counts, args.flags.has("json"));
      return { code: 0, save: false };
    }, "read");
  },
};

function reportBackup(io: CliIo, out: string, counts: Record<string, number>, json: boolean): void {
  if (json) printJson(io, { out, counts });
  else io.out(`backup: ${out} (${Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", ") || "empty store"})\n`);
}

/** Thrown to roll a streamed restore back when a row of the backup is refused. */
class RefusedBackup extends Error {
  constructor(readonly issues: Issue[]) {
    super("backup refused");
  }
}

export const restoreCommand: Command = {
  name: "restore",
  usage: "restore --workspace W BACKUP.json",
  summary: "replace the whole store with a JSON backup (every row checked as an import would; all or nothing)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    const workspace = required(args, "workspace");
    if (args.positionals.length !== 1) throw new UsageError("name exactly one backup file");
    const path = args.positionals[0]!;
    const hash = createHash("sha256");
    let firstLine: string | undefined;
    try {
      for await (const chunk of createReadStream(path)) {
        hash.update(chunk as Buffer);
        firstLine ??= (chunk as Buffer).subarray(0, 4096).toString("utf8").split("\n")[0];
      }
    } catch (e) {
      reportIssues(io, [unreadable(path, e)]);
      return 1;
    }
    const sha256 = hash.digest("hex");
    const file = { name: basename(path), sha256 };
    // A backup written one row per line is streamed into the store; an older (pretty-printed) one is read whole.
    const streamed = firstLine !== undefined && /^\uFEFF?\{"format":"msp-billing-backup","schemaVersion":[2-9],.*"tables":\{$/.test(firstLine);
    return withWorkspace(workspace, io, async (ctx) => {
      let upgrade: MappingIdUpgrade | undefined;
      try {
        if (!streamed) {
          const { readFileSync } = await import("node:fs");
          const doc = parseBackup(readFileSync(path).toString("utf8"), path);
          if (!doc.ok) throw new RefusedBackup(doc.issues);
          const restored = await restoreStore(ctx, doc.value, file);
          if (!restored.ok) throw new RefusedBackup(restored.issues);
          upgrade = restored.value.mappingIds;
        } else {
          await ctx.store.write(async (tx) => {
            // What the restore must not lose is read before anything is replaced; the audit log stays (RestoreGuard).
            const guard = await RestoreGuard.read(tx);
            const before = await tableCounts(tx);
            for (const t of TABLE_NAMES) if (t !== "auditLog") await tx.tables.clear(t);
            const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
            const reader = readBackupLines(lines, path);
            let exportedAt = "";
            let version = 2;
            for (;;) {
              const step = await reader.next();
              if (step.done) {
                if (step.value.length > 0) throw new RefusedBackup(step.value);
                break;
              }
              const part = step.value;
              if (part.kind === "header") ({ exportedAt, schemaVersion: version } = part);
              else if (part.table === "auditLog") await tx.tables.insert("auditLog", guard.auditRows(part.rows) as never);
              else {
                if (part.table === "invoices") guard.invoiceRows(part.rows);
                await tx.tables.insert(part.table, part.rows as never);
              }
            }
            const refused = guard.finish();
            if (refused.length > 0) throw new RefusedBackup(refused);
            upgrade = await upgradeRestored(tx, version, ctx.now());
            const after = await tableCounts(tx);
            await tx.audit.append([restoreEntry(ctx, file, before, after, version, exportedAt, guard.auditKept)]);
          });
        }
      } catch (e) {
        if (!(e instanceof RefusedBackup)) throw e;
        reportIssues(io, e.issues);
        io.err("restore: the backup was refused; the store is unchanged.\n");
        return { code: 1, save: false };
      }
      // A backup older than schema 4: its mappings were brought to the normal form; collisions need a look.
      const notes = mappingIdIssues(upgrade, path);
      if (notes.length > 0) reportIssues(io, notes);
      if (args.flags.has("json")) printJson(io, { restored: path, sha256, tables: BACKUP_TABLES.length, ...(upgrade ? { mappingIds: upgrade } : {}) });
      else io.out(`restore: ${path} → ${workspace}\n`);
      return { code: 0, save: true };
    });
  },
};
