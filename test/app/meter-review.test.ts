import fc from "fast-check";
import { runBilling } from "../../src/app/bill";
import { reviewMeters, type MeterReviewRow } from "../../src/app/meter-review";
import { importMeters } from "../../src/app/meters";
import { undoBatch } from "../../src/app/undo-batch";
import { Decimal } from "../../src/core/money/decimal";
import { backupToJson, exportBackup } from "../../src/store/backup";
import { textFile } from "../support/fixtures";
import { METERS_CSV, timeWorkspace } from "./time-fixtures";

const HEAD = "device_id,customer_no,contract_no,reading_date,counter_bw,counter_color";
/** A second device in June; July: D1 read again, D2 not. */
const MORE_CSV = [HEAD, "D2,10003,K-300,2026-06-12,500,0", "D2,10003,K-300,2026-06-30,900,60", "D1,10003,K-300,2026-07-31,12000,2300"].join("\n");

async function meterWorkspace() {
  const ctx = await timeWorkspace();
  for (const [name, text] of [["zaehler-juni.csv", METERS_CSV], ["nachtrag.csv", MORE_CSV]] as const) {
    const r = await importMeters(ctx, textFile(name, text));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
  }
  return ctx;
}

const view = (r: MeterReviewRow) =>
  [r.status, r.month, r.contractNo, r.customerName, r.deviceId || "-", `${r.previousDate ?? "-"}→${r.readingDates.join("/") || "-"}`, `${r.pagesBw ?? "-"}/${r.pagesColor ?? "-"}`, `${r.includedBw ?? "-"}/${r.includedColor ?? "-"}`, `${r.overBw ?? "-"}/${r.overColor ?? "-"}`, r.net ?? "-"].join(" | ");

/** Net of the click lines of a run's invoices, per contract. */
const clickNet = (invoices: { lines: { lineType: string; contractNo: string; netAmount: string }[] }[]) => {
  const out: Record<string, string> = {};
  for (const l of invoices.flatMap((i) => i.lines).filter((x) => x.lineType === "click")) out[l.contractNo] = new Decimal(out[l.contractNo] ?? 0).plus(l.netAmount).toFixed(2);
  return out;
};
const reviewNet = (rows: readonly MeterReviewRow[]) => {
  const out: Record<string, string> = {};
  for (const r of rows) if (r.net !== null) out[r.contractNo] = new Decimal(out[r.contractNo] ?? 0).plus(r.net).toFixed(2);
  // (a contract whose rows come to 0.00 has no click line on an invoice)
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== "0.00"));
};

