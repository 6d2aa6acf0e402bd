import { importMaster } from "../../app/import-master";
import { parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { readInputFiles } from "../read-input";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const importMasterCommand: Command = {
  name: "import-master",
  usage: "import-master --workspace W FILE… [--dry-run] [--json]",
  summary: "import contracts, articles and mappings CSV (recognised by header); any error imports nothing; --dry-run shows what would change (corrections old → new) and writes nothing",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json", "dry-run"]);
    const workspace = required(args, "workspace");
    if (args.positionals.length === 0) throw new UsageError("name at least one CSV file");
    const files = readInputFiles(args.positionals);
    if (!files.ok) { reportIssues(io, files.issues); return 1; }
    return withWorkspace(workspace, io, async (ctx) => {
      const dryRun = args.flags.has("dry-run");
      const result = await importMaster(ctx, files.value, { dryRun });
      if (!result.ok) {
        const n = reportIssues(io, result.issues);
        io.err(`import-master: ${n} error(s); nothing was imported, the workspace is unchanged.\n`);
        return { code: 1, save: false };
      }
      const s = result.value;
      // the warnings, then each correction as a note with its old → new value
      reportIssues(io, s.warnings);
      const changed = s.customers + s.articles + s.contracts + s.versions + s.mappings > 0;
      if (args.flags.has("json")) printJson(io, { ...s, warnings: s.warnings.length });
      else
        io.out(
          `import-master${dryRun ? " (dry run)" : ""}: ${s.files.map((f) => `${f.name} (${f.kind})`).join(", ")}\n` +
            `  ${dryRun ? "would write" : "new or changed"}: ${s.customers} customers, ${s.articles} articles, ${s.contracts} contracts, ${s.versions} position versions (${s.corrections} corrections), ${s.mappings} mappings; ${s.unchangedRows} rows unchanged\n` +
            (s.batchId ? `  batch ${s.batchId}\n` : !changed ? "  nothing new to import\n" : "  nothing was written (dry run)\n"),
        );
      return { code: 0, save: s.batchId !== null };
    });
  },
};
