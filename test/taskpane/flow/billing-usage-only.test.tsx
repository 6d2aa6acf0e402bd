/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Abrechnung for a month with nothing to invoice but time and click months to record (covered by the
 * included hour and pages): the preview says what a run would record instead of "nothing due" and
 * offers *Abrechnen* with its confirmation; the run records them without an invoice, says what it
 * recorded and is listed, as the CLI's `bill` does.
 */
import { listRuns } from "../../../src/app/billing-runs";
import { BillingArea } from "../../../src/taskpane/components/billing/BillingArea";
import { stringsFor, type Language } from "../../../src/taskpane/i18n";
import { usageOnlyMonth } from "../../app/time-fixtures";
import { typeInto } from "../support/render-pane";
import { primaryButtons } from "./primary-probe";
import { byTestId, click, renderPane, until, type Pane } from "./pane-harness";

jest.mock("../../../src/taskpane/billing/einvoice-fonts", () => ({ paneFonts: () => Promise.reject(new Error("no fonts in this test")) }));

const query = (pane: Pane, id: string) => pane.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const text = (pane: Pane, id: string) => query(pane, id)?.textContent ?? "";

const WORDS: Record<Language, { preview: string; confirm: string; ran: string }> = {
  de: {
    preview: "Keine Rechnung fällig für Juni 2026; 2 Zeiteinträge und 1 Zählermonat werden als abgegolten erfasst (durch Inklusivstunden, Kontingent oder Inklusivseiten gedeckt).",
    confirm: "Für Juni 2026 einen Lauf ohne Rechnung anlegen, der 2 Zeiteinträge und 1 Zählermonat als abgegolten erfasst?",
    ran: "Lauf run-00002 gebucht, ohne Rechnung: 2 Zeiteinträge und 1 Zählermonat als abgegolten erfasst.",
  },
  en: {
    preview: "No invoice is due for June 2026; 2 time entries and 1 click month are recorded as settled (covered by included hours, a contingent or included pages).",
    confirm: "Store a run without an invoice for June 2026 that records 2 time entries and 1 click month as settled?",
    ran: "Run run-00002 booked, without an invoice: 2 time entries and 1 click month recorded as settled.",
  },
};

describe.each<Language>(["de", "en"])("a %s pane", (language) => {
  const b = stringsFor(language).billing;
  const w = WORDS[language];

  it("previews a month that only records usage, offers the run and records it without an invoice", async () => {
    const ctx = await usageOnlyMonth();
    const pane = await renderPane(ctx, <BillingArea active />, { language });
    await until(() => expect((byTestId(pane.container, "billing-month") as HTMLInputElement).value).not.toBe(""));
    await typeInto(byTestId(pane.container, "billing-month"), "2026-06");
    await click(byTestId(pane.container, "billing-preview"));
    await until(() => expect(text(pane, "step-notice")).toContain(w.preview));
    expect(text(pane, "step-notice")).not.toContain(b.nothingDue("2026-06"));
    expect(query(pane, "billing-preview-result")).toBeNull();
    const run = byTestId(pane.container, "billing-run") as HTMLButtonElement;
    expect(run.disabled).toBe(false);
    // the one primary button is the run's
    expect(await primaryButtons(pane.container)).toEqual([b.run]);

    await click(run);
    await until(() => expect(text(pane, "billing-confirm")).toContain(w.confirm));
    expect((await listRuns(ctx)).map((r) => r.id)).toEqual(["run-00001"]);
    await click(byTestId(pane.container, "billing-confirm-yes"));
    await until(() => expect(text(pane, "step-notice")).toContain(w.ran));
    expect((await listRuns(ctx)).map((r) => [r.id, r.month, r.invoiceRefs.length])).toEqual([["run-00001", "2026-06", 1], ["run-00002", "2026-06", 0]]);
    const entries = await ctx.store.read((tx) => tx.timeEntries.all());
    expect(entries.map((e) => e.billing?.runId)).toEqual(["run-00002", "run-00002"]);
    // listed like any run: the latest, with no invoice
    await until(() => expect(text(pane, "latest-run")).toContain("run-00002"));
    expect((byTestId(pane.container, "billing-run") as HTMLButtonElement).disabled).toBe(true);
    // nothing to export: the next step is a preview again
    expect(await primaryButtons(pane.container)).toEqual([b.preview]);

    // the month again: now nothing is due
    await click(byTestId(pane.container, "billing-preview"));
    await until(() => expect(text(pane, "step-notice")).toContain(b.nothingDue("2026-06")));
    expect((byTestId(pane.container, "billing-run") as HTMLButtonElement).disabled).toBe(true);
    pane.unmount();
  });
});
