/**
 * Benchmark: reconciling a Microsoft NCE month through the CLI path (PRODUCT.md §9, issue 11):
 * `msp-billing reconcile --workspace W --file F --period 2026-11 --out REVIEW.csv` run in-process
 * (workspace load, vendor read, reconcile, review write, exactly the command's code) against a
 * workspace of 2,000 customers and 10,000 contract positions, for files of 100,000, 200,000 and
 * 400,000 rows, next to papaparse parsing the same file alone (the floor).
 *
 * Each measurement runs in its own process, so its peak RSS (maxRSS after the first run, module
 * loading included) belongs to it alone. Times: the first run (cold: what one CLI call costs, minus
 * node start-up and module loading, printed separately) and the best of 3. Data is generated into a
 * temp folder and deleted afterwards. Figures only — no thresholds are asserted here or in jest.
 *
 * Run: `node bench/reconcile.js [rows…] [--ledger]` (default 100000 200000 400000). `--ledger` adds a
 * 24-month ledger (240,000 entries) to the workspace, which reconcile never needs to load.
 * `--write=DIR [rows] [--ledger]` only writes the workspace (ws.json) and the file (nce.csv) to DIR.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const args = process.argv.slice(2);
const CUSTOMERS = 2000;
const POSITIONS = 10_000;
const MONTH = "2026-11";
const RUNS = 3;
const PROFILE = "microsoft-nce-invoice";

/** Deterministic pseudo-random numbers (mulberry32), so every run uses the same data. */
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

const SKUS = [
  { productId: "CFQ7TTC0LH18", skuId: "0001", name: "Microsoft 365 Business Basic", article: "M365-BB", cost: "5.1", price: "6" },
  { productId: "CFQ7TTC0LCHC", skuId: "0002", name: "Microsoft 365 Business Premium", article: "M365-BP", cost: "18.6", price: "20.6" },
  { productId: "CFQ7TTC0LH16", skuId: "0001", name: "Exchange Online (Plan 1)", article: "EXO-P1", cost: "3.4", price: "4" },
  { productId: "CFQ7TTC0LDPB", skuId: "0001", name: "Microsoft 365 Business Standard", article: "M365-BS", cost: "10.5", price: "12.5" },
  { productId: "CFQ7TTC0LFLZ", skuId: "0002", name: "Microsoft 365 E3", article: "M365-E3", cost: "33.2", price: "35.7" },
  { productId: "CFQ7TTC0MM8R", skuId: "0002", name: "Microsoft Teams Essentials", article: "TEAMS-ESS", cost: "3.4", price: "4.2" },
];

/**
 * The store: every customer has one licence contract with 5 of the 6 SKUs (10,000 positions), every
 * third customer a second (managed service) contract; a quarter of the positions have a second
 * version. Customers map by their tenant id (NCE source), articles by `ProductId:SkuId` (any source).
 */
