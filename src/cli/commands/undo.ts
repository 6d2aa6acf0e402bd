import { undoBatch } from "../../app/undo-batch";
import { undoRun } from "../../app/undo-run";
import { optional, parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const undoCommand: Command = {
  name: "undo",
  usage: "undo --workspace W (--batch ID | --run ID) [--json]",
  summary: "undo an import/apply batch as a whole, or the latest billing run (refused when later work builds on it)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "batch", "run"], ["json"]);
    const batch = optional(args, "batch");
    const run = optional(args, "run");
    if ((batch === undefined) === (run === undefined)) throw new UsageError("give either --batch ID or --run ID");
    return withWorkspace(required(args, "workspace"), io, async (ctx) => {
      const r = batch !== undefined ? await undoBatch(ctx, batch) : await undoRun(ctx, run!);
      if (!r.ok) {
        reportIssues(io, r.issues);
        return { code: 1, save: false };
      }
      if (args.flags.has("json")) printJson(io, r.value);
      else if ("batchId" in r.value) io.out(`undo: batch ${batch} undone (${r.value.versionsRemoved} versions removed, ${r.value.rowsRestored} rows restored)\n`);
      else io.out(`undo: run ${run} undone (${r.value.ledgerEntriesRemoved} ledger entries removed; invoices ${r.value.invoiceRefs.join(", ")} void)\n`);
      return { code: 0, save: true };
    });
  },
};
