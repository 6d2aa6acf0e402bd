/**
 * What a settings validator expected instead of a bad value ("a whole number from 1 to 10"), as a
 * message code (`expect.*` in messages.ts) with params, so the hint is rendered in the reader's
 * language inside the `*.field_invalid` message. An issue carries it as the param `expected` (the
 * code) next to the code's own params; `messageText` renders such an `expected` through its code.
 */
export interface Expectation {
  code: ExpectCode;
  params?: Record<string, string | number>;
}

/** The expectation codes (each `expect.<code>` has a de and en text in messages.ts). */
export type ExpectCode =
  | "object" | "text" | "list" | "boolean" | "header" | "header_list" | "text_list" | "column_map"
  | "decimal" | "min0" | "min" | "percent" | "whole_min" | "whole_range" | "max_minutes" | "max_chars"
  | "decimal_as_text" | "max_integer_digits" | "max_fraction_digits"
  | "one_of" | "exact" | "id" | "currency" | "article_no" | "activity_name" | "activity_of"
  | "iso_date" | "month_day" | "month_day_or_date" | "clock" | "clock_24" | "clock_differs" | "from_and_to" | "start_and_end"
  | "one_day" | "date_time_seconds" | "unused_by_method"
  | "sign_without_amount" | "usage_rows" | "profile_list" | "one_profile"
  | "export_columns" | "export_column" | "literal_text" | "no_value" | "field_of_level" | "unique_header"
  | "debtor_account" | "vat_rate_key" | "account_no" | "ledger_account" | "iban" | "email"
  | "type_numeric" | "type_date";

/** An expectation with its params. */
export function expecting(code: ExpectCode, params?: Expectation["params"]): Expectation {
  return params ? { code, params } : { code };
}

/** The params an issue carries for an expectation: `expected` (the message code) and the code's params. */
export function expectationParams(e: Expectation): Record<string, string | number> {
  return { ...e.params, expected: `expect.${e.code}` };
}

/** "one of a, b, c" for a list of allowed code words (a tab shown as `\t`). */
export function oneOf(allowed: readonly string[]): Expectation {
  return expecting("one_of", { choices: allowed.map((a) => (a === "\t" ? "\\t" : a)).join(", ") });
}
