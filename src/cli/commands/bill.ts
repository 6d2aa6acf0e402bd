import { runBilling, type BillOutcome } from "../../app/bill";
import { isFarAhead } from "../../core/billing/far-ahead";
import { monthOf, parseIsoMonth, type IsoMonth } from "../../core/date/iso-month";
import type { IsoDate } from "../../core/date/iso-date";
import { issue, type Issue } from "../../core/issues";
import { messageText } from "../../core/messages";
import { Decimal, sum } from "../../core/money/decimal";
import { parseStrictDate } from "../../io/table/cell-reader";
import { finalizeRun } from "../../app/issue-run";
import { optional, parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";
import { EXPORT_VALUE_OPTIONS, readExportOptions, writeExports } from "./export-run";

export const billCommand: Command = {
  name: "bill",
  usage:
    "bill --workspace W --period YYYY-MM (--out INVOICES.csv | --draft) [--format generic|de|datev|custom:PROFILE] [--encoding utf-8|windows-1252] [--datev-config DATEV.json] [--label TEXT] [--documents DIR] [--company COMPANY.json] [--invoice-date DATE] [--dry-run] [--allow-future] [--json]",
  summary:
    "bill every charge due by the end of the month and not yet billed, plus differences; write the invoice batch (and invoice documents), which issues the run; --draft stores the run without a file, --dry-run writes only a preview",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "period", "out", "invoice-date", ...EXPORT_VALUE_OPTIONS], ["dry-run", "draft", "json", "allow-future"]);
    const workspace = required(args, "workspace");
    const draft = args.flags.has("draft");
    const dryRun = args.flags.has("dry-run");
    // A file for the ERP is an export, and the first export issues the run (GoBD, issue 17): its numbers
    // are never given back. A run to be checked first is stored as a draft without any file.
    if (draft && dryRun) throw new UsageError("--draft stores the run and --dry-run stores nothing: give one of them");
    if (draft && (optional(args, "out") !== undefined || optional(args, "documents") !== undefined))
      throw new UsageError("--draft writes no invoice file (a file issues the run): preview with --dry-run --out, issue later with export --run RUN_ID");
    const out = draft ? undefined : required(args, "out");
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
    return withWorkspace(workspace, io, async (ctx, outputs) => {
      // Billing months ahead issues invoices for services not yet rendered: a mistyped year (2027 for
      // 2026) must not go out. Next month (advance billing) is normal; a preview is harmless.
      const today = ctx.now().slice(0, 10) as IsoDate;
      if (!dryRun && !args.flags.has("allow-future") && isFarAhead(month!, today)) {
        reportIssues(io, [issue("billing.period_far_ahead", { month: month!, current: monthOf(today) }, { source: "--period" })]);
        return { code: 1, save: false };
      }
      const r = await runBilling(ctx, { month: month!, invoiceDate: invoiceDate ?? undefined, dryRun });
      if (!r.ok) {
        reportIssues(io, r.issues);
        return { code: 1, save: false };
      }
      const o = r.value;
      reportIssues(io, o.issues);
      // No batch file for a draft, nor when there is no invoice: a header-only file imports nothing into
      // the ERP (and a DATEV batch needs at least one booking).
      const noInvoice = o.invoices.length === 0;
      const noBatchFile = out === undefined || noInvoice;
      // The run is kept only when every file could be produced: they are made inside the run's
      // transaction and written after it committed.
      const written = await writeExports(ctx, io, o.invoices, options, noBatchFile ? undefined : out, outputs);
      if (!written) {
        io.err(`bill ${month}: the export failed, so nothing was billed and no file was written.\n`);
        return { code: 1, save: false };
      }
      const reason = !noBatchFile ? "export" : written.documents.length > 0 ? "documents" : "finalize";
      const issued = !dryRun && !draft && o.runId !== null ? await finalizeRun(ctx, o.runId, reason, written.documents.length > 0 ? options.company : undefined) : null;
      if (issued && !issued.ok) {
        reportIssues(io, issued.issues);
        io.err(`bill ${month}: the run could not be issued, so nothing was billed and no file was written.\n`);
        return { code: 1, save: false };
      }
      const net = sum(o.invoices.map((i) => new Decimal(i.netTotal)));
      const lines = o.invoices.reduce((n, i) => n + i.lines.length, 0);
      if (args.flags.has("json"))
        printJson(io, {
          runId: o.runId, dryRun, draft, issuedAt: issued?.ok ? issued.value.issuedAt ?? null : null, month, invoices: o.invoices.length, lines, ledgerEntries: o.ledgerEntries,
          recordsUsageOnly: o.recordsUsageOnly, usageRecorded: o.usageRecorded,
          totals: o.invoices.map((i) => ({ invoiceRef: i.invoiceRef, customerNo: i.customerNo, net: i.netTotal, vat: i.vatTotal, gross: i.grossTotal })),
          format: options.format.kind, out: noBatchFile ? null : out, records: written.records, documents: written.documents,
        });
      else if (noInvoice)
        // Nothing to invoice: said in the clerk's language, no file, no run (or, when time entries or click
        // months were settled without an amount, a run that records only them; a dry run says it would).
        io.out(`bill ${month}${dryRun ? " (dry run)" : ""}: ${messageText(noInvoiceNote(month!, o), io.lang)}\n`);
      else
        io.out(
          `bill ${month}${dryRun ? " (dry run: nothing written to the workspace)" : draft ? " (draft)" : ""}: ${o.invoices.length} invoices, ${lines} lines, net ${net.toFixed(2)}${out === undefined ? "" : ` → ${out}`}` +
            (options.format.kind === "datev" && !noBatchFile ? ` (${written.records} DATEV bookings)` : "") +
            (written.documents.length > 0 ? `; ${written.documents.length} invoice documents → ${options.documentsDir}` : "") +
            "\n" +
            (o.runId === null
              ? ""
              : draft
                ? `  run ${o.runId} stored as a draft; issue it with: export --run ${o.runId} --out FILE (or finalize --run ${o.runId}); undo with: undo --run ${o.runId}\n`
                : `  run ${o.runId} issued (festgeschrieben) with this file: it can no longer be undone; correct an invoice with: cancel-invoice --invoice NO\n`),
        );
      return { code: 0, save: !dryRun && o.runId !== null };
    });
  },
};

/** The line for a month without an invoice: nothing due, or a run that records (or would record) only usage. */
function noInvoiceNote(month: IsoMonth, o: BillOutcome): Issue {
  if (o.runId !== null) return issue("billing.no_invoice_usage_recorded", { month, run: o.runId }, undefined, "info");
  if (o.recordsUsageOnly) return issue("billing.no_invoice_usage_to_record", { month, ...o.usageRecorded }, undefined, "info");
  return issue("billing.nothing_due", { month }, undefined, "info");
}
