/**
 * Properties of recurring billing (PRODUCT.md §9 "Correctness"), Kill Bill style: version order does
 * not matter, billing again yields nothing, prorated parts add up to the whole.
 */
import fc from "fast-check";
import { prorateMonth } from "../../../src/core/billing/proration";
import { computeBillingRun, BillingRunInput } from "../../../src/core/billing/run-billing";
import type { Contract, PositionVersion } from "../../../src/core/contract/model";
import { BILLING_INTERVALS, BILLING_MODES } from "../../../src/core/date/billing-period";
import { IsoDate, addDays, maxDate } from "../../../src/core/date/iso-date";
import { earliestBilledUntil } from "../../../src/core/contract/billed-until";
import { addMonths, lastDayOf, monthOf, monthRange } from "../../../src/core/date/iso-month";
import { Decimal, ZERO, toStored } from "../../../src/core/money/decimal";
import { CUSTOMERS, linesOf, show } from "../../support/billing-factories";

const day = fc.integer({ min: 0, max: 364 }).map((n) => addDays("2026-01-01", n));
const state = {
  quantity: fc.integer({ min: 0, max: 20 }).map(String),
  unitPrice: fc.integer({ min: 1, max: 10000 }).map((c) => toStored(new Decimal(c).dividedBy(100))),
  discountPct: fc.constantFrom("0", "5", "12.5"),
  vatPct: fc.constantFrom("19", "7"),
  articleNo: fc.constantFrom("A", "B"),
};
const versionArb = fc.record({ positionNo: fc.constantFrom(1, 2), validFrom: day, ...state });
/** Later versions mostly change the first half-year, which run 1 has billed already (retroactive). */
const laterArb = fc.record({ positionNo: fc.constantFrom(1, 2), validFrom: fc.integer({ min: 0, max: 200 }).map((n) => addDays("2026-01-01", n)), ...state });
const scenarioArb = fc.record({
  interval: fc.constantFrom(...BILLING_INTERVALS),
  mode: fc.constantFrom(...BILLING_MODES),
  start: fc.integer({ min: 0, max: 120 }).map((n) => addDays("2026-01-01", n)),
  end: fc.option(day, { nil: undefined }),
  suppressCredits: fc.boolean(),
  versions: fc.array(versionArb, { minLength: 1, maxLength: 6 }),
  later: fc.array(laterArb, { minLength: 0, maxLength: 4 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function contractOf(s: Scenario): Contract {
  const end = s.end !== undefined && s.end >= s.start ? s.end : undefined;
  return { no: "V-1", customerNo: "K-1", type: "license", interval: s.interval, mode: s.mode, start: s.start, suppressCredits: s.suppressCredits, ...(end ? { end } : {}) };
}
function versionsOf(list: Scenario["versions"], offset = 0): PositionVersion[] {
  return list.map((v, i) => ({ id: `v${offset + i}`, contractNo: "V-1", description: `Artikel ${v.articleNo}`, seq: offset + i + 1, ...v }));
}
function input(contract: Contract, versions: PositionVersion[], runMonth: string, ledger: BillingRunInput["ledger"] = [], runId = `R-${runMonth}`): BillingRunInput {
  return { runId, runMonth, invoiceDate: "2027-01-31", customers: CUSTOMERS, contracts: [contract], versions, ledger, nextInvoiceNumber: 1 };
}
/** Run 1 bills the first versions in 2026-06; the later versions arrive (some retroactive); run 2 bills 2026-12. */
function twoRuns(s: Scenario, order: (v: PositionVersion[]) => PositionVersion[] = (v) => v, c: Contract = contractOf(s)) {
  const first = versionsOf(s.versions);
  const all = [...first, ...versionsOf(s.later, first.length)];
  const r1 = computeBillingRun(input(c, order(first), "2026-06"));
  const r2 = computeBillingRun(input(c, order(all), "2026-12", r1.newLedgerEntries));
  return { c, all, r1, r2, ledger: [...r1.newLedgerEntries, ...r2.newLedgerEntries] };
}
/** The contract, ended by 2026-12-31 at the latest, so everything it charges is due by 2027-01. */
function within2026(s: Scenario): Contract {
  const c = contractOf(s);
  return { ...c, end: c.end ?? "2026-12-31" };
}
const reversed = <T>(xs: T[]): T[] => [...xs].reverse();

describe("billing properties", () => {
  it("does not depend on the order in which versions were entered", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (s, seed) => {
        const shuffle = (vs: PositionVersion[]) => [...vs].sort((a, b) => ((a.seq * 7919 + seed) % 101) - ((b.seq * 7919 + seed) % 101));
        const a = twoRuns(s);
        expect(twoRuns(s, reversed)).toEqual(a);
        expect(twoRuns(s, shuffle)).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it("billing again yields nothing, after recurring and after difference runs", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { c, all, r1, ledger } = twoRuns(s);
        expect(computeBillingRun(input(c, versionsOf(s.versions), "2026-06", r1.newLedgerEntries, "again-1")).invoices).toEqual([]);
        expect(computeBillingRun(input(c, all, "2026-12", ledger, "again-2")).invoices).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("repeated retroactive changes do not drift: the ledger stays within rounding of the current charge", () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.array(laterArb, { maxLength: 3 }), { minLength: 1, maxLength: 3 }), (s, batches) => {
        const c = { ...contractOf(s), suppressCredits: false };
        let vs = versionsOf(s.versions);
        let ledger = computeBillingRun(input(c, vs, "2026-12")).newLedgerEntries;
        batches.forEach((batch, i) => {
          vs = [...vs, ...versionsOf(batch, vs.length)];
          ledger = [...ledger, ...computeBillingRun(input(c, vs, "2026-12", ledger, `R-${i}`)).newLedgerEntries];
        });
        expect(computeBillingRun(input(c, vs, "2026-12", ledger, "final")).invoices).toEqual([]);
        for (const p of [1, 2]) {
          for (const m of monthRange("2026-01", "2026-12")) {
            const billed = ledger.filter((e) => e.positionNo === p && e.month === m).reduce((t, e) => t.plus(e.exactAmount), ZERO);
            if (!ledger.some((e) => e.positionNo === p && e.month === m)) continue;
            const current = prorateMonth(c, vs.filter((v) => v.positionNo === p), m).amount;
            // Only difference lines that round to 0.00 stay unbilled (at most a few half cents).
            expect(billed.minus(current).abs().lt("0.02")).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("the ledger's rounded shares add up to the invoiced line nets", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { r1, r2 } = twoRuns(s);
        for (const r of [r1, r2]) {
          const nets = linesOf(r.invoices).reduce((t, l) => t.plus(l.netAmount), ZERO);
          const shares = r.newLedgerEntries.reduce((t, e) => t.plus(e.roundedAmount), ZERO);
          expect(shares.toFixed(2)).toBe(nets.toFixed(2));
        }
      }),
    );
  });

  it("billing month by month gives the same lines as catching up in one run", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const c = contractOf(s);
        const vs = versionsOf(s.versions);
        let ledger: BillingRunInput["ledger"] = [];
        const monthly: string[] = [];
        for (const m of monthRange("2026-01", "2027-01")) {
          const r = computeBillingRun(input(c, vs, m, ledger));
          ledger = [...ledger, ...r.newLedgerEntries];
          monthly.push(...linesOf(r.invoices).map(show));
        }
        expect(monthly.sort()).toEqual(linesOf(computeBillingRun(input(c, vs, "2027-01")).invoices).map(show).sort());
      }),
      { numRuns: 60 },
    );
  });

  it("prorated parts add up to the whole: the lines of a run sum to Σ prorateMonth", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const c = within2026(s);
        const vs = versionsOf(s.versions);
        const lines = linesOf(computeBillingRun(input(c, vs, "2027-01")).invoices);
        for (const p of [1, 2]) {
          const billed = lines.filter((l) => l.positionNo === p).reduce((t, l) => t.plus(l.exactAmount), ZERO);
          const own = vs.filter((v) => v.positionNo === p);
          const whole = monthRange("2026-01", "2026-12").reduce((t, m) => t.plus(prorateMonth(c, own, m).amount), ZERO);
          expect(billed.minus(whole).abs().lt("1e-15")).toBe(true);
        }
      }),
    );
  });

  it("a month split into two versions with the same state bills exactly as the unsplit month", () => {
    fc.assert(
      fc.property(scenarioArb, day, (s, splitDay: IsoDate) => {
        const c = contractOf(s);
        const vs = versionsOf(s.versions);
        const sorted = [...vs].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.seq - b.seq));
        const inForce = [...sorted].reverse().find((v) => v.validFrom <= splitDay && v.positionNo === 1);
        const split = inForce ? [...vs, { ...inForce, id: "split", validFrom: splitDay, seq: 100 }] : vs;
        const later = sorted.some((v) => v.positionNo === 1 && v.validFrom === splitDay);
        if (later) return; // the split would replace a same-day version
        expect(computeBillingRun(input(c, split, "2027-01")).invoices).toEqual(computeBillingRun(input(c, vs, "2027-01")).invoices);
      }),
    );
  });

  it("a quarter's charge is the sum of its months: quarterly and monthly contracts bill the same exact total", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const vs = versionsOf(s.versions);
        const total = (interval: Contract["interval"]) =>
          linesOf(computeBillingRun(input({ ...within2026(s), interval }, vs, "2027-01")).invoices).reduce((t, l) => t.plus(l.exactAmount), ZERO);
        expect(total("quarterly").toFixed()).toBe(total("monthly").toFixed());
      }),
    );
  });

  describe("billed_until (months billed by an earlier system)", () => {
    /** A billed_until from 2025-12-31 to 2026-11-30, never before the earliest the reader accepts. */
    const billedUntilArb = fc.integer({ min: 0, max: 11 }).map((n) => lastDayOf(addMonths("2025-12", n)));
    const withBilledUntil = (s: Scenario, x: IsoDate): Contract => {
      const c = contractOf(s);
      return { ...c, billedUntil: maxDate(x, earliestBilledUntil(c.start)) };
    };
    const monthView = (e: BillingRunInput["ledger"][number]) =>
      [e.positionNo, e.month, e.serviceFrom, e.serviceTo, e.articleNo, e.quantity, e.unitPrice, e.discountPct, e.vatPct, e.exactAmount, e.lineType].join(" ");

    it("billing with billed_until = X equals billing without it minus the charges of months ≤ X", () => {
      fc.assert(
        fc.property(scenarioArb, billedUntilArb, (s, x) => {
          const c = withBilledUntil(s, x);
          const vs = versionsOf(s.versions);
          const settled = monthOf(c.billedUntil!);
          const without = computeBillingRun(input(contractOf(s), vs, "2026-12")).newLedgerEntries.filter((e) => e.month > settled);
          const withX = computeBillingRun(input(c, vs, "2026-12")).newLedgerEntries;
          expect(withX.map(monthView).sort()).toEqual(without.map(monthView).sort());
        }),
        { numRuns: 150 },
      );
    });

    it("with retroactive changes it bills exactly as a contract starting the day after X, and nothing for months ≤ X", () => {
      fc.assert(
        fc.property(scenarioArb, billedUntilArb, (s, x) => {
          const c = withBilledUntil(s, x);
          const settled = monthOf(c.billedUntil!);
          const withX = twoRuns(s, undefined, c);
          const { billedUntil, ...rest } = c;
          const later = twoRuns(s, undefined, { ...rest, start: maxDate(c.start, addDays(billedUntil!, 1)) });
          expect([withX.r1.invoices, withX.r2.invoices]).toEqual([later.r1.invoices, later.r2.invoices]);
          expect(withX.ledger.filter((e) => e.month <= settled)).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });
  });
});
