import type { MergedUsage } from "../core/billing/merge-usage";
import { computeClickCharges, type ClickChargeInput, type ClickMonth } from "../core/clicks/bill-clicks";
import type { ClickMonthMark } from "../core/clicks/model";
import { type IsoMonth, lastDayOf } from "../core/date/iso-month";
import type { Issue } from "../core/issues";
import { computeTimeCharges, type EntryAllocation, type TimeChargeInput } from "../core/time/bill-time";
import { type TimeEntry, billedSurcharges } from "../core/time/model";
import type { UsageLine } from "../core/time/usage-line";
import type { StoreTx } from "../store/port";
import { usageMarkKey } from "../store/tables";
import { activeRunIds, billedClickMonths, loadRules } from "./usage-state";

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
 * Reads only; call inside the run's transaction.
 */
export async function planUsage(tx: StoreTx, month: IsoMonth): Promise<UsagePlan> {
  const input = await timeChargeInput(tx, month);
  const time = computeTimeCharges(input);
  const clicks = computeClickCharges(await clickChargeInput(tx, month, input));
  return { lines: [...time.lines, ...clicks.lines], allocations: time.allocations, clickMonths: clicks.months, issues: [...time.issues, ...clicks.issues] };
}

/**
 * The time rating's input for a run month, read exactly as the billing run reads it: the review of
 * time entries uses it too. The entries are those of the customers with open entries up to the end
 * of the month (their billed ones carry the contingent balances, included hours and flat fees used).
 */
export async function timeChargeInput(tx: StoreTx, month: IsoMonth): Promise<TimeChargeInput> {
  const rules = await loadRules(tx);
  const contracts = await tx.contracts.all();
  const articles = new Map((await tx.articles.all()).map((a) => [a.no, a]));
  const activeRuns = await activeRunIds(tx);
  const open = await tx.timeEntries.open(activeRuns, lastDayOf(month));
  const entries = open.length === 0 ? [] : await tx.timeEntries.ofCustomers([...new Set(open.map((e) => e.customerNo))]);
  return { runMonth: month, entries, activeRuns, rules, contracts, articles };
}

/**
 * The click rating's input for a run month, read exactly as the billing run reads it (the meter review
 * uses it too): every stored reading and the click months active runs billed; rules, contracts and
 * articles from `base` when the caller has read them already.
 */
export async function clickChargeInput(tx: StoreTx, month: IsoMonth, base?: Pick<TimeChargeInput, "rules" | "contracts" | "articles">): Promise<ClickChargeInput> {
  const rules = base?.rules ?? (await loadRules(tx));
  const contracts = base?.contracts ?? (await tx.contracts.all());
  const articles = base?.articles ?? new Map((await tx.articles.all()).map((a) => [a.no, a]));
  return { runMonth: month, readings: await tx.meterReadings.all(), billedMonths: await billedClickMonths(tx), rules, contracts, articles };
}

/** A usage mark a run wrote, with the one it replaced (a month billed by a run undone since), for the audit log. */
export interface MarkChange {
  key: string;
  before?: ClickMonthMark;
  after: ClickMonthMark;
}

/** What a run records of ticket time and clicks: the time entries with their `billing`, the click months' marks. */
export interface UsageMarks {
  entries: TimeEntry[];
  marks: ClickMonthMark[];
}

/**
 * What the run records as billed, read only, so a dry run can say it too (a month with nothing to
 * invoice still records covered time and click months): each time entry with its `billing` (run,
 * invoice, units covered and charged, line numbers, flat fees), each click month a usage mark. Entries
 * and months of customers the run does not know stay open.
 */
export async function usageMarksOf(tx: StoreTx, plan: UsagePlan, merged: MergedUsage, runId: string, customers: ReadonlySet<string>): Promise<UsageMarks> {
  const entries = await tx.timeEntries.getMany(plan.allocations.map((a) => a.entryId));
  const updated: TimeEntry[] = [];
  plan.allocations.forEach((a, i) => {
    const e = entries[i];
    if (!e || !customers.has(e.customerNo)) return;
    const lineNos = a.lineKeys.map((k) => merged.places.get(k)?.lineNo).filter((n): n is number => n !== undefined);
    const billing = { runId, invoiceRef: merged.invoiceOf.get(e.customerNo) ?? "", contractNo: a.contractNo, unitMinutes: a.unitMinutes, units: a.units, included: a.included, contingent: a.contingent, charged: a.charged, lineNos, flatFeeKeys: a.flatFeeKeys, surcharges: billedSurcharges(a.surcharges) };
    updated.push({ ...e, billing });
  });
  // A month read but with nothing to charge has no line: it is marked with the customer's invoice of the
  // run (if any, so cancelling that invoice opens it again, like a covered time entry), else with none.
  const marks = plan.clickMonths
    .map((m): ClickMonthMark | null => {
      if (m.lineKeys.length === 0) return customers.has(m.customerNo) ? { runId, invoiceRef: merged.invoiceOf.get(m.customerNo) ?? "", contractNo: m.contractNo, month: m.month, lineNos: [], readingIds: m.readingIds } : null;
      const first = merged.places.get(m.lineKeys[0]!);
      return first ? { runId, invoiceRef: first.invoiceRef, contractNo: m.contractNo, month: m.month, lineNos: m.lineKeys.map((k) => merged.places.get(k)!.lineNo), readingIds: m.readingIds } : null;
    })
    .filter((m): m is ClickMonthMark => m !== null);
  return { entries: updated, marks };
}

/**
 * Records what the run billed ({@link usageMarksOf}), inside the run's transaction, so nothing is
 * billed twice. Entries and months of an undone run count as open again.
 */
export async function writeUsageMarks(tx: StoreTx, planned: UsageMarks): Promise<MarkChange[]> {
  await tx.timeEntries.putMany(planned.entries);
  const marks = planned.marks;
  const keys = marks.map((m) => usageMarkKey(m.contractNo, m.month));
  const before = await tx.usageMarks.getMany(keys);
  await tx.usageMarks.putMany(marks);
  return marks.map((m, i) => ({ key: keys[i]!, ...(before[i] ? { before: before[i] } : {}), after: m }));
}
