import fc from "fast-check";
import { Decimal, sum } from "../../../src/core/money/decimal";
import type { Mandate } from "../../../src/core/sepa/mandate";
import { type CollectionPlan, type CollectionPlanInput, type DebtorSettings, type RunDocument, collectionRecords, planCollection } from "../../../src/core/sepa/plan";
import type { CollectionRecord } from "../../../src/core/sepa/sequence";
import { CREDITOR, d, mandateOf } from "./fixtures";

const cents = (n: number): string => (n / 100).toFixed(2);

interface Customer {
  no: string;
  debtor?: DebtorSettings;
  mandate?: Mandate;
}

const customerArb = (i: number): fc.Arbitrary<Customer> =>
  fc.record({
    method: fc.constantFrom("direct_debit", "transfer", "none"),
    netCredits: fc.boolean(),
    mandate: fc.constantFrom("none", "new", "used", "expired", "bad"),
    scheme: fc.constantFrom("CORE" as const, "B2B" as const),
  }).map(({ method, netCredits, mandate, scheme }) => {
    const no = `K${i}`;
    const m =
      mandate === "none" ? undefined
      : mandate === "new" ? mandateOf(no, { scheme })
      : mandate === "used" ? mandateOf(no, { scheme, lastCollectionDate: d("2025-11-03") })
      : mandate === "expired" ? mandateOf(no, { scheme, signatureDate: d("2019-05-01"), lastCollectionDate: d("2022-01-10") })
      : mandateOf(no, { scheme, mandateRef: "BAD REF" });
    return { no, ...(method === "none" ? {} : { debtor: { paymentMethod: method as "direct_debit" | "transfer", netCredits } }), ...(m ? { mandate: m } : {}) };
  });

/** A run: customers, their documents (invoices, credit notes, cancellations), some refs already exported. */
const runArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.tuple(
    fc.tuple(...Array.from({ length: n }, (_, i) => customerArb(i + 1))),
    fc.array(
      fc.record({
        customer: fc.integer({ min: 1, max: n }),
        kind: fc.constantFrom("invoice", "invoice", "invoice", "credit_note", "cancellation"),
        cents: fc.integer({ min: -50_000, max: 500_000 }),
        day: fc.integer({ min: 1, max: 5 }),
        cancels: fc.nat(),
      }),
      { maxLength: 14 },
    ),
  ).map(([customers, raw]) => {
    const documents: RunDocument[] = raw.map((r, i) => {
      const kind = r.kind as RunDocument["kind"];
      const gross = kind === "invoice" ? r.cents : -Math.abs(r.cents);
      return { invoiceRef: `${kind === "invoice" ? "RE" : kind === "credit_note" ? "GS" : "ST"}-${i + 1}`, customerNo: `K${r.customer}`, kind, grossTotal: cents(gross), invoiceDate: d(`2026-01-0${r.day}`) };
    });
    // Some cancellations cancel an invoice of the same customer.
    raw.forEach((r, i) => {
      const doc = documents[i]!;
      if (doc.kind !== "cancellation") return;
      const own = documents.filter((x) => x.kind === "invoice" && x.customerNo === doc.customerNo);
      if (own.length > 0 && r.cancels % 2 === 0) documents[i] = { ...doc, correctsRef: own[r.cancels % own.length]!.invoiceRef };
    });
    return { customers, documents };
  }),
);

function inputOf(run: { customers: Customer[]; documents: RunDocument[] }, history: CollectionRecord[] = [], repeat?: Set<string>): CollectionPlanInput {
  return {
    documents: run.documents,
    debtors: new Map(run.customers.flatMap((c) => (c.debtor ? [[c.no, c.debtor] as const] : []))),
    mandates: new Map(run.customers.flatMap((c) => (c.mandate ? [[c.no, c.mandate] as const] : []))),
    history,
    creditor: CREDITOR,
    collectionDate: d("2026-01-20"),
    today: d("2026-01-09"),
    ...(repeat ? { repeat } : {}),
  };
}

