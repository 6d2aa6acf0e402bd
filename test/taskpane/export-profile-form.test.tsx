/**
 * @jest-environment ./test/support/jsdom-environment.js
 */
import { listExportProfiles } from "../../src/app/export-invoices";
import { saveExportSettingsFile } from "../../src/app/export-settings-file";
import { ExportProfileSection } from "../../src/taskpane/components/settings/ExportProfileSection";
import { dbOf } from "../support/db-view";
import { testContext } from "../support/fixtures";
import { byTestId, choose, click, pickFiles, queryTestId, renderPane, testFile, typeInto, waitFor } from "./support/render-pane";

type Ctx = Awaited<ReturnType<typeof testContext>>;

const fieldText = (root: HTMLElement, testId: string) => byTestId(root, testId).closest(".fui-Field")!.textContent ?? "";
const radio = (root: HTMLElement, group: string, value: string) => byTestId(root, group).querySelector<HTMLInputElement>(`input[value="${value}"]`)!;

/** A profile as a JSON file holds it: no `headerRow` (true), a literal with spaces. */
const SAVED = {
  id: "sage",
  version: 1,
  name: "Sage 100",
  delimiter: ";",
  decimal: ",",
  dateFormat: "DDMMYYYY",
  encoding: "windows-1252",
  level: "vat_rate",
  columns: [
    { source: "gross_total", header: "Umsatz" },
    { source: "debit_credit", header: "S/H" },
    { source: "literal", header: "BU", value: " 9 " },
    { source: "invoice_ref", header: "Belegfeld 1" },
  ],
};

async function stored(ctx: Ctx) {
  return { profiles: (await listExportProfiles(ctx)).profiles, audit: (await dbOf(ctx).auditLog.toArray()).length };
}

/** What saving `json` as a settings file stores (a fresh store holding the same profiles first). */
async function viaJson(json: unknown, before: unknown[] = []) {
  const ctx = await testContext();
  for (const p of before) expect((await saveExportSettingsFile(ctx, "before.json", JSON.stringify(p))).ok).toBe(true);
  const r = await saveExportSettingsFile(ctx, "profil.json", JSON.stringify(json));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return stored(ctx);
}

async function rendered(withSaved: boolean, language: "de" | "en" = "de") {
  const ctx = await testContext();
  if (withSaved) expect((await saveExportSettingsFile(ctx, "sage.json", JSON.stringify(SAVED))).ok).toBe(true);
  const pane = await renderPane(<ExportProfileSection />, ctx, language);
  await waitFor(() => queryTestId(pane.container, "profile-col-0-source"), "the profile form");
  if (withSaved) await waitFor(() => byTestId(pane.container, "profile-choose").querySelector('option[value="sage"]'), "the saved profile in the list");
  return { ctx, pane, c: pane.container };
}

