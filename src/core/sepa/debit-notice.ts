import type { IsoDate } from "../date/iso-date";
import { Issue, issue } from "../issues";
import { Decimal } from "../money/decimal";
import { maskIban } from "./iban";
import type { PlannedPayment } from "./plan";

const germanDate = (d: IsoDate): string => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
const germanAmount = (amount: string): string => `${new Decimal(amount).toFixed(2).replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))/g, ".")} €`;

/**
 * The pre-notification on an invoice that is collected by direct debit: "Der Betrag wird am … per
 * SEPA-Lastschrift von Ihrem Konto … eingezogen (Mandatsreferenz …, Gläubiger-ID …)", as message
 * `sepa.debit_notice` (German and English), or `sepa.debit_notice_netted` with the amount when credit
 * notes were netted against the invoice. The IBAN is masked; `date` and `amount` are written as on
 * the German invoice (`31.01.2026`, `1.234,50 €`) in both languages.
 */
export function debitNotice(payment: PlannedPayment, collectionDate: IsoDate, creditorId: string): Issue {
  const params = {
    invoice: payment.invoiceRef,
    date: germanDate(collectionDate),
    iban: maskIban(payment.mandate.iban),
    mandate: payment.mandate.mandateRef,
    creditorId,
  };
  if (payment.offsets.length === 0) return issue("sepa.debit_notice", params, undefined, "info");
  return issue("sepa.debit_notice_netted", { ...params, amount: germanAmount(payment.amount), credits: payment.offsets.map((o) => o.ref).join(", ") }, undefined, "info");
}
