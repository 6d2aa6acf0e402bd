/**
 * The skeleton the month reviews share (`time review`, `usage review`, `meters review`): `--period M`
 * (or its older name `--month`), the table as CSV on stdout or written to `--out` (CSV or a one-sheet
 * .xlsx named like the pane's sheet) with a summary line or `--json` totals. Reads only.
 */
import type { AppContext } from "../app/context";
import { type IsoMonth, parseIsoMonth } from "../core/date/iso-month";
import { type Issue, issue } from "../core/issues";
import { monthSheetName, type SheetKind } from "../io/table/sheet-names";
import { type CsvCell, toCsv } from "../io/table/write-csv";
import { writeXlsxSheet } from "../io/table/write-xlsx";
import { optional, parseArgs, required, requiredPeriod, UsageError } from "./args";
import type { Command, CliIo } from "./cli-io";
import { printJson, reportIssues } from "./report";
import { withWorkspace } from "./store";

/** One month's review as a command prints or writes it. */
export interface MonthReviewOutput {
  /** Header and rows in the command's language. */
  table: CsvCell[][];
  /** Problems that belong to no row (printed on stderr). */
  issues: readonly Issue[];
  /** The figures `--json` prints with `--out`. */
  totals: object;
  /** The line after `--out`, without the file: "time review 2026-10: 3 open entries …". */
  summary: string;
}

export interface MonthReviewSpec {
  name: string;
  usage: string;
  summary: string;
  /** The pane's sheet kind: the .xlsx sheet is named as the pane names it. */
  sheet: SheetKind;
  review: (ctx: AppContext, month: IsoMonth, io: CliIo) => Promise<MonthReviewOutput>;
}

/** A `… review --workspace W --period YYYY-MM [--out FILE.csv|.xlsx] [--json]` command. */
export function monthReviewCommand(spec: MonthReviewSpec): Command {
  return {
    name: spec.name,
    usage: spec.usage,
    summary: spec.summary,
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
      return withWorkspace(
        workspace,
        io,
        async (ctx, outputs) => {
          const review = await spec.review(ctx, month, io);
          reportIssues(io, review.issues);
          if (out === undefined) io.out(toCsv(review.table));
          else {
            outputs.add(out, /\.xlsx$/i.test(out) ? await writeXlsxSheet(monthSheetName(spec.sheet, month, io.lang), review.table) : toCsv(review.table));
            if (args.flags.has("json")) printJson(io, { out, month, ...review.totals });
            else io.out(`${review.summary} → ${out}\n`);
          }
          return { code: 0, save: false };
        },
        "read",
      );
    },
  };
}
