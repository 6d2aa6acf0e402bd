import { applyTimeDecisions, reviewTimeEntries } from "../../app/time-review";
import { readTimeReviewTable, timeReviewTableRows } from "../../io/time/review-table";
import type { Command } from "../cli-io";
import { monthReviewCommand } from "../month-review-command";
import { runReviewApproval } from "../review-approval";

export const timeReviewCommand = monthReviewCommand({
  name: "time review",
  usage: "time review --workspace W --period YYYY-MM [--out REVIEW.csv|.xlsx] [--json]",
  summary: "the open time entries up to the month's end, rated as `bill` would (units, pools, rate, surcharges, amount per entry); CSV on stdout or --out; edit `billable` and run `time approve` (reads only)",
  sheet: "time",
  async review(ctx, month, io) {
    const review = await reviewTimeEntries(ctx, month);
    const t = review.totals;
    return {
      table: timeReviewTableRows(review.rows, io.lang),
      issues: review.issues,
      totals: t,
      summary: `time review ${month}: ${t.rows} open entries (${t.billable} billable, ${t.notBillable} not billable, ${t.problems} with problems), ${t.net} net`,
    };
  },
});

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
