import { undoBatch } from "../../app/undo-batch";
import { parseArgs, required } from "../args";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../with-workspace";

export const undoCommand: Command = {
  name: "undo",
  usage: "undo --workspace W --batch ID [--json]",
  summary: "undo an import or apply batch as a whole (refused when later work builds on it)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "batch"], ["json"]);
    const batch = required(args, "batch");
    return withWorkspace(required(args, "workspace"), io, async (ctx) => {
      const r = await undoBatch(ctx, batch);
      if (!r.ok) {
        reportIssues(io, r.issues);
        return { code: 1, save: false };
      }
      if (args.flags.has("json")) printJson(io, r.value);
      else io.out(`undo: batch ${batch} undone (${r.value.versionsRemoved} versions removed, ${r.value.rowsRestored} rows restored)\n`);
      return { code: 0, save: true };
    });
  },
};
