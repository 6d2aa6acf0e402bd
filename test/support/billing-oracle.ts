/**
 * An oracle for recurring billing written from PRODUCT.md §5.2 / §5.3 alone, independent of
 * src/core: its own calendar (UTC day numbers, months counted from year 0), its own "version of a
 * day", its own rounding and exact fractions. Used by the billing properties of the core
 * (test/core/billing/run-billing.oracle.test.ts) and the app (test/app/bill.oracle.test.ts).
 */
import fc from "fast-check";
import type { Invoice, InvoiceLine } from "../../src/core/billing/invoice";
import type { LedgerEntry } from "../../src/core/billing/ledger";
import type { BillingRunResult } from "../../src/core/billing/run-billing";
import type { Contract, PositionVersion } from "../../src/core/contract/model";
import { Decimal } from "../../src/core/money/decimal";

// ---- an independent calendar ------------------------------------------------------------------

const DAY_MS = 86_400_000;
const DAY_NOS = new Map<string, number>();
export const dayNo = (iso: string): number =>
  DAY_NOS.get(iso) ?? DAY_NOS.set(iso, Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS).get(iso)!;
const ISO = new Map<number, string>();
export const isoOf = (n: number): string => ISO.get(n) ?? ISO.set(n, new Date(n * DAY_MS).toISOString().slice(0, 10)).get(n)!;
/** Months counted from year 0: y × 12 + (m − 1). */
export const monthIdx = (iso: string): number => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
export const monthText = (i: number): string => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
export const firstDay = (i: number): number => dayNo(`${monthText(i)}-01`);
export const daysIn = (i: number): number => firstDay(i + 1) - firstDay(i);
/** A common multiple of every month length: Σ num_m / dim_m = Σ num_m × (L / dim_m) / L, divided once. */
export const L = 28 * 29 * 30 * 31;
const LEN: Record<Contract["interval"], number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

// ---- the oracle ---------------------------------------------------------------------------------

export const D = (x: string | number): Decimal => new Decimal(x);
export const ZERO = D(0);

/** Half away from zero, by hand: sign × ⌊|x| × 100 + ½⌋ / 100. */
export function roundHalfAway(x: Decimal): Decimal {
  const r = x.abs().times(100).plus("0.5").floor().dividedBy(100);
  return x.isNegative() ? r.negated() : r;
}
export const cents = (x: Decimal): string => {
  const r = roundHalfAway(x);
  return (r.isZero() ? ZERO : r).toFixed(2);
};

export interface Book {
  contract: Contract;
  versions: PositionVersion[];
}

/** The version in force on day n: latest validFrom on or before it, the later entry (seq) on a tie. */
export function versionOn(versions: readonly PositionVersion[], positionNo: number, n: number): PositionVersion | undefined {
  let best: PositionVersion | undefined;
  for (const v of versions) {
    if (v.positionNo !== positionNo || dayNo(v.validFrom) > n) continue;
    if (!best || v.validFrom > best.validFrom || (v.validFrom === best.validFrom && v.seq > best.seq)) best = v;
  }
  return best;
}
export const rateOf = (v: Pick<PositionVersion, "quantity" | "unitPrice" | "discountPct">): Decimal =>
  D(v.quantity).times(v.unitPrice).times(D(1).minus(D(v.discountPct).dividedBy(100)));
export const activeOn = (c: Contract, n: number): boolean => n >= dayNo(c.start) && (c.end === undefined || n <= dayNo(c.end));
export const vatKey = (vat: string): string => D(vat).toFixed();
/** The commercial state by value (`10` = `10.00`). */
export const stateKey = (v: Pick<PositionVersion, "articleNo" | "description" | "quantity" | "unitPrice" | "discountPct" | "vatPct">): string =>
  [v.articleNo, v.description, D(v.quantity).toFixed(), D(v.unitPrice).toFixed(), D(v.discountPct).toFixed(), vatKey(v.vatPct)].join("|");

/** The version of each day of a book's position (memoised per book: the oracle asks day by day). */
const DAYS = new WeakMap<Book, Map<number, Map<number, PositionVersion | undefined>>>();
export function dayVersion(book: Book, positionNo: number, n: number): PositionVersion | undefined {
  let own = DAYS.get(book);
  if (!own) DAYS.set(book, (own = new Map()));
  let days = own.get(positionNo);
  if (!days) own.set(positionNo, (days = new Map()));
  if (!days.has(n)) days.set(n, versionOn(book.versions, positionNo, n));
  return days.get(n);
}

