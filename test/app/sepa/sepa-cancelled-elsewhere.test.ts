/**
 * A Stornorechnung is a run of its own (cancel-invoice.ts): the SEPA export of the original run must
 * still see it and never collect the cancelled invoice — before this, the planner looked only at the
 * run's own documents and collected it.
 */
import { cancelInvoice } from "../../../src/app/cancel-invoice";
import { importMandates } from "../../../src/app/mandates";
import { finalizeRun } from "../../../src/app/issue-run";
import { exportSepaRun } from "../../../src/app/sepa-run";
import { setSepaSettings } from "../../../src/app/sepa-settings";
import { dbOf } from "../../support/db-view";
import { testContext, textFile } from "../../support/fixtures";
import { MANDATES_CSV, SEPA_JSON, addRun, storedInvoice } from "./sepa-fixtures";

const DATE = "2026-12-08";

describe("SEPA export of a run with an invoice cancelled by a later Stornorechnung", () => {
  it("leaves the cancelled invoice out (naming the cancellation) and collects the rest", async () => {
    const ctx = await testContext();
    expect((await setSepaSettings(ctx, SEPA_JSON)).ok).toBe(true);
    const m = await importMandates(ctx, textFile("mandates.csv", MANDATES_CSV));
    if (!m.ok) throw new Error(JSON.stringify(m.issues));
    await addRun(ctx, "run-00001", [storedInvoice("run-00001", 0, "RE-000001", "K1", "119.00"), storedInvoice("run-00001", 1, "RE-000002", "K2", "238.00")]);
    await ctx.store.write(async (tx) => {
      await tx.counters.set("invoice", 3);
      await tx.counters.set("run", 2);
    });
    const issued = await finalizeRun(ctx, "run-00001");
    if (!issued.ok) throw new Error(JSON.stringify(issued.issues));
    const cancelled = await cancelInvoice(ctx, "RE-000001", { date: "2026-11-25" });
    if (!cancelled.ok) throw new Error(JSON.stringify(cancelled.issues));
    const storno = (await ctx.store.read((tx) => tx.invoices.get("RE-000001")))!.cancelledBy!;
    expect(storno).toMatch(/^RE-0+3$/);

    const r = await exportSepaRun(ctx, { runId: "run-00001", collectionDate: DATE });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.files.map((f) => [f.scheme, f.count, f.total])).toEqual([["CORE", 1, "238.00"]]);
    const left = r.value.plan.leftOut.find((l) => l.invoiceRef === "RE-000001");
    expect([left?.reason, left?.message.params.cancellation]).toEqual(["cancelled", storno]);
    expect((await dbOf(ctx).collections.toArray()).map((c: { invoiceRef: string }) => c.invoiceRef)).toEqual(["RE-000002"]);

    // The Stornorechnung's own run collects nothing: it is a credit for an invoice never collected.
    const cancellationRun = (await ctx.store.read((tx) => tx.invoices.get(storno)))!.runId;
    const own = await exportSepaRun(ctx, { runId: cancellationRun, collectionDate: DATE });
    expect(own.ok).toBe(false);
    if (!own.ok) expect(own.issues.map((i) => i.code)).toContain("sepa.no_payments");
    expect(await dbOf(ctx).collections.count()).toBe(1);
  });
});
