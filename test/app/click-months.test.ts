/**
 * When a click month is settled (PRODUCT.md §5.5): a month without any reading waits for it (a warning
 * each run, no line, not even the minimum fee), so the reading that comes later is billed in its own
 * month with that month's included pages; a month read but with nothing to charge (no pages, all
 * included, or a line rounding to 0.00) is settled without an invoice line, and its cancellation or
 * undo opens it again.
 */
import { runBilling } from "../../src/app/bill";
import { cancelInvoice } from "../../src/app/cancel-invoice";
import { finalizeRun } from "../../src/app/issue-run";
import { reviewMeters } from "../../src/app/meter-review";
import { importMeters } from "../../src/app/meters";
import { importTime, setRules } from "../../src/app/time";
import { textFile } from "../support/fixtures";
import { METERS_CSV, TIME_RULES, timeWorkspace } from "./time-fixtures";

const HEAD = "device_id,customer_no,contract_no,reading_date,counter_bw,counter_color";
const clickLines = (r: Awaited<ReturnType<typeof runBilling>>) => (r.ok ? r.value.invoices.flatMap((i) => i.lines.filter((l) => l.lineType === "click").map((l) => `${l.articleNo} ${l.serviceFrom.slice(0, 7)} ${l.netAmount}`)) : r.issues);
const codes = (r: Awaited<ReturnType<typeof runBilling>>) => (r.ok ? r.value.issues.map((i) => `${i.code} ${String(i.params.contract)} ${String(i.params.month)}`) : []);

