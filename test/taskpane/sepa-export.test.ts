import { importMandates } from "../../src/app/mandates";
import { setSepaSettings, storedSepaSettings } from "../../src/app/sepa-settings";
import type { IsoDate } from "../../src/core/date/iso-date";
import { exportSepaForPane, saveSepaSettingsForm, sepaSettingsFormOf } from "../../src/taskpane/billing/sepa-export";
import { MANDATES_CSV, addRun, storedInvoice } from "../app/sepa/sepa-fixtures";
import { dbOf } from "../support/db-view";
import { testContext, textFile } from "../support/fixtures";
import { pain008Errors } from "../support/pain008-xsd";

const DATE = "2026-12-08" as IsoDate;
const FORM = { name: "Systemhaus Süd GmbH", iban: "DE89 3704 0044 0532 0130 00", bic: "", creditorId: "DE98ZZZ09999999999" };

describe("the pane's SEPA step", () => {
  it("settings form: checked, nothing stored when wrong, fields it does not show are kept", async () => {
    const ctx = await testContext();
    expect(await sepaSettingsFormOf(ctx)).toEqual({ name: "", iban: "", bic: "", creditorId: "", stored: false });
    const bad = await saveSepaSettingsForm(ctx, { ...FORM, iban: "DE89 3704 0044 0532 0130 01" });
    expect(!bad.ok && bad.issues.map((i) => i.code)).toEqual(["sepa.iban_checksum"]);
    expect(await storedSepaSettings(ctx)).toBeNull();
    expect((await setSepaSettings(ctx, JSON.stringify({ ...FORM, bic: "COBADEFFXXX", leadDays: 2 }))).ok).toBe(true);
    const saved = await saveSepaSettingsForm(ctx, { ...FORM, name: "Systemhaus Nord GmbH" });
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
    expect(await storedSepaSettings(ctx)).toMatchObject({ name: "Systemhaus Nord GmbH", leadDays: 2 });
    expect((await storedSepaSettings(ctx))!.bic).toBeUndefined();
    expect(await sepaSettingsFormOf(ctx)).toMatchObject({ name: "Systemhaus Nord GmbH", creditorId: "DE98ZZZ09999999999", stored: true });
  });

  it("export: files named by message id with the report; a second export asks for confirmation; the confirmed repeat is marked", async () => {
    const ctx = await testContext();
    expect((await saveSepaSettingsForm(ctx, FORM)).ok).toBe(true);
    expect((await importMandates(ctx, textFile("mandates.csv", MANDATES_CSV))).ok).toBe(true);
    await addRun(ctx, "run-00001", [
      storedInvoice("run-00001", 0, "RE-000001", "K1", "119.00"),
      storedInvoice("run-00001", 1, "RE-000002", "K4", "59.50"),
      storedInvoice("run-00001", 2, "ST-000001", "K1", "-10.00", { kind: "cancellation", cancels: "RE-000009" }),
    ]);
    const first = await exportSepaForPane(ctx, "run-00001", DATE);
    if (first.kind !== "done") throw new Error(JSON.stringify(first));
    expect(first.value.files.map((f) => [f.name, f.count, f.total, f.repeat])).toEqual([["SDD-run-00001-1.xml", 1, "119.00", false]]);
    expect(await pain008Errors(first.value.files.map((f) => new TextDecoder().decode(f.bytes)))).toEqual([[]]);
    // The report shown next to the button: what was collected, and each document left out with why.
    expect(first.value.report.map((i) => [i.code, i.params.invoice ?? i.params.count])).toEqual([
      ["sepa.report.collected", 1], ["sepa.report.not_direct_debit", "RE-000002"], ["sepa.report.cancellation", "ST-000001"],
    ]);
    const second = await exportSepaForPane(ctx, "run-00001", DATE);
    expect(second.kind).toBe("confirm_repeat");
    expect(await dbOf(ctx).collections.count()).toBe(1);
    const repeat = await exportSepaForPane(ctx, "run-00001", DATE, true);
    if (repeat.kind !== "done") throw new Error(JSON.stringify(repeat));
    expect(repeat.value.files.map((f) => [f.name, f.repeat])).toEqual([["SDD-run-00001-2.xml", true]]);
  });

  it("export without settings fails with the settings message, not a confirmation", async () => {
    const ctx = await testContext();
    await addRun(ctx, "run-00001", [storedInvoice("run-00001", 0, "RE-000001", "K1", "119.00")]);
    const r = await exportSepaForPane(ctx, "run-00001", DATE);
    expect(r.kind === "failed" && r.issues.map((i) => i.code)).toEqual(["sepa.settings_missing"]);
  });
});
