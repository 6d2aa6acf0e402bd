/**
 * The billing watermark changes what a run reads, never what it bills: month after month, with
 * versions added (often retroactively) between the runs, `runBilling` on the store (which reads the
 * ledger only after each contract's watermark) bills exactly what the pure core bills from the whole
 * ledger — same invoices, lines and cents — and leaves the same ledger.
 */
import fc from "fast-check";
import { runBilling } from "../../src/app/bill";
import { computeBillingRun } from "../../src/core/billing/run-billing";
import type { Contract, PositionVersion } from "../../src/core/contract/model";
import { BILLING_INTERVALS, BILLING_MODES } from "../../src/core/date/billing-period";
import { addDays } from "../../src/core/date/iso-date";
import { addMonths } from "../../src/core/date/iso-month";
import { testContext } from "../support/fixtures";

const versionArb = fc.record({
  contract: fc.integer({ min: 0, max: 3 }),
  positionNo: fc.constantFrom(1, 2),
  day: fc.integer({ min: 0, max: 500 }),
  quantity: fc.integer({ min: 0, max: 9 }).map(String),
  unitPrice: fc.constantFrom("10", "20.6", "33.33"),
  discountPct: fc.constantFrom("0", "12.5"),
});
const scenarioArb = fc.record({
  contracts: fc.array(fc.record({ interval: fc.constantFrom(...BILLING_INTERVALS), mode: fc.constantFrom(...BILLING_MODES), startDay: fc.integer({ min: 0, max: 200 }), suppressCredits: fc.boolean() }), { minLength: 4, maxLength: 4 }),
  initial: fc.array(versionArb, { minLength: 2, maxLength: 8 }),
  // one list of new versions before each of the 12 runs (some reach back into billed months)
  changes: fc.array(fc.array(versionArb, { maxLength: 3 }), { minLength: 12, maxLength: 12 }),
});

describe("billing with watermarks = billing from the whole ledger", () => {
  it("12 monthly runs with changes in between (property)", async () => {
    // (the property must exercise something: lines billed, differences, watermarks in use)
    const seen = { lines: 0, differences: 0, settled: 0 };
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const ctx = await testContext();
        const contracts: Contract[] = s.contracts.map((c, i) => ({ no: `V-${i}`, customerNo: "K-1", type: "license", interval: c.interval, mode: c.mode, start: addDays("2026-01-01", c.startDay), suppressCredits: c.suppressCredits }));
        let seq = 1;
        const version = (v: (typeof s.initial)[number]): PositionVersion => {
          const c = contracts[v.contract]!;
          const validFrom = addDays(c.start, v.day % 300);
          return { id: `v${seq}`, contractNo: c.no, positionNo: v.positionNo, validFrom, articleNo: "A", description: "A", quantity: v.quantity, unitPrice: v.unitPrice, discountPct: v.discountPct, vatPct: "19", seq: seq++ };
        };
        await ctx.store.write(async (tx) => {
          await tx.customers.putMany([{ no: "K-1", name: "Kunde" }]);
          await tx.contracts.putMany(contracts);
          await tx.versions.addMany(s.initial.map(version));
        });
        let month = "2026-01";
        for (let k = 0; k < 12; k++, month = addMonths(month, 1)) {
          if (k > 0 && s.changes[k]!.length > 0) await ctx.store.write((tx) => tx.versions.addMany(s.changes[k]!.map(version)));
          const { versions, ledger, next } = await ctx.store.read(async (tx) => {
            const all: Awaited<ReturnType<typeof tx.ledger.ofRun>> = [];
            await tx.ledger.forEach((e) => void all.push(e));
            return { versions: await tx.versions.all(), ledger: all, next: await tx.counters.peek("invoice") };
          });
          const runId = `run-${String(await ctx.store.read((tx) => tx.counters.peek("run"))).padStart(5, "0")}`;
          const expected = computeBillingRun({ runId, runMonth: month, invoiceDate: "2027-01-01", customers: [{ no: "K-1", name: "Kunde" }], contracts, versions, ledger, nextInvoiceNumber: next, formatInvoiceRef: (n) => `RE-${String(n).padStart(6, "0")}` });
          const actual = await runBilling(ctx, { month, invoiceDate: "2027-01-01" });
          if (!actual.ok) throw new Error(JSON.stringify(actual.issues));
          expect({ month, invoices: actual.value.invoices }).toEqual({ month, invoices: expected.invoices });
          for (const inv of actual.value.invoices) for (const l of inv.lines) (l.lineType === "difference" ? seen.differences++ : seen.lines++);
        }
        seen.settled += (await ctx.store.read((tx) => tx.billingState.all())).size;
        await ctx.store.close();
      }),
      { numRuns: 25 },
    );
    expect(seen.lines).toBeGreaterThan(100);
    expect(seen.differences).toBeGreaterThan(10);
    expect(seen.settled).toBeGreaterThan(20);
  }, 300_000);
});

