/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Stammdaten › *CSV-Dateien prüfen* → *Importieren* with a row marked as a correction (README "Merge
 * rules of `import-master`"): the import result counts it („davon Korrekturen“) and names old → new;
 * an import without corrections shows no such line.
 */
import { MasterDataArea } from "../../../src/taskpane/components/masterData/MasterDataArea";
import { stringsFor, type Language } from "../../../src/taskpane/i18n";
import { testContext } from "../../support/fixtures";
import { pickFiles, testFile } from "../support/render-pane";
import { byTestId, click, renderPane, until } from "./pane-harness";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\n";
const CONTRACTS = "customer_no,customer_name,contract_no,contract_start,position_no,article_no,quantity,unit_price\n10001,Müller GmbH,V-1,2026-01-01,1,M365-BP,10,20.60\n";
const CORRECTED = "customer_no,customer_name,contract_no,contract_start,position_no,article_no,quantity,unit_price,correction\n10001,Müller GmbH,V-1,2026-01-01,1,M365-BP,10,18.60,yes\n";

describe.each<Language>(["de", "en"])("a %s pane", (language) => {
  const m = stringsFor(language).master;

  it("counts the corrections of an import and says old → new", async () => {
    const ctx = await testContext();
    const pane = await renderPane(ctx, <MasterDataArea onBackup={() => undefined} />, { language });
    const files = byTestId(pane.container, "master-files") as HTMLInputElement;
    await pickFiles(files, [testFile("articles.csv", ARTICLES), testFile("contracts.csv", CONTRACTS)]);
    await until(() => byTestId(pane.container, "import-checked"));
    await click(byTestId(pane.container, "import-checked"));
    await until(() => expect(byTestId(pane.container, "import-result").textContent).toContain(m.versions));
    expect(byTestId(pane.container, "import-result").textContent).not.toContain(m.corrections);

    await pickFiles(files, [testFile("korrektur.csv", CORRECTED)]);
    await until(() => byTestId(pane.container, "import-checked"));
    await click(byTestId(pane.container, "import-checked"));
    await until(() => expect(byTestId(pane.container, "import-result").textContent).toContain(`${m.corrections}1`));
    expect(pane.container.textContent).toMatch(language === "de" ? /20,60 → 18,60/ : /20.60 → 18.60/);
    pane.unmount();
  });
});
