import { pushAll } from "../core/array";
import type { LedgerEntry } from "../core/billing/ledger";
import type { Invoice } from "../core/billing/invoice";
import { mergeUsageLines } from "../core/billing/merge-usage";
import { computeBillingRun } from "../core/billing/run-billing";
import { settledAfterRun } from "../core/billing/due-charges";
import type { Contract } from "../core/contract/model";
import type { IsoDate } from "../core/date/iso-date";
import { addMonths, type IsoMonth } from "../core/date/iso-month";
import { Issue, Result, fail, ok } from "../core/issues";
import type { StoreTx } from "../store/port";
import type { AppContext } from "./context";
import { datedBeforeNumbered, sequenceId } from "./numbering";
import { planUsage, usageMarksOf, writeUsageMarks } from "./usage-lines";
import { markUsageBilled, planUsageCharges, usageBilledOf } from "./usage-billing";

export interface BillOptions {
  month: IsoMonth;
  /** Invoice date; default: today (from the host's clock). */
  invoiceDate?: IsoDate;
  /** Compute and return the invoices without writing anything (preview). */
  dryRun?: boolean;
}

/** What a run records as billed of usage, with or without an invoice line. */
export interface UsageRecorded {
  /** Ticket time entries (charged, or covered by included hours or a contingent). */
  timeEntries: number;
  /** Click months (charged, or within the included pages). */
  clickMonths: number;
  /** Vendor usage records (Azure …) approved in the usage review. */
  usageRecords: number;
}

export interface BillOutcome {
  /** The run id, or null for a dry run or when nothing was due. */
  runId: string | null;
  invoices: Invoice[];
  ledgerEntries: number;
  issues: Issue[];
  /** What the run records of usage; for a dry run, what the run would record. */
  usageRecorded: UsageRecorded;
  /**
   * No invoice, but usage to record (time covered by included hours or a contingent, click months
   * within the included pages): the run is stored all the same, or (dry run) would be, so these are
   * not open again next month.
   */
  recordsUsageOnly: boolean;
}

/**
 * Runs the monthly billing (PRODUCT.md §3 "Abrechnung", §5.2, §5.3): every charge due by the end of
 * the month and not yet in the ledger, plus differences for billed months whose versions changed.
 * The run, its invoices, its ledger entries, the invoice numbers and an audit entry are written in
 * one transaction; a dry run computes the same invoices and writes nothing. Billing a month twice
 * bills nothing the second time. Ticket time, flat fees and clicks (usage-lines.ts) are added to
 * the customers' invoices and their entries / click months marked billed in the same transaction.
 *
 * NOTE: the run reads only the ledger it needs: a contract's months up to its billing watermark are
 * billed and unchanged (the store lowers the watermark on every change), so a run costs what the
 * month costs, not what the history holds.
 */
