/**
 * Work units of a rounding group (one entry, or one ticket and day): the group's minutes are rounded
 * up once to started units, `ceil(Σ minutes / unit)`, and the units are spread over its segments by
 * largest remainder: each segment gets its whole units, the rounded-up rest goes to the segments
 * with the largest leftover minutes (ties: the later segment). So an entry of 17:50–18:20 with 15-minute
 * units is 2 units, one at the normal rate and one in the evening window, not 1 + 2.
 */
export function spreadUnits(segmentMinutes: readonly number[], unitMinutes: number): number[] {
  const total = segmentMinutes.reduce((s, m) => s + m, 0);
  const units = segmentMinutes.map((m) => Math.floor(m / unitMinutes));
  let left = Math.ceil(total / unitMinutes) - units.reduce((s, u) => s + u, 0);
  const order = segmentMinutes
    .map((m, i) => ({ i, rest: m % unitMinutes }))
    .filter((x) => x.rest > 0)
    .sort((a, b) => b.rest - a.rest || b.i - a.i);
  for (const { i } of order) {
    if (left <= 0) break;
    units[i] = units[i]! + 1;
    left -= 1;
  }
  return units;
}
