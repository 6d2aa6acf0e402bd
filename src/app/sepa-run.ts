import type { IsoDate } from "../core/date/iso-date";
import { Issue, Result, fail, issue, ok } from "../core/issues";
import { Decimal } from "../core/money/decimal";
import type { CollectionRecord } from "../core/sepa/sequence";
import { sepaMessageId } from "../core/sepa/message-id";
import { type CollectionPlan, type LeftOut, type RunDocument, collectionRecords, groupsOfScheme, planCollection } from "../core/sepa/plan";
import { runDocumentOf } from "../core/sepa/run-documents";
import { writePain008 } from "../io/sepa/pain008";
import type { StoreTx } from "../store/port";
import type { CollectionRow, StoredInvoice } from "../store/records";
import type { AppContext } from "./context";
import { debtorSettingsIn } from "./debit-of-invoices";
import { sepaSettingsIn } from "./sepa-settings";

export interface SepaRunRequest {
  runId: string;
  collectionDate: IsoDate;
  /**
   * Export invoices again that an earlier file of this program already holds (the first file was
   * lost or rejected by the bank). Without it such invoices are left out and, when nothing else is
   * left, the export fails: a collection is never silently doubled.
   */
  repeat?: boolean;
}

/** One written pain.008 file (German banks take CORE and B2B in separate files). */
export interface SepaFile {
  scheme: "CORE" | "B2B";
  messageId: string;
  xml: string;
  count: number;
  total: string;
  /** True when it holds invoices an earlier file held already. */
  repeat: boolean;
}

export interface SepaRunResult {
  files: SepaFile[];
  plan: CollectionPlan;
  /** The report: what was collected, what was left out and why, and warnings. */
  report: Issue[];
}

/**
 * The documents of a run as the collection planner sees them. A negative gross total is a credit
 * note; an invoice with `kind: "cancellation"` or a `cancels` field (the invoice lifecycle's Storno)
 * is a cancellation of the invoice it names.
 */
export function runDocumentsOf(invoices: readonly StoredInvoice[]): RunDocument[] {
  return invoices.map((inv) => {
    const doc = runDocumentOf(inv);
    const extra = inv as unknown as { kind?: unknown; cancels?: unknown };
    // A Stornorechnung stores what it cancels as { number, issueDate } (cancel-invoice.ts); older rows as the number.
    const cancels = typeof extra.cancels === "string" ? extra.cancels : typeof (extra.cancels as { number?: unknown } | undefined)?.number === "string" ? (extra.cancels as { number: string }).number : undefined;
    if (extra.kind === "cancellation" || cancels !== undefined) {
      const { correctsRef: _, ...rest } = doc;
      return { ...rest, kind: "cancellation", ...(cancels ?? doc.correctsRef ? { correctsRef: (cancels ?? doc.correctsRef)! } : {}) };
    }
    return doc;
  });
}

const toRow = (r: CollectionRecord): CollectionRow => ({ id: `${r.messageId}|${r.invoiceRef}`, ...r, offsets: r.offsets ? [...r.offsets] : undefined }) as CollectionRow;
const compactRow = (r: CollectionRow): CollectionRow => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as CollectionRow;

/**
 * Plans and writes the direct debit files of a run inside a write transaction `tx` (so a caller can
 * first issue the run in the same transaction): one payment per invoice of a direct-debit customer
 * with a usable mandate, records every collection in `tx.collections`, marks the mandates as used
 * (`nextSequenceType: "RCUR"`) and audits it. The caller writes the files after the commit.
 */
