/**
 * Benchmark: a billing run over 5,000 contracts with 24 months of history and retroactive changes
 * (PRODUCT.md §9: under 2 s). Builds the history with the pure core (24 monthly runs, January 2024 to
 * December 2025), enters retroactive changes for 10 % of the positions (new quantities from
 * 2025-11-10, a month already billed), writes it all into the CLI's store (an SQLite workspace,
 * through a schema-1 backup document as an older workspace would be converted: so no billing
 * watermark, the run reads the whole 24-month ledger), then measures the run for January 2026, each
 * in its own process (cold, as one CLI call is):
 *   - the pure core (computeBillingRun on the same data), cold and warm;
 *   - the run through the store as `msp-billing bill` does it: open the workspace, runBilling (store
 *     reads, computation, the run's ledger entries, invoices, run record and audit entry written in
 *     one transaction);
 *   - the whole `bill` command (runCli, including the invoice CSV export).
 * The month-by-month steady state (watermarks) is bench/history.js.
 * Run: `node bench/billing.js [contracts]`.
 * Figures only, no thresholds asserted.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const args = process.argv.slice(2);
const CONTRACTS = Number(args.find((a) => /^\d+$/.test(a)) ?? 5000);
const MONTH = "2026-01";
const INVOICE_DATE = "2026-01-02";
const NOW = "2026-01-02T08:00:00.000Z";
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

const pad = (n, w) => String(n).padStart(w, "0");

/** The workspace file with 24 months of history, as the CLI would have written it. */
function buildWorkspace() {
  require("./register");
  const { computeBillingRun } = require("../src/core/billing/run-billing.ts");
  const { addMonths } = require("../src/core/date/iso-month.ts");
  const { V1_TABLES: TABLE_NAMES } = require("../src/store/upgrade-v1.ts");
  const { customers, contracts, versions, seq } = seed();
  const ledger = [];
  const runs = [];
  let next = 1;
  const t0 = performance.now();
  let month = "2024-01";
  for (let k = 0; k < 24; k++, month = addMonths(month, 1)) {
    const runId = `run-${pad(k + 1, 5)}`;
    const r = computeBillingRun({ runId, runMonth: month, invoiceDate: `${month}-01`, customers, contracts, versions, ledger, nextInvoiceNumber: next, formatInvoiceRef: (n) => `RE-${pad(n, 6)}` });
    for (const e of r.newLedgerEntries) ledger.push(e);
    runs.push({ id: runId, month, createdAt: `${month}-01T08:00:00.000Z`, invoiceDate: `${month}-01`, invoiceRefs: r.invoices.map((i) => i.invoiceRef), invoices: r.invoices, firstInvoiceNumber: next });
    next = r.nextInvoiceNumber;
  }
  const historyMs = performance.now() - t0;
  // retroactive changes: 10 % of the positions get a new quantity from a month already billed
  const retro = [];
  for (let i = 0; i < CONTRACTS; i += 10) {
    const c = contracts[i];
    retro.push({ contractNo: c.no, positionNo: 1, articleNo: "M365-BP", description: "", unitPrice: "20.6", discountPct: "0", vatPct: "19", id: `${c.no}/1/r`, seq: seq + i, validFrom: "2025-11-10", quantity: "30" });
  }
  const byKey = (key) => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, []]));
  tables.customers = [...customers].sort(byKey("no"));
  tables.contracts = [...contracts].sort(byKey("no"));
  tables.contractVersions = [...versions, ...retro].sort(byKey("id"));
  tables.ledger = [...ledger].sort(byKey("id"));
  tables.runs = runs;
  tables.settings = [
    { key: "counter:invoice", value: next },
    { key: "counter:run", value: 25 },
    { key: "counter:versionSeq", value: seq + CONTRACTS + 1 },
  ];
  const text = JSON.stringify({ format: "msp-billing-backup", schemaVersion: 1, exportedAt: "2025-12-31T18:00:00.000Z", tables }, null, 1) + "\n";
  return { text, historyMs, counts: { customers: customers.length, contracts: contracts.length, positions: contracts.length * 2, versions: versions.length + retro.length, ledger: ledger.length, runs: runs.length } };
}

