import { Result, fail, issue, ok } from "../issues";

/** The longest reason a Stornorechnung carries (it is printed as one note). */
export const MAX_CANCEL_REASON = 300;

/**
 * The reason of a Stornorechnung as stored: trimmed, undefined when empty; one line of at most {@link
 * MAX_CANCEL_REASON} characters (it is printed as one note on the document and in the e-invoice).
 */
export function cancellationReason(text: string | undefined): Result<string | undefined> {
  const reason = text?.trim();
  if (!reason) return ok(undefined);
  if ([...reason].some((c) => c.charCodeAt(0) < 0x20 || c === "\u007f" || c === "\u2028" || c === "\u2029")) return fail(issue("billing.cancel_reason_one_line", {}));
  if (reason.length > MAX_CANCEL_REASON) return fail(issue("billing.cancel_reason_too_long", { length: reason.length, max: MAX_CANCEL_REASON }));
  return ok(reason);
}
