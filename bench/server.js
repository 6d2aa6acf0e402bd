/**
 * Benchmark: the team server (`msp-billing serve`) on the embedded store (SQLite file), in this process
 * with real sockets. Prints:
 *   - lookups per second for 10 concurrent clients (GET /api/lookups, full body; and with If-None-Match,
 *     the 304 a cell refresh gets while nothing changed);
 *   - latency of reconcile, apply and a billing run (dry run, so it repeats on the same data) through the
 *     server (HTTP, JSON, auth) against the same use case called in-process on the same store.
 * Apply is timed on the review of that reconcile, each apply undone (untimed) before the next. Figures only, no thresholds.
 * Run: `node bench/server.js`.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
require("./register");
const { openSqliteStore } = require("../src/store/node/sqlite-store.ts");
const { AuthStore } = require("../src/server/auth.ts");
const { buildServer } = require("../src/server/app.ts");
const { importMaster } = require("../src/app/import-master.ts");
const { runBilling } = require("../src/app/bill.ts");
const { reconcileFiles } = require("../src/app/reconcile.ts");
const { readVendorFile } = require("../src/io/vendor/read-vendor-file.ts");
const { parseIsoMonth } = require("../src/core/date/iso-month.ts");
const { applyReview } = require("../src/app/apply-review.ts");
const { undoBatch } = require("../src/app/undo-batch.ts");
const { readTableFile } = require("../src/cli/read-table-file.ts");
const { readReviewTable } = require("../src/io/reconcile/review-table.ts");
const { toCsv } = require("../src/io/table/write-csv.ts");
const S = require("../test/support/reconcile-scenario.ts");

const NOW = "2026-11-23T10:00:00.000Z";
const CLIENTS = 10;
const SECONDS = 3;
const enc = (t) => new TextEncoder().encode(t);

async function timed(n, fn) {
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(n / 2)], p95: ms[Math.floor(n * 0.95)] };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msp-bench-server-"));
  const store = await openSqliteStore(path.join(dir, "team.db"));
  const now = () => NOW;
  const ctx = { store, now };
  const imported = await importMaster(ctx, [
    { name: "articles.csv", bytes: enc(S.MASTER_ARTICLES) },
    { name: "contracts.csv", bytes: enc(S.MASTER_CONTRACTS) },
    { name: "mappings.csv", bytes: enc(S.MASTER_MAPPINGS) },
  ]);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  await new AuthStore(store, now).addUser("bench", "clerk", "correct horse battery");
  const app = await buildServer({ store, now, corsOrigins: [] });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const login = await (await fetch(`${base}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "bench", password: "correct horse battery" }) })).json();
  const auth = { authorization: `Bearer ${login.token}` };

  const first = await fetch(`${base}/api/lookups`, { headers: auth });
  const etag = first.headers.get("etag");
  const lookupBytes = (await first.text()).length;
  async function rate(headers, expect) {
    let count = 0;
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const r = await fetch(`${base}/api/lookups`, { headers });
        await r.arrayBuffer();
        if (r.status !== expect) throw new Error(`lookups: ${r.status}`);
        count++;
      }
    }));
    return count / SECONDS;
  }
  const full = await rate(auth, 200);
  const notModified = await rate({ ...auth, "if-none-match": etag }, 304);

  const vendor = S.octoberCsv();
  const post = async (url, body) => {
    const r = await fetch(base + url, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(body) });
    const j = await r.json();
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(j)}`);
    return j;
  };
  const recHttp = await timed(20, () => post("/api/reconcile", { month: "2026-10", files: [{ name: "nce.csv", base64: Buffer.from(vendor).toString("base64") }] }));
  const recLocal = await timed(20, async () => {
    const bytes = enc(vendor);
    const result = await readVendorFile(bytes, { fileName: "nce.csv" });
    const r = await reconcileFiles(ctx, [{ name: "nce.csv", sha256: "-", result }], parseIsoMonth("2026-10"));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
  });
  // Apply: each apply is undone (not timed) so the next one finds the same store.
  const reviewCsv = toCsv((await post("/api/reconcile", { month: "2026-10", files: [{ name: "nce.csv", base64: Buffer.from(vendor).toString("base64") }] })).table);
  const review = { name: "review.csv", base64: Buffer.from(reviewCsv).toString("base64") };
  const applyHttp = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const r = await post("/api/apply", { review });
    applyHttp.push(performance.now() - t);
    if (!r.batchId) throw new Error("apply changed nothing");
    await post("/api/undo", { batch: r.batchId });
  }
  const applyLocal = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const file = { name: "review.csv", bytes: enc(reviewCsv) };
    const { table } = await readTableFile(file);
    const { decisions } = readReviewTable(table);
    const r = await applyReview(ctx, decisions, { name: "review.csv", sha256: "-" });
    applyLocal.push(performance.now() - t);
    if (!r.ok || !r.value.batchId) throw new Error("apply failed");
    await undoBatch(ctx, r.value.batchId);
  }
  const stats = (ms) => {
    ms.sort((a, b) => a - b);
    return { median: ms[Math.floor(ms.length / 2)], p95: ms[Math.floor(ms.length * 0.95)] };
  };
  const applyH = stats(applyHttp);
  const applyL = stats(applyLocal);
  const billHttp = await timed(20, () => post("/api/bill", { month: "2026-10", dryRun: true }));
  const billLocal = await timed(20, async () => {
    const r = await runBilling(ctx, { month: parseIsoMonth("2026-10"), dryRun: true });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
  });
  await app.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const f = (x) => `${x.median.toFixed(1)} ms (p95 ${x.p95.toFixed(1)})`;
  console.log(`lookups, ${CLIENTS} concurrent clients, ${SECONDS} s each (index ${lookupBytes} bytes):`);
  console.log(`  full body (200):          ${Math.round(full)} /s`);
  console.log(`  unchanged, ETag (304):    ${Math.round(notModified)} /s`);
  console.log(`reconcile (${vendor.split("\n").length - 1} vendor lines): server ${f(recHttp)}, in-process ${f(recLocal)}`);
  console.log(`apply (review of ${reviewCsv.trim().split("\n").length - 1} rows): server ${f(applyH)}, in-process ${f(applyL)}`);
  console.log(`bill (dry run): server ${f(billHttp)}, in-process ${f(billLocal)}`);
  console.log(`BENCH ${JSON.stringify({ bench: "server", clients: CLIENTS, lookupsPerS: Math.round(full), lookups304PerS: Math.round(notModified), reconcileHttpMs: recHttp.median, reconcileLocalMs: recLocal.median, applyHttpMs: applyH.median, applyLocalMs: applyL.median, billHttpMs: billHttp.median, billLocalMs: billLocal.median })}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
