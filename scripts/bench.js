#!/usr/bin/env node
"use strict";
// `npm run bench`: runs every benchmark script under bench/ (except helpers) one after another, prints
// their figures and the machine they ran on, then the figures side by side with the targets of
// PRODUCT.md §9 (from the `BENCH {json}` line each benchmark prints). Benchmarks generate their data on
// the fly; nothing large is committed. `npm run bench -- reconcile billing` runs only those.
const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { spawnSync } = require("node:child_process");
const os = require("node:os");

const dir = join(__dirname, "..", "bench");
const only = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".js") && !["register.js"].includes(f) && !f.startsWith("_"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

function machine() {
  const cpus = os.cpus();
  let distro = "";
  try {
    distro = /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "";
  } catch {
    // not Linux
  }
  return [
    `MSP Billing benchmarks — ${new Date().toISOString()}`,
    `machine: ${cpus.length} × ${cpus[0]?.model ?? "cpu"}${cpus[0]?.speed ? ` (${cpus[0].speed} MHz)` : ""}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${distro || `${os.type()} ${os.release()}`}`,
    `node ${process.version} (V8 ${process.versions.v8}); load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`,
  ].join("\n");
}

console.log(machine());
const results = [];
let failed = 0;
for (const s of scripts) {
  console.log(`\n=== ${s}`);
  const r = spawnSync(process.execPath, ["--expose-gc", join(dir, s)], { stdio: ["inherit", "pipe", "inherit"], encoding: "utf8", maxBuffer: 1 << 26 });
  for (const line of (r.stdout ?? "").split("\n")) {
    if (line.startsWith("BENCH ")) results.push(JSON.parse(line.slice(6)));
    else if (line !== "") console.log(line);
  }
  if (r.status !== 0) {
    console.log(`(${s} failed with exit code ${r.status})`);
    failed++;
  }
}

const s2 = (ms) => `${(ms / 1000).toFixed(2)} s`;
const fmt = (n) => Math.round(n).toLocaleString("en-US");
const rows = [];
const row = (what, figure, target, ok) => rows.push([what, figure, target, ok === undefined ? "" : ok ? "yes" : "NO"]);
const rec = results.filter((r) => r.bench === "reconcile" && !r.ledger);
const base = rec.find((r) => r.rows === 100_000);
for (const r of rec) {
  const is100k = r.rows === 100_000;
  row(`reconcile ${fmt(r.rows)} NCE rows via CLI: time (cold)`, s2(r.ms), is100k ? "< 3 s" : "", is100k ? r.ms < 3000 : undefined);
  row(`  rows/s`, fmt(r.rowsPerS), "", undefined);
  row(`  ratio to papaparse alone (${s2(r.papaMs)})`, `${r.ratio.toFixed(2)}× (best of 3: ${r.ratioBest.toFixed(2)}×)`, is100k ? "≤ 3×" : "", is100k ? r.ratio <= 3 : undefined);
  row(`  peak RSS`, `${r.rssMB} MB`, is100k ? "< 400 MB" : "", is100k ? r.rssMB < 400 : undefined);
  if (base && !is100k) row(`  growth vs 100,000 rows`, `time ×${(r.bestMs / base.bestMs).toFixed(2)} for rows ×${(r.rows / base.rows).toFixed(0)}`, "linear", undefined);
}
for (const b of results.filter((r) => r.bench === "billing")) {
  row(`billing run, ${fmt(b.contracts)} contracts, ${fmt(b.ledger)} ledger entries: through the store`, s2(b.runMs), "< 2 s", b.runMs < 2000);
  row(`  pure core (computeBillingRun) cold / warm`, `${s2(b.coreColdMs)} / ${s2(b.coreWarmMs)}`, "", undefined);
  row(`  whole bill command (open ${s2(b.openMs)}, save ${s2(b.saveMs)})`, s2(b.commandMs), "", undefined);
}
for (const v of results.filter((r) => r.bench === "server")) {
  row(`team server: lookups/s, ${v.clients} clients (full / ETag 304)`, `${fmt(v.lookupsPerS)} / ${fmt(v.lookups304PerS)}`, "", undefined);
  row(`  reconcile / apply / bill (dry run): server vs in-process`, `${v.reconcileHttpMs.toFixed(1)} vs ${v.reconcileLocalMs.toFixed(1)} / ${v.applyHttpMs.toFixed(1)} vs ${v.applyLocalMs.toFixed(1)} / ${v.billHttpMs.toFixed(1)} vs ${v.billLocalMs.toFixed(1)} ms`, "", undefined);
}
for (const g of results.filter((r) => r.bench === "gateway")) {
  row(`review sheet ${fmt(g.rows)} rows via the gateway: syncs / chunks`, `${g.syncs} / ${g.chunks} (${s2(g.writeMs)})`, "", undefined);
  row(`  largest request payload per sync`, `${fmt(g.maxRequestKB)} kB`, `< ${fmt(g.limitKB)} kB`, g.maxRequestKB < g.limitKB);
}
for (const f of results.filter((r) => r.bench === "functions")) {
  row(`${fmt(f.calls)} custom-function lookups: cold (index build) / warm`, `${fmt(f.coldMs)} ms / ${fmt(f.warmMs)} ms`, "", undefined);
}
const maps = results.filter((r) => r.bench === "mappings");
for (const m of maps) {
  const first = maps[0];
  const growth = m === first ? "" : ` (time ×${(m.totalMs / first.totalMs).toFixed(2)} for rows ×${(m.rows / first.rows).toFixed(0)})`;
  row(`mappings import ${fmt(m.rows)} rows: read + plan`, `${s2(m.totalMs)}, ${m.rssMB} MB${growth}`, "linear", undefined);
}
if (rows.length > 0) {
  const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ["measure", "figure", "target (§9)", "met"][i].length));
  const line = (r) => r.map((c, i) => c.padEnd(width[i])).join(" | ");
  console.log(`\n=== side by side (load average now ${os.loadavg().map((l) => l.toFixed(2)).join(" ")})`);
  console.log(line(["measure", "figure", "target (§9)", "met"]));
  console.log(width.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of rows) console.log(line(r));
}
process.exit(failed === 0 ? 0 : 1);
