/**
 * `rounding: "ticket_day"` across runs (on every store adapter): entries of a ticket-day that arrive
 * after the day was billed are charged only the units the whole day needs beyond the billed ones;
 * the time review shows what the run bills; an undo or a Stornorechnung gives the day back whole.
 */
import { runBilling } from "../../src/app/bill";
import { cancelInvoice } from "../../src/app/cancel-invoice";
import type { AppContext } from "../../src/app/context";
import { finalizeRun } from "../../src/app/issue-run";
import { importTime, setRules } from "../../src/app/time";
import { reviewTimeEntries } from "../../src/app/time-review";
import { undoRun } from "../../src/app/undo-run";
import type { Invoice } from "../../src/core/billing/invoice";
import type { IsoMonth } from "../../src/core/date/iso-month";
import { Decimal, sum } from "../../src/core/money/decimal";
import type { TimeEntry } from "../../src/core/time/model";
import { textFile } from "../support/fixtures";
import { TIME_RULES, timeWorkspace } from "./time-fixtures";

function must<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const HEADER = "ticket_no,customer_no,date,start,end,minutes,technician,activity,billable,description";
/** June: 20 min on 4711 on Tuesday 2 June, 20 min until 17:50 on 4712 on Wednesday 3 June: 2 units each. */
const JUNE = [HEADER, "4711,10001,2026-06-02,09:00,09:20,,jm,remote,ja,Mailserver", "4712,10001,2026-06-03,17:30,17:50,,jm,remote,ja,Backup"].join("\n");
/** Booked in July: 5 more minutes on 4711's 2 June, 20 evening minutes on 4712's 3 June, and July's own work. */
const LATE = [HEADER, "4711,10001,2026-06-02,14:00,14:05,,jm,remote,ja,Nachtrag", "4712,10001,2026-06-03,18:00,18:20,,jm,remote,ja,Backup Abend", "4711,10001,2026-07-07,10:00,10:20,,jm,remote,ja,Juli"].join(
  "\n",
);

/** The time scenarios' rules rounded per ticket and day, without the managed service's included hour (so every unit shows in cents). */
async function workspace(): Promise<AppContext> {
  const ctx = await timeWorkspace();
  const rules = JSON.parse(TIME_RULES) as { defaults: Record<string, unknown>; contracts: Record<string, Record<string, unknown>> };
  rules.defaults.rounding = "ticket_day";
  delete rules.contracts["V-100"]!.includedHoursPerMonth;
  must(await setRules(ctx, JSON.stringify(rules), "rules.json"));
  must(await importTime(ctx, textFile("zeiten-juni.csv", JUNE)));
  return ctx;
}

/** The time lines of the customer's invoice: `ticket-ish description quantity × price = net`. */
const timeLines = (invoices: readonly Invoice[]) =>
  invoices.filter((i) => i.customerNo === "10001").flatMap((i) => i.lines.filter((l) => l.lineType === "time").map((l) => `${l.description}: ${l.quantity} × ${l.unitPrice} = ${l.netAmount}`));

async function bill(ctx: AppContext, month: IsoMonth, invoiceDate: string) {
  return must(await runBilling(ctx, { month, invoiceDate: invoiceDate as never }));
}

const billingOf = async (ctx: AppContext, description: string): Promise<TimeEntry["billing"]> =>
  (await ctx.store.read((tx) => tx.timeEntries.all())).find((e) => e.description === description)!.billing;

const JUNE_LINES = ["Remote-Support, Ticket 4711: 0.5 × 87.4 = 43.70", "Remote-Support, Ticket 4712: 0.5 × 87.4 = 43.70"];
/** 4711 on 2 June: 25 min = 2 units, both billed: nothing. 4712 on 3 June: 20 + 20 evening min = 3 units (1 normal, 2 evening), 2 normal billed: 1 evening unit. */
const JULY_LINES = ["Remote-Support, Ticket 4711: 0.5 × 87.4 = 43.70", "Remote-Support, Ticket 4712, Zuschlag Abend +25 %: 0.25 × 109.25 = 27.31"];

