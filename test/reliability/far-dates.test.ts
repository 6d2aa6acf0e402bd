import { dbOf } from "../support/db-view";
/**
 * Issue 16, item 1: far dates. Every date the program accepts (1900-01-01 … 9999-12-31) is handled
 * without a hang, and anything outside is refused with a message naming file, row and column. A
 * contract with a billing interval the program does not know is refused, never looped over.
 */
import { importMaster } from "../../src/app/import-master";
import { runBilling } from "../../src/app/bill";
import { reconcileFiles } from "../../src/app/reconcile";
import { importTime } from "../../src/app/time";
import { computeBillingRun } from "../../src/core/billing/run-billing";
import { duePeriods } from "../../src/core/billing/due-charges";
import { creditedHours } from "../../src/core/time/contingent";
import { Decimal } from "../../src/core/money/decimal";
import { coveredMonths } from "../../src/io/vendor/covered-months";
import { readVendorCsv } from "../../src/io/vendor/read-vendor";
import { contract, version } from "../support/billing-factories";
import { testContext, textFile } from "../support/fixtures";
import { T1, octoberCsv, octoberRecords, readNce, seedStore } from "../support/reconcile-scenario";
import { seedTimeMaster } from "./use-cases";
import { formatIssue } from "../../src/core/messages";
import type { Contract } from "../../src/core/contract/model";
import { readMeterTable } from "../../src/io/meters/read-meters";
import { readCsvText } from "../../src/io/table/read-csv";
import { toHeaderTable } from "../../src/io/table/header-table";
import { readTimeTable } from "../../src/io/time/read-time";
import { GENERIC_TIME_PROFILE } from "../../src/io/time/profiles/builtin";

describe("an open end of 9999-12-31 is read and reconciled", () => {
  it("covered months of a charge period ending 9999-12-31 are computed, not walked forever", () => {
    expect(coveredMonths("2026-01-01", "9999-12-31")!.toString()).toBe(String((9999 - 2026 + 1) * 12));
    expect(coveredMonths("1900-01-01", "9999-12-31")!.toString()).toBe(String((9999 - 1900 + 1) * 12));
    expect(coveredMonths("9999-12-15", "9999-12-31")!.toString()).toBe(new Decimal(17).div(31).toString());
    expect(coveredMonths("2026-03-31", "9999-12-30")!.isPositive()).toBe(true);
  });

  it("reconcile reads a vendor line ending in year 9999 and reviews the month", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const records = octoberRecords().map((r, i) => (i === 0 ? { ...r, ChargeEndDate: "9999-12-31" } : r));
    const read = readNce("nce.csv", octoberCsv("microsoft", records));
    expect(read.result.issues.filter((i) => i.severity === "error")).toEqual([]);
    const r = await reconcileFiles(ctx, [read], "2026-10");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows.find((row) => row.externalCustomerId === T1 && row.externalArticleId === "CFQ7TTC0LCHC:0002")).toBeDefined();
  });
});

