/**
 * Cancelling a whole issued run (a run billed for the wrong month or from wrong master data after its
 * file went to the ERP): one cancellation run with a Stornorechnung per invoice not cancelled yet.
 */
import fc from "fast-check";
import { runBilling } from "../../src/app/bill";
import { cancelInvoice, cancelRun } from "../../src/app/cancel-invoice";
import type { AppContext } from "../../src/app/context";
import { importMaster } from "../../src/app/import-master";
import { finalizeRun } from "../../src/app/issue-run";
import { verifyIntegrity } from "../../src/app/verify";
import { Decimal } from "../../src/core/money/decimal";
import { storeState } from "../support/fail-injection";
import { testContext, textFile } from "../support/fixtures";
import { TWO_CUSTOMERS_ARTICLES, TWO_CUSTOMERS_CONTRACTS } from "../support/two-customers";

const CONTRACTS = `${TWO_CUSTOMERS_CONTRACTS}\n10003,Weber AG,V-3,monthly,advance,2026-01-01,1,M365-BP,5,20.60,19,2026-01-01`;

async function seeded(contracts = CONTRACTS): Promise<AppContext> {
  const ctx = await testContext();
  const r = await importMaster(ctx, [textFile("a.csv", TWO_CUSTOMERS_ARTICLES), textFile("c.csv", contracts)]);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return ctx;
}

async function billJanuary(ctx: AppContext) {
  const r = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
  if (!r.ok || !r.value.runId) throw new Error("bill failed");
  return r.value;
}

const codes = (r: { ok: boolean; issues?: { code: string }[] }) => (r.ok ? [] : r.issues!.map((i) => i.code));
const gross = (invoices: { customerNo: string; grossTotal: string }[]) => Object.fromEntries(invoices.map((i) => [i.customerNo, new Decimal(i.grossTotal).toFixed(2)]));

