/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Zeiten/Zähler → Zähler prüfen in the rendered pane: the button writes "Zähler YYYY-MM" for the month
 * before today's (the run bills open earlier months too, so they are on the sheet), the notice sums
 * it up next to the button; with no click contract it says what to do first and writes no sheet.
 */
import { importMeters } from "../../../src/app/meters";
import { UsageArea } from "../../../src/taskpane/components/usage/UsageArea";
import { testContext, textFile } from "../../support/fixtures";
import { METERS_CSV, timeWorkspace } from "../../app/time-fixtures";
import { byTestId, click, renderPane, until } from "./pane-harness";

describe("the meter review in the pane", () => {
  it("writes Zähler 2026-10 (today 2026-11-23) with the open months since June and the run's amounts", async () => {
    const ctx = await timeWorkspace();
    const r = await importMeters(ctx, textFile("zaehler.csv", `${METERS_CSV}\nD1,10003,K-300,2026-10-31,12000,2300`));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const pane = await renderPane(ctx, <UsageArea />);
    await click(byTestId(pane.container, "meter-review-write"));
    await until(() => expect(byTestId(pane.container, "meter-review-notice").textContent).toContain("Zähler 2026-10"));
    // June 15.84; July to September: no reading, the minimum fee 25.00 each; October 1.60 + 23.40
    expect(byTestId(pane.container, "meter-review-notice").textContent).toMatch(/^Zähler 2026-10: 1 Klickvertrag, 3 ohne Ablesung, 0 mit Problemen; Betrag 115,84/);
    const grid = pane.wb.values("Zähler 2026-10");
    expect(grid.map((row) => [row[0], row[1], row[5], row[20]])).toEqual([
      ["Status", "Monat", "Gerät", "Nettobetrag"],
      ["Berechnet", "2026-06", "D1", 2.72],
      ["Mindestbetrag", "2026-06", "", 13.12],
      ["Keine Ablesung", "2026-07", "D1", 0],
      ["Mindestbetrag", "2026-07", "", 25],
      ["Keine Ablesung", "2026-08", "D1", 0],
      ["Mindestbetrag", "2026-08", "", 25],
      ["Keine Ablesung", "2026-09", "D1", 0],
      ["Mindestbetrag", "2026-09", "", 25],
      ["Berechnet", "2026-10", "D1", 1.6],
      ["Mindestbetrag", "2026-10", "", 23.4],
    ]);
    expect(byTestId(pane.container, "meter-review-notice").closest('[data-testid="section-meter-review"]')).not.toBeNull();
    pane.unmount();
  });

  it("without a click contract: a sentence, no sheet", async () => {
    const pane = await renderPane(await testContext(), <UsageArea />, { language: "en" });
    await click(byTestId(pane.container, "meter-review-write"));
    await until(() => expect(byTestId(pane.container, "meter-review-notice").textContent).toBe("Nothing to review for October 2026: no click contract with an open month; no sheet written. Click rules come from the rules file (above)."));
    expect(pane.wb.sheetNames()).toEqual(["Tabelle1"]);
    pane.unmount();
  });
});
