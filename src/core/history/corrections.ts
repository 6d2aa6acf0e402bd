/**
 * Corrections of a versioned history (sales positions in `import-master`, purchase positions in
 * `purchase import`; README "Merge rules of `import-master`"): a row marked as a correction replaces
 * the stored entry with its valid_from by a new entry that wins by its later seq; the corrected one
 * stays stored. The rules both imports share.
 */
import type { Issue } from "../issues";
import { priceText } from "../money/decimal";

/**
 * The entry in force per key (a position and valid_from): of entries with the same key the one with
 * the highest seq, i.e. a correction rather than the entry it corrects.
 */
export function inForceByKey<T extends { seq: number }>(entries: readonly T[], key: (e: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const e of entries) {
    const k = key(e);
    const other = out.get(k);
    if (!other || e.seq > other.seq) out.set(k, e);
  }
  return out;
}

/** What a row with the valid_from of a stored entry does to it. */
export type VersionDecision = "unchanged" | "conflict" | "correct" | "add";

/**
 * The merge rule for a row against the stored entry with its valid_from: the same state is a no-op;
 * a different one contradicts the store unless the row is marked as a correction; without a stored
 * entry the row adds one.
 */
export function decideVersion(existing: boolean, sameState: boolean, correction: boolean): VersionDecision {
  if (!existing) return "add";
  if (sameState) return "unchanged";
  return correction ? "correct" : "conflict";
}

/**
 * The notes of a correction: one info issue per column whose value changes, in the order of
 * `columns`, made by `note` with the old and new value as shown to the user (a price as one:
 * 20.6 → 20,60, as on the invoice).
 */
export function correctionNotes<S extends object>(
  stored: S,
  corrected: S,
  columns: readonly (readonly [keyof S, string])[],
  priceFields: readonly (keyof S)[],
  note: (column: string, stored: string, corrected: string) => Issue,
): Issue[] {
  const notes: Issue[] = [];
  for (const [field, column] of columns) {
    const before = String(stored[field] ?? "");
    const after = String(corrected[field] ?? "");
    const shown = (v: string) => (priceFields.includes(field) && v !== "" ? priceText(v) : v);
    if (before !== after) notes.push(note(column, shown(before), shown(after)));
  }
  return notes;
}
