import { compareNatural } from "../billing/invoice";
import type { DecimalString } from "../contract/model";
import { type IsoDate, daysBetween, germanDate } from "../date/iso-date";
import { Issue, Result, fail, issue, ok } from "../issues";
import { Decimal, ZERO, sum, toCentsString } from "../money/decimal";
import { identifierProblem, toSepaText } from "./charset";
import { type CreditorSettings, DEFAULT_PRE_NOTIFICATION_DAYS, type SequenceType, checkCreditor } from "./creditor";
import { normalizeIban } from "./iban";
import { type Mandate, type MandateScheme, mandateIssues } from "./mandate";
import { type AmendmentDetails, type CollectionRecord, type Offset, mandateUse } from "./sequence";
import { collectionDateIssues } from "./target2";

/** What a document of a billing run is, for collection. */
export type DocumentKind = "invoice" | "credit_note" | "cancellation";

/** One issued document of a run, as the collection planner needs it. */
export interface RunDocument {
  invoiceRef: string;
  customerNo: string;
  kind: DocumentKind;
  /** Gross total, two decimals; negative for credit notes and cancellations. */
  grossTotal: DecimalString;
  invoiceDate: IsoDate;
  /** For a cancellation: the invoice it cancels. */
  correctsRef?: string;
}

export type PaymentMethod = "direct_debit" | "transfer";

/** How a customer pays. */
export interface DebtorSettings {
  paymentMethod: PaymentMethod;
  /** Net this customer's credit notes and cancellations against its invoices in the same file. */
  netCredits?: boolean;
}

export interface CollectionPlanInput {
  documents: readonly RunDocument[];
  /** Payment method per customer number; a customer without an entry pays by transfer. */
  debtors: ReadonlyMap<string, DebtorSettings>;
  /** The current mandate per customer number. */
  mandates: ReadonlyMap<string, Mandate>;
  /** Every earlier exported collection (all runs). */
  history: readonly CollectionRecord[];
  creditor: CreditorSettings;
  collectionDate: IsoDate;
  today: IsoDate;
  /** Invoices to export again although an earlier file holds them (explicit repeat). */
  repeat?: ReadonlySet<string>;
  /**
   * Invoices of the run cancelled by a Stornorechnung outside it (a cancellation is a run of its
   * own): invoice number → the cancellation's number. They are never collected.
   */
  cancelledElsewhere?: ReadonlyMap<string, string>;
}

/** One collection of the plan: an invoice of a direct-debit customer. */
export interface PlannedPayment {
  /** The invoice number, also the EndToEndId. */
  invoiceRef: string;
  customerNo: string;
  invoiceDate: IsoDate;
  grossTotal: DecimalString;
  /** Gross total less the credit notes netted against it; two decimals, > 0. */
  amount: DecimalString;
  offsets: Offset[];
  mandate: Mandate;
  scheme: MandateScheme;
  sequenceType: SequenceType;
  amendment?: AmendmentDetails;
  /** RmtInf/Ustrd, in the SEPA character set, at most 140 characters. */
  remittance: string;
  /** MsgIds of earlier files holding this invoice, when it is exported again on request. */
  repeatOf?: string[];
}

/** The payments of one PmtInf: one scheme, one sequence type. */
export interface PaymentGroup {
  scheme: MandateScheme;
  sequenceType: SequenceType;
  payments: PlannedPayment[];
  count: number;
  /** Sum of the payments' amounts, two decimals. */
  total: DecimalString;
}

export const LEFT_OUT_REASONS = [
  "credit_note", "cancellation", "cancels_invoice", "cancelled", "cancelled_after_export", "netted", "netted_partly", "credit_already_offset",
  "not_direct_debit", "zero_or_negative", "offset_by_credits", "already_exported", "invalid_reference",
  "no_mandate", "invalid_mandate", "mandate_revoked", "mandate_expired", "amount_too_large",
] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

/** A document of the run that is not collected, and why (message code `sepa.report.<reason>`). */
export interface LeftOut {
  invoiceRef: string;
  customerNo: string;
  kind: DocumentKind;
  grossTotal: DecimalString;
  reason: LeftOutReason;
  /** The report line: code `sepa.report.<reason>` with its params. */
  message: Issue;
  /** For an invalid mandate: its problems. */
  details?: Issue[];
}

export interface CollectionPlan {
  collectionDate: IsoDate;
  /** The checked creditor settings (IBAN, BIC, creditor id in electronic form). */
  creditor: CreditorSettings;
  /** Ordered CORE before B2B, FRST before RCUR. */
  groups: PaymentGroup[];
  /** Every document of the run not collected, in the run's order. */
  leftOut: LeftOut[];
  /** Warnings (pre-notification too short, repeated invoices, mandate dates). */
  issues: Issue[];
  count: number;
  total: DecimalString;
}

