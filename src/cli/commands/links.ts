import { importLinks, purchaseLinksReport } from "../../app/purchase";
import { parseStrictDate } from "../../io/table/cell-reader";
import { issue } from "../../core/issues";
import type { IsoDate } from "../../core/date/iso-date";
import { linksReportTableRows } from "../../io/purchase/report-tables";
import { toCsv } from "../../io/table/write-csv";
import { writeXlsxSheet } from "../../io/table/write-xlsx";
import { optional, parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { readInputFiles } from "../read-input";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const linksImportCommand: Command = {
  name: "links import",
  usage: "links import --workspace W FILE [--json]",
  summary: "link purchase positions to sales positions (purchase_no, purchase_position_no, contract_no, position_no[, action link|unlink])",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    const workspace = required(args, "workspace");
    if (args.positionals.length !== 1) throw new UsageError("name exactly one links CSV file");
    const files = readInputFiles(args.positionals);
    if (!files.ok) { reportIssues(io, files.issues); return 1; }
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await importLinks(ctx, files.value[0]!);
      if (!r.ok) {
        const n = reportIssues(io, r.issues);
        io.err(`links import: ${n} error(s); nothing was imported, the workspace is unchanged.\n`);
        return { code: 1, save: false };
      }
      const s = r.value;
      reportIssues(io, s.warnings);
      if (args.flags.has("json")) printJson(io, { ...s, warnings: s.warnings.length });
      else io.out(`links import: ${s.added} links added, ${s.removed} removed, ${s.unchangedRows} rows unchanged${s.batchId ? ` (batch ${s.batchId})` : ""}\n`);
      return { code: 0, save: s.batchId !== null };
    });
  },
};

export const linksReportCommand: Command = {
  name: "links report",
  usage: "links report --workspace W --out FILE.csv|.xlsx [--date YYYY-MM-DD] [--reverse] [--json]",
  summary: "per purchase position the linked sales positions with price, discount and margin (--reverse: per sales position); unlinked and uncovered positions too",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "out", "date"], ["reverse", "json"]);
    const workspace = required(args, "workspace");
    const out = required(args, "out");
    const dateText = optional(args, "date");
    const day: IsoDate | null = dateText === undefined ? io.now().slice(0, 10) : parseStrictDate(dateText);
    if (!day) { reportIssues(io, [issue("parse.invalid_date", { value: dateText ?? "" }, { source: "--date" })]); return 1; }
    const reverse = args.flags.has("reverse");
    return withWorkspace(workspace, io, async (ctx, outputs) => {
      const rows = await purchaseLinksReport(ctx, day, reverse);
      const table = linksReportTableRows(rows, reverse);
      outputs.add(out, /\.xlsx$/i.test(out) ? await writeXlsxSheet(`Einkauf ${day}`, table) : toCsv(table));
      const counts: Record<string, number> = {};
      for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
      if (args.flags.has("json")) printJson(io, { day, out, reverse, rows: rows.length, counts });
      else io.out(`links report ${day}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ") || "no rows"} → ${out}\n`);
      return { code: 0, save: false };
    }, "read");
  },
};
