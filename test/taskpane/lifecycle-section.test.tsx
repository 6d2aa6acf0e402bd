/** @jest-environment ./test/support/jsdom-env.js */
import * as React from "react";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { runBilling } from "../../src/app/bill";
import { listRuns } from "../../src/app/billing-runs";
import type { AppContext } from "../../src/app/context";
import { importMaster } from "../../src/app/import-master";
import { finalizeRun } from "../../src/app/issue-run";
import type { IsoDate } from "../../src/core/date/iso-date";
import type { RunRecord } from "../../src/store/records";
import { LifecycleSection, UndoRunDialog } from "../../src/taskpane/components/billing/LifecycleSection";
import { HostProvider, type TaskpaneHost } from "../../src/taskpane/host";
import { StringsProvider, stringsFor } from "../../src/taskpane/i18n";
import { dbOf } from "../support/db-view";
import { testContext, textFile } from "../support/fixtures";
import { seedUsage } from "../reliability/use-cases";
import { TWO_CUSTOMERS_ARTICLES as ARTICLES, TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "../support/two-customers";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// The pane's font loader imports the TTF files as webpack assets (URLs); these tests make no ZUGFeRD file.
jest.mock("../../src/taskpane/billing/einvoice-fonts", () => ({ paneFonts: () => Promise.reject(new Error("no fonts in this test")) }));

/** The pane's day (the cancellation date it proposes). */
let today = "2026-01-20" as IsoDate;

function hostOf(app: AppContext): TaskpaneHost {
  return {
    app,
    language: "de",
    gateway: undefined as never,
    parser: undefined as never,
    storage: { persist: async () => true, persisted: async () => true },
    download: () => undefined,
    storeChanged: () => undefined,
    today: () => today,
  };
}

let container: HTMLDivElement;
let root: Root;

async function render(app: AppContext, node: React.ReactNode): Promise<void> {
  await act(async () => root.render(<HostProvider value={hostOf(app)}>{<StringsProvider value={stringsFor("de")}>{node}</StringsProvider>}</HostProvider>));
  // the components read the run asynchronously
  for (let i = 0; i < 20 && container.textContent?.includes("wird gelesen"); i++) await act(() => new Promise((r) => setTimeout(r, 20)));
  await act(() => new Promise((r) => setTimeout(r, 50)));
}

const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);
/** Text with the no-break spaces of currency formatting as plain spaces. */
const plain = (t: string | null | undefined) => (t ?? "").replace(/\u00a0|\u202f/g, " ");
async function click(id: string): Promise<void> {
  await act(async () => (byTestId(id) as HTMLButtonElement).click());
  await act(() => new Promise((r) => setTimeout(r, 100)));
}

async function billed(): Promise<{ ctx: AppContext; run: RunRecord }> {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
  const r = await runBilling(ctx, { month: "2026-01" as never, invoiceDate: "2026-01-02" as never });
  expect(r.ok).toBe(true);
  return { ctx, run: (await listRuns(ctx))[0]! };
}

