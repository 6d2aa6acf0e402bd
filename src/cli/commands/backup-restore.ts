import { createHash } from "node:crypto";
import { closeSync, createReadStream, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { restoreEntry, restoreStore, tableCounts } from "../../app/restore";
import { type Issue } from "../../core/issues";
import { BACKUP_TABLES, parseBackup, readBackupLines, writeBackup } from "../../store/backup";
import { TABLE_NAMES } from "../../store/tables";
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
      try {
        if (!streamed) {
          const { readFileSync } = await import("node:fs");
          const doc = parseBackup(readFileSync(path).toString("utf8"), path);
          if (!doc.ok) throw new RefusedBackup(doc.issues);
          await restoreStore(ctx, doc.value, file);
        } else {
          await ctx.store.write(async (tx) => {
            const before = await tableCounts(tx);
            for (const t of TABLE_NAMES) await tx.tables.clear(t);
            const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
            const reader = readBackupLines(lines, path);
            let exportedAt = "";
            for (;;) {
              const step = await reader.next();
              if (step.done) {
                if (step.value.length > 0) throw new RefusedBackup(step.value);
                break;
              }
              const part = step.value;
              if (part.kind === "header") exportedAt = part.exportedAt;
              else await tx.tables.insert(part.table, part.rows as never);
            }
            const after = await tableCounts(tx);
            await tx.audit.append([restoreEntry(ctx, file, before, after, 2, exportedAt)]);
          });
        }
      } catch (e) {
        if (!(e instanceof RefusedBackup)) throw e;
        reportIssues(io, e.issues);
        io.err("restore: the backup was refused; the store is unchanged.\n");
        return { code: 1, save: false };
      }
      if (args.flags.has("json")) printJson(io, { restored: path, sha256, tables: BACKUP_TABLES.length });
      else io.out(`restore: ${path} → ${workspace}\n`);
      return { code: 0, save: true };
    });
  },
};
