import fc from "fast-check";
import { isCancellationToZero, previewApply, skipCancellations } from "../../../src/core/reconcile/apply-preview";
import type { ReviewDecision } from "../../../src/core/reconcile/plan-apply";
import { RECONCILE_STATUSES, type ReviewRow } from "../../../src/core/reconcile/review-row";

const decision = (row: number, status: ReviewDecision["status"], action: ReviewDecision["action"], contractQty: string | null, vendorQty: string): ReviewDecision => ({
  source: "Abgleich 2026-10", row, status, action, customerNo: "10001", contractNo: "V-1", positionNo: 1, articleNo: "A", externalCustomerId: "", externalArticleId: "",
  mappingSource: "*", contractQty, positionQty: contractQty, vendorQty, effectiveDate: "2026-10-01" as ReviewDecision["effectiveDate"],
});

describe("the confirmation before Übernehmen", () => {
  it("counts changes, new positions, ends, reductions and names the rows of ends and reductions", () => {
    const p = previewApply([
      decision(2, "quantity_changed", "accept", "10", "12"),
      decision(3, "quantity_changed", "accept", "4", "0"),
      decision(4, "quantity_changed", "accept", "5", "3"),
      decision(5, "new_position", "accept", "0", "2"),
      decision(6, "missing_in_file", "accept", "5", "0"),
      decision(7, "missing_in_file", "skip", "1", "0"),
      decision(8, "unmapped_customer", "accept", null, "7"),
      decision(9, "unchanged", "accept", "3", "3"),
      decision(10, "quantity_changed", "skip", "2", "0"),
    ]);
    expect(p).toEqual({ changes: 6, newPositions: 1, ends: 2, reductions: 1, increases: 1, mappings: 1, skipped: 2, endRows: [3, 6], reductionRows: [4] });
  });

  it("adds up and does not depend on the order of the rows (property)", () => {
    const qty = fc.constantFrom("0", "0.00", "1", "2.5", "3", "10");
    const arb = fc.array(
      fc.record({ status: fc.constantFrom(...RECONCILE_STATUSES), action: fc.constantFrom<"accept" | "skip">("accept", "skip"), contract: fc.option(qty, { nil: null }), vendor: qty }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.integer(), (items, seed) => {
        const ds = items.map((x, i) => decision(i + 2, x.status, x.action, x.contract, x.vendor));
        const p = previewApply(ds);
        const accepted = ds.filter((d) => d.action === "accept");
        expect(p.skipped + accepted.length).toBe(ds.length);
        expect(p.changes).toBe(accepted.filter((d) => d.status !== "unchanged").length);
        expect(p.newPositions + p.ends + p.reductions + p.increases + p.mappings).toBeLessThanOrEqual(p.changes);
        expect(p.endRows).toHaveLength(p.ends);
        expect(p.reductionRows).toHaveLength(p.reductions);
        const shuffled = [...ds].sort((a, b) => ((a.row * 7919 + seed) % 101) - ((b.row * 7919 + seed) % 101));
        expect(previewApply(shuffled)).toEqual(p);
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
