/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Issue 20: a row typed under a sheet's table after an empty row is outside the table, and a
 * read-back by header names would silently miss it. The master-data sync warns, naming the cell.
 */
import { importMandates } from "../../../src/app/mandates";
import { loadLinks } from "../../../src/app/purchase";
import { mandatesSheetName, applyMandatesSheet, writeMandatesSheet } from "../../../src/taskpane/billing/mandates-sheet";
import { MasterDataArea } from "../../../src/taskpane/components/masterData/MasterDataArea";
import { PurchaseArea } from "../../../src/taskpane/components/purchase/PurchaseArea";
import { formatIssue } from "../../../src/core/messages";
import { linksEditSheetName } from "../../../src/taskpane/purchase/links-edit-sheet";
import { MANDATES_CSV } from "../../app/sepa/sepa-fixtures";
import { memoryGateway, unwrap } from "../../excel/fixtures";
import { seedDomains } from "../../scenarios/purchase/domain-scenario";
import { dbOf } from "../../support/db-view";
import { testContext, textFile } from "../../support/fixtures";
import { seedStore } from "../../support/reconcile-scenario";
import { buttonNamed, byTestId, click, renderPane, until } from "./pane-harness";
import { paneWithPriceProposal } from "./price-proposal";

/** The German name, as these tests write and read German sheets. */
const LINKS_EDIT_SHEET = linksEditSheetName("de");

/** The German name, as these tests write and read German sheets. */
const MANDATES_SHEET = mandatesSheetName("de");

const belowText = (sheet: string, count: number, row: number) =>
  `Blatt „${sheet}“ hat ${count} ${count === 1 ? "Zeile" : "Zeilen"} unter der Tabelle, aber außerhalb davon (ab Zeile ${row})`;

describe("rows typed below a table before a read-back", () => {
  it("syncing the Verträge sheet warns about the row outside the table, with a link to it", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const pane = await renderPane(ctx, <MasterDataArea onBackup={() => undefined} />);
    await click(byTestId(pane.container, "master-sheets"));
    await until(() => expect(pane.wb.sheetNames()).toContain("Verträge"));
    const last = pane.wb.values("Verträge").length;
    pane.wb.typeInto("Verträge", `A${last + 2}`, "10003");
    await click(buttonNamed(pane.container, /Verträge/));
    await until(() => expect(byTestId(pane.container, "issues").textContent).toContain(`Blatt „Verträge“ hat 1 Zeile unter der Tabelle, aber außerhalb davon (ab Zeile ${last + 2})`));
    expect(byTestId(pane.container, "issues").querySelector('[data-testid="cell-link"]')!.getAttribute("data-cell")).toBe(`Verträge!A${last + 2}`);
    pane.unmount();
  });

  it("reading the links sheet back (Verknüpfungen bearbeiten) warns about a link typed below the table, and does not link it", async () => {
    const ctx = await testContext();
    await seedDomains(ctx);
    const pane = await renderPane(ctx, <PurchaseArea />);
    await click(byTestId(pane.container, "links-edit-write"));
    await until(() => expect(pane.wb.sheetNames()).toContain(LINKS_EDIT_SHEET));
    const last = pane.wb.values(LINKS_EDIT_SHEET).length;
    const before = (await ctx.store.read(loadLinks)).map((l) => l.id).sort();
    // The uncovered V-3004 typed under the table after an empty row: outside the table.
    for (const [col, v] of [["A", "EK-100"], ["B", "1"], ["C", "V-3004"], ["D", "1"], ["E", "link"]]) pane.wb.typeInto(LINKS_EDIT_SHEET, `${col}${last + 2}`, v!);
    await click(byTestId(pane.container, "links-edit-apply"));
    await until(() => expect(byTestId(pane.container, "purchase-issues").textContent).toContain(belowText(LINKS_EDIT_SHEET, 1, last + 2)));
    expect(byTestId(pane.container, "purchase-issues").querySelector('[data-testid="cell-link"]')!.getAttribute("data-cell")).toBe(`${LINKS_EDIT_SHEET}!A${last + 2}`);
    // Next to the button that read the sheet, and the row below was not read.
    expect(byTestId(pane.container, "purchase-issues").closest('[data-testid="section-links-edit"]')).not.toBeNull();
    expect((await ctx.store.read(loadLinks)).map((l) => l.id).sort()).toEqual(before);
    pane.unmount();
  });

  it("applying a price proposal warns about a row typed below its sheet; only the table's rows are applied", async () => {
    const ctx = await testContext();
    const pane = await paneWithPriceProposal(ctx);
    const sheet = pane.wb.sheetNames().find((n) => n.startsWith("Preisaktualisierung"))!;
    const rows = pane.wb.values(sheet);
    const last = rows.length;
    pane.wb.typeInto(sheet, `A${last + 2}`, String(rows[1]![0]));
    await click(byTestId(pane.container, "price-apply"));
    await until(() => expect(byTestId(pane.container, "price-issues").textContent).toContain(belowText(sheet, 1, last + 2)));
    expect(byTestId(pane.container, "price-issues").querySelector('[data-testid="cell-link"]')!.getAttribute("data-cell")).toBe(`${sheet}!A${last + 2}`);
    // The table's three rows were applied (the warning comes with the result, as for the other sheets).
    expect(byTestId(pane.container, "price-result").textContent).toMatch(/Neue Verkaufsversionen\s*3/);
    pane.unmount();
  });

  it("reading the mandates sheet back warns about a mandate typed below the table and stores only the table's rows", async () => {
    const ctx = await testContext();
    const m = await importMandates(ctx, textFile("mandates.csv", MANDATES_CSV));
    if (!m.ok) throw new Error(JSON.stringify(m.issues));
    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap((await writeMandatesSheet(ctx, gw, {}, "de")).written);
    const last = wb.values(MANDATES_SHEET).length;
    const before = (await dbOf(ctx).mandates.toArray()).length;
    wb.typeInto(MANDATES_SHEET, `A${last + 2}`, "K9");
    const r = await applyMandatesSheet(ctx, gw);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toMatchObject({ batchId: null, unchanged: before });
    expect(r.value.warnings.map((i) => [i.code, i.where?.cell, formatIssue(i, "de")])).toEqual([
      ["excel.rows_below_table", `${MANDATES_SHEET}!A${last + 2}`, expect.stringContaining(belowText(MANDATES_SHEET, 1, last + 2))],
    ]);
    expect((await dbOf(ctx).mandates.toArray()).length).toBe(before);
    // A bad cell inside the table: the error and the warning together, nothing stored.
    wb.typeInto(MANDATES_SHEET, "C2", "gestern");
    const bad = await applyMandatesSheet(ctx, gw);
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual([expect.stringMatching(/date/), "excel.rows_below_table"]);
  });
});