function generateStore(withLedger) {
  const r = rng(11);
  const customers = [];
  const contracts = [];
  const versions = [];
  const mappings = [];
  const positions = [];
  let seq = 0;
  for (let c = 0; c < CUSTOMERS; c++) {
    const no = String(10001 + c);
    const tenant = guid(r);
    customers.push({ no, name: `Kunde ${c + 1} GmbH & Co. KG`, domain: `kunde${c + 1}.onmicrosoft.com` });
    mappings.push({ id: `customer|${PROFILE}|${tenant}`, kind: "customer", source: PROFILE, externalId: tenant, internalNo: no, origin: "import:bench" });
    const contractNo = `V-${no}`;
    contracts.push({ no: contractNo, customerNo: no, type: "license", interval: c % 4 === 3 ? "quarterly" : "monthly", mode: "advance", start: "2025-01-01" });
    if (c % 3 === 0) contracts.push({ no: `V-${no}-MS`, customerNo: no, type: "managed_service", interval: "monthly", mode: "advance", start: "2025-01-01" });
    const skip = c % SKUS.length;
    let positionNo = 0;
    for (let s = 0; s < SKUS.length; s++) {
      if (s === skip) continue;
      const sku = SKUS[s];
      positionNo++;
      const quantity = 1 + Math.floor(r() * 40);
      const base = { contractNo, positionNo, articleNo: sku.article, description: sku.name, unitPrice: sku.price, discountPct: c % 7 === 0 ? "5" : "0", vatPct: "19" };
      versions.push({ ...base, id: `${contractNo}/${positionNo}/a`, validFrom: "2025-01-01", quantity: String(quantity), seq: ++seq, source: "import:bench" });
      let current = quantity;
      if (positions.length % 4 === 0) {
        current = quantity + 1 + Math.floor(r() * 5);
        versions.push({ ...base, id: `${contractNo}/${positionNo}/b`, validFrom: "2026-06-01", quantity: String(current), seq: ++seq, source: "import:bench" });
      }
      positions.push({ customer: c, tenant, sku: s, quantity: current, contractNo, positionNo });
    }
  }
  const articles = SKUS.map((s) => ({ no: s.article, description: s.name, unitPrice: s.price, vatPct: "19", unit: "Lizenz", purchasePrice: s.cost }));
  for (const s of SKUS) {
    const key = `${s.productId}:${s.skuId}`;
    mappings.push({ id: `article|*|${key}`, kind: "article", source: "*", externalId: key, internalNo: s.article, origin: "import:bench" });
  }
  const ledger = [];
  if (withLedger) {
    // 24 months of one recurring entry per position (the shape of a real ledger, not a billing result).
    for (let m = 0; m < 24; m++) {
      const month = `${2024 + Math.floor((m + 10) / 12)}-${String(1 + ((m + 10) % 12)).padStart(2, "0")}`;
      positions.forEach((p, i) => {
        const sku = SKUS[p.sku];
        const ref = `RE-${String(m * CUSTOMERS + p.customer + 1).padStart(6, "0")}`;
        ledger.push({ id: `run-${String(m + 1).padStart(5, "0")}:${ref}:${p.positionNo}:${month}`, runId: `run-${String(m + 1).padStart(5, "0")}`, invoiceRef: ref, lineNo: p.positionNo, contractNo: p.contractNo, positionNo: p.positionNo, month, serviceFrom: `${month}-01`, serviceTo: `${month}-28`, articleNo: sku.article, description: sku.name, quantity: String(p.quantity), unitPrice: sku.price, discountPct: "0", vatPct: "19", exactAmount: String(p.quantity * Number(sku.price)), roundedAmount: (p.quantity * Number(sku.price)).toFixed(2), lineType: "recurring" });
        void i;
      });
    }
  }
  return { customers, contracts, versions, mappings, articles, positions, ledger };
}

/** The workspace file exactly as the CLI writes it (tables in key order, the backup format). */
function workspaceJson(store) {
  const byKey = (key) => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
  const { V1_TABLES: TABLE_NAMES } = require("../src/store/upgrade-v1.ts");
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, []]));
  tables.customers = [...store.customers].sort(byKey("no"));
  tables.articles = [...store.articles].sort(byKey("no"));
  tables.contracts = [...store.contracts].sort(byKey("no"));
  tables.contractVersions = [...store.versions].sort(byKey("id"));
  tables.mappings = [...store.mappings].sort(byKey("id"));
  tables.ledger = [...store.ledger].sort(byKey("id"));
  const maxSeq = Math.max(0, ...store.versions.map((v) => Number(v.seq) || 0));
  tables.settings = [{ key: "counter:batch", value: 2 }, { key: "counter:versionSeq", value: maxSeq + 1 }];
  return JSON.stringify({ format: "msp-billing-backup", schemaVersion: 1, exportedAt: "2026-11-30T08:00:00.000Z", tables }, null, 1) + "\n";
}

/**
 * The NCE file: one cycleCharge per subscription (90 % of the positions, a fifth of them with a
 * changed seat count), new subscriptions for 300 customers' sixth SKU, 20 customers with an unmapped
 * tenant; the other rows are addQuantity/removeQuantity pairs inside the month that cancel out, so
 * every size gives the same review table and only the row count grows.
 */
