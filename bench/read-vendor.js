/**
 * Benchmark: reading a 100,000-row Microsoft NCE invoice reconciliation file (47 columns, generated
 * in memory) — papaparse's own parse time next to the full vendor reader (decode, delimiter and
 * format detection, header recognition, row mapping to canonical lines). Prints rows per second and
 * peak RSS. Run: `node bench/read-vendor.js [rows] [--german]` (no build needed; TypeScript is
 * compiled on the fly by bench/register.js). `--write=FILE` only writes the generated file.
 * Figures only — no thresholds are asserted here or in jest.
 */
"use strict";
require("./register");
const Papa = require("papaparse");
const { NCE_INVOICE_HEADERS } = require("../src/io/vendor/profiles/microsoft-nce-invoice.profile.ts");
const { readVendorCsv, readVendorTable } = require("../src/io/vendor/read-vendor.ts");
const { readCsvText } = require("../src/io/table/read-csv.ts");

const args = process.argv.slice(2);
const ROWS = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const GERMAN = args.includes("--german");

/** Deterministic pseudo-random numbers (mulberry32), so every run reads the same file. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (r, n) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(r() * 16)]).join("");
const guid = (r) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-8${hex(r, 3)}-${hex(r, 12)}`;

function generate(rows) {
  const r = rng(42);
  const customers = Array.from({ length: 2000 }, (_, i) => ({ id: guid(r), name: `Kunde ${i + 1} GmbH & Co. KG`, domain: `kunde${i + 1}.onmicrosoft.com` }));
  const skus = [
    ["CFQ7TTC0LH18", "0001", "Microsoft 365 Business Basic", "5.1"],
    ["CFQ7TTC0LCHC", "0002", "Microsoft 365 Business Premium", "18.6"],
    ["CFQ7TTC0LH16", "0001", "Exchange Online (Plan 1)", "3.4"],
    ["CFQ7TTC0LDPB", "0001", "Microsoft 365 Business Standard", "10.5"],
    ["CFQ7TTC0LFLZ", "0002", "Microsoft 365 E3", "33.2"],
    ["CFQ7TTC0MM8R", "0002", "Microsoft Teams Essentials", "3.4"],
  ];
  const types = ["cycleCharge", "cycleCharge", "cycleCharge", "renew", "new", "addQuantity", "removeQuantity", "cancel"];
  const dec = (v) => (GERMAN ? v.replace(".", ",") : v);
  const date = (y, m, d) => (GERMAN ? `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}` : `${m}/${d}/${y}`);
  const d = GERMAN ? ";" : ",";
  const out = [NCE_INVOICE_HEADERS.join(d)];
  const index = Object.fromEntries(NCE_INVOICE_HEADERS.map((h, i) => [h, i]));
  for (let i = 0; i < rows; i++) {
    const c = customers[Math.floor(r() * customers.length)];
    const [productId, skuId, name, price] = skus[Math.floor(r() * skus.length)];
    const type = types[Math.floor(r() * types.length)];
    const qty = 1 + Math.floor(r() * 50);
    const day = 1 + Math.floor(r() * 28);
    const negative = type === "removeQuantity" || type === "cancel" || (type === "addQuantity" && r() < 0.5);
    const subtotal = ((negative ? -1 : 1) * qty * Number(price)).toFixed(2);
    const row = new Array(NCE_INVOICE_HEADERS.length).fill("");
    row[index.PartnerId] = "11111111-2222-3333-4444-555555555555";
    row[index.CustomerId] = c.id;
    row[index.CustomerName] = `"${c.name}"`;
    row[index.CustomerDomainName] = c.domain;
    row[index.CustomerCountry] = "DE";
    row[index.InvoiceNumber] = "G012345678";
    row[index.OrderId] = String(100000000000000000 + i);
    row[index.OrderDate] = date(2026, 11, day);
    row[index.ProductId] = productId;
    row[index.SkuId] = skuId;
    row[index.SkuName] = name;
    row[index.ProductName] = name;
    row[index.ChargeType] = type;
    row[index.UnitPrice] = dec(price);
    row[index.Quantity] = String(qty);
    row[index.BillableQuantity] = String(qty);
    row[index.Subtotal] = dec(subtotal);
    row[index.TaxTotal] = dec((Number(subtotal) * 0.19).toFixed(2));
    row[index.Total] = dec((Number(subtotal) * 1.19).toFixed(2));
    row[index.Currency] = "EUR";
    row[index.PriceAdjustmentDescription] = `"[""15.0% Partner earned credit for services managed""]"`;
    row[index.PublisherName] = "Microsoft Corporation";
    row[index.SubscriptionId] = guid(r);
    row[index.ChargeStartDate] = date(2026, 11, day);
    row[index.ChargeEndDate] = day === 1 ? date(2026, 11, 30) : date(2026, 12, day - 1);
    row[index.TermAndBillingCycle] = "One-Year commitment for monthly/yearly billing";
    row[index.EffectiveUnitPrice] = dec(price);
    row[index.BillingFrequency] = "Monthly";
    row[index.PricingCurrency] = "EUR";
    row[index.PCToBCExchangeRate] = "1";
    row[index.SubscriptionStartDate] = date(2026, 1, day);
    row[index.SubscriptionEndDate] = date(2026, 12, day);
    out.push(row.join(d));
  }
  return out.join("\r\n") + "\r\n";
}

function time(fn) {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

const fmt = (n) => Math.round(n).toLocaleString("en-US");
const MB = (bytes) => `${Math.round(bytes / 1048576)} MB`;
const RUNS = 3;

/**
 * One measurement in its own process, so each peak RSS belongs to that step alone. The file is read
 * from disk as the CLI would; the first run's peak RSS is reported, the time is the best of 3 runs.
 */
