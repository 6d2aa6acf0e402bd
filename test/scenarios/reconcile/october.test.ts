import { dbOf } from "../../support/db-view";
import { undoBatch } from "../../../src/app/undo-batch";
import { backupToJson, exportBackup } from "../../../src/store/backup";
import { testContext } from "../../support/fixtures";
import { T1, T2, T3, applyRows, octoberCsv, octoberRecords, reconcile, roundTripReview, seedStore } from "../../support/reconcile-scenario";

const brief = (rows: Awaited<ReturnType<typeof reconcile>>) =>
  rows.map((r) => [r.status, r.customerNo, r.contractNo, r.positionNo, r.articleNo, r.contractQty, r.vendorQty, r.delta, r.effectiveDate, r.action]);

async function seeded() {
  const ctx = await testContext();
  await seedStore(ctx);
  return ctx;
}

/** Domain tables only: audit entries and batch markers stay as the record of what happened. */
async function domainState(ctx: Awaited<ReturnType<typeof seeded>>) {
  const doc = await exportBackup(ctx.store, "t");
  const { customers, articles, contracts, contractVersions, mappings, ledger } = doc.tables;
  return JSON.stringify({ customers, articles, contracts, contractVersions, mappings, ledger });
}

describe("reconciling October 2026", () => {
  it("gives one row per status with §5.7 quantities and effective dates", async () => {
    const ctx = await seeded();
    const rows = await reconcile(ctx, octoberCsv());
    expect(brief(rows)).toEqual([
      ["quantity_changed", "10001", "V-1001", 1, "M365-BP", "10", "12", "2", "2026-10-15", "accept"],
      ["quantity_changed", "10002", "V-2001", 1, "M365-BP", "4", "0", "-4", "2026-10-20", "accept"],
      ["new_position", "10002", "V-2001", null, "M365-E3", "0", "2", "2", "2026-10-05", "accept"],
      ["missing_in_file", "10001", "V-1001", 3, "EXO-P1", "5", "0", "-5", "2026-10-01", "skip"],
      ["missing_in_file", "10002", "V-2002", 1, "EXO-P1", "1", "0", "-1", "2026-10-01", "skip"],
      ["unmapped_customer", "", "", null, "M365-BP", null, "7", null, "2026-10-01", "skip"],
      ["unmapped_article", "10001", "", null, "", null, "1", null, "2026-10-01", "skip"],
      ["unchanged", "10001", "V-1001", 2, "M365-E3", "3", "3", "0", "2026-10-01", "skip"],
    ]);
    const bp = rows[0]!;
    expect(bp).toMatchObject({ externalCustomerId: T1, externalArticleId: "CFQ7TTC0LCHC:0002", unitCost: "18.6", unitPrice: "20.6", margin: "2" });
    expect(rows.find((r) => r.status === "unmapped_customer")!.externalCustomerId).toBe(T3);
    expect(rows.find((r) => r.status === "unmapped_article")!.externalArticleId).toBe("CFQ7TTC0MM8R:0002");
    // A position the file does not name shows the tenant and SKU mapped to it, to look up in the vendor's portal.
    const missing = rows.filter((r) => r.status === "missing_in_file").map((r) => [r.contractNo, r.externalCustomerId, r.externalArticleId]);
    expect(missing).toEqual([["V-1001", T1, "CFQ7TTC0LH16:0001"], ["V-2002", T2, "CFQ7TTC0LH16:0001"]]);
    // V-2002 is a managed-service contract with EXO-P1: the article is mapped for every source (*), so it counts
  });

  it("a German re-export of the same data gives the same result", async () => {
    const ctx = await seeded();
    expect(await reconcile(ctx, octoberCsv("german"))).toEqual(await reconcile(ctx, octoberCsv()));
  });

  it("does not depend on the order of the file's lines", async () => {
    const ctx = await seeded();
    const reversed = octoberRecords().reverse();
    const noRows = (rows: Awaited<ReturnType<typeof reconcile>>) => rows.map(({ rows: _r, ...rest }) => rest);
    expect(noRows(await reconcile(ctx, octoberCsv("microsoft", reversed)))).toEqual(noRows(await reconcile(ctx, octoberCsv())));
  });

  it("apply creates the versions; reconciling again shows them unchanged; applying again adds nothing; undo restores the store", async () => {
    const ctx = await seeded();
    const before = await domainState(ctx);
    const rows = await reconcile(ctx, octoberCsv());
    const applied = await applyRows(ctx, rows);
    expect(applied.ok && applied.value).toMatchObject({ versions: 3, mappings: 0, skipped: 5 });
    const created = await dbOf(ctx).contractVersions.where("source").equals("apply-00002").toArray();
    expect(created.map((v) => [v.contractNo, v.positionNo, v.validFrom, v.quantity, v.unitPrice, v.articleNo]).sort()).toEqual([
      ["V-1001", 1, "2026-10-15", "12", "20.6", "M365-BP"],
      ["V-2001", 1, "2026-10-20", "0", "21", "M365-BP"],
      ["V-2001", 2, "2026-10-05", "2", "33.7", "M365-E3"],
    ]);
    const again = await reconcile(ctx, octoberCsv());
    expect(again.filter((r) => r.status === "quantity_changed" || r.status === "new_position")).toEqual([]);
    expect(again.filter((r) => r.status === "unchanged").map((r) => `${r.contractNo}/${r.positionNo}`).sort()).toEqual(["V-1001/1", "V-1001/2", "V-2001/1", "V-2001/2"]);
    const twice = await applyRows(ctx, rows);
    expect(twice.ok && twice.value).toMatchObject({ batchId: null, versions: 0, unchanged: 3 });
    const undone = await undoBatch(ctx, "apply-00002");
    expect(undone.ok).toBe(true);
    expect(await domainState(ctx)).toBe(before);
    const undoneAgain = await undoBatch(ctx, "apply-00002");
    expect(!undoneAgain.ok && undoneAgain.issues[0]!.code).toBe("review.batch_already_undone");
  });

  it("validates edited cells and names them; a bad review applies nothing", async () => {
    const ctx = await seeded();
    const before = backupToJson(await exportBackup(ctx.store, "t"));
    const rows = await reconcile(ctx, octoberCsv());
    const { issues } = roundTripReview(rows, (csv) => csv.replace("2026-10-15", "2026-10-32").replace(",accept,", ",maybe,"));
    expect(issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([
      ["review.invalid_action", 2, "action (N)"],
      ["parse.invalid_date", 2, "effective_date (K)"],
    ]);
    // the new position needs a contract: clear it and apply
    const r = roundTripReview(rows, (csv) => csv.replace(/new_position,10002,V-2001,/, "new_position,10002,,"));
    const { applyReview } = await import("../../../src/app/apply-review");
    const applied = await applyReview(ctx, r.decisions, { name: "review.csv", sha256: "x" });
    expect(!applied.ok && applied.issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([["review.contract_required", 4, "contract_no"]]);
    expect(backupToJson(await exportBackup(ctx.store, "t"))).toBe(before);
  });

  it("accepting an unmapped row with the number filled in saves the mapping for the next run", async () => {
    const ctx = await seeded();
    const rows = await reconcile(ctx, octoberCsv());
    const { decisions } = roundTripReview(rows, (csv) => csv.replace(/unmapped_customer,,/, "unmapped_customer,10002,").replace(/(unmapped_customer,.*),skip,/, "$1,accept,"));
    const { applyReview } = await import("../../../src/app/apply-review");
    const r = await applyReview(ctx, decisions, { name: "review.csv", sha256: "x" });
    // T3's customer mapping; the row's article mapping (BP's SKU → M365-BP) is stored already, as it is, so it is not saved again.
    expect(r.ok && r.value).toMatchObject({ mappings: 1, unchanged: 0 });
    const next = await reconcile(ctx, octoberCsv());
    // T3's 7 seats now count for customer 10002's Business Premium: 4 cancelled, 7 from T3
    expect(next.find((x) => x.customerNo === "10002" && x.articleNo === "M365-BP")).toMatchObject({ vendorQty: "7", externalCustomerId: `${T2} ${T3}`.split(" ").sort().join(" ") });
  });

  it("undo is refused while a later batch builds on the same position", async () => {
    const ctx = await seeded();
    await applyRows(ctx, await reconcile(ctx, octoberCsv()));
    const nov: Record<string, string>[] = octoberRecords().map((r) => ({ ...r, ChargeStartDate: r.ChargeStartDate!.replace("2026-10", "2026-11"), ChargeEndDate: r.ChargeEndDate!.replace("2026-10-31", "2026-11-30").replace("2026-11-04", "2026-12-04") }));
    nov[2] = { ...nov[2]!, Quantity: "15", BillableQuantity: "15" } as (typeof nov)[number];
    const rows = await reconcile(ctx, (await import("../../support/reconcile-scenario")).octoberCsv("microsoft", nov), "2026-11");
    const second = await applyRows(ctx, rows);
    expect(second.ok && second.value.batchId).toBe("apply-00003");
    const r = await undoBatch(ctx, "apply-00002");
    expect(!r.ok && r.issues[0]).toMatchObject({ code: "review.undo_blocked_by_batch", params: { later: "apply-00003", contract: "V-1001", position: 1 } });
    expect((await undoBatch(ctx, "apply-00003")).ok).toBe(true);
    expect((await undoBatch(ctx, "apply-00002")).ok).toBe(true);
  });
});

void T2;

describe("cost check in the same pass", () => {
  it("flags seats the vendor charges but we do not bill, and negative margins", async () => {
    const ctx = await seeded();
    const rows = await reconcile(ctx, octoberCsv());
    const finding = (status: string, article: string) => rows.find((r) => r.status === status && r.articleNo === article)!.finding;
    expect(finding("quantity_changed", "M365-BP")).toBe("unbilled");
    expect(finding("new_position", "M365-E3")).toBe("unbilled");
    expect(rows.find((r) => r.status === "unmapped_customer")!.finding).toBe("unbilled");
    expect(rows.find((r) => r.status === "unchanged")!.finding).toBe("");
    // T1 BP at a vendor cost of 22.00 (above our 20.60) gives a negative margin
    const dear = octoberRecords().map((r) => (r.SkuName === "Microsoft 365 Business Premium" && r.CustomerId === T1 ? { ...r, Subtotal: String(Number(r.Subtotal) * 22 / 18.6) } : r));
    const rows2 = await reconcile(ctx, octoberCsv("microsoft", dear));
    expect(rows2.find((r) => r.customerNo === "10001" && r.articleNo === "M365-BP")!.finding).toBe("unbilled negative_margin");
  });
});
