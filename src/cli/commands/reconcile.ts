import { fileSha256 } from "../../app/context";
import { loadUserProfiles } from "../../app/profiles";
import { reconcileFiles, type VendorFileRead } from "../../app/reconcile";
import { parseIsoMonth } from "../../core/date/iso-month";
import { proposeMonth } from "../../core/date/propose-month";
import { hasErrors, issue } from "../../core/issues";
import { reviewTableRows } from "../../io/reconcile/review-table";
import { toCsv } from "../../io/table/write-csv";
import { writeXlsxSheet } from "../../io/table/write-xlsx";
import { monthSheetName } from "../../io/table/sheet-names";
import { readVendorFile } from "../../io/vendor/read-vendor-file";
import { allProfiles } from "../../io/vendor/profiles/registry";
import { optional, parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { readInputFiles } from "../read-input";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const reconcileCommand: Command = {
  name: "reconcile",
  usage: "reconcile --workspace W --file F [--file F2…] [--profile ID] [--period YYYY-MM] --out REVIEW.csv|.xlsx [--json]",
  summary: "compare vendor billing files with the contracts and write the review table (reads only); without --period the month is taken from the files",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "file", "profile", "period", "out"], ["json"]);
    const workspace = required(args, "workspace");
    const paths = args.options.get("file") ?? [];
    if (paths.length === 0) throw new UsageError("--file is required");
    const monthText = optional(args, "period");
    const given = monthText === undefined ? null : parseIsoMonth(monthText);
    if (monthText !== undefined && !given) { reportIssues(io, [issue("parse.invalid_month", { value: monthText }, { source: "--period" })]); return 1; }
    const out = required(args, "out");
    const profileId = optional(args, "profile");
    const files = readInputFiles(paths);
    if (!files.ok) { reportIssues(io, files.issues); return 1; }
    return withWorkspace(workspace, io, async (ctx, outputs) => {
      const { profiles, issues: profileIssues } = await loadUserProfiles(ctx);
      reportIssues(io, profileIssues);
      const reads: VendorFileRead[] = [];
      for (const f of files.value) {
        const result = await readVendorFile(f.bytes, { fileName: f.name, profiles: allProfiles(profiles), profileId });
        reads.push({ name: f.name, sha256: await fileSha256(f), result });
      }
      // Without --period the month comes from the charge periods in the files, said aloud.
      const fileMonth = proposeMonth(reads.flatMap((r) => (r.result.periodFound ? [r.result.periodFound] : [])));
      const month = given ?? fileMonth;
      if (!month) {
        reportIssues(io, [issue("cli.period_not_found", { files: files.value.map((f) => f.name).join(", ") }, { source: "--period" })]);
        return { code: 2, save: false };
      }
      if (!given) reportIssues(io, [issue("cli.period_from_file", { month, files: files.value.map((f) => f.name).join(", ") }, { source: "--period" }, "info")]);
      // A file of another month (last month's file, a mistyped --period) shows every position as missing_in_file.
      else if (fileMonth && fileMonth !== given) reportIssues(io, [issue("cli.period_differs_from_file", { month: given, fileMonth, files: files.value.map((f) => f.name).join(", ") }, { source: "--period" }, "warning")]);
      const outcome = await reconcileFiles(ctx, reads, month);
      if (!outcome.ok) {
        const n = reportIssues(io, outcome.issues);
        io.err(`reconcile: ${n} error(s) in the vendor file(s); no review table written.\n`);
        return { code: hasErrors(outcome.issues) ? 1 : 0, save: false };
      }
      const o = outcome.value;
      reportIssues(io, o.warnings);
      // English: the documented file format (PRODUCT.md §8: status and action codes); German: German words.
      const table = reviewTableRows(o.rows, io.lang === "de" ? "de" : "code");
      outputs.add(out, /\.xlsx$/i.test(out) ? await writeXlsxSheet(monthSheetName("review", month, io.lang), table) : toCsv(table));
      if (args.flags.has("json")) printJson(io, { month, out, files: o.files, counts: o.counts, rows: o.rows.length, warnings: o.warnings.length });
      else {
        for (const f of o.files) io.out(`${f.name}: profile ${f.profileId ?? "?"}, ${f.rowCount} rows, ${f.lines} lines, period ${f.from ?? "?"} – ${f.to ?? "?"}\n`);
        io.out(`reconcile ${month}: ${Object.entries(o.counts).map(([k, v]) => `${v} ${k}`).join(", ") || "no rows"} → ${out}\n`);
      }
      return { code: 0, save: false };
    }, "read");
  },
};
