import { dbOf } from "../support/db-view";
import { runBilling } from "../../src/app/bill";
import { importMeters } from "../../src/app/meters";
import { importTime, timeBalance } from "../../src/app/time";
import { undoRun } from "../../src/app/undo-run";
import type { TimeEntry } from "../../src/core/time/model";
import { backupToJson, exportBackup } from "../../src/store/backup";
import { textFile } from "../support/fixtures";
import { METERS_CSV, TIME_CSV, timeWorkspace } from "./time-fixtures";

const show = (invoices: { invoiceRef: string; customerNo: string; netTotal: string; vatTotal: string; grossTotal: string; lines: { lineNo: number; lineType: string; contractNo: string; articleNo: string; quantity: string; unitPrice: string; netAmount: string }[] }[]) =>
  invoices.map((i) => ({ ref: i.invoiceRef, customer: i.customerNo, net: i.netTotal, vat: i.vatTotal, gross: i.grossTotal, lines: i.lines.map((l) => `${l.lineNo} ${l.lineType} ${l.contractNo} ${l.articleNo} ${l.quantity} × ${l.unitPrice} = ${l.netAmount}`) }));

describe("billing run with ticket time, flat fees and clicks (end to end)", () => {
  it("import time entries → bill the month → invoices carry time lines; billing again adds nothing", async () => {
    const ctx = await timeWorkspace();
    const t = await importTime(ctx, textFile("zeiten-juni.csv", TIME_CSV));
    expect(t.ok && t.value).toMatchObject({ profile: "time-generic", rows: 5, added: 5, nonBillable: 1 });
    expect((await importMeters(ctx, textFile("zaehler.csv", METERS_CSV))).ok).toBe(true);

    const r = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
    if (!r.ok) throw new Error("run failed");
    expect(r.value.issues).toEqual([]);
    expect(show(r.value.invoices)).toEqual([
      {
        ref: "RE-000001", customer: "10001", net: "678.70", vat: "128.95", gross: "807.65",
        lines: [
          "1 recurring V-100 MS-BASIC 1 × 49 = 49.00",
          // 4711 on 2 June: 6 units, 4 covered by the included hour, 2 charged
          "2 time V-100 SUP-R 0.5 × 87.4 = 43.70",
          // 4711 on Fronleichnam (Bavaria) 21:00–23:30: 10 units at +100 %
          "3 time V-100 SUP-R 2.5 × 174.8 = 437.00",
          "4 time V-100 SUP-O 1 × 104 = 104.00",
          "5 flat_fee V-100 TRAVEL 1 × 45 = 45.00",
        ],
      },
      // contingent of 2 h (8 units) used up, 4 of 12 units charged
      { ref: "RE-000002", customer: "10002", net: "87.40", vat: "16.61", gross: "104.01", lines: ["1 time V-200 SUP-R 1 × 87.4 = 87.40"] },
      // clicks 12–30 June (19/30): b/w 167 over, colour 23 over, minimum 25 × 19/30 topped up
      { ref: "RE-000003", customer: "10003", net: "15.84", vat: "3.01", gross: "18.85", lines: ["1 click K-300 CL-SW 167 × 0.008 = 1.34", "2 click K-300 CL-F 23 × 0.06 = 1.38", "3 click K-300 CL-MIN 1 × 13.12 = 13.12"] },
    ]);

    const entries = (await dbOf(ctx).timeEntries.toArray()) as TimeEntry[];
    const byTicket = (ticket: string, billable = true) => entries.filter((e) => e.ticketNo === ticket && e.billable === billable).map((e) => e.billing);
    expect(byTicket("4711")).toEqual(
      expect.arrayContaining([
        { runId: "run-00001", invoiceRef: "RE-000001", contractNo: "V-100", unitMinutes: 15, units: 6, included: 4, contingent: 0, charged: 2, lineNos: [2], flatFeeKeys: [], surcharges: [{ label: "", pct: "0", units: 6, charged: 2 }] },
        { runId: "run-00001", invoiceRef: "RE-000001", contractNo: "V-100", unitMinutes: 15, units: 10, included: 0, contingent: 0, charged: 10, lineNos: [3], flatFeeKeys: [], surcharges: [{ label: "Sonn-/Feiertag", pct: "100", units: 10, charged: 10 }] },
      ]),
    );
    expect(byTicket("4720")).toEqual([{ runId: "run-00001", invoiceRef: "RE-000001", contractNo: "V-100", unitMinutes: 15, units: 4, included: 0, contingent: 0, charged: 4, lineNos: [4, 5], flatFeeKeys: ["Anfahrt|V-100|2026-06-08"], surcharges: [{ label: "", pct: "0", units: 4, charged: 4 }] }]);
    expect(byTicket("4720", false)).toEqual([undefined]);
    expect(await dbOf(ctx).usageMarks.get("K-300/2026-06")).toMatchObject({ runId: "run-00001", invoiceRef: "RE-000003", lineNos: [1, 2, 3] });

    const again = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
    expect(again.ok && again.value).toMatchObject({ runId: null, invoices: [] });
    const july = await runBilling(ctx, { month: "2026-07", invoiceDate: "2026-08-01" });
    expect(july.ok && july.value.invoices.flatMap((i) => i.lines.map((l) => l.lineType))).not.toContain("time");

    const balance = await timeBalance(ctx, "V-200", "2026-06");
    expect(balance.ok && [balance.value.start, balance.value.credited, balance.value.used, balance.value.remaining, balance.value.overrun].map((d) => d.toFixed(2))).toEqual(["0.00", "2.00", "2.00", "0.00", "1.00"]);
  });

  it("a dry run writes nothing; undoing the run opens the entries and click month again", async () => {
    const ctx = await timeWorkspace();
    await importTime(ctx, textFile("zeiten-juni.csv", TIME_CSV));
    await importMeters(ctx, textFile("zaehler.csv", METERS_CSV));
    const before = backupToJson(await exportBackup(ctx.store, "t"));
    const dry = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01", dryRun: true });
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(before);
    const real = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
    expect(dry.ok && real.ok && dry.value.invoices).toEqual(real.ok && real.value.invoices);

    expect((await undoRun(ctx, "run-00001")).ok).toBe(true);
    const rebill = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-02" });
    if (!rebill.ok || !real.ok) throw new Error("run failed");
    const lines = (v: typeof real.value) => v.invoices.map((i) => [i.invoiceRef, i.netTotal, i.lines.length]);
    expect(lines(rebill.value)).toEqual(lines(real.value));
    expect(rebill.value.runId).toBe("run-00002");
    const billedBy = new Set(((await dbOf(ctx).timeEntries.toArray()) as TimeEntry[]).filter((e) => e.billing).map((e) => e.billing!.runId));
    expect(billedBy).toEqual(new Set(["run-00002"]));
  });

  it("units fully covered by included hours are recorded in a run even when no invoice line results", async () => {
    const ctx = await timeWorkspace();
    await importTime(ctx, textFile("z.csv", "ticket_no,customer_no,date,start,end\n4800,10001,2026-07-07,09:00,09:30\n"));
    await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }); // bills June's managed service fee only
    const july = await runBilling(ctx, { month: "2026-07", invoiceDate: "2026-08-01" });
    if (!july.ok) throw new Error("run failed");
    // the managed-service fee; no time line, and no click line (K-300 has no reading yet: its months wait for one)
    expect(july.value.invoices.flatMap((i) => i.lines.map((l) => `${l.lineType} ${l.netAmount}`))).toEqual(["recurring 49.00"]);
    const [e] = (await dbOf(ctx).timeEntries.toArray()) as TimeEntry[];
    expect(e!.billing).toMatchObject({ runId: july.value.runId, included: 2, charged: 0, lineNos: [] });
  });
});
