import fc from "fast-check";
import { monthlyNet, prorateMonth } from "../../../src/core/billing/proration";
import type { PositionVersion } from "../../../src/core/contract/model";
import { BILLING_INTERVALS, intervalMonths, monthsOfPeriod, nextPeriod, periodContaining } from "../../../src/core/date/billing-period";
import { IsoDate, addDays, daysBetween } from "../../../src/core/date/iso-date";
import { IsoMonth, addMonths, daysInMonth, firstDayOf, lastDayOf, monthOf, toIsoMonth } from "../../../src/core/date/iso-month";
import { Decimal, ZERO, roundCents } from "../../../src/core/money/decimal";
import { contract, version } from "../contract/builders";
import { decimalText } from "../money/reference";
import { oracleMonth, periodCharge } from "./helpers";

// ---- arbitraries -------------------------------------------------------------------------------

const monthArb: fc.Arbitrary<IsoMonth> = fc
  .record({ y: fc.integer({ min: 1990, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ y, m }) => toIsoMonth(y, m));

/** A commercial state: quantity, unit price per month and discount as canonical decimal strings. */
interface State {
  quantity: string;
  unitPrice: string;
  discountPct: string;
}

const stateArb: fc.Arbitrary<State> = fc.record({
  quantity: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 500 }).map(String), weight: 4 },
    { arbitrary: fc.bigInt({ min: 0n, max: 100_000n }).map((n) => decimalText(n, 2)), weight: 1 },
  ),
  unitPrice: fc.oneof(
    { arbitrary: fc.bigInt({ min: 0n, max: 1_000_000n }).map((n) => decimalText(n, 2)), weight: 4 },
    { arbitrary: fc.bigInt({ min: -100_000n, max: 10_000_000n }).map((n) => decimalText(n, 4)), weight: 1 },
  ),
  discountPct: fc.oneof(
    { arbitrary: fc.constant("0"), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 100 }).map(String), weight: 1 },
    { arbitrary: fc.bigInt({ min: 0n, max: 10_000n }).map((n) => decimalText(n, 2)), weight: 1 },
  ),
});

const netOf = (s: State) => monthlyNet(s);

/** Shuffles with a fast-check-provided permutation (full-length shuffled subarray of the indexes). */
function permutationArb(n: number): fc.Arbitrary<number[]> {
  const indexes = Array.from({ length: n }, (_, i) => i);
  return fc.shuffledSubarray(indexes, { minLength: n, maxLength: n });
}

/** k − 1 distinct split days in 2..dim, sorted: the month is cut into k consecutive segments. */
function cutsArb(dim: number, maxSegments: number): fc.Arbitrary<number[]> {
  return fc
    .uniqueArray(fc.integer({ min: 2, max: dim }), { maxLength: Math.min(maxSegments - 1, dim - 1) })
    .map((cuts) => [...cuts].sort((a, b) => a - b));
}

// ---- properties --------------------------------------------------------------------------------

