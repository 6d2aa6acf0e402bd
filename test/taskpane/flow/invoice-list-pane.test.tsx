/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Abrechnung → Rechnungsliste in the rendered pane: a run billed, issued and one invoice cancelled
 * with a reason through the lifecycle step (dated today, 2026-11-23), then the button writes
 * "Rechnungsliste" for this year with the cancellation both ways; the notice names sheet, count and gross sum.
 * No invoice in the period: a sentence, no sheet; a date that is none: an issue, nothing read.
 */
import { runBilling } from "../../../src/app/bill";
import { importMaster } from "../../../src/app/import-master";
import { toExcelSerial, type IsoDate } from "../../../src/core/date/iso-date";
import { BillingArea } from "../../../src/taskpane/components/billing/BillingArea";
import { dbOf } from "../../support/db-view";
import { testContext, textFile } from "../../support/fixtures";
import { TWO_CUSTOMERS_ARTICLES as ARTICLES, TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "../../support/two-customers";
import { choose, typeInto } from "../support/render-pane";
import { byTestId, click, renderPane, until } from "./pane-harness";

jest.mock("../../../src/taskpane/billing/einvoice-fonts", () => ({ paneFonts: () => Promise.reject(new Error("no fonts in this test")) }));

/** Text with the no-break spaces of currency formatting as plain spaces. */
const plain = (t: string | null | undefined) => (t ?? "").replace(/\u00a0|\u202f/g, " ");

async function billed() {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
  const r = await runBilling(ctx, { month: "2026-01" as never, invoiceDate: "2026-01-02" as never });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return ctx;
}

describe("the invoice list in the pane", () => {
  it("bill, Festschreiben, Stornieren with a reason, then Rechnungsliste schreiben: every invoice of the year with its cancellation", async () => {
    const ctx = await billed();
    const pane = await renderPane(ctx, <BillingArea active />);
    expect((byTestId(pane.container, "invoice-list-from") as HTMLInputElement).value).toBe("01.01.2026");
    expect((byTestId(pane.container, "invoice-list-to") as HTMLInputElement).value).toBe("31.12.2026");

    await until(() => expect((byTestId(pane.container, "lifecycle-finalize") as HTMLButtonElement).disabled).toBe(false));
    await click(byTestId(pane.container, "lifecycle-finalize"));
    await click(byTestId(pane.container, "lifecycle-finalize-yes"));
    await until(() => expect(byTestId(pane.container, "lifecycle-state").textContent).toContain("festgeschrieben am"));
    await until(() => expect(pane.container.querySelector('[data-testid="lifecycle-cancel-invoice"]')).not.toBeNull());
    await choose(byTestId(pane.container, "lifecycle-cancel-invoice"), "RE-000002");
    await typeInto(byTestId(pane.container, "lifecycle-cancel-reason"), "doppelt berechnet");
    await click(byTestId(pane.container, "lifecycle-cancel"));
    await click(byTestId(pane.container, "lifecycle-cancel-yes"));
    await until(() => expect(plain(pane.container.textContent)).toContain("RE-000002 storniert: Stornorechnung RE-000003"));
    expect((await dbOf(ctx).invoices.get("RE-000002"))!.cancelledBy).toBe("RE-000003");

    await click(byTestId(pane.container, "invoice-list-write"));
    await until(() => expect(byTestId(pane.container, "invoice-list-notice").textContent).toContain("Rechnungsliste"));
    const grid = pane.wb.values("Rechnungsliste");
    expect(grid[0]).toEqual(["Rechnungsnummer", "Datum", "Kundennummer", "Kunde", "Art", "Status", "Netto", "USt", "Brutto", "storniert durch", "storniert Rechnung", "Grund", "Lauf"]);
    expect(grid.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[8], r[9], r[10], r[11]])).toEqual([
      ["RE-000001", "Müller GmbH", "Rechnung", "festgeschrieben", 245.14, "", "", ""],
      ["RE-000002", "Schmidt KG", "Rechnung", "festgeschrieben", 73.54, "RE-000003", "", ""],
      ["RE-000003", "Schmidt KG", "Stornorechnung", "festgeschrieben", -73.54, "", "RE-000002", "doppelt berechnet"],
    ]);
    // Dates as dates: the invoice's and the Stornorechnung's (today's).
    expect([grid[1]![1], grid[3]![1]]).toEqual([toExcelSerial("2026-01-02" as IsoDate), toExcelSerial("2026-11-23" as IsoDate)]);
    expect(plain(byTestId(pane.container, "invoice-list-notice").textContent)).toBe(`Rechnungsliste: 3 Rechnungen, zusammen 245,14 € brutto.`);
    expect(byTestId(pane.container, "invoice-list-notice").closest('[data-testid="section-invoice-list"]')).not.toBeNull();
    pane.unmount();
  });

  it("no invoice in the period: a sentence next to the button, no sheet; a date that is none: an issue", async () => {
    const ctx = await billed();
    const pane = await renderPane(ctx, <BillingArea active />, { language: "en" });
    await typeInto(byTestId(pane.container, "invoice-list-from"), "2026-12-01");
    await click(byTestId(pane.container, "invoice-list-write"));
    await until(() => expect(byTestId(pane.container, "invoice-list-notice").textContent).toBe("No invoices from 2026-12-01 to 2026-12-31; no sheet written."));
    expect(pane.wb.sheetNames()).not.toContain("Invoice list");

    await typeInto(byTestId(pane.container, "invoice-list-to"), "31.13.2026");
    await click(byTestId(pane.container, "invoice-list-write"));
    await until(() => expect(byTestId(pane.container, "invoice-list-issues").textContent).toContain("31.13.2026"));
    expect(pane.container.querySelector('[data-testid="invoice-list-notice"]')).toBeNull();

    // Open ends: both fields emptied list every invoice.
    await typeInto(byTestId(pane.container, "invoice-list-from"), "");
    await typeInto(byTestId(pane.container, "invoice-list-to"), "");
    await click(byTestId(pane.container, "invoice-list-write"));
    await until(() => expect(byTestId(pane.container, "invoice-list-notice").textContent).toMatch(/^Invoice list: 2 invoices, /));
    expect(pane.wb.values("Invoice list").map((r) => [r[0], r[4], r[5]])).toEqual([["Invoice no.", "Type", "Status"], ["RE-000001", "Invoice", "Draft"], ["RE-000002", "Invoice", "Draft"]]);
    pane.unmount();
  });
});
