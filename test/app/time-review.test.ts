import { dbOf } from "../support/db-view";
import { runBilling } from "../../src/app/bill";
import { importTime } from "../../src/app/time";
import { applyTimeDecisions, reviewTimeEntries, type TimeDecision, type TimeReviewRow } from "../../src/app/time-review";
import { undoRun } from "../../src/app/undo-run";
import { formatIssue, messageText } from "../../src/core/messages";
import { Decimal } from "../../src/core/money/decimal";
import type { TimeEntry } from "../../src/core/time/model";
import { readCsvText } from "../../src/io/table/read-csv";
import { toCsv } from "../../src/io/table/write-csv";
import { readTimeReviewTable, timeReviewTableRows } from "../../src/io/time/review-table";
import { backupToJson, exportBackup } from "../../src/store/backup";
import { textFile } from "../support/fixtures";
import { TIME_CSV, timeWorkspace } from "./time-fixtures";

/** June: the fixture entries plus two evening entries sharing one line, a customer without a time contract, an unknown activity, a foreign contract. */
const MORE_CSV = [
  "ticket_no,customer_no,contract_no,date,start,end,minutes,technician,activity,billable,description",
  "4730,10001,,2026-06-09,18:00,18:10,,jm,remote,ja,Backup prüfen",
  "4730,10001,,2026-06-10,18:00,18:20,,jm,remote,ja,=Backup erneut",
  "6000,10003,,2026-06-15,10:00,10:30,,ab,remote,ja,Druckertreiber",
  "6001,10002,,2026-06-16,10:00,10:30,,ab,beratung,ja,Konzept",
  "6002,10001,V-200,2026-06-17,10:00,10:15,,ab,remote,ja,Falscher Vertrag",
].join("\n");

async function juneWorkspace() {
  const ctx = await timeWorkspace();
  for (const [name, text] of [["zeiten-juni.csv", TIME_CSV], ["nachtrag.csv", MORE_CSV]] as const) {
    const r = await importTime(ctx, textFile(name, text));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
  }
  return ctx;
}

const view = (r: TimeReviewRow) =>
  [r.status, r.billable ? "yes" : "no", r.date, r.ticketNo, r.contractNo, `${r.units ?? "-"}=${r.included ?? "-"}+${r.contingent ?? "-"}+${r.charged ?? "-"}`, r.articles.join("/"), r.pricePerHour ?? "-", r.surcharges.join("/"), r.flatFees.join("/"), r.net ?? "-", r.issues.map((i) => i.code).join(",")].join(" | ");

const byTicket = (rows: readonly TimeReviewRow[], ticket: string, billable = true) => rows.find((r) => r.ticketNo === ticket && r.billable === billable)!;
const decide = (row: TimeReviewRow, billable: boolean, sheetRow: number): TimeDecision => ({ entryId: row.entryId, billable, where: { source: "Zeiten 2026-06", row: sheetRow, column: "abrechnen (B)" } });

/** The net of the usage lines (time, flat fees) of a run's invoices. */
const usageNet = (invoices: { lines: { lineType: string; netAmount: string }[] }[]) =>
  invoices.flatMap((i) => i.lines).filter((l) => l.lineType === "time" || l.lineType === "flat_fee").reduce((s, l) => s.plus(l.netAmount), new Decimal(0)).toFixed(2);

