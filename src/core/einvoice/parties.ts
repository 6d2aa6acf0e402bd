/**
 * Addresses, identifiers and the seller's settings as the e-invoice needs them: structured where our
 * master data often has a multi-line text, checked where a typo would make the invoice unpayable.
 */

/**
 * The seller's data for e-invoices. The company settings of the invoice documents
 * (`CompanyInfo` in src/io/export/documents/company.ts) have this shape: pass them as they are.
 */
export interface SellerSettings {
  name: string;
  /** Multi-line address (street, postcode and town); used where the parts below are not given. */
  address?: string;
  street?: string;
  postcode?: string;
  city?: string;
  /** ISO 3166-1 alpha-2; default `DE`. */
  countryCode?: string;
  vatId?: string;
  taxNumber?: string;
  /** Contact person or department for invoice questions (BT-41, required by XRechnung). */
  contactName?: string;
  phone?: string;
  /** Contact e-mail (BT-43) and the seller's electronic address (BT-34). */
  email?: string;
  iban?: string;
  bic?: string;
  /** SEPA creditor identifier (Gläubiger-ID, BT-90), needed for direct debit. */
  creditorId?: string;
  paymentTerms?: string;
  /** Free text of the invoice documents' footer (e.g. managing director, register court and number: § 35a GmbHG). */
  footer?: string;
}

/** Street, postcode and town split from a multi-line address. */
export interface AddressParts {
  line1: string;
  line2?: string;
  postcode: string;
  city: string;
}

const POSTCODE_LINE = /^(?:[A-Z]{1,2}[- ])?(\d{4,5})\s+(.+)$/;

/**
 * Splits a German-style address text ("Hauptstr. 1\n12345 Berlin", optionally with a line before the
 * street such as "c/o" or "Gebäude B"): the last line starting with a 4–5 digit postcode gives
 * postcode and town, the line before it the street. Null when no such line exists.
 */
export function splitAddress(text: string): AddressParts | null {
  const lines = text.split(/\r?\n|,\s*(?=\d{4,5}\s)/).map((l) => l.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 1; i--) {
    const m = POSTCODE_LINE.exec(lines[i]!);
    if (!m) continue;
    const street = lines[i - 1]!;
    const extra = i >= 2 ? lines.slice(0, i - 1).join(", ") : undefined;
    return { line1: street, ...(extra ? { line2: extra } : {}), postcode: m[1]!, city: m[2]!.trim() };
  }
  return null;
}

/** The country of a VAT id (`ATU…` → `AT`; Greece's `EL` → `GR`), or null. */
export function countryOfVatId(vatId: string | undefined): string | null {
  const m = /^([A-Z]{2})/.exec((vatId ?? "").replace(/\s+/g, "").toUpperCase());
  if (!m) return null;
  return m[1] === "EL" ? "GR" : m[1]!;
}

/** An IBAN without spaces, upper case. */
export function normalizeIban(iban: string): string {
  return iban.replace(/\s+/g, "").toUpperCase();
}

/** True for an IBAN with a valid structure and ISO 7064 mod-97 check digits. */
export function isValidIban(iban: string): boolean {
  const s = normalizeIban(iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  if (s.startsWith("DE") && s.length !== 22) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of code) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

/** True for a plausible e-mail address (one `@`, a dot in the domain, no spaces). */
export function isPlausibleEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}
