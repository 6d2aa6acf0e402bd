import { applyReview } from "../../app/apply-review";
import { fileSha256 } from "../../app/context";
import { hasErrors } from "../../core/issues";
import { readReviewTable } from "../../io/reconcile/review-table";
import { isPriceProposal } from "../../io/purchase/proposal-table";
import { applyPriceProposal } from "./price-update";
import { parseArgs, required } from "../args";
import type { Command } from "../cli-io";
import { readInputFiles } from "../read-input";
import { readTableFile } from "../read-table-file";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const applyCommand: Command = {
  name: "apply",
  usage: "apply --workspace W --review REVIEW.csv|PROPOSAL.csv|.xlsx [--json]",
  summary: "apply the rows of a reconcile review or a price-update proposal whose action is accept, as edited (all or nothing)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "review"], ["json"]);
    const workspace = required(args, "workspace");
    const files = readInputFiles([required(args, "review")]);
    if (!files.ok) { reportIssues(io, files.issues); return 1; }
    const file = files.value[0]!;
    const { table, issues: readIssues } = await readTableFile(file);
    // A price-update proposal (PRODUCT.md §8 `price-update`) is recognised by its header.
    if (isPriceProposal(table)) return applyPriceProposal(workspace, file, table, readIssues, io, args.flags.has("json"));
    const { decisions, issues } = readReviewTable(table);
    const all = [...readIssues, ...issues];
    if (hasErrors(all)) {
      const n = reportIssues(io, all);
      io.err(`apply: ${n} error(s) in ${file.name}; nothing was applied.\n`);
      return 1;
    }
    const sha256 = await fileSha256(file);
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await applyReview(ctx, decisions, { name: file.name, sha256 });
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`apply: ${n} error(s); nothing was applied, the workspace is unchanged.\n`);
        return { code: 1, save: false };
      }
      const s = r.value;
      if (args.flags.has("json")) printJson(io, s);
      else io.out(`apply: ${s.versions} new contract versions, ${s.mappings} mappings, ${s.unchanged} already applied, ${s.skipped} skipped${s.batchId ? ` (batch ${s.batchId}; undo with: undo --batch ${s.batchId})` : ""}\n`);
      return { code: 0, save: s.batchId !== null };
    });
  },
};
