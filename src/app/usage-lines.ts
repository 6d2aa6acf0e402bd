import { type Invoice, buildInvoice, compareNatural } from "../core/billing/invoice";
import { computeClickCharges, type ClickMonth } from "../core/clicks/bill-clicks";
import { type ClickMonthMark, clickMonthKey, type MeterReading } from "../core/clicks/model";
import type { Customer } from "../core/contract/model";
import type { IsoDate } from "../core/date/iso-date";
import type { IsoMonth } from "../core/date/iso-month";
import { Issue, issue } from "../core/issues";
import { computeTimeCharges, type EntryAllocation, type TimeChargeInput } from "../core/time/bill-time";
import type { TimeEntry } from "../core/time/model";
import { type UsageLine, usageInvoiceLine } from "../core/time/usage-line";
import type { MspDb } from "../store/db";
import { billedClickMonths } from "./meters";
import { activeRunIds, loadRules } from "./time";

/** The usage charges of a run month: ticket time, flat fees and clicks, with what they were computed from. */
export interface UsagePlan {
  lines: UsageLine[];
  allocations: EntryAllocation[];
  clickMonths: ClickMonth[];
  issues: Issue[];
}

/**
 * Computes the usage lines of a billing run for `month` (PRODUCT.md §5.4, §5.5), in arrears: time
 * entries dated up to the end of the month and click months up to the month that no active run billed.
 * Reads only; call inside the run's transaction (tables timeEntries, meterReadings, articles,
 * contracts, runs, settings).
 */
export async function planUsage(db: MspDb, month: IsoMonth): Promise<UsagePlan> {
  const input = await timeChargeInput(db, month);
  const { rules, contracts, articles } = input;
  const time = computeTimeCharges(input);
  const clicks = computeClickCharges({ runMonth: month, readings: (await db.meterReadings.toArray()) as MeterReading[], billedMonths: await billedClickMonths(db), rules, contracts, articles });
  return { lines: [...time.lines, ...clicks.lines], allocations: time.allocations, clickMonths: clicks.months, issues: [...time.issues, ...clicks.issues] };
}

/**
 * The time rating's input for a run month, read exactly as the billing run reads it (tables
 * timeEntries, articles, contracts, runs, settings): the review of time entries uses it too.
 */
export async function timeChargeInput(db: MspDb, month: IsoMonth): Promise<TimeChargeInput> {
  const rules = await loadRules(db);
  const contracts = await db.contracts.toArray();
  const articles = new Map((await db.articles.toArray()).map((a) => [a.no, a]));
  const activeRuns = await activeRunIds(db);
  return { runMonth: month, entries: (await db.timeEntries.toArray()) as TimeEntry[], activeRuns, rules, contracts, articles };
}

/** Where each usage line landed: invoice and line number, by line key. */
export type LinePlaces = Map<string, { invoiceRef: string; lineNo: number }>;

export interface MergedUsage {
  invoices: Invoice[];
  nextInvoiceNumber: number;
  places: LinePlaces;
  /** Invoice of each customer in this run. */
  invoiceOf: Map<string, string>;
  issues: Issue[];
}

/**
 * Appends the usage lines to the run's invoices: after the lines of the customer's invoice when it
 * has one, else on a new invoice numbered after the run's last (customers in number order). Totals
 * and VAT per rate are computed again over all lines (`buildInvoice`).
 */
