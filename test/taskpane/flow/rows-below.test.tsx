/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Issue 20: a row typed under a sheet's table after an empty row is outside the table, and a
 * read-back by header names would silently miss it. The master-data sync warns, naming the cell.
 */
import { MasterDataArea } from "../../../src/taskpane/components/masterData/MasterDataArea";
import { testContext } from "../../support/fixtures";
import { seedStore } from "../../support/reconcile-scenario";
import { buttonNamed, byTestId, click, renderPane, until } from "./pane-harness";

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
});
