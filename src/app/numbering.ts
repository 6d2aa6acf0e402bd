import type { StoreTx } from "../store/port";

/** `prefix-00042`: ids of batches (`master-00001`) and runs (`run-00001`). */
export function sequenceId(prefix: string, n: number, width = 5): string {
  return `${prefix}-${String(n).padStart(width, "0")}`;
}

/** Reserves the next batch number and returns the batch id `kind-NNNNN`. */
export async function nextBatchId(tx: StoreTx, kind: string): Promise<string> {
  return sequenceId(kind, await tx.counters.reserve("batch"));
}

/** Reserves `count` version sequence numbers (shared by sales and purchase versions) and returns the first. */
export function reserveVersionSeq(tx: StoreTx, count: number): Promise<number> {
  return tx.counters.reserve("versionSeq", count);
}
