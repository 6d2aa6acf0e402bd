/**
 * Throws when an invariant of the program is broken. Never use it for bad user input:
 * expected problems are returned as {@link Issue} values.
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`[msp-billing] ${message}`);
}
