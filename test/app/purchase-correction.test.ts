/**
 * Correcting a purchase contract that was wrong from the first day (README "Purchase contracts and
 * price updates"): a row marked `correction` (German *Korrektur: ja*) replaces the stored state with
 * the same valid_from by a new entry, audited with before and after; the links report, the price
 * update and the cost check use the corrected cost; undoing the batch brings the old one back; the
 * supplier cannot be corrected; without the marker the row is still refused.
 */
import { dbOf } from "../support/db-view";
import type { AppContext } from "../../src/app/context";
import { runBilling } from "../../src/app/bill";
import { costCheckFile } from "../../src/app/cost-check";
import { importMaster } from "../../src/app/import-master";
import { proposePriceUpdate } from "../../src/app/price-update";
import { importLinks, importPurchase, purchaseLinksReport, splitPurchaseRecords } from "../../src/app/purchase";
import { undoBatch } from "../../src/app/undo-batch";
import { formatIssue } from "../../src/core/messages";
import { Decimal } from "../../src/core/money/decimal";
import type { PurchasePositionVersion } from "../../src/core/purchase/model";
import { parseRounding, parseStrategy } from "../../src/core/purchase/price-strategy";
import { testContext, textFile } from "../support/fixtures";
import { MASTER_CONTRACTS, octoberCsv, readNce, seedStore } from "../support/reconcile-scenario";
import { PURCHASE, seedDomains } from "../scenarios/purchase/domain-scenario";

const HEADER = PURCHASE.split("\n")[0]!;
/** EK-100 position 1 as stored (4 × 1.00 from 2026-01-01), with some fields changed. */
const row = (o: { supplier?: string; ref?: string; qty?: string; cost?: string; interval?: string } = {}) =>
  `${o.supplier ?? "DENIC Registrar GmbH"},EK-100,${o.ref ?? "KD-4711"},1,DOM-DE,,.de domains (alpha.de beta.de beta-shop.de gamma.de),${o.qty ?? "4"},${o.cost ?? "1.00"},${o.interval ?? "annual"},2026-01-01`;
const file = (line: string, correction?: string) => textFile("fix.csv", correction === undefined ? `${HEADER}\n${line}` : `${HEADER},correction\n${line},${correction}`);

async function seeded(): Promise<AppContext> {
  const ctx = await testContext();
  await seedDomains(ctx);
  return ctx;
}

const position1 = async (ctx: AppContext) =>
  splitPurchaseRecords(await dbOf(ctx).purchaseContracts.toArray()).versions.filter((v) => v.positionNo === 1).sort((a, b) => a.seq - b.seq).map((v) => [v.validFrom, v.quantity, v.unitCost, v.interval]);
/** Per linked sales position of EK-100/1 on a day: contract, cost per unit, margin. */
const report = async (ctx: AppContext, day = "2026-06-15") =>
  (await purchaseLinksReport(ctx, day as `${number}-${number}-${number}`)).filter((r) => r.purchaseNo === "EK-100" && r.purchasePositionNo === 1).map((r) => [r.contractNo, r.unitCost, r.salesUnitCost, r.margin]);