describe("prorateMonth: parts add up to the whole", () => {
  it("splitting a month at any day into two versions with the same state gives exactly the full-month amount", () => {
    fc.assert(
      fc.property(monthArb, stateArb, fc.integer({ min: 2, max: 31 }), fc.boolean(), (month, state, cut, reversed) => {
        const dim = daysInMonth(month);
        const splitDay = addDays(firstDayOf(month), Math.min(cut, dim) - 1);
        const c = contract({ start: "1980-01-01" });
        const a = version({ validFrom: addDays(firstDayOf(month), -100), ...state });
        const b = version({ validFrom: splitDay, ...state, id: "second" });
        const charge = prorateMonth(c, reversed ? [b, a] : [a, b], month);
        expect(charge.amount.equals(netOf(state))).toBe(true);
        if (!netOf(state).isZero()) {
          expect(charge.segments.map((s) => s.days)).toEqual([Math.min(cut, dim) - 1, dim - Math.min(cut, dim) + 1]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("a partition of a month into k segments with states s_i gives exactly Σ net_i × days_i / daysInMonth", () => {
    const arb = monthArb.chain((month) =>
      cutsArb(daysInMonth(month), 8).chain((cuts) =>
        fc.record({
          month: fc.constant(month),
          cuts: fc.constant(cuts),
          states: fc.array(stateArb, { minLength: cuts.length + 1, maxLength: cuts.length + 1 }),
          order: permutationArb(cuts.length + 1),
        }),
      ),
    );
    fc.assert(
      fc.property(arb, ({ month, cuts, states, order }) => {
        const dim = daysInMonth(month);
        const starts = [1, ...cuts];
        const ends = [...cuts.map((c) => c - 1), dim];
        const versions = states.map((s, i) => version({ validFrom: addDays(firstDayOf(month), starts[i]! - 1), ...s }));
        const charge = prorateMonth(contract({ start: "1980-01-01" }), order.map((i) => versions[i]!), month);

        const numerator = states.reduce((sum, s, i) => sum.plus(netOf(s).times(ends[i]! - starts[i]! + 1)), ZERO);
        const expected = numerator.dividedBy(dim);
        expect(charge.amount.equals(expected)).toBe(true);
        expect(roundCents(charge.amount).equals(roundCents(expected))).toBe(true);
        // the segments are the non-zero parts, in order
        const nonZero = states.map((s, i) => ({ s, i })).filter(({ s }) => !netOf(s).isZero());
        expect(charge.segments.map((seg) => seg.days)).toEqual(nonZero.map(({ i }) => ends[i]! - starts[i]! + 1));
      }),
      { numRuns: 500 },
    );
  });

  it("merging equal neighbouring segments changes nothing", () => {
    fc.assert(
      fc.property(monthArb, stateArb, fc.uniqueArray(fc.integer({ min: 2, max: 28 }), { maxLength: 6 }), (month, state, cuts) => {
        const c = contract({ start: "1980-01-01" });
        const one = version({ validFrom: firstDayOf(month), ...state });
        const many = [one, ...cuts.map((k) => version({ validFrom: addDays(firstDayOf(month), k - 1), ...state }))];
        expect(prorateMonth(c, many, month).amount.equals(prorateMonth(c, [one], month).amount)).toBe(true);
        expect(prorateMonth(c, [one], month).amount.equals(netOf(state))).toBe(true);
      }),
    );
  });
});

/** A random contract and version history around one month. */
const scenarioArb = monthArb.chain((month) =>
  fc.record({
    month: fc.constant(month),
    startOffset: fc.integer({ min: -70, max: 35 }),
    endLength: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    versions: fc.array(
      fc.record({ offset: fc.integer({ min: -70, max: 40 }), state: stateArb, sameDayAsPrevious: fc.boolean() }),
      { minLength: 0, maxLength: 8 },
    ),
    order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  }),
);

interface Scenario {
  month: IsoMonth;
  startOffset: number;
  endLength: number | undefined;
  versions: Array<{ offset: number; state: State; sameDayAsPrevious: boolean }>;
}

function buildScenario({ month, startOffset, endLength, versions }: Scenario) {
  const start = addDays(firstDayOf(month), startOffset);
  const c = contract({ start, ...(endLength !== undefined ? { end: addDays(start, endLength) } : {}) });
  let previous: IsoDate | undefined;
  const vs: PositionVersion[] = versions.map(({ offset, state, sameDayAsPrevious }, i) => {
    const validFrom = sameDayAsPrevious && previous ? previous : addDays(firstDayOf(month), offset);
    previous = validFrom;
    return version({ validFrom, ...state, seq: 1000 + i, id: `v${i}` });
  });
  return { c, vs };
}

describe("prorateMonth: agrees with the day-by-day formula of §5.2", () => {
  it("for any contract term and version history (same-day versions included)", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { c, vs } = buildScenario(s);
        const charge = prorateMonth(c, vs, s.month);
        expect(charge.amount.equals(oracleMonth(c, vs, s.month))).toBe(true);

        // the segments are ordered, disjoint, inside the month and the contract term, and non-zero
        let last: IsoDate | undefined;
        for (const seg of charge.segments) {
          expect(seg.from <= seg.to).toBe(true);
          expect(seg.days).toBe(daysBetween(seg.from, seg.to) + 1);
          expect(seg.from >= firstDayOf(s.month) && seg.to <= lastDayOf(s.month)).toBe(true);
          expect(seg.from >= c.start && (c.end === undefined || seg.to <= c.end)).toBe(true);
          if (last !== undefined) expect(seg.from > last).toBe(true);
          last = seg.to;
          expect(monthlyNet(seg.version).isZero()).toBe(false);
          expect(seg.amount.equals(monthlyNet(seg.version).times(seg.days).dividedBy(charge.daysInMonth))).toBe(true);
        }
        const segmentSum = charge.segments.reduce((sum, seg) => sum.plus(seg.amount), ZERO);
        expect(segmentSum.minus(charge.amount).abs().lte("1e-25")).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("does not depend on the order of the versions", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { c, vs } = buildScenario(s);
        const shuffled = vs
          .map((v, i) => ({ v, key: s.order[i] ?? 0 }))
          .sort((a, b) => a.key - b.key)
          .map(({ v }) => v);
        const a = prorateMonth(c, vs, s.month);
        const b = prorateMonth(c, shuffled, s.month);
        const r = prorateMonth(c, [...vs].reverse(), s.month);
        for (const other of [b, r]) {
          expect(other.amount.equals(a.amount)).toBe(true);
          expect(other.segments.map((seg) => [seg.from, seg.to, seg.version.id])).toEqual(
            a.segments.map((seg) => [seg.from, seg.to, seg.version.id]),
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it("never exceeds the full-month net of a single non-negative state, and is never negative", () => {
    fc.assert(
      fc.property(monthArb, stateArb, fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40, max: 40 }), (month, state, a, b) => {
        fc.pre(!state.unitPrice.startsWith("-"));
        const c = contract({ start: addDays(firstDayOf(month), a) });
        const v = version({ validFrom: addDays(firstDayOf(month), b), ...state });
        const amount = prorateMonth(c, [v], month).amount;
        expect(amount.gte(0)).toBe(true);
        expect(amount.lte(netOf(state))).toBe(true);
      }),
    );
  });
});

describe("periods are the sum of their months", () => {
  const quarterArb = fc
    .record({ y: fc.integer({ min: 1990, max: 2100 }), q: fc.integer({ min: 0, max: 3 }) })
    .map(({ y, q }) => periodContaining(firstDayOf(toIsoMonth(y, 3 * q + 1)), "quarterly"));

  it("a full quarter at a constant state is exactly three monthly nets", () => {
    fc.assert(
      fc.property(quarterArb, stateArb, (quarter, state) => {
        const c = contract({ start: quarter.start, end: quarter.end });
        const v = version({ validFrom: quarter.start, ...state });
        expect(periodCharge(c, [v], quarter).equals(netOf(state).times(3))).toBe(true);
      }),
    );
  });

  it("the sum of three monthly prorations equals the quarter's charge, for any term inside or around the quarter", () => {
    fc.assert(
      fc.property(
        quarterArb,
        stateArb,
        fc.integer({ min: -30, max: 95 }),
        fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        (quarter, state, startOffset, endLength) => {
          const start = addDays(quarter.start, startOffset);
          const c = contract({ start, ...(endLength !== undefined ? { end: addDays(start, endLength) } : {}) });
          const v = version({ validFrom: addDays(start, -3), ...state });
          const first = monthOf(quarter.start);
          const months = [first, addMonths(first, 1), addMonths(first, 2)];
          const byMonth = months.reduce((sum, m) => sum.plus(prorateMonth(c, [v], m).amount), ZERO);
          expect(periodCharge(c, [v], quarter).equals(byMonth)).toBe(true);
          const byOracle = months.reduce((sum, m) => sum.plus(oracleMonth(c, [v], m)), ZERO);
          expect(byMonth.equals(byOracle)).toBe(true);
          // Σ net × covered days / days of each month
          let expected = ZERO;
          for (const m of months) {
            const from = c.start > firstDayOf(m) ? c.start : firstDayOf(m);
            const to = c.end !== undefined && c.end < lastDayOf(m) ? c.end : lastDayOf(m);
            const days = from <= to ? daysBetween(from, to) + 1 : 0;
            expected = expected.plus(netOf(state).times(days).dividedBy(daysInMonth(m)));
          }
          expect(byMonth.equals(expected)).toBe(true);
        },
      ),
    );
  });

  it("a year's charge is the same whether billed monthly, quarterly, half-yearly or yearly", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { c, vs } = buildScenario(s);
        const year = s.month.slice(0, 4);
        const totals: Decimal[] = [];
        for (const interval of BILLING_INTERVALS) {
          let period = periodContaining(`${year}-01-01` as IsoDate, interval);
          let total = ZERO;
          for (let i = 0; i < 12 / intervalMonths(interval); i++) {
            expect(monthsOfPeriod(period)).toHaveLength(intervalMonths(interval));
            total = total.plus(periodCharge(c, vs, period));
            period = nextPeriod(period, interval)!;
          }
          totals.push(total);
        }
        // equal up to the 34-digit precision of additions in a different grouping
        for (const t of totals) expect(t.minus(totals[0]!).abs().lte("1e-25")).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
