/**
 * Review and approval of time entries before billing (PRODUCT.md §3 "Tickets / Zeiten", §5.4): the
 * open entries of a month rated exactly as the billing run would rate them, and the clerk's decision
 * per entry. Approved means billable: the next billing run bills every open billable entry once (and
 * records it as billed), so an entry switched off is left out and one switched back on is billed by
 * the next run.
 */
import type { IsoMonth } from "../core/date/iso-month";
import { type Issue, type Result, fail, issue, ok } from "../core/issues";
import { type TimeEntry, isBilled } from "../core/time/model";
import { type TimeDecision, type TimeReview, buildTimeReview } from "../core/time/review";
import type { AppContext } from "./context";
import { timeChargeInput } from "./usage-lines";
import { activeRunIds } from "./usage-state";

export type { TimeDecision, TimeReview, TimeReviewRow, TimeReviewStatus } from "../core/time/review";

/**
 * The open entries (not billed by an active run) dated on or before the end of `month`, billable or
 * not, rated as the billing run for that month would rate them: the same input read the same way
 * (`timeChargeInput`), the same pure computation (`buildTimeReview` over `computeTimeCharges`).
 * Reads only.
 */
export async function reviewTimeEntries(ctx: AppContext, month: IsoMonth): Promise<TimeReview> {
  return ctx.store.read(async (tx) => {
    const input = await timeChargeInput(tx, month);
    const customers = new Map((await tx.customers.all()).map((c) => [c.no, c.name]));
    return buildTimeReview(input, customers);
  });
}

export interface TimeDecisionSummary {
  /** Entries switched on (approved) and off. */
  approved: number;
  withdrawn: number;
  unchanged: number;
}

/**
 * Sets `billable` on time entries as decided (approved = billable), in one transaction with one audit
 * entry per changed entry. Only entries no active run has billed can change: a decision that would
 * change a billed entry, an unknown entry or an entry decided twice is an issue naming its row, and
 * then nothing is changed. Decisions equal to the stored flag change nothing (applying the same sheet
 * twice writes nothing the second time).
 */
export async function applyTimeDecisions(ctx: AppContext, decisions: readonly TimeDecision[], origin?: { name: string; sha256: string }): Promise<Result<TimeDecisionSummary>> {
  const issues: Issue[] = [];
  const first = new Map<string, TimeDecision>();
  for (const d of decisions) {
    const seen = first.get(d.entryId);
    if (seen) issues.push(issue("time.review_duplicate_entry", { entry: d.entryId, other: seen.where.row ?? "?" }, d.where));
    else first.set(d.entryId, d);
  }
  if (issues.length > 0) return fail(...issues);
  const summary: TimeDecisionSummary = { approved: 0, withdrawn: 0, unchanged: 0 };
  await ctx.store.write(async (tx) => {
    const active = await activeRunIds(tx);
    const stored = await tx.timeEntries.getMany(decisions.map((d) => d.entryId));
    const writes: { before: TimeEntry; after: TimeEntry }[] = [];
    decisions.forEach((d, i) => {
      const e = stored[i];
      if (!e) return void issues.push(issue("time.review_unknown_entry", { entry: d.entryId }, d.where));
      if (e.billable === d.billable) return void summary.unchanged++;
      if (isBilled(e, active)) return void issues.push(issue("time.review_billed", { entry: e.id, ticket: e.ticketNo, run: e.billing!.runId }, d.where));
      writes.push({ before: e, after: { ...e, billable: d.billable } });
      if (d.billable) summary.approved++;
      else summary.withdrawn++;
    });
    if (issues.length > 0 || writes.length === 0) return;
    await tx.timeEntries.putMany(writes.map((w) => w.after));
    const at = ctx.now();
    const source = origin ? `sha256:${origin.sha256}` : "manual";
    await tx.audit.append(
      writes.map((w) => ({ at, kind: "time.approve", source, entity: `time:${w.after.id}`, before: { billable: w.before.billable }, after: { billable: w.after.billable, ...(origin ? { file: origin.name } : {}) } })),
    );
  });
  return issues.length > 0 ? fail(...issues) : ok(summary);
}
