/**
 * Issue 16.4: inputs of any size. One subscription with 130,000 lines used to crash reconcile with a
 * RangeError (its row numbers were spread into `push`, one function argument per line); the same for
 * the rows behind an unmapped tenant when mapping needs are collected.
 */
import { mappingNeeds } from "../../src/core/reconcile/mapping-suggestions";
import { testContext } from "../support/fixtures";
import { T1, octoberCsv, octoberRecords, reconcile, seedStore } from "../support/reconcile-scenario";

const LINES = 130_000;

describe("one subscription with 130,000 lines", () => {
  it("reconciles (quantity summed over all lines) and collects the mapping need of an unmapped tenant with all its rows", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const base = octoberRecords();
    const bp = base[0]!; // T1, Business Premium, subscription S1, cycleCharge 10 seats
    const unknown = base[8]!; // T3 (no mapping), subscription S6
    const records = [...base.filter((r) => r.SubscriptionId !== "S1" && r.SubscriptionId !== "S6")];
    for (let i = 0; i < LINES; i++) records.push({ ...bp, Quantity: "1", BillableQuantity: "1", Subtotal: "18.6" });
    for (let i = 0; i < LINES; i++) records.push({ ...unknown, Quantity: "1", BillableQuantity: "1", Subtotal: "18.6" });
    const rows = await reconcile(ctx, octoberCsv("microsoft", records));
    const s1 = rows.find((r) => r.externalCustomerId === T1 && r.articleNo === "M365-BP");
    expect(s1?.status).toBe("quantity_changed");
    expect(s1?.vendorQty).toBe(String(LINES));
    expect(s1?.rows).toHaveLength(LINES);
    const needs = mappingNeeds(rows);
    const t3 = needs.find((n) => n.kind === "customer");
    expect(t3?.rows).toHaveLength(LINES);
  }, 120_000);
});
