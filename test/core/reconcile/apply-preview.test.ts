import fc from "fast-check";
import type { Contract, PositionVersion } from "../../../src/core/contract/model";
import { isCancellationToZero, planStoresNothing, previewPlan, skipCancellations } from "../../../src/core/reconcile/apply-preview";
import { planApply, type ApplySnapshot, type ReviewDecision } from "../../../src/core/reconcile/plan-apply";
import type { ReviewRow } from "../../../src/core/reconcile/review-row";

const decision = (row: number, status: ReviewDecision["status"], action: ReviewDecision["action"], contractQty: string | null, vendorQty: string, positionNo: number | null = 1): ReviewDecision => ({
  source: "Abgleich 2026-10", row, status, action, customerNo: "10001", contractNo: "V-1", positionNo, articleNo: "A", externalCustomerId: "", externalArticleId: "",
  mappingSource: "*", contractQty, positionQty: contractQty, vendorQty, effectiveDate: "2026-10-01" as ReviewDecision["effectiveDate"],
});

const CONTRACT: Contract = { no: "V-1", customerNo: "10001", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01" };
const stored = (positionNo: number, quantity: string): PositionVersion => ({ id: `v${positionNo}`, contractNo: "V-1", positionNo, validFrom: "2026-01-01", articleNo: positionNo === 9 ? "B" : "A", description: "A", quantity, unitPrice: "6", discountPct: "0", vatPct: "19", seq: positionNo });

/** Positions 1–5 of V-1 with these stored quantities; article A; customer 10001 and 10002; mapping `customer|*|TENANT-X` → 10002. */
function snapshot(quantities: string[]): ApplySnapshot {
  return {
    contracts: new Map([["V-1", CONTRACT]]),
    articles: new Map(["A", "B"].map((no) => [no, { no, description: no, unitPrice: "6", vatPct: "19" }])),
    customers: new Set(["10001", "10002"]),
    versions: quantities.map((q, i) => stored(i + 1, q)),
    mappings: new Map([["customer|*|TENANT-X", "10002"]]),
  };
}

const unmapped = (row: number, tenant: string, customerNo: string): ReviewDecision => ({ ...decision(row, "unmapped_customer", "accept", null, "7", null), externalCustomerId: tenant, customerNo, articleNo: "" });

function must<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("the confirmation before Übernehmen counts what applying would really store (dry run)", () => {
  it("counts changes, new positions, ends, reductions against the stored quantities and names the rows of ends and reductions", () => {
    const plan = must(planApply(snapshot(["10", "4", "5", "5", "1", "2"]), [
      decision(2, "quantity_changed", "accept", "10", "12", 1),
      decision(3, "quantity_changed", "accept", "4", "0", 2),
      decision(4, "quantity_changed", "accept", "5", "3", 3),
      { ...decision(5, "new_position", "accept", "0", "2", null), articleNo: "B" },
      decision(6, "missing_in_file", "accept", "5", "0", 4),
      decision(7, "missing_in_file", "skip", "1", "0", 5),
      unmapped(8, "TENANT-Y", "10002"),
      decision(9, "unchanged", "accept", "2", "2", 6),
      decision(10, "quantity_changed", "skip", "2", "0", 6),
    ], "pending"));
    expect(previewPlan(plan)).toEqual({ changes: 6, newPositions: 1, ends: 2, reductions: 1, increases: 1, mappings: 1, unchanged: 1, skipped: 2, endRows: [3, 6], reductionRows: [4] });
  });

  it("rows already stored and a mapping already saved count as unchanged, not as changes: nothing to store", () => {
    const review = [decision(2, "quantity_changed", "accept", "10", "12", 1), decision(3, "quantity_changed", "accept", "4", "0", 2), unmapped(4, " TENANT-X ", "10002")];
    // The sheet still says 10 → 12 and 4 → 0, but the store already holds 12 and 0; TENANT-X is mapped to 10002.
    const plan = must(planApply(snapshot(["12", "0"]), review, "pending"));
    expect(planStoresNothing(plan)).toBe(true);
    expect(previewPlan(plan)).toMatchObject({ changes: 0, ends: 0, reductions: 0, mappings: 0, unchanged: 3 });
    // The same mapping to another customer is a change.
    const remap = must(planApply(snapshot(["12", "0"]), [unmapped(4, "TENANT-X", "10001")], "pending"));
    expect(previewPlan(remap)).toMatchObject({ changes: 1, mappings: 1, unchanged: 0 });
  });

  it("a row edited after an earlier apply counts by what it changes now (the sheet's contract quantity is stale)", () => {
    // Applied 10 → 8 before; the clerk now types 9: an increase against the stored 8, not a reduction.
    const plan = must(planApply(snapshot(["8"]), [decision(2, "quantity_changed", "accept", "10", "9", 1)], "pending"));
    expect(previewPlan(plan)).toMatchObject({ changes: 1, increases: 1, reductions: 0, reductionRows: [] });
  });

  it("adds up and does not depend on the order of the rows (property)", () => {
    const qty = fc.constantFrom("0", "0.00", "1", "2.5", "3", "10");
    const arb = fc.record({
      stored: fc.array(qty, { minLength: 1, maxLength: 5 }),
      rows: fc.array(fc.record({ position: fc.integer({ min: 1, max: 5 }), action: fc.constantFrom<"accept" | "skip">("accept", "skip"), vendor: qty }), { maxLength: 20 }),
    });
    fc.assert(
      fc.property(arb, fc.integer(), ({ stored: quantities, rows }, seed) => {
        // One row per position (as a review has), on stored positions.
        const ds = [...new Map(rows.filter((x) => x.position <= quantities.length).map((x) => [x.position, x])).values()].map((x, i) => decision(i + 2, "quantity_changed", x.action, quantities[x.position - 1]!, x.vendor, x.position));
        const plan = must(planApply(snapshot(quantities), ds, "pending"));
        const p = previewPlan(plan);
        const accepted = ds.filter((d) => d.action === "accept");
        expect(p.skipped + accepted.length).toBe(ds.length);
        expect(p.changes + p.unchanged).toBe(accepted.length);
        expect(p.newPositions + p.ends + p.reductions + p.increases + p.mappings).toBeLessThanOrEqual(p.changes);
        expect(p.endRows).toHaveLength(p.ends);
        expect(p.reductionRows).toHaveLength(p.reductions);
        expect(planStoresNothing(plan)).toBe(p.changes === 0);
        const shuffled = [...ds].sort((a, b) => ((a.row * 7919 + seed) % 101) - ((b.row * 7919 + seed) % 101));
        expect(previewPlan(must(planApply(snapshot(quantities), shuffled, "pending")))).toEqual(p);
      }),
    );
  });
});

describe("a cancellation to 0 is skipped in the pane's review", () => {
  const row = (status: ReviewRow["status"], vendorQty: string | null, action: ReviewRow["action"]) => ({ status, vendorQty, action }) as ReviewRow;

  it("only quantity changes to 0 turn to skip; other rows and the input stay as they are", () => {
    const rows = [row("quantity_changed", "0", "accept"), row("quantity_changed", "0.000", "accept"), row("quantity_changed", "2", "accept"), row("new_position", "0", "accept"), row("missing_in_file", "0", "skip")];
    const out = skipCancellations(rows);
    expect(out.map((r) => r.action)).toEqual(["skip", "skip", "accept", "accept", "skip"]);
    expect(rows[0]!.action).toBe("accept");
    expect(isCancellationToZero(row("quantity_changed", null, "accept"))).toBe(false);
    expect(skipCancellations(out)).toEqual(out);
  });
});
