import { Result, fail, issue, ok } from "../issues";
import { isSepaCountry } from "./iban";

/** Digits of an alphanumeric text for mod 97 (A = 10 … Z = 35), as ISO 7064 MOD 97-10 wants them. */
function digitsOf(text: string): string {
  let out = "";
  for (const ch of text) out += /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
  return out;
}

/** The remainder of a long digit string divided by 97. */
export function mod97(digits: string): number {
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest;
}

/** A creditor identifier in electronic form: spaces removed, letters in capitals. */
export function normalizeCreditorId(text: string): string {
  return text.replace(/[\s\u00a0]+/g, "").toUpperCase();
}

/**
 * The check digits of a SEPA creditor identifier (Gläubiger-Identifikationsnummer): ISO 7064
 * MOD 97-10 over the national identifier followed by the country code and `00`. The creditor
 * business code (positions 5–7, `ZZZ` unless the creditor chose one) is not part of the check.
 */
export function creditorIdCheckDigits(countryCode: string, nationalId: string): string {
  return String(98 - mod97(digitsOf(`${nationalId}${countryCode}00`))).padStart(2, "0");
}

/**
 * Checks a SEPA creditor identifier: country of the SEPA scheme, two check digits, a three-character
 * creditor business code, a national identifier (German: 11 digits, 18 characters in all), at most
 * 35 characters, and the check digits. Returns the electronic form (`DE98ZZZ09999999999`).
 */
export function checkCreditorId(text: string): Result<string> {
  const value = text.trim();
  const id = normalizeCreditorId(text);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(id)) return fail(issue("sepa.creditor_id_syntax", { value }));
  const country = id.slice(0, 2);
  if (!isSepaCountry(country)) return fail(issue("sepa.creditor_id_country", { value, country }));
  const national = id.slice(7);
  if (country === "DE" && !/^[0-9]{11}$/.test(national)) return fail(issue("sepa.creditor_id_syntax", { value }));
  if (creditorIdCheckDigits(country, national) !== id.slice(2, 4)) return fail(issue("sepa.creditor_id_checksum", { value }));
  return ok(id);
}
