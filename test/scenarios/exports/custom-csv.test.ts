import { dbOf } from "../../support/db-view";
/** A saved custom CSV export profile round-trips: save → load → export JSON → import → same output. */
import {
  exportExportProfiles,
  exportInvoiceBatch,
  importExportProfiles,
  listExportProfiles,
  loadExportProfile,
  loadRunInvoices,
  saveExportProfiles,
  saveExportSettings,
} from "../../../src/app/export-invoices";
import type { ExportProfile } from "../../../src/io/export/custom-csv/profile";
import { DATEV_CONFIG, billedScenario } from "./scenario";

const SAGE: ExportProfile = {
  id: "sage-buchungen",
  version: 1,
  name: "Sage 100 Buchungsimport",
  delimiter: ";",
  decimal: ",",
  dateFormat: "DD.MM.YYYY",
  encoding: "windows-1252",
  level: "vat_rate",
  columns: [
    { source: "invoice_date", header: "Belegdatum" },
    { source: "invoice_ref", header: "BelegNr" },
    { source: "customer_name", header: "Buchungstext" },
    { source: "debit_account", header: "Soll" },
    { source: "credit_account", header: "Haben" },
    { source: "rate_gross_abs", header: "Betrag" },
  ],
};

const LINES: ExportProfile = {
  id: "erp-zeilen",
  version: 1,
  name: "ERP Rechnungszeilen",
  delimiter: "\t",
  decimal: ",",
  dateFormat: "DD.MM.YY",
  encoding: "utf-8",
  level: "line",
  columns: [
    { source: "customer_no", header: "Kunde" },
    { source: "invoice_ref", header: "Rechnung" },
    { source: "document_type", header: "Art" },
    { source: "article_no", header: "Artikel" },
    { source: "quantity", header: "Menge" },
    { source: "period_factor", header: "Monate" },
    { source: "net_amount", header: "Netto" },
    { source: "corrects_ref", header: "Korrektur zu" },
  ],
};

describe("custom CSV export profiles in the store", () => {
  it("save → load → export JSON → import into another workspace → byte-identical exports", async () => {
    const a = await billedScenario();
    await saveExportProfiles(a.ctx, [SAGE, LINES]);
    await saveExportSettings(a.ctx, { datev: DATEV_CONFIG });
    expect(await loadExportProfile(a.ctx, "sage-buchungen")).toEqual({ ok: true, value: SAGE });
    expect((await dbOf(a.ctx).settings.get("exportProfile:erp-zeilen"))?.value).toEqual(LINES);
    const file = await exportExportProfiles(a.ctx);
    if (!file.ok) throw new Error("export failed");

    const b = await billedScenario();
    const imported = await importExportProfiles(b.ctx, file.value);
    expect(imported.ok && imported.value.map((p) => p.id)).toEqual(["erp-zeilen", "sage-buchungen"]);
    await saveExportSettings(b.ctx, { datev: DATEV_CONFIG });
    expect((await listExportProfiles(b.ctx)).profiles).toEqual([LINES, SAGE]);

    for (const id of ["sage-buchungen", "erp-zeilen"]) {
      const runA = await loadRunInvoices(a.ctx, "run-00002");
      const runB = await loadRunInvoices(b.ctx, "run-00002");
      if (!runA.ok || !runB.ok) throw new Error("no run");
      const request = { format: { kind: "custom" as const, profileId: id }, createdAt: "2026-11-23T10:00:00.000" };
      const outA = await exportInvoiceBatch(a.ctx, runA.value.invoices, request);
      const outB = await exportInvoiceBatch(b.ctx, runB.value.invoices, request);
      if (!outA.ok || !outB.ok) throw new Error(JSON.stringify([outA, outB]));
      expect(Buffer.from(outB.value.bytes).equals(Buffer.from(outA.value.bytes))).toBe(true);
    }
    // and the export file of the second workspace is the same file again
    const again = await exportExportProfiles(b.ctx);
    expect(again.ok && again.value).toBe(file.value);
  });

  it("the Sage profile writes the February bookings of the scenario", async () => {
    const s = await billedScenario();
    await saveExportProfiles(s.ctx, [SAGE]);
    await saveExportSettings(s.ctx, { datev: DATEV_CONFIG });
    const r = await exportInvoiceBatch(s.ctx, s.february, { format: { kind: "custom", profileId: "sage-buchungen" }, createdAt: "x" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(Buffer.from(r.value.bytes).toString("latin1")).toBe(
      [
        "Belegdatum;BelegNr;Buchungstext;Soll;Haben;Betrag",
        "02.02.2026;RE-000003;Müller GmbH;10001;8400;245,14",
        "02.02.2026;RE-000003;Müller GmbH;10001;8300;12,84",
        "02.02.2026;RE-000004;Schmidt & Söhne KG;8400;10002;98,06",
        "",
      ].join("\r\n"),
    );
  });

  it("an unknown profile names the saved ones; an invalid import saves nothing", async () => {
    const s = await billedScenario();
    await saveExportProfiles(s.ctx, [LINES]);
    const r = await exportInvoiceBatch(s.ctx, s.february, { format: { kind: "custom", profileId: "sage" }, createdAt: "x" });
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.profiles])).toEqual([["export.unknown_profile", "erp-zeilen"]]);
    const bad = await importExportProfiles(s.ctx, JSON.stringify([SAGE, { ...SAGE, id: "zwei", columns: [{ source: "quantity", header: "Menge" }] }]));
    expect(!bad.ok && bad.issues.map((i) => i.params.field)).toEqual(["[1].columns[0].source"]);
    expect((await listExportProfiles(s.ctx)).profiles.map((p) => p.id)).toEqual(["erp-zeilen"]);
  });
});
