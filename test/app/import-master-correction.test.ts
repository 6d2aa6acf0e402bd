/**
 * Correcting master data that was wrong from the first day (README "Merge rules of `import-master`"):
 * a row marked `correction` replaces the stored state with the same valid_from by a new entry (the old
 * one stays stored and in the audit log), the next run bills the difference for the months already
 * billed and issued, undoing the correcting batch brings the old state back; without the marker the
 * row is still refused.
 */
import { dbOf } from "../support/db-view";
import { runBilling } from "../../src/app/bill";
import type { AppContext } from "../../src/app/context";
import { exportMaster } from "../../src/app/export-master";
import { importMaster } from "../../src/app/import-master";
import { finalizeRun } from "../../src/app/issue-run";
import { undoBatch } from "../../src/app/undo-batch";
import { formatIssue } from "../../src/core/messages";
import type { PositionVersion } from "../../src/core/contract/model";
import { testStore } from "../support/fixtures-store";
import { textFile } from "../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\n";
const HEADER = "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from";
const row = (o: { start?: string; qty?: string; price?: string; vat?: string; from?: string; interval?: string; customer?: string } = {}) =>
  `${o.customer ?? "10001"},Müller GmbH,V-1,${o.interval ?? "monthly"},advance,${o.start ?? "2026-01-01"},1,M365-BP,${o.qty ?? "10"},${o.price ?? "20.60"},${o.vat ?? "19"},${o.from ?? o.start ?? "2026-01-01"}`;
const file = (line: string, correction?: string) => textFile("fix.csv", correction === undefined ? `${HEADER}\n${line}` : `${HEADER},correction\n${line},${correction}`);

/** A store with a clock that moves on with each step (undo compares the times of runs and batches). */
async function billedAndIssuedJanuary(): Promise<AppContext & { tick: () => void }> {
  let minute = 0;
  const ctx = { store: await testStore(), now: () => `2026-02-01T10:${String(minute).padStart(2, "0")}:00.000Z`, tick: () => void minute++ };
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), file(row())])).ok).toBe(true);
  ctx.tick();
  const jan = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
  if (!jan.ok || !jan.value.runId) throw new Error("January failed");
  expect(jan.value.invoices.map((i) => [i.invoiceRef, i.netTotal])).toEqual([["RE-000001", "206.00"]]);
  expect((await finalizeRun(ctx, jan.value.runId)).ok).toBe(true);
  ctx.tick();
  return ctx;
}

const lines = (r: Awaited<ReturnType<typeof runBilling>>) =>
  r.ok ? r.value.invoices.flatMap((i) => i.lines.map((l) => `${l.lineType} ${l.serviceFrom}..${l.serviceTo} ${l.quantity} × ${l.unitPrice} ${l.vatPct}% ${l.netAmount}${l.correctsRef ? ` corrects ${l.correctsRef}` : ""}`)) : r.issues.map((i) => i.code);
const versionsOf = async (ctx: AppContext) => ((await dbOf(ctx).contractVersions.where("contractNo").equals("V-1").sortBy("seq")) as PositionVersion[]).map((v) => [v.validFrom, v.unitPrice, v.vatPct, v.seq]);

