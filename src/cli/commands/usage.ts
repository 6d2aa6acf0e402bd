import { fileSha256 } from "../../app/context";
import { loadUserProfiles } from "../../app/profiles";
import type { VendorFileRead } from "../../app/reconcile";
import { applyUsageDecisions, importUsage, reviewUsage, setUsageRules, storedUsageRules } from "../../app/usage";
import { USAGE_DECISION_DE, USAGE_DECISION_EN, readUsageReviewTable, usageReviewTableRows } from "../../io/usage/review-table";
import { readVendorFile } from "../../io/vendor/read-vendor-file";
import { allProfiles } from "../../io/vendor/profiles/registry";
import { optional, parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { readInputFiles, singleTextFile } from "../read-input";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";
import { monthReviewCommand } from "../month-review-command";
import { runReviewApproval } from "../review-approval";

export const usageImportCommand: Command = {
  name: "usage import",
  usage: "usage import --workspace W --file F [--file F2…] [--profile ID] [--json]",
  summary: "store the usage lines of vendor files (NCE Azure plan lines, daily rated usage, usage columns of user profiles) per customer, product and month; one undoable batch; all or nothing",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "file", "profile"], ["json"]);
    const workspace = required(args, "workspace");
    const paths = args.options.get("file") ?? [];
    if (paths.length === 0) throw new UsageError("--file is required");
    const files = readInputFiles(paths);
    if (!files.ok) { reportIssues(io, files.issues); return 1; }
    return withWorkspace(workspace, io, async (ctx) => {
      const { profiles, issues: profileIssues } = await loadUserProfiles(ctx);
      reportIssues(io, profileIssues);
      const reads: VendorFileRead[] = [];
      for (const f of files.value) {
        const result = await readVendorFile(f.bytes, { fileName: f.name, profiles: allProfiles(profiles), profileId: optional(args, "profile") });
        reads.push({ name: f.name, sha256: await fileSha256(f), result });
      }
      const r = await importUsage(ctx, reads);
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`usage import: ${n} error(s); nothing was imported.\n`);
        return { code: 1, save: false };
      }
      reportIssues(io, reads.flatMap((x) => x.result.issues));
      const s = r.value;
      if (args.flags.has("json")) printJson(io, s);
      else io.out(`usage import: ${s.lines} usage lines → ${s.records} records (${s.added} new, ${s.changed} changed, ${s.unchanged} unchanged), months ${s.months.join(", ")}${s.batchId ? `, batch ${s.batchId}` : ""}\n`);
      return { code: 0, save: s.batchId !== null };
    });
  },
};

export const usageRulesSetCommand: Command = {
  name: "usage rules",
  usage: "usage rules --workspace W [RULES.json] [--json]",
  summary: "with a file: set the usage pricing rules (cost_plus / list_price / fixed per customer or article; shape in README); without: print the stored rules as JSON",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    const workspace = required(args, "workspace");
    if (args.positionals.length === 0) {
      return withWorkspace(workspace, io, async (ctx) => {
        printJson(io, await storedUsageRules(ctx));
        return { code: 0, save: false };
      }, "read");
    }
    const input = singleTextFile(args.positionals, "usage rules JSON file");
    if (!input.ok) { reportIssues(io, input.issues); return 1; }
    const { file, text } = input.value;
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await setUsageRules(ctx, text, file);
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`usage rules: ${n} error(s); the rules were not changed.\n`);
        return { code: 1, save: false };
      }
      reportIssues(io, r.value.warnings);
      if (args.flags.has("json")) printJson(io, { customers: r.value.customers, articles: r.value.articles, warnings: r.value.warnings.length });
      else io.out(`usage rules: stored (${r.value.customers} customer rule(s), ${r.value.articles} article rule(s))\n`);
      return { code: 0, save: true };
    });
  },
};

export const usageReviewCommand = monthReviewCommand({
  name: "usage review",
  usage: "usage review --workspace W --period YYYY-MM [--out REVIEW.csv|.xlsx] [--json]",
  summary: "the open usage records up to the month, priced as `bill` would (rule, unit price, net, margin); CSV on stdout or --out; edit `decision` (approve/hold) and run `usage approve` (reads only)",
  sheet: "usage",
  async review(ctx, month, io) {
    const review = await reviewUsage(ctx, month);
    const t = review.totals;
    return {
      table: usageReviewTableRows(review.rows, io.lang, io.lang === "de" ? USAGE_DECISION_DE : USAGE_DECISION_EN),
      issues: [],
      totals: t,
      summary: `usage review ${month}: ${t.rows} open records (${t.charged} to bill, ${t.held} held, ${t.problems} with problems), ${t.net} net on ${t.cost} cost`,
    };
  },
});

export const usageApproveCommand: Command = {
  name: "usage approve",
  usage: "usage approve --workspace W REVIEW.csv|.xlsx [--json]",
  summary: "store each listed record's decision from an edited `usage review` file (approve/hold, freigeben/zurückhalten; read by header names; billed records cannot change; all or nothing)",
  run: (argv, io) =>
    runReviewApproval(argv, io, {
      name: "usage approve",
      read: readUsageReviewTable,
      apply: applyUsageDecisions,
      summary: (s) => ({ line: `${s.approved} approved, ${s.held} held, ${s.unchanged} unchanged`, changed: s.approved + s.held > 0 }),
    }),
};