describe("billing at the end of the calendar", () => {
  it.each(["monthly", "quarterly", "semiannual", "annual"] as const)("%s contracts starting in December 9999 are billed in advance and never in arrears", (interval) => {
    expect(duePeriods(contract({ interval, mode: "advance", start: "9999-12-01" }), "9999-12")).toEqual([{ start: "9999-12-01", end: "9999-12-31" }]);
    expect(duePeriods(contract({ interval, mode: "arrears", start: "9999-12-01" }), "9999-12")).toEqual([]);
    expect(duePeriods(contract({ interval, mode: "advance", start: "9999-12-01", end: "9999-12-31" }), "9999-12")).toHaveLength(1);
  });

  it("a billing run of December 9999 terminates and bills the month", () => {
    const r = computeBillingRun({
      runId: "r",
      runMonth: "9999-12",
      invoiceDate: "9999-12-31",
      customers: [{ no: "K-1", name: "Muster GmbH" }],
      contracts: [contract({ start: "9999-11-01" })],
      versions: [version({ validFrom: "9999-11-01" })],
      ledger: [],
      nextInvoiceNumber: 1,
    });
    expect(r.invoices).toHaveLength(1);
    expect(r.invoices[0]!.netTotal).toBe("620.00");
  });

  it("a contract with an unknown billing interval or mode is refused with a message, never looped over", () => {
    const odd = [contract({ no: "V-W", interval: "weekly" as Contract["interval"] }), contract({ no: "V-M", mode: "later" as Contract["mode"] }), contract({ no: "V-D", start: "0001-01-01" })];
    const r = computeBillingRun({
      runId: "r",
      runMonth: "2026-03",
      invoiceDate: "2026-03-31",
      customers: [{ no: "K-1", name: "Muster GmbH" }],
      contracts: [...odd, contract({ no: "V-1" })],
      versions: ["V-W", "V-M", "V-D", "V-1"].map((no) => version({ contractNo: no })),
      ledger: [],
      nextInvoiceNumber: 1,
    });
    expect(r.issues.map((i) => [i.code, i.params.contract, i.params.field])).toEqual([
      ["billing.invalid_contract", "V-D", "contract_start"],
      ["billing.invalid_contract", "V-M", "billing_mode"],
      ["billing.invalid_contract", "V-W", "billing_interval"],
    ]);
    expect(formatIssue(r.issues[2]!)).toBe('Contract V-W: billing_interval "weekly" is not valid; the contract is not billed.');
    // the valid contract is billed as usual
    expect(r.invoices.flatMap((i) => i.lines.map((l) => l.contractNo))).toEqual(["V-1", "V-1", "V-1"]);
  });

  it("a restored store with an unknown interval bills the rest and names the contract", async () => {
    const ctx = await testContext();
    await dbOf(ctx).customers.add({ no: "K-1", name: "Muster GmbH" });
    await dbOf(ctx).contracts.add(contract({ no: "V-W", interval: "fortnightly" as Contract["interval"] }));
    await dbOf(ctx).contractVersions.add(version({ contractNo: "V-W" }));
    const r = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-31" });
    expect(r.ok && r.value.issues.map((i) => i.code)).toEqual(["billing.invalid_contract"]);
  });

  it("a contingent credited since 1900 is counted, not walked month by month", () => {
    const hours = creditedHours({ monthlyHours: "2" }, contract({ start: "1900-01-01" }), "9999-12-31");
    expect(hours.toString()).toBe(String((9999 - 1900 + 1) * 12 * 2));
    expect(creditedHours({ monthlyHours: "2" }, contract({ start: "2026-01-15", end: "2026-03-10" }), "9999-12-31").toString()).toBe("6");
    expect(creditedHours({ monthlyHours: "2" }, contract({ start: "2026-01-15" }), "2026-01-14").toString()).toBe("0");
  });
});