/** The largest amount of one SEPA collection (EPC AT-06). */
export const MAX_COLLECTION_AMOUNT = new Decimal("999999999.99");

const byDateAndRef = (a: RunDocument, b: RunDocument): number => (a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : compareNatural(a.invoiceRef, b.invoiceRef));

/** The remittance text: invoice number and date, and the credit notes netted against it. */
export function remittanceText(invoiceRef: string, invoiceDate: IsoDate, offsets: readonly Offset[]): string {
  const base = `Rechnung ${invoiceRef} vom ${germanDate(invoiceDate)}`;
  if (offsets.length === 0) return toSepaText(base, 140);
  const full = toSepaText(`${base} abzgl. ${offsets.map((o) => o.ref).join(", ")}`, 140);
  return full.length < 140 ? full : toSepaText(`${base} abzgl. Gutschriften`, 140);
}

interface Candidate {
  doc: RunDocument;
  mandate: Mandate;
  scheme: MandateScheme;
  sequenceType: SequenceType;
  amendment?: AmendmentDetails;
  repeatOf?: string[];
}

/**
 * Plans the collections of a run: one payment per issued invoice of a direct-debit customer with a
 * usable mandate, for its gross total (less credit notes when the customer nets them), grouped by
 * scheme and sequence type. Every other document is in `leftOut` with its reason; nothing is
 * guessed. An invoice already in an earlier file is left out unless it is in `repeat`, and then it
 * is marked as a repeat and warned about. Fails when the creditor settings or the collection date
 * are not usable.
 */
