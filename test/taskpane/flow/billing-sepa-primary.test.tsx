/**
 * @jest-environment ./test/support/jsdom-environment.js
 */
/**
 * Abrechnung keeps one primary button when SEPA is set up: the direct debit export is secondary
 * until the clerk types a collection date of their own; then it is the only primary button.
 */
import { setSepaSettings } from "../../../src/app/sepa-settings";
import { BillingArea } from "../../../src/taskpane/components/billing/BillingArea";
import { sepaStrings } from "../../../src/taskpane/billing/sepa-strings";
import { stringsFor } from "../../../src/taskpane/i18n";
import { testContext } from "../../support/fixtures";
import { SEPA_JSON, addRun, storedInvoice } from "../../app/sepa/sepa-fixtures";
import { typeInto } from "../support/render-pane";
import { byTestId, renderPane, until } from "./pane-harness";
import { expectPrimary } from "./primary-probe";

jest.mock("../../../src/taskpane/billing/einvoice-fonts", () => ({ paneFonts: () => Promise.reject(new Error("no fonts in this test")) }));

describe("Abrechnung with SEPA set up", () => {
  it("has one primary button: the preview, or the SEPA export once a collection date is typed", async () => {
    const ctx = await testContext();
    expect((await setSepaSettings(ctx, SEPA_JSON)).ok).toBe(true);
    await addRun(ctx, "run-00001", [storedInvoice("run-00001", 0, "RE-000001", "K1", "119.00")]);
    const pane = await renderPane(ctx, <BillingArea active />);
    const b = stringsFor("de").billing;
    const sepa = byTestId(pane.container, "sepa-export") as HTMLButtonElement;
    await until(() => expect(sepa.disabled).toBe(false));
    await expectPrimary(pane.container, [b.preview]);

    await typeInto(byTestId(pane.container, "sepa-collection-date"), "08.12.2026");
    await expectPrimary(pane.container, [sepaStrings.de.exportButton]);
    pane.unmount();
  });
});
