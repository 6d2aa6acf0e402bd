import type { Invoice, InvoiceLine, VatTotal } from "../core/billing/invoice";
import type { LedgerEntry } from "../core/billing/ledger";
import type { IsoDate } from "../core/date/iso-date";
import { type Issue, Result, fail, issue, ok } from "../core/issues";
import { cancellationReason } from "../core/billing/cancellation-reason";
import type { StoreTx } from "../store/port";
import type { AuditRecord, RunRecord, StoredInvoice } from "../store/records";
import { usageMarkKey } from "../store/tables";
import type { AppContext } from "./context";
import { INVOICE_CHAIN_KEY, sealInvoices, type InvoiceChainHead } from "./issue-run";
import { datedBeforeNumbered, sequenceId } from "./numbering";

export interface CancelOutcome {
  /** The Stornorechnung's number and the run that holds it. */
  cancellationRef: string;
  runId: string;
  cancelled: string;
  grossTotal: string;
  /** What the cancelled invoice billed besides recurring months and gave back to the next run. */
  released: ReleasedCounts;
}

/** Counts of time entries, click months and vendor usage records released by a cancellation. */
export interface ReleasedCounts {
  timeEntries: number;
  clickMonths: number;
  usageRecords: number;
}

/** A decimal string negated as text, so its scale (cents, exact) stays as stored; zero stays zero. */
export function negateDecimal(s: string): string {
  if (s.startsWith("-")) return s.slice(1);
  return /^[0.]*$/.test(s) ? s : `-${s}`;
}

const negLine = (l: InvoiceLine, cancelled: string): InvoiceLine => ({
  ...l,
  quantity: negateDecimal(l.quantity),
  netAmount: negateDecimal(l.netAmount),
  exactAmount: negateDecimal(l.exactAmount),
  correctsRef: cancelled,
});
const negVat = (v: VatTotal): VatTotal => ({ vatPct: v.vatPct, net: negateDecimal(v.net), vat: negateDecimal(v.vat), gross: negateDecimal(v.gross) });

/**
 * Cancels an issued invoice (GoBD: an issued invoice is never changed): writes a Stornorechnung with
 * the negated lines and totals, its own number from the same gap-free range, referencing the
 * original's number and date; marks the original as cancelled; and appends the negated ledger
 * entries, so the cancelled months count as not billed and the next run bills them as the contract
 * stands then (a difference against what was issued); its time entries, click months and vendor usage
 * are released with it (see `releaseUsage`). It is dated `date` (default today), never before the invoice. The cancellation is issued at once. Refused
 * for a draft's invoice (undo the draft), a cancellation, an invoice cancelled already, and while a
 * draft run holds numbers (its undo could not give them back without a gap).
 */
export async function cancelInvoice(ctx: AppContext, invoiceRef: string, options: CancelOptions = {}): Promise<Result<CancelOutcome>> {
  const reason = cancellationReason(options.reason);
  if (!reason.ok) return reason;
  return ctx.store.write(async (tx) => {
    const original = await tx.invoices.get(invoiceRef);
    if (!original) return fail(issue("billing.cancel_unknown_invoice", { invoice: invoiceRef }));
    if (original.cancels) return fail(issue("billing.cancel_is_cancellation", { invoice: invoiceRef }));
    if (original.cancelledBy) return fail(issue("billing.cancel_already", { invoice: invoiceRef, cancellation: original.cancelledBy }));
    const run = await tx.runs.get(original.runId);
    if (!run || !run.issuedAt) return fail(issue("billing.cancel_not_issued", { invoice: invoiceRef, run: original.runId }));
    const draft = (await tx.runs.active()).find((r) => !r.issuedAt);
    if (draft) return fail(issue("billing.cancel_draft_pending", { run: draft.id }));
    const date = options.date ?? (ctx.now().slice(0, 10) as IsoDate);
    const early = datedBefore([original], date) ?? (await datedBeforeNumbered(tx, date));
    if (early) return fail(early);
    const [one] = await writeCancellations(tx, run, [original], { date, at: ctx.now(), reason: reason.value });
    return ok(one!);
  });
}

/** What cancelling a whole run wrote: one cancellation run holding a Stornorechnung per invoice. */
export interface CancelRunOutcome {
  runId: string;
  cancelledRun: string;
  cancellations: CancelOutcome[];
  /** Invoices of the run cancelled earlier, one by one; left as they are. */
  cancelledBefore: string[];
}

/**
 * Cancels every invoice of an issued billing run that is not cancelled yet (a run billed for the wrong
 * month or from wrong master data, after its file went to the ERP): one cancellation run, issued at
 * once, with a Stornorechnung per invoice in the run's number order, all in one transaction — all or
 * nothing. Its `export --run` gives the ERP one file with every Stornorechnung. The same refusals as
 * for one invoice: a draft run (undo it), a cancellation run, a run with nothing left to cancel, and
 * while a draft run holds numbers.
 */
