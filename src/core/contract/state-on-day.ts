import type { IsoDate } from "../date/iso-date";
import { Decimal } from "../money/decimal";
import type { Contract, PositionVersion } from "./model";

/** Orders versions by validFrom, then by entry sequence (later entry wins on the same day). */
export function compareVersions(a: Pick<PositionVersion, "validFrom" | "seq">, b: Pick<PositionVersion, "validFrom" | "seq">): number {
  return a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.seq - b.seq;
}

/**
 * The version of one position in force on `day`: the latest whose validFrom is on or before the day.
 * `versions` are the versions of that single position, in any order.
 */
export function versionOnDay(versions: readonly PositionVersion[], day: IsoDate): PositionVersion | undefined {
  let best: PositionVersion | undefined;
  for (const v of versions) {
    if (v.validFrom <= day && (!best || compareVersions(v, best) > 0)) best = v;
  }
  return best;
}

/** Groups a contract's versions by position number. */
export function groupByPosition(versions: readonly PositionVersion[]): Map<number, PositionVersion[]> {
  const map = new Map<number, PositionVersion[]>();
  for (const v of versions) {
    const list = map.get(v.positionNo);
    if (list) list.push(v);
    else map.set(v.positionNo, [v]);
  }
  return map;
}

/** True when the contract runs on `day` (between its start and optional end, inclusive). */
export function contractActiveOn(contract: Contract, day: IsoDate): boolean {
  return contract.start <= day && (contract.end === undefined || day <= contract.end);
}

/**
 * The state of a contract on a day: for each position the version in force, omitting positions
 * that have not started yet or are ended (quantity 0), and nothing when the contract is not running.
 */
export function contractStateOnDay(
  contract: Contract,
  versions: readonly PositionVersion[],
  day: IsoDate,
): PositionVersion[] {
  if (!contractActiveOn(contract, day)) return [];
  const out: PositionVersion[] = [];
  for (const [, list] of groupByPosition(versions)) {
    const v = versionOnDay(list, day);
    if (v && !new Decimal(v.quantity).isZero()) out.push(v);
  }
  return out.sort((a, b) => a.positionNo - b.positionNo);
}
