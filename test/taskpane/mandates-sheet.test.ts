import { importMandates } from "../../src/app/mandates";
import { undoBatch } from "../../src/app/undo-batch";
import { mandatesSheetName, applyMandatesSheet, writeMandatesSheet } from "../../src/taskpane/billing/mandates-sheet";
import { MANDATES_CSV } from "../app/sepa/sepa-fixtures";
import { deIban } from "../core/sepa/fixtures";
import { memoryGateway, rowWhere, unwrap } from "../excel/fixtures";
import { dbOf } from "../support/db-view";
import { testContext, textFile } from "../support/fixtures";

/** The German name, as these tests write and read German sheets. */
const MANDATES_SHEET = mandatesSheetName("de");
const MANDATES_SHEET_EN = mandatesSheetName("en");

async function withMandates() {
  const ctx = await testContext();
  const m = await importMandates(ctx, textFile("mandates.csv", MANDATES_CSV));
  if (!m.ok) throw new Error(JSON.stringify(m.issues));
  return ctx;
}
const stored = async (ctx: Awaited<ReturnType<typeof testContext>>) => (await dbOf(ctx).mandates.toArray()).map((m: any) => [m.customerNo, m.mandateRef, m.iban, m.scheme, m.paymentMethod, m.netCredits ?? null]).sort();

describe("the mandates sheet of the Abrechnung area (edit mandates in Excel)", () => {
  it("written and read back unchanged, it changes nothing", async () => {
    const ctx = await withMandates();
    const { wb, gw } = memoryGateway({ locale: "de" });
    const { written, mandates } = await writeMandatesSheet(ctx, gw);
    expect(unwrap(written).rowsWritten).toBe(5);
    expect(mandates).toBe(5);
    // IBANs stay text, not numbers; the K2 row keeps its netting setting.
    const k2 = rowWhere(wb, MANDATES_SHEET_EN, 0, "K2");
    expect(wb.values(MANDATES_SHEET_EN, `D${k2}`)[0]![0]).toMatch(/^DE\d\d 3704 0044 0000 0000 02$/);
    expect(wb.values(MANDATES_SHEET_EN, `N${k2}`)[0]![0]).toBe("yes");
    const before = await stored(ctx);
    const r = await applyMandatesSheet(ctx, gw);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toMatchObject({ batchId: null, added: 0, changed: 0, unchanged: 5 });
    expect(await stored(ctx)).toEqual(before);
  });

  it("German: headers and words in German, read back unchanged; a German edit is applied; a bad cell names its German column", async () => {
    const ctx = await withMandates();
    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap((await writeMandatesSheet(ctx, gw, {}, "de")).written);
    const header = wb.values(MANDATES_SHEET)[0]!.map(String);
    expect(header.slice(0, 7)).toEqual(["Kundennummer", "Mandatsreferenz", "Unterschrieben am", "IBAN", "BIC", "Verfahren", "Kontoinhaber"]);
    expect(header.filter((h) => /_/.test(h))).toEqual([]);
    const k2 = rowWhere(wb, MANDATES_SHEET, 0, "K2");
    expect(wb.values(MANDATES_SHEET, `N${k2}`)[0]![0]).toBe("ja");
    expect(wb.validationList(MANDATES_SHEET, `M${k2}`)).toEqual(["Lastschrift", "Überweisung"]);
    const unchanged = await applyMandatesSheet(ctx, gw);
    expect(unchanged.ok && unchanged.value).toMatchObject({ batchId: null, unchanged: 5 });
    const k1 = rowWhere(wb, MANDATES_SHEET, 0, "K1");
    wb.typeInto(MANDATES_SHEET, `N${k1}`, "ja");
    const r = await applyMandatesSheet(ctx, gw);
    expect(r.ok && r.value).toMatchObject({ changed: 1 });
    expect(((await dbOf(ctx).mandates.get("K1")) as any).netCredits).toBe(true);
    wb.typeInto(MANDATES_SHEET, `C${k1}`, "gestern");
    const bad = await applyMandatesSheet(ctx, gw);
    expect(bad.ok ? [] : bad.issues.map((i) => i.where?.column)).toEqual(["Unterschrieben am (C)"]);
  });

  it("an edited IBAN and a netting switch become one undoable batch", async () => {
    const ctx = await withMandates();
    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap((await writeMandatesSheet(ctx, gw)).written);
    const before = await stored(ctx);
    const k1 = rowWhere(wb, MANDATES_SHEET_EN, 0, "K1");
    wb.typeInto(MANDATES_SHEET_EN, `D${k1}`, deIban("50010517", 77));
    wb.typeInto(MANDATES_SHEET_EN, `N${k1}`, "yes");
    const r = await applyMandatesSheet(ctx, gw);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value).toMatchObject({ changed: 1, unchanged: 4 });
    expect(((await dbOf(ctx).mandates.get("K1")) as any)).toMatchObject({ iban: deIban("50010517", 77).replace(/ /g, ""), netCredits: true });
    expect((await undoBatch(ctx, r.value.batchId!)).ok).toBe(true);
    expect(await stored(ctx)).toEqual(before);
  });

  it("bad cells are named by sheet, row and column, and nothing is stored", async () => {
    const ctx = await withMandates();
    const { wb, gw } = memoryGateway({ locale: "de" });
    unwrap((await writeMandatesSheet(ctx, gw)).written);
    const before = await stored(ctx);
    const k3 = rowWhere(wb, MANDATES_SHEET_EN, 0, "K3");
    wb.typeInto(MANDATES_SHEET_EN, `D${k3}`, "DE00 1234");
    // pasted: a paste skips the drop-down check, the import does not
    wb.typeInto(MANDATES_SHEET_EN, `F${k3}`, "COR", { paste: true });
    const r = await applyMandatesSheet(ctx, gw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.code, i.where?.source, i.where?.row, i.where?.column])).toEqual([
      ["parse.invalid_choice", MANDATES_SHEET_EN, k3, "Scheme (F)"],
      ["sepa.iban_length", MANDATES_SHEET_EN, k3, "IBAN (D)"],
    ]);
    expect(await stored(ctx)).toEqual(before);
  });
});