/** Σ over the days [from, to] of rate(d) / dim(d), as one exact fraction; optionally one VAT rate only. */
export function chargeOfDays(book: Book, positionNo: number, from: number, to: number, vat?: string): Decimal {
  // Count the days per version and month length first (plain integers), then weigh each count once.
  const counts = new Map<PositionVersion, Map<number, number>>();
  for (let n = from; n <= to; n++) {
    if (!activeOn(book.contract, n)) continue;
    const v = dayVersion(book, positionNo, n);
    if (!v || (vat !== undefined && vatKey(v.vatPct) !== vat)) continue;
    const dim = daysIn(monthIdx(isoOf(n)));
    const own = counts.get(v) ?? counts.set(v, new Map()).get(v)!;
    own.set(dim, (own.get(dim) ?? 0) + 1);
  }
  let numerator = ZERO;
  for (const [v, byDim] of counts) for (const [dim, days] of byDim) numerator = numerator.plus(rateOf(v).times(days * (L / dim)));
  return numerator.dividedBy(L);
}
export const monthCharge = (book: Book, positionNo: number, m: number, vat?: string): Decimal => chargeOfDays(book, positionNo, firstDay(m), firstDay(m + 1) - 1, vat);

/** The due billing periods (cut to the contract) by the end of run month `run`. */
export function duePeriods(c: Contract, run: number): { from: number; to: number }[] {
  const len = LEN[c.interval];
  const limit = firstDay(run + 1) - 1;
  const s = dayNo(c.start);
  const e = c.end !== undefined ? dayNo(c.end) : Infinity;
  const out: { from: number; to: number }[] = [];
  if (e < s) return out;
  for (let p = monthIdx(c.start) - (monthIdx(c.start) % len); ; p += len) {
    if (firstDay(p) > e) break;
    const from = Math.max(firstDay(p), s);
    const to = Math.min(firstDay(p + len) - 1, e);
    if ((c.mode === "advance" ? from : to + 1) > limit) break;
    out.push({ from, to });
  }
  return out;
}
export function dueMonths(c: Contract, run: number): Set<number> {
  const out = new Set<number>();
  for (const p of duePeriods(c, run)) for (let m = monthIdx(isoOf(p.from)); m <= monthIdx(isoOf(p.to)); m++) out.add(m);
  return out;
}
export const periodOf = (c: Contract, m: number): number => m - (m % LEN[c.interval]);

/** The lines of a first run from an empty ledger: per due period and position, maximal runs of days at one non-zero state. */
export function freshLines(book: Book, run: number): string[] {
  const out: string[] = [];
  const positions = [...new Set(book.versions.map((v) => v.positionNo))].sort((a, b) => a - b);
  for (const positionNo of positions) {
    for (const p of duePeriods(book.contract, run)) {
      let open: { from: number; to: number; key: string } | undefined;
      const close = () => {
        if (open) out.push(`${positionNo} ${isoOf(open.from)}..${isoOf(open.to)} ${cents(chargeOfDays(book, positionNo, open.from, open.to))}`);
        open = undefined;
      };
      for (let n = p.from; n <= p.to; n++) {
        const v = dayVersion(book, positionNo, n);
        if (!v || rateOf(v).isZero()) {
          close();
          continue;
        }
        const key = stateKey(v);
        if (open && open.key === key) open.to = n;
        else {
          close();
          open = { from: n, to: n, key };
        }
      }
      close();
    }
  }
  return out.sort();
}

/** Per invoice: each net is its exact amount rounded once; VAT per rate on the sum of the nets; totals add up. */
export function checkInvoice(inv: Invoice): void {
  const nets = new Map<string, Decimal>();
  for (const l of inv.lines) {
    expect(l.netAmount).toBe(cents(D(l.exactAmount)));
    nets.set(vatKey(l.vatPct), (nets.get(vatKey(l.vatPct)) ?? ZERO).plus(l.netAmount));
  }
  const expected = [...nets]
    .sort((a, b) => D(b[0]).comparedTo(a[0]))
    .map(([rate, net]) => ({ vatPct: rate, net: net.toFixed(2), vat: cents(net.times(rate).dividedBy(100)), gross: net.plus(cents(net.times(rate).dividedBy(100))).toFixed(2) }));
  expect(inv.vatTotals.map((t) => ({ ...t, vatPct: vatKey(t.vatPct) }))).toEqual(expected);
  const sum = (f: (t: (typeof expected)[number]) => string) => expected.reduce((s, t) => s.plus(f(t)), ZERO).toFixed(2);
  expect([inv.netTotal, inv.vatTotal, inv.grossTotal]).toEqual([sum((t) => t.net), sum((t) => t.vat), sum((t) => t.gross)]);
}

// ---- scenarios ----------------------------------------------------------------------------------

