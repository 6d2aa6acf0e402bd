import { deleteExportProfile } from "../../app/export-profile-delete";
import { parseArgs, required } from "../args";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

/** `export-profile delete`: removes one saved custom CSV export profile (the admin's, as saving one). */
export const exportProfileDeleteCommand: Command = {
  name: "export-profile delete",
  usage: "export-profile delete --workspace W --id ID [--json]",
  summary: "delete one saved custom CSV export profile (billing runs and files already written stay as they are)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "id"], ["json"]);
    const workspace = required(args, "workspace");
    const id = required(args, "id");
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await deleteExportProfile(ctx, id);
      if (!r.ok) {
        reportIssues(io, r.issues);
        io.err("export-profile delete: nothing was deleted.\n");
        return { code: 1, save: false };
      }
      if (args.flags.has("json")) printJson(io, { deleted: r.value });
      else io.out(`export-profile delete: deleted ${r.value.id} (${r.value.name})\n`);
      return { code: 0, save: true };
    });
  },
};
