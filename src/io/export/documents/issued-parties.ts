import type { Customer } from "../../../core/contract/model";
import type { DebitTerms } from "../../../core/sepa/einvoice-debit";
import type { CompanyInfo } from "./company";

/**
 * The supplier's and recipient's data as they stood when an invoice was issued (stored with it, under
 * its hash): a document or e-invoice of an issued invoice shows these, not the master data of today.
 */
export interface IssuedParties {
  seller?: CompanyInfo;
  buyer?: Customer;
  /**
   * How the buyer paid: its direct debit mandate and our creditor id, or null when it paid otherwise
   * (then its kept record decides). Absent on invoices issued before this was kept: today's terms.
   */
  directDebit?: DebitTerms | null;
}

/** Fields that only make sense together: an address is never half the old one and half the new one, nor a bank account. */
const GROUPS: readonly (readonly string[])[] = [
  ["address", "street", "postcode", "city", "countryCode"],
  ["bankName", "iban", "bic"],
];

/**
 * Fields an issued invoice takes only from what was kept, never from today: the customer's refund
 * account decides where an issued credit is paid out, which its terms state; one entered later must
 * not turn an issued credit that was set off into one paid out.
 */
const KEPT_ONLY: readonly string[] = ["refundIban"];

/**
 * A party as issued, completed from today's data: what was kept wins, field by field, an address or
 * bank account as a whole (kept: none of today's parts mixes in); what was not known at issue (an
 * e-mail for e-invoices, a contact added later) comes from today, except a refund account. Without
 * kept data, today's.
 */
export function asIssued<T extends object>(today: T | undefined, kept: T | undefined): T | undefined {
  if (!kept) return today;
  if (!today) return kept;
  const base: Record<string, unknown> = { ...(today as unknown as Record<string, unknown>) };
  const held = kept as unknown as Record<string, unknown>;
  for (const group of GROUPS) if (group.some((f) => held[f] !== undefined)) for (const f of group) delete base[f];
  for (const f of KEPT_ONLY) delete base[f];
  return { ...base, ...kept } as T;
}
