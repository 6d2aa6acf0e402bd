/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Issue 20 in the Abgleich area, clicked through in jsdom over the Excel fake: the review writes a
 * cancellation to 0 as *überspringen*; *Übernehmen* first shows what it would change (ends and
 * reductions called out, their rows as links that select the row in Excel) and applies only on
 * confirmation; rows typed below the review table are warned about; a cell named in an error is a
 * link that selects it; results are announced and scrolled into view; one primary button per stage.
 */
import { applyReview } from "../../../src/app/apply-review";
import { readReviewTable } from "../../../src/io/reconcile/review-table";
import { readCsvText } from "../../../src/io/table/read-csv";
import { ReconcileArea, nextStep } from "../../../src/taskpane/components/reconcile/ReconcileArea";
import { MemoryWorkbook } from "../../../src/excel/memory/memory-workbook";
import { dbOf } from "../../support/db-view";
import { testContext } from "../../support/fixtures";
import { octoberCsv, seedStore } from "../../support/reconcile-scenario";
import { byTestId, click, renderPane, until, type Pane } from "./pane-harness";

const SHEET = "Abgleich 2026-10 MS NCE";

async function openOctober(): Promise<Pane> {
  const ctx = await testContext();
  await seedStore(ctx);
  const wb = new MemoryWorkbook({ locale: "de", sheets: ["NCE Oktober"] });
  wb.setValues("NCE Oktober", "A1", readCsvText(octoberCsv(), "nce.csv").table.rows);
  const pane = await renderPane(ctx, <ReconcileArea />, { wb });
  (pane as Pane & { ctx: typeof ctx }).ctx = ctx;
  await click(byTestId(pane.container, "read-active-sheet"));
  await until(() => expect(byTestId(pane.container, "mapping-needs").textContent).toMatch(/Nicht zugeordnet/));
  return pane;
}


/** The sheet row of a review row with these status and customer. */
function rowOf(wb: MemoryWorkbook, status: string, customer: string): number {
  const values = wb.values(SHEET);
  const at = values.findIndex((r) => r[0] === status && String(r[1]) === customer);
  if (at < 0) throw new Error(`no ${status} row of ${customer}`);
  return at + 1;
}

async function writeReview(pane: Pane): Promise<void> {
  await click(byTestId(pane.container, "write-review"));
  await until(() => expect(byTestId(pane.container, "step-notice").textContent).toMatch(/geschrieben/));
}

async function acknowledgeUnmapped(pane: Pane): Promise<void> {
  const box = byTestId(pane.container, "acknowledge-unmapped").querySelector("input")!;
  await click(box);
}