describe("cancel a whole issued run", () => {
  it("one cancellation run: a Stornorechnung per invoice not cancelled yet, in number order; the chains verify", async () => {
    const ctx = await seeded();
    const jan = await billJanuary(ctx);
    expect(jan.invoices.map((i) => i.invoiceRef)).toEqual(["RE-000001", "RE-000002", "RE-000003"]);
    expect((await finalizeRun(ctx, jan.runId!)).ok).toBe(true);
    const single = await cancelInvoice(ctx, "RE-000002", { date: "2026-01-10" });
    expect(single.ok && single.value.cancellationRef).toBe("RE-000004");

    const r = await cancelRun(ctx, jan.runId!, { date: "2026-01-20" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.cancelledRun).toBe(jan.runId);
    expect(r.value.cancelledBefore).toEqual(["RE-000002"]);
    expect(r.value.cancellations.map((c) => [c.cancelled, c.cancellationRef])).toEqual([
      ["RE-000001", "RE-000005"],
      ["RE-000003", "RE-000006"],
    ]);
    expect(r.value.cancellations.map((c) => c.grossTotal)).toEqual(["-245.14", "-122.57"]);

    const stored = await ctx.store.read(async (tx) => ({ run: await tx.runs.get(r.value.runId), invoices: await tx.invoices.ofRun(r.value.runId), originals: await tx.invoices.ofRun(jan.runId!) }));
    expect(stored.run).toMatchObject({ kind: "cancellation", issuedBy: "cancellation", invoiceRefs: ["RE-000005", "RE-000006"], invoiceDate: "2026-01-20" });
    expect(stored.invoices.map((i) => [i.invoiceRef, i.cancels])).toEqual([
      ["RE-000005", { number: "RE-000001", issueDate: "2026-01-02" }],
      ["RE-000006", { number: "RE-000003", issueDate: "2026-01-02" }],
    ]);
    expect(Object.fromEntries(stored.originals.map((i) => [i.invoiceRef, i.cancelledBy]))).toEqual({ "RE-000001": "RE-000005", "RE-000002": "RE-000004", "RE-000003": "RE-000006" });
    const report = await verifyIntegrity(ctx);
    expect(report.firstBreak).toBeNull();
    expect(report.issuedInvoices).toBe(6);
  });

  it("refuses a draft, an unknown or undone run, a cancellation run, a run with nothing left, and while a draft holds numbers; nothing changes", async () => {
    const ctx = await seeded();
    const jan = await billJanuary(ctx);
    expect(codes(await cancelRun(ctx, jan.runId!))).toEqual(["billing.cancel_run_not_issued"]);
    expect(codes(await cancelRun(ctx, "run-99999"))).toEqual(["billing.cancel_unknown_run"]);
    await finalizeRun(ctx, jan.runId!);
    // A Stornorechnung is never dated before the invoice it cancels (January's are dated 2026-01-02).
    const early = await storeState(ctx);
    expect(codes(await cancelRun(ctx, jan.runId!, { date: "2026-01-01" }))).toEqual(["billing.cancel_date_before_invoice"]);
    expect(codes(await cancelInvoice(ctx, "RE-000001", { date: "2026-01-01" }))).toEqual(["billing.cancel_date_before_invoice"]);
    expect(await storeState(ctx)).toBe(early);
    expect((await cancelInvoice(ctx, "RE-000001", { date: "2026-01-02" })).ok).toBe(true);
    // dated before February's invoices below: a later number never carries an earlier date
    const all = await cancelRun(ctx, jan.runId!, { date: "2026-01-02" });
    if (!all.ok) throw new Error("cancel");
    expect(codes(await cancelRun(ctx, all.value.runId))).toEqual(["billing.cancel_run_is_cancellation"]);
    expect(codes(await cancelRun(ctx, jan.runId!))).toEqual(["billing.cancel_run_nothing"]);
    // February's draft holds numbers: a cancellation now would leave a gap when it is undone.
    const feb = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
    expect(feb.ok && feb.value.runId).toBeTruthy();
    const before = await storeState(ctx);
    expect(codes(await cancelRun(ctx, jan.runId!))).toEqual(["billing.cancel_draft_pending"]);
    expect(await storeState(ctx)).toBe(before);
  });

  it("the reason is kept on every Stornorechnung (inside its hash) and in the audit log; a multi-line or too long reason is refused", async () => {
    const ctx = await seeded();
    const jan = await billJanuary(ctx);
    await finalizeRun(ctx, jan.runId!);
    const before = await storeState(ctx);
    expect(codes(await cancelRun(ctx, jan.runId!, { reason: "falscher\nMonat" }))).toEqual(["billing.cancel_reason_one_line"]);
    expect(codes(await cancelInvoice(ctx, "RE-000001", { reason: "x".repeat(301) }))).toEqual(["billing.cancel_reason_too_long"]);
    expect(await storeState(ctx)).toBe(before);
    // Blank is no reason; a reason is trimmed.
    const one = await cancelInvoice(ctx, "RE-000001", { reason: "   " });
    const all = await cancelRun(ctx, jan.runId!, { reason: "  Abrechnung für den falschen Monat  " });
    if (!one.ok || !all.ok) throw new Error("cancel");
    const stored = await ctx.store.read((tx) => tx.invoices.getMany(["RE-000004", "RE-000005", "RE-000006"]));
    expect(stored.map((i) => i!.cancels)).toEqual([
      { number: "RE-000001", issueDate: "2026-01-02" },
      { number: "RE-000002", issueDate: "2026-01-02", reason: "Abrechnung für den falschen Monat" },
      { number: "RE-000003", issueDate: "2026-01-02", reason: "Abrechnung für den falschen Monat" },
    ]);
    const audit = (await ctx.store.read((tx) => tx.audit.recent(20))).filter((a) => a.kind === "invoice.cancel");
    expect(audit.map((a) => (a.after as { reason?: string }).reason).sort()).toEqual(["Abrechnung für den falschen Monat", "Abrechnung für den falschen Monat", undefined]);
    // The reason is sealed with the invoice: changing it breaks the chain.
    expect((await verifyIntegrity(ctx)).firstBreak).toBeNull();
    await ctx.store.write(async (tx) => {
      const s = (await tx.invoices.get("RE-000005"))!;
      await tx.invoices.putMany([{ ...s, cancels: { ...s.cancels!, reason: "Kunde hat nicht bezahlt" } }]);
    });
    expect((await verifyIntegrity(ctx)).firstBreak).not.toBeNull();
  });

  it("property: cancelling the whole run and billing the month again gives every customer the same invoice total", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ qty: fc.integer({ min: 1, max: 500 }), cents: fc.integer({ min: 1, max: 99_999 }), start: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 4 }),
        async (positions) => {
          const lines = positions.map((p, i) => `${10001 + i},Kunde ${i + 1},V-${i + 1},monthly,advance,2026-01-${String(p.start).padStart(2, "0")},1,M365-BP,${p.qty},${(p.cents / 100).toFixed(2)},19,2026-01-${String(p.start).padStart(2, "0")}`);
          const ctx = await seeded([TWO_CUSTOMERS_CONTRACTS.split("\n")[0], ...lines].join("\n"));
          const jan = await billJanuary(ctx);
          expect((await finalizeRun(ctx, jan.runId!)).ok).toBe(true);
          // dated like January's invoices, so billing January again (dated 2026-01-02) follows it
          const cancelled = await cancelRun(ctx, jan.runId!, { date: "2026-01-02" });
          if (!cancelled.ok) throw new Error(JSON.stringify(cancelled.issues));
          // The cancellation negates the run exactly.
          const sum = cancelled.value.cancellations.reduce((s, c) => s.plus(c.grossTotal), new Decimal(0));
          expect(sum.plus(jan.invoices.reduce((s, i) => s.plus(i.grossTotal), new Decimal(0))).isZero()).toBe(true);
          const again = await billJanuary(ctx);
          expect(gross(again.invoices)).toEqual(gross(jan.invoices));
          await ctx.store.close();
        },
      ),
      { numRuns: 8 },
    );
  });
});
