import { reviewMeters } from "../../app/meter-review";
import { parseIsoMonth } from "../../core/date/iso-month";
import { issue } from "../../core/issues";
import { meterReviewTableRows } from "../../io/meters/review-table";
import { monthSheetName } from "../../io/table/sheet-names";
import { toCsv } from "../../io/table/write-csv";
import { writeXlsxSheet } from "../../io/table/write-xlsx";
import { optional, parseArgs, required, requiredPeriod, UsageError } from "../args";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const metersReviewCommand: Command = {
  name: "meters review",
  usage: "meters review --workspace W --period YYYY-MM [--out REVIEW.csv|.xlsx] [--json]",
  summary: "the click contracts' devices in the open months up to the month: readings, pages, included and over, each device's share of what `bill` would charge (minimum fee top-up as its own row); CSV on stdout or --out (reads only)",
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
      const review = await reviewMeters(ctx, month);
      reportIssues(io, review.issues);
      const table = meterReviewTableRows(review.rows, io.lang);
      const t = review.totals;
      if (out === undefined) io.out(toCsv(table));
      else {
        outputs.add(out, /\.xlsx$/i.test(out) ? await writeXlsxSheet(monthSheetName("meters", month, io.lang), table) : toCsv(table));
        if (args.flags.has("json")) printJson(io, { out, month, ...t });
        else io.out(`meters review ${month}: ${t.contracts} click contract${t.contracts === 1 ? "" : "s"}, ${t.rows} rows (${t.charged} charged, ${t.noReading} without a reading, ${t.baselines} baselines, ${t.problems} with problems), ${t.net} net → ${out}\n`);
      }
      return { code: 0, save: false };
    }, "read");
  },
};