describe("a contract whose credit is suppressed", () => {
  it("is noted once: the next run does not report (or recompute) the same suppressed credit again", async () => {
    const ctx = await testContext();
    const contract: Contract = { no: "V-1", customerNo: "K-1", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01", suppressCredits: true };
    const version = (id: string, validFrom: string, quantity: string, seq: number): PositionVersion => ({ id, contractNo: "V-1", positionNo: 1, validFrom, articleNo: "A", description: "A", quantity, unitPrice: "10", discountPct: "0", vatPct: "19", seq });
    await ctx.store.write(async (tx) => {
      await tx.customers.putMany([{ no: "K-1", name: "Kunde" }]);
      await tx.contracts.putMany([contract]);
      await tx.versions.addMany([version("v1", "2026-01-01", "5", 1)]);
    });
    const bill = async (month: string) => {
      const r = await runBilling(ctx, { month, invoiceDate: "2026-06-01" });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return { issues: r.value.issues.map((i) => `${i.code} ${String(i.params.from)}..${String(i.params.to)} ${String(i.params.amount)}`), lines: r.value.invoices.flatMap((i) => i.lines.map((l) => `${l.lineType} ${l.serviceFrom}..${l.serviceTo} ${l.netAmount}`)) };
    };
    expect(await bill("2026-02")).toEqual({ issues: [], lines: ["recurring 2026-01-01..2026-01-31 50.00", "recurring 2026-02-01..2026-02-28 50.00"] });
    // fewer seats from 15 January: a credit for January and February, suppressed
    await ctx.store.write((tx) => tx.versions.addMany([version("v2", "2026-01-15", "3", 2)]));
    const march = await bill("2026-03");
    expect(march.issues).toEqual(["billing.credit_suppressed 2026-01-15..2026-01-31 -10.97", "billing.credit_suppressed 2026-02-01..2026-02-28 -20.00"]);
    expect(march.lines).toEqual(["recurring 2026-03-01..2026-03-31 30.00"]);
    expect(await bill("2026-04")).toEqual({ issues: [], lines: ["recurring 2026-04-01..2026-04-30 30.00"] });
    expect((await ctx.store.read((tx) => tx.billingState.all())).get("V-1")).toBe("2026-04");
    // a later change of those months lowers the watermark: the increase is set against the credit not given
    await ctx.store.write((tx) => tx.versions.addMany([version("v3", "2026-02-01", "6", 3)]));
    expect(await bill("2026-05")).toEqual({ issues: ["billing.credit_suppressed 2026-01-15..2026-01-31 -10.97"], lines: ["difference 2026-02-01..2026-02-28 10.00", "difference 2026-03-01..2026-03-31 30.00", "difference 2026-04-01..2026-04-30 30.00", "recurring 2026-05-01..2026-05-31 60.00"] });
    await ctx.store.close();
  });
});
