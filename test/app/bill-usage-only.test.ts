/**
 * A month with nothing to invoice but usage to record (ticket time covered by included hours, a click
 * month within the included pages): the dry run says a run would record it, and how much; the run
 * records it without an invoice (issue: the pane's preview said "nothing due" and offered no run).
 */
import { runBilling } from "../../src/app/bill";
import { listRuns } from "../../src/app/billing-runs";
import { importTime } from "../../src/app/time";
import { textFile } from "../support/fixtures";
import { USAGE_ONLY_TIME as TIME, timeWorkspace, usageOnlyMonth } from "./time-fixtures";

describe("billing a month that only records usage", () => {
  it("the dry run says a run would record 2 time entries and 1 click month without an invoice, and stores nothing", async () => {
    const ctx = await usageOnlyMonth();
    const dry = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01", dryRun: true });
    if (!dry.ok) throw new Error(JSON.stringify(dry.issues));
    expect(dry.value).toMatchObject({ runId: null, invoices: [], recordsUsageOnly: true, usageRecorded: { timeEntries: 2, clickMonths: 1, usageRecords: 0 } });
    expect((await listRuns(ctx)).map((r) => r.id)).toEqual(["run-00001"]);
  });

  it("the run records them without an invoice; billing the month again then has nothing to record", async () => {
    const ctx = await usageOnlyMonth();
    const run = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.value).toMatchObject({ runId: "run-00002", invoices: [], recordsUsageOnly: true, usageRecorded: { timeEntries: 2, clickMonths: 1, usageRecords: 0 } });
    expect((await listRuns(ctx)).map((r) => [r.id, r.invoiceRefs.length])).toEqual([["run-00001", 1], ["run-00002", 0]]);
    const entries = await ctx.store.read((tx) => tx.timeEntries.all());
    expect(entries.map((e) => [e.ticketNo, e.billing?.runId, e.billing?.included, e.billing?.charged])).toEqual([["4800", "run-00002", 2, 0], ["4801", "run-00002", 1, 0]]);

    const again = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01", dryRun: true });
    expect(again.ok && again.value).toMatchObject({ runId: null, invoices: [], recordsUsageOnly: false, usageRecorded: { timeEntries: 0, clickMonths: 0, usageRecords: 0 } });
  });

  it("a run with invoices says what it records too, and is not 'usage only'", async () => {
    const ctx = await timeWorkspace();
    expect((await importTime(ctx, textFile("zeiten.csv", TIME))).ok).toBe(true);
    const dry = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01", dryRun: true });
    expect(dry.ok && dry.value.invoices.map((i) => i.customerNo)).toEqual(["10001"]);
    expect(dry.ok && dry.value).toMatchObject({ recordsUsageOnly: false, usageRecorded: { timeEntries: 2, clickMonths: 0, usageRecords: 0 } });
  });
});