export async function runBilling(ctx: AppContext, options: BillOptions): Promise<Result<BillOutcome>> {
  const invoiceDate = options.invoiceDate ?? (ctx.now().slice(0, 10) as IsoDate);
  const body = async (tx: StoreTx): Promise<Result<BillOutcome>> => {
    const prefix = (await tx.settings.get("invoicePrefix")) ?? "RE-";
    const nextInvoice = await tx.counters.peek("invoice");
    const runId = sequenceId("run", await tx.counters.peek("run"));
    const customers = await tx.customers.all();
    const contracts = await tx.contracts.all();
    const settledThrough = await tx.billingState.all();
    const formatInvoiceRef = (n: number) => `${prefix}${String(n).padStart(6, "0")}`;
    const recurring = computeBillingRun({
      runId,
      runMonth: options.month,
      invoiceDate,
      customers,
      contracts,
      versions: await tx.versions.all(),
      ledger: await ledgerAfterWatermarks(tx, contracts, settledThrough),
      settledThrough,
      nextInvoiceNumber: nextInvoice,
      formatInvoiceRef,
    });
    // Usage (ticket time, flat fees, clicks): appended to the invoices, marked billed below.
    const usage = await planUsage(tx, options.month);
    // Vendor usage (Azure …) approved in the usage review: `usage` lines on the same invoices.
    const vendorUsage = await planUsageCharges(tx, options.month);
    usage.lines.push(...vendorUsage.lines);
    const merged = mergeUsageLines(recurring.invoices, usage, { runId, invoiceDate, customers, nextInvoiceNumber: recurring.nextInvoiceNumber, formatInvoiceRef });
    const issues = [...recurring.issues, ...usage.issues, ...merged.issues];
    const invoices = merged.invoices;
    if (invoices.length > 0) {
      const early = await datedBeforeNumbered(tx, invoiceDate);
      if (early) return fail(early);
    }
    const marks = await usageMarksOf(tx, usage, merged, runId, new Set(customers.map((c) => c.no)));
    const billedUsage = usageBilledOf(vendorUsage, merged, runId);
    const usageRecorded: UsageRecorded = { timeEntries: marks.entries.length, clickMonths: marks.marks.length, usageRecords: billedUsage.length };
    const recordsUsageOnly = invoices.length === 0 && usageRecorded.timeEntries + usageRecorded.clickMonths + usageRecorded.usageRecords > 0;
    const outcome = { invoices, ledgerEntries: recurring.newLedgerEntries.length, issues, usageRecorded, recordsUsageOnly };
    if (options.dryRun || (invoices.length === 0 && !recordsUsageOnly)) return ok({ runId: null, ...outcome });
    await tx.counters.reserve("run");
    await tx.counters.reserve("invoice", invoices.length);
    await tx.ledger.addMany(recurring.newLedgerEntries);
    const markChanges = await writeUsageMarks(tx, marks);
    await markUsageBilled(tx, billedUsage);
    const at = ctx.now();
    await tx.runs.add({ id: runId, month: options.month, createdAt: at, invoiceDate, invoiceRefs: invoices.map((i) => i.invoiceRef), firstInvoiceNumber: nextInvoice });
    await tx.invoices.addMany(invoices.map((inv, seqInRun) => ({ ...inv, seqInRun })));
    await raiseWatermarks(tx, contracts, options.month, issues);
    await tx.audit.append([
      { at, kind: "billing.run", source: runId, entity: `run:${runId}`, after: { month: options.month, invoiceDate, invoices: invoices.length, ledgerEntries: recurring.newLedgerEntries.length, net: invoices.map((i) => [i.invoiceRef, i.netTotal]) } },
      ...markChanges.map((m) => ({ at, kind: "usage.mark", source: runId, entity: `usageMark:${m.key}`, ...(m.before !== undefined ? { before: m.before } : {}), after: m.after })),
      ...billedUsage.map((u) => ({ at, kind: "usage.billed", source: runId, entity: `usage:${u.id}`, after: u.billing })),
    ]);
    return ok({ runId, ...outcome });
  };
  return options.dryRun ? ctx.store.read(body) : ctx.store.write(body);
}

/**
 * The ledger entries a run must see: every entry of a contract without a watermark, and the entries
 * after the watermark of the others (grouped by watermark, so a handful of indexed queries).
 */
async function ledgerAfterWatermarks(tx: StoreTx, contracts: readonly Contract[], settled: ReadonlyMap<string, IsoMonth>): Promise<LedgerEntry[]> {
  const unsettled: string[] = [];
  const byMonth = new Map<IsoMonth, string[]>();
  for (const c of contracts) {
    const m = settled.get(c.no);
    if (m === undefined) unsettled.push(c.no);
    else byMonth.get(m)?.push(c.no) ?? byMonth.set(m, [c.no]);
  }
  const out = await tx.ledger.ofContracts(unsettled);
  for (const [month, nos] of byMonth) pushAll(out, (await tx.ledger.ofContracts(nos, addMonths(month, 1))));
  return out;
}

/**
 * After a run for `month`, every contract the run billed without a note has its due months billed
 * and matching its versions: its watermark rises to the end of its last due period. A contract a
 * note names (unknown customer, reverse charge with VAT …) is charged again from its ledger next
 * time, as before; so is one that a later change touches (the store lowers the watermark itself).
 *
 * NOTE: a suppressed credit does not keep the watermark down. The run decided it (no line) from the
 * contract's versions and ledger, and only a change of those (which lowers the watermark) can decide
 * it otherwise: below the watermark the same credit would only be suppressed, and noted, again every
 * month. Click notes concern click months (usage marks), not the recurring ledger.
 */
async function raiseWatermarks(tx: StoreTx, contracts: readonly Contract[], month: IsoMonth, issues: readonly Issue[]): Promise<void> {
  const blocking = issues.filter((i) => i.code !== "billing.credit_suppressed" && !i.code.startsWith("clicks."));
  const noted = new Set(blocking.map((i) => i.params?.contract).filter((c): c is string => typeof c === "string"));
  const byMonth = new Map<IsoMonth, string[]>();
  for (const c of contracts) {
    if (noted.has(c.no)) continue;
    const m = settledAfterRun(c, month);
    if (m !== undefined) byMonth.get(m)?.push(c.no) ?? byMonth.set(m, [c.no]);
  }
  for (const [m, nos] of byMonth) await tx.billingState.raise(nos, m);
}
