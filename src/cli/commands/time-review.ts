import { applyTimeDecisions, reviewTimeEntries } from "../../app/time-review";
import { parseIsoMonth } from "../../core/date/iso-month";
import { issue } from "../../core/issues";
import { toCsv } from "../../io/table/write-csv";
import { writeXlsxSheet } from "../../io/table/write-xlsx";
import { monthSheetName } from "../../io/table/sheet-names";
import { readTimeReviewTable, timeReviewTableRows } from "../../io/time/review-table";
import { optional, parseArgs, required, requiredPeriod, UsageError } from "../args";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";
import { runReviewApproval } from "../review-approval";

export const timeReviewCommand: Command = {
  name: "time review",
  usage: "time review --workspace W --period YYYY-MM [--out REVIEW.csv|.xlsx] [--json]",
  summary: "the open time entries up to the month's end, rated as `bill` would (units, pools, rate, surcharges, amount per entry); CSV on stdout or --out; edit `billable` and run `time approve` (reads only)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "period", "month", "out"], ["json"]);
    const workspace = required(args, "workspace");
    const { text: monthText, option: monthOption } = requiredPeriod(args);
    const out = optional(args, "out");
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const month = parseIsoMonth(monthText);
    if (!month) {
      reportIssues(io, [issue("parse.invalid_month", { value: monthText }, { source: monthOption })]);
      return 1;
    }
    return withWorkspace(workspace, io, async (ctx, outputs) => {
      const review = await reviewTimeEntries(ctx, month);
      reportIssues(io, review.issues);
      const table = timeReviewTableRows(review.rows, io.lang);
      const t = review.totals;
      if (out === undefined) io.out(toCsv(table));
      else {
        outputs.add(out, /\.xlsx$/i.test(out) ? await writeXlsxSheet(monthSheetName("time", month, io.lang), table) : toCsv(table));
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
  run: (argv, io) =>
    runReviewApproval(argv, io, {
      name: "time approve",
      read: readTimeReviewTable,
      apply: applyTimeDecisions,
      summary: (s) => ({ line: `${s.approved} switched to billable, ${s.withdrawn} to not billable, ${s.unchanged} unchanged`, changed: s.approved + s.withdrawn > 0 }),
    }),
};