export function mergeUsageLines(
  invoices: readonly Invoice[],
  plan: UsagePlan,
  run: { runId: string; invoiceDate: IsoDate; customers: readonly Customer[]; nextInvoiceNumber: number; formatInvoiceRef: (n: number) => string },
): MergedUsage {
  const customers = new Map(run.customers.map((c) => [c.no, c]));
  const issues: Issue[] = [];
  const byCustomer = new Map<string, UsageLine[]>();
  for (const l of plan.lines) {
    if (!customers.has(l.customerNo)) {
      issues.push(issue("billing.unknown_customer", { contract: l.contractNo || "-", customer: l.customerNo }, undefined, "warning"));
      continue;
    }
    byCustomer.get(l.customerNo)?.push(l) ?? byCustomer.set(l.customerNo, [l]);
  }
  const places: LinePlaces = new Map();
  const invoiceOf = new Map(invoices.map((i) => [i.customerNo, i.invoiceRef]));
  const out = invoices.map((inv) => withUsage(inv, byCustomer.get(inv.customerNo) ?? [], customers.get(inv.customerNo)!, run.runId, places));
  let next = run.nextInvoiceNumber;
  for (const customerNo of [...byCustomer.keys()].filter((c) => !invoiceOf.has(c)).sort(compareNatural)) {
    const empty = buildInvoice({ invoiceRef: run.formatInvoiceRef(next++), runId: run.runId, invoiceDate: run.invoiceDate, customer: customers.get(customerNo)! }, []);
    invoiceOf.set(customerNo, empty.invoiceRef);
    out.push(withUsage(empty, byCustomer.get(customerNo)!, customers.get(customerNo)!, run.runId, places));
  }
  return { invoices: out, nextInvoiceNumber: next, places, invoiceOf, issues };
}

function withUsage(inv: Invoice, lines: readonly UsageLine[], customer: Customer, runId: string, places: LinePlaces): Invoice {
  if (lines.length === 0) return inv;
  const added = lines.map((l, i) => usageInvoiceLine(l, inv.lines.length + i + 1));
  added.forEach((l, i) => places.set(lines[i]!.key, { invoiceRef: inv.invoiceRef, lineNo: l.lineNo }));
  return buildInvoice({ invoiceRef: inv.invoiceRef, runId, invoiceDate: inv.invoiceDate, customer }, [...inv.lines, ...added]);
}

/** True when the run has usage to record even without an invoice line (units covered by included hours or a contingent). */
export function hasUsageMarks(plan: UsagePlan): boolean {
  return plan.allocations.length > 0 || plan.clickMonths.length > 0;
}

/**
 * Records what the run billed, inside the run's transaction, so nothing is billed twice: each time
 * entry gets its `billing` (run, invoice, units covered and charged, line numbers, flat fees), each
 * click month a settings mark. Entries and months of an undone run count as open again. Returns the
 * settings rows written (the click marks), for the run's audit entries.
 */
export async function writeUsageMarks(db: MspDb, plan: UsagePlan, merged: MergedUsage, runId: string, customers: ReadonlySet<string>): Promise<SettingChange[]> {
  const entries = (await db.timeEntries.bulkGet(plan.allocations.map((a) => a.entryId))) as (TimeEntry | undefined)[];
  const updated: TimeEntry[] = [];
  plan.allocations.forEach((a, i) => {
    const e = entries[i];
    if (!e || !customers.has(e.customerNo)) return;
    const lineNos = a.lineKeys.map((k) => merged.places.get(k)?.lineNo).filter((n): n is number => n !== undefined);
    const billing = { runId, invoiceRef: merged.invoiceOf.get(e.customerNo) ?? "", contractNo: a.contractNo, unitMinutes: a.unitMinutes, units: a.units, included: a.included, contingent: a.contingent, charged: a.charged, lineNos, flatFeeKeys: a.flatFeeKeys };
    updated.push({ ...e, billing });
  });
  await db.timeEntries.bulkPut(updated);
  const marks = plan.clickMonths
    .map((m): ClickMonthMark | null => {
      const first = merged.places.get(m.lineKeys[0]!);
      return first ? { runId, invoiceRef: first.invoiceRef, contractNo: m.contractNo, month: m.month, lineNos: m.lineKeys.map((k) => merged.places.get(k)!.lineNo), readingIds: m.readingIds } : null;
    })
    .filter((m): m is ClickMonthMark => m !== null);
  const rows = marks.map((m) => ({ key: clickMonthKey(m.contractNo, m.month), value: m }));
  // A month billed by a run that was undone since has a mark already: it is replaced.
  const before = await db.settings.bulkGet(rows.map((r) => r.key));
  await db.settings.bulkPut(rows);
  return rows.map((r, i) => ({ key: r.key, before: before[i]?.value, after: r.value }));
}

/** A settings row a use case wrote, with its value before (absent when the key was new), for the audit log. */
export interface SettingChange {
  key: string;
  before?: unknown;
  after: unknown;
}
