import { DEFAULT_PAYLOAD_BUDGET, EXCEL_PAYLOAD_LIMIT } from "../../src/excel/payload";
import { reviewWriteOptions } from "../../src/excel/review-sheet";
import { readReviewTable, reviewTableRows } from "../../src/io/reconcile/review-table";
import { manyReviewRows, memoryGateway, unwrap } from "./fixtures";

const SHEET = "Abgleich 2026-10 NCE";

describe("chunked writes under the request payload limit", () => {
  it("writes a 20,000-row review table in chunks that each stay under the budget, and reads it back", async () => {
    const { wb, gw } = memoryGateway();
    const progress: number[] = [];
    const grid = reviewTableRows(manyReviewRows(20_000));
    const result = unwrap(await gw.writeTable(SHEET, grid, reviewWriteOptions(SHEET, { onProgress: (done, total) => progress.push(done / total) })));

    expect(result.rowsWritten).toBe(20_000);
    expect(result.chunks).toBeGreaterThan(1);
    expect(result.syncs).toBeGreaterThan(result.chunks);
    expect(wb.stats.failedSyncs).toBe(0);
    // Every request Excel saw, not only the largest, is under our budget (and so under 5 MB).
    expect(Math.max(...wb.stats.requestBytes)).toBe(wb.stats.maxRequestBytes);
    expect(wb.stats.maxRequestBytes).toBeLessThan(DEFAULT_PAYLOAD_BUDGET);
    expect(wb.stats.maxRequestBytes).toBeLessThan(EXCEL_PAYLOAD_LIMIT);
    // …and the chunks are not tiny: at least a third of the budget on average.
    expect(20_000 / result.chunks).toBeGreaterThan(1000);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Calculation was suspended and events were off for every chunk.
    expect(wb.stats.calcSuspendedSyncs).toBe(result.chunks);
    expect(wb.stats.eventsOffSyncs).toBeGreaterThanOrEqual(result.chunks);
    expect(wb.eventsEnabled).toBe(true);
    expect(wb.stats.untracked).toBeGreaterThanOrEqual(result.chunks);

    const read = unwrap(await gw.readTableByHeaders(SHEET));
    expect(wb.stats.maxResponseBytes).toBeLessThan(EXCEL_PAYLOAD_LIMIT);
    expect(read.table.rows).toHaveLength(20_001);
    const { decisions, issues } = readReviewTable(read.table);
    expect(issues).toEqual([]);
    expect(decisions).toHaveLength(20_000);
    expect(decisions[19_999]).toMatchObject({ row: 20_001, customerNo: "119999", effectiveDate: "2026-10-15" });
  });

  it("halves a chunk that Excel rejects as too large and retries it", async () => {
    const grid = reviewTableRows(manyReviewRows(3_000));
    const clean = memoryGateway();
    const baseline = unwrap(await clean.gw.writeTable(SHEET, grid, reviewWriteOptions(SHEET)));

    const { wb, gw } = memoryGateway();
    // Syncs 1 and 2 are the checks and the temporary sheet; the third is the first chunk.
    wb.failNextSyncs(1, "RequestPayloadSizeLimitExceeded", 2);
    const result = unwrap(await gw.writeTable(SHEET, grid, reviewWriteOptions(SHEET)));
    expect(wb.stats.failedSyncs).toBe(1);
    expect(result.chunks).toBeGreaterThan(baseline.chunks);
    expect(wb.values(SHEET)).toEqual(clean.wb.values(SHEET));
  });

  it("keeps halving until chunks fit a limit far below the estimate", async () => {
    const grid = reviewTableRows(manyReviewRows(2_000));
    const { wb, gw } = memoryGateway({ limits: { requestBytes: 60_000 } });
    const result = unwrap(await gw.writeTable(SHEET, grid, reviewWriteOptions(SHEET)));
    expect(result.rowsWritten).toBe(2_000);
    expect(wb.stats.failedSyncs).toBeGreaterThan(0);
    // After the budget has been learnt, failures stop: far fewer failures than chunks.
    expect(wb.stats.failedSyncs).toBeLessThan(result.chunks / 4);
    expect(wb.values(SHEET)).toHaveLength(2_001);
    expect(wb.sheetNames()).toEqual(["Tabelle1", SHEET]);
  });

  it("reports a single row that can never fit, and leaves the workbook unchanged", async () => {
    const { wb, gw } = memoryGateway({ limits: { requestBytes: 8_000 } });
    const grid = [["id", "note"], ["1", "x".repeat(20_000)]];
    const result = await gw.writeTable("Notes", grid);
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: "excel.row_too_large", params: { row: 2 } })] });
    expect(wb.sheetNames()).toEqual(["Tabelle1"]);
    expect(wb.eventsEnabled).toBe(true);
  });

  it("does not use APIs the host lacks (ExcelApi 1.5: no calculation suspension, no events switch)", async () => {
    const { wb, gw } = memoryGateway({ apiVersion: "1.5" });
    const result = unwrap(await gw.writeTable(SHEET, reviewTableRows(manyReviewRows(10)), reviewWriteOptions(SHEET)));
    expect(result.rowsWritten).toBe(10);
    expect(wb.stats.calcSuspendedSyncs).toBe(0);
    expect(wb.stats.eventsOffSyncs).toBe(0);
    expect(wb.sheet(SHEET).frozenRows).toBe(0);
    expect(wb.validationList(SHEET, "N2")).toBeNull();
  });
});