beforeEach(() => {
  today = "2026-01-20" as IsoDate;
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

describe("the lifecycle step in the pane (rendered)", () => {
  it("the undo dialog of a draft says how many invoices go and that their numbers are given back", async () => {
    const { ctx, run } = await billed();
    await render(ctx, <UndoRunDialog run={run} busy={false} onUndo={() => undefined} onClose={() => undefined} />);
    const text = byTestId("billing-undo-confirm")!.textContent!;
    expect(text).toContain("Entwurf");
    expect(text).toContain("2 Rechnungen");
    expect(text).toContain("RE-000001 … RE-000002 werden zurückgegeben");
    expect(byTestId("billing-undo-yes")).not.toBeNull();
  });

  it("the undo dialog of an issued run offers no undo: it says why and offers cancellation", async () => {
    const { ctx, run } = await billed();
    expect((await finalizeRun(ctx, run.id, "export")).ok).toBe(true);
    await render(ctx, <UndoRunDialog run={run} busy={false} onUndo={() => undefined} onClose={() => undefined} />);
    const text = byTestId("billing-undo-confirm")!.textContent!;
    expect(text).toContain("festgeschrieben");
    expect(text).toContain("(Export)");
    expect(text).toContain("GoBD");
    expect(byTestId("billing-undo-yes")).toBeNull();
    expect(byTestId("billing-undo-to-cancel")).not.toBeNull();
  });

  it("Festschreiben says what it does, then the state shows festgeschrieben; Stornieren names number, customer and amount and shows the Stornorechnung", async () => {
    const { ctx, run } = await billed();
    await render(ctx, <LifecycleSection run={run} />);
    expect(byTestId("lifecycle-state")!.textContent).toContain("Entwurf");
    expect(byTestId("lifecycle-cancel-needs-issued")).not.toBeNull();
    await click("lifecycle-finalize");
    expect(byTestId("lifecycle-finalize-confirm")!.textContent).toContain("nicht mehr rückgängig");
    expect((await dbOf(ctx).runs.get(run.id))!.issuedAt).toBeUndefined();
    await click("lifecycle-finalize-yes");
    expect((await dbOf(ctx).runs.get(run.id))!.issuedBy).toBe("finalize");
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(byTestId("lifecycle-state")!.textContent).toContain("festgeschrieben am");
    expect(container.textContent).toContain(`${run.id} festgeschrieben: 2 Rechnungen.`);

    const picker = byTestId("lifecycle-cancel-invoice") as HTMLSelectElement;
    expect([...picker.options].map((o) => plain(o.textContent))).toEqual(["Rechnung wählen …", "Alle 2 offenen Rechnungen dieses Laufs – 318,68 €", "RE-000001 – Müller GmbH – 245,14 €", "RE-000002 – Schmidt KG – 73,54 €"]);
    expect((byTestId("lifecycle-cancel") as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!;
      setter.call(picker, "RE-000002");
      picker.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await click("lifecycle-cancel");
    const confirm = plain(byTestId("lifecycle-cancel-confirm")!.textContent);
    expect(confirm).toContain("RE-000002 (Schmidt KG, 73,54 €)");
    expect(confirm).toContain("20.01.2026");
    await click("lifecycle-cancel-yes");
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(plain(container.textContent)).toContain("RE-000002 storniert: Stornorechnung RE-000003 über -73,54 €.");
    expect((await dbOf(ctx).invoices.get("RE-000002"))!.cancelledBy).toBe("RE-000003");
    const options = [...(byTestId("lifecycle-cancel-invoice") as HTMLSelectElement).options];
    expect(options.find((o) => o.value === "RE-000002")!.disabled).toBe(true);
    expect(options.find((o) => o.value === "RE-000002")!.textContent).toContain("storniert durch RE-000003");
  });

  it("Stornieren of all open invoices: one entry in the picker names count and total, the confirmation names the run, and one cancellation run holds a Stornorechnung per invoice", async () => {
    const { ctx, run } = await billed();
    expect((await finalizeRun(ctx, run.id)).ok).toBe(true);
    await render(ctx, <LifecycleSection run={run} />);
    const picker = byTestId("lifecycle-cancel-invoice") as HTMLSelectElement;
    expect(plain(byTestId("lifecycle-cancel-all")!.textContent)).toBe("Alle 2 offenen Rechnungen dieses Laufs – 318,68 €");
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!;
      setter.call(picker, "*");
      picker.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await click("lifecycle-cancel");
    const confirm = plain(byTestId("lifecycle-cancel-confirm")!.textContent);
    expect(confirm).toContain(`Für alle 2 noch nicht stornierten Rechnungen von ${run.id} (zusammen 318,68 €)`);
    expect(confirm).toContain("20.01.2026");
    expect((await dbOf(ctx).invoices.get("RE-000001"))!.cancelledBy).toBeUndefined();
    await click("lifecycle-cancel-yes");
    await act(() => new Promise((r) => setTimeout(r, 100)));
    const storno = (await dbOf(ctx).invoices.get("RE-000001"))!.cancelledBy;
    expect([storno, (await dbOf(ctx).invoices.get("RE-000002"))!.cancelledBy]).toEqual(["RE-000003", "RE-000004"]);
    const cancelRunId = (await dbOf(ctx).invoices.get("RE-000003"))!.runId;
    expect((await dbOf(ctx).invoices.get("RE-000004"))!.runId).toBe(cancelRunId);
    expect(plain(container.textContent)).toContain(`2 Rechnungen storniert: Stornorechnungen RE-000003 bis RE-000004 im Lauf ${cancelRunId}`);
    // Nothing open any more: no "all" entry, every invoice shows its cancellation.
    expect(byTestId("lifecycle-cancel-all")).toBeNull();
    expect([...(byTestId("lifecycle-cancel-invoice") as HTMLSelectElement).options].filter((o) => o.disabled)).toHaveLength(2);
  });

  it("cancelling a run with time and clicks says what is open again for the next run", async () => {
    const ctx = await testContext();
    await seedUsage(ctx);
    const r = await runBilling(ctx, { month: "2026-06" as never, invoiceDate: "2026-07-01" as never });
    expect(r.ok && (await finalizeRun(ctx, r.value.runId!)).ok).toBe(true);
    const run = (await listRuns(ctx))[0]!;
    today = "2026-07-10" as IsoDate;
    await render(ctx, <LifecycleSection run={run} />);
    const picker = byTestId("lifecycle-cancel-invoice") as HTMLSelectElement;
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!;
      setter.call(picker, "*");
      picker.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const reason = byTestId("lifecycle-cancel-reason") as HTMLInputElement;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(reason, "Zeiten dem falschen Kunden gebucht");
      reason.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await click("lifecycle-cancel");
    expect(plain(byTestId("lifecycle-cancel-confirm")!.textContent)).toContain("Ihre Monate, Zeiten, Klicks und Verbräuche gelten dann als nicht abgerechnet");
    expect(plain(byTestId("lifecycle-cancel-confirm")!.textContent)).toContain("Grund auf der Stornorechnung: „Zeiten dem falschen Kunden gebucht“.");
    await click("lifecycle-cancel-yes");
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(plain(container.textContent)).toContain("3 Rechnungen storniert: Stornorechnungen RE-000004 bis RE-000006");
    expect(plain(container.textContent)).toContain("(exportieren wie jeden Lauf). Wieder offen für den nächsten Lauf: 4 Zeiteinträge, 1 Klickmonat.");
    expect((await dbOf(ctx).invoices.get("RE-000004"))!.cancels).toMatchObject({ number: "RE-000001", reason: "Zeiten dem falschen Kunden gebucht" });
    expect((byTestId("lifecycle-cancel-reason") as HTMLInputElement).value).toBe("");
  });
});
