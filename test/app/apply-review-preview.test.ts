/**
 * The dry run of applying a review (previewApplyReview): the pane's confirmation before
 * *Übernehmen* shows what applying would really store, counted against the store, and a review
 * applied before (or its mappings saved before) stores nothing the second time.
 */
import { applyReview, previewApplyReview } from "../../src/app/apply-review";
import type { ReviewDecision } from "../../src/core/reconcile/plan-apply";
import { storeState } from "../support/fail-injection";
import { testContext } from "../support/fixtures";
import { T3, octoberCsv, reconcile, roundTripReview, seedStore } from "../support/reconcile-scenario";

function must<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const FILE = { name: "Abgleich 2026-10 MS NCE", sha256: "x" };

describe("previewApplyReview: what applying a review would store, stored nothing", () => {
  it("counts as applying stores; stores nothing itself; after the apply it counts nothing new", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const { decisions } = roundTripReview(await reconcile(ctx, octoberCsv()));
    const before = await storeState(ctx);
    const preview = must(await previewApplyReview(ctx, decisions));
    expect(await storeState(ctx)).toBe(before);
    // 10001 BP 10 → 12, V-2001's new E3 position, 10002 BP 4 → 0; EXO missing from the file is skipped (CLI default).
    expect(preview).toMatchObject({ changes: 3, newPositions: 1, increases: 1, ends: 1, reductions: 0, mappings: 0, unchanged: 0 });

    const applied = must(await applyReview(ctx, decisions, FILE));
    expect(applied.versions).toBe(preview.newPositions + preview.increases + preview.ends + preview.reductions);
    expect(applied.unchanged).toBe(preview.unchanged);
    expect(applied.skipped).toBe(preview.skipped);

    const again = must(await previewApplyReview(ctx, decisions));
    expect(again).toMatchObject({ changes: 0, newPositions: 0, increases: 0, ends: 0, endRows: [], unchanged: applied.versions, skipped: preview.skipped });
  });

  it("a mapping typed into the review is stored once; the same review again stores nothing (no second batch)", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const { decisions } = roundTripReview(await reconcile(ctx, octoberCsv()));
    const t3 = decisions.find((d) => d.status === "unmapped_customer" && d.externalCustomerId === T3)!;
    const onlyT3: ReviewDecision[] = [{ ...t3, customerNo: "10002", action: "accept" }];
    expect(must(await previewApplyReview(ctx, onlyT3))).toMatchObject({ changes: 1, mappings: 1, unchanged: 0 });
    expect(must(await applyReview(ctx, onlyT3, FILE))).toMatchObject({ mappings: 1 });

    expect(must(await previewApplyReview(ctx, onlyT3))).toMatchObject({ changes: 0, mappings: 0, unchanged: 1 });
    const before = await storeState(ctx);
    expect(must(await applyReview(ctx, onlyT3, FILE))).toMatchObject({ batchId: null, mappings: 0, unchanged: 1 });
    expect(await storeState(ctx)).toBe(before);
    // Mapped to another customer instead: that is a change again.
    expect(must(await previewApplyReview(ctx, [{ ...onlyT3[0]!, customerNo: "10001" }]))).toMatchObject({ changes: 1, mappings: 1 });
  });

  it("reports the problems applying would report, naming the row", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const { decisions } = roundTripReview(await reconcile(ctx, octoberCsv()));
    const bad = decisions.map((d) => (d.status === "quantity_changed" && d.action === "accept" ? { ...d, contractNo: "V-9999" } : d));
    const r = await previewApplyReview(ctx, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "review.unknown_contract", where: { row: bad.find((d) => d.contractNo === "V-9999")!.row } });
  });
});
