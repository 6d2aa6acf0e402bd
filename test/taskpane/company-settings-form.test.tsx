/**
 * @jest-environment ./test/support/jsdom-environment.js
 */
import { loadCompanyInfo, loadDatevConfig } from "../../src/app/export-invoices";
import { saveExportSettingsFile } from "../../src/app/export-settings-file";
import { CompanySettingsSection } from "../../src/taskpane/components/settings/CompanySettingsSection";
import { dbOf } from "../support/db-view";
import { testContext } from "../support/fixtures";
import { byTestId, choose, click, queryTestId, renderPane, typeInto, waitFor } from "./support/render-pane";

const fieldText = (root: HTMLElement, testId: string) => byTestId(root, testId).closest(".fui-Field")!.textContent ?? "";
const radio = (root: HTMLElement, group: string, value: string) => byTestId(root, group).querySelector<HTMLInputElement>(`input[value="${value}"]`)!;

async function stored(ctx: Awaited<ReturnType<typeof testContext>>) {
  const [c, d] = await Promise.all([loadCompanyInfo(ctx), loadDatevConfig(ctx)]);
  return { company: c.ok ? c.value : c.issues, datev: d.ok ? d.value : d.issues, audit: (await dbOf(ctx).auditLog.toArray()).length };
}

async function rendered() {
  const ctx = await testContext();
  const pane = await renderPane(<CompanySettingsSection />, ctx);
  await waitFor(() => queryTestId(pane.container, "company-form"), "the company form");
  return { ctx, pane, c: pane.container };
}

describe("company data and bank account form (Stammdaten)", () => {
  it("saved valid, stores what the JSON settings file stores", async () => {
    const { ctx, pane, c } = await rendered();
    await typeInto(byTestId(c, "company-name"), "Muster IT GmbH");
    await typeInto(byTestId(c, "company-address"), "Hauptstraße 1\r\n80331 München");
    await typeInto(byTestId(c, "company-vatId"), "DE123456789");
    await typeInto(byTestId(c, "company-iban"), "de89 3704 0044 0532 0130 00");
    await typeInto(byTestId(c, "company-paymentTerms"), "Zahlbar innerhalb von 14 Tagen ohne Abzug.");
    await click(byTestId(c, "company-save"));
    await waitFor(() => queryTestId(c, "company-settings-saved"), "the saved notice");

    const viaJson = await testContext();
    const json = { company: { name: "Muster IT GmbH", address: "Hauptstraße 1\n80331 München", vatId: "DE123456789", iban: "DE89370400440532013000", paymentTerms: "Zahlbar innerhalb von 14 Tagen ohne Abzug." } };
    expect((await saveExportSettingsFile(viaJson, "settings.json", JSON.stringify(json))).ok).toBe(true);
    expect(await stored(ctx)).toEqual(await stored(viaJson));
    expect(pane.storeChanges()).toBe(1);
    pane.unmount();
  });

  it("invalid: the messages stand next to the fields, nothing is stored", async () => {
    const { ctx, pane, c } = await rendered();
    const before = await stored(ctx);
    await typeInto(byTestId(c, "company-address"), "Hauptstraße 1");
    await typeInto(byTestId(c, "company-iban"), "DE00 1234");
    await click(byTestId(c, "company-save"));
    await waitFor(() => fieldText(c, "company-name").includes("Pflichtfeld"), "the name's message");
    // In the clerk's words: no JSON field names (taxNumber, vatId, iban) next to the fields.
    expect(fieldText(c, "company-taxNumber")).toContain("Steuernummer oder USt-IdNr. angeben");
    expect(fieldText(c, "company-taxNumber")).not.toMatch(/taxNumber|vatId/);
    expect(fieldText(c, "company-iban")).toContain("IBAN„DE001234“ ist ungültig (erwartet eine IBAN");
    expect(fieldText(c, "company-iban")).not.toContain("Feld iban");
    expect(fieldText(c, "company-address")).not.toContain("Pflichtfeld");
    expect(queryTestId(c, "company-settings-saved")).toBeNull();
    expect(await stored(ctx)).toEqual(before);
    expect(pane.storeChanges()).toBe(0);
    pane.unmount();
  });
});

describe("DATEV settings form (Stammdaten)", () => {
  it("saved valid (German date of the fiscal year, SKR04, a 0 % account), stores what the JSON file stores; the form shows it again", async () => {
    const { ctx, pane, c } = await rendered();
    await typeInto(byTestId(c, "datev-consultantNo"), "1234567");
    await typeInto(byTestId(c, "datev-clientNo"), "10001");
    await typeInto(byTestId(c, "datev-fiscalYearStart"), "1.7.");
    await choose(byTestId(c, "datev-accountLength"), "5");
    await click(radio(c, "datev-chart", "SKR04"));
    await typeInto(byTestId(c, "datev-revenue-0"), "43360");
    await click(byTestId(c, "datev-debtorFromCustomerNo").querySelector("input") ?? byTestId(c, "datev-debtorFromCustomerNo"));
    await click(byTestId(c, "datev-save"));
    await waitFor(() => queryTestId(c, "datev-settings-saved"), "the saved notice");

    const viaJson = await testContext();
    const json = { datev: { consultantNo: 1234567, clientNo: 10001, fiscalYearStart: "07-01", accountLength: 5, chart: "SKR04", revenueAccounts: { "0": "43360" }, debtorFromCustomerNo: true } };
    expect((await saveExportSettingsFile(viaJson, "datev.json", JSON.stringify(json))).ok).toBe(true);
    expect(await stored(ctx)).toEqual(await stored(viaJson));
    pane.unmount();
    const again = await renderPane(<CompanySettingsSection />, ctx);
    await waitFor(() => byTestId<HTMLInputElement>(again.container, "datev-consultantNo").value === "1234567", "the stored settings in the form");
    expect(byTestId<HTMLInputElement>(again.container, "datev-fiscalYearStart").value).toBe("01.07.");
    expect(radio(again.container, "datev-chart", "SKR04").checked).toBe(true);
    again.unmount();
  });

  it("invalid numbers and accounts: each message next to its field, nothing is stored", async () => {
    const { ctx, pane, c } = await rendered();
    const before = await stored(ctx);
    await typeInto(byTestId(c, "datev-consultantNo"), "12");
    await typeInto(byTestId(c, "datev-clientNo"), "10001");
    await typeInto(byTestId(c, "datev-revenue-19"), "84000");
    await click(byTestId(c, "datev-save"));
    await waitFor(() => fieldText(c, "datev-consultantNo").includes("ungültig"), "the consultant number's message");
    expect(fieldText(c, "datev-consultantNo")).toContain("1001");
    expect(fieldText(c, "datev-revenue-19")).toContain("84000");
    expect(fieldText(c, "datev-clientNo")).not.toContain("ungültig");
    expect(await stored(ctx)).toEqual(before);
    expect(pane.storeChanges()).toBe(0);
    pane.unmount();
  });
});
