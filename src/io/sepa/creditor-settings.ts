import { expecting } from "../../core/expectation";
import { Result, fail } from "../../core/issues";
import { type CreditorSettings, checkCreditor } from "../../core/sepa/creditor";
import { JsonCheck, isObject } from "../export/custom-csv/json-check";
import { parseJsonText } from "../json-text";

/**
 * The direct debit settings as JSON (saved in the store's settings under {@link SEPA_SETTINGS_KEY}, or
 * a file for the CLI): `{ "name": "…", "iban": "…", "bic": "…", "creditorId": "DE98ZZZ09999999999",
 * "firstSequenceType": "FRST" | "RCUR", "leadDays": 1, "batchBooking": true, "preNotificationDays": 14 }`.
 * Only name, iban and creditorId are required.
 */
export const SEPA_SETTINGS_KEY = "sepa";

const FIELDS = ["name", "iban", "bic", "creditorId", "firstSequenceType", "leadDays", "batchBooking", "preNotificationDays"] as const;

/** Checks parsed JSON as creditor settings: shape first, then IBAN, BIC and creditor id. */
export function validateCreditorSettings(json: unknown): Result<CreditorSettings> {
  const c = new JsonCheck({ required: "sepa.settings.field_required", invalid: "sepa.settings.field_invalid", unknown: "sepa.settings.field_unknown" });
  if (!isObject(json)) {
    c.invalid("(settings)", json, expecting("object"));
    return fail(...c.issues);
  }
  c.onlyKnown(json, FIELDS);
  const name = c.text(json, "name", "", false, 140);
  const iban = c.text(json, "iban");
  const bic = c.text(json, "bic", "", true);
  const creditorId = c.text(json, "creditorId");
  const firstSequenceType = c.choice(json, "firstSequenceType", ["FRST", "RCUR"] as const, "", true);
  const leadDays = c.integer(json, "leadDays", 1, 10, "", true);
  const batchBooking = c.boolean(json, "batchBooking");
  const preNotificationDays = c.integer(json, "preNotificationDays", 1, 60, "", true);
  if (c.issues.length > 0 || !name || !iban || !creditorId) return fail(...c.issues);
  return checkCreditor({
    name, iban, creditorId,
    ...(bic ? { bic } : {}),
    ...(firstSequenceType ? { firstSequenceType } : {}),
    ...(leadDays !== undefined ? { leadDays } : {}),
    ...(batchBooking !== undefined ? { batchBooking } : {}),
    ...(preNotificationDays !== undefined ? { preNotificationDays } : {}),
  });
}

/** Parses and checks the direct debit settings from JSON text. */
export function parseCreditorSettings(text: string): Result<CreditorSettings> {
  const json = parseJsonText(text, { invalidCode: "sepa.settings.invalid_json" });
  return json.ok ? validateCreditorSettings(json.value) : json;
}
