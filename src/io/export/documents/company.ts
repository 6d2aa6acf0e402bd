import { parseJsonText } from "../../json-text";
import { Result, fail, issue, ok } from "../../../core/issues";
import { JsonCheck, isObject } from "../custom-csv/json-check";
import { expecting } from "../../../core/expectation";
import { isPlausibleEmail, isValidIban } from "../../../core/einvoice/parties";

/**
 * The supplier's data printed on every invoice document (§ 14 Abs. 4 Nr. 1 and 2 UStG: full name
 * and address, tax number or VAT id), plus bank details, payment terms and a footer. Plain JSON,
 * saved in the store's settings (key {@link COMPANY_SETTINGS_KEY}) or passed as a file to the CLI.
 */
export interface CompanyInfo {
  name: string;
  /** Street, postcode and town; one line each, separated by line breaks. */
  address: string;
  /** Steuernummer; this or `vatId` is required. */
  taxNumber?: string;
  /** USt-IdNr. */
  vatId?: string;
  phone?: string;
  email?: string;
  web?: string;
  bankName?: string;
  iban?: string;
  bic?: string;
  /** E.g. "Zahlbar innerhalb von 14 Tagen ohne Abzug." */
  paymentTerms?: string;
  /** Register court, managing directors … (one line each). */
  footer?: string;
  // For e-invoices (README "E-invoices"); the address parts default to the split `address`.
  /** Contact person or department for invoice questions (XRechnung BT-41). */
  contactName?: string;
  /** SEPA creditor identifier (Gläubiger-ID), for customers who pay by direct debit. */
  creditorId?: string;
  street?: string;
  postcode?: string;
  city?: string;
  /** ISO 3166-1 alpha-2, default DE. */
  countryCode?: string;
}

export const COMPANY_SETTINGS_KEY = "company";

const OPTIONAL = [
  "taxNumber", "vatId", "phone", "email", "web", "bankName", "iban", "bic", "paymentTerms", "footer",
  "contactName", "creditorId", "street", "postcode", "city", "countryCode",
] as const;

/** Checks company data (parsed JSON): name and address required, and a tax number or VAT id; an IBAN with valid check digits and a plausible e-mail address when given. */
export function validateCompanyInfo(json: unknown): Result<CompanyInfo> {
  const c = new JsonCheck({ required: "company.field_required", invalid: "company.field_invalid", unknown: "company.field_unknown" });
  if (!isObject(json)) {
    c.invalid("(company)", json, expecting("object"));
    return fail(...c.issues);
  }
  c.onlyKnown(json, ["name", "address", ...OPTIONAL]);
  const name = c.text(json, "name");
  const address = c.text(json, "address");
  const out: Partial<CompanyInfo> = {};
  for (const k of OPTIONAL) {
    const v = c.text(json, k, "", true);
    if (v !== undefined) out[k] = v;
  }
  if (out.taxNumber === undefined && out.vatId === undefined && json.taxNumber === undefined && json.vatId === undefined) c.issues.push(issue("company.tax_id_required"));
  // Printed on every invoice document and e-invoice as the account to pay to: a typo must stop here,
  // not on an issued invoice (the e-invoice check would only find it after the run was issued).
  if (out.iban !== undefined && !isValidIban(out.iban)) c.invalid("iban", out.iban, expecting("iban"));
  if (out.email !== undefined && !isPlausibleEmail(out.email)) c.invalid("email", out.email, expecting("email"));
  if (c.issues.length > 0) return fail(...c.issues);
  return ok({ name: name!, address: address!, ...out });
}

/** Parses and checks company data from JSON text. */
export function parseCompanyInfo(text: string): Result<CompanyInfo> {
  const json = parseJsonText(text, { invalidCode: "company.invalid_json" });
  return json.ok ? validateCompanyInfo(json.value) : json;
}
