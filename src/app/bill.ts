import type { Invoice } from "../core/billing/invoice";
import { computeBillingRun } from "../core/billing/run-billing";
import type { IsoDate } from "../core/date/iso-date";
import type { IsoMonth } from "../core/date/iso-month";
import { Issue, Result, ok } from "../core/issues";
import { appendAudit } from "../store/audit";
import { peekNumber, reserveNumbers } from "../store/counters";
import type { AppContext } from "./context";
import { hasUsageMarks, mergeUsageLines, planUsage, writeUsageMarks } from "./usage-lines";

export interface BillOptions {
  month: IsoMonth;
  /** Invoice date; default: today (from the host's clock). */
  invoiceDate?: IsoDate;
  /** Compute and return the invoices without writing anything (preview). */
  dryRun?: boolean;
}

export interface BillOutcome {
  /** The run id, or null for a dry run or when nothing was due. */
  runId: string | null;
  invoices: Invoice[];
  ledgerEntries: number;
  issues: Issue[];
}

const INVOICE_PREFIX_KEY = "invoicePrefix";
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Runs the monthly billing (PRODUCT.md §3 "Abrechnung", §5.2, §5.3): every charge due by the end of
 * the month and not yet in the ledger, plus differences for billed months whose versions changed.
 * The run, its ledger entries, the invoice numbers and an audit entry are written in one
 * transaction; a dry run computes the same invoices and writes nothing. Billing a month twice bills
 * nothing the second time. Ticket time, flat fees and clicks (usage-lines.ts) are added to the
 * customers' invoices and their entries / click months marked billed in the same transaction.
 */
export async function runBilling(ctx: AppContext, options: BillOptions): Promise<Result<BillOutcome>> {
  const { db } = ctx;
  const invoiceDate = options.invoiceDate ?? (ctx.now().slice(0, 10) as IsoDate);
  let outcome: BillOutcome | undefined;
  const usageTables = [db.timeEntries, db.meterReadings, db.articles];
  await db.transaction(options.dryRun ? "r" : "rw", [db.customers, db.contracts, db.contractVersions, db.ledger, db.runs, db.settings, db.auditLog, ...usageTables], async () => {
    const prefix = String((await db.settings.get(INVOICE_PREFIX_KEY))?.value ?? "RE-");
    const nextInvoice = await peekNumber(db, "invoice");
    const nextRun = await peekNumber(db, "run");
    const runId = `run-${pad(nextRun, 5)}`;
    const customers = await db.customers.toArray();
    const formatInvoiceRef = (n: number) => `${prefix}${pad(n, 6)}`;
    const recurring = computeBillingRun({
      runId,
      runMonth: options.month,
      invoiceDate,
      customers,
      contracts: await db.contracts.toArray(),
      versions: await db.contractVersions.toArray(),
      ledger: await db.ledger.toArray(),
      nextInvoiceNumber: nextInvoice,
      formatInvoiceRef,
    });
    // Usage (ticket time, flat fees, clicks): appended to the invoices, marked billed below.
    const usage = await planUsage(db, options.month);
    const merged = mergeUsageLines(recurring.invoices, usage, { runId, invoiceDate, customers, nextInvoiceNumber: recurring.nextInvoiceNumber, formatInvoiceRef });
    const result = { ...recurring, invoices: merged.invoices, issues: [...recurring.issues, ...usage.issues, ...merged.issues] };
    const count = result.invoices.length;
    if (options.dryRun || (count === 0 && !hasUsageMarks(usage))) {
      outcome = { runId: null, invoices: result.invoices, ledgerEntries: result.newLedgerEntries.length, issues: result.issues };
      return;
    }
    await reserveNumbers(db, "run");
    await reserveNumbers(db, "invoice", count);
    await db.ledger.bulkAdd(result.newLedgerEntries);
    const marks = await writeUsageMarks(db, usage, merged, runId, new Set(customers.map((c) => c.no)));
    const at = ctx.now();
    await db.runs.add({ id: runId, month: options.month, createdAt: at, invoiceDate, invoiceRefs: result.invoices.map((i) => i.invoiceRef), invoices: result.invoices, firstInvoiceNumber: nextInvoice });
    await appendAudit(db, [
      { at, kind: "billing.run", source: runId, entity: `run:${runId}`, after: { month: options.month, invoiceDate, invoices: count, ledgerEntries: result.newLedgerEntries.length, net: result.invoices.map((i) => [i.invoiceRef, i.netTotal]) } },
      ...marks.map((m) => ({ at, kind: "settings.put", source: runId, entity: `setting:${m.key}`, before: m.before, after: m.after })),
    ]);
    outcome = { runId, invoices: result.invoices, ledgerEntries: result.newLedgerEntries.length, issues: result.issues };
  });
  return ok(outcome!);
}
