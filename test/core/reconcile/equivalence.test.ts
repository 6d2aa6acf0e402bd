/**
 * The reconcile core was rewritten for speed (issue 11: one pass over the lines, lookups by vendor
 * id, exact sums on scaled integers instead of a decimal.js allocation per line). These properties
 * check that it gives exactly what the straightforward implementation (kept in ./reference) gives.
 */
import fc from "fast-check";
import type { Contract, PositionVersion } from "../../../src/core/contract/model";
import type { IsoMonth } from "../../../src/core/date/iso-month";
import { reconcileMonth, type ReconcileInput } from "../../../src/core/reconcile/reconcile-month";
import type { SeatLine } from "../../../src/core/reconcile/seat-line";
import { subscriptionQuantity } from "../../../src/core/reconcile/vendor-quantity";
import { reconcileMonth as referenceReconcileMonth } from "./reference/reconcile-month";
import { subscriptionQuantity as referenceSubscriptionQuantity } from "./reference/vendor-quantity";

const MONTH = "2026-10" as IsoMonth;
const day = fc.integer({ min: -20, max: 50 }).map((n) => {
  const d = new Date(Date.UTC(2026, 9, 1 + n));
  return d.toISOString().slice(0, 10);
});
/** Plain decimals mostly; now and then a number decimal.js reads that is not plain (exponent, plus sign). */
const decimal = (max: number) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: -max * 100, max: max * 100 }).map((c) => (c / 100).toString()) },
    { weight: 3, arbitrary: fc.integer({ min: -max, max }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom("1e2", "+3", "2.50", "-0", "0.000001", "123456789012.345678") },
  );

const lineArb = fc.record({
  profileId: fc.constantFrom("microsoft-nce-invoice", "ingram"),
  customer: fc.integer({ min: 0, max: 5 }),
  article: fc.integer({ min: 0, max: 4 }),
  // Issue 19: one GUID in two cases is one subscription.
  subscription: fc.constantFrom("", "s1", "s2", "s3", "0A1B2C3D-4E5F-4061-8273-8495A6B7C8D9", "0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9"),
  from: fc.option(day, { nil: null }),
  length: fc.integer({ min: 0, max: 40 }),
  quantity: decimal(50),
  unitCost: fc.option(decimal(40), { nil: null }),
  amount: fc.option(decimal(2000), { nil: null }),
  changesQuantity: fc.boolean(),
  countsSeats: fc.boolean(),
  // Issue 19: legacy "Cycle instance prorate" lines set the subscription's total.
  setsTotal: fc.boolean(),
});

function toLine(l: typeof lineArb extends fc.Arbitrary<infer T> ? T : never, row: number): SeatLine {
  const to = l.from === null ? null : new Date(Date.parse(l.from) + l.length * 86_400_000).toISOString().slice(0, 10);
  return {
    profileId: l.profileId,
    source: "file.csv",
    row,
    vendorCustomerId: `tenant-${l.customer}`,
    vendorCustomerName: `Tenant ${l.customer}`,
    vendorArticleKey: `SKU${l.article}:0001`,
    vendorArticleName: `Product ${l.article}`,
    subscriptionId: l.subscription,
    chargeFrom: l.from,
    chargeTo: to,
    quantity: l.quantity,
    unitCost: l.unitCost,
    amount: l.amount,
    changesQuantity: l.changesQuantity,
    countsSeats: l.countsSeats,
    ...(l.setsTotal ? { setsTotal: true } : {}),
  };
}

const storeArb = fc.record({
  contracts: fc.array(
    fc.record({ customer: fc.integer({ min: 0, max: 5 }), type: fc.constantFrom("license", "managed_service"), start: day, end: fc.option(day, { nil: undefined }) }),
    { maxLength: 8 },
  ),
  positions: fc.array(fc.record({ contract: fc.nat(7), article: fc.integer({ min: 0, max: 5 }), validFrom: day, quantity: fc.integer({ min: 0, max: 40 }).map(String), vendorKey: fc.option(fc.constantFrom("SKU1:0001", "SKU2:0001"), { nil: undefined }) }), { maxLength: 16 }),
  unmappedCustomer: fc.integer({ min: 0, max: 6 }),
  unmappedArticle: fc.integer({ min: 0, max: 5 }),
  anySource: fc.boolean(),
});

function inputOf(store: typeof storeArb extends fc.Arbitrary<infer T> ? T : never, lines: SeatLine[]): ReconcileInput {
  const contracts: Contract[] = store.contracts.map((c, i) => ({ no: `V-${i}`, customerNo: `K${c.customer}`, type: c.type as Contract["type"], interval: "monthly", mode: "advance", start: c.start, ...(c.end ? { end: c.end } : {}) }));
  const versions: PositionVersion[] = store.positions
    .filter((p) => p.contract < contracts.length)
    .map((p, i) => ({ id: `v${i}`, contractNo: `V-${p.contract}`, positionNo: 1 + (i % 3), validFrom: p.validFrom, articleNo: `A${p.article}`, description: "", quantity: p.quantity, unitPrice: "20.6", discountPct: i % 2 ? "10" : "0", vatPct: "19", seq: i + 1, ...(p.vendorKey ? { vendorKey: p.vendorKey } : {}) }));
  const lookup: ReconcileInput["lookup"] = (kind, source, id) => {
    if (kind === "customer") {
      const n = Number(id.slice(7));
      return n === store.unmappedCustomer ? undefined : source === "ingram" && !store.anySource ? undefined : `K${n}`;
    }
    const n = Number(id.slice(3, 4));
    return n === store.unmappedArticle ? undefined : `A${n}`;
  };
  return {
    month: MONTH,
    lines,
    lookup,
    customers: new Map([0, 1, 2, 3, 4, 5].map((n) => [`K${n}`, { no: `K${n}`, name: `Kunde ${n}` }])),
    articles: new Map([0, 1, 2, 3, 4].map((n) => [`A${n}`, { no: `A${n}`, description: `Artikel ${n}`, unitPrice: "19.9", vatPct: "19" }])),
    contracts,
    versions,
    mappedCustomers: new Set(["K0", "K1", "K2", "K3"]),
    mappedArticles: new Set(["A0", "A1", "A2"]),
  };
}

describe("optimised reconcile core = reference implementation", () => {
  it("reconcileMonth gives the same review rows", () => {
    fc.assert(
      fc.property(storeArb, fc.array(lineArb, { maxLength: 60 }), (store, raw) => {
        const input = inputOf(store, raw.map((l, i) => toLine(l, i + 2)));
        expect(reconcileMonth(input)).toEqual(referenceReconcileMonth(input));
      }),
      { numRuns: 400 },
    );
  });

  it("subscriptionQuantity gives the same quantities, costs and amounts (to the last digit)", () => {
    const show = (q: ReturnType<typeof subscriptionQuantity>) =>
      q && { ...q, quantity: q.quantity.toString(), unitCost: q.unitCost?.toString() ?? null, amount: q.amount.toString() };
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), (raw) => {
        const lines = raw.map((l, i) => toLine(l, i + 2));
        expect(show(subscriptionQuantity(lines, MONTH))).toEqual(show(referenceSubscriptionQuantity(lines, MONTH)));
      }),
      { numRuns: 1000 },
    );
  });
});
