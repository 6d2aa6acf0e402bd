/**
 * Columns of the mandates CSV (and the mandates sheet), in export order. Header names are fixed,
 * case-insensitive, in any order; `,` `;` or tab; UTF-8 or Windows-1252. One row per customer.
 *
 * - `customer_no` (required): our customer number.
 * - `mandate_ref` (required): Mandatsreferenz, 1–35 of `A–Z a–z 0–9 + ? / - : ( ) . , '`, no space.
 * - `signature_date` (required): date of signature, `YYYY-MM-DD` or `DD.MM.YYYY`.
 * - `iban` (required): debtor IBAN (spaces allowed), a SEPA country's.
 * - `bic`: debtor bank's BIC (optional, IBAN only is fine).
 * - `scheme`: `CORE` (Basislastschrift, default) or `B2B` (Firmenlastschrift).
 * - `debtor_name` (required): account holder as on the mandate.
 * - `last_collection_date`: the last collection made under this mandate outside this program.
 * - `changed_on`, `previous_mandate_ref`, `previous_iban`: one amendment: what the reference or the
 *   IBAN was before `changed_on` (reported to the bank with the next collection).
 * - `revoked_on`: the mandate is revoked from this date.
 * - `payment_method`: `direct_debit` (default) or `transfer`.
 * - `net_credits`: `yes` to net credit notes and cancellations against the customer's invoices.
 */
export const MANDATE_COLUMNS = [
  "customer_no", "mandate_ref", "signature_date", "iban", "bic", "scheme", "debtor_name", "last_collection_date",
  "changed_on", "previous_mandate_ref", "previous_iban", "revoked_on", "payment_method", "net_credits",
] as const;

export const MANDATE_REQUIRED = ["customer_no", "mandate_ref", "signature_date", "iban", "debtor_name"] as const;