export const BASE = dayNo("2025-01-01");
export const BASE_MONTH = monthIdx("2025-01-01");

/** Coarse prices keep every monthly rate a whole euro, so no difference rounds to 0.00 and the ledger must match exactly. */
export const coarseState: Record<"quantity" | "unitPrice" | "discountPct", fc.Arbitrary<string>> = {
  quantity: fc.oneof({ arbitrary: fc.constant("0"), weight: 1 }, { arbitrary: fc.integer({ min: 1, max: 12 }).map(String), weight: 5 }),
  // −20: a credit position (Rabatt) whose recurring lines are negative
  unitPrice: fc.constantFrom("20", "40", "60", "100", "120", "-20"),
  // 100 %: a free position, not charged (it ends a line like quantity 0)
  discountPct: fc.constantFrom("0", "10", "25", "50", "100"),
};
export const fineState: Record<"quantity" | "unitPrice" | "discountPct", fc.Arbitrary<string>> = {
  quantity: fc.oneof({ arbitrary: fc.constant("0"), weight: 1 }, { arbitrary: fc.constantFrom("1", "3", "7", "10", "12", "2.5", "100000"), weight: 5 }),
  // 0.155 / 31 and 0.145 / 29 are exactly half a cent a day; 15.5 / 31 half a euro
  unitPrice: fc.constantFrom("20.6", "33.33", "12.99", "0.07", "1234.56", "9.995", "5", "0.155", "0.145", "15.5", "-4.99", "99999.99"),
  discountPct: fc.constantFrom("0", "12.5", "3.33", "15"),
};
export const specArb = (coarse: boolean, dense: boolean): fc.Arbitrary<Spec> =>
  fc.record({
    positionNo: fc.integer({ min: 1, max: 3 }),
    // a few fixed days make same-day versions (ties) and month and quarter starts frequent; dense:
    // many versions within a few months
    offset: dense
      ? fc.integer({ min: -10, max: 200 })
      : fc.oneof({ arbitrary: fc.integer({ min: -40, max: 1000 }), weight: 3 }, { arbitrary: fc.constantFrom(0, 31, 59, 90, 181, 365, 396, 424), weight: 1 }),
    articleNo: fc.constantFrom("A", "B"),
    vatPct: fc.constantFrom("19", "19", "7"),
    ...(coarse ? coarseState : fineState),
  });
export type Spec = { positionNo: number; offset: number; articleNo: string; vatPct: string; quantity: string; unitPrice: string; discountPct: string };

export const scenarioArb = fc.tuple(fc.boolean(), fc.boolean()).chain(([coarse, dense]) =>
  fc.record({
    coarse: fc.constant(coarse),
    interval: fc.constantFrom<Contract["interval"]>("monthly", "quarterly", "semiannual", "annual"),
    mode: fc.constantFrom<Contract["mode"]>("advance", "arrears"),
    start: fc.integer({ min: 0, max: dense ? 60 : 500 }),
    end: fc.option(fc.integer({ min: 0, max: 700 }), { nil: undefined }),
    suppressCredits: fc.boolean(),
    firstRun: fc.integer({ min: 0, max: 30 }),
    initial: fc.array(specArb(coarse, dense), { minLength: 1, maxLength: dense ? 12 : 6 }),
    steps: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 5 }),
        batch: fc.array(specArb(coarse, dense), { maxLength: dense ? 8 : 4 }),
        // undefined: keep the end; null: remove it; a number: days after the start (before it: a
        // contract cancelled before it began)
        end: fc.option(fc.option(fc.integer({ min: -40, max: 700 }), { nil: null }), { nil: undefined }),
        // the start corrected by so many days (undefined: kept); the end keeps its distance
        start: fc.option(fc.integer({ min: -120, max: 120 }), { nil: undefined, freq: 4 }),
        // rarely, the contract switches its billing interval or mode (undefined: kept)
        interval: fc.option(fc.constantFrom<Contract["interval"]>("monthly", "quarterly", "semiannual", "annual"), { nil: undefined, freq: 8 }),
        mode: fc.option(fc.constantFrom<Contract["mode"]>("advance", "arrears"), { nil: undefined, freq: 8 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  }),
);
export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