function generateNce(store, rows) {
  const { NCE_INVOICE_HEADERS } = require("../src/io/vendor/profiles/microsoft-nce-invoice.profile.ts");
  const r = rng(42);
  const index = Object.fromEntries(NCE_INVOICE_HEADERS.map((h, i) => [h, i]));
  const date = (d) => `11/${d}/2026`;
  const out = [NCE_INVOICE_HEADERS.join(",")];
  const subs = [];
  for (const p of store.positions) {
    if (r() < 0.1) continue; // missing in the file
    const quantity = r() < 0.2 ? p.quantity + 1 + Math.floor(r() * 3) : p.quantity;
    subs.push({ tenant: p.tenant, name: `Kunde ${p.customer + 1} GmbH & Co. KG`, sku: SKUS[p.sku], quantity, id: guid(r) });
  }
  for (let c = 0; c < 300; c++) {
    const p = store.positions[c * 6 * 5]; // the first position of every sixth customer
    const missingSku = p.customer % SKUS.length; // the SKU this customer has no position for
    subs.push({ tenant: p.tenant, name: `Kunde ${p.customer + 1} GmbH & Co. KG`, sku: SKUS[missingSku], quantity: 1 + (c % 9), id: guid(r) });
  }
  for (let c = 0; c < 20; c++) subs.push({ tenant: guid(r), name: `Unbekannt ${c + 1} AG`, sku: SKUS[c % SKUS.length], quantity: 3, id: guid(r) });
  const row = (s, type, quantity, from, to) => {
    const cells = new Array(NCE_INVOICE_HEADERS.length).fill("");
    const subtotal = (quantity * Number(s.sku.cost)).toFixed(2);
    cells[index.PartnerId] = "11111111-2222-3333-4444-555555555555";
    cells[index.CustomerId] = s.tenant;
    cells[index.CustomerName] = `"${s.name}"`;
    cells[index.CustomerDomainName] = "kunde.onmicrosoft.com";
    cells[index.CustomerCountry] = "DE";
    cells[index.InvoiceNumber] = "G012345678";
    cells[index.OrderId] = String(100000000000000000 + out.length);
    cells[index.OrderDate] = date(from);
    cells[index.ProductId] = s.sku.productId;
    cells[index.SkuId] = s.sku.skuId;
    cells[index.SkuName] = s.sku.name;
    cells[index.ProductName] = s.sku.name;
    cells[index.ChargeType] = type;
    cells[index.UnitPrice] = s.sku.cost;
    cells[index.Quantity] = String(Math.abs(quantity));
    cells[index.BillableQuantity] = String(Math.abs(quantity));
    cells[index.Subtotal] = subtotal;
    cells[index.TaxTotal] = (Number(subtotal) * 0.19).toFixed(2);
    cells[index.Total] = (Number(subtotal) * 1.19).toFixed(2);
    cells[index.Currency] = "EUR";
    cells[index.PriceAdjustmentDescription] = `"[""15.0% Partner earned credit for services managed""]"`;
    cells[index.PublisherName] = "Microsoft Corporation";
    cells[index.SubscriptionId] = s.id;
    cells[index.ChargeStartDate] = date(from);
    cells[index.ChargeEndDate] = date(to);
    cells[index.TermAndBillingCycle] = "One-Year commitment for monthly/yearly billing";
    cells[index.EffectiveUnitPrice] = s.sku.cost;
    cells[index.BillingFrequency] = "Monthly";
    cells[index.PricingCurrency] = "EUR";
    cells[index.PCToBCExchangeRate] = "1";
    cells[index.SubscriptionStartDate] = "1/1/2026";
    cells[index.SubscriptionEndDate] = "12/31/2026";
    out.push(cells.join(","));
  };
  for (const s of subs) row(s, "cycleCharge", s.quantity, 1, 30);
  for (let i = 0; out.length - 1 < rows; i++) {
    const s = subs[Math.floor(r() * subs.length)];
    const day = 2 + Math.floor(r() * 20);
    const n = 1 + Math.floor(r() * 3);
    row(s, "addQuantity", n, day, 30);
    if (out.length - 1 < rows) row(s, "removeQuantity", -n, day + 1 + Math.floor(r() * 5), 30);
  }
  return { text: out.join("\r\n") + "\r\n", subscriptions: subs.length };
}

// ------------------------------------------------------------------------------------------------
// child processes

