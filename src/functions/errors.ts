/**
 * Errors for custom functions. Excel shows a thrown `CustomFunctions.Error` as the error value
 * (#VALUE!, #N/A …) with its message in the cell's tooltip. The `CustomFunctions` global exists only
 * inside the Office runtime; under jest (or in a browser preview) we build an Error-like object
 * with the same `code` and `message` so that tests can assert on both.
 *
 * Messages are message codes of src/core/messages.ts (block "functions"), rendered in the language
 * of the Office UI when the error is thrown (German or English).
 */
import { type Lang, messageText } from "../core/messages";

/** Error codes used here; values equal `CustomFunctions.ErrorCode` members. */
export const ErrorCodes = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

type Params = Record<string, string | number>;

/**
 * German names of the parameters, as functions.de.ts shows them in German Excel; a message's
 * `{label}` is the parameter the user has to fix.
 */
const GERMAN_LABELS: Record<string, string> = {
  amount: "betrag",
  from: "von",
  to: "bis",
  period_start: "periodenbeginn",
  period_end: "periodenende",
  customer: "kunde",
  article: "artikel",
  contract: "vertrag",
  date: "datum",
  month: "monat",
};

/**
 * A failure the user can act on: bad input (#VALUE!) or nothing found (#N/A). Raised by the pure
 * helpers and the lookup queries; carries a message code so the text follows the UI language.
 * `message` is the English text (for logs and tests).
 */
export class InputError extends Error {
  constructor(
    readonly code: string,
    readonly params: Params = {},
    readonly codeName: ErrorCodeName = "invalidValue",
  ) {
    super(renderMessage(code, params, "en"));
    this.name = "InputError";
  }

  /** The message in the given language. */
  messageIn(lang: Lang): string {
    return renderMessage(this.code, this.params, lang);
  }
}

function renderMessage(code: string, params: Params, lang: Lang): string {
  const label = params.label;
  const localized = lang === "de" && typeof label === "string" && GERMAN_LABELS[label] ? { ...params, label: GERMAN_LABELS[label]! } : params;
  return messageText({ code, severity: "error", params: localized }, lang);
}

/** What a custom function throws: the real CustomFunctions.Error, or a stand-in outside Office. */
export interface CustomFunctionErrorLike {
  code: string;
  message?: string;
}

class FallbackCustomFunctionError extends Error implements CustomFunctionErrorLike {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

function runtimeAvailable(): boolean {
  return typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function";
}

/** Builds the error a custom function should throw for the given code and message. */
export function customFunctionError(codeName: ErrorCodeName, message: string): CustomFunctionErrorLike {
  if (runtimeAvailable()) {
    // The enum object exists from CustomFunctionsRuntime 1.2; its values are the Excel error strings.
    const code = (CustomFunctions.ErrorCode?.[codeName] ?? ErrorCodes[codeName]) as CustomFunctions.ErrorCode;
    return new CustomFunctions.Error(code, message);
  }
  return new FallbackCustomFunctionError(ErrorCodes[codeName], message);
}

/**
 * Converts anything a helper threw into a custom-function error: an {@link InputError} keeps its
 * code and is worded in `lang`; anything else is #VALUE! with its own message.
 */
export function toCustomFunctionError(error: unknown, lang: Lang = "en"): CustomFunctionErrorLike {
  if (error instanceof InputError) return customFunctionError(error.codeName, error.messageIn(lang));
  const message = error instanceof Error ? error.message : String(error);
  return customFunctionError("invalidValue", message);
}
