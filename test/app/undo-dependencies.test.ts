import { dbOf } from "../support/db-view";
/**
 * Undo of a batch is refused while a later batch (not undone) builds on it, for every batch kind, and
 * allowed again once the later batch is undone (PRODUCT.md §8 `undo`, §9 "undo restores exactly the
 * previous store").
 */
import { runBilling } from "../../src/app/bill";
import type { AppContext } from "../../src/app/context";
import { importMaster } from "../../src/app/import-master";
import { importMeters } from "../../src/app/meters";
import { applyPriceUpdate } from "../../src/app/price-update";
import { importLinks, importPurchase } from "../../src/app/purchase";
import { undoBatch } from "../../src/app/undo-batch";
import { undoRun } from "../../src/app/undo-run";
import type { Issue } from "../../src/core/issues";
import { formatIssue } from "../../src/core/messages";
import { exportBackup } from "../../src/store/backup";
import { LINKS_UPDATE, PURCHASE_UPDATE, domainProposal, must } from "../reliability/use-cases";
import { ARTICLES, CONTRACTS, LINKS, PURCHASE } from "../scenarios/purchase/domain-scenario";
import { testContext, textFile } from "../support/fixtures";
import { METERS_CSV, timeWorkspace } from "./time-fixtures";

/**
 * The store's data as a backup holds it, without what records history: the import batches (an undone
 * batch stays, marked undone), the audit log and the numbering counters.
 */
async function dataState(ctx: AppContext): Promise<string> {
  const tables = { ...(await exportBackup(ctx.store, "t")).tables } as Record<string, unknown[]>;
  delete tables.importBatches;
  delete tables.auditLog;
  delete tables.counters;
  return JSON.stringify(tables);
}

async function masterOnly(): Promise<AppContext> {
  const ctx = await testContext();
  must(await importMaster(ctx, [textFile("articles.csv", ARTICLES), textFile("contracts.csv", CONTRACTS)]));
  return ctx;
}

/** The single issue of a refused undo. */
async function refused(ctx: AppContext, batchId: string): Promise<Issue> {
  const r = await undoBatch(ctx, batchId);
  if (r.ok) throw new Error(`undo of ${batchId} was not refused`);
  expect(r.issues).toHaveLength(1);
  return r.issues[0]!;
}

