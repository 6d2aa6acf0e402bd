/**
 * @jest-environment ./test/support/jsdom-env.js
 */
/**
 * Issue 20: one primary button per area, the next step, in Einkauf, Zeiten/Zähler and Stammdaten
 * as in Abgleich and Abrechnung. The pure step functions per area, then the areas rendered: in each
 * state exactly one enabled primary button (none once the area's work is done), the expected one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { backupJson } from "../../../src/app/backup";
import { importMaster } from "../../../src/app/import-master";
import { setRules } from "../../../src/app/time";
import { emptyFlow, type FlowState } from "../../../src/taskpane/hooks/useNextStep";
import { MasterDataArea } from "../../../src/taskpane/components/masterData/MasterDataArea";
import { PurchaseArea } from "../../../src/taskpane/components/purchase/PurchaseArea";
import { UsageArea } from "../../../src/taskpane/components/usage/UsageArea";
import { stringsFor } from "../../../src/taskpane/i18n";
import { masterNextStep } from "../../../src/taskpane/master/next-step";
import { purchaseNextStep } from "../../../src/taskpane/purchase/next-step";
import { contractExtrasStrings } from "../../../src/taskpane/settings/contract-extras-strings";
import { extraFormsStrings } from "../../../src/taskpane/settings/extra-forms-strings";
import { settingsStrings } from "../../../src/taskpane/settings/settings-strings";
import { usageNextStep } from "../../../src/taskpane/usage/next-step";
import { ARTICLES, CONTRACTS, LINKS, PURCHASE } from "../../scenarios/purchase/domain-scenario";
import { testContext, textFile } from "../../support/fixtures";
import { choose, pickFiles, testFile, typeInto } from "../support/render-pane";
import { buttonNamed, byTestId, click, renderPane, until } from "./pane-harness";
import { expectPrimary } from "./primary-probe";

const de = stringsFor("de");
const set = settingsStrings.de;
const extra = extraFormsStrings.de;
const contractExtras = contractExtrasStrings.de;
const sample = (name: string) => readFileSync(join(__dirname, "../../../samples", name), "utf8");
const flow = <D extends string, N extends string, F extends string>(patch: Partial<FlowState<D, N, F>>): FlowState<D, N, F> => ({ ...emptyFlow<D, N, F>(), ...patch });

describe("the next step of each area (pure)", () => {
  it("Einkauf: contracts → links → report; a written sheet is read back next; typing a price update proposes it", () => {
    expect(purchaseNextStep(flow({}))).toBe("importContracts");
    expect(purchaseNextStep(flow({ last: "importContracts" }))).toBe("importLinks");
    expect(purchaseNextStep(flow({ last: "importLinks" }))).toBe("report");
    expect(purchaseNextStep(flow({ last: "report" }))).toBeNull();
    expect(purchaseNextStep(flow({ last: "writeEditSheet" }))).toBe("applyEditSheet");
    expect(purchaseNextStep(flow({ last: "applyEditSheet" }))).toBe("report");
    expect(purchaseNextStep(flow({ last: "proposePrice" }))).toBe("applyPrice");
    expect(purchaseNextStep(flow({ last: "applyPrice" }))).toBeNull();
    // an undone batch is done again; typing beats both
    expect(purchaseNextStep(flow({ last: "applyPrice", again: "applyPrice" }))).toBe("applyPrice");
    expect(purchaseNextStep(flow({ last: "importLinks", again: "importContracts" }))).toBe("importContracts");
    expect(purchaseNextStep(flow({ last: "writeEditSheet", again: "importLinks", editing: ["price"] }))).toBe("proposePrice");
  });

  it("Zeiten/Zähler: time → review → decisions → balances; usage → its review → its decisions; a form being typed → its save", () => {
    expect(usageNextStep(flow({}))).toBe("importTime");
    expect(usageNextStep(flow({ last: "importTime" }))).toBe("writeTimeReview");
    expect(usageNextStep(flow({ last: "saveRules" }))).toBe("writeTimeReview");
    expect(usageNextStep(flow({ last: "writeTimeReview" }))).toBe("applyTime");
    expect(usageNextStep(flow({ last: "applyTime" }))).toBe("writeBalance");
    expect(usageNextStep(flow({ last: "writeBalance" }))).toBeNull();
    expect(usageNextStep(flow({ last: "importMeters" }))).toBe("writeMeterReview");
    expect(usageNextStep(flow({ last: "writeMeterReview" }))).toBeNull();
    expect(usageNextStep(flow({ last: "importUsage" }))).toBe("writeUsageReview");
    expect(usageNextStep(flow({ last: "writeUsageReview" }))).toBe("applyUsage");
    expect(usageNextStep(flow({ last: "applyUsage" }))).toBeNull();
    expect(usageNextStep(flow({ last: "importMeters", again: "importMeters" }))).toBe("importMeters");
    // the form typed into latest wins
    expect(usageNextStep(flow({ last: "writeTimeReview", editing: ["contract", "defaults"] }))).toBe("saveDefaults");
    expect(usageNextStep(flow({ last: "writeTimeReview", editing: ["defaults", "contract"] }))).toBe("saveContract");
    expect(usageNextStep(flow({ last: "writeTimeReview", editing: ["contractExtras"] }))).toBe("saveContractExtras");
  });

  it("Stammdaten: import → sheets → read Verträge back; a pending restore is the only next step", () => {
    expect(masterNextStep(flow({}), false)).toBe("import");
    expect(masterNextStep(flow({ last: "import" }), false)).toBe("writeSheets");
    expect(masterNextStep(flow({ last: "writeSheets" }), false)).toBe("syncContracts");
    expect(masterNextStep(flow({ last: "sync" }), false)).toBeNull();
    expect(masterNextStep(flow({ last: "import", again: "import" }), false)).toBe("import");
    expect(masterNextStep(flow({ last: "writeSheets", editing: ["datev"] }), false)).toBe("saveDatev");
    expect(masterNextStep(flow({ last: "writeSheets", editing: ["datev"] }), true)).toBe("restore");
    expect(masterNextStep(flow({ last: "import" }), false, true)).toBe("importChecked");
  });
});

describe("one primary button rendered per area", () => {
  it("Einkauf", async () => {
    const ctx = await testContext();
    const m = await importMaster(ctx, [textFile("articles.csv", ARTICLES), textFile("contracts.csv", CONTRACTS)]);
    if (!m.ok) throw new Error(JSON.stringify(m.issues));
    const pane = await renderPane(ctx, <PurchaseArea />);
    const p = de.purchase;
    await expectPrimary(pane.container, [p.importContracts]);

    await pickFiles(byTestId(pane.container, "purchase-file") as HTMLInputElement, [testFile("purchase.csv", PURCHASE)]);
    await until(() => byTestId(pane.container, "purchase-import-result"));
    await expectPrimary(pane.container, [p.importLinks]);

    await pickFiles(byTestId(pane.container, "links-file") as HTMLInputElement, [testFile("links.csv", LINKS)]);
    await until(() => expect(byTestId(pane.container, "purchase-import-result").textContent).toContain(p.linksImported));
    await expectPrimary(pane.container, [p.writeReport]);

    await click(byTestId(pane.container, "links-report"));
    await until(() => byTestId(pane.container, "purchase-notice"));
    await expectPrimary(pane.container, []);

    await click(byTestId(pane.container, "links-edit-write"));
    await until(() => expect(byTestId(pane.container, "purchase-notice").textContent).toContain("Verknüpfungen bearbeiten"));
    await expectPrimary(pane.container, [p.applyEditSheet]);
    await click(byTestId(pane.container, "links-edit-apply"));
    await until(() => byTestId(pane.container, "purchase-import-result"));
    await expectPrimary(pane.container, [p.writeReport]);

    // Typing a price update makes its proposal the next step; proposed, Übernehmen; undone, Übernehmen again.
    await typeInto(byTestId(pane.container, "price-position"), "EK-100:1");
    await expectPrimary(pane.container, [p.writeReport]);
    await typeInto(byTestId(pane.container, "price-cost"), "1,20");
    await expectPrimary(pane.container, [de.price.propose]);
    await click(byTestId(pane.container, "price-propose"));
    await until(() => byTestId(pane.container, "price-notice"));
    await expectPrimary(pane.container, [de.price.apply]);
    await click(byTestId(pane.container, "price-apply"));
    await until(() => byTestId(pane.container, "price-result"));
    await expectPrimary(pane.container, []);
    await click(byTestId(pane.container, "price-result").querySelector("button")!);
    await until(() => byTestId(pane.container, "price-notice"));
    await expectPrimary(pane.container, [de.price.apply]);
    pane.unmount();
  });

  it("Zeiten/Zähler", async () => {
    const ctx = await testContext();
    const m = await importMaster(ctx, [textFile("articles.csv", sample("articles.csv")), textFile("contracts.csv", sample("contracts.csv"))]);
    if (!m.ok) throw new Error(JSON.stringify(m.issues));
    const r = await setRules(ctx, sample("rules.json"), "rules.json");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const pane = await renderPane(ctx, <UsageArea />);
    const u = de.usage;
    await until(() => expect(byTestId(pane.container, "rules-summary").textContent).toContain("min"));
    await expectPrimary(pane.container, [u.importTime]);

    await pickFiles(byTestId(pane.container, "time-file") as HTMLInputElement, [testFile("time.csv", sample("time.csv"))]);
    await until(() => byTestId(pane.container, "usage-import-result"));
    // The profile by a name the clerk can read, not its id (time-generic).
    expect(byTestId(pane.container, "usage-import-result").textContent).toContain("ProfilAllgemeines Format (Vorlage „Zeiten“)");
    expect(byTestId(pane.container, "usage-import-result").textContent).not.toContain("time-generic");
    await expectPrimary(pane.container, [u.writeReview]);

    await click(byTestId(pane.container, "time-review-write"));
    await until(() => byTestId(pane.container, "time-review-notice"));
    expect(pane.wb.sheetNames()).toContain("Zeiten 2026-10");
    await expectPrimary(pane.container, [u.applyDecisions]);

    // Typing into the time rules form: its save is the next step; typed back, the flow goes on.
    const first = byTestId(pane.container, "rules-activity-0-price") as HTMLInputElement;
    const before = first.value;
    await typeInto(first, `${before}x`);
    await expectPrimary(pane.container, [set.rules.saveDefaults]);
    await typeInto(first, before);
    await expectPrimary(pane.container, [u.applyDecisions]);
    // The same for the flat fee, holiday and override forms.
    const fee = byTestId(pane.container, "flatfee-0-label") as HTMLInputElement;
    const feeBefore = fee.value;
    await typeInto(fee, `${feeBefore}x`);
    await expectPrimary(pane.container, [extra.flatFees.save]);
    await typeInto(fee, feeBefore);
    await expectPrimary(pane.container, [u.applyDecisions]);
    // a contract's own lists: ticking one is typing (its save), unticking it again is not
    await choose(byTestId(pane.container, "extras-contract"), "V-3001");
    await until(() => byTestId(pane.container, "extras-own-surcharges"));
    await expectPrimary(pane.container, [u.applyDecisions]);
    const ownSurcharges = byTestId(pane.container, "extras-own-surcharges").querySelector("input") ?? byTestId(pane.container, "extras-own-surcharges");
    await click(ownSurcharges);
    await expectPrimary(pane.container, [contractExtras.save]);
    await click(ownSurcharges);
    await expectPrimary(pane.container, [u.applyDecisions]);

    await click(byTestId(pane.container, "time-review-apply"));
    await expectPrimary(pane.container, [u.showBalance]);

    await click(byTestId(pane.container, "balance-write"));
    await until(() => byTestId(pane.container, "usage-notice"));
    await expectPrimary(pane.container, []);
    pane.unmount();
  });

  it("Stammdaten", async () => {
    const ctx = await testContext();
    const pane = await renderPane(ctx, <MasterDataArea onBackup={() => undefined} />);
    const md = de.master;
    await until(() => expect(byTestId(pane.container, "profile-list").children.length).toBeGreaterThan(0));
    await expectPrimary(pane.container, [md.checkFiles]);

    // the check first: its Importieren is the one primary button
    await pickFiles(byTestId(pane.container, "master-files") as HTMLInputElement, [testFile("articles.csv", sample("articles.csv")), testFile("contracts.csv", sample("contracts.csv"))]);
    await until(() => byTestId(pane.container, "import-check"));
    await expectPrimary(pane.container, [md.importChecked]);
    await click(byTestId(pane.container, "import-checked"));
    await until(() => byTestId(pane.container, "import-result"));
    await expectPrimary(pane.container, [md.writeSheets]);

    await click(byTestId(pane.container, "master-sheets"));
    await until(() => expect(pane.wb.sheetNames()).toContain("Verträge"));
    await expectPrimary(pane.container, [md.syncSheet("Verträge")]);

    // Typing company data: its save; a chosen backup waiting for confirmation: only the confirmation.
    await typeInto(byTestId(pane.container, "company-name"), "Muster IT GmbH");
    await expectPrimary(pane.container, [set.company.save]);
    await typeInto(byTestId(pane.container, "company-name"), "");
    await expectPrimary(pane.container, [md.syncSheet("Verträge")]);
    await typeInto(byTestId(pane.container, "profile-name"), "ERP-Export");
    await expectPrimary(pane.container, [extra.profile.save]);
    await typeInto(byTestId(pane.container, "profile-name"), "");
    await expectPrimary(pane.container, [md.syncSheet("Verträge")]);
    const backup = await backupJson(ctx, "2026-11-23T08:00:00.000Z");
    await pickFiles(byTestId(pane.container, "backup-file") as HTMLInputElement, [testFile("backup.json", backup, "application/json")]);
    await until(() => byTestId(pane.container, "restore-confirm"));
    await expectPrimary(pane.container, [md.restoreYes]);
    await click([...byTestId(pane.container, "restore-confirm").querySelectorAll("button")].find((b) => b.textContent === de.common.cancel)!);
    await expectPrimary(pane.container, [md.syncSheet("Verträge")]);

    await click(buttonNamed(pane.container, md.syncSheet("Verträge")));
    await expectPrimary(pane.container, []);
    pane.unmount();
  });
});
