/**
 * The consistency check that verify applies to invoices issued before they kept a ledger digest
 * (core/integrity/ledger-consistency.ts) must hold for everything billing produces: a property over
 * runs of every interval and mode, with quantity, price and discount changes reaching back into
 * billed months (difference lines), contracts starting mid-month and credits suppressed or not.
 */
import fc from "fast-check";
import type { LedgerEntry } from "../../../src/core/billing/ledger";
import { computeBillingRun } from "../../../src/core/billing/run-billing";
import type { Contract, PositionVersion } from "../../../src/core/contract/model";
import { BILLING_INTERVALS, BILLING_MODES } from "../../../src/core/date/billing-period";
import { addDays } from "../../../src/core/date/iso-date";
import { addMonths } from "../../../src/core/date/iso-month";
import { ledgerMismatch } from "../../../src/core/integrity/ledger-consistency";
import { EMPTY_LEDGER_DIGEST, ledgerDigest } from "../../../src/core/integrity/ledger-digest";

const versionArb = fc.record({
  contract: fc.integer({ min: 0, max: 3 }),
  positionNo: fc.constantFrom(1, 2),
  day: fc.integer({ min: 0, max: 500 }),
  quantity: fc.integer({ min: 0, max: 9 }).map(String),
  unitPrice: fc.constantFrom("10", "20.6", "33.33", "0.07"),
  discountPct: fc.constantFrom("0", "12.5"),
  description: fc.constantFrom("A", "A neu"),
});
const scenarioArb = fc.record({
  contracts: fc.array(fc.record({ interval: fc.constantFrom(...BILLING_INTERVALS), mode: fc.constantFrom(...BILLING_MODES), startDay: fc.integer({ min: 0, max: 200 }), suppressCredits: fc.boolean() }), { minLength: 4, maxLength: 4 }),
  initial: fc.array(versionArb, { minLength: 2, maxLength: 8 }),
  changes: fc.array(fc.array(versionArb, { maxLength: 3 }), { minLength: 12, maxLength: 12 }),
});

describe("ledgerMismatch", () => {
  it("holds for every invoice billing produces: 12 monthly runs with retroactive changes (property)", () => {
    const seen = { lines: 0, differences: 0, multiMonth: 0 };
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const contracts: Contract[] = s.contracts.map((c, i) => ({ no: `V-${i}`, customerNo: `K-${i % 2}`, type: "license", interval: c.interval, mode: c.mode, start: addDays("2026-01-01", c.startDay), suppressCredits: c.suppressCredits }));
        let seq = 1;
        const version = (v: (typeof s.initial)[number]): PositionVersion => {
          const c = contracts[v.contract]!;
          return { id: `v${seq}`, contractNo: c.no, positionNo: v.positionNo, validFrom: addDays(c.start, v.day % 300), articleNo: "A", description: v.description, quantity: v.quantity, unitPrice: v.unitPrice, discountPct: v.discountPct, vatPct: "19", seq: seq++ };
        };
        let versions = s.initial.map(version);
        const ledger: LedgerEntry[] = [];
        let next = 1;
        let month = "2026-01";
        for (let k = 0; k < 12; k++, month = addMonths(month, 1)) {
          if (k > 0) versions = [...versions, ...s.changes[k]!.map(version)];
          const customers = [{ no: "K-0", name: "Null" }, { no: "K-1", name: "Eins" }];
          const r = computeBillingRun({ runId: `run-${k}`, runMonth: month, invoiceDate: "2027-01-01", customers, contracts, versions, ledger, nextInvoiceNumber: next, formatInvoiceRef: (n) => `RE-${n}` });
          for (const inv of r.invoices) {
            const own = r.newLedgerEntries.filter((e) => e.invoiceRef === inv.invoiceRef);
            expect({ invoice: inv.invoiceRef, mismatch: ledgerMismatch(inv, own) }).toEqual({ invoice: inv.invoiceRef, mismatch: null });
            for (const l of inv.lines) (l.lineType === "difference" ? seen.differences++ : seen.lines++);
            seen.multiMonth += inv.lines.filter((l) => l.serviceFrom.slice(0, 7) !== l.serviceTo.slice(0, 7)).length;
          }
          ledger.push(...r.newLedgerEntries);
          next = r.nextInvoiceNumber;
        }
      }),
      { numRuns: 60 },
    );
    expect(seen.lines).toBeGreaterThan(100);
    expect(seen.differences).toBeGreaterThan(20);
    expect(seen.multiMonth).toBeGreaterThan(20);
  });
});

const entry = (over: Partial<LedgerEntry>): LedgerEntry => ({
  id: "run-1:RE-1:1:2026-01",
  runId: "run-1",
  invoiceRef: "RE-1",
  lineNo: 1,
  contractNo: "V-1",
  positionNo: 1,
  month: "2026-01",
  serviceFrom: "2026-01-01",
  serviceTo: "2026-01-31",
  articleNo: "A",
  description: "A",
  quantity: "2",
  unitPrice: "10",
  discountPct: "0",
  vatPct: "19",
  exactAmount: "20",
  roundedAmount: "20",
  lineType: "recurring",
  ...over,
});

describe("ledgerDigest", () => {
  const a = entry({});
  const b = entry({ id: "run-1:RE-1:1:2026-02", month: "2026-02", serviceFrom: "2026-02-01", serviceTo: "2026-02-28" });
  it("does not depend on the order of the entries or of their keys, nor on null optional fields", () => {
    expect(ledgerDigest([b, a])).toBe(ledgerDigest([a, b]));
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as LedgerEntry;
    expect(ledgerDigest([reordered, b])).toBe(ledgerDigest([a, b]));
    expect(ledgerDigest([{ ...a, correctsRef: null as unknown as undefined }, b])).toBe(ledgerDigest([a, b]));
  });
  it("changes with any field, an entry added or removed; no entries give the digest of the empty list", () => {
    const base = ledgerDigest([a, b]);
    for (const k of Object.keys(a) as (keyof LedgerEntry)[]) expect(ledgerDigest([{ ...a, [k]: `${String(a[k])}x` } as LedgerEntry, b])).not.toBe(base);
    expect(ledgerDigest([a, b, { ...b, id: "x" }])).not.toBe(base);
    expect(ledgerDigest([a])).not.toBe(base);
    expect(ledgerDigest([])).toBe(EMPTY_LEDGER_DIGEST);
    expect(EMPTY_LEDGER_DIGEST).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