// ------------------------------------------------------------------------------------------------
// child processes

const ms = (from) => performance.now() - from;
/** CPU time (user + system, all threads of the process, GC helpers included) since `from`, in ms. */
const cpuMs = (from) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

async function child(phase, dir) {
  const ws = path.join(dir, "ws.db");
  let t = performance.now();
  require("./register");
  const out = { phase };
  if (phase === "core") {
    const { computeBillingRun } = require("../src/core/billing/run-billing.ts");
    const { tables } = JSON.parse(fs.readFileSync(path.join(dir, "ws.json"), "utf8"));
    const next = tables.settings.find((s) => s.key === "counter:invoice").value;
    out.times = [];
    out.cpu = [];
    for (let run = 0; run < 3; run++) {
      t = performance.now();
      const cpu = process.cpuUsage();
      const r = computeBillingRun({ runId: "run-00025", runMonth: MONTH, invoiceDate: INVOICE_DATE, customers: tables.customers, contracts: tables.contracts, versions: tables.contractVersions, ledger: tables.ledger, nextInvoiceNumber: next, formatInvoiceRef: (n) => `RE-${pad(n, 6)}` });
      out.times.push(ms(t));
      out.cpu.push(cpuMs(cpu));
      if (run === 0) {
        out.rss = process.resourceUsage().maxRSS * 1024;
        out.invoices = r.invoices.length;
        out.lines = r.invoices.reduce((n, i) => n + i.lines.length, 0);
        out.differenceLines = r.invoices.reduce((n, i) => n + i.lines.filter((l) => l.lineType === "difference").length, 0);
        out.ledgerEntries = r.newLedgerEntries.length;
        out.net = r.invoices.reduce((s, i) => s + Math.round(Number(i.netTotal) * 100), 0);
      }
    }
  } else if (phase === "store") {
    const { openSqliteStore } = require("../src/store/node/sqlite-store.ts");
    const { runBilling } = require("../src/app/bill.ts");
    out.loadMs = ms(t);
    fs.copyFileSync(ws, path.join(dir, "ws-store.db"));
    t = performance.now();
    const store = await openSqliteStore(path.join(dir, "ws-store.db"));
    out.openMs = ms(t);
    t = performance.now();
    const cpu = process.cpuUsage();
    const r = await runBilling({ store, now: () => NOW }, { month: MONTH, invoiceDate: INVOICE_DATE });
    out.runMs = ms(t);
    out.runCpuMs = cpuMs(cpu);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    out.invoices = r.value.invoices.length;
    out.lines = r.value.invoices.reduce((n, i) => n + i.lines.length, 0);
    out.ledgerEntries = r.value.ledgerEntries;
    out.net = r.value.invoices.reduce((s, i) => s + Math.round(Number(i.netTotal) * 100), 0);
    out.rss = process.resourceUsage().maxRSS * 1024;
    await store.close();
  } else if (phase === "convert") {
    const { migrateJsonWorkspace } = require("../src/cli/store.ts");
    t = performance.now();
    const r = await migrateJsonWorkspace(path.join(dir, "ws.json"), ws, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    console.log(`  JSON workspace converted to SQLite (and verified row for row) in ${(ms(t) / 1000).toFixed(2)} s: ${r.value.rows.toLocaleString("en-US")} rows, ${(fs.statSync(ws).size / 1048576).toFixed(1)} MB`);
    return;
  } else {
    const { runCli } = require("../src/cli/main.ts");
    fs.copyFileSync(ws, path.join(dir, "ws-cli.db"));
    const text = [];
    const err = [];
    const io = { out: (s) => text.push(s), err: (s) => err.push(s), now: () => NOW, lang: "en" };
    t = performance.now();
    const code = await runCli(["bill", "--workspace", path.join(dir, "ws-cli.db"), "--period", MONTH, "--invoice-date", INVOICE_DATE, "--out", path.join(dir, "invoices.csv"), "--json"], io);
    out.totalMs = ms(t);
    if (code !== 0) throw new Error(`bill exited ${code}: ${err.join("")}`);
    out.rss = process.resourceUsage().maxRSS * 1024;
    out.invoices = JSON.parse(text.join("")).invoices;
  }
  process.stdout.write(JSON.stringify(out));
}

// ------------------------------------------------------------------------------------------------

const fmt = (n) => Math.round(n).toLocaleString("en-US");
const s2 = (n) => (n / 1000).toFixed(2);
const MB = (bytes) => Math.round(bytes / 1048576);

function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msp-bench-bill-"));
  try {
    const built = buildWorkspace();
    fs.writeFileSync(path.join(dir, "ws.json"), built.text);
    execFileSync(process.execPath, [__filename, `--phase=convert`, `--dir=${dir}`], { stdio: "inherit" });
    const c = built.counts;
    console.log(`contracts ${fmt(c.contracts)}, positions ${fmt(c.positions)}, versions ${fmt(c.versions)}, ledger entries ${fmt(c.ledger)} (24 months), run records ${c.runs} — workspace ${(built.text.length / 1048576).toFixed(1)} MB`);
    console.log(`history: 24 runs of the pure core in ${s2(built.historyMs)} s; node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    const run = (phase) => JSON.parse(execFileSync(process.execPath, ["--expose-gc", __filename, `--phase=${phase}`, `--dir=${dir}`], { encoding: "utf8", maxBuffer: 1 << 24 }));
    const core = run("core");
    const store = run("store");
    const cli = run("cli");
    console.log(`run ${MONTH} (each in a fresh process):`);
    console.log(`  pure core (computeBillingRun)                 cold ${s2(core.times[0])} s (CPU ${s2(core.cpu[0])} s), warm ${s2(Math.min(...core.times.slice(1)))} s — ${fmt(core.invoices)} invoices, ${fmt(core.lines)} lines (${fmt(core.differenceLines)} difference lines), ${fmt(core.ledgerEntries)} ledger entries`);
    console.log(`  through the store (runBilling, target < 2 s)   ${s2(store.runMs)} s (CPU ${s2(store.runCpuMs)} s) — reads, computation, ${fmt(store.ledgerEntries)} ledger entries + run record + audit written in one transaction`);
    console.log(`    workspace: open ${s2(store.openMs)} s (SQLite); peak RSS ${MB(store.rss)} MB`);
    console.log(`  whole \`bill\` command (runCli, with the invoice CSV)  ${s2(cli.totalMs)} s, peak RSS ${MB(cli.rss)} MB`);
    if (store.invoices !== core.invoices || store.net !== core.net || cli.invoices !== core.invoices) throw new Error(`store and core disagree: ${JSON.stringify({ core, store, cli })}`);
    console.log(`BENCH ${JSON.stringify({ bench: "billing", contracts: c.contracts, ledger: c.ledger, coreColdMs: Math.round(core.times[0]), coreWarmMs: Math.round(Math.min(...core.times.slice(1))), runMs: Math.round(store.runMs), runCpuMs: Math.round(store.runCpuMs), openMs: Math.round(store.openMs), commandMs: Math.round(cli.totalMs), rssMB: MB(cli.rss) })}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const phase = args.find((a) => a.startsWith("--phase="));
const write = args.find((a) => a.startsWith("--write="));
if (write) {
  // keep the workspace for other tools: `--write=DIR [contracts]` writes DIR/ws.json
  fs.mkdirSync(write.slice(8), { recursive: true });
  fs.writeFileSync(path.join(write.slice(8), "ws.json"), buildWorkspace().text);
} else if (phase) {
  child(phase.slice(8), args.find((a) => a.startsWith("--dir=")).slice(6)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else main();
