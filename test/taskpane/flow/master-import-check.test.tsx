/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Stammdaten › *CSV-Dateien prüfen*: chosen files are checked first (the app's dry run): the pane
 * shows what the import would store (counts, „davon Korrekturen“, old → new) and stores nothing;
 * *Importieren* stores exactly the checked files, *Verwerfen* drops them; errors show with file, row
 * and column and offer no import. A sheet (*„Verträge“ prüfen*) is checked the same way before it is
 * written back.
 */
import { exportMaster } from "../../../src/app/export-master";
import { columnLetter } from "../../../src/io/table/raw-table";
import { vocabularyHeader } from "../../../src/io/table/sheet-vocabulary";
import { MasterDataArea } from "../../../src/taskpane/components/masterData/MasterDataArea";
import { stringsFor, type Language } from "../../../src/taskpane/i18n";
import { MASTER_SHEET_NAMES, MASTER_VOCABULARIES } from "../../../src/taskpane/master/master-sheets";
import { testContext } from "../../support/fixtures";
import { pickFiles, testFile } from "../support/render-pane";
import { byTestId, click, renderPane, until, type Pane } from "./pane-harness";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\n";
const CONTRACTS = "customer_no,customer_name,contract_no,contract_start,position_no,article_no,quantity,unit_price\n10001,Müller GmbH,V-1,2026-01-01,1,M365-BP,10,20.60\n";
const CORRECTED = "customer_no,customer_name,contract_no,contract_start,position_no,article_no,quantity,unit_price,correction\n10001,Müller GmbH,V-1,2026-01-01,1,M365-BP,10,18.60,yes\n";
const BAD = "customer_no,customer_name,contract_no,contract_start,position_no,article_no,quantity,unit_price\n10001,Müller GmbH,V-2,2026-01-01,1,M365-BP,zehn,20.60\n";

const query = (pane: Pane, id: string) => pane.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const text = (pane: Pane, id: string) => query(pane, id)?.textContent ?? "";
const stored = async (ctx: Awaited<ReturnType<typeof testContext>>) => ctx.store.read(async (tx) => ({ contracts: (await tx.contracts.all()).length, versions: (await tx.versions.all()).map((v) => v.unitPrice), batches: (await tx.batches.all()).length }));

describe.each<Language>(["de", "en"])("a %s pane", (language) => {
  const m = stringsFor(language).master;

  it("checks files without storing them, then imports exactly what was checked", async () => {
    const ctx = await testContext();
    const pane = await renderPane(ctx, <MasterDataArea onBackup={() => undefined} />, { language });
    const files = byTestId(pane.container, "master-files") as HTMLInputElement;
    expect(files.closest("div")?.textContent ?? "").toContain(m.checkFiles);
    await pickFiles(files, [testFile("articles.csv", ARTICLES), testFile("contracts.csv", CONTRACTS)]);
    await until(() => expect(text(pane, "import-check")).toContain(m.checkedTitle("articles.csv, contracts.csv")));
    const facts = text(pane, "import-check");
    for (const [label, n] of [[m.customers, 1], [m.articles, 1], [m.contracts, 1], [m.versions, 1], [m.mappings, 0]] as const) expect(facts).toContain(`${label}${n}`);
    expect(facts).not.toContain(m.corrections);
    expect(await stored(ctx)).toEqual({ contracts: 0, versions: [], batches: 0 });
    expect(query(pane, "import-result")).toBeNull();

    await click(byTestId(pane.container, "import-checked"));
    await until(() => expect(text(pane, "import-result")).toContain(`${m.versions}1`));
    expect(query(pane, "import-check")).toBeNull();
    expect(await stored(ctx)).toEqual({ contracts: 1, versions: ["20.6"], batches: 1 });

    // the same files again: the check says nothing would change, and offers no import
    await pickFiles(files, [testFile("contracts.csv", CONTRACTS)]);
    await until(() => expect(pane.container.textContent).toContain(m.checkUnchanged));
    expect(query(pane, "import-check")).toBeNull();
    pane.unmount();
  });

  it("a correction: the check counts it and says old → new; Verwerfen stores nothing; imported, the result counts it („davon Korrekturen“)", async () => {
    const ctx = await testContext();
    const pane = await renderPane(ctx, <MasterDataArea onBackup={() => undefined} />, { language });
    const files = byTestId(pane.container, "master-files") as HTMLInputElement;
    await pickFiles(files, [testFile("articles.csv", ARTICLES), testFile("contracts.csv", CONTRACTS)]);
    await until(() => byTestId(pane.container, "import-checked"));
    await click(byTestId(pane.container, "import-checked"));
    await until(() => expect(text(pane, "import-result")).toContain(m.versions));
    expect(text(pane, "import-result")).not.toContain(m.corrections);

    await pickFiles(files, [testFile("korrektur.csv", CORRECTED)]);
    await until(() => expect(text(pane, "import-check")).toContain(`${m.corrections}1`));
    expect(pane.container.textContent).toMatch(language === "de" ? /Korrektur: Vertrag V-1 Position 1 ab 01.01.2026, .*20,60 → 18,60/ : /Correction: contract V-1 position 1 from 2026-01-01, .*20.60 → 18.60/);
    expect(await stored(ctx)).toEqual({ contracts: 1, versions: ["20.6"], batches: 1 });

    await click(byTestId(pane.container, "import-check-discard"));
    await until(() => expect(pane.container.textContent).toContain(m.checkDiscarded));
    expect(query(pane, "import-check")).toBeNull();
    expect(await stored(ctx)).toEqual({ contracts: 1, versions: ["20.6"], batches: 1 });

    await pickFiles(files, [testFile("korrektur.csv", CORRECTED)]);
    await until(() => byTestId(pane.container, "import-checked"));
    await click(byTestId(pane.container, "import-checked"));
    await until(() => expect(text(pane, "import-result")).toContain(`${m.corrections}1`));
    expect(pane.container.textContent).toMatch(language === "de" ? /20,60 → 18,60/ : /20.60 → 18.60/);
    expect(await stored(ctx)).toEqual({ contracts: 1, versions: ["20.6", "18.6"], batches: 2 });
    pane.unmount();
  });

  it("errors show with file, row and column, and nothing can be imported", async () => {
    const ctx = await testContext();
    const pane = await renderPane(ctx, <MasterDataArea onBackup={() => undefined} />, { language });
    await pickFiles(byTestId(pane.container, "master-files") as HTMLInputElement, [testFile("articles.csv", ARTICLES), testFile("vertraege.csv", BAD)]);
    await until(() => expect(pane.container.textContent).toContain(m.fixCheckHint));
    expect(pane.container.textContent).toContain(language === "de" ? "vertraege.csv, Zeile 2, Spalte „quantity (G)“" : 'vertraege.csv, row 2, column "quantity (G)"');
    expect(query(pane, "import-check")).toBeNull();
    expect(query(pane, "import-checked")).toBeNull();
    expect(await stored(ctx)).toEqual({ contracts: 0, versions: [], batches: 0 });
    pane.unmount();
  });

  it("checks the edited Verträge sheet before writing it back", async () => {
    const ctx = await testContext();
    const pane = await renderPane(ctx, <MasterDataArea onBackup={() => undefined} />, { language });
    await pickFiles(byTestId(pane.container, "master-files") as HTMLInputElement, [testFile("articles.csv", ARTICLES), testFile("contracts.csv", CONTRACTS)]);
    await until(() => byTestId(pane.container, "import-checked"));
    await click(byTestId(pane.container, "import-checked"));
    await until(() => byTestId(pane.container, "import-result"));
    await click(byTestId(pane.container, "master-sheets"));
    const sheet = MASTER_SHEET_NAMES[language].contracts;
    await until(() => expect(pane.wb.sheetNames()).toContain(sheet));

    // a new state typed under the table
    const grid = pane.wb.values(sheet);
    const col = (c: string) => grid[0]!.indexOf(vocabularyHeader(MASTER_VOCABULARIES.contracts, c, language));
    const row = grid[1]!.map(String);
    row[col("quantity")] = "12";
    row[col("valid_from")] = "2026-11-01";
    row.forEach((v, i) => v !== "" && pane.wb.typeInto(sheet, `${columnLetter(i)}${grid.length + 1}`, v));

    await click(byTestId(pane.container, "check-sheet-contracts"));
    await until(() => expect(text(pane, "import-check")).toContain(m.checkedTitle(sheet)));
    expect(text(pane, "import-check")).toContain(`${m.versions}1`);
    expect(await stored(ctx)).toMatchObject({ versions: ["20.6"], batches: 1 });

    // the first import's result stays (its undo) until the sheet's batch replaces it
    expect(text(pane, "import-result")).toContain("master-00001");
    await click(byTestId(pane.container, "import-checked"));
    await until(() => expect(text(pane, "import-result")).toContain("master-00002"));
    expect(text(pane, "import-result")).toContain(`${m.versions}1`);
    expect(query(pane, "import-check")).toBeNull();
    expect(await stored(ctx)).toMatchObject({ versions: ["20.6", "20.6"], batches: 2 });
    expect((await exportMaster(ctx)).contracts).toMatch(/,12,[^\n]*2026-11-01/);
    pane.unmount();
  });
});