export function planCollection(input: CollectionPlanInput): Result<CollectionPlan> {
  const creditorResult = checkCreditor(input.creditor);
  const dateIssues = collectionDateIssues(input.collectionDate, input.today, input.creditor.leadDays ?? 1);
  if (!creditorResult.ok || dateIssues.length > 0) return fail(...(creditorResult.ok ? [] : creditorResult.issues), ...dateIssues);
  const creditor = creditorResult.value;
  const { collectionDate, repeat = new Set<string>() } = input;
  const issues: Issue[] = [];
  const leftOut = new Map<string, LeftOut>();
  const leave = (doc: RunDocument, reason: LeftOutReason, params: Issue["params"] = {}, details?: Issue[]): void => {
    const severity = reason === "credit_note" || reason === "cancellation" || reason === "cancels_invoice" || reason === "netted" || reason === "not_direct_debit" ? "info" : "warning";
    leftOut.set(doc.invoiceRef, {
      invoiceRef: doc.invoiceRef,
      customerNo: doc.customerNo,
      kind: doc.kind,
      grossTotal: doc.grossTotal,
      reason,
      message: issue(`sepa.report.${reason}`, { invoice: doc.invoiceRef, customer: doc.customerNo, amount: doc.grossTotal, ...params }, undefined, severity),
      ...(details ? { details } : {}),
    });
  };

  const exportedIn = new Map<string, CollectionRecord[]>();
  for (const r of input.history) exportedIn.set(r.invoiceRef, [...(exportedIn.get(r.invoiceRef) ?? []), r]);
  const inRun = new Set(input.documents.map((d) => d.invoiceRef));
  // Records of invoices exported again are recomputed: they neither count as use of the mandate
  // nor keep their credit notes consumed.
  const recomputed = (r: CollectionRecord): boolean => repeat.has(r.invoiceRef) && inRun.has(r.invoiceRef);
  const history = input.history.filter((r) => !recomputed(r));

  const cancelledBy = new Map<string, RunDocument>();
  // Two cancellations of one invoice should not happen; if they do, the earliest one cancels it
  // whatever the order of the documents, and the other is treated as a credit.
  for (const d of input.documents) {
    if (d.kind !== "cancellation" || d.correctsRef === undefined || !inRun.has(d.correctsRef)) continue;
    const seen = cancelledBy.get(d.correctsRef);
    if (seen === undefined || byDateAndRef(d, seen) < 0) cancelledBy.set(d.correctsRef, d);
  }

  const nets = (customerNo: string): boolean => {
    const s = input.debtors.get(customerNo);
    return s?.paymentMethod === "direct_debit" && s.netCredits === true;
  };

  const candidates: Candidate[] = [];
  const credits: RunDocument[] = [];
  const useCache = new Map<string, ReturnType<typeof mandateUse>>();
  for (const doc of input.documents) {
    const gross = new Decimal(doc.grossTotal);
    if (doc.kind === "cancellation" && doc.correctsRef !== undefined && cancelledBy.get(doc.correctsRef) === doc) {
      leave(doc, "cancels_invoice", { cancelled: doc.correctsRef });
      continue;
    }
    const elsewhere = input.cancelledElsewhere?.get(doc.invoiceRef);
    if (cancelledBy.has(doc.invoiceRef) || elsewhere !== undefined) {
      const cancellation = cancelledBy.get(doc.invoiceRef)?.invoiceRef ?? elsewhere!;
      const exported = exportedIn.get(doc.invoiceRef);
      if (exported) leave(doc, "cancelled_after_export", { cancellation, files: exported.map((r) => r.messageId).join(", ") });
      else leave(doc, "cancelled", { cancellation });
      continue;
    }
    if (doc.kind !== "invoice" || gross.isNegative()) {
      if (gross.isNegative() && nets(doc.customerNo)) credits.push(doc);
      else leave(doc, doc.kind === "invoice" ? "zero_or_negative" : doc.kind);
      continue;
    }
    const debtor = input.debtors.get(doc.customerNo);
    if (debtor?.paymentMethod !== "direct_debit") {
      leave(doc, "not_direct_debit", { method: debtor?.paymentMethod ?? "transfer" });
      continue;
    }
    if (gross.isZero()) {
      leave(doc, "zero_or_negative");
      continue;
    }
    const earlier = exportedIn.get(doc.invoiceRef);
    if (earlier && !repeat.has(doc.invoiceRef)) {
      leave(doc, "already_exported", { files: earlier.map((r) => r.messageId).join(", "), date: earlier[earlier.length - 1]!.collectionDate });
      continue;
    }
    if (identifierProblem(doc.invoiceRef) !== null) {
      leave(doc, "invalid_reference");
      continue;
    }
    const mandate = input.mandates.get(doc.customerNo);
    if (!mandate) {
      leave(doc, "no_mandate");
      continue;
    }
    const problems = mandateIssues(mandate, input.today);
    if (problems.length > 0) {
      leave(doc, "invalid_mandate", { mandate: mandate.mandateRef }, problems);
      continue;
    }
    if (mandate.revokedOn !== undefined && mandate.revokedOn <= collectionDate) {
      leave(doc, "mandate_revoked", { mandate: mandate.mandateRef, date: mandate.revokedOn });
      continue;
    }
    let use = useCache.get(doc.customerNo);
    if (!use) {
      use = mandateUse(mandate, history.filter((r) => r.customerNo === doc.customerNo), creditor);
      useCache.set(doc.customerNo, use);
    }
    if (collectionDate >= use.expiresOn) {
      leave(doc, "mandate_expired", { mandate: mandate.mandateRef, last: use.lastCollection ?? mandate.signatureDate, date: use.expiresOn });
      continue;
    }
    candidates.push({
      doc, mandate, scheme: mandate.scheme, sequenceType: use.sequenceType,
      ...(use.amendment ? { amendment: use.amendment } : {}),
      ...(earlier ? { repeatOf: earlier.map((r) => r.messageId) } : {}),
    });
  }

  // Netting: per customer, credits (oldest first) against its collectible invoices (oldest first).
  // Credit already used by files that are not being redone stays used.
  const usedBefore = new Map<string, Decimal>();
  for (const r of history) for (const o of r.offsets ?? []) usedBefore.set(o.ref, (usedBefore.get(o.ref) ?? ZERO).plus(o.amount));
  const offsetsOf = new Map<string, Offset[]>();
  const creditUse = new Map<string, { used: Decimal; invoices: string[] }>();
  const customers = [...new Set(credits.map((c) => c.customerNo))];
  for (const customerNo of customers) {
    const left = credits
      .filter((c) => c.customerNo === customerNo)
      .sort(byDateAndRef)
      .map((c) => ({ doc: c, rest: new Decimal(c.grossTotal).abs().minus(usedBefore.get(c.invoiceRef) ?? ZERO) }));
    for (const cand of candidates.filter((c) => c.doc.customerNo === customerNo).sort((a, b) => byDateAndRef(a.doc, b.doc))) {
      let open = new Decimal(cand.doc.grossTotal);
      const offsets: Offset[] = [];
      for (const credit of left) {
        if (open.isZero()) break;
        if (!credit.rest.greaterThan(0)) continue;
        const take = Decimal.min(open, credit.rest);
        credit.rest = credit.rest.minus(take);
        open = open.minus(take);
        offsets.push({ ref: credit.doc.invoiceRef, amount: toCentsString(take) });
        const u = creditUse.get(credit.doc.invoiceRef) ?? { used: ZERO, invoices: [] };
        creditUse.set(credit.doc.invoiceRef, { used: u.used.plus(take), invoices: [...u.invoices, cand.doc.invoiceRef] });
      }
      if (offsets.length > 0) offsetsOf.set(cand.doc.invoiceRef, offsets);
    }
  }
  for (const c of credits) {
    const before = usedBefore.get(c.invoiceRef) ?? ZERO;
    const total = new Decimal(c.grossTotal).abs();
    const now = creditUse.get(c.invoiceRef);
    if (!now) {
      if (before.greaterThanOrEqualTo(total)) leave(c, "credit_already_offset", { used: toCentsString(before) });
      else leave(c, c.kind === "invoice" ? "zero_or_negative" : c.kind);
      continue;
    }
    const rest = total.minus(before).minus(now.used);
    if (rest.isZero()) leave(c, "netted", { used: toCentsString(now.used), invoices: now.invoices.join(", ") });
    else leave(c, "netted_partly", { used: toCentsString(now.used), rest: toCentsString(rest), invoices: now.invoices.join(", ") });
  }

  const payments: PlannedPayment[] = [];
  for (const cand of candidates) {
    const offsets = offsetsOf.get(cand.doc.invoiceRef) ?? [];
    const amount = new Decimal(cand.doc.grossTotal).minus(sum(offsets.map((o) => new Decimal(o.amount))));
    if (amount.isZero()) {
      leave(cand.doc, "offset_by_credits", { credits: offsets.map((o) => o.ref).join(", ") });
      continue;
    }
    if (amount.greaterThan(MAX_COLLECTION_AMOUNT)) {
      leave(cand.doc, "amount_too_large", { max: MAX_COLLECTION_AMOUNT.toFixed(2) });
      continue;
    }
    if (cand.repeatOf) issues.push(issue("sepa.repeat_export", { invoice: cand.doc.invoiceRef, files: cand.repeatOf.join(", ") }, undefined, "warning"));
    payments.push({
      invoiceRef: cand.doc.invoiceRef,
      customerNo: cand.doc.customerNo,
      invoiceDate: cand.doc.invoiceDate,
      grossTotal: cand.doc.grossTotal,
      amount: toCentsString(amount),
      offsets,
      mandate: cand.mandate,
      scheme: cand.scheme,
      sequenceType: cand.sequenceType,
      ...(cand.amendment ? { amendment: cand.amendment } : {}),
      remittance: remittanceText(cand.doc.invoiceRef, cand.doc.invoiceDate, offsets),
      ...(cand.repeatOf ? { repeatOf: cand.repeatOf } : {}),
    });
  }

  const preNotification = creditor.preNotificationDays ?? DEFAULT_PRE_NOTIFICATION_DAYS;
  const late = payments.filter((p) => daysBetween(p.invoiceDate, collectionDate) < preNotification);
  if (late.length > 0) issues.push(issue("sepa.prenotification_short", { count: late.length, days: preNotification, invoice: late[0]!.invoiceRef, date: collectionDate }, undefined, "warning"));

  const groups: PaymentGroup[] = [];
  for (const scheme of ["CORE", "B2B"] as const) {
    for (const sequenceType of ["FRST", "RCUR"] as const) {
      const own = payments.filter((p) => p.scheme === scheme && p.sequenceType === sequenceType);
      if (own.length > 0) groups.push({ scheme, sequenceType, payments: own, count: own.length, total: toCentsString(sum(own.map((p) => new Decimal(p.amount)))) });
    }
  }
  const order = new Map(input.documents.map((d, i) => [d.invoiceRef, i]));
  return ok({
    collectionDate,
    creditor,
    groups,
    leftOut: [...leftOut.values()].sort((a, b) => order.get(a.invoiceRef)! - order.get(b.invoiceRef)!),
    issues,
    count: payments.length,
    total: toCentsString(sum(payments.map((p) => new Decimal(p.amount)))),
  });
}

/** The plan's groups of one scheme: German banks take CORE and B2B only in separate files. */
export function groupsOfScheme(plan: CollectionPlan, scheme: MandateScheme): PaymentGroup[] {
  return plan.groups.filter((g) => g.scheme === scheme);
}

/**
 * The records the store keeps for the payments of a written file (see {@link CollectionRecord}):
 * `groups` are the groups written to the file with MsgId `messageId`.
 */
export function collectionRecords(plan: CollectionPlan, groups: readonly PaymentGroup[], messageId: string): CollectionRecord[] {
  const { collectionDate } = plan;
  const creditorId = plan.creditor.creditorId;
  return groups.flatMap((g) =>
    g.payments.map((p) => ({
      invoiceRef: p.invoiceRef,
      customerNo: p.customerNo,
      messageId,
      collectionDate,
      sequenceType: p.sequenceType,
      scheme: p.scheme,
      mandateRef: p.mandate.mandateRef,
      iban: normalizeIban(p.mandate.iban),
      creditorId,
      amount: p.amount,
      ...(p.offsets.length > 0 ? { offsets: p.offsets } : {}),
    })),
  );
}
