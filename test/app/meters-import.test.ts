import { dbOf } from "../support/db-view";
import { runBilling } from "../../src/app/bill";
import { importMeters } from "../../src/app/meters";
import { formatIssue } from "../../src/core/messages";
import { textFile } from "../support/fixtures";
import { METERS_CSV, timeWorkspace } from "./time-fixtures";

const HEAD = "device_id,customer_no,contract_no,reading_date,counter_bw,counter_color";

describe("meters import", () => {
  it("a counter going backwards is an error naming the row; nothing of the file is imported", async () => {
    const ctx = await timeWorkspace();
    expect((await importMeters(ctx, textFile("z1.csv", METERS_CSV))).ok).toBe(true);
    const r = await importMeters(ctx, textFile("z2.csv", `${HEAD}\nD2,10003,K-300,2026-06-30,100,0\nD1,10003,K-300,2026-07-31,10750,2200\n`));
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual([
      'z2.csv, row 3, column "counter_bw": Device D1: counter 10750 is lower than 10800 of 2026-06-30 (z1.csv:3); counters do not go backwards (a typo? After a swap or a counter reset, first a final reading with final_reading = yes).',
    ]);
    expect(await dbOf(ctx).meterReadings.count()).toBe(2);
  });

  it("a final reading is stored with its mark (the same file again adds nothing); the device then starts anew with a lower counter", async () => {
    const ctx = await timeWorkspace();
    const file = textFile("z1.csv", `${HEAD},final_reading\nD1,10003,K-300,2026-06-30,10800,2150,ja\n`);
    expect((await importMeters(ctx, file)).ok).toBe(true);
    expect((await dbOf(ctx).meterReadings.get("D1|2026-06-30"))!.final).toBe(true);
    const again = await importMeters(ctx, file);
    expect(again.ok && again.value).toMatchObject({ added: 0, unchanged: 1, batchId: null });
    const reset = await importMeters(ctx, textFile("z2.csv", `${HEAD}\nD1,10003,K-300,2026-07-31,120,5\n`));
    expect(reset.ok && reset.value).toMatchObject({ added: 1, unchanged: 0 });
  });

  it("the same file twice adds nothing; readings of a billed month are refused", async () => {
    const ctx = await timeWorkspace();
    expect((await importMeters(ctx, textFile("z.csv", METERS_CSV))).ok).toBe(true);
    const again = await importMeters(ctx, textFile("z.csv", METERS_CSV));
    expect(again.ok && again.value).toMatchObject({ added: 0, unchanged: 2, batchId: null });
    await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
    const late = await importMeters(ctx, textFile("late.csv", `${HEAD}\nD9,10003,K-300,2026-06-29,5,0\n`));
    expect(!late.ok && late.issues.map((i) => [i.code, i.where?.row])).toEqual([["meters.month_billed", 2]]);
  });
});
