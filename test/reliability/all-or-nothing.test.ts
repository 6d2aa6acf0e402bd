/**
 * PRODUCT.md §9 "a failure in the middle of apply changes nothing", for every use case that writes:
 * count the write operations of a clean run, then let write 1, 2, … n fail in turn and check that the
 * store is byte-for-byte what it was before (whole-store backup text), and that the use case reports
 * the failure instead of claiming success. Finally the clean run must change the store.
 */
import { InjectedFailure, failInjectingContext, storeState } from "../support/fail-injection";
import { USE_CASES } from "./use-cases";

/**
 * Write operations (DBCore mutate calls; a bulk call is one) of each use case's clean run in its
 * catalogue scenario. Documented here so a change in how a use case writes is noticed and reviewed.
 */
const EXPECTED_WRITES: Record<string, number> = {
  "import-master (new, changed and unchanged rows of all three kinds)": 9,
  "apply (reconcile review)": 5,
  "apply (price-update proposal)": 6,
  "bill (recurring, ticket time, flat fees, clicks)": 9,
  "undo batch (a reconcile apply)": 5,
  "undo batch (a master import that overwrote rows)": 11,
  "undo run": 6,
  "finalize (issue a billing run)": 4,
  "cancel invoice": 10,
  "cancel run (the invoices of an issued run not cancelled yet)": 9,
  "purchase import (new version, new contract)": 6,
  "links import (one link added, one removed)": 5,
  "time import": 4,
  "meters import": 4,
  "time approve (the on-site visit withdrawn, the note approved)": 2,
  "restore (an earlier backup of the same store over later changes)": 30,
  "rules set (replacing stored rules)": 2,
  "time profile save (replacing a saved profile)": 2,
  "vendor profile save": 2,
  "export settings save (replacing company data, adding DATEV settings)": 4,
  "export profile save (replacing a saved profile)": 2,
  "export profile delete": 2,
};

describe("an injected failure at any write step leaves the store exactly as before", () => {
  it("every use case of the catalogue has an expected write count", () => {
    expect(USE_CASES.map((u) => u.name).sort()).toEqual(Object.keys(EXPECTED_WRITES).sort());
  });

  it.each(USE_CASES.map((u) => [u.name, u] as const))("%s", async (_name, useCase) => {
    const { ctx, injector } = await failInjectingContext();
    const act = await useCase.prepare(ctx);
    const before = await storeState(ctx.store);

    // The clean run's write count, on a copy of the scenario (the failures below must not depend on it).
    const probe = await failInjectingContext();
    const probeAct = await useCase.prepare(probe.ctx);
    probe.injector.reset();
    await probeAct(probe.ctx);
    const writes = probe.injector.writes.length;
    await probe.ctx.store.close();
    // on a mismatch the diff lists the operations seen (`put settings`, `add auditLog`, …)
    const ops = probe.injector.writes.map((w) => `${w.type} ${w.table} (${w.count})`);
    expect({ useCase: useCase.name, writes, ops }).toEqual({ useCase: useCase.name, writes: EXPECTED_WRITES[useCase.name], ops });
    expect(writes).toBeGreaterThan(0);

    for (let n = 1; n <= writes; n++) {
      injector.failAt(n);
      await expect(act(ctx)).rejects.toThrow(InjectedFailure);
      expect({ failedAt: n, state: await storeState(ctx.store) }).toEqual({ failedAt: n, state: before });
    }

    injector.reset();
    await act(ctx);
    expect(injector.writes.length).toBe(writes);
    expect(await storeState(ctx.store)).not.toBe(before);
    await ctx.store.close();
  });
});