function child(phase, file) {
  const fs = require("node:fs");
  const times = [];
  let rssAfterFirst = 0;
  let info = {};
  for (let run = 0; run < RUNS; run++) {
    if (phase === "papa") {
      const text = fs.readFileSync(file, "utf8");
      const t = time(() => Papa.parse(text, { delimiter: GERMAN ? ";" : ",", skipEmptyLines: false, dynamicTyping: false }));
      times.push(t.ms);
      info = { rows: t.value.data.length - 2 };
    } else if (phase === "full") {
      const bytes = fs.readFileSync(file);
      const t = time(() => readVendorCsv(bytes, { fileName: "bench.csv" }));
      times.push(t.ms);
      const r = t.value;
      if (run === 0 && global.gc) {
        global.gc();
        info.heapWithLines = process.memoryUsage().heapUsed;
      }
      info = { ...info, rows: r.lines.length, issues: r.issues.length, profile: r.profile && r.profile.id, decimal: r.decimalSeparator, dates: r.dateOrder, period: r.periodFound };
    } else {
      const { table } = readCsvText(fs.readFileSync(file, "utf8"), "bench.csv");
      const t = time(() => readVendorTable(table, { fileName: "bench.csv" }));
      times.push(t.ms);
      info = { rows: t.value.lines.length };
    }
    if (run === 0) rssAfterFirst = process.resourceUsage().maxRSS * 1024;
  }
  process.stdout.write(JSON.stringify({ times, rss: rssAfterFirst, ...info }));
}

function main() {
  const os = require("node:os");
  const fs = require("node:fs");
  const path = require("node:path");
  const { execFileSync } = require("node:child_process");
  const gen = time(() => generate(ROWS));
  const file = path.join(os.tmpdir(), `msp-bench-nce-${process.pid}.csv`);
  fs.writeFileSync(file, gen.value);
  const size = fs.statSync(file).size;
  console.log(`Microsoft NCE invoice reconciliation: ${fmt(ROWS)} rows × ${NCE_INVOICE_HEADERS.length} columns, ${(size / 1048576).toFixed(1)} MB${GERMAN ? ", German re-export (; decimal comma, DD.MM.YYYY)" : ""} (generated in ${fmt(gen.ms)} ms)`);
  console.log(`node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const run = (phase) => JSON.parse(execFileSync(process.execPath, ["--expose-gc", __filename, ...process.argv.slice(2), `--phase=${phase}`, `--file=${file}`], { encoding: "utf8", maxBuffer: 1 << 20 }));
  try {
    const papa = run("papa");
    const full = run("full");
    const map = run("map");
    if (full.rows !== ROWS || full.issues !== 0) throw new Error(`unexpected result: ${full.rows} lines, ${full.issues} issues`);
    const best = (r) => Math.min(...r.times);
    const row = (label, r) =>
      console.log(`${label.padEnd(50)} ${r.times.map((x) => fmt(x).padStart(6)).join(" ")} ms | best ${fmt(best(r)).padStart(6)} ms = ${fmt((ROWS / best(r)) * 1000).padStart(9)} rows/s | peak RSS ${MB(r.rss)}`);
    console.log(`runs (each step in its own process; time = best of ${RUNS}, peak RSS of the process after its first run):`);
    row("papaparse alone (string → arrays)", papa);
    row("readVendorCsv (bytes → decode → parse → lines)", full);
    row("readVendorTable (parsed table → lines)", map);
    console.log(`readVendorCsv / papaparse: ${(best(full) / best(papa)).toFixed(2)}×; heap after the first read while its ${fmt(full.rows)} lines are held: ${MB(full.heapWithLines)}`);
    console.log(`recognised ${full.profile}, decimal "${full.decimal}", dates ${full.dates}, period ${full.period.from} … ${full.period.to}`);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const phase = args.find((a) => a.startsWith("--phase="));
const out = args.find((a) => a.startsWith("--write="));
if (out) require("node:fs").writeFileSync(out.slice(8), generate(ROWS)); // keep the generated file for other tools
else if (phase) child(phase.slice(8), args.find((a) => a.startsWith("--file=")).slice(7));
else main();
