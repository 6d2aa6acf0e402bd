/**
 * `export-master` after a contract start was corrected (README "Merge rules of `import-master`",
 * "Master data files"): the export rebuilds the same contract in an empty store. Entries dated before
 * a start corrected later are folded into the one in force on the start and written with valid_from =
 * the start; the rebuilt store bills the following months exactly like the original one, and the same
 * file imported into the original store changes nothing.
 */
import { runBilling } from "../../src/app/bill";
import type { AppContext } from "../../src/app/context";
import { exportMaster, type MasterExport } from "../../src/app/export-master";
import { importMaster } from "../../src/app/import-master";
import { finalizeRun } from "../../src/app/issue-run";
import type { IsoMonth } from "../../src/core/date/iso-month";
import { testContext, textFile } from "../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\nMS-BASIC,Managed Service Basic,49.00,19\nBACKUP,Backup,5.00,19\n";
const HEADER = "customer_no,customer_name,contract_no,contract_start,position_no,article_no,quantity,unit_price,valid_from";
const CONTRACTS = [
  HEADER,
  // V-1: its start is corrected to 2026-03-15 below
  "10001,Müller GmbH,V-1,2026-01-01,1,M365-BP,10,20.60,2026-01-01",
  "10001,Müller GmbH,V-1,2026-01-01,1,M365-BP,12,20.60,2026-02-01", // in force on the new start
  "10001,Müller GmbH,V-1,2026-01-01,1,M365-BP,12,19.60,2026-05-01",
  "10001,Müller GmbH,V-1,2026-01-01,2,MS-BASIC,2,49.00,2026-01-01",
  "10001,Müller GmbH,V-1,2026-01-01,2,MS-BASIC,0,49.00,2026-02-01", // ended before the new start
  "10001,Müller GmbH,V-1,2026-01-01,3,BACKUP,1,5.00,2026-01-01",
  "10001,Müller GmbH,V-1,2026-01-01,3,BACKUP,3,5.00,2026-03-15", // dated on the new start
  // V-2: its start is corrected to 2026-01-01 (earlier)
  "10002,Schmidt KG,V-2,2026-02-01,1,M365-BP,5,20.60,2026-02-01",
  "10002,Schmidt KG,V-2,2026-02-01,1,M365-BP,6,20.60,2026-04-01",
  // V-3: not corrected
  "10002,Schmidt KG,V-3,2026-01-10,1,BACKUP,4,5.00,2026-01-10",
].join("\n");
const CORRECTION = [
  `${HEADER},correction`,
  "10001,Müller GmbH,V-1,2026-03-15,1,M365-BP,10,20.60,2026-01-01,ja",
  "10002,Schmidt KG,V-2,2026-01-01,1,M365-BP,5,20.60,2026-01-01,ja",
].join("\n");

const lines = async (ctx: AppContext, month: IsoMonth, invoiceDate: string) => {
  const r = await runBilling(ctx, { month, invoiceDate: invoiceDate as `${number}-${number}-${number}` });
  if (!r.ok) return r.issues.map((i) => i.code);
  if (r.value.runId) expect((await finalizeRun(ctx, r.value.runId)).ok).toBe(true);
  return r.value.invoices.flatMap((i) => i.lines.map((l) => `${l.contractNo}/${l.positionNo} ${l.lineType} ${l.serviceFrom}..${l.serviceTo} ${l.quantity} × ${l.unitPrice} ${l.netAmount}`));
};

/** January and February billed and issued, then both starts corrected. */
async function corrected(): Promise<AppContext> {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
  await lines(ctx, "2026-01", "2026-01-02");
  await lines(ctx, "2026-02", "2026-02-02");
  const r = await importMaster(ctx, [textFile("fix.csv", CORRECTION)]);
  expect(r.ok && r.value).toMatchObject({ contracts: 2, versions: 1 });
  return ctx;
}

const contractRows = (files: MasterExport) =>
  files.contracts.split("\r\n").slice(1).filter(Boolean).map((l) => { const c = l.split(","); return [c[2], c[6], c[8], c[11], c[12], c[15]].join(" "); });

