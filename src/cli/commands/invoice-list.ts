import { invoiceListTable, listInvoices, summarizeRuns, type InvoiceFilter, type InvoiceSummary, type RunSummary } from "../../app/invoice-list";
import { toCsv } from "../../io/table/write-csv";
import { optional, optionalDate, parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { printJson } from "../report";
import { withWorkspace } from "../store";

/** Rows as columns padded to their widest cell; the `right` columns (amounts) aligned right. */
function aligned(rows: readonly (readonly string[])[], right: ReadonlySet<number>): string {
  const width = (text: string): number => [...text].length;
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ""))));
  const pad = (cell: string, c: number): string => {
    const fill = " ".repeat(widths[c]! - width(cell));
    return right.has(c) ? fill + cell : cell + fill;
  };
  return rows.map((r) => r.map(pad).join("  ").trimEnd() + "\n").join("");
}

function runState(r: RunSummary): string {
  if (r.state === "undone") return `undone ${r.undoneAt!.slice(0, 16).replace("T", " ")}`;
  if (r.state === "issued") return `issued ${r.issuedAt!.slice(0, 16).replace("T", " ")} (${r.issuedBy})`;
  return "draft";
}

function runRange(r: RunSummary): string {
  if (r.invoices === 0) return r.state === "undone" ? "" : "0";
  const range = r.firstInvoice === r.lastInvoice ? r.firstInvoice! : `${r.firstInvoice}–${r.lastInvoice}`;
  return `${r.invoices} ${range}${r.cancelled > 0 ? ` (${r.cancelled} cancelled)` : ""}`;
}

/** `runs`: every billing run with state, invoice numbers and totals. */
export const runsCommand: Command = {
  name: "runs",
  usage: "runs --workspace W [--json]",
  summary: "list the billing runs: kind, month, invoice date, draft/issued/undone, invoice numbers (and how many are cancelled), net and gross (reads only)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    return withWorkspace(required(args, "workspace"), io, async (ctx) => {
      const runs = await summarizeRuns(ctx);
      if (args.flags.has("json")) printJson(io, runs);
      else if (runs.length === 0) io.out("runs: no billing run yet\n");
      else
        io.out(
          aligned(
            [
              ["run", "kind", "month", "invoice date", "state", "invoices", "net", "gross"],
              ...runs.map((r) => [r.runId, r.kind, r.month, r.invoiceDate, runState(r), runRange(r), ...(r.state === "undone" ? ["", ""] : [r.netTotal, r.grossTotal])]),
            ],
            new Set([6, 7]),
          ),
        );
      return { code: 0, save: false };
    }, "read");
  },
};

function invoiceStatus(i: InvoiceSummary): string {
  if (i.cancelledBy) return `cancelled by ${i.cancelledBy}`;
  if (i.cancels) return `cancels ${i.cancels}${i.reason ? ` (${i.reason})` : ""}`;
  return "";
}


/** `invoices`: the invoices of a run, a customer and/or a period, with their status. */
export const invoicesCommand: Command = {
  name: "invoices",
  usage: "invoices --workspace W [--run RUN_ID] [--customer NO] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE.csv] [--json]",
  summary: "list invoices (of a run, a customer, a period: all that apply) with title, draft/issued, totals and cancellations; CSV with --out (reads only)",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "run", "customer", "from", "to", "out"], ["json"]);
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const filter: InvoiceFilter = {};
    const runId = optional(args, "run");
    const customerNo = optional(args, "customer");
    if (runId !== undefined) filter.runId = runId;
    if (customerNo !== undefined) filter.customerNo = customerNo;
    for (const name of ["from", "to"] as const) {
      const day = optionalDate(args, name);
      if (day !== undefined) filter[name] = day;
    }
    if (filter.from && filter.to && filter.from > filter.to) throw new UsageError(`--from ${filter.from} is after --to ${filter.to}`);
    const out = optional(args, "out");
    return withWorkspace(required(args, "workspace"), io, async (ctx, outputs) => {
      const invoices = await listInvoices(ctx, filter);
      if (out !== undefined) {
        outputs.add(out, toCsv(invoiceListTable(invoices)));
      }
      if (args.flags.has("json")) printJson(io, out !== undefined ? { out, invoices: invoices.length } : invoices);
      else if (out !== undefined) io.out(`invoices: ${invoices.length} → ${out}\n`);
      else if (invoices.length === 0) io.out("invoices: none match\n");
      else
        io.out(
          aligned(
            [
              ["invoice", "date", "customer", "title", "state", "net", "gross", "status"],
              ...invoices.map((i) => [i.invoiceRef, i.invoiceDate, `${i.customerNo} ${i.customerName}`, i.title, i.state, i.netTotal, i.grossTotal, invoiceStatus(i)]),
            ],
            new Set([5, 6]),
          ),
        );
      return { code: 0, save: false };
    }, "read");
  },
};
