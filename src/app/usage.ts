/**
 * Usage re-billing (issue 19, README "Usage re-billing"): usage lines of vendor files (NCE Azure plan
 * lines, daily rated usage, usage columns of user profiles) summed per vendor customer, product and
 * month into usage records, priced by the usage rules, reviewed (approve / hold) and billed by the
 * billing run as `usage` lines. Usage lines are never seats (reconcile skips them).
 */
import type { IsoMonth } from "../core/date/iso-month";
import { type Issue, type Result, fail, hasErrors, issue, ok } from "../core/issues";
import { mappingKey } from "../core/reconcile/external-id";
import type { MappingLookup } from "../core/reconcile/reconcile-month";
import { aggregateUsage } from "../core/usage/aggregate";
import type { UsageDecision, UsageMark, UsageRecord, UsageSourceLine } from "../core/usage/model";
import type { UsageCostInput } from "../core/purchase/cost-check";
import { parseUsageRules } from "../io/usage/usage-rules-json";
import { type UsageCharges, type UsageInput, type UsageReview, buildUsageReview, computeUsageCharges } from "../core/usage/review";
import { EMPTY_USAGE_RULES, type UsageRules } from "../core/usage/rules";
import type { VendorLine } from "../io/vendor/vendor-line";
import type { StoreTx } from "../store/port";
import type { UsageRecordRow } from "../store/records";
import { type AppContext, sha256Hex } from "./context";
import { nextBatchId } from "./numbering";
import type { VendorFileRead } from "./reconcile";
import { dropUndefined } from "./undo-steps";
import { activeRunIds } from "./usage-state";

export const USAGE_RULES_KEY = "usage.rules";

/** A stored usage record: the core record, the clerk's decision and (once billed) its billing. */
export type StoredUsage = UsageRecordRow & UsageRecord & { decision?: UsageDecision; billing?: { runId: string; invoiceRef: string; lineNo?: number; net: string; cost: string } };

/** The usage rules stored (empty until `usage rules set`). */
export async function loadUsageRules(tx: StoreTx): Promise<UsageRules> {
  return (await tx.settings.get("usage.rules")) ?? EMPTY_USAGE_RULES;
}

/** The stored rules in their own read transaction (for hosts listing them). */
export function storedUsageRules(ctx: AppContext): Promise<UsageRules> {
  return ctx.store.read(loadUsageRules);
}

/** Validates and stores the usage rules document (replacing the previous one); unknown customers and articles are warnings. */
export async function setUsageRules(ctx: AppContext, text: string, source: string): Promise<Result<{ customers: number; articles: number; warnings: Issue[] }>> {
  const parsed = parseUsageRules(text, source);
  if (!parsed.ok) return parsed;
  const rules = parsed.value;
  const warnings: Issue[] = [];
  const fileHash = await sha256Hex(new TextEncoder().encode(text));
  await ctx.store.write(async (tx) => {
    const customers = new Set(await tx.customers.keys());
    const articles = new Set(await tx.articles.keys());
    for (const no of Object.keys(rules.customers)) if (!customers.has(no)) warnings.push(issue("usagerules.unknown_customer", { customer: no }, { source }, "warning"));
    for (const [path, no] of articleRefs(rules)) if (!articles.has(no)) warnings.push(issue("rules.unknown_article", { article: no, path }, { source }, "warning"));
    const before = await tx.settings.get("usage.rules");
    await tx.settings.put("usage.rules", rules);
    await tx.audit.append([{ at: ctx.now(), kind: "usage.rules.set", source: `sha256:${fileHash}`, entity: `setting:${USAGE_RULES_KEY}`, before, after: rules }]);
  });
  return ok({ customers: Object.keys(rules.customers).length, articles: Object.keys(rules.articles).length, warnings });
}

