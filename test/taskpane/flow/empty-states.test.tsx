/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Issue 20: with nothing to show, the pane says what to do first instead of writing an empty sheet
 * (billing without contracts, master data, time review, hour balances, purchase links).
 */
import { BillingArea } from "../../../src/taskpane/components/billing/BillingArea";
import { MasterDataArea } from "../../../src/taskpane/components/masterData/MasterDataArea";
import { PurchaseArea } from "../../../src/taskpane/components/purchase/PurchaseArea";
import { UsageArea } from "../../../src/taskpane/components/usage/UsageArea";
import { testContext } from "../../support/fixtures";
import { byTestId, click, renderPane, until } from "./pane-harness";

// The pane imports its fonts as webpack assets (URLs); jest cannot load a .ttf, and no e-invoice is made here.
jest.mock("../../../src/taskpane/billing/einvoice-fonts", () => ({ paneFonts: () => Promise.reject(new Error("no fonts in this test")) }));

const sheetsBefore = ["Tabelle1"];

describe("empty states", () => {
  it("billing without contracts says to import contracts first and writes no sheet", async () => {
    const pane = await renderPane(await testContext(), <BillingArea active />);
    await until(() => expect((byTestId(pane.container, "billing-preview") as HTMLButtonElement).disabled).toBe(false));
    await click(byTestId(pane.container, "billing-preview"));
    await until(() => expect(byTestId(pane.container, "step-notice").textContent).toContain("Noch keine Verträge gespeichert"));
    expect(pane.wb.sheetNames()).toEqual(sheetsBefore);
    pane.unmount();
  });

  it("master data, time review, balances and the links report: a sentence, no empty sheet", async () => {
    const ctx = await testContext();
    const master = await renderPane(ctx, <MasterDataArea onBackup={() => undefined} />);
    await click(byTestId(master.container, "master-sheets"));
    await until(() => expect(byTestId(master.container, "step-notice").textContent).toContain("Noch keine Stammdaten gespeichert"));
    expect(master.wb.sheetNames()).toEqual(sheetsBefore);
    master.unmount();

    const usage = await renderPane(ctx, <UsageArea />, { language: "en" });
    await click(byTestId(usage.container, "time-review-write"));
    await until(() => expect(byTestId(usage.container, "time-review-notice").textContent).toMatch(/^No open time entries for \w+ \d{4}; no sheet written/));
    await click(byTestId(usage.container, "balance-write"));
    await until(() => expect(byTestId(usage.container, "usage-notice").textContent).toContain("No contract has an hour contingent"));
    // Next to its button: inside the section of the button, scrolled into view.
    expect(byTestId(usage.container, "usage-notice").closest('[data-testid="section-balance"]')).not.toBeNull();
    expect(usage.scrolled.some((el) => el.contains(byTestId(usage.container, "usage-notice")))).toBe(true);
    expect(usage.wb.sheetNames()).toEqual(sheetsBefore);
    usage.unmount();

    const purchase = await renderPane(ctx, <PurchaseArea />);
    await click(byTestId(purchase.container, "links-report"));
    await until(() => expect(byTestId(purchase.container, "purchase-notice").textContent).toContain("Noch keine Einkaufsverknüpfungen"));
    expect(byTestId(purchase.container, "purchase-notice").closest('[data-testid="section-links-report"]')).not.toBeNull();
    expect(purchase.wb.sheetNames()).toEqual(sheetsBefore);
    purchase.unmount();
  });
});