function planOf(i: CollectionPlanInput): CollectionPlan {
  const r = planCollection(i);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const paymentsOf = (p: CollectionPlan) => p.groups.flatMap((g) => g.payments);

describe("collection plan properties", () => {
  it("every document is either collected exactly once or reported exactly once", () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const p = planOf(inputOf(run));
        const refs = [...paymentsOf(p).map((x) => x.invoiceRef), ...p.leftOut.map((l) => l.invoiceRef)].sort();
        expect(refs).toEqual(run.documents.map((x) => x.invoiceRef).sort());
      }),
    );
  });

  it("sums: each group's total is the sum of its payments, the plan's the sum of the groups; counts match", () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const p = planOf(inputOf(run));
        for (const g of p.groups) {
          expect(g.total).toBe(sum(g.payments.map((x) => new Decimal(x.amount))).toFixed(2));
          expect(g.count).toBe(g.payments.length);
          expect(g.payments.every((x) => x.scheme === g.scheme && x.sequenceType === g.sequenceType)).toBe(true);
        }
        expect(p.total).toBe(sum(p.groups.map((g) => new Decimal(g.total))).toFixed(2));
        expect(p.count).toBe(paymentsOf(p).length);
      }),
    );
  });

  it("only invoices of direct-debit customers with a valid mandate are collected, for their gross total less netted credits, to the cent", () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const p = planOf(inputOf(run));
        const byNo = new Map(run.customers.map((c) => [c.no, c]));
        const docs = new Map(run.documents.map((x) => [x.invoiceRef, x]));
        for (const pay of paymentsOf(p)) {
          const c = byNo.get(pay.customerNo)!;
          const doc = docs.get(pay.invoiceRef)!;
          expect(doc.kind).toBe("invoice");
          expect(c.debtor?.paymentMethod).toBe("direct_debit");
          expect(c.mandate?.mandateRef).toBe(pay.mandate.mandateRef);
          expect(pay.scheme).toBe(c.mandate!.scheme);
          const amount = new Decimal(pay.amount);
          expect(amount.greaterThan(0)).toBe(true);
          expect(amount.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(amount.plus(sum(pay.offsets.map((o) => new Decimal(o.amount)))).toFixed(2)).toBe(new Decimal(doc.grossTotal).toFixed(2));
          if (!c.debtor?.netCredits) expect(pay.amount).toBe(new Decimal(doc.grossTotal).toFixed(2));
        }
      }),
    );
  });

  it("a credit note is never netted for more than it is worth", () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const p = planOf(inputOf(run));
        const used = new Map<string, Decimal>();
        for (const pay of paymentsOf(p)) for (const o of pay.offsets) used.set(o.ref, (used.get(o.ref) ?? new Decimal(0)).plus(o.amount));
        for (const [ref, amount] of used) {
          const credit = run.documents.find((x) => x.invoiceRef === ref)!;
          expect(new Decimal(credit.grossTotal).isNegative()).toBe(true);
          expect(amount.lessThanOrEqualTo(new Decimal(credit.grossTotal).abs())).toBe(true);
        }
      }),
    );
  });

  it("does not depend on the order of the documents", () => {
    fc.assert(
      fc.property(runArb, fc.nat(), (run, seed) => {
        const shuffled = [...run.documents].sort((a, b) => ((a.invoiceRef.length * 31 + seed) % 7) - ((b.invoiceRef.length * 31 + seed) % 7) || (a.invoiceRef < b.invoiceRef ? 1 : -1));
        const key = (p: CollectionPlan) => paymentsOf(p).map((x) => `${x.invoiceRef}:${x.amount}:${x.sequenceType}`).sort();
        expect(key(planOf(inputOf({ ...run, documents: shuffled })))).toEqual(key(planOf(inputOf(run))));
      }),
    );
  });

  it("a second export of the same run collects nothing again; an explicit repeat collects the same amounts, marked", () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const first = planOf(inputOf(run));
        const history = [
          ...collectionRecords(first, first.groups.filter((g) => g.scheme === "CORE"), "SDD-R-1"),
          ...collectionRecords(first, first.groups.filter((g) => g.scheme === "B2B"), "SDD-R-1-B2B"),
        ];
        const second = planOf(inputOf(run, history));
        expect(second.count).toBe(0);
        for (const pay of paymentsOf(first)) expect(second.leftOut.find((l) => l.invoiceRef === pay.invoiceRef)?.reason).toBe("already_exported");
        // Credit notes netted against collected invoices stay used: in the second plan a credit can
        // only offset invoices that again collect nothing.
        for (const l of second.leftOut.filter((x) => x.reason === "netted" || x.reason === "netted_partly")) {
          for (const ref of String(l.message.params.invoices).split(", ")) expect(second.leftOut.find((x) => x.invoiceRef === ref)?.reason).toBe("offset_by_credits");
        }

        const repeat = new Set(paymentsOf(first).map((x) => x.invoiceRef));
        const again = planOf(inputOf(run, history, repeat));
        const key = (p: CollectionPlan) => paymentsOf(p).map((x) => `${x.invoiceRef}:${x.amount}:${x.sequenceType}`).sort();
        expect(key(again)).toEqual(key(first));
        expect(paymentsOf(again).every((x) => x.repeatOf !== undefined && x.repeatOf.length === 1)).toBe(true);
        expect(again.issues.filter((i) => i.code === "sepa.repeat_export")).toHaveLength(repeat.size);
      }),
    );
  });
});
