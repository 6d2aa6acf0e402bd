/**
 * A Stornorechnung gives back what its invoice billed besides recurring months: ticket time (with the
 * included hours, contingent and flat fees it used), click months and vendor usage. The next run bills
 * them again as they stand then, so cancelling and billing again gives the same invoice.
 */
import { runBilling } from "../../src/app/bill";
import { cancelInvoice, cancelRun } from "../../src/app/cancel-invoice";
import type { AppContext } from "../../src/app/context";
import { finalizeRun } from "../../src/app/issue-run";
import { applyTimeDecisions } from "../../src/app/time-review";
import { applyUsageDecisions, importUsage, reviewUsage, setUsageRules } from "../../src/app/usage";
import { verifyIntegrity } from "../../src/app/verify";
import type { Invoice, InvoiceLine } from "../../src/core/billing/invoice";
import type { IsoMonth } from "../../src/core/date/iso-month";
import { testContext } from "../support/fixtures";
import { seedUsage } from "../reliability/use-cases";
import { USAGE_RULES, azureRead, azureWorkspace } from "./usage-fixtures";

function must<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/**
 * An invoice as the customer reads it: its lines without numbers, and its totals. A recurring month
 * billed again after a cancellation is a `difference` line (against the ledger the cancellation
 * negated), with the same amount.
 */
const lineKind = (l: InvoiceLine) => (l.lineType === "difference" ? "recurring" : l.lineType);
const content = (i: Invoice) => ({
  customerNo: i.customerNo,
  lines: i.lines.map((l) => [lineKind(l), l.articleNo, l.description, l.quantity, l.unitPrice, l.netAmount, l.serviceFrom, l.serviceTo, l.vatPct]),
  net: i.netTotal,
  gross: i.grossTotal,
});

async function billIssued(ctx: AppContext, month: IsoMonth, invoiceDate: string) {
  const run = must(await runBilling(ctx, { month, invoiceDate: invoiceDate as never }));
  must(await finalizeRun(ctx, run.runId!));
  return run;
}

const billedTimeEntries = (ctx: AppContext) => ctx.store.read(async (tx) => (await tx.timeEntries.all()).filter((e) => e.billing).map((e) => `${e.ticketNo}:${e.billing!.invoiceRef}`).sort());

