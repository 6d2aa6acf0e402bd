/**
 * Benchmark (issue 16, item 4): importing a mappings file must grow linearly with its rows. Builds a
 * mappings CSV of N rows (half customers, half articles, 2,000 of each as targets; every 10th row
 * repeats an earlier mapping, so the duplicate check is exercised), then measures, in this process:
 *   - reading: bytes → text → CSV table → mapping rows (decodeBytes, readCsvText, readMasterTables);
 *   - planning: planMasterImport against a store snapshot that already holds a quarter of them;
 * for 50,000, 200,000 and 1,000,000 rows (or the counts given: `node bench/mappings.js 1000000`).
 * Before the fix, planning alone took 17 s for 50,000 and 190 s for 200,000 rows (a scan of all
 * planned mappings per row). The store's bulk write is not measured here (the store layer is being
 * replaced). Run by `npm run bench` (all of bench/), which prints the rows side by side. Figures only,
 * no thresholds asserted.
 */
"use strict";
require("./register");
const { decodeBytes } = require("../src/io/table/decode.ts");
const { readCsvText } = require("../src/io/table/read-csv.ts");
const { readMasterTables } = require("../src/io/master/read-master.ts");
const { planMasterImport } = require("../src/core/master/plan-master-import.ts");

const counts = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const COUNTS = counts.length > 0 ? counts : [50_000, 200_000, 1_000_000];
const TARGETS = 2000;

function csvBytes(n) {
  const lines = ["kind,source,external_id,internal_no"];
  for (let i = 0; i < n; i++) {
    const j = i % 10 === 9 ? i - 9 : i; // every 10th row repeats one of the rows before it
    const customer = j % 2 === 0;
    lines.push(customer ? `customer,microsoft-nce-invoice,tenant-${j},${10000 + (j % TARGETS)}` : `article,*,SKU-${j}:0001,A-${j % TARGETS}`);
  }
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

function snapshot(n) {
  const customers = new Map();
  const articles = new Map();
  for (let i = 0; i < TARGETS; i++) {
    customers.set(String(10000 + i), { no: String(10000 + i), name: `Kunde ${i}` });
    articles.set(`A-${i}`, { no: `A-${i}`, description: `Artikel ${i}`, unitPrice: "1", vatPct: "19" });
  }
  const mappings = new Map();
  for (let i = 0; i < n; i += 4) {
    if (i % 2 === 0) mappings.set(`customer|microsoft-nce-invoice|tenant-${i}`, String(10000 + (i % TARGETS)));
  }
  return { customers, articles, contracts: new Map(), versions: [], mappings };
}

const fmt = (x) => Math.round(x).toLocaleString("en-US");
let previous = null;
for (const n of COUNTS) {
  const bytes = csvBytes(n);
  const snap = snapshot(n);
  global.gc?.();
  const t0 = performance.now();
  const { table, issues: csvIssues } = readCsvText(decodeBytes(bytes).text, "mappings.csv");
  const read = readMasterTables([table]);
  const t1 = performance.now();
  const plan = planMasterImport(snap, read.input);
  const t2 = performance.now();
  if (csvIssues.length + read.issues.length > 0 || !plan.ok) {
    console.log(JSON.stringify({ csvIssues: csvIssues.slice(0, 3), readIssues: read.issues.slice(0, 3), plan: plan.ok || plan.issues.slice(0, 3) }));
    process.exit(1);
  }
  const readMs = t1 - t0;
  const planMs = t2 - t1;
  const totalMs = t2 - t0;
  const rssMB = Math.round(process.memoryUsage().rss / 2 ** 20);
  const growth = previous ? ` (time ×${(totalMs / previous.totalMs).toFixed(2)} for rows ×${(n / previous.n).toFixed(0)})` : "";
  console.log(
    `${fmt(n)} mappings (${fmt(bytes.length / 1024)} kB): read ${fmt(readMs)} ms, plan ${fmt(planMs)} ms, total ${fmt(totalMs)} ms = ${fmt(n / (totalMs / 1000))} rows/s; ` +
      `${fmt(plan.value.mappings.length)} new, ${fmt(plan.value.unchangedRows)} unchanged; RSS ${rssMB} MB${growth}`,
  );
  console.log(`BENCH ${JSON.stringify({ bench: "mappings", rows: n, readMs: Math.round(readMs), planMs: Math.round(planMs), totalMs: Math.round(totalMs), rssMB })}`);
  previous = { n, totalMs };
}
