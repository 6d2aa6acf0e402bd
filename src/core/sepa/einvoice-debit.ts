import type { EInvoiceInput } from "../einvoice/build-einvoice";
import { type IsoDate, addDays, germanDate } from "../date/iso-date";
import { Decimal } from "../money/decimal";
import { DEFAULT_PRE_NOTIFICATION_DAYS } from "./creditor";
import type { Mandate } from "./mandate";
import type { DebtorSettings } from "./plan";
import type { CollectionRecord } from "./sequence";


/**
 * How an invoice is collected by SEPA direct debit: the mandate reference (BT-89), the debited IBAN
 * (BT-91) and our creditor id (BT-90). Kept with an issued invoice, so its e-invoice made later names
 * the mandate it was issued under, not one signed since.
 */
export interface DebitTerms {
  mandateRef: string;
  iban: string;
  creditorId?: string;
  /** Days between invoice date and collection the invoice announces (the direct debit settings' `preNotificationDays`). */
  preNotificationDays?: number;
}

/**
 * A customer's direct debit terms: its mandate's reference and IBAN with our creditor id and notice
 * period (the direct debit settings) when it pays by direct debit and has a mandate, null when it pays otherwise (its own master data decide).
 */
export function debitTermsOf(mandate: Mandate | undefined, debtor: DebtorSettings | undefined, creditor: { creditorId: string; preNotificationDays?: number } | undefined): DebitTerms | null {
  if (debtor?.paymentMethod !== "direct_debit" || !mandate) return null;
  return {
    mandateRef: mandate.mandateRef,
    iban: mandate.iban,
    ...(creditor ? { creditorId: creditor.creditorId } : {}),
    ...(creditor?.preNotificationDays !== undefined ? { preNotificationDays: creditor.preNotificationDays } : {}),
  };
}

/** The earliest day an invoice under these terms may be collected: its date plus the notice period (the plan's short-notice check). */
export function earliestCollection(invoiceDate: IsoDate, terms: DebitTerms): IsoDate {
  return addDays(invoiceDate, terms.preNotificationDays ?? DEFAULT_PRE_NOTIFICATION_DAYS);
}

/**
 * The e-invoice input of an invoice collected by SEPA direct debit: payment means 59 with the
 * mandate reference (BT-89), our creditor id (BT-90) and the debited IBAN (BT-91) from the terms
 * (see {@link debitTermsOf}: the stored mandate and the direct debit settings, or those kept when the
 * invoice was issued), so the customer's master data need not repeat them.
 * When the invoice is already in a SEPA file (`record`), what was collected wins: the collection date
 * is the due date (BT-9) and the payment terms (BT-20) pre-notify it; before that the payment terms
 * name the earliest collection (invoice date plus the notice period), as the printed invoice does. A credit
 * note gets the mandate's account, to which it is paid out. Without terms (transfer, no mandate) the
 * input is returned unchanged (the customer's own master data decide).
 */
export function withDirectDebit(input: EInvoiceInput, terms: DebitTerms | null | undefined, record?: CollectionRecord): EInvoiceInput {
  if (!terms) return input;
  // A credit is not collected: it is paid out to the account the mandate debits (payment means 58, see buildEInvoice).
  if (new Decimal(input.invoice.grossTotal).isNegative()) return { ...input, customer: { ...input.customer, paymentMeans: "direct_debit", sepaMandateRef: terms.mandateRef, sepaDebtorIban: terms.iban } };
  if (!new Decimal(input.invoice.grossTotal).greaterThan(0)) return input;
  const iban = record?.iban ?? terms.iban;
  const mandateRef = record?.mandateRef ?? terms.mandateRef;
  const creditor = record?.creditorId ?? terms.creditorId ?? input.seller.creditorId;
  // Collected: when and how much; not yet: the earliest day, as the printed invoice pre-notifies it.
  const notice = record
    ? `Einzug per SEPA-Lastschrift am ${germanDate(record.collectionDate)} über ${new Decimal(record.amount).toFixed(2).replace(".", ",")} EUR.`
    : creditor
      ? `Einzug per SEPA-Lastschrift frühestens am ${germanDate(earliestCollection(input.invoice.invoiceDate, terms))}.`
      : undefined;
  return {
    ...input,
    customer: { ...input.customer, paymentMeans: "direct_debit", sepaMandateRef: mandateRef, sepaDebtorIban: iban },
    seller: {
      ...input.seller,
      ...(creditor ? { creditorId: creditor } : {}),
      ...(notice ? { paymentTerms: [notice, input.seller.paymentTerms].filter(Boolean).join(" ") } : {}),
    },
    ...(record ? { dueDate: record.collectionDate } : {}),
  };
}