export function toVersion(s: Spec, seq: number): PositionVersion {
  return {
    id: `v${seq}`,
    contractNo: "V-1",
    positionNo: s.positionNo,
    validFrom: isoOf(BASE + s.offset),
    articleNo: s.articleNo,
    description: `Artikel ${s.articleNo}`,
    quantity: s.quantity,
    unitPrice: s.unitPrice,
    discountPct: s.discountPct,
    vatPct: s.vatPct,
    seq,
  };
}
/** A contract's start (days after 2025-01-01), end (days after its start), interval and mode. */
export interface Term {
  start: number;
  end: number | undefined;
  interval: Contract["interval"];
  mode: Contract["mode"];
}
export const initialTerm = (s: Scenario): Term => ({ start: s.start, end: s.end, interval: s.interval, mode: s.mode });
/** The term after a step: start corrected, end set, moved or removed, interval or mode switched. */
export function nextTerm(t: Term, step: Scenario["steps"][number]): Term {
  return { start: t.start + (step.start ?? 0), end: step.end === undefined ? t.end : (step.end ?? undefined), interval: step.interval ?? t.interval, mode: step.mode ?? t.mode };
}
/** True when the step changes the contract record. */
export const termChanged = (step: Scenario["steps"][number]): boolean => step.start !== undefined || step.end !== undefined || step.interval !== undefined || step.mode !== undefined;
export function contractOf(s: Scenario, t: Term): Contract {
  const start = isoOf(BASE + t.start);
  return { no: "V-1", customerNo: "K-1", type: "license", interval: t.interval, mode: t.mode, start, suppressCredits: s.suppressCredits, ...(t.end !== undefined ? { end: isoOf(BASE + t.start + t.end) } : {}) };
}

/** One billing run of a scenario: the book it saw, its month, the ledger before it and its result. */
export interface Step {
  book: Book;
  run: number;
  before: LedgerEntry[];
  result: Pick<BillingRunResult, "invoices" | "newLedgerEntries">;
}

// ---- checks -------------------------------------------------------------------------------------

export const linesOf = (invoices: readonly Invoice[]): InvoiceLine[] => invoices.flatMap((i) => i.lines);
const positionsOf = (book: Book): number[] => [...new Set(book.versions.map((v) => v.positionNo))];

/** The months (as indexes) a line covers. */
function lineMonths(l: InvoiceLine): number[] {
  const out: number[] = [];
  for (let m = monthIdx(l.serviceFrom); m <= monthIdx(l.serviceTo); m++) out.push(m);
  return out;
}

/** quantity × price × (1 − discount) × Σ days / days in month = the line's exact amount (what the invoice shows multiplies out). */
function checkLineShowsItsAmount(l: InvoiceLine): void {
  let factor = ZERO;
  for (const m of lineMonths(l)) {
    const from = Math.max(dayNo(l.serviceFrom), firstDay(m));
    const to = Math.min(dayNo(l.serviceTo), firstDay(m + 1) - 1);
    factor = factor.plus(D(to - from + 1).dividedBy(daysIn(m)));
  }
  expect(rateOf(l).times(factor).minus(l.exactAmount).abs().lt("1e-12")).toBe(true);
}

function sumEntries(entries: readonly LedgerEntry[], f: (e: LedgerEntry) => boolean): Decimal {
  return entries.reduce((s, e) => (f(e) ? s.plus(e.exactAmount) : s), ZERO);
}

/**
 * The checks after one run: invoices (rounding, VAT), each line against the oracle, catch-up of every
 * due month, the ledger against the current charge, and `again(ledger)` (the invoices of one more
 * run on the ledger after this one) empty.
 */
