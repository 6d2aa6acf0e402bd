/**
 * The in-memory lookup index behind the store-backed functions: built once (one read transaction)
 * for any number of concurrent calls, refreshed after store changes (the store's onChange, also for
 * writes of another window on the same database, or an explicit invalidate), per part (master data
 * vs ledger; the ledger is read again only when the runs changed).
 */
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { importMaster } from "../../src/app/import-master";
import { LookupIndexCache, getLookupIndex, invalidateLookupIndex, lookupIndexCache } from "../../src/app/lookup/lookup-index";
import { configureFunctions, resetFunctionsEnvironment } from "../../src/functions/environment";
import { billed, price, qty } from "../../src/functions/functions";
import { MspDexie } from "../../src/store/dexie/dexie-db";
import { DexieStore } from "../../src/store/dexie/dexie-store";
import { createMemoryDexieStore } from "../../src/store/memory-store";
import type { RunRecord } from "../../src/store/records";
import { FIXED_NOW, textFile } from "../support/fixtures";
import { type CountingStore, ledgerRow, seededStore } from "./seed";

/** Counts the transactions the store opens from now on. */
function countTransactions(s: CountingStore): { readonly count: number } {
  const start = s.transactions;
  return {
    get count() {
      return s.transactions - start;
    },
  };
}

/** Waits (a bounded number of event-loop turns) until `done` holds; the store relays changes asynchronously. */
async function eventually(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(done()).toBe(true);
}

const PRICE_CHANGE_CSV = [
  "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price,discount_pct,valid_from",
  "10001,V-1001,2026-01-01,2,M365-E3,3,40.00,10,2026-02-01",
].join("\n");

const run = (id: string, month: string): RunRecord => ({ id, month, createdAt: FIXED_NOW, invoiceDate: `${month}-01`, invoiceRefs: ["RE-000001"] });

let store: CountingStore;
let seq = 0;

beforeEach(async () => {
  // A database name of its own per test: Dexie relays change signals by database name.
  store = await seededStore(`lookup-index-test-${++seq}`);
  configureFunctions({ store: () => store, today: () => "2026-02-10", language: () => "en" });
});

afterEach(async () => {
  lookupIndexCache(store).dispose();
  await store.close();
  resetFunctionsEnvironment();
  jest.restoreAllMocks();
});

describe("one build for many calls", () => {
  it("serves 10,000 concurrent PRICE calls from one index build in one read transaction", async () => {
    const tx = countTransactions(store);
    const cache = lookupIndexCache(store);
    const customers = ["10001", "10002"];
    const calls = Array.from({ length: 10_000 }, (_, i) => price(customers[i % 2]!, i % 2 === 0 ? "M365-BP" : "MS-BASIC", i % 2 === 0 ? "2026-02-10" : "2026-03-01"));
    const results = await Promise.all(calls);
    expect(results.filter((r) => r === 19.6)).toHaveLength(5_000);
    expect(results.filter((r) => r === 49)).toHaveLength(5_000);
    expect(cache.stats.masterBuilds).toBe(1);
    expect(tx.count).toBe(1);
  });

  it("keeps serving from the index: later sequential calls open no transaction", async () => {
    await qty("10001", "M365-BP", "2026-02-10");
    const tx = countTransactions(store);
    for (let i = 0; i < 1_000; i++) await qty("10001", "M365-BP", "2026-02-10");
    expect(tx.count).toBe(0);
    expect(lookupIndexCache(store).stats.masterBuilds).toBe(1);
  });

  it("reads the ledger part only for BILLED, once, and PRICE never reads the ledger", async () => {
    const cache = lookupIndexCache(store);
    await Promise.all(Array.from({ length: 1_000 }, () => price("10001", "M365-BP", "2026-02-10")));
    expect(cache.stats).toMatchObject({ masterBuilds: 1, ledgerBuilds: 0 });
    const tx = countTransactions(store);
    const sums = await Promise.all(Array.from({ length: 1_000 }, () => billed("V-1001", "2026-01")));
    expect(new Set(sums)).toEqual(new Set([276.39]));
    expect(cache.stats).toMatchObject({ masterBuilds: 1, ledgerBuilds: 1 });
    expect(tx.count).toBe(1);
  });
});