describe("time review: open entries rated as the billing run rates them", () => {
  it("rows with units, pools, rates, surcharges, fees, exact cents per entry and problems; the amounts add up to the run's lines", async () => {
    const ctx = await juneWorkspace();
    const review = await reviewTimeEntries(ctx, "2026-06");
    expect(review.rows.map(view)).toEqual([
      // included hour (4 units) used by the first entry; the holiday evening is charged at +100 %
      "charged | yes | 2026-06-02 | 4711 | V-100 | 6=4+0+2 | SUP-R | 87.4 |  |  | 43.70 | ",
      "charged | yes | 2026-06-03 | 5000 | V-200 | 12=0+8+4 | SUP-R | 87.4 |  |  | 87.40 | ",
      "charged | yes | 2026-06-04 | 4711 | V-100 | 10=0+0+10 | SUP-R | 87.4 | Sonn-/Feiertag +100 % |  | 437.00 | ",
      "not_billable | no | 2026-06-08 | 4720 | V-100 | -=-+-+- |  | - |  |  | - | ",
      "charged | yes | 2026-06-08 | 4720 | V-100 | 4=0+0+4 | SUP-O/TRAVEL | 104 |  | Anfahrt 45.00 | 149.00 | ",
      // one evening line of 3 units (0.75 h × 109.25 = 81.94) shared 1 : 2 → 27.31 + 54.63
      "charged | yes | 2026-06-09 | 4730 | V-100 | 1=0+0+1 | SUP-R | 87.4 | Abend +25 % |  | 27.31 | ",
      "charged | yes | 2026-06-10 | 4730 | V-100 | 2=0+0+2 | SUP-R | 87.4 | Abend +25 % |  | 54.63 | ",
      "charged | yes | 2026-06-15 | 6000 |  | 2=0+0+2 | SUP-R | 87.4 |  |  | 43.70 | time.review_no_contract",
      "problem | yes | 2026-06-16 | 6001 | V-200 | -=-+-+- |  | - |  |  | - | time.unknown_activity",
      "problem | yes | 2026-06-17 | 6002 | V-200 | -=-+-+- |  | - |  |  | - | time.unknown_contract",
    ]);
    expect(review.totals).toEqual({ rows: 10, billable: 9, notBillable: 1, problems: 2, net: "842.74" });
    expect(review.issues).toEqual([]);
    expect(messageText(byTicket(review.rows, "6000").issues[0]!, "de")).toContain("Kunde 10003 hat am 15.06.2026 keinen laufenden Vertrag");

    // what the run bills is exactly the sum of the entries' amounts, and the review wrote nothing
    const before = backupToJson(await exportBackup(ctx.store, "t"));
    const dry = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01", dryRun: true });
    if (!dry.ok) throw new Error("dry run failed");
    expect(usageNet(dry.value.invoices)).toBe("842.74");
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(before);

    // an entry of May is in June's review; one of July is not
    expect((await reviewTimeEntries(ctx, "2026-05")).rows).toEqual([]);
  });

  it("an entry of a customer the store does not know is a problem without an amount", async () => {
    const ctx = await juneWorkspace();
    const [any] = (await dbOf(ctx).timeEntries.toArray()) as TimeEntry[];
    await dbOf(ctx).timeEntries.put({ ...any!, id: "t-ghost", customerNo: "99999", ticketNo: "9999", date: "2026-06-20" });
    const row = byTicket((await reviewTimeEntries(ctx, "2026-06")).rows, "9999");
    expect([row.status, row.net, row.issues.map((i) => i.code)]).toEqual(["problem", null, ["time.review_unknown_customer"]]);
  });

  it("the CSV of the review round-trips: neutralised formulas, decisions read back by header names", async () => {
    const ctx = await juneWorkspace();
    const review = await reviewTimeEntries(ctx, "2026-06");
    const csv = toCsv(timeReviewTableRows(review.rows, "en"));
    expect(csv.split("\r\n")[0]).toBe(
      "status,billable,date,start,end,ticket_no,customer_no,customer_name,contract_no,technician,activity,description,minutes,unit_minutes,units,included_units,contingent_units,charged_units,article_no,price_per_hour,surcharges,flat_fees,net_amount,issues,entry_id,source_file,source_row",
    );
    expect(csv).toContain(",'=Backup erneut,");
    const read = readTimeReviewTable(readCsvText(csv, "review.csv").table);
    expect(read.issues).toEqual([]);
    expect(read.decisions.map((d) => [d.entryId, d.billable, d.where.row, d.where.column])).toEqual(review.rows.map((r, i) => [r.entryId, r.billable, i + 2, "billable (B)"]));

    // German words and header; a bad cell and a missing id are named by row and column
    const de = timeReviewTableRows(review.rows.slice(0, 2), "de", { header: "abrechnen", yes: "Ja", no: "Nein" });
    de[1]![1] = "vielleicht";
    de[2]![24] = "";
    const bad = readTimeReviewTable(readCsvText(toCsv(de), "Zeiten 2026-06").table);
    expect(bad.issues.map((i) => formatIssue(i, "en"))).toEqual([
      'Zeiten 2026-06, row 2, column "abrechnen (B)": "vielleicht" is not allowed (allowed: yes, no, ja, nein, 1, 0).',
      'Zeiten 2026-06, row 3, column "entry_id (Y)": Required value is empty.',
    ]);
    const missing = readTimeReviewTable(readCsvText("entry_id,status\nt-1,charged\n", "x.csv").table);
    expect(missing.issues.map((i) => i.code)).toEqual(["csv.missing_column"]);
  });
});

