/**
 * Errors shaped like Office.js's `OfficeExtension.Error`: a `code` (the same codes Excel uses), a
 * message and `debugInfo`, so the adapter's error handling is exercised as on the host.
 */
export class MemoryExcelError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = errorLocation ? { code, message, errorLocation } : { code, message };
  }
}

export function propertyNotLoaded(property: string): MemoryExcelError {
  return new MemoryExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(what: string): MemoryExcelError {
  return new MemoryExcelError("ItemNotFound", `The requested resource doesn't exist: ${what}.`);
}

export function invalidArgument(detail: string, location?: string): MemoryExcelError {
  return new MemoryExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${detail}`, location);
}

export function invalidOperation(detail: string): MemoryExcelError {
  return new MemoryExcelError("InvalidOperation", `The operation is not allowed: ${detail}`);
}
