import { dbOf } from "../support/db-view";
import { importMaster } from "../../src/app/import-master";
import { importLinks, importPurchase, splitPurchaseRecords } from "../../src/app/purchase";
import { undoBatch } from "../../src/app/undo-batch";
import { backupToJson, exportBackup } from "../../src/store/backup";
import { testContext, textFile } from "../support/fixtures";
import { ARTICLES, CONTRACTS, LINKS, PURCHASE, seedDomains } from "../scenarios/purchase/domain-scenario";

async function seededMaster() {
  const ctx = await testContext();
  const m = await importMaster(ctx, [textFile("articles.csv", ARTICLES), textFile("contracts.csv", CONTRACTS)]);
  if (!m.ok) throw new Error(JSON.stringify(m.issues));
  return ctx;
}

const snapshot = async (ctx: Awaited<ReturnType<typeof testContext>>) => backupToJson(await exportBackup(ctx.store, "t"));
const header = PURCHASE.split("\n")[0]!;

describe("purchase import", () => {
  it("stores the header and one version per position, with batch and audit entries", async () => {
    const ctx = await seededMaster();
    const r = await importPurchase(ctx, textFile("purchase.csv", PURCHASE));
    expect(r.ok && r.value).toMatchObject({ batchId: "purchase-00002", contracts: 1, versions: 2, unchangedRows: 0, warnings: [] });
    const { contracts, versions } = splitPurchaseRecords(await dbOf(ctx).purchaseContracts.toArray());
    expect(contracts.get("EK-100")).toEqual({ id: "purchase:EK-100", kind: "contract", purchaseNo: "EK-100", supplier: "DENIC Registrar GmbH", supplierRef: "KD-4711" });
    expect(versions.map((v) => [v.id, v.positionNo, v.validFrom, v.articleNo, v.description, v.object, v.quantity, v.unitCost, v.interval, v.source])).toEqual([
      ["purchase:EK-100/1/2026-01-01/6", 1, "2026-01-01", "DOM-DE", "Domain .de", ".de domains (alpha.de beta.de beta-shop.de gamma.de)", "4", "1", "annual", "purchase-00002"],
      ["purchase:EK-100/2/2026-01-01/7", 2, "2026-01-01", "SSL-DV", "SSL-Zertifikat DV", "shop.alpha.de", "1", "5", "annual", "purchase-00002"],
    ]);
    expect(await dbOf(ctx).auditLog.where("kind").equals("purchase.version.add").count()).toBe(2);
    expect(await dbOf(ctx).auditLog.where("kind").equals("purchase.add").count()).toBe(1);
  });

  it("importing the same file twice changes nothing", async () => {
    const ctx = await seededMaster();
    await importPurchase(ctx, textFile("purchase.csv", PURCHASE));
    const before = await snapshot(ctx);
    const again = await importPurchase(ctx, textFile("purchase.csv", PURCHASE));
    expect(again.ok && again.value).toMatchObject({ batchId: null, contracts: 0, versions: 0, unchangedRows: 2 });
    expect(await snapshot(ctx)).toBe(before);
  });

  it("a row with a new valid_from adds a version (German CSV style accepted)", async () => {
    const ctx = await seededMaster();
    await importPurchase(ctx, textFile("purchase.csv", PURCHASE));
    const change = [header.replace(/,/g, ";"), "DENIC Registrar GmbH;EK-100;KD-4711;1;DOM-DE;;.de domains;4;1,20;annual;01.01.2027"].join("\r\n");
    const r = await importPurchase(ctx, textFile("change.csv", change));
    expect(r.ok && r.value).toMatchObject({ versions: 1, contracts: 0 });
    const { versions } = splitPurchaseRecords(await dbOf(ctx).purchaseContracts.toArray());
    expect(versions.filter((v) => v.positionNo === 1).map((v) => [v.validFrom, v.unitCost])).toEqual([["2026-01-01", "1"], ["2027-01-01", "1.2"]]);
  });

  it("a row contradicting a stored version with the same valid_from fails, names row and column, imports nothing", async () => {
    const ctx = await seededMaster();
    await importPurchase(ctx, textFile("purchase.csv", PURCHASE));
    const before = await snapshot(ctx);
    const bad = [header, "DENIC Registrar GmbH,EK-100,KD-4711,3,SSL-DV,,new.alpha.de,1,5.00,annual,2026-02-01", "DENIC Registrar GmbH,EK-100,KD-4711,1,DOM-DE,,.de domains (alpha.de beta.de beta-shop.de gamma.de),4,1.10,annual,2026-01-01"].join("\n");
    const r = await importPurchase(ctx, textFile("bad.csv", bad));
    expect(!r.ok && r.issues).toEqual([
      { code: "purchase.conflicting_version", severity: "error", params: { purchase: "EK-100", position: 1, validFrom: "2026-01-01", storedQuantity: "4", storedCost: "1" }, where: { source: "bad.csv", row: 3, column: "unit_cost" } },
    ]);
    expect(await snapshot(ctx)).toBe(before);
  });

  it("rows of one file must agree; a bad cell imports nothing from the file", async () => {
    const ctx = await seededMaster();
    const dup = [header, "S,EK-1,,1,DOM-DE,,a.de,1,1.00,annual,2026-01-01", "S,EK-1,,1,DOM-DE,,a.de,1,1.50,annual,2026-01-01"].join("\n");
    const r1 = await importPurchase(ctx, textFile("dup.csv", dup));
    expect(!r1.ok && r1.issues.map((i) => [i.code, i.where?.row, i.params.otherRow])).toEqual([["master.duplicate_row", 3, 2]]);
    const other = [header, "S,EK-1,,1,DOM-DE,,a.de,1,1.00,annual,2026-01-01", "T,EK-1,,2,DOM-DE,,b.de,1,1.00,annual,2026-01-01"].join("\n");
    const r2 = await importPurchase(ctx, textFile("other.csv", other));
    expect(!r2.ok && r2.issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([["purchase.conflicting_contract", 3, "supplier"]]);
    const cells = [header, "S,EK-1,,1,DOM-DE,,a.de,-1,1.00,annual,2026-01-01", "S,EK-1,,x,DOM-DE,,a.de,1,1.00,weekly,31.02.2026"].join("\n");
    const r3 = await importPurchase(ctx, textFile("cells.csv", cells));
    expect(!r3.ok && r3.issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([
      ["parse.negative_not_allowed", 2, "quantity (H)"],
      ["parse.invalid_integer", 3, "position_no (D)"],
      ["parse.invalid_choice", 3, "billing_interval (J)"],
      ["parse.invalid_date", 3, "valid_from (K)"],
    ]);
    const missing = await importPurchase(ctx, textFile("missing.csv", "supplier,purchase_no\nS,EK-1"));
    expect(!missing.ok && missing.issues.map((i) => i.params.column)).toEqual(["position_no", "article_no", "quantity", "unit_cost", "valid_from"]);
    expect(await dbOf(ctx).purchaseContracts.count()).toBe(0);
  });

  it("an empty supplier_ref may be filled in later; an unknown article is a warning", async () => {
    const ctx = await seededMaster();
    await importPurchase(ctx, textFile("a.csv", [header, "S,EK-2,,1,HOST-X,Webhosting L,www.alpha.de,1,7.50,monthly,2026-01-01"].join("\n")));
    const r = await importPurchase(ctx, textFile("b.csv", [header, "S,EK-2,KD-9,1,HOST-X,Webhosting L,www.alpha.de,1,7.50,monthly,2026-01-01"].join("\n")));
    expect(r.ok && r.value).toMatchObject({ contracts: 1, versions: 0, unchangedRows: 1 });
    expect(r.ok && r.value.warnings.map((w) => [w.code, w.severity])).toEqual([["purchase.unknown_article", "warning"]]);
    const { contracts } = splitPurchaseRecords(await dbOf(ctx).purchaseContracts.toArray());
    expect(contracts.get("EK-2")!.supplierRef).toBe("KD-9");
    const c = await importPurchase(ctx, textFile("c.csv", [header, "S,EK-2,KD-10,1,HOST-X,Webhosting L,www.alpha.de,1,7.50,monthly,2026-01-01"].join("\n")));
    expect(!c.ok && c.issues[0]).toMatchObject({ code: "purchase.conflicting_contract", params: { field: "supplier_ref", stored: "KD-9", value: "KD-10" } });
  });

  it("undo --batch removes the batch's purchase versions and restores a changed header", async () => {
    const ctx = await seededMaster();
    await importPurchase(ctx, textFile("a.csv", [header, "S,EK-2,,1,DOM-DE,,a.de,1,1.00,annual,2026-01-01"].join("\n")));
    const before = await snapshot(ctx);
    const r = await importPurchase(ctx, textFile("b.csv", [header, "S,EK-2,KD-9,1,DOM-DE,,a.de,1,1.00,annual,2026-01-01", "S,EK-2,KD-9,1,DOM-DE,,a.de,1,1.10,annual,2026-07-01"].join("\n")));
    expect(r.ok && r.value).toMatchObject({ contracts: 1, versions: 1 });
    const undone = await undoBatch(ctx, r.ok ? r.value.batchId! : "");
    expect(undone.ok && undone.value).toMatchObject({ versionsRemoved: 0, rowsRestored: 2 });
    const tables = (json: string) => { const t = JSON.parse(json).tables; return JSON.stringify([t.purchaseContracts, t.purchaseLinks, t.contractVersions]); };
    expect(tables(await snapshot(ctx))).toBe(tables(before));
  });
});

describe("links import", () => {
  it("links one purchase position to three sales positions; twice is a no-op; unlink removes; undo restores", async () => {
    const ctx = await seededMaster();
    await importPurchase(ctx, textFile("purchase.csv", PURCHASE));
    const r = await importLinks(ctx, textFile("links.csv", LINKS));
    expect(r.ok && r.value).toMatchObject({ batchId: "links-00003", added: 3, removed: 0, unchangedRows: 0 });
    expect((await dbOf(ctx).purchaseLinks.toArray()).map((l) => [l.id, l.purchaseNo, l.purchasePositionNo, l.contractNo, l.positionNo, l.source])).toEqual([
      ["EK-100/1>V-3001/1", "EK-100", 1, "V-3001", 1, "links-00003"],
      ["EK-100/1>V-3002/1", "EK-100", 1, "V-3002", 1, "links-00003"],
      ["EK-100/1>V-3003/1", "EK-100", 1, "V-3003", 1, "links-00003"],
    ]);
    const again = await importLinks(ctx, textFile("links.csv", LINKS));
    expect(again.ok && again.value).toMatchObject({ batchId: null, added: 0, unchangedRows: 3 });
    const before = await snapshot(ctx);
    const unlink = await importLinks(ctx, textFile("unlink.csv", "purchase_no,purchase_position_no,contract_no,position_no,action\nEK-100,1,V-3002,1,unlink\nEK-100,2,V-3001,1,link"));
    expect(unlink.ok && unlink.value).toMatchObject({ added: 1, removed: 1 });
    expect((await dbOf(ctx).purchaseLinks.toCollection().primaryKeys()).sort()).toEqual(["EK-100/1>V-3001/1", "EK-100/1>V-3003/1", "EK-100/2>V-3001/1"]);
    expect(await dbOf(ctx).auditLog.where("kind").equals("purchase.link.remove").count()).toBe(1);
    const undone = await undoBatch(ctx, unlink.ok ? unlink.value.batchId! : "");
    expect(undone.ok).toBe(true);
    const links = (json: string) => JSON.stringify(JSON.parse(json).tables.purchaseLinks);
    expect(links(await snapshot(ctx))).toBe(links(before));
  });

  it("unknown numbers are errors naming the row and column; nothing is imported", async () => {
    const ctx = await testContext();
    await seedDomains(ctx);
    const before = await snapshot(ctx);
    const bad = [
      "purchase_no,purchase_position_no,contract_no,position_no",
      "EK-999,1,V-3004,1",
      "EK-100,7,V-3004,1",
      "EK-100,1,V-9999,1",
      "EK-100,1,V-3004,5",
      "EK-100,1,V-3004,1",
    ].join("\n");
    const r = await importLinks(ctx, textFile("bad-links.csv", bad));
    expect(!r.ok && r.issues.map((i) => [i.code, i.where?.row, i.where?.column, i.params])).toEqual([
      ["purchase.unknown_purchase", 2, "purchase_no", { purchase: "EK-999" }],
      ["purchase.unknown_purchase_position", 3, "purchase_position_no", { purchase: "EK-100", position: 7 }],
      ["review.unknown_contract", 4, "contract_no", { contract: "V-9999" }],
      ["review.unknown_position", 5, "position_no", { contract: "V-3004", position: 5 }],
    ]);
    expect(await snapshot(ctx)).toBe(before);
  });

  it("the same link added and removed in one file is an error", async () => {
    const ctx = await testContext();
    await seedDomains(ctx);
    const r = await importLinks(ctx, textFile("x.csv", "purchase_no,purchase_position_no,contract_no,position_no,action\nEK-100,1,V-3004,1,link\nEK-100,1,V-3004,1,unlink"));
    expect(!r.ok && r.issues.map((i) => [i.code, i.where?.row, i.params.otherRow])).toEqual([["master.duplicate_row", 3, 2]]);
  });
});
