import { runBilling } from "../../app/bill";
import { parseIsoMonth } from "../../core/date/iso-month";
import { issue } from "../../core/issues";
import { Decimal, sum } from "../../core/money/decimal";
import { parseStrictDate } from "../../io/table/cell-reader";
import { optional, parseArgs, required } from "../args";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";
import { EXPORT_VALUE_OPTIONS, readExportOptions, writeExports } from "./export-run";

export const billCommand: Command = {
  name: "bill",
  usage:
    "bill --workspace W --period YYYY-MM --out INVOICES.csv [--format generic|de|datev|custom:PROFILE] [--encoding utf-8|windows-1252] [--datev-config DATEV.json] [--label TEXT] [--documents DIR] [--company COMPANY.json] [--invoice-date DATE] [--dry-run] [--json]",
  summary: "bill every charge due by the end of the month and not yet billed, plus differences; write the invoice batch (and invoice documents)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "period", "out", "invoice-date", ...EXPORT_VALUE_OPTIONS], ["dry-run", "json"]);
    const workspace = required(args, "workspace");
    const out = required(args, "out");
    // Export settings are read and checked before anything is billed.
    const exportOptions = readExportOptions(args);
    const monthText = required(args, "period");
    const month = parseIsoMonth(monthText);
    const dateText = optional(args, "invoice-date");
    const invoiceDate = dateText === undefined ? undefined : parseStrictDate(dateText);
    const bad = [
      ...(month ? [] : [issue("parse.invalid_month", { value: monthText }, { source: "--period" })]),
      ...(invoiceDate === null ? [issue("parse.invalid_date", { value: dateText! }, { source: "--invoice-date" })] : []),
      ...(exportOptions.ok ? [] : exportOptions.issues),
    ];
    if (bad.length > 0 || !exportOptions.ok) {
      reportIssues(io, bad);
      return 1;
    }
    const options = exportOptions.value;
    const dryRun = args.flags.has("dry-run");
    return withWorkspace(workspace, io, async (ctx, outputs) => {
      const r = await runBilling(ctx, { month: month!, invoiceDate: invoiceDate ?? undefined, dryRun });
      if (!r.ok) {
        reportIssues(io, r.issues);
        return { code: 1, save: false };
      }
      const o = r.value;
      reportIssues(io, o.issues);
      // A DATEV batch needs at least one booking: when nothing is due, no DATEV file is written.
      const noDatevFile = options.format.kind === "datev" && o.invoices.length === 0;
      // The run is kept only when every file could be produced: they are made inside the run's
      // transaction and written after it committed.
      const written = await writeExports(ctx, io, o.invoices, options, noDatevFile ? undefined : out, outputs);
      if (!written) {
        io.err(`bill ${month}: the export failed, so nothing was billed and no file was written.\n`);
        return { code: 1, save: false };
      }
      const net = sum(o.invoices.map((i) => new Decimal(i.netTotal)));
      const lines = o.invoices.reduce((n, i) => n + i.lines.length, 0);
      if (args.flags.has("json"))
        printJson(io, {
          runId: o.runId, dryRun, month, invoices: o.invoices.length, lines, ledgerEntries: o.ledgerEntries,
          totals: o.invoices.map((i) => ({ invoiceRef: i.invoiceRef, customerNo: i.customerNo, net: i.netTotal, vat: i.vatTotal, gross: i.grossTotal })),
          format: options.format.kind, out: noDatevFile ? null : out, records: written.records, documents: written.documents,
        });
      else
        io.out(
          `bill ${month}${dryRun ? " (dry run: nothing written to the workspace)" : ""}: ${o.invoices.length} invoices, ${lines} lines, net ${net.toFixed(2)} → ${noDatevFile ? "no DATEV file (nothing to book)" : out}` +
            (options.format.kind === "datev" && !noDatevFile ? ` (${written.records} DATEV bookings)` : "") +
            (written.documents.length > 0 ? `; ${written.documents.length} invoice documents → ${options.documentsDir}` : "") +
            "\n" +
            (o.runId ? `  run ${o.runId}; undo with: undo --run ${o.runId}\n` : o.invoices.length === 0 ? "  nothing due\n" : ""),
        );
      return { code: 0, save: !dryRun && o.runId !== null };
    });
  },
};
