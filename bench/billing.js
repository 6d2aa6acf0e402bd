/**
 * Benchmark: a billing run over 5,000 contracts with 24 months of history and retroactive changes
 * (PRODUCT.md §9: under 2 s). Builds the history with the pure core (24 monthly runs), stores it in
 * an in-memory store, enters retroactive changes for 10 % of the positions, then times the 25th run
 * through the app layer (store reads, computation, ledger and run writes in one transaction).
 * Run: `node bench/billing.js [contracts]`. Figures only, no thresholds asserted.
 */
"use strict";
require("./register");
const { computeBillingRun } = require("../src/core/billing/run-billing.ts");
const { addMonths } = require("../src/core/date/iso-month.ts");
const { createMemoryDb } = require("../src/store/node-db.ts");
const { runBilling } = require("../src/app/bill.ts");

const CONTRACTS = Number(process.argv[2] ?? 5000);
const intervals = ["monthly", "monthly", "monthly", "quarterly", "annual"];
const modes = ["advance", "advance", "arrears"];

function seed() {
  const customers = [];
  const contracts = [];
  const versions = [];
  let seq = 1;
  for (let i = 0; i < CONTRACTS; i++) {
    const customerNo = String(10000 + (i % 2000));
    if (i < 2000) customers.push({ no: customerNo, name: `Kunde ${customerNo}` });
    const no = `V-${i + 1}`;
    const start = `2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 27)).padStart(2, "0")}`;
    contracts.push({ no, customerNo, type: "license", interval: intervals[i % intervals.length], mode: modes[i % modes.length], start });
    for (let p = 1; p <= 2; p++) {
      const base = { contractNo: no, positionNo: p, articleNo: p === 1 ? "M365-BP" : "EXO-P1", description: "", unitPrice: p === 1 ? "20.6" : "4", discountPct: i % 7 === 0 ? "10" : "0", vatPct: "19" };
      versions.push({ ...base, id: `${no}/${p}/a`, seq: seq++, validFrom: start, quantity: String(1 + (i % 25)) });
      // a change every few months
      versions.push({ ...base, id: `${no}/${p}/b`, seq: seq++, validFrom: `2025-0${1 + (i % 9)}-15`, quantity: String(2 + (i % 25)) });
    }
  }
  return { customers, contracts, versions, seq };
}

async function main() {
  const { customers, contracts, versions, seq } = seed();
  let ledger = [];
  let next = 1;
  const t0 = performance.now();
  let month = "2024-01";
  for (let k = 0; k < 24; k++, month = addMonths(month, 1)) {
    const r = computeBillingRun({ runId: `h-${k}`, runMonth: month, invoiceDate: `${month}-01`, customers, contracts, versions, ledger, nextInvoiceNumber: next });
    ledger = ledger.concat(r.newLedgerEntries);
    next = r.nextInvoiceNumber;
  }
  const historyMs = performance.now() - t0;
  const db = await createMemoryDb("bench");
  await db.customers.bulkAdd(customers);
  await db.contracts.bulkAdd(contracts);
  // retroactive changes: 10 % of the positions get a new quantity from a month already billed
  const retro = [];
  for (let i = 0; i < CONTRACTS; i += 10) {
    const c = contracts[i];
    retro.push({ contractNo: c.no, positionNo: 1, articleNo: "M365-BP", description: "", unitPrice: "20.6", discountPct: "0", vatPct: "19", id: `${c.no}/1/r`, seq: seq + i, validFrom: "2025-11-10", quantity: "30" });
  }
  await db.contractVersions.bulkAdd(versions.concat(retro));
  await db.ledger.bulkAdd(ledger);
  await db.runs.bulkAdd(Array.from({ length: 24 }, (_, k) => ({ id: `h-${k}`, month: "x", createdAt: `2025-12-01T00:00:${String(k).padStart(2, "0")}`, invoiceDate: "2025-12-01", invoiceRefs: [] })));
  await db.settings.put({ key: "counter:invoice", value: next });
  const ctx = { db, now: () => "2026-01-02T08:00:00.000Z" };
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const t1 = performance.now();
  const r = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
  const runMs = performance.now() - t1;
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const lines = r.value.invoices.reduce((n, i) => n + i.lines.length, 0);
  const diffs = r.value.invoices.reduce((n, i) => n + i.lines.filter((l) => l.lineType === "difference").length, 0);
  console.log(`contracts ${CONTRACTS}, positions ${CONTRACTS * 2}, versions ${versions.length + retro.length}, ledger entries ${ledger.length} (24 months)`);
  console.log(`history: 24 pure runs in ${(historyMs / 1000).toFixed(2)} s`);
  console.log(`run 2026-01 through the store: ${(runMs / 1000).toFixed(2)} s (target < 2 s) — ${r.value.invoices.length} invoices, ${lines} lines, ${diffs} difference lines, ${r.value.ledgerEntries} ledger entries written`);
  console.log(`rss ${Math.round(rss0 / 2 ** 20)} MB before the run, ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB after`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