describe("purchase import: correcting a version with the same valid_from", () => {
  it("without the marker a differing row is still refused, naming the row and column and how to correct", async () => {
    const ctx = await seeded();
    for (const f of [file(row({ cost: "0.80" })), file(row({ cost: "0.80" }), "nein")]) {
      const r = await importPurchase(ctx, f);
      expect(!r.ok && r.issues.map((i) => [i.code, i.where])).toEqual([["purchase.conflicting_version", { source: "fix.csv", row: 2, column: "unit_cost" }]]);
      expect(!r.ok && formatIssue(r.issues[0]!, "de")).toBe(
        "fix.csv, Zeile 2, Spalte „unit_cost“: Einkaufsvertrag EK-100 Position 1: ab 01.01.2026 ist bereits ein anderer Stand gespeichert (Menge 4, Kosten 1). Ist der gespeicherte Stand falsch, die Zeile als Korrektur kennzeichnen (Spalte correction bzw. Korrektur: ja).",
      );
    }
    expect(await position1(ctx)).toEqual([["2026-01-01", "4", "1", "annual"]]);
  });

  it("with it the row adds a correcting entry (the old one stays), audited with before and after, listed old → new; the links report and the price update use the corrected cost", async () => {
    const ctx = await seeded();
    expect(await report(ctx)).toEqual([["V-3001", "1", "1", "1.5"], ["V-3002", "1", "1", "1.25"], ["V-3003", "1", "1", "1"]]);
    const r = await importPurchase(ctx, file(row({ cost: "0.80", qty: "5" }), "ja"));
    expect(r.ok && r.value).toMatchObject({ batchId: "purchase-00004", contracts: 0, versions: 1, corrections: 1, unchangedRows: 0 });
    expect(r.ok && r.value.warnings.map((i) => formatIssue(i, "en"))).toEqual([
      'fix.csv, row 2, column "quantity": Correction: purchase contract EK-100 position 1 from 2026-01-01, quantity 4 → 5.',
      'fix.csv, row 2, column "unit_cost": Correction: purchase contract EK-100 position 1 from 2026-01-01, unit_cost 1.00 → 0.80.',
    ]);
    expect(await position1(ctx)).toEqual([["2026-01-01", "4", "1", "annual"], ["2026-01-01", "5", "0.8", "annual"]]);
    const audit = (await dbOf(ctx).auditLog.where("source").equals("purchase-00004").toArray()) as { kind: string; entity: string; before: PurchasePositionVersion; after: PurchasePositionVersion }[];
    expect(audit.map((a) => [a.kind, a.entity, a.before.unitCost, a.after.unitCost, a.after.validFrom])).toEqual([["purchase.version.correct", "purchase:EK-100/1", "1", "0.8", "2026-01-01"]]);

    // Margins per unit and month at 2.50 list price with 0 / 10 / 20 % discount, now against 0.80.
    expect(await report(ctx)).toEqual([["V-3001", "0.8", "0.8", "1.7"], ["V-3002", "0.8", "0.8", "1.45"], ["V-3003", "0.8", "0.8", "1.2"]]);
    const proposal = await proposePriceUpdate(ctx, { selection: { refs: ["EK-100:1"] }, newCost: new Decimal("1.00"), from: "2027-01-01", strategy: parseStrategy("keep-margin")!, rounding: parseRounding("cents")! });
    // keep-margin: 2.50 × 1.00 ÷ 0.80 = 3.125 → 3.13
    expect(proposal.ok && proposal.value.rows.map((p) => [p.contractNo, p.currentCost, p.newCost, p.newPrice])).toEqual([
      ["V-3001", "0.8", "1", "3.13"], ["V-3002", "0.8", "1", "3.13"], ["V-3003", "0.8", "1", "3.13"],
    ]);

    // The same file again changes nothing: the correction is the stored state now.
    const again = await importPurchase(ctx, file(row({ cost: "0.80", qty: "5" }), "ja"));
    expect(again.ok && again.value).toMatchObject({ batchId: null, versions: 0, unchangedRows: 1 });
  });

  it("undoing the correcting batch puts the corrected entry back in force; the import it corrects can no longer be undone on its own", async () => {
    const ctx = await seeded();
    const r = await importPurchase(ctx, file(row({ cost: "0.80" }), "x"));
    const batchId = r.ok ? r.value.batchId! : "";
    const blocked = await undoBatch(ctx, "purchase-00002");
    expect(!blocked.ok && blocked.issues.map((i) => [i.code, i.params.later])).toEqual([["review.undo_blocked_by_batch_purchase", batchId]]);
    expect((await undoBatch(ctx, batchId)).ok).toBe(true);
    expect(await position1(ctx)).toEqual([["2026-01-01", "4", "1", "annual"]]);
    expect(await report(ctx)).toEqual([["V-3001", "1", "1", "1.5"], ["V-3002", "1", "1", "1.25"], ["V-3003", "1", "1", "1"]]);
  });

  it("the billing interval and the supplier reference may be corrected; the supplier may not", async () => {
    const ctx = await seeded();
    const r = await importPurchase(ctx, file(row({ interval: "monthly", ref: "KD-0815" }), "1"));
    expect(r.ok && r.value).toMatchObject({ contracts: 1, versions: 1, corrections: 1 });
    expect(r.ok && r.value.warnings.map((i) => [i.code, i.where?.column, i.params.stored, i.params.corrected])).toEqual([
      ["purchase.contract_corrected", "supplier_ref", "KD-4711", "KD-0815"],
      ["purchase.version_corrected", "billing_interval", "annual", "monthly"],
    ]);
    const batchId = r.ok ? r.value.batchId! : "";
    const audit = (await dbOf(ctx).auditLog.where("source").equals(batchId).toArray()) as { kind: string; before?: { supplierRef?: string }; after: { supplierRef?: string } }[];
    expect(audit.filter((a) => a.kind === "purchase.update").map((a) => [a.before?.supplierRef, a.after.supplierRef])).toEqual([["KD-4711", "KD-0815"]]);
    // unmarked, a different reference still contradicts the stored one
    const unmarked = await importPurchase(ctx, file(row({ interval: "monthly", ref: "KD-4711" })));
    expect(!unmarked.ok && unmarked.issues.map((i) => [i.code, i.where?.column])).toEqual([["purchase.conflicting_contract", "supplier_ref"]]);
    expect((await undoBatch(ctx, batchId)).ok).toBe(true);
    expect(splitPurchaseRecords(await dbOf(ctx).purchaseContracts.toArray()).contracts.get("EK-100")!.supplierRef).toBe("KD-4711");

    const supplier = await importPurchase(ctx, file(row({ supplier: "Other Registrar AG", cost: "0.80" }), "ja"));
    expect(!supplier.ok && supplier.issues.map((i) => [i.code, i.where])).toEqual([["purchase.correction_not_allowed", { source: "fix.csv", row: 2, column: "supplier" }]]);
    expect(!supplier.ok && formatIssue(supplier.issues[0]!, "en")).toBe(
      'fix.csv, row 2, column "supplier": Purchase contract EK-100: field supplier cannot be corrected ("DENIC Registrar GmbH" stored, "Other Registrar AG" in the row): supplier and number name the purchase contract. End the contract (quantity 0) and enter it under a new number.',
    );
    expect(await position1(ctx)).toEqual([["2026-01-01", "4", "1", "annual"]]);
  });

  it("a file with German headers and „Korrektur: ja“ corrects too, naming the columns as the file has them", async () => {
    const ctx = await seeded();
    const de = [
      "Lieferant;Einkaufsvertrag;Referenz Lieferant;Position;Artikelnummer;Beschreibung;Objekt;Menge;Einkaufspreis;Abrechnungsintervall;Gültig ab;Korrektur",
      "DENIC Registrar GmbH;EK-100;KD-4711;1;DOM-DE;;.de domains (alpha.de beta.de beta-shop.de gamma.de);4;0,85;jährlich;01.01.2026;ja",
    ].join("\r\n");
    const r = await importPurchase(ctx, textFile("korrektur.csv", de));
    expect(r.ok && r.value.warnings.map((i) => formatIssue(i, "de"))).toEqual(["korrektur.csv, Zeile 2, Spalte „Einkaufspreis“: Korrektur: Einkaufsvertrag EK-100 Position 1 ab 01.01.2026, Einkaufspreis 1,00 → 0,85."]);
    expect(await position1(ctx)).toEqual([["2026-01-01", "4", "1", "annual"], ["2026-01-01", "4", "0.85", "annual"]]);
    const unmarked = await importPurchase(ctx, textFile("ohne.csv", de.replace(";Korrektur", "").replace("0,85;jährlich;01.01.2026;ja", "0,90;jährlich;01.01.2026")));
    expect(!unmarked.ok && unmarked.issues.map((i) => [i.code, i.where?.column])).toEqual([["purchase.conflicting_version", "Einkaufspreis"]]);
    const bad = await importPurchase(ctx, textFile("bad.csv", de.replace("0,85", "-1")));
    expect(!bad.ok && bad.issues.map((i) => i.where?.column)).toEqual(["Einkaufspreis (I)"]);
  });
});

