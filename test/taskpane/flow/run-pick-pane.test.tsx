/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * The Abrechnung area's one run picker *Lauf* (step 3, two runs or more): the chosen run drives step
 * 3's facts and downloads, the Festschreiben und Storno step and SEPA; undo stays with the latest run.
 * A new bill or an undo of the latest makes the (new) latest the choice again; a cancellation keeps it.
 */
import { runBilling } from "../../../src/app/bill";
import { listRuns } from "../../../src/app/billing-runs";
import type { AppContext } from "../../../src/app/context";
import { importMaster } from "../../../src/app/import-master";
import { finalizeRun } from "../../../src/app/issue-run";
import { importMandates } from "../../../src/app/mandates";
import { setSepaSettings } from "../../../src/app/sepa-settings";
import { BillingArea } from "../../../src/taskpane/components/billing/BillingArea";
import { dbOf } from "../../support/db-view";
import { testContext, textFile } from "../../support/fixtures";
import { TWO_CUSTOMERS_ARTICLES as ARTICLES, TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "../../support/two-customers";
import { MANDATES_CSV, SEPA_JSON, addRun, storedInvoice } from "../../app/sepa/sepa-fixtures";
import { choose, typeInto } from "../support/render-pane";
import { byTestId, click, renderPane, until, type Pane } from "./pane-harness";

jest.mock("../../../src/taskpane/billing/einvoice-fonts", () => ({ paneFonts: () => Promise.reject(new Error("no fonts in this test")) }));
/** While `wait` is set, the pane's Festschreiben waits for it before it runs (a task that takes its time). */
const mockFinalizeGate: { wait: Promise<void> | null } = { wait: null };
jest.mock("../../../src/taskpane/billing/lifecycle", () => {
  const actual = jest.requireActual<typeof import("../../../src/taskpane/billing/lifecycle")>("../../../src/taskpane/billing/lifecycle");
  return { ...actual, finalizeForPane: async (...args: Parameters<typeof actual.finalizeForPane>) => (await mockFinalizeGate.wait, actual.finalizeForPane(...args)) };
});

/** Text with the no-break spaces of currency formatting as plain spaces. */
const plain = (t: string | null | undefined) => (t ?? "").replace(/\u00a0|\u202f/g, " ");
const query = (pane: Pane, id: string) => pane.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const picker = (pane: Pane) => byTestId(pane.container, "billing-run-pick") as HTMLSelectElement;

/** January and February billed (issued when told); their run ids. */
async function twoMonths(issue: boolean): Promise<{ ctx: AppContext; january: string; february: string }> {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
  const ids: string[] = [];
  for (const [month, invoiceDate] of [["2026-01", "2026-01-02"], ["2026-02", "2026-02-02"]]) {
    const r = await runBilling(ctx, { month: month as never, invoiceDate: invoiceDate as never });
    if (!r.ok || !r.value.runId) throw new Error(JSON.stringify(r));
    if (issue) expect((await finalizeRun(ctx, r.value.runId)).ok).toBe(true);
    ids.push(r.value.runId);
  }
  return { ctx, january: ids[0]!, february: ids[1]! };
}

/** Waits until the pane's task is done (the export button is enabled again). */
const settled = (pane: Pane) => until(() => expect(query(pane, "task-progress") === null && !(byTestId(pane.container, "billing-export") as HTMLButtonElement).disabled).toBe(true));

describe("the Abrechnung area's run picker", () => {
  it("January picked: its facts, its CSV, a cancellation in the lifecycle step, no undo; billing March makes March the choice", async () => {
    const { ctx, january, february } = await twoMonths(true);
    const pane = await renderPane(ctx, <BillingArea active />);
    await until(() => expect(picker(pane).value).toBe(february));
    expect([...picker(pane).options].map((o) => o.textContent)).toEqual([
      `Februar 2026 – festgeschrieben – ${february} – Rechnungsdatum 02.02.2026`,
      `Januar 2026 – festgeschrieben – ${january} – Rechnungsdatum 02.01.2026`,
    ]);
    expect(byTestId(pane.container, "latest-run").textContent).toContain(`Letzter Lauf${february}`);
    await until(() => expect(byTestId(pane.container, "lifecycle-state").textContent).toContain(`Letzter Lauf${february}`));
    expect(query(pane, "billing-undo")).not.toBeNull();

    await choose(picker(pane), january);
    await until(() => expect(byTestId(pane.container, "latest-run").textContent).toContain("Rechnungen2"));
    const facts = plain(byTestId(pane.container, "latest-run").textContent);
    expect(facts).toContain(`Lauf${january}`);
    expect(facts).not.toContain("Letzter Lauf");
    expect(facts).toContain("AbrechnungsmonatJanuar 2026");
    expect(facts).toContain("Rechnungsdatum02.01.2026");
    expect(facts).toContain("Netto267,80 €");
    await until(() => expect(byTestId(pane.container, "lifecycle-state").textContent).toContain(`Lauf${january}`));
    expect(byTestId(pane.container, "lifecycle-state").textContent).not.toContain("Letzter Lauf");

    // January's file again (German CSV, the language's default), issued: no question.
    await click(byTestId(pane.container, "billing-export"));
    await settled(pane);
    expect(query(pane, "billing-export-confirm")).toBeNull();
    expect(pane.downloads.map((f) => [f.name, f.mime])).toEqual([[`Rechnungen-2026-01-${january}-de.csv`, "text/csv"]]);
    const csv = new TextDecoder().decode(pane.downloads[0]!.bytes);
    expect(csv).toContain("RE-000001");
    expect(csv).toContain("RE-000002");
    expect(csv).not.toContain("RE-000003");

    // Undo is the latest run's only: not offered for January, one line says why.
    expect(query(pane, "billing-undo")).toBeNull();
    expect(byTestId(pane.container, "billing-undo-latest-only").textContent).toContain("nur für den letzten Lauf");

    // Cancel January's RE-000001 in the lifecycle step; the choice stays January.
    await until(() => expect(query(pane, "lifecycle-cancel-invoice")).not.toBeNull());
    await choose(byTestId(pane.container, "lifecycle-cancel-invoice"), "RE-000001");
    await click(byTestId(pane.container, "lifecycle-cancel"));
    expect(plain(byTestId(pane.container, "lifecycle-cancel-confirm").textContent)).toContain("RE-000001 (Müller GmbH, 245,14 €)");
    await click(byTestId(pane.container, "lifecycle-cancel-yes"));
    await until(() => expect(plain(pane.container.textContent)).toContain("RE-000001 storniert: Stornorechnung RE-000005"));
    expect((await dbOf(ctx).invoices.get("RE-000001"))!.cancelledBy).toBe("RE-000005");
    await until(() => expect([...(byTestId(pane.container, "lifecycle-cancel-invoice") as HTMLSelectElement).options].find((o) => o.value === "RE-000001")!.textContent).toContain("storniert durch RE-000005"));
    await settled(pane);
    // The cancellation's run is not offered; the choice stays on January.
    expect([...picker(pane).options]).toHaveLength(2);
    expect(picker(pane).value).toBe(january);
    expect(byTestId(pane.container, "latest-run").textContent).toContain(`Lauf${january}`);

    // March billed in the pane: the new latest is the choice again.
    await until(() => expect((byTestId(pane.container, "billing-month") as HTMLInputElement).value).not.toBe(""));
    await click(byTestId(pane.container, "billing-preview"));
    await until(() => expect(query(pane, "billing-preview-result")).not.toBeNull());
    expect(byTestId(pane.container, "billing-preview-result").textContent).toContain("2026-03");
    await click(byTestId(pane.container, "billing-run"));
    await click(byTestId(pane.container, "billing-confirm-yes"));
    await until(() => expect(byTestId(pane.container, "latest-run").textContent).toContain("AbrechnungsmonatMärz 2026"));
    const march = (await listRuns(ctx)).find((r) => r.month === "2026-03" && !r.undoneAt)!.id;
    expect(picker(pane).value).toBe(march);
    expect([...picker(pane).options]).toHaveLength(3);
    expect(byTestId(pane.container, "latest-run").textContent).toContain(`Letzter Lauf${march}`);
    await until(() => expect(byTestId(pane.container, "lifecycle-state").textContent).toContain(`Letzter Lauf${march}`));
    expect(byTestId(pane.container, "lifecycle-state").textContent).toContain("Entwurf");
    expect(query(pane, "billing-undo")).not.toBeNull();
    pane.unmount();
  });

  it("a chosen draft asks before its first export; undo of the latest makes the new latest the choice, and one run needs no picker", async () => {
    const { ctx, january, february } = await twoMonths(false);
    const pane = await renderPane(ctx, <BillingArea active />, { language: "en" });
    await until(() => expect(picker(pane).value).toBe(february));
    expect(picker(pane).options[1]!.textContent).toBe(`January 2026 – draft – ${january} – invoice date 2026-01-02`);
    await choose(picker(pane), january);
    await until(() => expect(byTestId(pane.container, "latest-run").textContent).toContain(`Run${january}`));
    expect(query(pane, "billing-export-draft-hint")).not.toBeNull();
    await click(byTestId(pane.container, "billing-export"));
    await until(() => expect(query(pane, "billing-export-confirm")).not.toBeNull());
    expect(byTestId(pane.container, "billing-export-confirm").textContent).toContain(january);
    expect(pane.downloads).toHaveLength(0);
    await click(byTestId(pane.container, "billing-export-yes"));
    await until(() => expect(pane.downloads.map((f) => f.name)).toEqual([`Invoices-2026-01-${january}.csv`]));
    expect((await dbOf(ctx).runs.get(january))!.issuedBy).toBe("export");
    expect((await dbOf(ctx).runs.get(february))!.issuedAt).toBeUndefined();
    // issued now: the picker says so and the choice stays January
    await until(() => expect(picker(pane).options[1]!.textContent).toContain("issued"));
    expect(picker(pane).value).toBe(january);
    expect(byTestId(pane.container, "billing-undo-latest-only").textContent).toBe("Only the latest run can be undone; an issued run is cancelled instead (below).");

    // back to February (a draft): undo is offered; undone, January is the latest and the only run.
    await choose(picker(pane), february);
    await until(() => expect(query(pane, "billing-undo")).not.toBeNull());
    await click(byTestId(pane.container, "billing-undo"));
    await until(() => expect(query(pane, "billing-undo-yes")).not.toBeNull());
    await click(byTestId(pane.container, "billing-undo-yes"));
    await until(() => expect(byTestId(pane.container, "latest-run").textContent).toContain(`Latest run${january}`));
    expect((await dbOf(ctx).runs.get(february))!.undoneAt).toBeDefined();
    expect(query(pane, "billing-run-pick")).toBeNull();
    expect(query(pane, "billing-undo")).not.toBeNull();
    await until(() => expect(byTestId(pane.container, "lifecycle-state").textContent).toContain(`Latest run${january}`));
    pane.unmount();
  });

  it("while Festschreiben runs on the chosen run, the run cannot be switched and the latest not undone", async () => {
    const { ctx, february } = await twoMonths(false);
    let release: () => void = () => undefined;
    mockFinalizeGate.wait = new Promise<void>((r) => (release = r));
    try {
      const pane = await renderPane(ctx, <BillingArea active />);
      await until(() => expect(picker(pane).value).toBe(february));
      await until(() => expect(query(pane, "lifecycle-finalize")).not.toBeNull());
      expect(picker(pane).disabled).toBe(false);
      await click(byTestId(pane.container, "lifecycle-finalize"));
      await click(byTestId(pane.container, "lifecycle-finalize-yes"));
      await until(() => expect(picker(pane).disabled).toBe(true));
      expect((byTestId(pane.container, "billing-undo") as HTMLButtonElement).disabled).toBe(true);
      release();
      await until(() => expect(picker(pane).disabled).toBe(false));
      expect((byTestId(pane.container, "billing-undo") as HTMLButtonElement).disabled).toBe(false);
      expect(picker(pane).value).toBe(february);
      expect((await dbOf(ctx).runs.get(february))!.issuedBy).toBeDefined();
      pane.unmount();
    } finally {
      mockFinalizeGate.wait = null;
    }
  });

  it("exporting the latest draft issues the earlier draft with it, and the notice names both", async () => {
    const { ctx, january, february } = await twoMonths(false);
    const pane = await renderPane(ctx, <BillingArea active />, { language: "en" });
    await until(() => expect(picker(pane).value).toBe(february));
    await click(byTestId(pane.container, "billing-export"));
    await until(() => expect(query(pane, "billing-export-confirm")).not.toBeNull());
    await click(byTestId(pane.container, "billing-export-yes"));
    await until(() => expect(query(pane, "step-notice")?.textContent ?? "").toContain(`${february} is issued now, with the earlier draft ${january}.`));
    expect((await dbOf(ctx).runs.get(january))!.issuedAt).toBeDefined();
    pane.unmount();
  });

  it("the e-invoice ZIP without company data says where to enter it, in the pane's words too, and issues nothing", async () => {
    const { ctx, february } = await twoMonths(false);
    const pane = await renderPane(ctx, <BillingArea active />);
    await until(() => expect(query(pane, "lifecycle-einvoice-zip")).not.toBeNull());
    await click(byTestId(pane.container, "lifecycle-einvoice-zip"));
    await until(() => expect(byTestId(pane.container, "step-bill-lifecycle").textContent).toContain("Tragen Sie sie unter „Stammdaten“ → „Firmendaten und Bankverbindung“ ein"));
    // The pane's words: no command line (export-settings --company).
    expect(byTestId(pane.container, "step-bill-lifecycle").textContent).not.toMatch(/export-settings|--company|Kommandozeile/);
    expect((await dbOf(ctx).runs.get(february))!.issuedAt).toBeUndefined();
    expect(pane.downloads).toHaveLength(0);
    pane.unmount();
  });

  it("billing a month more than one after the current one: the confirmation warns of a typo in the year; next month does not", async () => {
    const { ctx } = await twoMonths(true);
    const pane = await renderPane(ctx, <BillingArea active />);
    await until(() => expect((byTestId(pane.container, "billing-month") as HTMLInputElement).value).not.toBe(""));
    // the pane's clock: 23 November 2026
    for (const [month, warned] of [["2027-01", true], ["2026-12", false]] as const) {
      await typeInto(byTestId(pane.container, "billing-month"), month);
      await click(byTestId(pane.container, "billing-preview"));
      await until(() => expect(query(pane, "billing-preview-result")?.textContent ?? "").toContain(month));
      await click(byTestId(pane.container, "billing-run"));
      await until(() => expect(query(pane, "billing-confirm")).not.toBeNull());
      expect(query(pane, "billing-far-ahead")?.textContent ?? null).toBe(warned ? "Achtung: Januar 2027 liegt mehr als einen Monat nach dem laufenden Monat November 2026 – Tippfehler im Jahr? Rechnungen so weit im Voraus nur, wenn das gewollt ist." : null);
      await click([...byTestId(pane.container, "billing-confirm").querySelectorAll("button")].find((x) => x.textContent === "Abbrechen")!);
    }
    pane.unmount();
  });

  it("SEPA collects the chosen run; a repeat question of one run does not carry over to another", async () => {
    const ctx = await testContext();
    expect((await setSepaSettings(ctx, SEPA_JSON)).ok).toBe(true);
    expect((await importMandates(ctx, textFile("mandates.csv", MANDATES_CSV))).ok).toBe(true);
    await addRun(ctx, "run-00001", [storedInvoice("run-00001", 0, "RE-000001", "K1", "119.00")]);
    await addRun(ctx, "run-00002", [storedInvoice("run-00002", 0, "RE-000002", "K2", "238.00")]);
    const pane = await renderPane(ctx, <BillingArea active />);
    await until(() => expect(picker(pane).value).toBe("run-00002"));
    await choose(picker(pane), "run-00001");
    await typeInto(byTestId(pane.container, "sepa-collection-date"), "08.12.2026");
    await until(() => expect((byTestId(pane.container, "sepa-export") as HTMLButtonElement).disabled).toBe(false));
    await click(byTestId(pane.container, "sepa-export"));
    await until(() => expect(pane.downloads.map((f) => f.name)).toEqual(["SDD-run-00001-1.xml"]));
    expect(new TextDecoder().decode(pane.downloads[0]!.bytes)).toContain("MND-K1");
    await click(byTestId(pane.container, "sepa-export"));
    await until(() => expect(byTestId(pane.container, "sepa-repeat-confirm").textContent).toContain("run-00001"));

    await choose(picker(pane), "run-00002");
    await until(() => expect(query(pane, "sepa-repeat-confirm")).toBeNull());
    await click(byTestId(pane.container, "sepa-export"));
    await until(() => expect(pane.downloads).toHaveLength(2));
    expect(pane.downloads[1]!.name).toMatch(/^SDD-run-00002-/);
    expect(new TextDecoder().decode(pane.downloads[1]!.bytes)).toContain("MND-K2");
    pane.unmount();
  });
});
