import { runBilling } from "../../app/bill";
import { parseIsoMonth } from "../../core/date/iso-month";
import { issue } from "../../core/issues";
import { Decimal, sum } from "../../core/money/decimal";
import { invoiceCsvBytes, type InvoiceCsvFormat } from "../../io/export/invoice-csv";
import { parseStrictDate } from "../../io/table/cell-reader";
import { optional, parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../with-workspace";
import { writeFileAtomic } from "../workspace";

const FORMATS: readonly string[] = ["generic", "de"];

export const billCommand: Command = {
  name: "bill",
  usage: "bill --workspace W --period YYYY-MM --out INVOICES.csv [--format generic|de] [--encoding utf-8|windows-1252] [--invoice-date DATE] [--dry-run] [--json]",
  summary: "bill every charge due by the end of the month and not yet billed, plus differences; write the invoice batch",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "period", "out", "format", "encoding", "invoice-date"], ["dry-run", "json"]);
    const workspace = required(args, "workspace");
    const out = required(args, "out");
    const format = optional(args, "format") ?? "generic";
    if (format === "datev") throw new UsageError("--format datev: the DATEV Buchungsstapel export is not built yet; use generic or de");
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
    const encoding = optional(args, "encoding") ?? "utf-8";
    if (encoding !== "utf-8" && encoding !== "windows-1252") throw new UsageError("--encoding must be utf-8 or windows-1252");
    const monthText = required(args, "period");
    const month = parseIsoMonth(monthText);
    const dateText = optional(args, "invoice-date");
    const invoiceDate = dateText === undefined ? undefined : parseStrictDate(dateText);
    const bad = [
      ...(month ? [] : [issue("parse.invalid_month", { value: monthText }, { source: "--period" })]),
      ...(invoiceDate === null ? [issue("parse.invalid_date", { value: dateText! }, { source: "--invoice-date" })] : []),
    ];
    if (bad.length > 0) {
      reportIssues(io, bad);
      return 1;
    }
    const dryRun = args.flags.has("dry-run");
    return withWorkspace(workspace, io, async (ctx) => {
      const r = await runBilling(ctx, { month: month!, invoiceDate: invoiceDate ?? undefined, dryRun });
      if (!r.ok) {
        reportIssues(io, r.issues);
        return { code: 1, save: false };
      }
      const o = r.value;
      reportIssues(io, o.issues);
      const { bytes, issues } = invoiceCsvBytes(o.invoices, format as InvoiceCsvFormat, { encoding });
      reportIssues(io, issues);
      writeFileAtomic(out, bytes);
      const net = sum(o.invoices.map((i) => new Decimal(i.netTotal)));
      if (args.flags.has("json"))
        printJson(io, { runId: o.runId, dryRun, month, invoices: o.invoices.length, lines: o.invoices.reduce((n, i) => n + i.lines.length, 0), ledgerEntries: o.ledgerEntries, totals: o.invoices.map((i) => ({ invoiceRef: i.invoiceRef, customerNo: i.customerNo, net: i.netTotal, vat: i.vatTotal, gross: i.grossTotal })), out });
      else
        io.out(
          `bill ${month}${dryRun ? " (dry run: nothing written to the workspace)" : ""}: ${o.invoices.length} invoices, ${o.invoices.reduce((n, i) => n + i.lines.length, 0)} lines, net ${net.toFixed(2)} → ${out}\n` +
            (o.runId ? `  run ${o.runId}; undo with: undo --run ${o.runId}\n` : o.invoices.length === 0 ? "  nothing due\n" : ""),
        );
      return { code: 0, save: !dryRun && o.runId !== null };
    });
  },
};