function articleRefs(rules: UsageRules): [string, string][] {
  const out: [string, string][] = [];
  if (rules.defaults?.articleNo) out.push(["defaults.articleNo", rules.defaults.articleNo]);
  for (const [no, r] of Object.entries(rules.articles)) {
    out.push([`articles.${no}`, no]);
    if (r.articleNo) out.push([`articles.${no}.articleNo`, r.articleNo]);
  }
  for (const [c, r] of Object.entries(rules.customers)) {
    if (r.articleNo) out.push([`customers.${c}.articleNo`, r.articleNo]);
    for (const [no, a] of Object.entries(r.articles ?? {})) {
      out.push([`customers.${c}.articles.${no}`, no]);
      if (a.articleNo) out.push([`customers.${c}.articles.${no}.articleNo`, a.articleNo]);
    }
  }
  return out;
}

/** A vendor file's usage line as the usage core reads it. */
export function toUsageSourceLine(l: VendorLine): UsageSourceLine {
  return {
    profileId: l.profileId,
    source: l.source,
    row: l.row,
    vendorCustomerId: l.vendorCustomerId,
    vendorCustomerName: l.vendorCustomerName,
    vendorArticleKey: l.vendorArticleKey,
    vendorArticleName: l.vendorArticleName,
    chargeFrom: l.chargeFrom,
    quantity: l.quantity,
    amount: l.amount,
    ...(l.listAmount !== undefined ? { listAmount: l.listAmount } : {}),
    currency: l.currency,
    ...(l.meter !== undefined ? { meter: l.meter } : {}),
    ...(l.unit !== undefined ? { unit: l.unit } : {}),
  };
}

export interface UsageImportSummary {
  batchId: string | null;
  /** Usage lines read and records they sum to. */
  lines: number;
  records: number;
  added: number;
  /** Records re-imported with other figures, replacing the unbilled stored one. */
  changed: number;
  unchanged: number;
  months: IsoMonth[];
}

/** The figures that make a record what it is: a re-import with the same figures changes nothing. */
function sameFigures(a: UsageRecord, b: UsageRecord): boolean {
  return a.quantity === b.quantity && a.cost === b.cost && a.listAmount === b.listAmount && a.unit === b.unit && a.rows.join(" ") === b.rows.join(" ") && a.meters.join(";") === b.meters.join(";");
}

/**
 * Imports the usage lines of vendor files (issue 19) as usage records: summed per source, vendor
 * customer, product, currency and month (`aggregateUsage`), one undoable batch, all or nothing. A
 * record (same key) imported again replaces the stored one while no active run has billed it, keeping
 * the clerk's decision; a billed record whose figures changed is an error and nothing is imported. A
 * file's usage of a month is the whole month: import the complete month's file. Reading errors, and
 * usage lines without a date, stop the import. Licence lines of the files are ignored here.
 */
