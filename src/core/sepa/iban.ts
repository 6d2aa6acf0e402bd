import { ValidationErrorsIBAN, extractIBAN, validateIBAN } from "ibantools";
import { Result, fail, issue, ok } from "../issues";

/**
 * IBANs of the SEPA scheme countries. The lengths are the SWIFT IBAN registry's; the country list is
 * the EPC's geographical scope of the SEPA schemes (the 27 EU states, Iceland, Liechtenstein, Norway,
 * Switzerland, the United Kingdom, Andorra, Monaco, San Marino, Vatican City, Gibraltar; Albania and
 * Montenegro since 2024, Moldova, North Macedonia and Serbia since 2025). Territories such as the
 * French overseas departments, Åland, Jersey, Guernsey and the Isle of Man use their state's IBAN
 * prefix (FR, FI, GB). The BBAN structure and national check digits come from the maintained
 * `ibantools` package (per the same registry); this table decides which countries are SEPA, since
 * the package's own SEPA flags lag behind the EPC's additions.
 */
export const SEPA_IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AL: 28, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24,
  FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20,
  LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24,
  RS: 22, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

/** True for a country code of the SEPA schemes' geographical scope. */
export function isSepaCountry(countryCode: string): boolean {
  return Object.prototype.hasOwnProperty.call(SEPA_IBAN_LENGTHS, countryCode);
}

/** An IBAN in electronic form: spaces (also non-breaking ones) removed, letters in capitals. */
export function normalizeIban(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, "").toUpperCase();
}

/** An IBAN in print form, groups of four separated by spaces (`DE89 3704 0044 0532 0130 00`). */
export function formatIban(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * An IBAN for a document the customer reads: country and check digits and the last four characters
 * shown, the rest as `X`, in groups of four (`DE89 XXXX XXXX XXXX XX30 00`).
 */
export function maskIban(iban: string): string {
  const s = normalizeIban(iban);
  if (s.length <= 8) return formatIban(s);
  return formatIban(s.slice(0, 4) + "X".repeat(s.length - 8) + s.slice(-4));
}

/**
 * Checks an IBAN of a SEPA country: characters, country, the registry length of that country, the
 * ISO 13616 check digits (mod 97), the BBAN structure and, where a country has them, the national
 * check digits. Accepts spaces and small letters; returns the electronic form.
 */
export function checkIban(text: string): Result<string> {
  const value = text.trim();
  const iban = normalizeIban(text);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(iban)) return fail(issue("sepa.iban_syntax", { value }));
  const country = iban.slice(0, 2);
  const expected = SEPA_IBAN_LENGTHS[country];
  if (expected === undefined) return fail(issue("sepa.iban_not_sepa", { value, country }));
  if (iban.length !== expected) return fail(issue("sepa.iban_length", { value, country, expected, actual: iban.length }));
  const result = validateIBAN(iban);
  if (result.valid) return ok(iban);
  const errors = result.errorCodes;
  if (errors.includes(ValidationErrorsIBAN.WrongBBANFormat) || errors.includes(ValidationErrorsIBAN.WrongBBANLength)) return fail(issue("sepa.iban_structure", { value, country }));
  if (errors.includes(ValidationErrorsIBAN.WrongIBANChecksum)) return fail(issue("sepa.iban_checksum", { value }));
  if (errors.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum)) return fail(issue("sepa.iban_national_checksum", { value, country }));
  return fail(issue("sepa.iban_structure", { value, country }));
}

/**
 * The bank part of an IBAN (the German Bankleitzahl, the Dutch bank code …) per the IBAN registry,
 * or null where the registry defines none. Two IBANs with the same country and bank part are held at
 * the same bank.
 */
export function ibanBankCode(iban: string): string | null {
  const e = extractIBAN(normalizeIban(iban));
  return e.valid && e.bankIdentifier ? `${e.countryCode ?? ""}:${e.bankIdentifier}` : null;
}