describe("dates outside 1900-01-01 … 9999-12-31 are refused with their cell", () => {
  it("master data", async () => {
    const ctx = await testContext();
    const articles = "article_no,description,unit_price\nA-1,Artikel,1.00\n";
    const contracts = "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price\n10001,V-1,31.12.1899,1,A-1,1,1.00\n";
    const r = await importMaster(ctx, [textFile("a.csv", articles), textFile("c.csv", contracts)]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssue(i))).toContain('c.csv, row 2, column "contract_start (C)": "31.12.1899" is outside the supported dates (1900-01-01 to 9999-12-31).');
    expect(await dbOf(ctx).contracts.count()).toBe(0);
  });

  it("a contract with an unknown billing interval is refused by the reader, naming the cell", async () => {
    const ctx = await testContext();
    const articles = "article_no,description,unit_price\nA-1,Artikel,1.00\n";
    const contracts = "customer_no,contract_no,billing_interval,contract_start,position_no,article_no,quantity,unit_price\n10001,V-1,weekly,2026-01-01,1,A-1,1,1.00\n";
    const r = await importMaster(ctx, [textFile("a.csv", articles), textFile("c.csv", contracts)]);
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual(['c.csv, row 2, column "billing_interval (C)": "weekly" is not allowed (allowed: monthly, quarterly, semiannual, annual).']);
    expect(await dbOf(ctx).contracts.count()).toBe(0);
  });

  it("vendor files", () => {
    const records = octoberRecords().map((r, i) => (i === 1 ? { ...r, ChargeStartDate: "1899-01-15" } : r)); // written 1/15/1899
    const read = readVendorCsv(new TextEncoder().encode(octoberCsv("microsoft", records)), { fileName: "nce.csv" });
    expect(read.issues.map((i) => formatIssue(i))).toContain('nce.csv, row 3, column "ChargeStartDate": "1/15/1899" is outside the supported dates (1900-01-01 to 9999-12-31).');
  });

  it("time entries with a slash date are refused: only ISO or DD.MM.YYYY", async () => {
    const ctx = await testContext();
    await seedTimeMaster(ctx);
    const before = await dbOf(ctx).timeEntries.count();
    const csv = "ticket_no,customer_no,date,start,end,minutes,technician,activity,billable,description\n4711,10001,01/02/2026,09:00,10:00,,jm,remote,ja,Termin\n";
    const r = await importTime(ctx, textFile("zeiten.csv", csv));
    expect(!r.ok && r.issues.map((i) => formatIssue(i))).toEqual(['zeiten.csv, row 2, column "date (C)": "01/02/2026" is not a valid date (expected YYYY-MM-DD or DD.MM.YYYY).']);
    expect(await dbOf(ctx).timeEntries.count()).toBe(before);
  });

  it("meter readings before 1900", () => {
    const raw = readCsvText("device_id,customer_no,contract_no,reading_date,counter_bw,counter_color\nD-1,10001,V-1,31.12.1899,100,0\n", "z.csv").table;
    expect(readMeterTable(raw).issues.map((i) => formatIssue(i))).toEqual(['z.csv, row 2, column "reading_date (D)": "31.12.1899" is outside the supported dates (1900-01-01 to 9999-12-31).']);
  });

  it("date-times outside the range in time files", () => {
    const profile = { ...GENERIC_TIME_PROFILE, id: "iso", dateTime: "utc" as const, columns: { ...GENERIC_TIME_PROFILE.columns, date: undefined } };
    const table = (start: string, end: string) =>
      toHeaderTable(readCsvText(`ticket_no,customer_no,start,end,technician,activity,billable,description\n1,10001,${start},${end},jm,remote,ja,x\n`, "z.csv").table).table!;
    expect(readTimeTable(table("1899-12-31T10:00:00Z", "1899-12-31T11:00:00Z"), profile).issues.map((i) => formatIssue(i))).toEqual([
      'z.csv, row 2, column "start (C)": "1899-12-31T10:00:00Z" is outside the supported dates (1900-01-01 to 9999-12-31).',
    ]);
    // 23:30 UTC on the last day is already the next day in Germany
    expect(readTimeTable(table("9999-12-31T20:00:00Z", "9999-12-31T23:30:00Z"), profile).issues.map((i) => formatIssue(i))).toEqual([
      'z.csv, row 2, column "end (D)": the entry ends after 9999-12-31, the last supported date.',
    ]);
    expect(readTimeTable(table("0050-01-01T10:00:00Z", "0050-01-01T11:00:00Z"), profile).issues.map((i) => i.code)).toEqual(["parse.date_out_of_range"]);
  });

  it("time entries that would end after 9999-12-31", async () => {
    const ctx = await testContext();
    await seedTimeMaster(ctx);
    const before = await dbOf(ctx).timeEntries.count();
    const csv = "ticket_no,customer_no,date,start,end,minutes,technician,activity,billable,description\n4711,10001,31.12.9999,22:00,02:00,,jm,remote,ja,Silvester\n";
    const r = await importTime(ctx, textFile("zeiten.csv", csv));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssue(i))).toEqual(['zeiten.csv, row 2, column "end (E)": the entry ends after 9999-12-31, the last supported date.']);
    expect(await dbOf(ctx).timeEntries.count()).toBe(before);
  });
});
