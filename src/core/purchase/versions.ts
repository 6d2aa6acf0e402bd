import type { IsoDate } from "../date/iso-date";

/**
 * The entries in force from some day after `after` on: per validFrom the winning entry (highest
 * seq), sorted by validFrom. A price update re-prices those that still carry the old price, so a
 * scheduled later change (say, a quantity change from next month) does not bring the old price back.
 */
export function laterWinners<T extends { validFrom: IsoDate; seq: number }>(versions: readonly T[], after: IsoDate): T[] {
  const byDay = new Map<IsoDate, T>();
  for (const v of versions) {
    if (v.validFrom <= after) continue;
    const other = byDay.get(v.validFrom);
    if (!other || v.seq > other.seq) byDay.set(v.validFrom, v);
  }
  return [...byDay.values()].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
}
