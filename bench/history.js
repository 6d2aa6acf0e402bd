/**
 * Benchmark (issue 15 item 5): cost independent of history. A store of 5,000 contracts with 10,000
 * positions on the CLI's SQLite database is billed month by month through the real use case
 * (`runBilling`, one write transaction each) for 48 months, with 1 % of the positions changed
 * retroactively every month (new versions from the previous month, so every run also bills
 * differences). Printed side by side:
 *   - the billing run's time in month 1, 12, 24 and 48 (target: month 48 within 1.5× of month 1);
 *   - a no-op command (`rules show`, a fresh process as a user runs it) on the empty store and on the
 *     48-month store (target: within 1.5×);
 *   - `undo --run` of the 48th run (a fresh process) against that run's own time.
 * Run: `node bench/history.js [contracts] [months]`. Figures only, no thresholds asserted.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const args = process.argv.slice(2).filter((a) => /^\d+$/.test(a));
const CONTRACTS = Number(args[0] ?? 5000);
const MONTHS = Number(args[1] ?? 48);
const intervals = ["monthly", "monthly", "monthly", "quarterly", "annual"];
const modes = ["advance", "advance", "arrears"];
const pad = (n, w) => String(n).padStart(w, "0");
const s2 = (ms) => (ms / 1000).toFixed(2);
const fmt = (n) => Math.round(n).toLocaleString("en-US");

function seedRows() {
  const customers = [];
  const contracts = [];
  const versions = [];
  let seq = 1;
  for (let i = 0; i < CONTRACTS; i++) {
    const customerNo = String(10000 + (i % 2000));
    if (i < 2000) customers.push({ no: customerNo, name: `Kunde ${customerNo}` });
    const no = `V-${pad(i + 1, 5)}`;
    contracts.push({ no, customerNo, type: "license", interval: intervals[i % intervals.length], mode: modes[i % modes.length], start: "2023-01-01" });
    for (let p = 1; p <= 2; p++) {
      versions.push({ id: `${no}/${p}/2023-01-01/${seq}`, contractNo: no, positionNo: p, validFrom: "2023-01-01", articleNo: p === 1 ? "M365-BP" : "EXO-P1", description: "", quantity: String(1 + (i % 25)), unitPrice: p === 1 ? "20.6" : "4", discountPct: i % 7 === 0 ? "10" : "0", vatPct: "19", seq: seq++, source: "bench" });
    }
  }
  return { customers, contracts, versions, seq };
}

const cli = path.join(__dirname, "..", "bin", "msp-billing.js");
function timeCli(argv, env) {
  const t = performance.now();
  execFileSync(process.execPath, [cli, ...argv], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
  return performance.now() - t;
}
const best = (f, n = 3) => Math.min(...Array.from({ length: n }, f));

async function main() {
  require("./register");
  if (!fs.existsSync(path.join(__dirname, "..", "build", "cli", "main.js"))) throw new Error("run `npm run build` first (the no-op figure times the built CLI)");
  const { openSqliteStore } = require("../src/store/node/sqlite-store.ts");
  const { runBilling } = require("../src/app/bill.ts");
  const { addMonths } = require("../src/core/date/iso-month.ts");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msp-bench-history-"));
  try {
    const ws = path.join(dir, "ws.db");
    const empty = path.join(dir, "empty.db");
    (await openSqliteStore(empty)).close();
    const store = await openSqliteStore(ws);
    const { customers, contracts, versions } = seedRows();
    let seq = versions.length + 1;
    await store.write(async (tx) => {
      await tx.customers.putMany(customers);
      await tx.contracts.putMany(contracts);
      await tx.versions.addMany(versions);
      await tx.counters.set("versionSeq", seq);
    });
    const ctx = { store, now: () => "2027-01-01T00:00:00.000Z" };
    const runMs = [];
    let month = "2023-01";
    let ledger = 0;
    for (let k = 1; k <= MONTHS; k++, month = addMonths(month, 1)) {
      if (k > 1) {
        // 1 % of the positions change from the previous month on (retroactive: that month is billed)
        const changed = [];
        for (let i = (k * 37) % 100; i < CONTRACTS; i += 100) changed.push({ id: `${contracts[i].no}/1/${month}/${seq}`, contractNo: contracts[i].no, positionNo: 1, validFrom: `${addMonths(month, -1)}-15`, articleNo: "M365-BP", description: "", quantity: String(1 + ((i + k) % 30)), unitPrice: "20.6", discountPct: "0", vatPct: "19", seq: seq++, source: "bench" });
        await store.write((tx) => tx.versions.addMany(changed));
      }
      const t = performance.now();
      const r = await runBilling(ctx, { month, invoiceDate: `${addMonths(month, 1)}-01` });
      runMs.push(performance.now() - t);
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      ledger += r.value.ledgerEntries;
      if ([1, 12, 24, 36, 48].includes(k)) console.log(`  month ${pad(k, 2)} (${month}): run ${s2(runMs[k - 1])} s, ${fmt(r.value.invoices.length)} invoices, ${fmt(r.value.ledgerEntries)} new ledger entries (ledger ${fmt(ledger)})`);
    }
    await store.close();
    const size = fs.statSync(ws).size;
    const noopEmpty = best(() => timeCli(["rules", "show", "--workspace", empty]));
    const noopFull = best(() => timeCli(["rules", "show", "--workspace", ws]));
    const lastRun = `run-${pad(MONTHS, 5)}`;
    const undoMs = timeCli(["undo", "--workspace", ws, "--run", lastRun]);
    const first = runMs[0];
    const last = runMs[MONTHS - 1];
    console.log(`contracts ${fmt(CONTRACTS)}, positions ${fmt(CONTRACTS * 2)}, ${MONTHS} billed months, ledger ${fmt(ledger)} entries, store ${(size / 1048576).toFixed(1)} MB (SQLite); node ${process.version}, ${os.cpus().length} CPU(s), load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    console.log(`  billing run: month 1 ${s2(first)} s, month ${MONTHS} ${s2(last)} s → ${(last / first).toFixed(2)}× (target ≤ 1.5×)`);
    console.log(`  no-op command (rules show, fresh process): empty store ${s2(noopEmpty)} s, ${MONTHS}-month store ${s2(noopFull)} s → ${(noopFull / noopEmpty).toFixed(2)}× (target ≤ 1.5×)`);
    console.log(`  undo --run ${lastRun} (fresh process, incl. start-up): ${s2(undoMs)} s, the run itself ${s2(last)} s`);
    console.log(`BENCH ${JSON.stringify({ bench: "history", contracts: CONTRACTS, months: MONTHS, ledger, storeMB: Math.round(size / 1048576), runFirstMs: Math.round(first), runLastMs: Math.round(last), runRatio: Number((last / first).toFixed(2)), noopEmptyMs: Math.round(noopEmpty), noopFullMs: Math.round(noopFull), noopRatio: Number((noopFull / noopEmpty).toFixed(2)), undoRunMs: Math.round(undoMs) })}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
