import { type WrittenRow, batchDependencies, firstDependency, isLaterBatch, undoChanges } from "../../../src/core/undo/batch-dependencies";

const version = (contractNo: string, positionNo: number, articleNo = "DOM-DE"): WrittenRow => ({ table: "contractVersions", key: `${contractNo}/${positionNo}/x`, row: { contractNo, positionNo, articleNo, seq: 1 }, created: true });
const purchaseVersion = (purchaseNo: string, positionNo: number): WrittenRow => ({ table: "purchaseContracts", key: `purchase:${purchaseNo}/${positionNo}/x`, row: { kind: "position", purchaseNo, positionNo, articleNo: "DOM-DE", seq: 1 }, created: true });
const link = (purchaseNo: string, purchasePositionNo: number, contractNo: string, positionNo: number, created = true): WrittenRow => ({
  table: "purchaseLinks",
  key: `${purchaseNo}/${purchasePositionNo}>${contractNo}/${positionNo}`,
  row: { purchaseNo, purchasePositionNo, contractNo, positionNo },
  created,
});
const none = { positions: [], purchasePositions: [] };

describe("batch dependencies", () => {
  it("a price update depends on the cost history of every purchase position linked to a position it re-priced (a bundle)", () => {
    // earlier purchase import: a new cost of the domain (EK-2:1), which also feeds V-1/1 besides the hosting (EK-1:1)
    const changes = undoChanges([purchaseVersion("EK-2", 1)], none);
    const links = [
      { purchaseNo: "EK-1", purchasePositionNo: 1, contractNo: "V-1", positionNo: 1 },
      { purchaseNo: "EK-2", purchasePositionNo: 1, contractNo: "V-1", positionNo: 1 },
    ];
    // later price update of the hosting re-priced V-1/1 with the sum of both costs
    const price = batchDependencies("price-update", [version("V-1", 1), purchaseVersion("EK-1", 1)], links);
    expect(firstDependency(changes, price)).toEqual({ code: "review.undo_blocked_by_batch_purchase", params: { purchase: "EK-2", position: 1 } });
    // a reconcile apply of the same position does not read costs
    expect(firstDependency(changes, batchDependencies("apply-review", [version("V-1", 1)], links))).toBeNull();
  });

  it("links feed a later price update of either end; a later links or master batch on the same positions does not depend on them", () => {
    const changes = undoChanges([link("EK-1", 1, "V-1", 1), link("EK-1", 2, "V-2", 1, false)], none);
    expect(firstDependency(changes, batchDependencies("price-update", [version("V-1", 1)]))).toMatchObject({ code: "review.undo_blocked_by_batch_link", params: { purchase: "EK-1", purchasePosition: 1, contract: "V-1", position: 1 } });
    // a removed link counts too: undoing puts it back under the price update's feet
    expect(firstDependency(changes, batchDependencies("price-update", [purchaseVersion("EK-1", 2)]))).toMatchObject({ code: "review.undo_blocked_by_batch_link", params: { purchasePosition: 2, contract: "V-2" } });
    expect(firstDependency(changes, batchDependencies("links-import", [link("EK-1", 3, "V-1", 1)]))).toBeNull();
    expect(firstDependency(changes, batchDependencies("import-master", [version("V-1", 1)]))).toBeNull();
  });

  it("only what the batch created is needed for existence: a later link needs a created position, not a re-versioned one", () => {
    const later = batchDependencies("links-import", [link("EK-1", 1, "V-1", 1)]);
    expect(firstDependency(undoChanges([version("V-1", 1)], none), later)).toBeNull();
    expect(firstDependency(undoChanges([version("V-1", 1)], { positions: [["V-1", 1]], purchasePositions: [] }), later)).toMatchObject({ code: "review.undo_blocked_by_batch", params: { contract: "V-1", position: 1 } });
    expect(firstDependency(undoChanges([purchaseVersion("EK-1", 1)], { positions: [], purchasePositions: [["EK-1", 1]] }), later)).toMatchObject({ code: "review.undo_blocked_by_batch_purchase", params: { purchase: "EK-1", position: 1 } });
    // a changed (not created) article is no reason; a created one is
    const article = (created: boolean): WrittenRow => ({ table: "articles", key: "DOM-DE", row: { no: "DOM-DE" }, created });
    const versionLater = batchDependencies("apply-review", [version("V-9", 1)]);
    expect(firstDependency(undoChanges([article(false)], none), versionLater)).toBeNull();
    expect(firstDependency(undoChanges([article(true)], none), versionLater)).toMatchObject({ code: "review.undo_blocked_by_batch_row", params: { entity: "article:DOM-DE" } });
  });

  it("the same row written again, time entries of a created customer, readings of a created contract", () => {
    const customer: WrittenRow = { table: "customers", key: "10003", row: { no: "10003" }, created: true };
    const contract: WrittenRow = { table: "contracts", key: "K-300", row: { no: "K-300", customerNo: "10003" }, created: true };
    const changes = undoChanges([customer, contract, { table: "timeEntries", key: "t1", row: { customerNo: "10003" }, created: true }], none);
    expect(firstDependency(changes, batchDependencies("time-import", [{ table: "timeEntries", key: "t1", row: { customerNo: "10001" }, created: false }]))).toMatchObject({ params: { entity: "timeEntry:t1" } });
    expect(firstDependency(changes, batchDependencies("time-import", [{ table: "timeEntries", key: "t2", row: { customerNo: "10003" }, created: true }]))).toMatchObject({ params: { entity: "customer:10003" } });
    expect(firstDependency(changes, batchDependencies("meters-import", [{ table: "meterReadings", key: "D9|2026-06-30", row: { deviceId: "D9", customerNo: "10001", contractNo: "K-300" }, created: true }]))).toMatchObject({ params: { entity: "contract:K-300" } });
    expect(firstDependency(changes, batchDependencies("time-import", [{ table: "timeEntries", key: "t3", row: { customerNo: "10001" }, created: true }]))).toBeNull();
  });

  it("batches are ordered by their number, by time when a number is missing", () => {
    expect(isLaterBatch({ id: "price-00010", createdAt: "2026-01-01" }, { id: "links-00009", createdAt: "2026-02-01" })).toBe(true);
    expect(isLaterBatch({ id: "links-00009", createdAt: "2026-02-01" }, { id: "price-00010", createdAt: "2026-01-01" })).toBe(false);
    expect(isLaterBatch({ id: "old", createdAt: "2026-02-01" }, { id: "price-00010", createdAt: "2026-01-01" })).toBe(true);
  });
});