describe("import-master: correcting a version with the same valid_from", () => {
  it("without the correction marker a differing row is still refused, naming file, row and column and how to correct", async () => {
    const ctx = await billedAndIssuedJanuary();
    for (const f of [file(row({ price: "18.60" })), file(row({ price: "18.60" }), "no")]) {
      const r = await importMaster(ctx, [f]);
      expect(!r.ok && r.issues.map((i) => [i.code, i.where])).toEqual([["master.conflicting_version", { source: "fix.csv", row: 2, column: "unit_price" }]]);
      expect(!r.ok && formatIssue(r.issues[0]!, "de")).toBe(
        "fix.csv, Zeile 2, Spalte „unit_price“: Vertrag V-1 Position 1: ab 01.01.2026 ist bereits ein anderer Stand gespeichert (Menge 10, Preis 20,6). Ist der gespeicherte Stand falsch, die Zeile als Korrektur kennzeichnen (Spalte correction bzw. Korrektur: ja).",
      );
    }
    expect(await versionsOf(ctx)).toEqual([["2026-01-01", "20.6", "19", 1]]);
  });

  it("with it the row adds a correcting entry (the old one stays), audited with before and after; the next run bills the difference for the issued January", async () => {
    const ctx = await billedAndIssuedJanuary();
    const preview = await importMaster(ctx, [file(row({ price: "18.60" }), "ja")], { dryRun: true });
    expect(preview.ok && preview.value).toMatchObject({ dryRun: true, batchId: null, versions: 1, corrections: 1 });
    expect(preview.ok && preview.value.warnings.map((i) => formatIssue(i, "en"))).toEqual(['fix.csv, row 2, column "unit_price": Correction: contract V-1 position 1 from 2026-01-01, unit_price 20.60 → 18.60.']);
    expect(await versionsOf(ctx)).toEqual([["2026-01-01", "20.6", "19", 1]]);

    const r = await importMaster(ctx, [file(row({ price: "18.60" }), "ja")]);
    expect(r.ok && r.value).toMatchObject({ batchId: "master-00002", versions: 1, corrections: 1, unchangedRows: 0 });
    expect(r.ok && r.value.warnings.map((i) => [i.code, i.severity, i.params.stored, i.params.corrected])).toEqual([["master.version_corrected", "info", "20.60", "18.60"]]);
    expect(await versionsOf(ctx)).toEqual([["2026-01-01", "20.6", "19", 1], ["2026-01-01", "18.6", "19", 2]]);
    const audit = (await dbOf(ctx).auditLog.where("source").equals("master-00002").toArray()) as { kind: string; entity: string; before: PositionVersion; after: PositionVersion }[];
    expect(audit.map((a) => [a.kind, a.entity, a.before.unitPrice, a.after.unitPrice, a.after.validFrom])).toEqual([["contract.version.correct", "contract:V-1/1", "20.6", "18.6", "2026-01-01"]]);
    // The same file again changes nothing: the correction is the stored state now.
    const again = await importMaster(ctx, [file(row({ price: "18.60" }), "ja")]);
    expect(again.ok && again.value).toMatchObject({ batchId: null, unchangedRows: 1 });

    ctx.tick();
    // January stays issued (RE-000001 unchanged); February bills the credit for it and itself at the corrected price.
    expect(lines(await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" }))).toEqual([
      "difference 2026-01-01..2026-01-31 10 × -2 19% -20.00 corrects RE-000001",
      "recurring 2026-02-01..2026-02-28 10 × 18.6 19% 186.00",
    ]);
    expect((await dbOf(ctx).invoices.get("RE-000001")).netTotal).toBe("206.00");
  });

  it("a wrong VAT rate from the first day: the issued month is credited at 19 % and billed again at 7 %", async () => {
    const ctx = await billedAndIssuedJanuary();
    expect((await importMaster(ctx, [file(row({ vat: "7" }), "yes")])).ok).toBe(true);
    ctx.tick();
    const feb = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
    expect(lines(feb)).toEqual([
      "difference 2026-01-01..2026-01-31 -10 × 20.6 19% -206.00 corrects RE-000001",
      "difference 2026-01-01..2026-01-31 10 × 20.6 7% 206.00 corrects RE-000001",
      "recurring 2026-02-01..2026-02-28 10 × 20.6 7% 206.00",
    ]);
    // VAT: 19 % of −206.00 = −39.14, 7 % of 412.00 = 28.84 → −10.30.
    expect(feb.ok && feb.value.invoices.map((i) => [i.netTotal, i.vatTotal, i.grossTotal])).toEqual([["206.00", "-10.30", "195.70"]]);
  });

  it("undoing the correcting batch restores the corrected entry as the one in force", async () => {
    const ctx = await billedAndIssuedJanuary();
    const r = await importMaster(ctx, [file(row({ qty: "12" }), "x")]);
    const batchId = r.ok ? r.value.batchId! : "";
    ctx.tick();
    const undone = await undoBatch(ctx, batchId);
    expect(undone.ok && undone.value).toMatchObject({ versionsRemoved: 1 });
    expect(await versionsOf(ctx)).toEqual([["2026-01-01", "20.6", "19", 1]]);
    ctx.tick();
    expect(lines(await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" }))).toEqual(["recurring 2026-02-01..2026-02-28 10 × 20.6 19% 206.00"]);
  });

  it("the export writes the entry in force only, so importing it again changes nothing", async () => {
    const ctx = await billedAndIssuedJanuary();
    expect((await importMaster(ctx, [file(row({ price: "18.60" }), "ja")])).ok).toBe(true);
    const exported = (await exportMaster(ctx)).contracts;
    expect(exported.split("\r\n").filter((l) => l.includes("V-1")).map((l) => l.split(",").slice(11, 13))).toEqual([["10", "18.6"]]);
    const again = await importMaster(ctx, [textFile("export.csv", exported)]);
    expect(again.ok && again.value.batchId).toBeNull();
  });

  it("a contract start moved earlier with the marker: audited, and the next run bills the month gained as a catch-up", async () => {
    const ctx = await billedAndIssuedJanuary();
    const unmarked = await importMaster(ctx, [file(row({ start: "2025-12-01" }))]);
    expect(!unmarked.ok && unmarked.issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([["master.conflicting_start", 2, "contract_start"]]);
    const r = await importMaster(ctx, [file(row({ start: "2025-12-01" }), "ja")]);
    expect(r.ok && r.value).toMatchObject({ contracts: 1, versions: 1, corrections: 0 });
    expect(r.ok && r.value.warnings.map((i) => formatIssue(i, "en"))).toEqual(['fix.csv, row 2, column "contract_start": Correction: contract V-1, contract start 2026-01-01 → 2025-12-01; the next run bills the months gained or credits the months lost.']);
    expect(await versionsOf(ctx)).toEqual([["2026-01-01", "20.6", "19", 1], ["2025-12-01", "20.6", "19", 2]]);
    ctx.tick();
    expect(lines(await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" }))).toEqual([
      "recurring 2025-12-01..2025-12-31 10 × 20.6 19% 206.00",
      "recurring 2026-02-01..2026-02-28 10 × 20.6 19% 206.00",
    ]);
  });

  it("a start moved earlier without a row for the days gained: imported with a warning that they are not billed", async () => {
    const ctx = await billedAndIssuedJanuary();
    const r = await importMaster(ctx, [file(row({ start: "2025-12-01", from: "2026-01-01" }), "ja")]);
    expect(r.ok && r.value.warnings.map((i) => [i.code, i.severity, i.where?.column])).toEqual([
      ["master.start_corrected", "info", "contract_start"],
      ["master.start_earlier_uncovered", "warning", "valid_from"],
    ]);
  });

  it("the import the correction corrects can no longer be undone on its own", async () => {
    const ctx = await testStore().then((store) => ({ store, now: () => "2026-02-01T10:00:00.000Z" }));
    expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), file(row())])).ok).toBe(true);
    expect((await importMaster(ctx, [file(row({ price: "18.60" }), "ja")])).ok).toBe(true);
    const undo = await undoBatch(ctx, "master-00001");
    expect(!undo.ok && undo.issues.map((i) => [i.code, i.params.later])).toEqual([["review.undo_blocked_by_batch", "master-00002"]]);
  });

  it("a contract start moved later: the issued days before it are credited to the cent; undo restores the start", async () => {
    const ctx = await billedAndIssuedJanuary();
    const r = await importMaster(ctx, [file(row({ start: "2026-01-16" }), "ja")]);
    const batchId = r.ok ? r.value.batchId! : "";
    expect((await dbOf(ctx).contracts.get("V-1")).start).toBe("2026-01-16");
    const audit = (await dbOf(ctx).auditLog.where("source").equals(batchId).toArray()) as { kind: string; before?: { start: string }; after: { start: string } }[];
    expect(audit.filter((a) => a.kind === "contract.update").map((a) => [a.before?.start, a.after.start])).toEqual([["2026-01-01", "2026-01-16"]]);
    ctx.tick();
    expect((await undoBatch(ctx, batchId)).ok).toBe(true);
    expect((await dbOf(ctx).contracts.get("V-1")).start).toBe("2026-01-01");
    // As edited on the sheet: only the start changed, valid_from still the old start (that entry stays as it is).
    const edited = await importMaster(ctx, [file(row({ start: "2026-01-16", from: "2026-01-01" }), "ja")]);
    expect(edited.ok && edited.value).toMatchObject({ contracts: 1, versions: 0, unchangedRows: 1 });
    // The export (its entry now dated on the new start) imported again changes nothing.
    const again = await importMaster(ctx, [textFile("export.csv", (await exportMaster(ctx)).contracts)]);
    expect(again.ok && again.value.batchId).toBeNull();
    ctx.tick();
    // January 1–15 were billed and issued: 206.00 × 15/31 = 99.677… → 99.68 credited against RE-000001.
    expect(lines(await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" }))).toEqual([
      "difference 2026-01-01..2026-01-15 -10 × 20.6 19% -99.68 corrects RE-000001",
      "recurring 2026-02-01..2026-02-28 10 × 20.6 19% 206.00",
    ]);
  });

  it("what billing cannot express is refused even as a correction, naming the field: billing interval, customer", async () => {
    const ctx = await billedAndIssuedJanuary();
    const interval = await importMaster(ctx, [file(row({ interval: "quarterly" }), "ja")]);
    expect(!interval.ok && interval.issues.map((i) => [i.code, i.where])).toEqual([["master.correction_not_allowed", { source: "fix.csv", row: 2, column: "billing_interval" }]]);
    expect(!interval.ok && formatIssue(interval.issues[0]!, "en")).toBe(
      'fix.csv, row 2, column "billing_interval": Contract V-1: field billing_interval cannot be corrected ("monthly" stored, "quarterly" in the row): months already billed cannot express the change. End the contract and enter it under a new number.',
    );
    const customer = await importMaster(ctx, [file(row({ customer: "10002" }), "ja")]);
    expect(!customer.ok && customer.issues.map((i) => [i.code, i.where?.column])).toEqual([["master.correction_not_allowed", "customer_no"]]);
    expect(await versionsOf(ctx)).toEqual([["2026-01-01", "20.6", "19", 1]]);
  });

  it("a correction in the German sheet saved as CSV: its note and a refusal name the columns as the file does", async () => {
    const ctx = await billedAndIssuedJanuary();
    const de = (price: string, customer = "10001") =>
      textFile("korrektur.csv", `Kundennummer;Kundenname;Vertragsnummer;Vertragsbeginn;Position;Artikelnummer;Menge;Einzelpreis;Gültig ab;Korrektur\n${customer};Müller GmbH;V-1;01.01.2026;1;M365-BP;10;${price};01.01.2026;ja\n`);
    const refused = await importMaster(ctx, [de("20,60", "10002")]);
    expect(!refused.ok && refused.issues.map((i) => [i.code, i.where?.column])).toEqual([["master.correction_not_allowed", "Kundennummer"]]);
    const r = await importMaster(ctx, [de("18,60")]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.corrections).toBe(1);
    expect(r.value.warnings.map((i) => formatIssue(i, "de"))).toEqual(["korrektur.csv, Zeile 2, Spalte „Einzelpreis“: Korrektur: Vertrag V-1 Position 1 ab 01.01.2026, Einzelpreis 20,60 → 18,60."]);
  });
});
