import type { UndoStep } from "../store/records";

/** Removes `before: undefined` so undo steps survive a JSON round trip unchanged. */
export function dropUndefined(steps: UndoStep[]): UndoStep[] {
  return steps.map((s) => (s.before === undefined ? { table: s.table, key: s.key } : s));
}
