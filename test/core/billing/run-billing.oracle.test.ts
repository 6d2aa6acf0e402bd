/**
 * Adversarial properties of `computeBillingRun` (the function the app's `bill` use case calls)
 * against an oracle written here from PRODUCT.md §5.2 / §5.3 alone, with its own calendar (UTC day
 * numbers), its own "version of a day" and its own rounding:
 *
 * - a month's charge is Σ over its active days of quantity × price × (1 − discount) / days in month,
 *   computed as one exact fraction (common denominator 28·29·30·31), never via src/core;
 * - every line's net is its exact amount rounded once, half away from zero;
 * - VAT per invoice and rate on the sum of the rounded line nets;
 * - advance periods are due on their (cut) first day, arrears on the day after their (cut) last day;
 *   a run bills every due month not yet in the ledger (catch-up);
 * - after every run the ledger holds, per contract, position, month and VAT rate, exactly the
 *   month's charge from the current versions (differences = new − already billed); a second run
 *   bills nothing; with `suppressCredits` a period is never billed less than before and never less
 *   than it costs.
 *
 * Scenarios: any interval and mode, start and end inside periods, several runs with gaps (catch-up),
 * version batches between runs that reach back into billed months (quantity 0, discount, price and
 * VAT rate changes, positions added later) and contract ends set, moved or removed between runs.
 */
import fc from "fast-check";
import type { Invoice, InvoiceLine } from "../../../src/core/billing/invoice";
import type { LedgerEntry } from "../../../src/core/billing/ledger";
import { computeBillingRun } from "../../../src/core/billing/run-billing";
import type { PositionVersion } from "../../../src/core/contract/model";
import {
  BASE_MONTH,
  type Book,
  checkInvoice,
  checkStep,
  contractOf,
  dayVersion,
  initialTerm,
  nextTerm,
  firstDay,
  freshLines,
  isoOf,
  linesOf,
  monthText,
  type Scenario,
  scenarioArb,
  stateKey,
  type Step,
  toVersion,
} from "../../support/billing-oracle";

/** Plays a scenario: run 1 after the initial versions, then per step a batch (and maybe a new end) and a run. */
function play(s: Scenario, renumber: (batch: PositionVersion[]) => PositionVersion[] = (b) => b): Step[] {
  let seq = 1;
  let term = initialTerm(s);
  let versions = renumber(s.initial.map((v) => toVersion(v, seq++)));
  let ledger: LedgerEntry[] = [];
  let run = BASE_MONTH + s.firstRun;
  let next = 1;
  const steps: Step[] = [];
  const bill = (k: number) => {
    const book = { contract: contractOf(s, term), versions };
    const result = computeBillingRun({
      runId: `R${k}`,
      runMonth: monthText(run),
      invoiceDate: isoOf(firstDay(run + 1) - 1),
      customers: [{ no: "K-1", name: "Muster GmbH" }],
      contracts: [book.contract],
      versions,
      ledger,
      nextInvoiceNumber: next,
      formatInvoiceRef: (n) => `RE-${n}`,
    });
    steps.push({ book, run, before: ledger, result });
    ledger = [...ledger, ...result.newLedgerEntries];
    next = result.nextInvoiceNumber;
  };
  bill(0);
  s.steps.forEach((step, k) => {
    versions = [...versions, ...renumber(step.batch.map((v) => toVersion(v, seq++)))];
    term = nextTerm(term, step);
    run += step.gap;
    bill(k + 1);
  });
  return steps;
}

/** One more run of the same month on a ledger (a new run id). */
const againIn =
  (step: Step) =>
  (ledger: LedgerEntry[]): readonly Invoice[] =>
    computeBillingRun({
      runId: "again",
      runMonth: monthText(step.run),
      invoiceDate: "2030-01-01",
      customers: [{ no: "K-1", name: "Muster GmbH" }],
      contracts: [step.book.contract],
      versions: step.book.versions,
      ledger,
      nextInvoiceNumber: 999,
    }).invoices;

