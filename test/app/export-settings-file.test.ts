import { dbOf } from "../support/db-view";
import { listExportProfiles, loadCompanyInfo, loadDatevConfig } from "../../src/app/export-invoices";
import { saveExportSettingsFile } from "../../src/app/export-settings-file";
import { COMPANY, DATEV_CONFIG } from "../scenarios/exports/scenario";
import { testContext } from "../support/fixtures";

const PROFILE = {
  id: "sage",
  version: 1,
  name: "Sage 100",
  delimiter: ";",
  decimal: ",",
  dateFormat: "DD.MM.YYYY",
  encoding: "utf-8",
  level: "invoice",
  columns: [
    { source: "invoice_ref", header: "BelegNr" },
    { source: "gross_total", header: "Brutto" },
  ],
};

async function stored(ctx: Awaited<ReturnType<typeof testContext>>) {
  const datev = await loadDatevConfig(ctx);
  const company = await loadCompanyInfo(ctx);
  return { datev: datev.ok ? datev.value : "invalid", company: company.ok ? company.value : "invalid", profiles: (await listExportProfiles(ctx)).profiles.map((p) => p.id), audit: await dbOf(ctx).auditLog.count() };
}

describe("export settings from one JSON file (the task pane's Load export settings)", () => {
  it("recognises DATEV settings, company data and a single profile by their content", async () => {
    const ctx = await testContext();
    expect(await saveExportSettingsFile(ctx, "datev.json", JSON.stringify(DATEV_CONFIG))).toEqual({ ok: true, value: { datev: true, company: false, profiles: [] } });
    expect(await saveExportSettingsFile(ctx, "firma.json", "\uFEFF" + JSON.stringify(COMPANY))).toEqual({ ok: true, value: { datev: false, company: true, profiles: [] } });
    expect(await saveExportSettingsFile(ctx, "sage.json", JSON.stringify(PROFILE))).toEqual({ ok: true, value: { datev: false, company: false, profiles: ["sage"] } });
    const s = await stored(ctx);
    expect(s.datev).toMatchObject({ consultantNo: 1234567, chart: "SKR03" });
    expect(s.company).toMatchObject({ name: COMPANY.name });
    expect(s.profiles).toEqual(["sage"]);
    expect(s.audit).toBe(3);
  });

  it("takes all three at once, and a profiles list", async () => {
    const ctx = await testContext();
    const r = await saveExportSettingsFile(ctx, "alles.json", JSON.stringify({ datev: DATEV_CONFIG, company: COMPANY, profiles: [PROFILE, { ...PROFILE, id: "sage2" }] }));
    expect(r).toEqual({ ok: true, value: { datev: true, company: true, profiles: ["sage", "sage2"] } });
    const list = await saveExportSettingsFile(ctx, "liste.json", JSON.stringify([{ ...PROFILE, id: "sage3" }]));
    expect(list).toEqual({ ok: true, value: { datev: false, company: false, profiles: ["sage3"] } });
  });

  it("saves nothing when any part is invalid, and names the file and the field", async () => {
    const ctx = await testContext();
    const before = await stored(ctx);
    const r = await saveExportSettingsFile(ctx, "alles.json", JSON.stringify({ datev: { ...DATEV_CONFIG, chart: "SKR99" }, company: COMPANY }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: "datev.field_invalid", where: { source: "alles.json" } });
    expect(JSON.stringify(r.issues[0]!.params)).toContain("chart");
    expect(await stored(ctx)).toEqual(before);
  });

  it("refuses invalid JSON and files of an unknown kind with the file name", async () => {
    const ctx = await testContext();
    const bad = await saveExportSettingsFile(ctx, "kaputt.json", "{ consultantNo: 1");
    expect(!bad.ok && bad.issues.map((i) => [i.code, i.params.file])).toEqual([["export.settings_invalid_json", "kaputt.json"]]);
    for (const text of ['{"foo": 1}', "42", '{"datev": {}, "extra": 1}']) {
      const r = await saveExportSettingsFile(ctx, "x.json", text);
      expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["export.settings_unknown_file"]);
    }
    expect((await stored(ctx)).audit).toBe(0);
  });
});
