/**
 * The pane's time review sheet "Zeiten YYYY-MM" through the in-memory workbook: German decision
 * column with its drop-down, typed cells, ids as text, status colours, formula-like text kept as
 * text; a choice in the sheet read back by header names and applied; bad cells named by their cell.
 * The clicking is covered by the browser tests (test/e2e/run.js).
 */
import { importTime, storedRules } from "../../src/app/time";
import { applyTimeDecisions, reviewTimeEntries } from "../../src/app/time-review";
import { EMPTY_RULES } from "../../src/core/time/rules";
import { MemoryWorkbook } from "../../src/excel/memory/memory-workbook";
import { MemoryWorkbookGateway } from "../../src/excel/memory/memory-gateway";
import { readTimeReviewTable } from "../../src/io/time/review-table";
import { TIME_REVIEW_VOCABULARY } from "../../src/io/sheets/time-words";
import { canonicalColumn } from "../../src/io/table/sheet-vocabulary";
import { describeIssue, locateIssues } from "../../src/taskpane/issues";
import { rulesSummary, timeReviewSheetName, timeReviewSheetRows, timeReviewWriteOptions } from "../../src/taskpane/usage/time-review-sheet";
import { textFile } from "../support/fixtures";
import { TIME_CSV, timeWorkspace } from "../app/time-fixtures";

function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

async function written(language: "de" | "en") {
  const ctx = await timeWorkspace();
  unwrap(await importTime(ctx, textFile("zeiten.csv", TIME_CSV.replace("Mailserver", "=SUMME(A1)"))));
  const review = await reviewTimeEntries(ctx, "2026-06");
  const sheet = timeReviewSheetName("2026-06");
  const wb = new MemoryWorkbook({ locale: language });
  const gw = new MemoryWorkbookGateway(wb);
  unwrap(await gw.writeTable(sheet, timeReviewSheetRows(review, language), timeReviewWriteOptions(sheet, language)));
  const shown = wb.values(sheet)[0]!.map(String);
  // Columns by canonical name whatever the sheet's language (the decision column keeps its shown name).
  const header = shown.map((h) => (h === "abrechnen" || h === "billable" ? h : canonicalColumn(TIME_REVIEW_VOCABULARY, h) ?? h));
  /** A1 address of a column in the sheet row of the entry with this ticket and description. */
  const cellOf = (column: string, ticket: string, description: string) => {
    const grid = wb.values(sheet);
    const row = grid.findIndex((r) => String(r[header.indexOf("ticket_no")]) === ticket && String(r[header.indexOf("description")]) === description) + 1;
    return `${String.fromCharCode(65 + header.indexOf(column))}${row}`;
  };
  return { ctx, review, sheet, wb, gw, header, shown, cellOf };
}