describe("export-master after a corrected contract start", () => {
  it("writes no entry before the start: the one in force on it is dated on it, an ended position stays ended", async () => {
    const files = await exportMaster(await corrected());
    expect(contractRows(files)).toEqual([
      "V-1 2026-03-15 1 12 20.6 2026-03-15",
      "V-1 2026-03-15 1 12 19.6 2026-05-01",
      "V-1 2026-03-15 2 0 49 2026-03-15",
      "V-1 2026-03-15 3 3 5 2026-03-15",
      "V-2 2026-01-01 1 5 20.6 2026-01-01",
      "V-2 2026-01-01 1 5 20.6 2026-02-01",
      "V-2 2026-01-01 1 6 20.6 2026-04-01",
      "V-3 2026-01-10 1 4 5 2026-01-10",
    ]);
  });

  it("imported into an empty store without issues, it bills the following months like the original, to the cent", async () => {
    const a = await corrected();
    const files = await exportMaster(a);
    const b = await testContext();
    const r = await importMaster(b, [textFile("articles.csv", files.articles), textFile("contracts.csv", files.contracts), textFile("mappings.csv", files.mappings)]);
    expect(r.ok && r.value.warnings).toEqual([]);
    expect(await exportMaster(b)).toEqual(files);

    // The original settles the correction in March (credits for V-1, the gained January of V-2);
    // the rebuilt store bills everything due so far. From April on both bill the same.
    expect(await lines(a, "2026-03", "2026-03-02")).toEqual([
      "V-1/1 difference 2026-01-01..2026-01-31 -10 × 20.6 -206.00",
      "V-1/1 difference 2026-02-01..2026-02-28 -12 × 20.6 -247.20",
      "V-1/1 recurring 2026-03-15..2026-03-31 12 × 20.6 135.56",
      "V-1/2 difference 2026-01-01..2026-01-31 -2 × 49 -98.00",
      "V-1/3 difference 2026-01-01..2026-01-31 -1 × 5 -5.00",
      "V-1/3 difference 2026-02-01..2026-02-28 -1 × 5 -5.00",
      "V-1/3 recurring 2026-03-15..2026-03-31 3 × 5 8.23",
      "V-2/1 recurring 2026-01-01..2026-01-31 5 × 20.6 103.00",
      "V-2/1 recurring 2026-03-01..2026-03-31 5 × 20.6 103.00",
      "V-3/1 recurring 2026-03-01..2026-03-31 4 × 5 20.00",
    ]);
    expect(await lines(b, "2026-03", "2026-03-02")).toEqual([
      "V-1/1 recurring 2026-03-15..2026-03-31 12 × 20.6 135.56",
      "V-1/3 recurring 2026-03-15..2026-03-31 3 × 5 8.23",
      "V-2/1 recurring 2026-01-01..2026-01-31 5 × 20.6 103.00",
      "V-2/1 recurring 2026-02-01..2026-02-28 5 × 20.6 103.00",
      "V-2/1 recurring 2026-03-01..2026-03-31 5 × 20.6 103.00",
      "V-3/1 recurring 2026-01-10..2026-01-31 4 × 5 14.19",
      "V-3/1 recurring 2026-02-01..2026-02-28 4 × 5 20.00",
      "V-3/1 recurring 2026-03-01..2026-03-31 4 × 5 20.00",
    ]);
    for (const [month, day] of [["2026-04", "2026-04-02"], ["2026-05", "2026-05-02"], ["2026-06", "2026-06-02"]] as const) {
      const inA = await lines(a, month, day);
      expect(await lines(b, month, day)).toEqual(inA);
      if (month === "2026-05") {
        expect(inA).toEqual([
          "V-1/1 recurring 2026-05-01..2026-05-31 12 × 19.6 235.20",
          "V-1/3 recurring 2026-05-01..2026-05-31 3 × 5 15.00",
          "V-2/1 recurring 2026-05-01..2026-05-31 6 × 20.6 123.60",
          "V-3/1 recurring 2026-05-01..2026-05-31 4 × 5 20.00",
        ]);
      }
    }
  });

  it("the same file imported into the original store changes nothing", async () => {
    const a = await corrected();
    const files = await exportMaster(a);
    const again = await importMaster(a, [textFile("contracts.csv", files.contracts), textFile("articles.csv", files.articles)]);
    expect(again.ok && again.value).toMatchObject({ batchId: null, versions: 0, contracts: 0 });
    expect(await exportMaster(a)).toEqual(files);
  });
});
