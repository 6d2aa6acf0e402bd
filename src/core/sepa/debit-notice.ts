import { type IsoDate, germanDate } from "../date/iso-date";
import { type DebitTerms, earliestCollection } from "./einvoice-debit";
import { Issue, issue } from "../issues";
import { Decimal } from "../money/decimal";
import { maskIban } from "./iban";
import type { PlannedPayment } from "./plan";
import type { CollectionRecord } from "./sequence";

const germanAmount = (amount: string): string => `${new Decimal(amount).toFixed(2).replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))/g, ".")} €`;

/**
 * The pre-notification on an invoice that is collected by direct debit: "Der Betrag wird am … per
 * SEPA-Lastschrift von Ihrem Konto … eingezogen (Mandatsreferenz …, Gläubiger-ID …)", as message
 * `sepa.debit_notice` (German and English), or `sepa.debit_notice_netted` with the amount when credit
 * notes were netted against the invoice. The IBAN is masked; `date` and `amount` are written as on
 * the German invoice (`31.01.2026`, `1.234,50 €`) in both languages.
 */
export function debitNotice(payment: PlannedPayment, collectionDate: IsoDate, creditorId: string): Issue {
  return notice(payment.invoiceRef, payment.mandate.iban, payment.mandate.mandateRef, payment.amount, payment.offsets, collectionDate, creditorId);
}

/** {@link debitNotice} of a collection already exported (the store's record of it). */
export function debitNoticeOfRecord(r: CollectionRecord): Issue {
  return notice(r.invoiceRef, r.iban, r.mandateRef, r.amount, r.offsets ?? [], r.collectionDate, r.creditorId);
}

function notice(invoice: string, iban: string, mandate: string, amount: string, offsets: readonly { ref: string }[], collectionDate: IsoDate, creditorId: string): Issue {
  const params = { invoice, date: germanDate(collectionDate), iban: maskIban(iban), mandate, creditorId };
  if (offsets.length === 0) return issue("sepa.debit_notice", params, undefined, "info");
  return issue("sepa.debit_notice_netted", { ...params, amount: germanAmount(amount), credits: offsets.map((o) => o.ref).join(", ") }, undefined, "info");
}

/**
 * The pre-notification on an invoice of a direct-debit customer that is in no SEPA file yet: "Der
 * Betrag wird frühestens am … per SEPA-Lastschrift von Ihrem Konto … eingezogen (Mandatsreferenz …,
 * Gläubiger-ID …)" (`sepa.debit_notice_earliest`), the date being the invoice date plus the notice
 * period — the earliest collection the collection plan accepts without its short-notice warning.
 * Undefined without a creditor id (no direct debit settings: nothing can be collected).
 */
export function debitNoticeAhead(invoiceRef: string, invoiceDate: IsoDate, terms: DebitTerms): Issue | undefined {
  if (!terms.creditorId) return undefined;
  const date = germanDate(earliestCollection(invoiceDate, terms));
  return issue("sepa.debit_notice_earliest", { invoice: invoiceRef, date, iban: maskIban(terms.iban), mandate: terms.mandateRef, creditorId: terms.creditorId }, undefined, "info");
}
