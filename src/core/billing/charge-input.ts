import type { Contract, PositionVersion } from "../contract/model";
import type { IsoMonth } from "../date/iso-month";
import type { LedgerEntry } from "./ledger";
import { PositionHistory, preparePosition } from "./segments";

/** What the billing core reads: the contracts, all their position versions and the ledger so far. */
export interface ChargeInput {
  contracts: readonly Contract[];
  /** Versions of any contracts, in any order (the result does not depend on it). */
  versions: readonly PositionVersion[];
  ledger: readonly LedgerEntry[];
  /**
   * Per contract, the last month that is billed and unchanged since (the store's billing
   * watermark): its months up to this one are neither charged nor charged again, and the ledger
   * need only hold the contract's later months. A contract without one has its whole ledger given.
   */
  settledThrough?: ReadonlyMap<string, IsoMonth>;
}

/** Versions grouped by contract number, then position number (positions in ascending order). */
export function indexVersions(versions: readonly PositionVersion[]): Map<string, Map<number, PositionVersion[]>> {
  const index = new Map<string, Map<number, PositionVersion[]>>();
  for (const v of versions) {
    let positions = index.get(v.contractNo);
    if (!positions) index.set(v.contractNo, (positions = new Map()));
    const list = positions.get(v.positionNo);
    if (list) list.push(v);
    else positions.set(v.positionNo, [v]);
  }
  for (const [no, positions] of index) {
    index.set(no, new Map([...positions].sort((a, b) => a[0] - b[0])));
  }
  return index;
}

/**
 * What due charges and differences both need, built once per run: the versions by contract and
 * position, and each position's prepared history (made when first asked for).
 */
export interface PositionIndex {
  versions: Map<string, Map<number, PositionVersion[]>>;
  history(contract: Contract, positionNo: number): PositionHistory;
}

export function indexPositions(versions: readonly PositionVersion[]): PositionIndex {
  const byContract = indexVersions(versions);
  const histories = new Map<Contract, Map<number, PositionHistory>>();
  return {
    versions: byContract,
    history(contract, positionNo) {
      let own = histories.get(contract);
      if (!own) histories.set(contract, (own = new Map()));
      let h = own.get(positionNo);
      if (!h) own.set(positionNo, (h = preparePosition(contract, byContract.get(contract.no)?.get(positionNo) ?? [])));
      return h;
    },
  };
}
