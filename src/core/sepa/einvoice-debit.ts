import type { EInvoiceInput } from "../einvoice/build-einvoice";
import { Decimal } from "../money/decimal";
import type { Mandate } from "./mandate";
import type { DebtorSettings } from "./plan";
import type { CollectionRecord } from "./sequence";

const germanDate = (d: string): string => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/**
 * The e-invoice input of an invoice collected by SEPA direct debit: payment means 59 with the
 * mandate reference (BT-89), our creditor id (BT-90) and the debited IBAN (BT-91) taken from the
 * stored mandate and the direct debit settings, so the customer's master data need not repeat them.
 * When the invoice is already in a SEPA file (`record`), the collection date is the due date (BT-9)
 * and the payment terms (BT-20) pre-notify it. Customers paying by transfer, credit notes, and
 * customers without a mandate are returned unchanged (their own master data decide).
 */
export function withDirectDebit(input: EInvoiceInput, mandate: Mandate | undefined, debtor: DebtorSettings | undefined, creditorId: string | undefined, record?: CollectionRecord): EInvoiceInput {
  if (debtor?.paymentMethod !== "direct_debit" || !mandate || !new Decimal(input.invoice.grossTotal).greaterThan(0)) return input;
  const iban = record?.iban ?? mandate.iban;
  const mandateRef = record?.mandateRef ?? mandate.mandateRef;
  const creditor = record?.creditorId ?? creditorId ?? input.seller.creditorId;
  const notice = record ? `Einzug per SEPA-Lastschrift am ${germanDate(record.collectionDate)} über ${new Decimal(record.amount).toFixed(2).replace(".", ",")} EUR.` : undefined;
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
