/**
 * Benchmark: 10,000 MSP.PRICE lookups against a store of 2,000 customers and 10,000 contract
 * positions (fake-indexeddb in memory, generated here), the way a recalculation calls the custom
 * function from 10,000 cells:
 *   - cold: the first recalculation, including the one-transaction build of the lookup index;
 *   - warm: a recalculation with the index built (all calls concurrent, as Excel issues them);
 *   - warm, one by one: each call awaited before the next (per-call overhead).
 * Also prints the index build alone and how many index builds / store transactions happened.
 * Run: `node bench/functions.js [customers] [positions]` or `npm run bench -- functions`.
 * Figures only — no thresholds are asserted here or in jest.
 */
"use strict";
require("./register");
const { performance } = require("node:perf_hooks");
const { createMemoryDexieStore } = require("../src/store/memory-store.ts");
const { buildMasterIndex, lookupIndexCache, invalidateLookupIndex } = require("../src/app/lookup/lookup-index.ts");
const { configureFunctions } = require("../src/functions/environment.ts");
const { price } = require("../src/functions/functions.ts");

const args = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const CUSTOMERS = args[0] ?? 2_000;
const POSITIONS = args[1] ?? 10_000;
const CALLS = 10_000;

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

/** Customers with one or two contracts each; positions spread evenly; every third position has a later price change. */
function generate() {
  const r = rng(7);
  const articles = Array.from({ length: 40 }, (_, i) => ({
    no: `ART-${String(i + 1).padStart(3, "0")}`,
    description: `Article ${i + 1}`,
    unitPrice: (5 + Math.floor(r() * 9500) / 100).toFixed(2),
    vatPct: "19",
    purchasePrice: (3 + Math.floor(r() * 5000) / 100).toFixed(2),
  }));
  const customers = [];
  const contracts = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    const no = String(10001 + c);
    customers.push({ no, name: `Kunde ${c + 1} GmbH` });
    const count = c % 3 === 0 ? 2 : 1;
    for (let k = 0; k < count; k++) {
      contracts.push({ no: `V-${no}-${k + 1}`, customerNo: no, type: "license", interval: k === 0 ? "monthly" : "quarterly", mode: "advance", start: "2025-01-01" });
    }
  }
  const versions = [];
  const lookups = [];
  let seq = 0;
  for (let p = 0; p < POSITIONS; p++) {
    const contract = contracts[p % contracts.length];
    const positionNo = Math.floor(p / contracts.length) + 1;
    const article = articles[Math.floor(r() * articles.length)];
    const base = { contractNo: contract.no, positionNo, articleNo: article.no, description: article.description, discountPct: r() < 0.2 ? "10" : "0", vatPct: "19" };
    const quantity = String(1 + Math.floor(r() * 50));
    versions.push({ ...base, id: `${contract.no}/${positionNo}/a`, validFrom: "2025-01-01", quantity, unitPrice: article.unitPrice, seq: ++seq });
    if (p % 3 === 0) {
      versions.push({ ...base, id: `${contract.no}/${positionNo}/b`, validFrom: "2026-03-01", quantity: String(Number(quantity) + 2), unitPrice: (Number(article.unitPrice) * 1.05).toFixed(2), seq: ++seq });
    }
    lookups.push([contract.customerNo, article.no]);
  }
  return { articles, customers, contracts, versions, lookups };
}

async function main() {
  const inner = await createMemoryDexieStore("bench-functions");
  let transactions = 0;
  // The store the functions see: the Dexie store, counting its transactions.
  const store = {
    kind: inner.kind,
    location: inner.location,
    read: (fn) => (transactions++, inner.read(fn)),
    write: (fn) => (transactions++, inner.write(fn)),
    revision: () => inner.revision(),
    as: (user) => inner.as(user),
    onChange: (listener) => inner.onChange(listener),
    close: () => inner.close(),
  };
  const data = generate();
  let t = performance.now();
  await store.write(async (tx) => {
    await tx.customers.putMany(data.customers);
    await tx.articles.putMany(data.articles);
    await tx.contracts.putMany(data.contracts);
    await tx.versions.addMany(data.versions);
  });
  console.log(
    `store: ${data.customers.length} customers, ${data.contracts.length} contracts, ${POSITIONS} positions, ${data.versions.length} versions, ${data.articles.length} articles (seeded in ${(performance.now() - t).toFixed(0)} ms)`,
  );

  configureFunctions({ store: () => store, today: () => "2026-06-15", language: () => "en" });
  const cache = lookupIndexCache(store);
  const calls = Array.from({ length: CALLS }, (_, i) => data.lookups[i % data.lookups.length]);
  const dates = ["2026-02-01", "2026-06-15", 46100, "15.03.2026"];

  const runConcurrent = () => Promise.all(calls.map(([customer, article], i) => price(customer, article, dates[i % dates.length])));
  const ms = (from) => `${(performance.now() - from).toFixed(1)} ms`;

  t = performance.now();
  const index = await buildMasterIndex(store);
  console.log(`index build alone (1 read transaction, ${JSON.stringify(index.counts)}): ${ms(t)}`);

  if (globalThis.gc) globalThis.gc();
  const txBefore = transactions;
  t = performance.now();
  const cold = await runConcurrent();
  const coldMs = performance.now() - t;
  console.log(`cold: ${CALLS} × MSP.PRICE incl. index build:  ${ms(t)}  (${cache.stats.masterBuilds} build, ${transactions - txBefore} transaction)`);

  t = performance.now();
  const warm = await runConcurrent();
  const warmMs = performance.now() - t;
  console.log(`warm: ${CALLS} × MSP.PRICE, concurrent:        ${warmMs.toFixed(1)} ms  (${((warmMs * 1000) / CALLS).toFixed(1)} µs per call)`);

  t = performance.now();
  for (let i = 0; i < CALLS; i++) await price(calls[i][0], calls[i][1], dates[i % dates.length]);
  const seqMs = performance.now() - t;
  console.log(`warm: ${CALLS} × MSP.PRICE, one by one:        ${seqMs.toFixed(1)} ms  (${((seqMs * 1000) / CALLS).toFixed(1)} µs per call)`);

  invalidateLookupIndex(store);
  t = performance.now();
  await runConcurrent();
  console.log(`after invalidate (rebuild + ${CALLS} calls):     ${ms(t)}`);

  const same = cold.every((v, i) => v === warm[i]);
  console.log(`index builds: ${cache.stats.masterBuilds}, store transactions during lookups: ${transactions - txBefore}, cold = warm results: ${same}`);
  console.log(`BENCH ${JSON.stringify({ bench: "functions", calls: CALLS, coldMs: Math.round(coldMs), warmMs: Math.round(warmMs), sequentialMs: Math.round(seqMs) })}`);
  await store.close();
  if (!same) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