describe("late entries of an already billed ticket-day", () => {
  it("the July invoice charges only the units the June days still need; the review shows the same figures; billing again adds nothing", async () => {
    const ctx = await workspace();
    const june = await bill(ctx, "2026-06", "2026-07-01");
    expect(timeLines(june.invoices)).toEqual(JUNE_LINES);
    must(await finalizeRun(ctx, june.runId!));

    must(await importTime(ctx, textFile("zeiten-juli.csv", LATE)));
    const review = await reviewTimeEntries(ctx, "2026-07");
    expect(review.rows.map((r) => [r.description, r.status, r.units, r.charged, r.surcharges.join("/"), r.net, r.issues.map((i) => [i.code, i.params.billed, i.params.day, i.params.units].join(" ")).join()])).toEqual([
      ["Nachtrag", "covered", 0, 0, "", "0.00", "time.review_late_ticket_day 2 2 0"],
      ["Backup Abend", "charged", 1, 1, "Abend +25 %", "27.31", "time.review_late_ticket_day 2 3 1"],
      ["Juli", "charged", 2, 2, "", "43.70", ""],
    ]);
    expect(review.totals.net).toBe("71.01");

    const july = await bill(ctx, "2026-07", "2026-08-01");
    expect(timeLines(july.invoices)).toEqual(JULY_LINES);
    const julyInvoice = july.invoices.find((i) => i.customerNo === "10001")!;
    // the lines the review rated, to the cent
    expect(sum(julyInvoice.lines.filter((l) => l.lineType === "time").map((l) => new Decimal(l.netAmount))).toFixed(2)).toBe(review.totals.net);
    // the 5 late minutes are billed with 0 units, so no later run picks them up
    expect(await billingOf(ctx, "Nachtrag")).toMatchObject({ runId: july.runId, invoiceRef: julyInvoice.invoiceRef, units: 0, charged: 0, lineNos: [], surcharges: [] });
    expect(await billingOf(ctx, "Backup Abend")).toMatchObject({ units: 1, charged: 1, surcharges: [{ label: "Abend", pct: "25", units: 1, charged: 1 }] });
    const again = await bill(ctx, "2026-07", "2026-08-02");
    expect([again.runId, again.invoices.length]).toEqual([null, 0]);
    expect((await bill(ctx, "2026-08", "2026-09-01")).invoices.flatMap((i) => i.lines.filter((l) => l.lineType === "time"))).toEqual([]);
  });

  it("a Stornorechnung of the June invoice gives the June entries back: the next run bills each day whole, less what July billed", async () => {
    const ctx = await workspace();
    const june = await bill(ctx, "2026-06", "2026-07-01");
    must(await finalizeRun(ctx, june.runId!));
    must(await importTime(ctx, textFile("zeiten-juli.csv", LATE)));
    const july = await bill(ctx, "2026-07", "2026-08-01");
    must(await finalizeRun(ctx, july.runId!));

    const juneInvoice = june.invoices.find((i) => i.customerNo === "10001")!;
    must(await cancelInvoice(ctx, juneInvoice.invoiceRef, { date: "2026-08-05" }));
    expect(await billingOf(ctx, "Mailserver")).toBeUndefined();
    const review = await reviewTimeEntries(ctx, "2026-08");
    const next = await bill(ctx, "2026-08", "2026-09-01");
    // 4711 on 2 June: 25 min = 2 units, the July entry holds 0: 2 units. 4712 on 3 June: 1 normal + 2 evening units, July billed 1 evening:
    // 1 normal and 1 evening unit, the evening one on the June entry (it is the day's, not the entry's own minutes)
    expect(timeLines(next.invoices)).toEqual([
      "Remote-Support, Ticket 4711: 0.5 × 87.4 = 43.70",
      "Remote-Support, Ticket 4712: 0.25 × 87.4 = 21.85",
      "Remote-Support, Ticket 4712, Zuschlag Abend +25 %: 0.25 × 109.25 = 27.31",
    ]);
    expect(review.totals.net).toBe("92.86");
    // the day over the active invoices: 1 normal + 2 evening units, as rating it at once
    const backup = (await billingOf(ctx, "Backup"))!;
    const evening = (await billingOf(ctx, "Backup Abend"))!;
    expect([backup.surcharges, evening.surcharges]).toEqual([
      [{ label: "", pct: "0", units: 1, charged: 1 }, { label: "Abend", pct: "25", units: 1, charged: 1 }],
      [{ label: "Abend", pct: "25", units: 1, charged: 1 }],
    ]);
    expect((await bill(ctx, "2026-08", "2026-09-02")).runId).toBeNull();
  });

  it("undo: July undone and billed again gives the same invoice; June and July undone, the days are billed once as a whole", async () => {
    const ctx = await workspace();
    const june = await bill(ctx, "2026-06", "2026-07-01");
    must(await importTime(ctx, textFile("zeiten-juli.csv", LATE)));
    const july = await bill(ctx, "2026-07", "2026-08-01");
    expect(timeLines(july.invoices)).toEqual(JULY_LINES);

    must(await undoRun(ctx, july.runId!));
    const july2 = await bill(ctx, "2026-07", "2026-08-01");
    expect(timeLines(july2.invoices)).toEqual(JULY_LINES);

    must(await undoRun(ctx, july2.runId!));
    must(await undoRun(ctx, june.runId!));
    const whole = await bill(ctx, "2026-07", "2026-08-01");
    // one invoice for June and July's time: 4711 (2 June 25 min = 2 units, 7 July 2 units) on one line; 4712 on 3 June 1 normal + 2 evening units
    expect(timeLines(whole.invoices)).toEqual([
      "Remote-Support, Ticket 4711: 1 × 87.4 = 87.40",
      "Remote-Support, Ticket 4712: 0.25 × 87.4 = 21.85",
      "Remote-Support, Ticket 4712, Zuschlag Abend +25 %: 0.5 × 109.25 = 54.63",
    ]);
  });
});
