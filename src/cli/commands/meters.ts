import { importMeters } from "../../app/meters";
import { parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { readInputFiles } from "../read-input";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const metersImportCommand: Command = {
  name: "meters import",
  usage: "meters import --workspace W FILE [--json]",
  summary: "import meter readings of click contracts (device_id, customer_no, contract_no, reading_date, counter_bw, counter_color, optional final_reading); any error imports nothing",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    const workspace = required(args, "workspace");
    if (args.positionals.length !== 1) throw new UsageError("name exactly one meter-reading file");
    const files = readInputFiles(args.positionals);
    if (!files.ok) { reportIssues(io, files.issues); return 1; }
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await importMeters(ctx, files.value[0]!);
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`meters import: ${n} error(s); nothing was imported, the workspace is unchanged.\n`);
        return { code: 1, save: false };
      }
      const s = r.value;
      reportIssues(io, s.warnings);
      if (args.flags.has("json")) printJson(io, { ...s, warnings: s.warnings.length });
      else io.out(`meters import: ${files.value[0]!.name}: ${s.rows} readings, ${s.added} new, ${s.unchanged} unchanged\n` + (s.batchId ? `  batch ${s.batchId}\n` : "  nothing new to import\n"));
      return { code: 0, save: s.batchId !== null };
    });
  },
};
