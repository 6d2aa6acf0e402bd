import { importPurchase } from "../../app/purchase";
import { parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { readInputFiles } from "../read-input";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const purchaseImportCommand: Command = {
  name: "purchase import",
  usage: "purchase import --workspace W FILE [--json]",
  summary: "import purchase contracts (supplier, positions with cost per month, object) with the merge rules of import-master",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    const workspace = required(args, "workspace");
    if (args.positionals.length !== 1) throw new UsageError("name exactly one purchase contracts CSV file");
    const files = readInputFiles(args.positionals);
    if (!files.ok) { reportIssues(io, files.issues); return 1; }
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await importPurchase(ctx, files.value[0]!);
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`purchase import: ${n} error(s); nothing was imported, the workspace is unchanged.\n`);
        return { code: 1, save: false };
      }
      const s = r.value;
      // the warnings, then each correction as a note with its old → new value
      reportIssues(io, s.warnings);
      if (args.flags.has("json")) printJson(io, { ...s, warnings: s.warnings.length });
      else io.out(`purchase import: ${s.contracts} new or changed purchase contracts, ${s.versions} position versions (${s.corrections} corrections); ${s.unchangedRows} rows unchanged${s.batchId ? ` (batch ${s.batchId})` : "; nothing new to import"}\n`);
      return { code: 0, save: s.batchId !== null };
    });
  },
};