describe("a cancellation releases the time, flat fees, clicks and usage of its invoices", () => {
  it("cancel the whole June run, bill June again: the same invoices line by line (contingent, included hours, flat fee, click minimum)", async () => {
    const ctx = await testContext();
    await seedUsage(ctx);
    const june = await billIssued(ctx, "2026-06", "2026-07-01");
    const kinds = new Set(june.invoices.flatMap((i) => i.lines.map((l) => l.lineType)));
    // The run holds every kind this test is about; without them it would prove nothing.
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["flat_fee", "time"]));
    expect(june.invoices.map((i) => i.customerNo).sort()).toEqual(["10001", "10002", "10003"]);
    const billedBefore = await billedTimeEntries(ctx);
    expect(billedBefore.length).toBeGreaterThan(0);
    expect((await ctx.store.read((tx) => tx.usageMarks.all())).length).toBe(1);

    const cancelled = must(await cancelRun(ctx, june.runId!, { date: "2026-07-10" }));
    expect(await billedTimeEntries(ctx)).toEqual([]);
    expect(await ctx.store.read((tx) => tx.usageMarks.all())).toEqual([]);

    const again = await billIssued(ctx, "2026-06", "2026-07-11");
    expect(again.invoices.map(content)).toEqual(june.invoices.map(content));
    // The new invoices carry the entries now; a third run bills nothing.
    expect((await billedTimeEntries(ctx)).map((s) => s.split(":")[0])).toEqual(billedBefore.map((s) => s.split(":")[0]));
    const third = must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-12" }));
    expect([third.runId, third.invoices.length]).toEqual([null, 0]);

    // The audit entry of each cancellation names what it gave back.
    const audit = await ctx.store.read((tx) => tx.audit.recent(100));
    const released = audit.filter((a) => a.kind === "invoice.cancel").map((a) => [a.entity, (a.after as { released?: Record<string, string[]> }).released]);
    const byInvoice = Object.fromEntries(released);
    const click = june.invoices.find((i) => i.customerNo === "10003")!.invoiceRef;
    expect(byInvoice[`invoice:${click}`]).toEqual({ clickMonths: ["K-300/2026-06"] });
    const time = june.invoices.find((i) => i.customerNo === "10002")!.invoiceRef;
    expect(byInvoice[`invoice:${time}`]?.timeEntries).toHaveLength(1);
    expect(Object.fromEntries(cancelled.cancellations.map((c) => [c.cancelled, c.released]))).toEqual({
      [june.invoices.find((i) => i.customerNo === "10001")!.invoiceRef]: { timeEntries: 3, clickMonths: 0, usageRecords: 0 },
      [time]: { timeEntries: 1, clickMonths: 0, usageRecords: 0 },
      [click]: { timeEntries: 0, clickMonths: 1, usageRecords: 0 },
    });
    expect((await verifyIntegrity(ctx)).firstBreak).toBeNull();
  });

  it("one cancelled invoice releases only its own entries; the re-bill is that customer's invoice again", async () => {
    const ctx = await testContext();
    await seedUsage(ctx);
    const june = await billIssued(ctx, "2026-06", "2026-07-01");
    const muster = june.invoices.find((i) => i.customerNo === "10001")!;
    const before = await billedTimeEntries(ctx);
    must(await cancelInvoice(ctx, muster.invoiceRef, { date: "2026-07-10" }));
    const after = await billedTimeEntries(ctx);
    expect(after).toEqual(before.filter((s) => !s.endsWith(`:${muster.invoiceRef}`)));
    expect(after.length).toBeLessThan(before.length);
    expect((await ctx.store.read((tx) => tx.usageMarks.all())).map((m) => m.contractNo)).toEqual(["K-300"]);

    const again = await billIssued(ctx, "2026-06", "2026-07-11");
    expect(again.invoices.map(content)).toEqual([content(muster)]);
  });

  it("an on-site visit withdrawn after the cancellation is left out of the re-bill, with its travel flat fee", async () => {
    const ctx = await testContext();
    await seedUsage(ctx);
    const june = await billIssued(ctx, "2026-06", "2026-07-01");
    const muster = june.invoices.find((i) => i.customerNo === "10001")!;
    const types = (i: Invoice) => i.lines.map((l) => `${lineKind(l)}:${l.articleNo}`);
    expect(types(muster)).toEqual(expect.arrayContaining(["time:SUP-O", "flat_fee:TRAVEL"]));
    const onsite = (await ctx.store.read((tx) => tx.timeEntries.all())).filter((e) => e.ticketNo === "4720" && e.billable);
    expect(onsite).toHaveLength(1);
    const withdraw = [{ entryId: onsite[0]!.id, billable: false, where: { source: "Zeiten 2026-06", row: 2 } }];
    // Billed: the clerk cannot change it.
    const early = await applyTimeDecisions(ctx, withdraw);
    expect(!early.ok && early.issues.map((i) => i.code)).toEqual(["time.review_billed"]);
    must(await cancelInvoice(ctx, muster.invoiceRef, { date: "2026-07-10" }));
    // Released: it can be withdrawn, and the re-bill has neither the visit nor its travel fee.
    expect(must(await applyTimeDecisions(ctx, withdraw))).toMatchObject({ withdrawn: 1 });
    const again = await billIssued(ctx, "2026-06", "2026-07-11");
    expect(again.invoices.map((i) => i.customerNo)).toEqual(["10001"]);
    expect(types(again.invoices[0]!)).toEqual(types(muster).filter((t) => t !== "time:SUP-O" && t !== "flat_fee:TRAVEL"));
  });

  it("vendor usage of a cancelled invoice is open again and billed again to the cent", async () => {
    const ctx = await azureWorkspace();
    must(await setUsageRules(ctx, USAGE_RULES, "usage-rules.json"));
    must(await importUsage(ctx, [azureRead()]));
    const month = "2020-09" as IsoMonth;
    const run = await billIssued(ctx, month, "2020-10-01");
    expect(run.invoices.map((i) => [i.customerNo, i.netTotal])).toEqual([
      ["10001", "71.51"],
      ["10002", "9.65"],
    ]);
    expect((await reviewUsage(ctx, month)).rows).toEqual([]);
    must(await cancelInvoice(ctx, run.invoices[1]!.invoiceRef, { date: "2020-10-05" }));
    // Released: reviewable again (a hold would keep it out of the next run), and billed again.
    expect((await reviewUsage(ctx, month)).rows.map((r) => [r.customerNo, r.net])).toEqual([["10002", "9.65"]]);
    const key = (await reviewUsage(ctx, month)).rows[0]!.key;
    expect(must(await applyUsageDecisions(ctx, [{ key, decision: "approve" }]))).toMatchObject({ approved: 0 });
    const again = await billIssued(ctx, month, "2020-10-06");
    expect(again.invoices.map(content)).toEqual([content(run.invoices[1]!)]);
    expect((await verifyIntegrity(ctx)).firstBreak).toBeNull();
  });
});
