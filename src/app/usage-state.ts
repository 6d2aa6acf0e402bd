import type { IsoMonth } from "../core/date/iso-month";
import { EMPTY_RULES, type Rules } from "../core/time/rules";
import type { StoreTx } from "../store/port";

/**
 * What billing state the usage use cases (time, meters, runs, undo) share, read inside their
 * transaction. One module below all of them, so none imports another for it.
 */

/** The stored time and click rules (empty rules until `rules set`). */
export async function loadRules(tx: StoreTx): Promise<Rules> {
  return (await tx.settings.get("time.rules")) ?? EMPTY_RULES;
}

/** Ids of the billing runs that are not undone. */
export async function activeRunIds(tx: StoreTx): Promise<Set<string>> {
  return new Set((await tx.runs.active()).map((r) => r.id));
}

/** `contractNo|month` of the click months billed by runs that are not undone. */
export async function billedClickMonths(tx: StoreTx): Promise<Set<string>> {
  const active = await activeRunIds(tx);
  return new Set((await tx.usageMarks.all()).filter((m) => active.has(m.runId)).map((m) => `${m.contractNo}|${m.month as IsoMonth}`));
}