describe("approving time entries (billable = approved)", () => {
  it("a withdrawn entry is not billed, an approved one is billed exactly once: bill, bill again, undo and re-bill, switch back on", async () => {
    const ctx = await juneWorkspace();
    const rows = (await reviewTimeEntries(ctx, "2026-06")).rows;
    const onsite = byTicket(rows, "4720");
    const note = byTicket(rows, "4720", false);
    const decisions = rows.map((r, i) => decide(r, r === onsite ? false : r === note ? true : r.billable, i + 2));
    const applied = await applyTimeDecisions(ctx, decisions, { name: "Zeiten 2026-06", sha256: "ab".repeat(32) });
    expect(applied).toEqual({ ok: true, value: { approved: 1, withdrawn: 1, unchanged: 8 } });
    const audit = await dbOf(ctx).auditLog.where("kind").equals("time.approve").toArray();
    const entities = (list: unknown[][]) => [...list].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(entities(audit.map((a) => [a.entity, a.source, a.before, a.after]))).toEqual(
      entities([
        [`time:${note.entryId}`, `sha256:${"ab".repeat(32)}`, { billable: false }, { billable: true, file: "Zeiten 2026-06" }],
        [`time:${onsite.entryId}`, `sha256:${"ab".repeat(32)}`, { billable: true }, { billable: false, file: "Zeiten 2026-06" }],
      ]),
    );
    // the same decisions again change nothing and log nothing
    const auditCount = await dbOf(ctx).auditLog.count();
    expect(await applyTimeDecisions(ctx, decisions)).toEqual({ ok: true, value: { approved: 0, withdrawn: 0, unchanged: 10 } });
    expect(await dbOf(ctx).auditLog.count()).toBe(auditCount);

    // the review shows what the run will do: the on-site visit withdrawn, the 10-minute note with its travel fee
    const after = await reviewTimeEntries(ctx, "2026-06");
    expect([byTicket(after.rows, "4720", false).status, byTicket(after.rows, "4720").net, byTicket(after.rows, "4720").flatFees]).toEqual(["not_billable", "71.00", ["Anfahrt 45.00"]]);

    const june = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" });
    if (!june.ok) throw new Error("run failed");
    const lines = june.value.invoices.flatMap((i) => i.lines.map((l) => `${i.customerNo} ${l.lineType} ${l.articleNo} ${l.quantity} = ${l.netAmount}`));
    expect(lines.filter((l) => / SUP-O | TRAVEL /.test(l))).toEqual(["10001 time SUP-O 0.25 = 26.00", "10001 flat_fee TRAVEL 1 = 45.00"]);
    expect(usageNet(june.value.invoices)).toBe(after.totals.net);
    const entry = async (id: string) => (await dbOf(ctx).timeEntries.get(id)) as TimeEntry;
    expect([(await entry(note.entryId)).billing?.runId, (await entry(onsite.entryId)).billing]).toEqual(["run-00001", undefined]);
    // billed entries leave the review; the withdrawn one stays (it can be switched back on)
    expect((await reviewTimeEntries(ctx, "2026-06")).rows.map((r) => [r.ticketNo, r.status])).toEqual([["4720", "not_billable"], ["6001", "problem"], ["6002", "problem"]]);

    // billing June again bills nothing; undo and re-bill bills the same entries once, in the new run only
    expect((await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" })).ok && (await dbOf(ctx).runs.count())).toBe(1);
    expect((await undoRun(ctx, "run-00001")).ok).toBe(true);
    const rebill = await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-02" });
    if (!rebill.ok) throw new Error("run failed");
    expect(usageNet(rebill.value.invoices)).toBe(after.totals.net);
    const billedBy = ((await dbOf(ctx).timeEntries.toArray()) as TimeEntry[]).filter((e) => e.billing).map((e) => e.billing!.runId);
    expect(new Set(billedBy)).toEqual(new Set(["run-00002"]));
    expect((await entry(onsite.entryId)).billing).toBeUndefined();

    // a billed entry cannot be withdrawn any more: the issue names the row, nothing changes
    const billedRow = decide(note, false, 7);
    const snapshot = backupToJson(await exportBackup(ctx.store, "t"));
    const refused = await applyTimeDecisions(ctx, [billedRow, decide(onsite, true, 6)]);
    expect(!refused.ok && refused.issues.map((i) => formatIssue(i, "en"))).toEqual([
      `Zeiten 2026-06, row 7, column "abrechnen (B)": Ticket 4720 (entry ${note.entryId}) was billed in run run-00002 already; its decision can no longer change (undo the run first).`,
    ]);
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(snapshot);

    // switched back on after the run: the July run bills the June visit once, the next one nothing
    expect(await applyTimeDecisions(ctx, [decide(onsite, true, 6)])).toEqual({ ok: true, value: { approved: 1, withdrawn: 0, unchanged: 0 } });
    const july = await runBilling(ctx, { month: "2026-07", invoiceDate: "2026-08-01" });
    if (!july.ok) throw new Error("run failed");
    const julyTime = july.value.invoices.flatMap((i) => i.lines).filter((l) => l.lineType === "time" || l.lineType === "flat_fee");
    // the day's travel fee was charged with the note already: only the hour
    expect(julyTime.map((l) => `${l.articleNo} ${l.quantity} = ${l.netAmount}`)).toEqual(["SUP-O 1 = 104.00"]);
    expect((await entry(onsite.entryId)).billing?.runId).toBe(july.value.runId);
    const august = await runBilling(ctx, { month: "2026-08", invoiceDate: "2026-09-01" });
    expect(august.ok && august.value.invoices.flatMap((i) => i.lines).filter((l) => l.lineType === "time")).toEqual([]);
  });

  it("unknown entries and entries decided twice are named by row; nothing is changed", async () => {
    const ctx = await juneWorkspace();
    const rows = (await reviewTimeEntries(ctx, "2026-06")).rows;
    const snapshot = backupToJson(await exportBackup(ctx.store, "t"));
    const twice = await applyTimeDecisions(ctx, [decide(rows[0]!, false, 2), decide(rows[0]!, true, 5)]);
    expect(!twice.ok && twice.issues.map((i) => formatIssue(i, "en"))).toEqual([`Zeiten 2026-06, row 5, column "abrechnen (B)": Time entry ${rows[0]!.entryId} appears twice (also row 2).`]);
    const unknown = await applyTimeDecisions(ctx, [decide(rows[0]!, false, 2), { ...decide(rows[1]!, false, 3), entryId: "t-gone" }]);
    expect(!unknown.ok && unknown.issues.map((i) => i.code)).toEqual(["time.review_unknown_entry"]);
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(snapshot);
  });
});