describe("export profile form (Stammdaten)", () => {
  it("a new profile with columns added, removed and moved stores what the profile file stores", async () => {
    const { ctx, pane, c } = await rendered(false);
    await typeInto(byTestId(c, "profile-id"), "buchhaltung");
    await typeInto(byTestId(c, "profile-name"), "Buchhaltung");
    await choose(byTestId(c, "profile-delimiter"), ",");
    await click(radio(c, "profile-decimal", "."));
    await choose(byTestId(c, "profile-dateFormat"), "YYYY-MM-DD");
    await choose(byTestId(c, "profile-encoding"), "utf-8");
    await click(byTestId(c, "profile-col-3-remove")); // customer_name
    await click(byTestId(c, "profile-col-5-up")); // gross_total before vat_total
    await click(byTestId(c, "profile-add-column"));
    await choose(byTestId(c, "profile-col-6-source"), "literal");
    await typeInto(byTestId(c, "profile-col-6-header"), "Konto");
    await typeInto(byTestId(c, "profile-col-6-value"), "8400");
    await click(byTestId(c, "profile-add-column")); // left empty: no column
    await typeInto(byTestId(c, "profile-col-0-header"), "Beleg");
    await click(byTestId(c, "profile-save"));
    await waitFor(() => queryTestId(c, "profile-saved"), "the saved notice");

    const expected = await viaJson({
      profiles: [
        {
          id: "buchhaltung", version: 1, name: "Buchhaltung", delimiter: ",", decimal: ".", dateFormat: "YYYY-MM-DD", encoding: "utf-8", level: "invoice",
          columns: [
            { source: "invoice_ref", header: "Beleg" },
            { source: "invoice_date", header: "Rechnungsdatum" },
            { source: "customer_no", header: "Kundennummer" },
            { source: "net_total", header: "Netto gesamt" },
            { source: "gross_total", header: "Brutto gesamt" },
            { source: "vat_total", header: "USt gesamt" },
            { source: "literal", header: "Konto", value: "8400" },
          ],
        },
      ],
    });
    expect(await stored(ctx)).toEqual(expected);
    expect(byTestId<HTMLSelectElement>(c, "profile-choose").value).toBe("buchhaltung");
    expect(pane.storeChanges()).toBe(1);
    pane.unmount();
  });

  it("a bad id, a field of another level and an empty header: messages next to the fields, nothing stored", async () => {
    const { ctx, pane, c } = await rendered(false);
    const before = await stored(ctx);
    await typeInto(byTestId(c, "profile-id"), "mit leerzeichen");
    await typeInto(byTestId(c, "profile-name"), "X");
    await choose(byTestId(c, "profile-level"), "line");
    await click(byTestId(c, "profile-add-column"));
    await choose(byTestId(c, "profile-col-7-source"), "quantity");
    expect(byTestId<HTMLInputElement>(c, "profile-col-7-header").value).toBe("Menge");
    await choose(byTestId(c, "profile-level"), "invoice");
    await typeInto(byTestId(c, "profile-col-1-header"), "");
    await click(byTestId(c, "profile-save"));
    await waitFor(() => fieldText(c, "profile-id").includes("mit leerzeichen"), "the id's message");
    expect(fieldText(c, "profile-col-7-source")).toContain("columns[7].source");
    expect(fieldText(c, "profile-col-1-header")).toContain("Pflichtfeld");
    expect(queryTestId(c, "profile-saved")).toBeNull();
    expect(await stored(ctx)).toEqual(before);
    expect(pane.storeChanges()).toBe(0);
    pane.unmount();
  });

  it("a new profile may not take a saved one's id unnoticed", async () => {
    const { ctx, pane, c } = await rendered(true);
    const before = await stored(ctx);
    await typeInto(byTestId(c, "profile-id"), "sage");
    await typeInto(byTestId(c, "profile-name"), "Anders");
    await click(byTestId(c, "profile-save"));
    await waitFor(() => fieldText(c, "profile-id").includes("schon ein Profil"), "the id's message");
    expect(await stored(ctx)).toEqual(before);
    pane.unmount();
  });

  it.each(["de", "en"] as const)("a saved profile shown and saved unchanged stays the same (%s); changed, it stores what its file stores", async (language) => {
    const { ctx, pane, c } = await rendered(true, language);
    const before = await stored(ctx);
    await choose(byTestId(c, "profile-choose"), "sage");
    await waitFor(() => byTestId<HTMLInputElement>(c, "profile-name").value === "Sage 100", "the saved profile in the form");
    expect(byTestId<HTMLInputElement>(c, "profile-col-2-value").value).toBe(" 9 ");
    await click(byTestId(c, "profile-save"));
    await waitFor(() => queryTestId(c, "profile-saved"), "the saved notice");
    const after = await stored(ctx);
    expect(after.profiles).toEqual(before.profiles);

    await click(byTestId(c, "profile-headerRow").querySelector("input") ?? byTestId(c, "profile-headerRow"));
    await click(byTestId(c, "profile-col-3-up"));
    await click(byTestId(c, "profile-save"));
    await waitFor(() => byTestId<HTMLInputElement>(c, "profile-col-2-header").value === "Belegfeld 1", "the saved order");
    const changed = { ...SAVED, headerRow: false, columns: [SAVED.columns[0], SAVED.columns[1], SAVED.columns[3], SAVED.columns[2]] };
    expect((await stored(ctx)).profiles).toEqual((await viaJson(changed)).profiles);
    pane.unmount();
  });

  it("JSON kept: a profile file loads through the same path, the saved profiles download as a file", async () => {
    const { ctx, pane, c } = await rendered(false);
    await pickFiles(byTestId<HTMLInputElement>(c, "profile-json-file"), [testFile("sage.json", JSON.stringify(SAVED), "application/json")]);
    await waitFor(() => queryTestId(c, "profile-saved"), "the imported notice");
    expect(await stored(ctx)).toEqual(await viaJson(SAVED));
    expect(byTestId<HTMLInputElement>(c, "profile-name").value).toBe("Sage 100");
    const files: { name: string; text: string }[] = [];
    pane.host.download = (name, bytes) => void files.push({ name, text: new TextDecoder().decode(bytes) });
    await click(byTestId(c, "profile-json-export"));
    expect(files).toHaveLength(1);
    expect(JSON.parse(files[0]!.text).profiles).toEqual((await stored(ctx)).profiles);
    pane.unmount();
  });
});
