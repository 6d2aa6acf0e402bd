import { costCheckFile } from "../../app/cost-check";
import { fileSha256 } from "../../app/context";
import { loadUserProfiles } from "../../app/profiles";
import { parseIsoMonth } from "../../core/date/iso-month";
import { issue } from "../../core/issues";
import { costCheckTableRows } from "../../io/purchase/report-tables";
import { toCsv } from "../../io/table/write-csv";
import { writeXlsxSheet } from "../../io/table/write-xlsx";
import { monthSheetName } from "../../io/table/sheet-names";
import { readVendorFile } from "../../io/vendor/read-vendor-file";
import { allProfiles } from "../../io/vendor/profiles/registry";
import { optional, parseArgs, required } from "../args";
import type { Command } from "../cli-io";
import { readInputFiles } from "../read-input";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";

export const costCheckCommand: Command = {
  name: "cost-check",
  usage: "cost-check --workspace W --file VENDOR_FILE [--profile ID] --period YYYY-MM --out FILE.csv|.xlsx [--json]",
  summary: "vendor cost against contracts and the billed amount per customer and article: unbilled, quantity_drift, negative_margin, ok (reads only)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "file", "profile", "period", "out"], ["json"]);
    const workspace = required(args, "workspace");
    const path = required(args, "file");
    const monthText = required(args, "period");
    const month = parseIsoMonth(monthText);
    if (!month) { reportIssues(io, [issue("parse.invalid_month", { value: monthText }, { source: "--period" })]); return 1; }
    const out = required(args, "out");
    const files = readInputFiles([path]);
    if (!files.ok) { reportIssues(io, files.issues); return 1; }
    const file = files.value[0]!;
    return withWorkspace(workspace, io, async (ctx, outputs) => {
      const { profiles, issues: profileIssues } = await loadUserProfiles(ctx);
      reportIssues(io, profileIssues);
      const result = await readVendorFile(file.bytes, { fileName: file.name, profiles: allProfiles(profiles), profileId: optional(args, "profile") });
      const outcome = await costCheckFile(ctx, { name: file.name, sha256: await fileSha256(file), result }, month);
      if (!outcome.ok) {
        const n = reportIssues(io, outcome.issues);
        io.err(`cost-check: ${n} error(s) in the vendor file; nothing written.\n`);
        return { code: 1, save: false };
      }
      const o = outcome.value;
      reportIssues(io, o.warnings);
      const table = costCheckTableRows(o.rows);
      outputs.add(out, /\.xlsx$/i.test(out) ? await writeXlsxSheet(monthSheetName("costCheck", month, io.lang), table) : toCsv(table));
      if (args.flags.has("json")) printJson(io, { month, out, rows: o.rows.length, counts: o.counts, warnings: o.warnings.length });
      else io.out(`cost-check ${month}: ${Object.entries(o.counts).map(([k, v]) => `${v} ${k}`).join(", ") || "no rows"} → ${out}\n`);
      return { code: 0, save: false };
    }, "read");
  },
};
