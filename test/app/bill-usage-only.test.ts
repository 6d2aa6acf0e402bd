/**
 * A month with nothing to invoice but usage to record (ticket time covered by included hours, a click
 * month within the included pages): the dry run says a run would record it, and how much; the run
 * records it without an invoice (issue: the pane's preview said "nothing due" and offered no run).
 */
import { runBilling } from "../../src/app/bill";
import { listRuns } from "../../src/app/billing-runs";
import { importMeters } from "../../src/app/meters";
import { importTime, setRules } from "../../src/app/time";
import type { AppContext } from "../../src/app/context";
import { textFile } from "../support/fixtures";
import { TIME_RULES, timeWorkspace } from "./time-fixtures";

const METERS = "device_id,customer_no,contract_no,reading_date,counter_bw,counter_color\nD1,10003,K-300,2026-06-12,10000,2000\nD1,10003,K-300,2026-06-30,10500,2100\n";
const TIME = "ticket_no,customer_no,date,start,end\n4800,10001,2026-06-22,09:00,09:30\n4801,10001,2026-06-23,10:00,10:15\n";

/** June billed once (the fees); then two time entries within the included hour and June's click readings within the included pages. */
export async function usageOnlyMonth(): Promise<AppContext> {
  const ctx = await timeWorkspace();
  // no minimum fee, so pages within the included ones come to nothing
  const rules = JSON.parse(TIME_RULES) as { contracts: Record<string, { click?: Record<string, unknown> }> };
  const { minimumFee: _fee, articleMinimum: _article, ...click } = rules.contracts["K-300"]!.click!;
  rules.contracts["K-300"]!.click = click;
  expect((await setRules(ctx, JSON.stringify(rules), "rules.json")).ok).toBe(true);
  const first = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
  expect(first.ok && first.value.runId).toBe("run-00001");
  expect((await importTime(ctx, textFile("zeiten.csv", TIME))).ok).toBe(true);
  expect((await importMeters(ctx, textFile("zaehler.csv", METERS))).ok).toBe(true);
  return ctx;
}

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
