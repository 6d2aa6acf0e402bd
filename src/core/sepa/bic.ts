import { validateBIC } from "ibantools";
import { Result, fail, issue, ok } from "../issues";

/** A BIC in electronic form: spaces removed, letters in capitals. */
export function normalizeBic(text: string): string {
  return text.replace(/[\s\u00a0]+/g, "").toUpperCase();
}

/**
 * Checks a BIC (ISO 9362): 8 or 11 characters, four for the institution, a known country code, two
 * for the location and an optional branch code; the pattern of pain.008's `BICFIDec2014Identifier`.
 * Returns the electronic form.
 */
export function checkBic(text: string): Result<string> {
  const bic = normalizeBic(text);
  if (!/^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic) || !validateBIC(bic).valid) return fail(issue("sepa.bic_invalid", { value: text.trim() }));
  return ok(bic);
}
