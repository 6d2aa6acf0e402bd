/**
 * Custom-function arguments as Excel hands them over, read by src/core/input/cell-values.ts; here a
 * problem becomes an {@link InputError} (#VALUE!, with the message of its code), because a custom
 * function reports bad input by throwing.
 */
import type { IsoDate } from "../core/date/iso-date";
import type { IsoMonth } from "../core/date/iso-month";
import { type CellValue, readDate, readKey, readMonth, readOptionalDate } from "../core/input/cell-values";
import type { Result } from "../core/issues";
import { InputError } from "./errors";

/** A date input as Excel hands it to a custom function: a serial number, text, or nothing. */
export type DateInput = CellValue;

/** The value of a result; its first issue thrown as #VALUE!. */
export function valueOrThrow<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const first = result.issues[0]!;
  throw new InputError(first.code, first.params);
}

/** A required date argument as an ISO date. */
export function parseDateArg(value: DateInput, label: string): IsoDate {
  return valueOrThrow(readDate(value, label));
}

/** An optional date argument as an ISO date; `fallback` (e.g. today) when it is omitted. */
export function parseOptionalDateArg(value: DateInput, label: string, fallback: () => IsoDate): IsoDate {
  return valueOrThrow(readOptionalDate(value, label, fallback));
}

/** A month argument: `YYYY-MM`, `MM.YYYY`, or a date (serial or text) meaning its month. */
export function parseMonthArg(value: DateInput, label: string): IsoMonth {
  return valueOrThrow(readMonth(value, label));
}

/** A key argument (customer, article or contract number) as text. */
export function parseKeyArg(value: unknown, label: string): string {
  return valueOrThrow(readKey(value, label));
}