export async function importUsage(ctx: AppContext, reads: readonly VendorFileRead[]): Promise<Result<UsageImportSummary>> {
  const issues: Issue[] = reads.flatMap((r) => r.result.issues);
  if (hasErrors(issues)) return fail(...issues);
  const lines = reads.flatMap((r) => r.result.lines.filter((l) => l.chargeKind === "usage").map(toUsageSourceLine));
  const { records, undated } = aggregateUsage(lines);
  for (const l of undated) issues.push(issue("usage.undated", { customer: l.vendorCustomerId, product: l.vendorArticleKey }, { source: l.source, row: l.row }));
  if (lines.length === 0) issues.push(issue("usage.no_lines", {}, { source: reads.map((r) => r.name).join(", ") }));
  if (hasErrors(issues)) return fail(...issues);
  const summary: UsageImportSummary = { batchId: null, lines: lines.length, records: records.length, added: 0, changed: 0, unchanged: 0, months: [...new Set(records.map((r) => r.month))].sort() };
  await ctx.store.write(async (tx) => {
    const active = await activeRunIds(tx);
    const stored = (await tx.usageRecords.getMany(records.map((r) => r.key))) as (StoredUsage | undefined)[];
    const writes: StoredUsage[] = [];
    records.forEach((r, i) => {
      const old = stored[i];
      if (!old) return void (summary.added++, writes.push({ ...r, id: r.key }));
      if (sameFigures(old, r)) return void summary.unchanged++;
      if (old.billing && active.has(old.billing.runId)) return void issues.push(issue("usage.changed_after_billing", { key: r.key, run: old.billing.runId, invoice: old.billing.invoiceRef }, { source: r.rows[0] ?? "" }));
      summary.changed++;
      // A record billed by an undone run is open again: its old billing goes with the new figures.
      const { billing: _b, batchId: _id, ...kept } = old;
      writes.push({ ...kept, ...r, id: r.key });
    });
    if (hasErrors(issues) || writes.length === 0) return;
    const at = ctx.now();
    const batchId = await nextBatchId(tx, "usage");
    summary.batchId = batchId;
    await tx.usageRecords.putMany(writes.map((w) => ({ ...w, batchId })));
    const before = new Map(stored.filter((s): s is StoredUsage => s !== undefined).map((s) => [s.id, s]));
    const undo = dropUndefined(writes.map((w) => ({ table: "usageRecords" as const, key: w.id, before: before.get(w.id) })));
    await tx.batches.add({ id: batchId, kind: "usage-import", createdAt: at, files: reads.map((r) => ({ name: r.name, sha256: r.sha256 })), profileId: reads[0]?.result.profile?.id ?? "", versionIds: [], details: { added: summary.added, changed: summary.changed, unchanged: summary.unchanged }, undo });
    await tx.audit.append([{ at, kind: "usage.import", source: batchId, entity: `file:${reads.map((r) => r.name).join(", ")}`, after: { added: summary.added, changed: summary.changed, keys: writes.map((w) => w.id) } }]);
  });
  return hasErrors(issues) ? fail(...issues) : ok(summary);
}

/**
 * The usage input of a run month, read exactly as the billing run reads it (the review uses it too):
 * records of months up to `month` no active run billed, mappings by normal form, the usage rules and
 * the clerk's holds.
 */
export async function usageInput(tx: StoreTx, month: IsoMonth): Promise<UsageInput & { stored: StoredUsage[] }> {
  const active = await activeRunIds(tx);
  const stored = (await tx.usageRecords.open(active, month)) as StoredUsage[];
  const mappings = await tx.mappings.all();
  const byKey = new Map(mappings.map((m) => [mappingKey(m.kind, m.source, m.externalId), m.internalNo]));
  const lookup: MappingLookup = (kind, source, externalId) => byKey.get(mappingKey(kind, source, externalId)) ?? byKey.get(mappingKey(kind, "*", externalId));
  return {
    runMonth: month,
    records: stored,
    lookup,
    customers: new Map((await tx.customers.all()).map((c) => [c.no, c])),
    articles: new Map((await tx.articles.all()).map((a) => [a.no, a])),
    rules: await loadUsageRules(tx),
    billed: new Set(),
    held: new Set(stored.filter((s) => s.decision === "hold").map((s) => s.id)),
    stored,
  };
}

/** The usage review of a run month: every open record rated as the billing run will rate it. Reads only. */
export function reviewUsage(ctx: AppContext, month: IsoMonth): Promise<UsageReview> {
  return ctx.store.read(async (tx) => buildUsageReview(await usageInput(tx, month)));
}

/** The usage charges of a run month (inside the run's transaction). */
export async function planUsageCharges(tx: StoreTx, month: IsoMonth): Promise<UsageCharges & { stored: Map<string, StoredUsage> }> {
  const input = await usageInput(tx, month);
  return { ...computeUsageCharges(input), stored: new Map(input.stored.map((s) => [s.id, s])) };
}

export interface UsageDecisionInput {
  key: string;
  decision: UsageDecision;
  where?: { source?: string; row?: number; column?: string };
}