describe("the time review sheet Zeiten YYYY-MM", () => {
  it("German: abrechnen Ja/Nein drop-down, typed cells, ids as text, colours by status; a choice is read back and applied", async () => {
    const { ctx, sheet, wb, gw, shown, cellOf } = await written("de");
    expect(sheet).toBe("Zeiten 2026-06");
    expect(shown.slice(0, 3)).toEqual(["Status", "abrechnen", "Datum"]);
    expect(shown).toContain("Eintrags-ID");
    expect(wb.cell(sheet, cellOf("status", "4720", "Drucker")).value).toBe("Berechnet");
    const onsite = cellOf("abrechnen", "4720", "Drucker");
    expect(wb.validationList(sheet, onsite)).toEqual(["Ja", "Nein"]);
    expect(wb.cell(sheet, onsite).value).toBe("Ja");
    expect(wb.cell(sheet, cellOf("abrechnen", "4720", "Notiz")).value).toBe("Nein");
    // numbers are numbers with formats, the date a date, ids and clock times text
    expect([wb.cell(sheet, cellOf("net_amount", "4720", "Drucker")).value, wb.cell(sheet, cellOf("net_amount", "4720", "Drucker")).numberFormat]).toEqual([149, "#,##0.00"]);
    expect(wb.cell(sheet, cellOf("units", "4720", "Drucker")).value).toBe(4);
    expect(wb.cell(sheet, cellOf("date", "4720", "Drucker")).numberFormat).toBe("dd.mm.yyyy");
    expect([wb.cell(sheet, cellOf("ticket_no", "4720", "Drucker")).value, wb.cell(sheet, cellOf("ticket_no", "4720", "Drucker")).numberFormat]).toEqual(["4720", "@"]);
    expect(wb.cell(sheet, cellOf("start", "5000", "Migration")).value).toBe("13:00");
    expect(wb.cell(sheet, cellOf("entry_id", "4720", "Drucker")).numberFormat).toBe("@");
    // formula-like text from the ticket system stays text
    const formula = wb.cell(sheet, cellOf("description", "4711", "=SUMME(A1)"));
    expect(formula.formula).toBeUndefined();
    // colours by status: charged blue, switched off grey
    expect(wb.cell(sheet, cellOf("status", "4720", "Drucker")).fill).toBe("#DDEBF7");
    expect(wb.cell(sheet, cellOf("status", "4720", "Notiz")).fill).toBe("#EDEDED");
    expect(() => wb.typeInto(sheet, onsite, "Vielleicht")).toThrow(/drop-down/);

    // the user sorts the table and withdraws the on-site visit
    wb.sortTable(unwrap(await gw.readTableByHeaders(sheet)).tableName!, "Ticket", "desc");
    wb.typeInto(sheet, cellOf("abrechnen", "4720", "Drucker"), "Nein");
    const read = unwrap(await gw.readTableByHeaders(sheet));
    const { decisions, issues } = readTimeReviewTable(read.table);
    expect(issues).toEqual([]);
    expect(decisions.filter((d) => !d.billable).length).toBe(2);
    expect(unwrap(await applyTimeDecisions(ctx, decisions, { name: sheet, sha256: "0".repeat(64) }))).toEqual({ approved: 0, withdrawn: 1, unchanged: 4 });
    const entries = await ctx.store.read((tx) => tx.timeEntries.all());
    expect(entries.filter((e) => !e.billable).map((e) => e.description).sort()).toEqual(["Drucker", "Notiz"]);
  });

  it("English: billable Yes/No; a bad cell and a billed entry are named by their cell", async () => {
    const { ctx, sheet, wb, gw, header, cellOf } = await written("en");
    expect(header[1]).toBe("billable");
    const onsite = cellOf("billable", "4720", "Drucker");
    expect(wb.validationList(sheet, onsite)).toEqual(["Yes", "No"]);
    // a paste bypasses the drop-down
    wb.typeInto(sheet, onsite, "maybe", { paste: true });
    const bad = unwrap(await gw.readTableByHeaders(sheet));
    const located = locateIssues(readTimeReviewTable(bad.table).issues, bad.table, sheet);
    expect(located.map((i) => describeIssue(i, "en"))).toEqual([`Zeiten 2026-06!${onsite}: "maybe" is not allowed (allowed: yes, no, ja, nein, 1, 0).`]);

    // an entry billed since the sheet was written cannot be switched off
    wb.typeInto(sheet, onsite, "No");
    const entries = await ctx.store.read((tx) => tx.timeEntries.all());
    const visit = entries.find((e) => e.description === "Drucker")!;
    await ctx.store.write(async (tx) => {
      await tx.runs.add({ id: "run-00001", month: "2026-06", createdAt: "2026-07-01T00:00:00Z", invoiceDate: "2026-07-01", invoiceRefs: [] });
      await tx.timeEntries.putMany([{ ...visit, billing: { runId: "run-00001", invoiceRef: "RE-000001", contractNo: "V-100", unitMinutes: 15, units: 4, included: 0, contingent: 0, charged: 4, lineNos: [4], flatFeeKeys: [] } }]);
    });
    const read = unwrap(await gw.readTableByHeaders(sheet));
    const refused = await applyTimeDecisions(ctx, readTimeReviewTable(read.table).decisions);
    expect(!refused.ok && locateIssues(refused.issues, read.table, sheet).map((i) => describeIssue(i, "de"))).toEqual([
      `Zeiten 2026-06!${onsite}: Ticket 4720 (Eintrag ${visit.id}) ist in Lauf run-00001 schon abgerechnet; die Entscheidung lässt sich nicht mehr ändern (erst den Lauf rückgängig machen).`,
    ]);
  });

  it("summarises the stored rules", async () => {
    const { ctx } = await written("de");
    expect(rulesSummary((await storedRules(ctx))!)).toEqual({ timeContracts: ["V-100", "V-200"], clickContracts: ["K-300"], unitMinutes: 15, activities: ["onsite", "remote"], holidayRegion: "BY" });
    expect(rulesSummary(EMPTY_RULES)).toEqual({ timeContracts: [], clickContracts: [], unitMinutes: 15, activities: [], holidayRegion: "BY" });
  });
});
