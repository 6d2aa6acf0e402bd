/**
 * @jest-environment ./test/support/jsdom-environment.js
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadUserProfiles } from "../../src/app/profiles";
import { csvHead, draftToProfileJson, suggestDraft } from "../../src/io/vendor/profile-draft";
import { validateProfile } from "../../src/io/vendor/user-profile";
import { ReconcileArea } from "../../src/taskpane/components/reconcile/ReconcileArea";
import { testContext } from "../support/fixtures";
import { seedStore } from "../support/reconcile-scenario";
import { byTestId, choose, click, pickFiles, queryTestId, renderPane, testFile, typeInto, waitFor } from "./support/render-pane";


const FILE = "cloudhaus-2026-11.csv";
const bytes = fs.readFileSync(path.join(__dirname, "../fixtures/vendor-unknown", FILE));
const csvFile = () => testFile(FILE, bytes);

async function openUnknownFile(file = csvFile()) {
  const ctx = await testContext();
  await seedStore(ctx);
  const pane = await renderPane(<ReconcileArea />, ctx);
  await pickFiles(byTestId<HTMLInputElement>(pane.container, "vendor-files"), [file]);
  const editor = await waitFor(() => queryTestId(pane.container, "profile-editor"), "the profile editor");
  return { ctx, pane, editor };
}

describe("the vendor profile editor in the Abgleich area (jsdom)", () => {
  it("opens for a file of an unknown layout with the columns proposed; saved, the profile equals the JSON path's and the file reconciles", async () => {
    const { ctx, pane, editor } = await openUnknownFile();
    expect(byTestId(pane.container, "source-summary").textContent).toContain("keines erkannt");
    expect(queryTestId(pane.container, "status-counts")).toBeNull();
    expect(byTestId<HTMLSelectElement>(editor, "profile-col-customerId").value).toBe("Endkunde Nr.");
    expect(byTestId<HTMLSelectElement>(editor, "profile-col-quantity").value).toBe("Stück");
    // the clerk names the profile and takes the row amount instead of the unit cost
    await typeInto(byTestId(editor, "profile-name"), "Cloudhaus Monatsabrechnung");
    await choose(byTestId(editor, "profile-col-unitCost"), "");
    await choose(byTestId(editor, "profile-col-amount"), "EK netto");
    const preview = byTestId(pane.container, "profile-preview");
    expect(preview.querySelectorAll("li")).toHaveLength(4);
    expect(preview.textContent).toContain("CH-4711 · Müller GmbH");
    expect(preview.textContent).toContain("01.11.2026 – 30.11.2026");

    await click(byTestId(pane.container, "profile-save"));
    await waitFor(() => queryTestId(pane.container, "status-counts"), "the reconciliation");
    expect(byTestId(pane.container, "profile-saved").textContent).toContain("Cloudhaus Monatsabrechnung");
    expect(byTestId(pane.container, "source-summary").textContent).toContain("Cloudhaus Monatsabrechnung");
    expect(queryTestId(pane.container, "profile-editor")).toBeNull();

    // stored as `profile add` would store the same mapping given as JSON
    const head = csvHead(new TextDecoder().decode(bytes), FILE).head!;
    const draft = suggestDraft(head, "Cloudhaus Monatsabrechnung");
    draft.columns.unitCost = "";
    draft.columns.amount = "EK netto";
    draft.currency = "EUR";
    const viaJson = validateProfile(draftToProfileJson(draft, "cloudhaus-monatsabrechnung"));
    expect((await loadUserProfiles(ctx)).profiles).toEqual([viaJson.ok && viaJson.value]);
    expect(pane.storeChanges()).toBeGreaterThan(0);
    pane.unmount();
  });

  it("an invalid mapping shows its message next to the field and stores nothing", async () => {
    const { ctx, pane, editor } = await openUnknownFile();
    await typeInto(byTestId(editor, "profile-name"), "Cloudhaus");
    await choose(byTestId(editor, "profile-col-quantity"), "");
    expect(byTestId(pane.container, "profile-preview-empty")).toBeTruthy();
    await click(byTestId(pane.container, "profile-save"));
    const field = byTestId(editor, "profile-col-quantity").closest(".fui-Field")!;
    expect(field.textContent).toContain("Bitte eine Spalte wählen.");
    expect((await loadUserProfiles(ctx)).profiles).toEqual([]);
    expect(queryTestId(pane.container, "status-counts")).toBeNull();
    expect(pane.storeChanges()).toBe(0);
    pane.unmount();
  });

  it("the layout options change the preview: header row below two title lines, then credits by the amount's sign; saved, the pipe file reconciles", async () => {
    const PIPE = "wolkenwerk-2026-11.csv";
    const pipe = fs.readFileSync(path.join(__dirname, "../fixtures/vendor-unknown", PIPE));
    const { ctx, pane, editor } = await openUnknownFile(testFile(PIPE, pipe));
    expect(byTestId<HTMLSelectElement>(editor, "profile-delimiter").value).toBe("|");
    // The guess took the first title line for the header: no column to assign, no preview.
    const headerRow = byTestId<HTMLSelectElement>(editor, "profile-header-row");
    expect(headerRow.value).toBe("1");
    expect([...headerRow.options].map((o) => o.textContent)).toContain("Zeile 3: Kundennr · Kunde · SKU · Produkt");
    expect(byTestId<HTMLSelectElement>(editor, "profile-col-quantity").value).toBe("");
    expect(queryTestId(pane.container, "profile-preview")).toBeNull();

    await choose(headerRow, "3");
    await waitFor(() => byTestId<HTMLSelectElement>(editor, "profile-col-quantity").value === "Menge", "the columns of row 3");
    await typeInto(byTestId(editor, "profile-name"), "Wolkenwerk");
    const lines = () => [...byTestId(pane.container, "profile-preview").querySelectorAll("li")].map((li) => li.textContent ?? "");
    expect(lines()).toHaveLength(4);
    expect(lines()[1]).toContain("1 × 12,50 EUR = -12,50");
    expect(lines()[1]).toContain("Zeile 5");

    await click(byTestId<HTMLInputElement>(editor, "profile-sign-fromAmount"));
    expect(lines()[1]).toContain("-1 × 12,50 EUR = -12,50");
    expect(lines()[3]).toContain("-2 × 1.000,00 EUR = -2.000,00");

    // A wrong delimiter splits the file elsewhere: the header row's columns are gone.
    await choose(byTestId(editor, "profile-delimiter"), ",");
    await waitFor(() => byTestId<HTMLSelectElement>(editor, "profile-header-row").value !== "3" || byTestId<HTMLSelectElement>(editor, "profile-col-quantity").value === "", "a new split");
    expect([...byTestId<HTMLSelectElement>(editor, "profile-col-quantity").options].map((o) => o.value)).not.toContain("Menge");
    await choose(byTestId(editor, "profile-delimiter"), "|");
    await waitFor(() => byTestId<HTMLSelectElement>(editor, "profile-header-row").options.length > 2, "the pipe split");
    await choose(byTestId<HTMLSelectElement>(editor, "profile-header-row"), "3");
    await waitFor(() => byTestId<HTMLSelectElement>(editor, "profile-col-quantity").value === "Menge", "the columns of row 3 again");
    // The sign choice survives a new split.
    expect(byTestId<HTMLInputElement>(editor, "profile-sign-fromAmount").checked).toBe(true);

    await click(byTestId(pane.container, "profile-save"));
    await waitFor(() => queryTestId(pane.container, "status-counts"), "the reconciliation");
    expect(byTestId(pane.container, "source-summary").textContent).toContain("Wolkenwerk");
    const [profile] = (await loadUserProfiles(ctx)).profiles;
    expect(profile).toMatchObject({ csv: { delimiter: "|" }, sign: { mode: "fromAmount" }, number: { decimalSeparator: "," } });
    pane.unmount();
  });
});