/**
 * Stores the clerk's decisions (approve / hold) on usage records, all or nothing, one audit entry per
 * change. A record billed by an active run, an unknown key or a key decided twice is an issue naming
 * its row. Decisions equal to the stored one change nothing.
 */
export async function applyUsageDecisions(ctx: AppContext, decisions: readonly UsageDecisionInput[], origin?: { name: string; sha256: string }): Promise<Result<{ approved: number; held: number; unchanged: number }>> {
  const issues: Issue[] = [];
  const seen = new Map<string, UsageDecisionInput>();
  for (const d of decisions) {
    const other = seen.get(d.key);
    if (other) issues.push(issue("usage.review_duplicate", { key: d.key, other: other.where?.row ?? "?" }, d.where));
    else seen.set(d.key, d);
  }
  if (issues.length > 0) return fail(...issues);
  const summary = { approved: 0, held: 0, unchanged: 0 };
  await ctx.store.write(async (tx) => {
    const active = await activeRunIds(tx);
    const stored = (await tx.usageRecords.getMany(decisions.map((d) => d.key))) as (StoredUsage | undefined)[];
    const writes: { before: StoredUsage; after: StoredUsage }[] = [];
    decisions.forEach((d, i) => {
      const r = stored[i];
      if (!r) return void issues.push(issue("usage.review_unknown", { key: d.key }, d.where));
      if ((r.decision ?? "approve") === d.decision) return void summary.unchanged++;
      if (r.billing && active.has(r.billing.runId)) return void issues.push(issue("usage.review_billed", { key: d.key, run: r.billing.runId }, d.where));
      writes.push({ before: r, after: { ...r, decision: d.decision } });
      if (d.decision === "hold") summary.held++;
      else summary.approved++;
    });
    if (issues.length > 0 || writes.length === 0) return;
    await tx.usageRecords.putMany(writes.map((w) => w.after));
    const at = ctx.now();
    const source = origin ? `sha256:${origin.sha256}` : "manual";
    await tx.audit.append(
      writes.map((w) => ({ at, kind: "usage.decide", source, entity: `usage:${w.after.id}`, before: { decision: w.before.decision ?? "approve" }, after: { decision: w.after.decision, ...(origin ? { file: origin.name } : {}) } })),
    );
  });
  return issues.length > 0 ? fail(...issues) : ok(summary);
}

/**
 * The usage side of the cost check: the file's usage records of `month` (summed as the import sums
 * them) and, per record, what an active run billed for the stored record of the same key.
 */
export async function usageCostInput(tx: StoreTx, reads: readonly VendorFileRead[], month: IsoMonth): Promise<UsageCostInput> {
  const { records } = aggregateUsage(reads.flatMap((r) => r.result.lines.filter((l) => l.chargeKind === "usage").map(toUsageSourceLine)));
  const ofMonth = records.filter((r) => r.month === month);
  const active = await activeRunIds(tx);
  const stored = (await tx.usageRecords.getMany(ofMonth.map((r) => r.key))) as (StoredUsage | undefined)[];
  const marks: UsageMark[] = [];
  for (const s of stored) {
    const b = s?.billing;
    if (!s || !b || !active.has(b.runId)) continue;
    marks.push({ key: s.id, runId: b.runId, invoiceRef: b.invoiceRef, lineNo: b.lineNo ?? 0, customerNo: s.customerNo ?? "", articleNo: "", month: s.month, net: b.net, cost: b.cost });
  }
  const mappings = await tx.mappings.all();
  const byKey = new Map(mappings.map((m) => [mappingKey(m.kind, m.source, m.externalId), m.internalNo]));
  const lookup: MappingLookup = (kind, source, externalId) => byKey.get(mappingKey(kind, source, externalId)) ?? byKey.get(mappingKey(kind, "*", externalId));
  return { records: ofMonth, lookup, customers: new Map((await tx.customers.all()).map((c) => [c.no, c])), marks };
}
