/**
 * Benchmark: the task pane writing a 20,000-row review table (PRODUCT.md §9: in chunks that each stay
 * under Excel's request payload limit) through the workbook gateway, against the strict in-memory
 * Excel (MemoryWorkbook: it measures every request's JSON payload and rejects one over 5 MB as Excel
 * does). The rows come from the reconcile core's review row shape with realistic text widths (umlauts,
 * tenant ids, notes). Prints the syncs, chunks and the largest payload per sync, for the write and for
 * reading the table back (the apply step). Run: `node bench/gateway.js [rows]`. Figures only.
 */
"use strict";
require("./register");
const { MemoryWorkbook } = require("../src/excel/memory/memory-workbook.ts");
const { MemoryWorkbookGateway } = require("../src/excel/memory/memory-gateway.ts");
const { reviewWriteOptions } = require("../src/excel/review-sheet.ts");
const { DEFAULT_PAYLOAD_BUDGET, EXCEL_PAYLOAD_LIMIT } = require("../src/excel/payload.ts");
const { readReviewTable, reviewTableRows } = require("../src/io/reconcile/review-table.ts");
const { RECONCILE_STATUSES, defaultAction } = require("../src/core/reconcile/review-row.ts");

const ROWS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 20_000);
const SHEET = "Abgleich 2026-11 NCE";

function reviewRows(n) {
  return Array.from({ length: n }, (_, i) => {
    const status = RECONCILE_STATUSES[i % RECONCILE_STATUSES.length];
    const qty = 1 + (i % 40);
    return {
      status,
      customerNo: String(10001 + (i % 2000)),
      customerName: `Kunde ${i % 2000} Systemhaus & Söhne GmbH`,
      contractNo: `V-${10001 + (i % 2000)}`,
      positionNo: 1 + (i % 5),
      articleNo: ["M365-BP", "M365-BB", "EXO-P1", "M365-E3", "TEAMS-ESS"][i % 5],
      externalCustomerId: `${String(i).padStart(8, "0")}-aaaa-4aaa-8aaa-${String(i % 997).padStart(12, "0")}`,
      externalArticleId: "CFQ7TTC0LCHC:0002",
      vendorCustomerName: `Kunde ${i % 2000} GmbH & Co. KG`,
      vendorArticleName: "Microsoft 365 Business Premium",
      source: "microsoft-nce-invoice",
      contractQty: String(qty),
      positionQty: String(qty),
      vendorQty: String(qty + (i % 3)),
      delta: String(i % 3),
      effectiveDate: `2026-11-${String(1 + (i % 28)).padStart(2, "0")}`,
      unitCost: (12 + (i % 100) / 100).toFixed(2),
      unitPrice: "20.6",
      margin: (8.6 - (i % 100) / 100).toFixed(2),
      action: defaultAction(status),
      finding: i % 11 === 0 ? "unbilled" : "",
      notices: status === "new_position" ? [{ code: "note.reconcile.choose_contract", params: {} }] : [],
      rows: [i + 2],
    };
  });
}

const fmt = (n) => Math.round(n).toLocaleString("en-US");
const kB = (b) => `${fmt(b / 1024)} kB`;

async function main() {
  const grid = reviewTableRows(reviewRows(ROWS));
  const wb = new MemoryWorkbook();
  const gw = new MemoryWorkbookGateway(wb);
  let t = performance.now();
  const written = await gw.writeTable(SHEET, grid, reviewWriteOptions(SHEET));
  const writeMs = performance.now() - t;
  if (!written.ok) throw new Error(JSON.stringify(written.issues));
  const w = written.value;
  const writeStats = { syncs: wb.stats.syncs, failed: wb.stats.failedSyncs, maxRequest: wb.stats.maxRequestBytes, requests: wb.stats.requestBytes.length };
  const payloadBytes = JSON.stringify(grid).length;
  console.log(`review table: ${fmt(ROWS)} rows × ${grid[0].length} columns, ${kB(payloadBytes)} as JSON values`);
  console.log(
    `write: ${fmt(writeMs)} ms, ${w.chunks} value chunks, ${w.syncs} syncs (${writeStats.failed} rejected), largest request ${kB(writeStats.maxRequest)} ` +
      `(budget ${kB(DEFAULT_PAYLOAD_BUDGET)}, Excel's limit ${kB(EXCEL_PAYLOAD_LIMIT)}), ${fmt(ROWS / w.chunks)} rows per chunk`,
  );
  t = performance.now();
  const before = wb.stats.syncs;
  const read = await gw.readTableByHeaders(SHEET);
  const readMs = performance.now() - t;
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const { decisions, issues } = readReviewTable(read.value.table);
  if (decisions.length !== ROWS || issues.length > 0) throw new Error(`read back ${decisions.length} rows, ${issues.length} issues`);
  console.log(`read back (apply): ${fmt(readMs)} ms, ${wb.stats.syncs - before} syncs, largest response ${kB(wb.stats.maxResponseBytes)}; ${fmt(decisions.length)} decisions, no issues`);
  console.log(`BENCH ${JSON.stringify({ bench: "gateway", rows: ROWS, writeMs: Math.round(writeMs), chunks: w.chunks, syncs: w.syncs, maxRequestKB: Math.round(writeStats.maxRequest / 1024), limitKB: EXCEL_PAYLOAD_LIMIT / 1024, readMs: Math.round(readMs), readSyncs: wb.stats.syncs - before, maxResponseKB: Math.round(wb.stats.maxResponseBytes / 1024) })}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