describe("refresh when the store changes", () => {
  it("rebuilds after a write through the store (its onChange), without an explicit invalidate", async () => {
    const cache = lookupIndexCache(store);
    expect(await price("10001", "M365-E3", "2026-02-10")).toBe(30.33);
    const result = await importMaster({ store, now: () => FIXED_NOW }, [textFile("change.csv", PRICE_CHANGE_CSV)]);
    expect(result.ok).toBe(true);
    expect(await price("10001", "M365-E3", "2026-02-10")).toBe(36); // 40.00 × (1 − 10 %)
    expect(await price("10001", "M365-E3", "2026-01-31")).toBe(30.33); // before the new version
    expect(cache.stats.masterBuilds).toBe(2);
  });

  it("reads the ledger again only when the runs changed", async () => {
    const cache = lookupIndexCache(store);
    expect(await billed("V-1001", "2026-03")).toBe(0);
    // a billing run: its run record and its ledger entries in one transaction
    await store.write(async (tx) => {
      await tx.runs.add(run("run-00003", "2026-03"));
      await tx.ledger.addMany([ledgerRow({ contractNo: "V-1001", positionNo: 1, month: "2026-03", rounded: "247.20", runId: "run-00003" })]);
    });
    expect(await billed("V-1001", "2026-03")).toBe(247.2);
    expect(cache.stats).toMatchObject({ ledgerBuilds: 2, ledgerReused: 0 });
    // a write that is no billing run (a setting): BILLED checks the runs, keeps its sums
    const tx = countTransactions(store);
    await store.write((t) => t.settings.put("invoicePrefix", "RG-"));
    expect(await billed("V-1001", "2026-03")).toBe(247.2);
    expect(cache.stats).toMatchObject({ ledgerBuilds: 2, ledgerReused: 1 });
    expect(tx.count).toBe(3); // the write, the master part BILLED also reads, and one read of the runs (no ledger scan)
    // undoing the run changes the runs: the ledger is read again
    await store.write(async (t) => {
      await t.ledger.deleteMany((await t.ledger.ofRun("run-00003")).map((e) => e.id));
      await t.runs.put({ ...run("run-00003", "2026-03"), undoneAt: FIXED_NOW });
    });
    expect(await billed("V-1001", "2026-03")).toBe(0);
    expect(cache.stats).toMatchObject({ ledgerBuilds: 3, ledgerReused: 1 });
  });

  it("ignores writes to another store", async () => {
    const other = await createMemoryDexieStore("another-store");
    try {
      const cache = lookupIndexCache(store);
      await qty("10001", "M365-BP", "2026-02-10");
      await other.write((tx) => tx.customers.putMany([{ no: "10001", name: "Someone else" }]));
      await qty("10001", "M365-BP", "2026-02-10");
      expect(cache.stats.masterBuilds).toBe(1);
    } finally {
      await other.close();
    }
  });

  it("refreshes after a write of another window on the same database", async () => {
    const indexedDB = new IDBFactory();
    const pane = new DexieStore(new MspDexie("shared-runtime", { indexedDB, IDBKeyRange }));
    const functionsWindow = new DexieStore(new MspDexie("shared-runtime", { indexedDB, IDBKeyRange }));
    try {
      const cache = lookupIndexCache(functionsWindow);
      expect((await cache.master()).customer("10009")).toBeUndefined();
      await pane.write((tx) => tx.customers.putMany([{ no: "10009", name: "New GmbH" }]));
      await eventually(() => cache.stats.invalidations === 1);
      expect((await cache.master()).customer("10009")?.name).toBe("New GmbH");
      expect(cache.stats.masterBuilds).toBe(2);
      cache.dispose();
    } finally {
      await pane.close();
      await functionsWindow.close();
    }
  });

  it("rebuilds after an explicit invalidate and tells listeners", async () => {
    const cache = lookupIndexCache(store);
    const heard: string[][] = [];
    const stop = cache.onInvalidate((parts) => heard.push([...parts]));
    await qty("10001", "M365-BP", "2026-02-10");
    invalidateLookupIndex(store);
    await qty("10001", "M365-BP", "2026-02-10");
    expect(cache.stats.masterBuilds).toBe(2);
    invalidateLookupIndex(store, ["ledger"]);
    await qty("10001", "M365-BP", "2026-02-10");
    expect(cache.stats.masterBuilds).toBe(2);
    stop();
    invalidateLookupIndex(store);
    expect(heard).toEqual([["master", "ledger"], ["ledger"]]);
  });

  it("an explicit invalidate of the ledger reads it again although the runs are unchanged", async () => {
    const cache = lookupIndexCache(store);
    await billed("V-1001", "2026-01");
    invalidateLookupIndex(store, ["ledger"]);
    await billed("V-1001", "2026-01");
    expect(cache.stats).toMatchObject({ ledgerBuilds: 2, ledgerReused: 0 });
  });

  it("does not hand out a build that started before a change to callers that come after it", async () => {
    const cache = lookupIndexCache(store);
    const early = getLookupIndex(store); // build 1 starts
    await store.write((tx) => tx.customers.putMany([{ no: "10009", name: "New GmbH" }])); // invalidates while (or after) build 1 runs
    const late = getLookupIndex(store); // must not reuse build 1
    expect(late).not.toBe(early);
    expect((await late).customer("10009")?.name).toBe("New GmbH");
    expect(cache.stats.masterBuilds).toBe(2);
  });

  it("does not cache a failed build: the next call tries again", async () => {
    const cache = new LookupIndexCache(store);
    try {
      jest.spyOn(store, "read").mockImplementationOnce(() => Promise.reject(new Error("boom")));
      await expect(cache.master()).rejects.toThrow("boom");
      expect((await cache.master()).customer("10001")?.name).toBe("Müller GmbH");
      expect(cache.stats.masterBuilds).toBe(2);
    } finally {
      cache.dispose();
    }
  });
});

