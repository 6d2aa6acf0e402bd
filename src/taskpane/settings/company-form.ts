/**
 * The company data and bank account form (Stammdaten → Firmendaten): text fields as typed, turned
 * into the same JSON the settings file holds (`company`), which `saveExportSettingsFile` checks with
 * `validateCompanyInfo` and stores: the form has no checks of its own.
 */
import type { Issue } from "../../core/issues";
import type { CompanyInfo } from "../../io/export/documents/company";

export const COMPANY_FIELDS = [
  "name", "address", "taxNumber", "vatId", "phone", "email", "web", "contactName",
  "bankName", "iban", "bic", "paymentTerms", "footer",
  "street", "postcode", "city", "countryCode", "creditorId",
] as const;

export type CompanyField = (typeof COMPANY_FIELDS)[number];
export type CompanyForm = Record<CompanyField, string>;

/** Fields of several lines (a textarea). */
export const COMPANY_MULTILINE: readonly CompanyField[] = ["address", "paymentTerms", "footer"];

/** The form showing stored company data (all fields empty when there is none). */
export function companyFormOf(info: CompanyInfo | null): CompanyForm {
  return Object.fromEntries(COMPANY_FIELDS.map((k) => [k, (info?.[k] as string | undefined) ?? ""])) as CompanyForm;
}

/** The form as the company JSON of a settings file: name and address always, other fields when filled in. */
export function companyJsonOf(form: CompanyForm): Record<string, string> {
  const out: Record<string, string> = { name: form.name.trim(), address: form.address.replace(/\r\n/g, "\n").trim() };
  for (const k of COMPANY_FIELDS) {
    if (k === "name" || k === "address") continue;
    const v = k === "paymentTerms" || k === "footer" ? form[k].replace(/\r\n/g, "\n").trim() : form[k].trim();
    if (v !== "") out[k] = k === "iban" ? v.replace(/\s+/g, "").toUpperCase() : v;
  }
  return out;
}

/** The field a company issue is about (`company.tax_id_required` → the tax number), or null. */
export function companyFieldOf(i: Issue): CompanyField | null {
  if (i.code === "company.tax_id_required") return "taxNumber";
  const f = i.params.field;
  return typeof f === "string" && (COMPANY_FIELDS as readonly string[]).includes(f) ? (f as CompanyField) : null;
}