describe("billing run against the §5.2/§5.3 oracle", () => {
  it("a first run bills exactly the oracle's lines: due periods, catch-up, day-exact, rounded once", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const [first] = play(s);
        const lines = linesOf(first!.result.invoices);
        expect(lines.map((l) => `${l.positionNo} ${l.serviceFrom}..${l.serviceTo} ${l.netAmount}`).sort()).toEqual(freshLines(first!.book, first!.run));
        checkStep(s, first!, againIn(first!));
      }),
      { numRuns: 200 },
    );
  });

  it("after every run of a sequence with retroactive changes and moved contract ends, the ledger is the current charge", () => {
    let differences = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const step of play(s)) {
          checkStep(s, step, againIn(step));
          differences += linesOf(step.result.invoices).filter((l) => l.lineType === "difference").length;
        }
      }),
      { numRuns: 200 },
    );
    expect(differences).toBeGreaterThan(50);
  });

  it("does not depend on the order in which the versions of a batch were entered (except same-day ties)", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 1000 }), (s, seed) => {
        // Reorder each batch and give it its sequence numbers in the new order, keeping the order of
        // versions of the same position and day (there the later entry wins, as it must).
        const renumber = (batch: PositionVersion[]): PositionVersion[] => {
          const seqs = batch.map((v) => v.seq).sort((a, b) => a - b);
          const order = batch
            .map((v, i) => ({ v, i, k: (i * 7919 + seed) % 13 }))
            .sort((a, b) => a.k - b.k || a.i - b.i)
            .map(({ v }) => v);
          // restore the relative order of same-day ties
          const ties = new Map<string, PositionVersion[]>();
          for (const v of batch) ties.get(`${v.positionNo}|${v.validFrom}`)?.push(v) ?? ties.set(`${v.positionNo}|${v.validFrom}`, [v]);
          const fixed = order.map((v) => ties.get(`${v.positionNo}|${v.validFrom}`)!.shift()!);
          return fixed.map((v, i) => ({ ...v, seq: seqs[i]! })).reverse();
        };
        const a = play(s).map((st) => st.result.invoices);
        const b = play(s, renumber).map((st) => st.result.invoices);
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it("versions that change nothing (daily, numbers written differently) bill nothing more, and a fresh run the same cents", () => {
    const variant = (x: string, k: number): string => (k % 2 === 0 ? x : x.includes(".") ? `${x}0` : `${x}.00`);
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), (s, monthOffset, positionNo, every) => {
        const steps = play(s);
        const lastStep = steps[steps.length - 1]!;
        const { book, run } = lastStep;
        const ledger = [...lastStep.before, ...lastStep.result.newLedgerEntries];
        // every `every`-th day of one month a new version repeating the state in force (as text variants)
        const m = BASE_MONTH + monthOffset;
        let seq = 10_000;
        const noise: PositionVersion[] = [];
        for (let n = firstDay(m); n < firstDay(m + 1); n += every) {
          const v = dayVersion(book, positionNo, n);
          if (!v) continue;
          const k = seq;
          noise.push({ ...v, id: `noise${k}`, validFrom: isoOf(n), seq: seq++, quantity: variant(v.quantity, k), unitPrice: variant(v.unitPrice, k + 1), discountPct: variant(v.discountPct, k), vatPct: variant(v.vatPct, k + 1) });
        }
        const noisy = [...book.versions, ...noise];
        const runOn = (versions: PositionVersion[], on: LedgerEntry[], runMonth: number) =>
          computeBillingRun({ runId: "noise", runMonth: monthText(runMonth), invoiceDate: "2030-01-01", customers: [{ no: "K-1", name: "Muster GmbH" }], contracts: [book.contract], versions, ledger: on, nextInvoiceNumber: 1 });
        expect(runOn(noisy, ledger, run).invoices).toEqual([]);
        const view = (invoices: readonly Invoice[]) =>
          linesOf(invoices).map((l) => `${l.positionNo} ${l.serviceFrom}..${l.serviceTo} ${stateKey(l)} ${l.netAmount} ${l.exactAmount}`);
        const fresh = (versions: PositionVersion[]) => runOn(versions, [], m + 2).invoices;
        expect(view(fresh(noisy))).toEqual(view(fresh(book.versions)));
        expect(fresh(noisy).map((i) => i.vatTotals)).toEqual(fresh(book.versions).map((i) => i.vatTotals));
      }),
      { numRuns: 150 },
    );
  });

  it("contracts are billed independently: several contracts and customers in one run bill what each would alone", () => {
    const strip = (l: InvoiceLine) => `${l.contractNo} ${l.lineType} ${l.positionNo} ${l.serviceFrom}..${l.serviceTo} ${stateKey(l)} ${l.netAmount} ${l.exactAmount} ${l.catchUp === true}`;
    fc.assert(
      fc.property(fc.array(scenarioArb, { minLength: 2, maxLength: 3 }), fc.array(fc.constantFrom("K-1", "K-2"), { minLength: 3, maxLength: 3 }), (scenarios, owners) => {
        // every contract runs on the first one's run months; its own batches come between them
        const [lead] = scenarios;
        const months = [BASE_MONTH + lead!.firstRun];
        for (const step of lead!.steps) months.push(months[months.length - 1]! + step.gap);
        const customers = [{ no: "K-1", name: "Muster GmbH" }, { no: "K-2", name: "Beispiel AG" }];
        const books = scenarios.map((s, i) => {
          const no = `V-${i + 1}`;
          let term = initialTerm(s);
          let seq = 1;
          const renamed = (specs: typeof s.initial) => specs.map((v) => ({ ...toVersion(v, seq++), contractNo: no, id: `${no}:${seq}` }));
          let versions = renamed(s.initial);
          return months.map((_, k) => {
            if (k > 0 && s.steps[k - 1]) {
              versions = [...versions, ...renamed(s.steps[k - 1]!.batch)];
              term = nextTerm(term, s.steps[k - 1]!);
            }
            return { contract: { ...contractOf(s, term), no, customerNo: owners[i]! }, versions };
          });
        });
        // (invoice numbers never repeat: a difference line references the invoice that billed its month)
        let joint = { ledger: [] as LedgerEntry[], next: 1 };
        const alone = books.map(() => ({ ledger: [] as LedgerEntry[], next: 1 }));
        months.forEach((run, k) => {
          const input = (bs: Book[], { ledger, next }: { ledger: LedgerEntry[]; next: number }) => ({
            runId: `R${k}`,
            runMonth: monthText(run),
            invoiceDate: isoOf(firstDay(run + 1) - 1),
            customers,
            contracts: bs.map((b) => b.contract),
            versions: bs.flatMap((b) => b.versions),
            ledger,
            nextInvoiceNumber: next,
          });
          const both = computeBillingRun(input(books.map((b) => b[k]!), joint));
          for (const inv of both.invoices) checkInvoice(inv);
          expect(new Set(both.invoices.map((i) => i.customerNo)).size).toBe(both.invoices.length);
          const own = books.map((b, i) => {
            const r = computeBillingRun(input([b[k]!], alone[i]!));
            alone[i] = { ledger: [...alone[i]!.ledger, ...r.newLedgerEntries], next: r.nextInvoiceNumber };
            return linesOf(r.invoices).map(strip);
          });
          expect(linesOf(both.invoices).map(strip).sort()).toEqual(own.flat().sort());
          joint = { ledger: [...joint.ledger, ...both.newLedgerEntries], next: both.nextInvoiceNumber };
        });
      }),
      { numRuns: 80 },
    );
  });
});