describe("Übernehmen with a confirmation", () => {
  it("writes the cancellation to 0 as überspringen and says so; the confirmation counts what the review changes", async () => {
    const pane = await openOctober();
    await writeReview(pane);
    const notice = byTestId(pane.container, "step-notice").textContent!;
    expect(notice).toContain("1 Kündigung auf Menge 0 steht auf „überspringen“");
    const cancel = rowOf(pane.wb, "Menge geändert", "10002");
    expect(pane.wb.values(SHEET)[cancel - 1]![13]).toBe("überspringen");
    expect(pane.wb.values(SHEET)[rowOf(pane.wb, "Menge geändert", "10001") - 1]![13]).toBe("übernehmen");

    await acknowledgeUnmapped(pane);
    await click(byTestId(pane.container, "apply-review"));
    await until(() => byTestId(pane.container, "apply-confirm"));
    const facts = byTestId(pane.container, "apply-confirm-facts").textContent!;
    expect(facts).toContain("Änderungen2");
    expect(facts).toContain("Neue Positionen1");
    expect(facts).toContain("Beendigungen (Menge 0)0");
    expect(pane.container.querySelector('[data-testid="apply-confirm-ends"]')).toBeNull();
    // Nothing is applied before the confirmation.
    const ctx = (pane as Pane & { ctx: Awaited<ReturnType<typeof testContext>> }).ctx;
    expect(await dbOf(ctx).contractVersions.where("source").equals("apply-00002").count()).toBe(0);
    // Announced and scrolled into view next to the button.
    expect(pane.announced.join(" ")).toContain("Übernehmen bestätigen");
    expect(pane.scrolled).toContain(byTestId(pane.container, "apply-confirm"));

    await click(byTestId(pane.container, "apply-confirm-yes"));
    await until(() => expect(byTestId(pane.container, "apply-result").textContent).toContain("apply-00002"));
    expect(await dbOf(ctx).contractVersions.where("source").equals("apply-00002").count()).toBe(2);
    expect(pane.scrolled).toContain(byTestId(pane.container, "apply-result"));
    pane.unmount();
  });

  it("a cancellation the clerk accepts is called out with a link that selects its row; Abbrechen applies nothing", async () => {
    const pane = await openOctober();
    await writeReview(pane);
    const cancel = rowOf(pane.wb, "Menge geändert", "10002");
    pane.wb.typeInto(SHEET, `N${cancel}`, "übernehmen");
    await acknowledgeUnmapped(pane);
    await click(byTestId(pane.container, "apply-review"));
    await until(() => byTestId(pane.container, "apply-confirm-ends"));
    const ends = byTestId(pane.container, "apply-confirm-ends");
    expect(ends.textContent).toMatch(/^1 Position wird beendet \(Menge 0\)/);
    const link = ends.querySelector<HTMLElement>('[data-testid="cell-link"]')!;
    expect(link.getAttribute("data-cell")).toBe(`${SHEET}!A${cancel}`);
    pane.wb.select("NCE Oktober", "A1");
    await click(link);
    await until(() => expect(pane.wb.selectedAddress).toBe(`${SHEET}!A${cancel}`));

    await click(byTestId(pane.container, "apply-confirm-cancel"));
    expect(pane.container.querySelector('[data-testid="apply-confirm"]')).toBeNull();
    const ctx = (pane as Pane & { ctx: Awaited<ReturnType<typeof testContext>> }).ctx;
    expect(await dbOf(ctx).contractVersions.where("source").equals("apply-00002").count()).toBe(0);

    await click(byTestId(pane.container, "apply-review"));
    await until(() => byTestId(pane.container, "apply-confirm-yes"));
    await click(byTestId(pane.container, "apply-confirm-yes"));
    await until(() => byTestId(pane.container, "apply-result"));
    const ended = await dbOf(ctx).contractVersions.where("source").equals("apply-00002").toArray();
    expect(ended.map((v) => [v.contractNo, v.quantity]).sort()).toEqual([["V-1001", "12"], ["V-2001", "0"], ["V-2001", "2"]]);
    pane.unmount();
  });

  it("Übernehmen again with nothing new: says so at once instead of asking; the applied batch keeps its Rückgängig", async () => {
    const pane = await openOctober();
    await writeReview(pane);
    await acknowledgeUnmapped(pane);
    await click(byTestId(pane.container, "apply-review"));
    await until(() => byTestId(pane.container, "apply-confirm-yes"));
    await click(byTestId(pane.container, "apply-confirm-yes"));
    await until(() => expect(byTestId(pane.container, "apply-result").textContent).toContain("apply-00002"));

    // A second click on Übernehmen: the dry run against the store finds nothing new, so no question.
    await click(byTestId(pane.container, "apply-review"));
    await until(() => expect(byTestId(pane.container, "step-apply").textContent).toContain("Nichts zu übernehmen: alle 2 angenommenen Zeilen sind bereits im Vertragsstand."));
    expect(pane.container.querySelector('[data-testid="apply-confirm"]')).toBeNull();
    expect(byTestId(pane.container, "apply-result").textContent).toContain("apply-00002");
    const ctx = (pane as Pane & { ctx: Awaited<ReturnType<typeof testContext>> }).ctx;
    expect(await dbOf(ctx).importBatches.count()).toBe(2);

    // The clerk now accepts the cancellation of 10002: the question counts only that row, and what is already stored.
    const cancel = rowOf(pane.wb, "Menge geändert", "10002");
    pane.wb.typeInto(SHEET, `N${cancel}`, "übernehmen");
    await click(byTestId(pane.container, "apply-review"));
    await until(() => byTestId(pane.container, "apply-confirm"));
    const facts = byTestId(pane.container, "apply-confirm-facts").textContent!;
    expect(facts).toContain("Änderungen1");
    expect(facts).toContain("Neue Positionen0");
    expect(facts).toContain("Beendigungen (Menge 0)1");
    expect(facts).toContain("Bereits im Vertragsstand2");
    await click(byTestId(pane.container, "apply-confirm-cancel"));

    await click(byTestId(pane.container, "undo-apply"));
    await until(() => expect(pane.container.querySelector('[data-testid="apply-result"]')).toBeNull());
    expect(await dbOf(ctx).contractVersions.where("source").equals("apply-00002").count()).toBe(0);
    pane.unmount();
  });

  it("the same review applied meanwhile (another window, a colleague): confirming then stores nothing and says so", async () => {
    const pane = await openOctober();
    await writeReview(pane);
    await acknowledgeUnmapped(pane);
    await click(byTestId(pane.container, "apply-review"));
    await until(() => byTestId(pane.container, "apply-confirm-yes"));
    const ctx = (pane as Pane & { ctx: Awaited<ReturnType<typeof testContext>> }).ctx;
    const read = await pane.gw.readTableByHeaders(SHEET);
    if (!read.ok) throw new Error("review not read");
    const { decisions } = readReviewTable(read.value.table);
    expect(decisions.length).toBeGreaterThan(0);
    const meanwhile = await applyReview(ctx, decisions, { name: SHEET, sha256: "x" });
    expect(meanwhile.ok && meanwhile.value.batchId).toBe("apply-00002");
    await click(byTestId(pane.container, "apply-confirm-yes"));
    await until(() => expect(byTestId(pane.container, "step-apply").textContent).toContain("Nichts zu übernehmen"));
    expect(await dbOf(ctx).importBatches.count()).toBe(2);
    pane.unmount();
  });

  it("warns about rows typed below the review table, with a link to the first cell", async () => {
    const pane = await openOctober();
    await writeReview(pane);
    const last = pane.wb.values(SHEET).length;
    pane.wb.typeInto(SHEET, `B${last + 2}`, "10009");
    await acknowledgeUnmapped(pane);
    await click(byTestId(pane.container, "apply-review"));
    await until(() => byTestId(pane.container, "apply-confirm"));
    const issues = byTestId(pane.container, "issues");
    expect(issues.textContent).toContain(`Blatt „${SHEET}“ hat 1 Zeile unter der Tabelle, aber außerhalb davon (ab Zeile ${last + 2})`);
    expect(issues.querySelector('[data-testid="cell-link"]')!.getAttribute("data-cell")).toBe(`${SHEET}!B${last + 2}`);
    pane.unmount();
  });

  it("a bad cell is named with a link that selects it; nothing is applied", async () => {
    const pane = await openOctober();
    await writeReview(pane);
    const row = rowOf(pane.wb, "Menge geändert", "10001");
    pane.wb.typeInto(SHEET, `K${row}`, "31.02.2026");
    await acknowledgeUnmapped(pane);
    await click(byTestId(pane.container, "apply-review"));
    await until(() => byTestId(pane.container, "issues"));
    const link = byTestId(pane.container, "issues").querySelector<HTMLElement>('[data-testid="cell-link"]')!;
    expect(link.textContent).toBe(`${SHEET}!K${row}`);
    expect(pane.container.querySelector('[data-testid="apply-confirm"]')).toBeNull();
    await click(link);
    await until(() => expect(pane.wb.selectedAddress).toBe(`${SHEET}!K${row}`));
    expect(pane.announced.some((a) => a.includes(`${SHEET}!K${row}`))).toBe(true);
    pane.unmount();
  });
});

describe("one primary button per stage", () => {
  it("moves from reading to mapping to the review to Übernehmen", async () => {
    const base = { outcome: null, mapping: null, mappingSaved: null, reviewSheet: null, applied: null, unmapped: 0 };
    const outcome = { rows: [] } as never;
    expect(nextStep(base)).toBe("source");
    expect(nextStep({ ...base, outcome, unmapped: 2 })).toBe("writeMapping");
    expect(nextStep({ ...base, outcome, unmapped: 2, mapping: { sheet: "Zuordnung", customers: 1, articles: 1, prefilled: 0 } })).toBe("saveMapping");
    expect(nextStep({ ...base, outcome })).toBe("review");
    expect(nextStep({ ...base, outcome, reviewSheet: SHEET })).toBe("apply");
    expect(nextStep({ ...base, reviewSheet: SHEET })).toBe("apply");
    expect(nextStep({ ...base, outcome, reviewSheet: SHEET, applied: { batchId: "apply-00002" } as never })).toBeNull();
  });

});
