import type { InputFile } from "../../app/context";
import { fileSha256 } from "../../app/context";
import { applyPriceUpdate, proposePriceUpdate, type PurchaseSelection } from "../../app/price-update";
import { hasErrors, issue, type Issue } from "../../core/issues";
import { parseRounding, parseStrategy } from "../../core/purchase/price-strategy";
import { proposalTableRows, readProposalTable } from "../../io/purchase/proposal-table";
import { parseStrictDate } from "../../io/table/cell-reader";
import type { RawTable } from "../../io/table/raw-table";
import { toCsv } from "../../io/table/write-csv";
import { writeXlsxSheet } from "../../io/table/write-xlsx";
import { parseDecimalText } from "../../io/values";
import { optional, parseArgs, required, UsageError } from "../args";
import type { CliIo, Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const priceUpdateCommand: Command = {
  name: "price-update",
  usage:
    "price-update --workspace W (--purchase NO:POS [--purchase NO:POS…] | --article ART [--supplier S]) --new-cost X --from DATE " +
    "--strategy keep-margin|pass-through|fixed:PRICE|percent:P [--round cents|ending:0.90] --out PROPOSAL.csv|.xlsx [--json]",
  summary: "propose new prices for every sales position linked to a purchase position whose cost changes (reads only; apply with `apply --review`)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "purchase", "article", "supplier", "new-cost", "from", "strategy", "round", "out"], ["json"]);
    const workspace = required(args, "workspace");
    const out = required(args, "out");
    const refs = args.options.get("purchase") ?? [];
    const article = optional(args, "article");
    if ((refs.length > 0) === (article !== undefined)) throw new UsageError("give either --purchase NO:POS or --article ART");
    for (const r of refs) if (!/^.+:\d+$/.test(r)) throw new UsageError(`--purchase "${r}" is not NO:POS`);
    const strategyText = required(args, "strategy");
    const strategy = parseStrategy(strategyText);
    if (!strategy) throw new UsageError(`--strategy "${strategyText}" is not keep-margin, pass-through, fixed:PRICE or percent:P`);
    const roundText = optional(args, "round") ?? "cents";
    const rounding = parseRounding(roundText);
    if (!rounding) throw new UsageError(`--round "${roundText}" is not cents or ending:0.XX`);
    const issues: Issue[] = [];
    const costText = required(args, "new-cost");
    const newCost = parseDecimalText(costText);
    if (!newCost || newCost.isNegative()) issues.push(issue("parse.invalid_number", { value: costText }, { source: "--new-cost" }));
    const fromText = required(args, "from");
    const from = parseStrictDate(fromText);
    if (!from) issues.push(issue("parse.invalid_date", { value: fromText }, { source: "--from" }));
    if (issues.length > 0 || !newCost || !from) { reportIssues(io, issues); return 1; }
    const supplier = optional(args, "supplier");
    const selection: PurchaseSelection = article !== undefined ? { articleNo: article, ...(supplier !== undefined ? { supplier } : {}) } : { refs };
    return withWorkspace(workspace, io, async (ctx, outputs) => {
      const r = await proposePriceUpdate(ctx, { selection, newCost, from, strategy, rounding });
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`price-update: ${n} error(s); no proposal written.\n`);
        return { code: 1, save: false };
      }
      const p = r.value;
      reportIssues(io, p.warnings);
      const table = proposalTableRows(p.rows);
      outputs.add(out, /\.xlsx$/i.test(out) ? await writeXlsxSheet(`Preise ${from}`, table) : toCsv(table));
      const accept = p.rows.filter((row) => row.action === "accept").length;
      if (args.flags.has("json")) printJson(io, { out, purchase: p.refs, rows: p.rows.length, accept, skip: p.rows.length - accept });
      else io.out(`price-update ${p.refs.join(", ")} from ${from}: ${p.rows.length} sales positions (${accept} accept, ${p.rows.length - accept} skip) → ${out}\n`);
      return { code: 0, save: false };
    }, "read");
  },
};

/** `apply --review PROPOSAL`: applies a price-update proposal (recognised by its header, see apply.ts). */
export async function applyPriceProposal(workspace: string, file: InputFile, table: RawTable, readIssues: readonly Issue[], io: CliIo, json: boolean): Promise<number> {
  const { decisions, issues } = readProposalTable(table);
  const all = [...readIssues, ...issues];
  if (hasErrors(all)) {
    const n = reportIssues(io, all);
    io.err(`apply: ${n} error(s) in ${file.name}; nothing was applied.\n`);
    return 1;
  }
  const sha256 = await fileSha256(file);
  return withWorkspace(workspace, io, async (ctx) => {
    const r = await applyPriceUpdate(ctx, decisions, { name: file.name, sha256 });
    if (!r.ok) {
      const n = reportIssues(io, r.issues);
      io.err(`apply: ${n} error(s); nothing was applied, the workspace is unchanged.\n`);
      return { code: 1, save: false };
    }
    const s = r.value;
    if (json) printJson(io, s);
    else io.out(`apply: ${s.versions} new contract versions, ${s.purchaseVersions} new purchase versions, ${s.unchanged} already applied, ${s.skipped} skipped${s.batchId ? ` (batch ${s.batchId}; undo with: undo --batch ${s.batchId})` : ""}\n`);
    return { code: 0, save: s.batchId !== null };
  });
}
