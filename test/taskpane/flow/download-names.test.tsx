/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * The pane's downloads are named in the pane's language (Stammdaten: master data CSVs, vendor
 * profiles, backup): a German clerk gets `vertraege.csv`, not `contracts.csv`. The files themselves
 * are the same, and a downloaded master data file imports again under its German name. The clerk's
 * billing files (invoice CSV, print file, e-invoice ZIP) follow the pane's language too; DATEV's
 * file name and the customers' files inside the ZIP do not.
 */
import { importMaster } from "../../../src/app/import-master";
import { MasterDataArea } from "../../../src/taskpane/components/masterData/MasterDataArea";
import { eInvoiceZipName } from "../../../src/taskpane/billing/lifecycle";
import { exportFileName } from "../../../src/taskpane/hooks/useBilling";
import type { Language } from "../../../src/taskpane/i18n";
import { testContext } from "../../support/fixtures";
import { seedStore } from "../../support/reconcile-scenario";
import { byTestId, click, renderPane, until, type Pane } from "./pane-harness";

const EXPECTED: Record<Language, { csv: string[]; backup: RegExp }> = {
  de: { csv: ["vertraege.csv", "artikel.csv", "zuordnungen.csv"], backup: /^msp-billing-sicherung-\d{4}-\d{2}-\d{2}\.json$/ },
  en: { csv: ["contracts.csv", "articles.csv", "mappings.csv"], backup: /^msp-billing-backup-\d{4}-\d{2}-\d{2}\.json$/ },
};

async function downloadAll(language: Language): Promise<Pane> {
  const ctx = await testContext();
  await seedStore(ctx);
  const pane = await renderPane(ctx, <MasterDataArea onBackup={() => undefined} />, { language });
  for (const which of ["contracts", "articles", "mappings"]) {
    const button = byTestId(pane.container, `download-${which}`);
    const before = pane.downloads.length;
    await click(button);
    await until(() => expect(pane.downloads.length).toBe(before + 1));
    // The button says which file it gives.
    expect(button.textContent).toBe(pane.downloads[before]!.name);
  }
  await click(byTestId(pane.container, "backup-download"));
  await until(() => expect(pane.downloads.length).toBe(4));
  return pane;
}

describe.each<Language>(["de", "en"])("downloads of a %s pane", (language) => {
  it("are named in the pane's language", async () => {
    const pane = await downloadAll(language);
    expect(pane.downloads.slice(0, 3).map((d) => d.name)).toEqual(EXPECTED[language].csv);
    expect(pane.downloads[3]!.name).toMatch(EXPECTED[language].backup);
    pane.unmount();
  });
});

it("the files are the same in both languages, and a German-named one imports again", async () => {
  const de = await downloadAll("de");
  const en = await downloadAll("en");
  const text = (p: Pane, i: number) => new TextDecoder().decode(p.downloads[i]!.bytes);
  for (const i of [0, 1, 2]) expect(text(de, i)).toBe(text(en, i));
  const ctx = await testContext();
  const again = await importMaster(ctx, de.downloads.slice(0, 3).reverse().map((d) => ({ name: d.name, bytes: d.bytes })));
  expect(again.ok && again.value.versions).toBeGreaterThan(0);
  de.unmount();
  en.unmount();
});

describe("the clerk's billing files follow the pane's language; DATEV's and a profile's names stay", () => {
  it.each<[Language, string, string, string]>([
    ["de", "Rechnungen-2026-01-run-00001.csv", "Rechnungen-2026-01-run-00001-de.csv", "E-Rechnungen-2026-01-run-00001.zip"],
    ["en", "Invoices-2026-01-run-00001.csv", "Invoices-2026-01-run-00001-de.csv", "E-invoices-2026-01-run-00001.zip"],
  ])("%s", (language, generic, german, zip) => {
    expect(exportFileName("generic", "2026-01", "run-00001", language)).toBe(generic);
    expect(exportFileName("de", "2026-01", "run-00001", language)).toBe(german);
    expect(eInvoiceZipName({ month: "2026-01", id: "run-00001" }, language)).toBe(zip);
    expect(exportFileName("datev", "2026-01", "run-00001", language)).toBe("EXTF_Buchungsstapel_2026-01_run-00001.csv");
    expect(exportFileName("custom:lexware", "2026-01", "run-00001", language)).toBe("lexware-2026-01-run-00001.csv");
  });
});