describe("index contents", () => {
  it("keys customers → contracts → positions and (customer, article) → positions", async () => {
    const index = await getLookupIndex(store);
    expect(index.counts).toEqual({ customers: 2, articles: 4, contracts: 3, positions: 4 });
    expect(index.contractsOf("10001").map((c) => c.no)).toEqual(["V-1001", "V-1002"]);
    expect(index.positionsOf("V-1001").map((p) => [p.positionNo, p.versions.map((v) => v.validFrom)])).toEqual([
      [1, ["2026-01-01", "2026-03-15"]],
      [2, ["2026-01-01"]],
    ]);
    expect(index.positionsWithArticle("10001", "M365-BP").map((p) => `${p.contract.no}/${p.positionNo}`)).toEqual(["V-1001/1", "V-1002/1"]);
    expect(index.positionsWithArticle("10002", "M365-BP")).toEqual([]);
  });

  it("finds keys case-insensitively only when that is unambiguous", async () => {
    await store.write((tx) => tx.articles.putMany([{ no: "m365-bp", description: "lower-case twin", unitPrice: "1", vatPct: "19" }]));
    const index = await getLookupIndex(store);
    expect(index.article("M365-BP")?.description).toBe("Microsoft 365 Business Premium");
    expect(index.article("m365-bp")?.description).toBe("lower-case twin");
    expect(index.article("M365-Bp")).toBeUndefined();
    expect(index.customer("10001")?.name).toBe("Müller GmbH");
    expect(index.contract("v-1001")?.no).toBe("V-1001");
  });

  it("knows a customer that only its contracts mention", async () => {
    await store.write((tx) => tx.contracts.putMany([{ no: "V-X", customerNo: "20000", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01" }]));
    const index = await getLookupIndex(store);
    expect(index.customer("20000")).toEqual({ no: "20000", name: "" });
    expect(await qty("20000", "M365-BP", "2026-02-10")).toBe(0);
  });
});
