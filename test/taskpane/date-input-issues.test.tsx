/**
 * @jest-environment ./test/support/jsdom-environment.js
 */
/**
 * A month or day the pane cannot read is named with the format its fields take: MM.JJJJ and
 * TT.MM.JJJJ in German (not the ISO form), and an empty field says that nothing was entered.
 */
import { BillingArea } from "../../src/taskpane/components/billing/BillingArea";
import { testContext } from "../support/fixtures";
import { byTestId, click, queryTestId, renderPane, typeInto, waitFor } from "./support/render-pane";

// The pane imports its fonts as webpack assets (URLs); jest cannot load a .ttf, and no e-invoice is made here.
jest.mock("../../src/taskpane/billing/einvoice-fonts", () => ({ paneFonts: () => Promise.reject(new Error("no fonts in this test")) }));

const issueText = (root: HTMLElement) => byTestId(root, "step-bill-preview").querySelector('[data-testid="issues"]')?.textContent ?? "";

describe("Abrechnung, Vorschau: month and invoice date the clerk typed", () => {
  it("an empty invoice date says so, in the format of the field", async () => {
    const pane = await renderPane(<BillingArea active />, await testContext());
    const c = pane.container;
    await waitFor(() => queryTestId(c, "invoice-date"), "the invoice date field");
    await typeInto(byTestId(c, "invoice-date"), "");
    await click(byTestId(c, "billing-preview"));
    await waitFor(() => issueText(c) !== "", "the issue");
    expect(issueText(c)).toContain("Kein Datum eingegeben: TT.MM.JJJJ eingeben, z. B. 02.11.2026.");
    expect(issueText(c)).not.toContain("JJJJ-MM-TT");

    await typeInto(byTestId(c, "invoice-date"), "02.11.2026");
    await typeInto(byTestId(c, "billing-month"), "13.2026");
    await click(byTestId(c, "billing-preview"));
    await waitFor(() => issueText(c).includes("13.2026"), "the month issue");
    expect(issueText(c)).toContain("„13.2026“ ist kein Monat: MM.JJJJ eingeben, z. B. 10.2026.");
    pane.unmount();
  });

  it("English keeps the ISO forms", async () => {
    const pane = await renderPane(<BillingArea active />, await testContext(), "en");
    const c = pane.container;
    await waitFor(() => queryTestId(c, "invoice-date"), "the invoice date field");
    await typeInto(byTestId(c, "invoice-date"), "");
    await click(byTestId(c, "billing-preview"));
    await waitFor(() => issueText(c) !== "", "the issue");
    expect(issueText(c)).toContain("No date entered: enter YYYY-MM-DD, e.g. 2026-11-02.");
    pane.unmount();
  });
});
