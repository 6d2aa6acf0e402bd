import { dbOf } from "../support/db-view";
import { runBilling } from "../../src/app/bill";
import { importMeters } from "../../src/app/meters";
import { importTime } from "../../src/app/time";
import { undoBatch } from "../../src/app/undo-batch";
import { undoRun } from "../../src/app/undo-run";
import { textFile } from "../support/fixtures";
import { METERS_CSV, TIME_CSV, timeWorkspace } from "./time-fixtures";

describe("undo of time and meter imports", () => {
  it("removes exactly the imported entries and readings", async () => {
    const ctx = await timeWorkspace();
    const t = await importTime(ctx, textFile("zeiten.csv", TIME_CSV));
    const m = await importMeters(ctx, textFile("zaehler.csv", METERS_CSV));
    expect(await dbOf(ctx).timeEntries.count()).toBe(5);
    expect(await dbOf(ctx).meterReadings.count()).toBe(2);
    expect((await undoBatch(ctx, m.ok ? m.value.batchId! : "")).ok).toBe(true);
    expect((await undoBatch(ctx, t.ok ? t.value.batchId! : "")).ok).toBe(true);
    expect(await dbOf(ctx).timeEntries.count()).toBe(0);
    expect(await dbOf(ctx).meterReadings.count()).toBe(0);
  });

  it("is refused while a billing run has billed them, and allowed after the run is undone", async () => {
    const ctx = await timeWorkspace();
    const t = await importTime(ctx, textFile("zeiten.csv", TIME_CSV));
    const m = await importMeters(ctx, textFile("zaehler.csv", METERS_CSV));
    const run = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
    const blockedTime = await undoBatch(ctx, t.ok ? t.value.batchId! : "");
    expect(!blockedTime.ok && blockedTime.issues[0]!.code).toBe("review.undo_blocked_billed_usage");
    const blockedMeters = await undoBatch(ctx, m.ok ? m.value.batchId! : "");
    expect(!blockedMeters.ok && blockedMeters.issues[0]!.code).toBe("review.undo_blocked_billed_usage");
    expect((await undoRun(ctx, run.ok ? run.value.runId! : "")).ok).toBe(true);
    expect((await undoBatch(ctx, t.ok ? t.value.batchId! : "")).ok).toBe(true);
    expect((await undoBatch(ctx, m.ok ? m.value.batchId! : "")).ok).toBe(true);
  });
});
