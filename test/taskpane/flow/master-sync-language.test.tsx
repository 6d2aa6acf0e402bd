/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Stammdaten › *Verträge zurückschreiben* in an English pane on a German colleague's workbook (and
 * the other way round), through the rendered area: the colleague's sheet is the one written back;
 * with neither sheet the message names both names and no "correct the cell" hint is given.
 */
import { exportMaster } from "../../../src/app/export-master";
import { issue } from "../../../src/core/issues";
import { formatIssue } from "../../../src/core/messages";
import { MemoryWorkbook } from "../../../src/excel/memory/memory-workbook";
import { MemoryWorkbookGateway } from "../../../src/excel/memory/memory-gateway";
import { columnLetter } from "../../../src/io/table/raw-table";
import { vocabularyHeader } from "../../../src/io/table/sheet-vocabulary";
import { MasterDataArea } from "../../../src/taskpane/components/masterData/MasterDataArea";
import { stringsFor, type Language } from "../../../src/taskpane/i18n";
import { MASTER_SHEET_NAMES, MASTER_VOCABULARIES, csvSheetRows, masterWriteOptions } from "../../../src/taskpane/master/master-sheets";
import { unwrap } from "../../excel/fixtures";
import { testContext } from "../../support/fixtures";
import { seedStore } from "../../support/reconcile-scenario";
import { buttonNamed, click, renderPane, until } from "./pane-harness";

const other = (l: Language): Language => (l === "de" ? "en" : "de");

describe.each<Language>(["en", "de"])("a %s pane", (language) => {
  const m = stringsFor(language).master;
  const own = MASTER_SHEET_NAMES[language].contracts;
  const theirs = MASTER_SHEET_NAMES[other(language)].contracts;

  it("writes back the colleague's contracts sheet in the other language", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const wb = new MemoryWorkbook({ locale: other(language) });
    const rows = csvSheetRows((await exportMaster(ctx)).contracts, theirs, "contracts", other(language));
    unwrap(await new MemoryWorkbookGateway(wb).writeTable(theirs, rows, masterWriteOptions("contracts", theirs, other(language))));
    const pane = await renderPane(ctx, <MasterDataArea onBackup={() => undefined} />, { language, wb });
    await click(buttonNamed(pane.container, m.syncSheet(own)));
    await until(() => expect(pane.container.textContent).toContain(m.syncUnchanged(theirs)));

    // a new state typed into the colleague's sheet is stored
    const grid = wb.values(theirs);
    const col = (c: string) => grid[0]!.indexOf(vocabularyHeader(MASTER_VOCABULARIES.contracts, c, other(language)));
    const copy = grid[1]!.map(String);
    copy[col("quantity")] = "42";
    copy[col("valid_from")] = "2026-11-01";
    copy.forEach((v, i) => v !== "" && wb.typeInto(theirs, `${columnLetter(i)}${grid.length + 1}`, v));
    await click(buttonNamed(pane.container, m.syncSheet(own)));
    await until(() => expect((pane.container.querySelector('[data-testid="import-result"]')?.textContent ?? "")).toContain(m.versions));
    expect((await exportMaster(ctx)).contracts).toMatch(/,42,[^\n]*2026-11-01/);
    pane.unmount();
  });

  it("with neither sheet, names both and gives no cell hint", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const pane = await renderPane(ctx, <MasterDataArea onBackup={() => undefined} />, { language });
    await click(buttonNamed(pane.container, m.syncSheet(own)));
    const sheets = "Tabelle1"; // the in-memory workbook's one sheet
    const text = formatIssue(issue("excel.sheet_not_found_either", { sheet: own, other: theirs, sheets }), language);
    expect(text).toContain(theirs);
    await until(() => expect(pane.container.textContent).toContain(text));
    expect(pane.container.textContent).not.toContain(m.fixSheetHint);
    pane.unmount();
  });
});