function time(fn) {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

async function child(phase, dir) {
  const file = path.join(dir, "nce.csv");
  const times = [];
  let rss = 0;
  const info = {};
  if (phase === "papa") {
    const Papa = require("papaparse");
    const text = fs.readFileSync(file, "utf8");
    for (let run = 0; run < RUNS; run++) {
      const t = time(() => Papa.parse(text, { delimiter: ",", skipEmptyLines: false, dynamicTyping: false }));
      times.push(t.ms);
      info.rows = t.value.data.length - 2;
      if (run === 0) rss = process.resourceUsage().maxRSS * 1024;
    }
  } else {
    const t0 = performance.now();
    require("./register");
    const { runCli } = require("../src/cli/main.ts");
    info.loadMs = performance.now() - t0;
    for (let run = 0; run < RUNS; run++) {
      for (const suffix of ["-wal", "-shm"]) fs.rmSync(path.join(dir, `ws-run.db${suffix}`), { force: true });
      fs.copyFileSync(path.join(dir, "ws.db"), path.join(dir, "ws-run.db"));
      const out = [];
      const err = [];
      const io = { out: (t) => out.push(t), err: (t) => err.push(t), now: () => "2026-11-30T08:00:00.000Z", lang: "en" };
      const argv = ["reconcile", "--workspace", path.join(dir, "ws-run.db"), "--file", file, "--period", MONTH, "--out", path.join(dir, "review.csv"), "--json"];
      const t = performance.now();
      const code = await runCli(argv, io);
      times.push(performance.now() - t);
      if (code !== 0) throw new Error(`reconcile exited ${code}: ${err.join("")}`);
      if (run === 0) {
        rss = process.resourceUsage().maxRSS * 1024;
        const summary = JSON.parse(out.join(""));
        info.counts = summary.counts;
        info.reviewRows = summary.rows;
        info.lines = summary.files[0].lines;
        info.fileRows = summary.files[0].rowCount;
      }
    }
    info.breakdown = await breakdown(dir, file);
  }
  process.stdout.write(JSON.stringify({ times, rss, ...info }));
}

/** The command's steps timed one by one (same functions the command calls, warm). */
async function breakdown(dir, file) {
  const { openWorkspaceStore } = require("../src/cli/store.ts");
  const { loadUserProfiles } = require("../src/app/profiles.ts");
  const { readVendorFile } = require("../src/io/vendor/read-vendor-file.ts");
  const { allProfiles } = require("../src/io/vendor/profiles/registry.ts");
  const { reconcileFiles } = require("../src/app/reconcile.ts");
  const { reviewTableRows } = require("../src/io/reconcile/review-table.ts");
  const { toCsv } = require("../src/io/table/write-csv.ts");
  const { fileSha256 } = require("../src/app/context.ts");
  const { readInputFiles } = require("../src/cli/read-input.ts");
  const steps = {};
  let t = performance.now();
  const lap = (name) => {
    const now = performance.now();
    steps[name] = now - t;
    t = now;
  };
  const opened = await openWorkspaceStore(path.join(dir, "ws.db"), { out: () => {}, err: () => {}, now: () => "2026-11-30T08:00:00.000Z", lang: "en" });
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
  const ctx = { store: opened.value, now: () => "2026-11-30T08:00:00.000Z" };
  const { profiles } = await loadUserProfiles(ctx);
  lap("open workspace");
  const input = readInputFiles([file]).value[0];
  lap("read file (bytes, SHA-256)");
  const result = await readVendorFile(input.bytes, { fileName: "nce.csv", profiles: allProfiles(profiles) });
  lap("vendor reader (decode, parse, map)");
  const sha256 = await fileSha256(input);
  const outcome = await reconcileFiles(ctx, [{ name: "nce.csv", sha256, result }], MONTH);
  lap("reconcile (store reads + core)");
  fs.writeFileSync(path.join(dir, "review2.csv"), toCsv(reviewTableRows(outcome.value.rows)));
  lap("write review");
  await opened.value.close();
  return steps;
}

// ------------------------------------------------------------------------------------------------

const fmt = (n) => Math.round(n).toLocaleString("en-US");
const MB = (bytes) => Math.round(bytes / 1048576);

async function main() {
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  if (sizes.length === 0) sizes.push(100_000, 200_000, 400_000);
  const withLedger = args.includes("--ledger");
  require("./register");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msp-bench-rec-"));
  const results = [];
  try {
    let t = performance.now();
    const store = generateStore(withLedger);
    const ws = workspaceJson(store);
    fs.writeFileSync(path.join(dir, "ws.json"), ws);
    // The CLI's store is SQLite: convert once (as `migrate-workspace` does), each run copies the database.
    const converted = await require("../src/cli/store.ts").migrateJsonWorkspace(path.join(dir, "ws.json"), path.join(dir, "ws.db"), "2026-11-30T08:00:00.000Z");
    if (!converted.ok) throw new Error(JSON.stringify(converted.issues));
    console.log(
      `workspace: ${fmt(store.customers.length)} customers, ${fmt(store.contracts.length)} contracts, ${fmt(store.positions.length)} positions, ${fmt(store.versions.length)} versions, ${fmt(store.mappings.length)} mappings` +
        `${withLedger ? `, ${fmt(store.ledger.length)} ledger entries` : ""} — ${(ws.length / 1048576).toFixed(1)} MB (generated in ${fmt(performance.now() - t)} ms)`,
    );
    console.log(`node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    console.log(`each step in its own process; cold = first run, best = best of ${RUNS}; peak RSS = maxRSS of the process after its first run`);
    for (const rows of sizes) {
      t = performance.now();
      const nce = generateNce(store, rows);
      fs.writeFileSync(path.join(dir, "nce.csv"), nce.text);
      console.log(`\nMicrosoft NCE ${MONTH}: ${fmt(rows)} rows × 47 columns, ${(nce.text.length / 1048576).toFixed(1)} MB, ${fmt(nce.subscriptions)} subscriptions (generated in ${fmt(performance.now() - t)} ms)`);
      const run = (phase) => JSON.parse(execFileSync(process.execPath, ["--expose-gc", __filename, `--phase=${phase}`, `--dir=${dir}`], { encoding: "utf8", maxBuffer: 1 << 24 }));
      const papa = run("papa");
      const cli = run("cli");
      const best = (r) => Math.min(...r.times);
      const line = (label, r) =>
        console.log(`  ${label.padEnd(44)} cold ${fmt(r.times[0]).padStart(6)} ms | best ${fmt(best(r)).padStart(6)} ms = ${fmt((rows / best(r)) * 1000).padStart(9)} rows/s | peak RSS ${String(MB(r.rss)).padStart(4)} MB`);
      line("papaparse alone (text → arrays)", papa);
      line("CLI reconcile (load, read, reconcile, write)", cli);
      console.log(`  ratio CLI / papaparse: cold ${(cli.times[0] / best(papa)).toFixed(2)}×, best ${(best(cli) / best(papa)).toFixed(2)}× — module loading before the run ${fmt(cli.loadMs)} ms (TypeScript compiled on the fly)`);
      console.log(`  breakdown (warm): ${Object.entries(cli.breakdown).map(([k, v]) => `${k} ${fmt(v)} ms`).join(", ")}`);
      console.log(`  ${fmt(cli.fileRows)} file rows → ${fmt(cli.lines)} lines → ${fmt(cli.reviewRows)} review rows ${JSON.stringify(cli.counts)}`);
      results.push({ rows, cliColdMs: cli.times[0], cliBestMs: best(cli), papaBestMs: best(papa), rssMB: MB(cli.rss), papaRssMB: MB(papa.rss) });
    }
    if (results.length > 1) {
      const base = results[0];
      console.log(`\ngrowth vs ${fmt(base.rows)} rows: ${results.map((r) => `${fmt(r.rows)}: time ×${(r.cliBestMs / base.cliBestMs).toFixed(2)} (rows ×${(r.rows / base.rows).toFixed(0)}), RSS ${r.rssMB} MB`).join("; ")}`);
    }
    for (const r of results) {
      const summary = { bench: "reconcile", rows: r.rows, ledger: withLedger, ms: Math.round(r.cliColdMs), bestMs: Math.round(r.cliBestMs), rowsPerS: Math.round((r.rows / r.cliColdMs) * 1000), ratio: +(r.cliColdMs / r.papaBestMs).toFixed(2), ratioBest: +(r.cliBestMs / r.papaBestMs).toFixed(2), rssMB: r.rssMB, papaMs: Math.round(r.papaBestMs) };
      console.log(`BENCH ${JSON.stringify(summary)}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const phase = args.find((a) => a.startsWith("--phase="));
const write = args.find((a) => a.startsWith("--write="));
if (write) {
  // keep the generated workspace and file for other tools: `--write=DIR [rows] [--ledger]`
  require("./register");
  const store = generateStore(args.includes("--ledger"));
  fs.mkdirSync(write.slice(8), { recursive: true });
  fs.writeFileSync(path.join(write.slice(8), "ws.json"), workspaceJson(store));
  fs.writeFileSync(path.join(write.slice(8), "nce.csv"), generateNce(store, Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000)).text);
} else if (phase) {
  child(phase.slice(8), args.find((a) => a.startsWith("--dir=")).slice(6)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else main().catch((e) => {
  console.error(e);
  process.exit(1);
});
