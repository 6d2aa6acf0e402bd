import { notesText } from "../../../src/core/messages";
import { dbOf } from "../../support/db-view";
import { applyPriceUpdate, proposePriceUpdate } from "../../../src/app/price-update";
import { splitPurchaseRecords } from "../../../src/app/purchase";
import { undoBatch } from "../../../src/app/undo-batch";
import { prorateMonth } from "../../../src/core/billing/proration";
import { Decimal } from "../../../src/core/money/decimal";
import type { ProposalRow } from "../../../src/core/purchase/plan-price-update";
import { parseRounding, parseStrategy } from "../../../src/core/purchase/price-strategy";
import { proposalTableRows, readProposalTable } from "../../../src/io/purchase/proposal-table";
import { readCsvText } from "../../../src/io/table/read-csv";
import { toCsv } from "../../../src/io/table/write-csv";
import { exportBackup } from "../../../src/store/backup";
import { importMaster } from "../../../src/app/import-master";
import { testContext, textFile } from "../../support/fixtures";
import { CONTRACTS, seedDomains } from "./domain-scenario";

type Ctx = Awaited<ReturnType<typeof testContext>>;

async function seeded(): Promise<Ctx> {
  const ctx = await testContext();
  await seedDomains(ctx);
  return ctx;
}

async function propose(ctx: Ctx, strategy: string, round = "cents", from = "2027-01-01") {
  const r = await proposePriceUpdate(ctx, { selection: { refs: ["EK-100:1"] }, newCost: new Decimal("1.20"), from, strategy: parseStrategy(strategy)!, rounding: parseRounding(round)! });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.rows;
}

/** Writes the proposal as the CLI does, lets a "user" edit the CSV, reads it back and applies it. */
async function applyCsv(ctx: Ctx, rows: readonly ProposalRow[], edit: (csv: string) => string = (c) => c) {
  const { decisions, issues } = readProposalTable(readCsvText(edit(toCsv(proposalTableRows(rows))), "proposal.csv").table);
  if (issues.length > 0) throw new Error(JSON.stringify(issues));
  return applyPriceUpdate(ctx, decisions, { name: "proposal.csv", sha256: "x" });
}

const brief = (rows: readonly ProposalRow[]) => rows.map((r) => [r.customerNo, r.discountPct, r.currentPrice, r.currentCost, r.newCost, r.newPrice, r.currentMargin, r.newMargin, r.currentMarginPct, r.newMarginPct, r.action]);

/** Domain tables only (audit entries and batch markers stay as the record of what happened). */
async function domainState(ctx: Ctx) {
  const { customers, articles, contracts, contractVersions, purchaseContracts, purchaseLinks, ledger } = (await exportBackup(ctx.store, "t")).tables;
  return JSON.stringify({ customers, articles, contracts, contractVersions, purchaseContracts, purchaseLinks, ledger });
}