describe("meter review: click contracts rated as the billing run rates them", () => {
  it("June: devices with pages, prorated included pages, device shares and the minimum top-up add up to what `bill` bills; the review writes nothing", async () => {
    const ctx = await meterWorkspace();
    const before = backupToJson(await exportBackup(ctx.store, "t"));
    const review = await reviewMeters(ctx, "2026-06");
    // K-300 from 12 June: 19/30 of 1000 / 200 included = 633 / 127; 1200 b/w and 210 colour pages
    // b/w 567 × 0.008 = 4.536 → 4.54 split 800 : 400 → 3.03 / 1.51; colour 83 × 0.06 = 4.98 split 150 : 60 → 3.56 / 1.42
    // minimum 25.00 × 19/30 = 15.8333 − 9.516 charged → top-up 6.3173 → 6.32
    expect(review.rows.map(view)).toEqual([
      "charged | 2026-06 | K-300 | Druck KG | D1 | -→2026-06-12/2026-06-30 | 800/150 | 633/127 | 567/83 | 6.59",
      "charged | 2026-06 | K-300 | Druck KG | D2 | -→2026-06-12/2026-06-30 | 400/60 | 633/127 | 567/83 | 2.93",
      "minimum_fee | 2026-06 | K-300 | Druck KG | - | -→- | -/- | 633/127 | 567/83 | 6.32",
    ]);
    expect(review.totals).toEqual({ rows: 3, contracts: 1, charged: 2, noReading: 0, baselines: 0, problems: 0, net: "15.84" });
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(before);

    const dry = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01", dryRun: true });
    expect(dry.ok && clickNet(dry.value.invoices)).toEqual(reviewNet(review.rows));
    expect(reviewNet(review.rows)).toEqual({ "K-300": "15.84" });
  });

  it("after the June run: June shows billed without amounts, July's review equals July's run, D2 without a July reading", async () => {
    const ctx = await meterWorkspace();
    const june = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
    expect(june.ok && clickNet(june.value.invoices)).toEqual({ "K-300": "15.84" });
    expect((await reviewMeters(ctx, "2026-06")).rows.map((r) => [r.status, r.deviceId, r.net])).toEqual([
      ["billed", "D1", null],
      ["billed", "D2", null],
    ]);

    const july = await reviewMeters(ctx, "2026-07");
    // 1200 b/w (D1 only) − 1000 included = 200 × 0.008 = 1.60; colour 150 ≤ 200; minimum 25.00 → 23.40
    expect(july.rows.map(view)).toEqual([
      "charged | 2026-07 | K-300 | Druck KG | D1 | 2026-06-30→2026-07-31 | 1200/150 | 1000/200 | 200/0 | 1.60",
      "no_reading | 2026-07 | K-300 | Druck KG | D2 | 2026-06-30→- | -/- | 1000/200 | 200/0 | 0.00",
      "minimum_fee | 2026-07 | K-300 | Druck KG | - | -→- | -/- | 1000/200 | 200/0 | 23.40",
    ]);
    const run = await runBilling(ctx, { month: "2026-07", invoiceDate: "2026-08-01" });
    expect(run.ok && clickNet(run.value.invoices)).toEqual(reviewNet(july.rows));
  });

  it("a wrong reading is corrected by undoing its import and importing again: the review follows", async () => {
    const ctx = await meterWorkspace();
    const batch = await importMeters(ctx, textFile("august.csv", `${HEAD}\nD1,10003,K-300,2026-08-31,99000,2300\n`));
    if (!batch.ok || !batch.value.batchId) throw new Error("import failed");
    expect((await reviewMeters(ctx, "2026-08")).rows.find((r) => r.month === "2026-08" && r.deviceId === "D1")?.pagesBw).toBe(87000);
    expect((await undoBatch(ctx, batch.value.batchId)).ok).toBe(true);
    expect((await reviewMeters(ctx, "2026-08")).rows.find((r) => r.month === "2026-08" && r.deviceId === "D1")?.status).toBe("no_reading");
  });

  it("invariant: for random readings, the review of each month equals the click lines of that month's real run, month after month", async () => {
    const reading = fc.record({ device: fc.constantFrom("D1", "D2", "D3"), day: fc.integer({ min: 0, max: 110 }), bw: fc.integer({ min: 0, max: 2500 }), color: fc.integer({ min: 0, max: 400 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(reading, { maxLength: 10 }), async (list) => {
        const ctx = await timeWorkspace();
        const last = new Map<string, { date: string; bw: number; color: number }>();
        const rows: string[] = [];
        for (const x of [...list].sort((a, b) => a.day - b.day)) {
          const prev = last.get(x.device);
          const date = new Date(Date.UTC(2026, 5, 12 + x.day)).toISOString().slice(0, 10);
          if (prev && date <= prev.date) continue;
          const next = { date, bw: (prev?.bw ?? 0) + x.bw, color: (prev?.color ?? 0) + x.color };
          last.set(x.device, next);
          rows.push(`${x.device},10003,K-300,${date},${next.bw},${next.color}`);
        }
        if (rows.length > 0) {
          const imported = await importMeters(ctx, textFile("zaehler.csv", [HEAD, ...rows].join("\n")));
          if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
        }
        for (const [month, invoiceDate] of [["2026-07", "2026-08-01"], ["2026-09", "2026-10-01"]] as const) {
          const review = await reviewMeters(ctx, month);
          const run = await runBilling(ctx, { month, invoiceDate });
          if (!run.ok) throw new Error("run failed");
          const billed = clickNet(run.value.invoices);
          // K-300 has a minimum fee: a run bills its open months that have a reading or whose pages a later reading counts; months still waiting for a reading bill nothing
          expect(reviewNet(review.rows)).toEqual(billed);
          expect(review.totals.net).toBe(billed["K-300"] ?? "0.00");
        }
      }),
      { numRuns: 25 },
    );
  });
});