describe("undo of a batch that a later batch builds on", () => {
  it("purchase import → links import → price update: undone in reverse order only, and then the store is as before", async () => {
    const ctx = await masterOnly();
    const before = await dataState(ctx);
    const purchase = must(await importPurchase(ctx, textFile("purchase.csv", PURCHASE))).batchId!;
    const links = must(await importLinks(ctx, textFile("links.csv", LINKS))).batchId!;
    const price = must(await applyPriceUpdate(ctx, await domainProposal(ctx), { name: "proposal.csv", sha256: "p" })).batchId!;
    expect([purchase, links, price]).toEqual(["purchase-00002", "links-00003", "price-00004"]);

    // the price update made a new version of the purchase position: the purchase import cannot go first
    const p1 = await refused(ctx, purchase);
    expect(p1).toMatchObject({ code: "review.undo_blocked_by_batch_purchase", params: { batch: purchase, later: price, kind: "price-update", purchase: "EK-100", position: 1 } });
    expect(formatIssue(p1, "de")).toBe("Stapel purchase-00002 kann nicht rückgängig gemacht werden: der spätere Stapel price-00004 (price-update) baut auf Einkaufsvertrag EK-100 Position 1 auf. Zuerst price-00004 rückgängig machen.");
    expect(formatIssue(p1, "en")).toBe("Batch purchase-00002 cannot be undone: the later batch price-00004 (price-update) builds on purchase contract EK-100 position 1. Undo price-00004 first.");
    // the price update re-priced the linked sales positions: the links cannot go first either
    const l1 = await refused(ctx, links);
    expect(l1).toMatchObject({ code: "review.undo_blocked_by_batch_link", params: { batch: links, later: price, kind: "price-update", purchase: "EK-100", purchasePosition: 1 } });
    expect(formatIssue(l1, "en")).toMatch(/^Batch links-00003 cannot be undone: the later batch price-00004 \(price-update\) builds on the link of purchase contract EK-100 position 1 to contract V-300\d position 1\. Undo price-00004 first\.$/);
    expect(formatIssue(l1, "de")).toMatch(/^Stapel links-00003 kann nicht rückgängig gemacht werden: der spätere Stapel price-00004 \(price-update\) baut auf die Verknüpfung von Einkaufsvertrag EK-100 Position 1 mit Vertrag V-300\d Position 1 auf\./);


    expect((await undoBatch(ctx, price)).ok).toBe(true);
    // the links still refer to the purchase positions the import created
    expect(await refused(ctx, purchase)).toMatchObject({ code: "review.undo_blocked_by_batch_purchase", params: { later: links, kind: "links-import", purchase: "EK-100", position: 1 } });
    expect((await undoBatch(ctx, links)).ok).toBe(true);
    expect((await undoBatch(ctx, purchase)).ok).toBe(true);
    expect(await dataState(ctx)).toBe(before);
  });

  it("a refused undo changes nothing at all", async () => {
    const ctx = await masterOnly();
    must(await importPurchase(ctx, textFile("purchase.csv", PURCHASE)));
    must(await importLinks(ctx, textFile("links.csv", LINKS)));
    const full = JSON.stringify((await exportBackup(ctx.store, "t")).tables);
    await refused(ctx, "purchase-00002");
    await refused(ctx, "master-00001");
    expect(JSON.stringify((await exportBackup(ctx.store, "t")).tables)).toBe(full);
  });

  it("a later purchase import with a new version of the same purchase position blocks the earlier one; an unrelated one does not", async () => {
    const ctx = await masterOnly();
    const first = must(await importPurchase(ctx, textFile("purchase.csv", PURCHASE))).batchId!;
    const other = must(await importPurchase(ctx, textFile("other.csv", PURCHASE_UPDATE.split("\n").filter((l) => !l.includes("EK-100")).join("\n")))).batchId!;
    const before = await dataState(ctx);
    const update = must(await importPurchase(ctx, textFile("update.csv", PURCHASE_UPDATE.split("\n").filter((l) => !l.includes("EK-200")).join("\n")))).batchId!;
    expect(await refused(ctx, first)).toMatchObject({ code: "review.undo_blocked_by_batch_purchase", params: { later: update, kind: "purchase-import", purchase: "EK-100", position: 1 } });
    expect((await undoBatch(ctx, update)).ok).toBe(true);
    expect(await dataState(ctx)).toBe(before);
    // EK-200 (the other batch, later than the first) has nothing to do with EK-100
    expect((await undoBatch(ctx, first)).ok).toBe(true);
    expect((await undoBatch(ctx, other)).ok).toBe(true);
  });

  it("a later links import that removed a link the earlier one added blocks it", async () => {
    const ctx = await masterOnly();
    must(await importPurchase(ctx, textFile("purchase.csv", PURCHASE)));
    const first = must(await importLinks(ctx, textFile("links.csv", LINKS))).batchId!;
    const second = must(await importLinks(ctx, textFile("links-neu.csv", LINKS_UPDATE))).batchId!;
    const issue = await refused(ctx, first);
    expect(issue).toMatchObject({ code: "review.undo_blocked_by_batch_row", params: { batch: first, later: second, kind: "links-import", entity: "link:EK-100/1>V-3003/1" } });
    expect(formatIssue(issue, "en")).toBe("Batch links-00003 cannot be undone: the later batch links-00004 (links-import) builds on link:EK-100/1>V-3003/1. Undo links-00004 first.");
    expect((await undoBatch(ctx, second)).ok).toBe(true);
    expect((await undoBatch(ctx, first)).ok).toBe(true);
    expect(await dbOf(ctx).purchaseLinks.count()).toBe(0);
  });

  it("links to positions that a master import created block undoing the master import", async () => {
    const ctx = await masterOnly();
    must(await importPurchase(ctx, textFile("purchase.csv", PURCHASE)));
    must(await importLinks(ctx, textFile("links.csv", LINKS)));
    // the latest dependent batch is named: the links (to V-3001/1 …) before the purchase import (of article DOM-DE)
    expect(await refused(ctx, "master-00001")).toMatchObject({ params: { batch: "master-00001", later: "links-00003", kind: "links-import" } });
    must(await undoBatch(ctx, "links-00003"));
    expect(await refused(ctx, "master-00001")).toMatchObject({ code: "review.undo_blocked_by_batch_row", params: { later: "purchase-00002", kind: "purchase-import", entity: expect.stringMatching(/^article:(DOM-DE|SSL-DV)$/) } });
    must(await undoBatch(ctx, "purchase-00002"));
    must(await undoBatch(ctx, "master-00001"));
    expect(await dbOf(ctx).contracts.count()).toBe(0);
  });

  it("a later master import that overwrote the same rows blocks the earlier one", async () => {
    const ctx = await masterOnly();
    const renamed = CONTRACTS.replace("Delta OHG", "Delta OHG & Co.");
    const second = must(await importMaster(ctx, [textFile("contracts-2.csv", renamed)])).batchId!;
    expect(await refused(ctx, "master-00001")).toMatchObject({ code: "review.undo_blocked_by_batch_row", params: { later: second, kind: "import-master", entity: "customer:20004" } });
  });

  it("a billing run that billed a contract whose header the batch changed blocks the undo until the run is undone", async () => {
    const ctx = await masterOnly();
    const ended = CONTRACTS.replace("contract_start,position_no", "contract_start,contract_end,position_no")
      .split("\n")
      .map((l, i) => (i === 0 ? l : l.replace("2026-01-01,1,", l.includes("V-3004") ? "2026-01-01,2026-06-30,1," : "2026-01-01,,1,").replace("2026-01-01,2,", "2026-01-01,,2,")))
      .join("\n");
    const end = must(await importMaster(ctx, [textFile("ende.csv", ended)]));
    expect(end).toMatchObject({ contracts: 1, versions: 0 });
    const { runId } = must(await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-02-01" }));
    expect(await refused(ctx, end.batchId!)).toMatchObject({ code: "review.undo_blocked_by_run", params: { batch: end.batchId, run: runId, contract: "V-3004", month: "2026-01" } });
    must(await undoRun(ctx, runId!));
    expect((await undoBatch(ctx, end.batchId!)).ok).toBe(true);
    expect((await dbOf(ctx).contracts.get("V-3004"))!.end).toBeUndefined();
  });

  it("meter readings: a later import for the same device blocks the earlier one", async () => {
    const ctx = await timeWorkspace();
    const [header, june12, june30] = METERS_CSV.split("\n");
    const first = must(await importMeters(ctx, textFile("z1.csv", [header, june12].join("\n")))).batchId!;
    const second = must(await importMeters(ctx, textFile("z2.csv", [header, june30].join("\n")))).batchId!;
    expect(await refused(ctx, first)).toMatchObject({ code: "review.undo_blocked_by_batch_row", params: { later: second, kind: "meters-import", entity: "device:D1" } });
    expect((await undoBatch(ctx, second)).ok).toBe(true);
    expect((await undoBatch(ctx, first)).ok).toBe(true);
    expect(await dbOf(ctx).meterReadings.count()).toBe(0);
  });
});
