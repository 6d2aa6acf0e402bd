/** Fixed column names of the master-data files (PRODUCT.md §6.2), in export order. */
export const CONTRACT_COLUMNS = [
  "customer_no", "customer_name", "contract_no", "contract_type", "billing_interval", "billing_mode",
  "contract_start", "contract_end", "position_no", "article_no", "description", "quantity", "unit_price",
  "discount_pct", "vat_pct", "valid_from",
] as const;
export const CONTRACT_REQUIRED = ["customer_no", "contract_no", "contract_start", "position_no", "article_no", "quantity", "unit_price"] as const;
/** Optional columns beyond §6.2 that we also read and write. */
export const CONTRACT_EXTRA_COLUMNS = [
  "vendor_key", "customer_domain", "debtor_account", "vat_id", "customer_address", "reverse_charge",
  "suppress_credits", "no_price_change_before",
  // customer data for e-invoices (README "E-invoices"); appended so that older files keep their order
  "customer_street", "customer_postcode", "customer_city", "customer_country", "customer_email",
  "buyer_reference", "einvoice_format", "payment_means", "sepa_mandate_ref", "sepa_debtor_iban",
  "vat_exemption_reason",
  // contract billed by an earlier system up to this day (README "Moving from another billing system")
  "billed_until",
  // the customer's account for refunds of credits (README "E-invoices")
  "refund_iban",
] as const;

export const ARTICLE_COLUMNS = ["article_no", "description", "unit_price", "vat_pct", "unit", "purchase_price"] as const;
export const ARTICLE_REQUIRED = ["article_no", "description", "unit_price"] as const;

export const MAPPING_COLUMNS = ["kind", "source", "external_id", "internal_no"] as const;
export const MAPPING_REQUIRED = MAPPING_COLUMNS;

export type MasterFileKind = "contracts" | "articles" | "mappings";

/** Recognises a master-data file by its header (any order, case-insensitive). */
export function detectMasterKind(headers: ReadonlySet<string>): MasterFileKind | null {
  if (headers.has("contract_no") && headers.has("position_no")) return "contracts";
  if (headers.has("external_id") && headers.has("internal_no")) return "mappings";
  if (headers.has("article_no") && headers.has("unit_price")) return "articles";
  return null;
}
