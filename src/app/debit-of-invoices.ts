import { debitTermsOf, type DebitTerms } from "../core/sepa/einvoice-debit";
import type { Mandate } from "../core/sepa/mandate";
import type { IssuedParties } from "../io/export/documents/issued-parties";
import type { DebtorSettings } from "../core/sepa/plan";
import type { CollectionRecord } from "../core/sepa/sequence";
import type { StoreTx } from "../store/port";
import type { MandateRow } from "../store/records";
import { mandatesIn } from "./mandates";
import { sepaSettingsIn } from "./sepa-settings";

/** What the e-invoices of some invoices need to say about direct debit. */
export interface DebitFacts {
  /** Each customer's direct debit terms as of now (null: it pays otherwise). */
  terms: Map<string, DebitTerms | null>;
  /** The latest SEPA collection of each invoice already in a file. */
  collected: Map<string, CollectionRecord>;
}

/**
 * The customers' payment settings: the mandate row's, overridden by a `paymentMethod` on the
 * customer record (the customer's own setting wins).
 */
export async function debtorSettingsIn(tx: StoreTx, customerNos: readonly string[]): Promise<{ mandates: Mandate[]; debtors: Map<string, DebtorSettings>; rows: MandateRow[] }> {
  const { mandates, debtors, rows } = await mandatesIn(tx);
  for (const c of await tx.customers.getMany([...new Set(customerNos)])) {
    const method = (c as unknown as { paymentMethod?: unknown } | undefined)?.paymentMethod;
    if (c && (method === "direct_debit" || method === "transfer")) debtors.set(c.no, { ...debtors.get(c.no), paymentMethod: method });
  }
  return { mandates, debtors, rows };
}

/** The latest collection record of each of the invoices (the latest file when exported again). */
export async function latestCollectionsIn(tx: StoreTx, invoiceRefs: readonly string[]): Promise<Map<string, CollectionRecord>> {
  const latest = new Map<string, CollectionRecord>();
  for (const r of (await tx.collections.ofInvoices([...invoiceRefs])) as unknown as CollectionRecord[]) {
    const seen = latest.get(r.invoiceRef);
    if (!seen || seen.collectionDate <= r.collectionDate) latest.set(r.invoiceRef, r);
  }
  return latest;
}

/**
 * Each customer's direct debit terms as of now: its mandate, our creditor id and notice period when it
 * pays by direct debit, null when it pays otherwise. Issuing keeps them with each invoice (`issuedParties.directDebit`).
 */
export async function debitTermsIn(tx: StoreTx, customerNos: readonly string[]): Promise<Map<string, DebitTerms | null>> {
  const nos = [...new Set(customerNos)];
  const { mandates, debtors } = await debtorSettingsIn(tx, nos);
  const settings = await sepaSettingsIn(tx);
  const creditor = settings.ok ? settings.value : undefined;
  const mandateOf = new Map(mandates.map((m) => [m.customerNo, m]));
  return new Map(nos.map((no) => [no, debitTermsOf(mandateOf.get(no), debtors.get(no), creditor)]));
}

/**
 * The direct debit terms an invoice states: those kept when it was issued (null: its customer paid
 * otherwise then), else — a draft, or an invoice issued before they were kept — its customer's of today.
 */
export function debitTermsOfInvoice(invoice: { customerNo: string; issuedParties?: IssuedParties }, facts: Pick<DebitFacts, "terms">): DebitTerms | null | undefined {
  const kept = invoice.issuedParties?.directDebit;
  return kept !== undefined ? kept : facts.terms.get(invoice.customerNo);
}

/** Today's direct debit terms of the invoices' customers and the invoices' collections. */
export async function debitFactsIn(tx: StoreTx, invoices: readonly { invoiceRef: string; customerNo: string }[]): Promise<DebitFacts> {
  return {
    terms: await debitTermsIn(tx, invoices.map((i) => i.customerNo)),
    collected: await latestCollectionsIn(tx, invoices.map((i) => i.invoiceRef)),
  };
}
