/**
 * Errors for custom functions. Excel shows a thrown `CustomFunctions.Error` as the error value
 * (#VALUE!, #N/A …) with its message in the cell's tooltip. The `CustomFunctions` global exists only
 * inside the Office runtime; under jest (or in a browser preview) we build an Error-like object
 * with the same `code` and `message` so that tests can assert on both.
 */

/** Error codes used here; values equal `CustomFunctions.ErrorCode` members. */
export const ErrorCodes = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

/** A failure of user input, raised by the pure helpers (no dependency on the Office runtime). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly codeName: ErrorCodeName = "invalidValue",
  ) {
    super(message);
    this.name = "InputError";
  }
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

/** Converts anything a helper threw into a custom-function error (#VALUE! unless the helper said otherwise). */
export function toCustomFunctionError(error: unknown): CustomFunctionErrorLike {
  if (error instanceof InputError) return customFunctionError(error.codeName, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return customFunctionError("invalidValue", message);
}