export async function cancelRun(ctx: AppContext, runId: string, options: CancelOptions = {}): Promise<Result<CancelRunOutcome>> {
  const reason = cancellationReason(options.reason);
  if (!reason.ok) return reason;
  return ctx.store.write(async (tx) => {
    const run = await tx.runs.get(runId);
    if (!run || run.undoneAt) return fail(issue("billing.cancel_unknown_run", { run: runId }));
    if (run.kind === "cancellation") return fail(issue("billing.cancel_run_is_cancellation", { run: runId }));
    if (!run.issuedAt) return fail(issue("billing.cancel_run_not_issued", { run: runId }));
    const draft = (await tx.runs.active()).find((r) => !r.issuedAt);
    if (draft) return fail(issue("billing.cancel_draft_pending", { run: draft.id }));
    const invoices = (await tx.invoices.ofRun(runId)).sort((a, b) => a.seqInRun - b.seqInRun || a.invoiceRef.localeCompare(b.invoiceRef));
    const open = invoices.filter((i) => !i.cancelledBy);
    const cancelledBefore = invoices.filter((i) => i.cancelledBy).map((i) => i.invoiceRef);
    if (open.length === 0) return fail(issue("billing.cancel_run_nothing", { run: runId, count: invoices.length }));
    const date = options.date ?? (ctx.now().slice(0, 10) as IsoDate);
    const early = datedBefore(open, date) ?? (await datedBeforeNumbered(tx, date));
    if (early) return fail(early);
    const cancellations = await writeCancellations(tx, run, open, { date, at: ctx.now(), reason: reason.value });
    return ok({ runId: cancellations[0]!.runId, cancelledRun: runId, cancellations, cancelledBefore });
  });
}

/** How to cancel: the Stornorechnung's date (default today) and the reason printed on it (optional). */
export interface CancelOptions {
  date?: IsoDate;
  /** Why the invoice is cancelled (Stornogrund): one line, printed on the Stornorechnung and kept in the audit log. */
  reason?: string;
}

/** A Stornorechnung dated before the invoice it cancels (the first such invoice), else undefined. */
function datedBefore(originals: readonly StoredInvoice[], date: IsoDate): Issue | undefined {
  const first = originals.find((o) => date < o.invoiceDate);
  return first && issue("billing.cancel_date_before_invoice", { invoice: first.invoiceRef, date, invoiceDate: first.invoiceDate });
}

/** What a cancellation gave back to the next run: time entries, vendor usage and click months, by invoice. */
interface ReleasedUsage {
  timeEntries: Map<string, string[]>;
  usageRecords: Map<string, string[]>;
  clickMonths: Map<string, string[]>;
}

const addTo = (m: Map<string, string[]>, invoiceRef: string, id: string) => void (m.get(invoiceRef)?.push(id) ?? m.set(invoiceRef, [id]));

/**
 * Releases what the cancelled invoices billed besides recurring months: their time entries and vendor
 * usage records lose their `billing`, and their click months' marks are removed, so the next run bills
 * them again as they stand then (contingents, included hours and flat fees used come back with them).
 * The invoice keeps what it billed, and the audit entry of each cancellation names what it released.
 */
async function releaseUsage(tx: StoreTx, runId: string, invoiceRefs: ReadonlySet<string>): Promise<ReleasedUsage> {
  const out: ReleasedUsage = { timeEntries: new Map(), usageRecords: new Map(), clickMonths: new Map() };
  const entries = (await tx.timeEntries.billedBy([runId])).filter((e) => invoiceRefs.has(e.billing!.invoiceRef));
  for (const e of entries) addTo(out.timeEntries, e.billing!.invoiceRef, e.id);
  await tx.timeEntries.putMany(entries.map(({ billing: _b, ...e }) => e));
  const records = (await tx.usageRecords.billedBy([runId])).filter((r) => invoiceRefs.has(r.billing!.invoiceRef));
  for (const r of records) addTo(out.usageRecords, r.billing!.invoiceRef, r.id);
  await tx.usageRecords.putMany(records.map(({ billing: _b, ...r }) => r));
  const marks = (await tx.usageMarks.all()).filter((m) => m.runId === runId && invoiceRefs.has(m.invoiceRef));
  const keys = marks.map((m) => usageMarkKey(m.contractNo, m.month));
  marks.forEach((m, i) => addTo(out.clickMonths, m.invoiceRef, keys[i]!));
  await tx.usageMarks.deleteMany(keys);
  return out;
}

/** The audit entry's account of what one cancelled invoice released (absent when nothing). */
function releasedOf(r: ReleasedUsage, invoiceRef: string): { released?: Record<string, string[]> } {
  const parts = Object.entries({ timeEntries: r.timeEntries.get(invoiceRef), usageRecords: r.usageRecords.get(invoiceRef), clickMonths: r.clickMonths.get(invoiceRef) }).filter(
    (p): p is [string, string[]] => p[1] !== undefined,
  );
  return parts.length === 0 ? {} : { released: Object.fromEntries(parts) };
}

/**
 * One cancellation run with a Stornorechnung per original (numbers in the originals' order), the
 * originals marked, the negated ledger entries, their usage released and an audit entry per invoice.
 */