export async function exportSepaRunIn(tx: StoreTx, now: string, req: SepaRunRequest): Promise<Result<SepaRunResult>> {
  const run = await tx.runs.get(req.runId);
  if (!run || run.undoneAt) return fail(issue("export.unknown_run", { run: req.runId }));
  const creditor = await sepaSettingsIn(tx);
  if (!creditor.ok) return creditor;
  const stored = await tx.invoices.ofRun(req.runId);
  const documents = runDocumentsOf(stored);
  const inRun = new Set(stored.map((i) => i.invoiceRef));
  const cancelledElsewhere = new Map(stored.flatMap((i) => (i.cancelledBy !== undefined && !inRun.has(i.cancelledBy) ? [[i.invoiceRef, i.cancelledBy] as const] : [])));
  const { mandates, debtors, rows } = await debtorSettingsIn(tx, documents.map((d) => d.customerNo));
  const history = (await tx.collections.ofCustomers([...new Set(documents.map((d) => d.customerNo))])) as unknown as CollectionRecord[];
  const exported = new Set(history.map((h) => h.invoiceRef));
  const repeatRefs = req.repeat ? new Set(documents.map((d) => d.invoiceRef).filter((r) => exported.has(r))) : new Set<string>();
  const planned = planCollection({
    documents, debtors, mandates: new Map(mandates.map((m) => [m.customerNo, m])), history, creditor: creditor.value,
    collectionDate: req.collectionDate, today: now.slice(0, 10) as IsoDate, repeat: repeatRefs, cancelledElsewhere,
  });
  if (!planned.ok) return planned;
  const plan = planned.value;
  const report = sepaReport(plan);
  if (plan.count === 0) {
    const already = plan.leftOut.filter((l) => l.reason === "already_exported");
    return fail(...report, ...(already.length > 0 ? [issue("sepa.run_already_exported", { run: req.runId, count: already.length })] : []), issue("sepa.no_payments"));
  }
  // A new MsgId for every file of the run: files made before count, so a repeat never reuses one.
  const earlierFiles = new Set((await tx.collections.ofInvoices(documents.map((d) => d.invoiceRef))).map((c) => c.messageId.replace(/-B2B$/, "")));
  const fileNo = earlierFiles.size + 1;
  const files: SepaFile[] = [];
  const records: CollectionRecord[] = [];
  for (const scheme of ["CORE", "B2B"] as const) {
    const groups = groupsOfScheme(plan, scheme);
    if (groups.length === 0) continue;
    const messageId = sepaMessageId(req.runId, fileNo, scheme);
    const isRepeat = groups.some((g) => g.payments.some((p) => p.repeatOf !== undefined));
    const written = writePain008({
      messageId, createdAt: now.slice(0, 19), creditor: plan.creditor, collectionDate: plan.collectionDate, groups,
      ...(isRepeat ? { note: `REPEAT of ${[...new Set(groups.flatMap((g) => g.payments.flatMap((p) => p.repeatOf ?? [])))].join(", ")}: holds invoices an earlier file held` } : {}),
    });
    if (!written.ok) return written;
    files.push({ scheme, messageId, xml: written.value.xml, count: written.value.count, total: written.value.total, repeat: isRepeat });
    records.push(...collectionRecords(plan, groups, messageId));
  }
  await tx.collections.addMany(records.map((r) => compactRow(toRow(r))));
  const used = new Set(records.map((r) => r.customerNo));
  const mandateUpdates = rows.filter((r) => used.has(r.customerNo)).map((r) => ({ ...r, nextSequenceType: "RCUR", lastExportedCollection: req.collectionDate }));
  await tx.mandates.putMany(mandateUpdates);
  await tx.audit.append([
    ...files.map((f) => ({ at: now, kind: f.repeat ? "sepa.export.repeat" : "sepa.export", source: req.runId, entity: `sepa:${f.messageId}`, after: { scheme: f.scheme, count: f.count, total: f.total, collectionDate: req.collectionDate, invoices: records.filter((r) => r.messageId === f.messageId).map((r) => r.invoiceRef) } })),
    ...mandateUpdates.map((m, i) => ({ at: now, kind: "mandate.used", source: req.runId, entity: `mandate:${m.customerNo}`, before: rows.find((r) => r.customerNo === m.customerNo), after: mandateUpdates[i] })),
  ]);
  return ok({ files, plan, report });
}

/** {@link exportSepaRunIn} in a transaction of its own. */
export async function exportSepaRun(ctx: AppContext, req: SepaRunRequest): Promise<Result<SepaRunResult>> {
  return ctx.store.write((tx) => exportSepaRunIn(tx, ctx.now(), req));
}

/**
 * The report lines of a plan: one `sepa.report.collected` per payment group, one line per document
 * left out (with its reason), then the plan's warnings.
 */
export function sepaReport(plan: CollectionPlan): Issue[] {
  const lines: Issue[] = plan.groups.map((g) => issue("sepa.report.collected", { scheme: g.scheme, sequence: g.sequenceType, count: g.count, total: g.total, date: plan.collectionDate }, undefined, "info"));
  lines.push(...plan.leftOut.flatMap((l: LeftOut) => [l.message, ...(l.details ?? [])]));
  lines.push(...plan.issues);
  return lines;
}

/** The report as CSV for the clerk: invoice, customer, amount, collected or why not. */
export function sepaReportCsv(plan: CollectionPlan, format: (i: Issue) => string): string {
  const q = (s: string): string => (/[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [["invoice", "customer", "gross_total", "collected", "sequence_type", "scheme", "status", "message"].join(",")];
  for (const g of plan.groups) for (const p of g.payments) lines.push([p.invoiceRef, p.customerNo, p.grossTotal, p.amount, p.sequenceType, p.scheme, p.repeatOf ? "collected_repeat" : "collected", ""].map(q).join(","));
  for (const l of plan.leftOut) lines.push([l.invoiceRef, l.customerNo, new Decimal(l.grossTotal).toFixed(2), "0.00", "", "", l.reason, format(l.message)].map(q).join(","));
  return lines.join("\r\n") + "\r\n";
}
