import { sha256Hex } from "../../app/context";
import { applyTimeDecisions, reviewTimeEntries } from "../../app/time-review";
import { parseIsoMonth } from "../../core/date/iso-month";
import { hasErrors, issue } from "../../core/issues";
import { toCsv } from "../../io/table/write-csv";
import { writeXlsxSheet } from "../../io/table/write-xlsx";
import { readTimeReviewTable, timeReviewTableRows } from "../../io/time/review-table";
import { optional, parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { readInputFiles } from "../read-input";
import { readTableFile } from "../read-table-file";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const timeReviewCommand: Command = {
  name: "time review",
  usage: "time review --workspace W --month YYYY-MM [--out REVIEW.csv|.xlsx] [--json]",
  summary: "the open time entries up to the month's end, rated as `bill` would (units, pools, rate, surcharges, amount per entry); CSV on stdout or --out; edit `billable` and run `time approve` (reads only)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "month", "out"], ["json"]);
    const workspace = required(args, "workspace");
    const monthText = required(args, "month");
    const out = optional(args, "out");
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const month = parseIsoMonth(monthText);
    if (!month) {
      reportIssues(io, [issue("parse.invalid_month", { value: monthText }, { source: "--month" })]);
      return 1;
    }
    return withWorkspace(workspace, io, async (ctx, outputs) => {
      const review = await reviewTimeEntries(ctx, month);
      reportIssues(io, review.issues);
      const table = timeReviewTableRows(review.rows, io.lang);
      const t = review.totals;
      if (out === undefined) io.out(toCsv(table));
      else {
        outputs.add(out, /\.xlsx$/i.test(out) ? await writeXlsxSheet(`Zeiten ${month}`, table) : toCsv(table));
        if (args.flags.has("json")) printJson(io, { out, month, ...t });
        else io.out(`time review ${month}: ${t.rows} open entries (${t.billable} billable, ${t.notBillable} not billable, ${t.problems} with problems), ${t.net} net → ${out}\n`);
      }
      return { code: 0, save: false };
    }, "read");
  },
};

export const timeApproveCommand: Command = {
  name: "time approve",
  usage: "time approve --workspace W REVIEW.csv|.xlsx [--json]",
  summary: "set each listed entry's billable flag from an edited `time review` file (yes/no, ja/nein; read by header names; entries already billed cannot change; all or nothing)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    const workspace = required(args, "workspace");
    if (args.positionals.length !== 1) throw new UsageError("name exactly one review file");
    const files = readInputFiles(args.positionals);
    if (!files.ok) {
      reportIssues(io, files.issues);
      return 1;
    }
    const file = files.value[0]!;
    const { table, issues: readIssues } = await readTableFile(file);
    const { decisions, issues } = readTimeReviewTable(table);
    const all = [...readIssues, ...issues];
    if (hasErrors(all)) {
      const n = reportIssues(io, all);
      io.err(`time approve: ${n} error(s) in ${file.name}; nothing was changed.\n`);
      return 1;
    }
    const sha256 = await sha256Hex(file.bytes);
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await applyTimeDecisions(ctx, decisions, { name: file.name, sha256 });
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`time approve: ${n} error(s); nothing was changed, the workspace is unchanged.\n`);
        return { code: 1, save: false };
      }
      const s = r.value;
      if (args.flags.has("json")) printJson(io, s);
      else io.out(`time approve: ${s.approved} switched to billable, ${s.withdrawn} to not billable, ${s.unchanged} unchanged\n`);
      return { code: 0, save: s.approved + s.withdrawn > 0 };
    });
  },
};
