import { issue, type Issue } from "../core/issues";
import type { ReviewDecision } from "../core/reconcile/plan-apply";
import type { StoreTx } from "../store/port";

/**
 * What a review was computed from (optimistic concurrency): the store revision (informative, shown
 * to the user) and the next contract-version sequence number at that time. Every version written
 * later has a higher `seq`, so "a colleague changed these contracts since" is exactly "one of their
 * versions has seq ≥ basis.versionSeq".
 */
export interface Basis {
  revision: number;
  versionSeq: number;
}

/** The basis of the current snapshot (`revision` read by the caller before the transaction began). */
export async function readBasis(tx: StoreTx, revision: number): Promise<Basis> {
  return { revision, versionSeq: await tx.counters.peek("versionSeq") };
}

/** One issue per contract of the review that got a version after the basis; empty when none. */
export async function findConflicts(tx: StoreTx, decisions: readonly ReviewDecision[], basis: Basis): Promise<Issue[]> {
  const accepted = decisions.filter((d) => d.action === "accept" && d.contractNo);
  const contractNos = [...new Set(accepted.map((d) => d.contractNo))];
  const changed = new Map<string, Set<string>>();
  for (const v of await tx.versions.ofContracts(contractNos)) {
    if (v.seq < basis.versionSeq) continue;
    const set = changed.get(v.contractNo) ?? new Set<string>();
    set.add(String(v.positionNo));
    changed.set(v.contractNo, set);
  }
  return accepted
    .filter((d) => changed.has(d.contractNo) && (d.positionNo === null || changed.get(d.contractNo)!.has(String(d.positionNo))))
    .map((d) => issue("server.conflict", { contract: d.contractNo, position: d.positionNo ?? "-", revision: basis.revision }, { source: d.source, row: d.row }));
}