describe("price update: one domain purchase position (1.00 → 1.20 per month) feeding three customers at 2.50 with 0 / 10 / 20 % discount", () => {
  it("keep-margin scales the list price by 1.2 and keeps every margin %", async () => {
    expect(brief(await propose(await seeded(), "keep-margin"))).toEqual([
      ["20001", "0", "2.5", "1", "1.2", "3.00", "1.5", "1.8", "60.00", "60.00", "accept"],
      ["20002", "10", "2.5", "1", "1.2", "3.00", "1.25", "1.5", "55.56", "55.56", "accept"],
      ["20003", "20", "2.5", "1", "1.2", "3.00", "1", "1.2", "50.00", "50.00", "accept"],
    ]);
  });

  it("pass-through raises each net price by the 0.20 cost difference (margin amount kept up to rounding)", async () => {
    expect(brief(await propose(await seeded(), "pass-through"))).toEqual([
      ["20001", "0", "2.5", "1", "1.2", "2.70", "1.5", "1.5", "60.00", "55.56", "accept"],
      ["20002", "10", "2.5", "1", "1.2", "2.72", "1.25", "1.248", "55.56", "50.98", "accept"],
      ["20003", "20", "2.5", "1", "1.2", "2.75", "1", "1", "50.00", "45.45", "accept"],
    ]);
  });

  it("fixed sets one list price for all; the discounts stay", async () => {
    expect(brief(await propose(await seeded(), "fixed:2.99"))).toEqual([
      ["20001", "0", "2.5", "1", "1.2", "2.99", "1.5", "1.79", "60.00", "59.87", "accept"],
      ["20002", "10", "2.5", "1", "1.2", "2.99", "1.25", "1.491", "55.56", "55.41", "accept"],
      ["20003", "20", "2.5", "1", "1.2", "2.99", "1", "1.192", "50.00", "49.83", "accept"],
    ]);
  });

  it("percent raises the list price by P %", async () => {
    expect(brief(await propose(await seeded(), "percent:10"))).toEqual([
      ["20001", "0", "2.5", "1", "1.2", "2.75", "1.5", "1.55", "60.00", "56.36", "accept"],
      ["20002", "10", "2.5", "1", "1.2", "2.75", "1.25", "1.275", "55.56", "51.52", "accept"],
      ["20003", "20", "2.5", "1", "1.2", "2.75", "1", "1", "50.00", "45.45", "accept"],
    ]);
  });

  it("rounding to the ending .90 goes up to the next price ending in .90", async () => {
    const ctx = await seeded();
    expect((await propose(ctx, "pass-through", "ending:0.90")).map((r) => r.newPrice)).toEqual(["2.90", "2.90", "2.90"]);
    expect((await propose(ctx, "keep-margin", "ending:0.90")).map((r) => r.newPrice)).toEqual(["3.90", "3.90", "3.90"]);
  });

  it("a contract that forbids a price change before a later date (notice period) is proposed as skip with a note", async () => {
    const ctx = await seeded();
    await dbOf(ctx).contracts.update("V-3002", { noPriceChangeBefore: "2027-04-01" });
    const rows = await propose(ctx, "keep-margin");
    expect(rows.map((r) => [r.contractNo, r.action, notesText(r.notes)])).toEqual([
      ["V-3001", "accept", ""],
      ["V-3002", "skip", "notice period: no price change before 2027-04-01 (set valid_from to 2027-04-01 to accept)"],
      ["V-3003", "accept", ""],
    ]);
    // Accepting it anyway is an error naming the cell; moving valid_from to the allowed day applies.
    const forced = await applyCsv(ctx, rows, (csv) => csv.replace(",skip,notice", ",accept,notice"));
    expect(!forced.ok && forced.issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([["price.notice_period", 3, "valid_from"]]);
    const moved = await applyCsv(ctx, rows, (csv) => csv.replace("V-3002,1,DOM-DE,2027-01-01", "V-3002,1,DOM-DE,2027-04-01").replace(",skip,notice", ",accept,notice"));
    expect(moved.ok && moved.value).toMatchObject({ versions: 3, purchaseVersions: 1 });
    const v = await dbOf(ctx).contractVersions.where("contractNo").equals("V-3002").sortBy("seq");
    expect(v.map((x) => [x.validFrom, x.unitPrice, x.discountPct, x.quantity])).toEqual([["2026-01-01", "2.5", "10", "2"], ["2027-04-01", "3", "10", "2"]]);
  });

  it("apply creates sales versions from the date and a purchase version with the new cost, in one undoable batch; twice changes nothing", async () => {
    const ctx = await seeded();
    const before = await domainState(ctx);
    const rows = await propose(ctx, "pass-through");
    const applied = await applyCsv(ctx, rows);
    expect(applied.ok && applied.value).toEqual({ batchId: "price-00004", versions: 3, purchaseVersions: 1, unchanged: 0, skipped: 0 });
    const created = await dbOf(ctx).contractVersions.where("source").equals("price-00004").toArray();
    expect(created.map((v) => [v.contractNo, v.positionNo, v.validFrom, v.articleNo, v.quantity, v.unitPrice, v.discountPct, v.vatPct])).toEqual([
      ["V-3001", 1, "2027-01-01", "DOM-DE", "1", "2.7", "0", "19"],
      ["V-3002", 1, "2027-01-01", "DOM-DE", "2", "2.72", "10", "19"],
      ["V-3003", 1, "2027-01-01", "DOM-DE", "1", "2.75", "20", "19"],
    ]);
    const purchase = splitPurchaseRecords(await dbOf(ctx).purchaseContracts.toArray()).versions.filter((v) => v.positionNo === 1);
    expect(purchase.map((v) => [v.validFrom, v.unitCost, v.quantity, v.object, v.source])).toEqual([
      ["2026-01-01", "1", "4", ".de domains (alpha.de beta.de beta-shop.de gamma.de)", "purchase-00002"],
      ["2027-01-01", "1.2", "4", ".de domains (alpha.de beta.de beta-shop.de gamma.de)", "price-00004"],
    ]);
    // Billing sees the new price from January: Beta's 2 domains at 2.72 − 10 % = 4.896 per month.
    const beta = (await dbOf(ctx).contracts.get("V-3002"))!;
    const betaVersions = await dbOf(ctx).contractVersions.where("contractNo").equals("V-3002").toArray();
    expect(prorateMonth(beta, betaVersions, "2027-01").amount.toFixed()).toBe("4.896");
    expect(await dbOf(ctx).auditLog.where("source").equals("price-00004").count()).toBe(4);
    expect((await dbOf(ctx).importBatches.get("price-00004"))!.kind).toBe("price-update");

    const afterFirst = await domainState(ctx);
    const twice = await applyCsv(ctx, rows);
    expect(twice.ok && twice.value).toEqual({ batchId: null, versions: 0, purchaseVersions: 0, unchanged: 3, skipped: 0 });
    expect(await domainState(ctx)).toBe(afterFirst);
    // A proposal made now sees the new cost and proposes nothing new for pass-through at 1.20.
    expect((await propose(ctx, "pass-through")).map((r) => [r.currentCost, r.newCost, r.newPrice, r.action])).toEqual([
      ["1.2", "1.2", "2.70", "skip"],
      ["1.2", "1.2", "2.72", "skip"],
      ["1.2", "1.2", "2.75", "skip"],
    ]);

    const undone = await undoBatch(ctx, "price-00004");
    expect(undone.ok && undone.value).toEqual({ batchId: "price-00004", versionsRemoved: 3, rowsRestored: 1 });
    expect(await domainState(ctx)).toBe(before);
  });

  it("skipped rows change no sales price, but the purchase position still gets its new cost", async () => {
    const ctx = await seeded();
    const rows = await propose(ctx, "percent:10");
    const r = await applyCsv(ctx, rows, (csv) => csv.replace(/,accept,/g, ",überspringen,"));
    expect(r.ok && r.value).toMatchObject({ versions: 0, purchaseVersions: 1, skipped: 3 });
  });

  it("a later scheduled version that still has the old price is re-priced on its own day", async () => {
    const ctx = await seeded();
    const later = CONTRACTS.split("\n")[0] + "\n20001,Alpha GmbH,V-3001,flatrate,monthly,advance,2026-01-01,1,DOM-DE,2,2.50,0,2027-03-01";
    expect((await importMaster(ctx, [textFile("later.csv", later)])).ok).toBe(true);
    const rows = await propose(ctx, "keep-margin");
    expect(notesText(rows[0]!.notes)).toBe("the version from 2027-03-01 gets the new price too");
    const r = await applyCsv(ctx, rows);
    expect(r.ok && r.value.versions).toBe(4);
    const alpha = (await dbOf(ctx).contractVersions.where("contractNo").equals("V-3001").toArray()).filter((v) => v.positionNo === 1);
    const c = (await dbOf(ctx).contracts.get("V-3001"))!;
    expect(prorateMonth(c, alpha, "2027-02").amount.toFixed()).toBe("3");
    expect(prorateMonth(c, alpha, "2027-03").amount.toFixed()).toBe("6");
  });

  it("a row made against a price that changed since is an error; an edited new_price is taken as edited", async () => {
    const ctx = await seeded();
    const rows = await propose(ctx, "keep-margin");
    const stale = await applyCsv(ctx, rows, (csv) => csv.replace("V-3003,1,DOM-DE,2027-01-01,2.5", "V-3003,1,DOM-DE,2027-01-01,2.4"));
    expect(!stale.ok && stale.issues.map((i) => [i.code, i.where?.row, i.params.stored, i.params.proposed])).toEqual([["price.stale_row", 4, "2.5", "2.4"]]);
    const edited = await applyCsv(ctx, rows, (csv) => csv.replace(/(V-3003,1,DOM-DE,2027-01-01,2\.5,20,1,1\.2),3\.00,/, "$1,2.95,"));
    expect(edited.ok).toBe(true);
    expect((await dbOf(ctx).contractVersions.where("contractNo").equals("V-3003").sortBy("seq")).map((v) => v.unitPrice)).toEqual(["2.5", "2.95"]);
  });

  it("selecting by article finds the purchase positions of that article", async () => {
    const ctx = await seeded();
    const r = await proposePriceUpdate(ctx, { selection: { articleNo: "DOM-DE", supplier: "DENIC Registrar GmbH" }, newCost: new Decimal("1.2"), from: "2027-01-01", strategy: { kind: "keep-margin" }, rounding: { kind: "cents" } });
    expect(r.ok && [r.value.refs, r.value.rows.length]).toEqual([["EK-100:1"], 3]);
    const none = await proposePriceUpdate(ctx, { selection: { articleNo: "DOM-COM" }, newCost: new Decimal("1.2"), from: "2027-01-01", strategy: { kind: "keep-margin" }, rounding: { kind: "cents" } });
    expect(!none.ok && none.issues[0]!.code).toBe("price.no_purchase_selected");
    const unlinked = await proposePriceUpdate(ctx, { selection: { refs: ["EK-100:2"] }, newCost: new Decimal("6"), from: "2027-01-01", strategy: { kind: "keep-margin" }, rounding: { kind: "cents" } });
    expect(unlinked.ok && unlinked.value.warnings.map((w) => w.code)).toEqual(["price.no_linked_positions"]);
    const unknown = await proposePriceUpdate(ctx, { selection: { refs: ["EK-100:9"] }, newCost: new Decimal("6"), from: "2027-01-01", strategy: { kind: "keep-margin" }, rounding: { kind: "cents" } });
    expect(!unknown.ok && unknown.issues[0]!.code).toBe("purchase.unknown_purchase_position");
  });
});
