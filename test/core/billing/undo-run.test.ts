import { planUndoRun } from "../../../src/core/billing/undo-run";
import { Book, bill, contract, version } from "../../support/billing-factories";

describe("planUndoRun", () => {
  const book: Book = { contracts: [contract()], versions: [version()], ledger: [] };
  bill(book, "2026-01");
  const before = book.ledger;
  bill(book, "2026-02");
  const runs = [
    { id: "run-2026-01", createdAt: "2026-01-31T10:00:00.000Z" },
    { id: "run-2026-02", createdAt: "2026-02-28T10:00:00.000Z" },
  ];

  it("returns the ledger to its state before the latest run", () => {
    const plan = planUndoRun("run-2026-02", runs, book.ledger);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.keep).toEqual(before);
    expect(plan.value.removed.map((e) => e.id)).toEqual(["run-2026-02:RE-2:1:2026-02"]);
    expect(plan.value.invoiceRefs).toEqual(["RE-2"]);
  });

  it("refuses a run that is not the latest", () => {
    expect(planUndoRun("run-2026-01", runs, book.ledger)).toEqual({
      ok: false,
      issues: [{ code: "billing.undo_not_latest", severity: "error", params: { run: "run-2026-01", latest: "run-2026-02" } }],
    });
  });

  it("skips undone runs when finding the latest, and refuses unknown or undone runs", () => {
    const undone = [runs[0]!, { ...runs[1]!, undoneAt: "2026-03-01T00:00:00.000Z" }];
    expect(planUndoRun("run-2026-01", undone, before).ok).toBe(true);
    expect(planUndoRun("run-2026-02", undone, before)).toMatchObject({ ok: false, issues: [{ code: "billing.undo_unknown_run" }] });
    expect(planUndoRun("nope", runs, before)).toMatchObject({ ok: false, issues: [{ code: "billing.undo_unknown_run" }] });
  });
});
