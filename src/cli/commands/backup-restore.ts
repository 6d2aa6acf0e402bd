import { fileSha256 } from "../../app/context";
import { restoreStore } from "../../app/restore";
import { backupToJson, exportBackup, parseBackup } from "../../store/backup";
import { UsageError, parseArgs, required } from "../args";
import { readInputFiles } from "../read-input";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { openWorkspace, writeFileAtomic } from "../workspace";
import { withWorkspace } from "../with-workspace";

export const backupCommand: Command = {
  name: "backup",
  usage: "backup --workspace W --out BACKUP.json",
  summary: "write the whole store as one JSON backup",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "out"], ["json"]);
    const opened = await openWorkspace(required(args, "workspace"));
    if (!opened.ok) { reportIssues(io, opened.issues); return 1; }
    const doc = await exportBackup(opened.value, io.now());
    opened.value.close();
    const out = required(args, "out");
    writeFileAtomic(out, backupToJson(doc));
    const counts = Object.fromEntries(Object.entries(doc.tables).map(([k, v]) => [k, v.length]));
    if (args.flags.has("json")) printJson(io, { out, counts });
    else io.out(`backup: ${out} (${Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", ") || "empty store"})\n`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: "restore",
  usage: "restore --workspace W BACKUP.json",
  summary: "replace the whole store with a JSON backup (checked first; all or nothing)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    const workspace = required(args, "workspace");
    if (args.positionals.length !== 1) throw new UsageError("name exactly one backup file");
    const path = args.positionals[0]!;
    const input = readInputFiles([path]);
    if (!input.ok) {
      reportIssues(io, input.issues);
      return 1;
    }
    // the bytes as read name the file in the audit log (its SHA-256)
    const file = input.value[0]!;
    const doc = parseBackup(new TextDecoder().decode(file.bytes), path);
    if (!doc.ok) { reportIssues(io, doc.issues); return 1; }
    const sha256 = await fileSha256(file);
    return withWorkspace(workspace, io, async (ctx) => {
      await restoreStore(ctx, doc.value, { name: file.name, sha256 });
      if (args.flags.has("json")) printJson(io, { restored: path, sha256 });
      else io.out(`restore: ${path} → ${workspace}\n`);
      return { code: 0, save: true };
    });
  },
};