describe("click months: settled when read, waiting while unread", () => {
  it("a month without a reading is not billed (not even the minimum fee) until its reading comes, then billed with its own included pages", async () => {
    const ctx = await timeWorkspace();
    expect((await importMeters(ctx, textFile("juni.csv", METERS_CSV))).ok).toBe(true);
    expect(clickLines(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }))).toEqual(["CL-SW 2026-06 1.34", "CL-F 2026-06 1.38", "CL-MIN 2026-06 13.12"]);
    // July billed before the July reading came in: nothing for K-300, and the clerk is told
    const early = await runBilling(ctx, { month: "2026-07", invoiceDate: "2026-08-01" });
    expect(clickLines(early)).toEqual([]);
    expect(codes(early)).toEqual(["clicks.reading_missing K-300 2026-07"]);
    // the July reading is accepted (the month is not billed) and billed in July: 1500 b/w − 1000 included = 500 × 0.008
    const july = await importMeters(ctx, textFile("juli.csv", `${HEAD}\nD1,10003,K-300,2026-07-31,12300,2300\n`));
    expect(july.ok ? july.value : july.issues).toMatchObject({ added: 1 });
    const late = await runBilling(ctx, { month: "2026-07", invoiceDate: "2026-08-02" });
    expect(clickLines(late)).toEqual(["CL-SW 2026-07 4.00", "CL-MIN 2026-07 21.00"]);
    expect(codes(late)).toEqual([]);
  });

  it("a month read with no pages to charge is settled without a line: later reviews leave it out, a later reading in it is refused", async () => {
    const ctx = await timeWorkspace();
    const rules = JSON.parse(TIME_RULES) as { contracts: Record<string, { click?: Record<string, unknown> }> };
    const { minimumFee: _fee, articleMinimum: _article, ...click } = rules.contracts["K-300"]!.click!;
    rules.contracts["K-300"]!.click = click;
    expect((await setRules(ctx, JSON.stringify(rules), "rules.json")).ok).toBe(true);
    // June: 800 b/w and 150 colour pages over the prorated 633 / 127 included; July: the same counters (no pages)
    expect((await importMeters(ctx, textFile("z.csv", `${METERS_CSV}\nD1,10003,K-300,2026-07-31,10800,2150\n`))).ok).toBe(true);
    const june = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
    expect(clickLines(june)).toEqual(["CL-SW 2026-06 1.34", "CL-F 2026-06 1.38"]);
    const july = await runBilling(ctx, { month: "2026-07", invoiceDate: "2026-08-01" });
    if (!july.ok || !june.ok) throw new Error("run failed");
    // July: no click line, but the month is settled in the run (with the customer's invoice of the run: none here)
    expect([july.value.runId, clickLines(july), codes(july)]).toEqual(["run-00002", [], []]);
    expect((await ctx.store.read((tx) => tx.usageMarks.all())).map((m) => [m.month, m.runId, m.invoiceRef, m.lineNos])).toEqual([
      ["2026-06", "run-00001", june.value.invoices.find((i) => i.customerNo === "10003")!.invoiceRef, [1, 2]],
      ["2026-07", "run-00002", "", []],
    ]);
    expect((await reviewMeters(ctx, "2026-08")).rows.map((r) => `${r.status} ${r.month}`)).toEqual(["no_reading 2026-08"]);
    // a reading dated in the settled month (here a second device's) is refused like one in a charged month
    const late = await importMeters(ctx, textFile("spaet.csv", `${HEAD}\nD2,10003,K-300,2026-07-20,500,0\n`));
    expect(late.ok ? late.value : late.issues.map((i) => i.code)).toEqual(["meters.month_billed"]);
  });

  it("a click line rounding to 0.00 is left out and its month settled: no 0.00 invoice", async () => {
    const ctx = await timeWorkspace();
    const rules = JSON.parse(TIME_RULES) as { contracts: Record<string, { click?: Record<string, unknown> }> };
    const { minimumFee: _fee, articleMinimum: _article, ...click } = rules.contracts["K-300"]!.click!;
    rules.contracts["K-300"]!.click = { ...click, priceColor: "0.0001" };
    expect((await setRules(ctx, JSON.stringify(rules), "rules.json")).ok).toBe(true);
    expect((await importMeters(ctx, textFile("z.csv", `${HEAD}\nD1,10003,K-300,2026-06-30,10000,2000\nD1,10003,K-300,2026-07-31,10900,2210\n`))).ok).toBe(true);
    expect((await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" })).ok).toBe(true);
    // July: 900 b/w within 1000; 210 colour − 200 = 10 × 0.0001 = 0.001 → 0.00: no line, no invoice for Druck KG
    const july = await runBilling(ctx, { month: "2026-07", invoiceDate: "2026-08-01" });
    if (!july.ok) throw new Error("run failed");
    expect(july.value.invoices.filter((i) => i.customerNo === "10003")).toEqual([]);
    expect((await ctx.store.read((tx) => tx.usageMarks.all())).map((m) => m.month)).toEqual(["2026-06", "2026-07"]);
  });

  it("a settled month without a line goes with the customer's invoice of the run: cancelling it opens the month again", async () => {
    const ctx = await timeWorkspace();
    const rules = JSON.parse(TIME_RULES) as { contracts: Record<string, { click?: Record<string, unknown> }> };
    const { minimumFee: _fee, articleMinimum: _article, ...click } = rules.contracts["K-300"]!.click!;
    rules.contracts["K-300"]!.click = click;
    expect((await setRules(ctx, JSON.stringify(rules), "rules.json")).ok).toBe(true);
    // June read, all within the included pages; the customer's invoice of the run holds a ticket of June
    expect((await importMeters(ctx, textFile("z.csv", `${HEAD}\nD1,10003,K-300,2026-06-12,10000,2000\nD1,10003,K-300,2026-06-30,10100,2010\n`))).ok).toBe(true);
    expect((await importTime(ctx, textFile("t.csv", "ticket_no,customer_no,date,start,end\n4900,10003,2026-06-15,09:00,09:30\n"))).ok).toBe(true);
    const june = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
    if (!june.ok) throw new Error("run failed");
    const invoice = june.value.invoices.find((i) => i.customerNo === "10003")!;
    expect(invoice.lines.map((l) => l.lineType)).toEqual(["time"]);
    const marks = await ctx.store.read((tx) => tx.usageMarks.all());
    expect(marks.map((m) => [m.month, m.invoiceRef, m.lineNos])).toEqual([["2026-06", invoice.invoiceRef, []]]);
    expect((await finalizeRun(ctx, june.value.runId!)).ok).toBe(true);
    expect((await cancelInvoice(ctx, invoice.invoiceRef, { date: "2026-07-02" })).ok).toBe(true);
    expect(await ctx.store.read((tx) => tx.usageMarks.all())).toEqual([]);
  });
});
