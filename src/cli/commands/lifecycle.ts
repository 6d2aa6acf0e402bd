import { cancelInvoice, cancelRun, sumReleased, type ReleasedCounts } from "../../app/cancel-invoice";
import { finalizeRun } from "../../app/issue-run";
import { verifyIntegrity, type BrokenRecord } from "../../app/verify";
import { notesText, type Lang } from "../../core/messages";
import { optional, optionalDate, parseArgs, required, UsageError } from "../args";
import type { Command } from "../cli-io";
import { printJson, reportIssues } from "../report";
import { withWorkspace } from "../store";
import { einvoiceCommand } from "./einvoice";
import { exportAuditCommand } from "./export-audit";

export const finalizeCommand: Command = {
  name: "finalize",
  usage: "finalize --workspace W --run ID [--json]",
  summary: "issue (festschreiben) a billing run: its invoices become immutable; undo is refused from then on, corrections go by cancel-invoice",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "run"], ["json"]);
    const runId = required(args, "run");
    return withWorkspace(required(args, "workspace"), io, async (ctx) => {
      const r = await finalizeRun(ctx, runId, "finalize");
      if (!r.ok) {
        reportIssues(io, r.issues);
        return { code: 1, save: false };
      }
      if (args.flags.has("json")) printJson(io, r.value);
      else io.out(`finalize: run ${runId} issued at ${r.value.issuedAt} (invoices ${r.value.invoiceRefs.join(", ") || "none"})\n`);
      return { code: 0, save: true };
    });
  },
};

export const cancelInvoiceCommand: Command = {
  name: "cancel-invoice",
  usage: "cancel-invoice --workspace W (--invoice NO | --run RUN_ID) [--date YYYY-MM-DD] [--reason TEXT] [--json]",
  summary:
    "write a cancellation invoice (Stornorechnung) for an issued invoice: negated lines, own number, referencing the original, with the reason printed on it; --run cancels every invoice of an issued run not cancelled yet, in one cancellation run",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace", "invoice", "run", "date", "reason"], ["json"]);
    const invoice = optional(args, "invoice");
    const runId = optional(args, "run");
    if ((invoice === undefined) === (runId === undefined)) throw new UsageError("give --invoice NO or --run RUN_ID (one of them)");
    const date = optionalDate(args, "date");
    const reason = optional(args, "reason");
    const options = { ...(date !== undefined ? { date } : {}), ...(reason !== undefined ? { reason } : {}) };
    return withWorkspace(required(args, "workspace"), io, async (ctx) => {
      if (runId !== undefined) {
        const r = await cancelRun(ctx, runId, options);
        if (!r.ok) {
          reportIssues(io, r.issues);
          return { code: 1, save: false };
        }
        if (args.flags.has("json")) printJson(io, r.value);
        else
          io.out(
            `cancel-invoice: run ${runId}: ${r.value.cancellations.length} invoices cancelled in run ${r.value.runId}\n` +
              r.value.cancellations.map((c) => `  ${c.cancelled} cancelled by ${c.cancellationRef} (gross ${c.grossTotal})\n`).join("") +
              (r.value.cancelledBefore.length > 0 ? `  cancelled before, left as they are: ${r.value.cancelledBefore.join(", ")}\n` : "") +
              releasedLine(sumReleased(r.value.cancellations.map((c) => c.released))) +
              `  the Stornorechnungen for the ERP: export --run ${r.value.runId} --out FILE\n`,
          );
        return { code: 0, save: true };
      }
      const r = await cancelInvoice(ctx, invoice!, options);
      if (!r.ok) {
        reportIssues(io, r.issues);
        return { code: 1, save: false };
      }
      if (args.flags.has("json")) printJson(io, r.value);
      else io.out(`cancel-invoice: ${r.value.cancelled} cancelled by ${r.value.cancellationRef} (run ${r.value.runId}, gross ${r.value.grossTotal})\n${releasedLine(r.value.released)}`);
      return { code: 0, save: true };
    });
  },
};

/** "  open again for the next bill: 3 time entries, 1 click month" (nothing when none). */
function releasedLine(r: ReleasedCounts): string {
  const parts = [
    [r.timeEntries, "time entry", "time entries"],
    [r.clickMonths, "click month", "click months"],
    [r.usageRecords, "usage record", "usage records"],
  ] as const;
  const shown = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return shown.length === 0 ? "" : `  open again for the next bill: ${shown.join(", ")}\n`;
}

type Params = Record<string, string | number>;
const say = (io: { lang: Lang }, code: string, params: Params = {}): string => notesText([{ code, params }], io.lang);

/** Where and why a chain is broken, as a message code and its params (reasons stay codes: content_changed, ledger_changed …). */
function describeBreak(b: BrokenRecord): [string, Params] {
  const p = b.problem;
  const base = { record: b.record, reason: p.reason };
  if (b.chain === "auditLog") return ["verify.at_audit", base];
  if (b.chain === "invoices") return "auditSeq" in p && p.auditSeq !== undefined ? ["verify.at_invoice_recorded", { ...base, auditSeq: p.auditSeq }] : ["verify.at_invoice", base];
  if (p.reason === "ledger_orphan") return ["verify.at_ledger_orphan", base];
  const where = p as { entry?: string; line?: number; field?: string };
  if (where.entry !== undefined && where.field !== undefined) return ["verify.at_ledger_entry", { ...base, entry: where.entry, field: where.field }];
  if (where.line !== undefined && where.field !== undefined) return ["verify.at_ledger_line", { ...base, line: where.line, field: where.field }];
  return ["verify.at_ledger", base];
}

export const verifyCommand: Command = {
  name: "verify",
  usage: "verify --workspace W [--json]",
  summary: "check the hash chains of the audit log and the issued invoices, and the issued invoices' ledger entries; exit code 1 names the first broken record",
  async run(argv, io) {
    const args = parseArgs(argv, ["workspace"], ["json"]);
    return withWorkspace(
      required(args, "workspace"),
      io,
      async (ctx) => {
        const report = await verifyIntegrity(ctx);
        if (args.flags.has("json")) printJson(io, report);
        else if (report.firstBreak === null) {
          io.out(`verify: ${say(io, "verify.ok", { audit: report.auditEntries, invoices: report.issuedInvoices })}\n`);
          io.out(`verify: ${say(io, report.ledger.legacy === 0 ? "verify.ledger_ok_sealed" : "verify.ledger_ok", report.ledger)}\n`);
          // Written down outside the program (e.g. with the monthly closing), the heads show a store cut later.
          const h = report.heads;
          io.out(`verify: ${say(io, "verify.audit_head", { count: h.auditLog.count, seq: h.auditLog.lastSeq, hash: h.auditLog.hash || "-" })}\n`);
          io.out(`verify: ${say(io, "verify.invoice_head", { count: h.invoices.count, hash: h.invoices.hash || "-" })}\n`);
        }
        if (report.firstBreak !== null) {
          io.err(`verify: ${say(io, "verify.broken", { where: say(io, ...describeBreak(report.firstBreak)) })}\n`);
          for (const b of report.breaks.slice(1)) io.err(`verify: ${say(io, "verify.also_broken", { where: say(io, ...describeBreak(b)) })}\n`);
          return { code: 1, save: false };
        }
        return { code: 0, save: false };
      },
      "read",
    );
  },
};

export const LIFECYCLE_COMMANDS: Command[] = [finalizeCommand, cancelInvoiceCommand, verifyCommand, einvoiceCommand, exportAuditCommand];
