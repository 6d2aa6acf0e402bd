import type { Mandate } from "../core/sepa/mandate";
import type { DebtorSettings } from "../core/sepa/plan";
import type { CollectionRecord } from "../core/sepa/sequence";
import type { StoreTx } from "../store/port";
import type { MandateRow } from "../store/records";
import { mandatesIn } from "./mandates";
import { sepaSettingsIn } from "./sepa-settings";

/** What the documents and e-invoices of some invoices need to say about direct debit. */
export interface DebitFacts {
  mandates: Map<string, Mandate>;
  debtors: Map<string, DebtorSettings>;
  /** Our creditor id from the direct debit settings (undefined when none are saved). */
  creditorId: string | undefined;
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

/** Mandates, payment settings, creditor id and collections for the invoices given. */
export async function debitFactsIn(tx: StoreTx, invoices: readonly { invoiceRef: string; customerNo: string }[]): Promise<DebitFacts> {
  const { mandates, debtors } = await debtorSettingsIn(tx, invoices.map((i) => i.customerNo));
  const settings = await sepaSettingsIn(tx);
  return {
    mandates: new Map(mandates.map((m) => [m.customerNo, m])),
    debtors,
    creditorId: settings.ok ? settings.value.creditorId : undefined,
    collected: await latestCollectionsIn(tx, invoices.map((i) => i.invoiceRef)),
  };
}