describe("cost check after a corrected purchase cost", () => {
  it("the purchase unit cost of the checked month is the corrected one", async () => {
    const ctx = await testContext();
    await seedStore(ctx);
    const cut = `${MASTER_CONTRACTS.split("\n")[0]}\n10001,Müller GmbH,V-1001,license,monthly,advance,2026-01-01,2,M365-E3,3,29.00,2026-10-01`;
    expect((await importMaster(ctx, [textFile("cut.csv", cut)])).ok).toBe(true);
    const header = "supplier,purchase_no,supplier_ref,position_no,article_no,description,object,quantity,unit_cost,billing_interval,valid_from";
    const line = (cost: string) => `Ingram Micro,EK-MS,V-1001,1,M365-BP,,Müller tenant,10,${cost},monthly,2026-01-01`;
    expect((await importPurchase(ctx, textFile("purchase.csv", `${header}\n${line("18.60")}`))).ok).toBe(true);
    expect((await importLinks(ctx, textFile("links.csv", "purchase_no,purchase_position_no,contract_no,position_no\nEK-MS,1,V-1001,1"))).ok).toBe(true);
    expect((await runBilling(ctx, { month: "2026-10", invoiceDate: "2026-10-01" })).ok).toBe(true);
    const bp = async () => {
      const r = await costCheckFile(ctx, readNce("nce.csv", octoberCsv()), "2026-10");
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r.value.rows.filter((x) => x.customerNo === "10001" && x.articleNo === "M365-BP").map((x) => [x.netPrice, x.purchaseUnitCost]);
    };
    expect(await bp()).toEqual([["20.6", "18.6"]]);
    const fixed = await importPurchase(ctx, textFile("fix.csv", `${header},correction\n${line("17.90")},ja`));
    expect(fixed.ok && fixed.value).toMatchObject({ corrections: 1 });
    expect(await bp()).toEqual([["20.6", "17.9"]]);
  });
});