export function checkStep(s: Scenario, step: Step, again: (ledger: LedgerEntry[]) => readonly Invoice[]): void {
  const { book, run, before, result } = step;
  const c = book.contract;
  const after = [...before, ...result.newLedgerEntries];
  const lines = linesOf(result.invoices);
  expect(result.invoices.length).toBeLessThanOrEqual(1);
  for (const inv of result.invoices) checkInvoice(inv);
  // Billed before = billed by an invoice that still stands: a month whose invoices are all cancelled
  // (each netted to zero by its Stornorechnung) is billed afresh, with recurring lines.
  const cancelled = new Set(before.flatMap((e) => (e.cancelsRef ? [e.cancelsRef] : [])));
  const standing = before.filter((e) => !e.cancelsRef && !cancelled.has(e.invoiceRef));
  const billedBefore = new Set(standing.map((e) => `${e.positionNo}|${monthIdx(e.month + "-01")}`));

  for (const inv of result.invoices) expect(inv.documentType).toBe(inv.lines.every((l) => l.lineType === "difference") ? "correction" : "invoice");
  for (const l of lines) {
    checkLineShowsItsAmount(l);
    const months = lineMonths(l);
    if (l.lineType === "recurring") {
      // a recurring line bills months not billed before, at the state in force on each of its days
      for (const m of months) expect(billedBefore.has(`${l.positionNo}|${m}`)).toBe(false);
      const wrong: string[] = [];
      for (let n = dayNo(l.serviceFrom); n <= dayNo(l.serviceTo); n++) {
        const v = dayVersion(book, l.positionNo, n);
        if ((v && activeOn(c, n) ? stateKey(v) : "inactive") !== stateKey(l)) wrong.push(isoOf(n));
      }
      expect(wrong).toEqual([]);
      const exact = chargeOfDays(book, l.positionNo, dayNo(l.serviceFrom), dayNo(l.serviceTo));
      expect(l.netAmount).toBe(cents(exact));
      expect(exact.minus(l.exactAmount).abs().lt("1e-15")).toBe(true);
      expect(periodOf(c, months[0]!)).toBe(periodOf(c, months[months.length - 1]!));
      // a catch-up (Nachberechnung) is a line whose period fell due before the run month began
      const period = duePeriods(c, run).find((p) => p.from <= dayNo(l.serviceFrom) && dayNo(l.serviceFrom) <= p.to)!;
      const dueDay = c.mode === "advance" ? period.from : period.to + 1;
      expect(l.catchUp === true).toBe(dueDay < firstDay(run));
    } else {
      for (const m of months) expect(billedBefore.has(`${l.positionNo}|${m}`)).toBe(true);
      const refs = standing.filter((e) => e.positionNo === l.positionNo && months.includes(monthIdx(e.month + "-01"))).map((e) => e.invoiceRef);
      expect(refs).toContain(l.correctsRef);
    }
  }

  // Every due month of every position is billed now (catch-up included).
  const due = dueMonths(c, run);
  for (const p of positionsOf(book)) {
    for (const m of due) {
      if (billedBefore.has(`${p}|${m}`) || monthCharge(book, p, m).isZero()) continue;
      expect(after.some((e) => e.positionNo === p && e.month === monthText(m))).toBe(true);
    }
  }

  // The ledger against the current charge, per position and month (and VAT rate).
  // (a month billed only by cancelled invoices is not billed: it is billed afresh when it falls due)
  const cancelledAfter = new Set(after.flatMap((e) => (e.cancelsRef ? [e.cancelsRef] : [])));
  const standingAfter = after.filter((e) => !e.cancelsRef && !cancelledAfter.has(e.invoiceRef));
  const months = (p: number) => new Set([...due, ...standingAfter.filter((e) => e.positionNo === p).map((e) => monthIdx(e.month + "-01"))]);
  const tolerance = s.coarse ? D("1e-15") : D("0.005").times(book.versions.length + 2);
  for (const p of positionsOf(book)) {
    if (!s.suppressCredits) {
      for (const m of months(p)) {
        const billed = sumEntries(after, (e) => e.positionNo === p && e.month === monthText(m));
        const charge = monthCharge(book, p, m);
        if (billed.minus(charge).abs().gt(tolerance)) throw new Error(`position ${p}, ${monthText(m)}: ledger ${billed.toFixed()} ≠ charge ${charge.toFixed()}`);
        if (!s.coarse) continue;
        for (const vat of ["19", "7"]) {
          const billedVat = sumEntries(after, (e) => e.positionNo === p && e.month === monthText(m) && vatKey(e.vatPct) === vat);
          expect(billedVat.minus(monthCharge(book, p, m, vat)).abs().lt("1e-15")).toBe(true);
        }
      }
    } else {
      // Per billing period: never billed less than before (in the months billed before: newly due
      // months of a credit position are negative), and never less than it costs.
      const periods = new Map<number, number[]>();
      for (const m of months(p)) periods.get(periodOf(c, m))?.push(m) ?? periods.set(periodOf(c, m), [m]);
      for (const ms of periods.values()) {
        const inPeriod = (e: LedgerEntry) => e.positionNo === p && ms.includes(monthIdx(e.month + "-01"));
        const billedBeforeIn = (e: LedgerEntry) => inPeriod(e) && billedBefore.has(`${p}|${monthIdx(e.month + "-01")}`);
        const was = sumEntries(before, billedBeforeIn);
        const now = sumEntries(after, billedBeforeIn);
        const charge = ms.reduce((t, m) => t.plus(monthCharge(book, p, m)), ZERO);
        if (now.minus(was).lt(tolerance.negated())) throw new Error(`position ${p}: period billed ${now.toFixed()} < before ${was.toFixed()}`);
        const all = sumEntries(after, inPeriod);
        if (charge.minus(all).gt(tolerance)) throw new Error(`position ${p}: period billed ${all.toFixed()} < charge ${charge.toFixed()}`);
      }
    }
  }

  // Billing again yields nothing.
  expect(again(after)).toEqual([]);
}