async function writeCancellations(tx: StoreTx, run: RunRecord, originals: StoredInvoice[], how: { date: IsoDate; at: string; reason: string | undefined }): Promise<CancelOutcome[]> {
  const { date, at, reason } = how;
  const prefix = (await tx.settings.get("invoicePrefix")) ?? "RE-";
  const first = await tx.counters.reserve("invoice", originals.length);
  const numbers = originals.map((_, k) => first + k);
  const runId = sequenceId("run", await tx.counters.reserve("run"));
  const stornos: StoredInvoice[] = [];
  const ledger: LedgerEntry[] = [];
  const outcomes: CancelOutcome[] = [];
  const audit: AuditRecord[] = [];
  const released = await releaseUsage(tx, run.id, new Set(originals.map((o) => o.invoiceRef)));
  for (const [k, original] of originals.entries()) {
    const invoiceRef = original.invoiceRef;
    const ref = `${prefix}${String(numbers[k]).padStart(6, "0")}`;
    const { seqInRun: _s, cancelledBy: _c, chainSeq: _q, prevHash: _p, hash: _h, ledgerHash: _l, ...inv } = original;
    const storno: StoredInvoice = {
      ...(inv as Invoice),
      invoiceRef: ref,
      runId,
      invoiceDate: date,
      documentType: "correction",
      lines: original.lines.map((l) => negLine(l, invoiceRef)),
      vatTotals: original.vatTotals.map(negVat),
      netTotal: negateDecimal(original.netTotal),
      vatTotal: negateDecimal(original.vatTotal),
      grossTotal: negateDecimal(original.grossTotal),
      seqInRun: k,
      cancels: { number: invoiceRef, issueDate: original.invoiceDate, ...(reason !== undefined ? { reason } : {}) },
    };
    stornos.push(storno);
    const entries = (await tx.ledger.ofRun(original.runId))
      .filter((e) => e.invoiceRef === invoiceRef)
      .map((e) => ({
        ...e,
        id: `${runId}:${ref}:${e.lineNo}:${e.month}`,
        runId,
        invoiceRef: ref,
        quantity: negateDecimal(e.quantity),
        exactAmount: negateDecimal(e.exactAmount),
        roundedAmount: negateDecimal(e.roundedAmount),
        lineType: "difference" as const,
        correctsRef: e.correctsRef ?? invoiceRef,
        cancelsRef: invoiceRef,
      }));
    ledger.push(...entries);
    audit.push({
      at,
      kind: "invoice.cancel",
      source: runId,
      entity: `invoice:${invoiceRef}`,
      before: { invoiceRef, runId: original.runId, netTotal: original.netTotal, grossTotal: original.grossTotal },
      after: { cancellationRef: ref, invoiceDate: date, ...(reason !== undefined ? { reason } : {}), netTotal: storno.netTotal, grossTotal: storno.grossTotal, ledgerEntries: entries.length, ...releasedOf(released, invoiceRef) },
    });
    const count = (m: Map<string, string[]>) => m.get(invoiceRef)?.length ?? 0;
    outcomes.push({ cancellationRef: ref, runId, cancelled: invoiceRef, grossTotal: storno.grossTotal, released: { timeEntries: count(released.timeEntries), clickMonths: count(released.clickMonths), usageRecords: count(released.usageRecords) } });
  }
  await tx.runs.add({ id: runId, month: run.month, createdAt: at, invoiceDate: date, invoiceRefs: stornos.map((i) => i.invoiceRef), firstInvoiceNumber: numbers[0]!, issuedAt: at, issuedBy: "cancellation", kind: "cancellation" });
  // The negated entries first: the Stornorechnungen's ledger digest is taken from the store as sealed.
  await tx.ledger.addMany(ledger);
  await tx.invoices.addMany(await sealInvoices(tx, stornos));
  await tx.invoices.putMany(originals.map((o, k) => ({ ...o, cancelledBy: stornos[k]!.invoiceRef })));
  // The cancellation run is issued at once, and like any issue its chain head goes into the audit
  // chain: cutting the last Stornorechnungen (and the head) then breaks the audit chain too.
  const chainHead = (await tx.settings.getRaw(INVOICE_CHAIN_KEY)) as InvoiceChainHead | undefined;
  audit.push({ at, kind: "billing.run.issue", source: runId, entity: `run:${runId}`, after: { issuedAt: at, issuedBy: "cancellation", invoiceRefs: stornos.map((i) => i.invoiceRef), ...(chainHead ? { chainHead } : {}) } });
  await tx.audit.append(audit);
  return outcomes;
}

/** The released counts of several cancellations added up (a whole run's). */
export function sumReleased(list: readonly ReleasedCounts[]): ReleasedCounts {
  return list.reduce((a, r) => ({ timeEntries: a.timeEntries + r.timeEntries, clickMonths: a.clickMonths + r.clickMonths, usageRecords: a.usageRecords + r.usageRecords }), { timeEntries: 0, clickMonths: 0, usageRecords: 0 });
}
