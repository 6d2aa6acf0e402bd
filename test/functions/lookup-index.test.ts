/**
 * The in-memory lookup index behind the store-backed functions: built once (one read transaction)
 * for any number of concurrent calls, refreshed after store changes (Dexie's storagemutated signal
 * or an explicit invalidate), per part (master data vs ledger).
 */
import { importMaster } from "../../src/app/import-master";
import { LookupIndexCache, getLookupIndex, invalidateLookupIndex, lookupIndexCache } from "../../src/app/lookup/lookup-index";
import { configureFunctions, resetFunctionsEnvironment } from "../../src/functions/environment";
import { billed, price, qty } from "../../src/functions/functions";
import type { MspDb } from "../../src/store/db";
import { createMemoryDb } from "../../src/store/node-db";
import { FIXED_NOW, textFile } from "../support/fixtures";
import { ledgerRow, seededDb, transactionCount } from "./seed";

/** Counts the transactions the store opens from now on. */
function countTransactions(db: MspDb): { readonly count: number } {
  const start = transactionCount(db);
  return {
    get count() {
      return transactionCount(db) - start;
    },
  };
}

const PRICE_CHANGE_CSV = [
  "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price,discount_pct,valid_from",
  "10001,V-1001,2026-01-01,2,M365-E3,3,40.00,10,2026-02-01",
].join("\n");

let db: MspDb;
let run = 0;

beforeEach(async () => {
  // A database name of its own per test: Dexie relays change signals by database name.
  db = await seededDb(`lookup-index-test-${++run}`);
  configureFunctions({ db: () => db, today: () => "2026-02-10", language: () => "en" });
});

afterEach(() => {
  lookupIndexCache(db).dispose();
  db.close();
  resetFunctionsEnvironment();
  jest.restoreAllMocks();
});

describe("one build for many calls", () => {
  it("serves 10,000 concurrent PRICE calls from one index build in one read transaction", async () => {
    const tx = countTransactions(db);
    const cache = lookupIndexCache(db);
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
    const tx = countTransactions(db);
    for (let i = 0; i < 1_000; i++) await qty("10001", "M365-BP", "2026-02-10");
    expect(tx.count).toBe(0);
    expect(lookupIndexCache(db).stats.masterBuilds).toBe(1);
  });

  it("reads the ledger part only for BILLED, once, and PRICE never reads the ledger", async () => {
    const cache = lookupIndexCache(db);
    await Promise.all(Array.from({ length: 1_000 }, () => price("10001", "M365-BP", "2026-02-10")));
    expect(cache.stats).toMatchObject({ masterBuilds: 1, ledgerBuilds: 0 });
    const tx = countTransactions(db);
    const sums = await Promise.all(Array.from({ length: 1_000 }, () => billed("V-1001", "2026-01")));
    expect(new Set(sums)).toEqual(new Set([276.39]));
    expect(cache.stats).toMatchObject({ masterBuilds: 1, ledgerBuilds: 1 });
    expect(tx.count).toBe(1);
  });
});

describe("refresh when the store changes", () => {
  it("rebuilds after a write through Dexie (storagemutated), without an explicit invalidate", async () => {
    const cache = lookupIndexCache(db);
    expect(await price("10001", "M365-E3", "2026-02-10")).toBe(30.33);
    const result = await importMaster({ db, now: () => FIXED_NOW }, [textFile("change.csv", PRICE_CHANGE_CSV)]);
    expect(result.ok).toBe(true);
    expect(await price("10001", "M365-E3", "2026-02-10")).toBe(36); // 40.00 × (1 − 10 %)
    expect(await price("10001", "M365-E3", "2026-01-31")).toBe(30.33); // before the new version
    expect(cache.stats.masterBuilds).toBe(2);
  });

  it("rebuilds only the part whose tables changed", async () => {
    const cache = lookupIndexCache(db);
    expect(await billed("V-1001", "2026-03")).toBe(0);
    await db.ledger.add(ledgerRow({ contractNo: "V-1001", positionNo: 1, month: "2026-03", rounded: "247.20" }));
    expect(await billed("V-1001", "2026-03")).toBe(247.2);
    expect(await price("10001", "M365-BP", "2026-02-10")).toBe(19.6);
    expect(cache.stats).toMatchObject({ masterBuilds: 1, ledgerBuilds: 2 });
    // a write to a table the index does not read (settings) changes nothing
    await db.settings.put({ key: "x", value: 1 });
    await price("10001", "M365-BP", "2026-02-10");
    expect(cache.stats).toMatchObject({ masterBuilds: 1, ledgerBuilds: 2 });
  });

  it("ignores writes to another database", async () => {
    const other = await createMemoryDb("another-store");
    try {
      const cache = lookupIndexCache(db);
      await qty("10001", "M365-BP", "2026-02-10");
      await other.customers.put({ no: "10001", name: "Someone else" });
      await qty("10001", "M365-BP", "2026-02-10");
      expect(cache.stats.masterBuilds).toBe(1);
    } finally {
      other.close();
    }
  });

  it("rebuilds after an explicit invalidate and tells listeners", async () => {
    const cache = lookupIndexCache(db);
    const heard: string[][] = [];
    const stop = cache.onInvalidate((parts) => heard.push([...parts]));
    await qty("10001", "M365-BP", "2026-02-10");
    invalidateLookupIndex(db);
    await qty("10001", "M365-BP", "2026-02-10");
    expect(cache.stats.masterBuilds).toBe(2);
    invalidateLookupIndex(db, ["ledger"]);
    await qty("10001", "M365-BP", "2026-02-10");
    expect(cache.stats.masterBuilds).toBe(2);
    stop();
    invalidateLookupIndex(db);
    expect(heard).toEqual([["master", "ledger"], ["ledger"]]);
  });

  it("does not hand out a build that started before a change to callers that come after it", async () => {
    const cache = lookupIndexCache(db);
    const early = getLookupIndex(db); // build 1 starts
    await db.customers.put({ no: "10009", name: "New GmbH" }); // invalidates while (or after) build 1 runs
    const late = getLookupIndex(db); // must not reuse build 1
    expect(late).not.toBe(early);
    expect((await late).customer("10009")?.name).toBe("New GmbH");
    expect(cache.stats.masterBuilds).toBe(2);
  });

  it("does not cache a failed build: the next call tries again", async () => {
    const cache = new LookupIndexCache(db);
    try {
      const original = db.transaction.bind(db);
      const spy = jest.spyOn(db, "transaction").mockImplementationOnce(() => Promise.reject(new Error("boom")) as never);
      await expect(cache.master()).rejects.toThrow("boom");
      spy.mockImplementation(original as never);
      expect((await cache.master()).customer("10001")?.name).toBe("Müller GmbH");
      expect(cache.stats.masterBuilds).toBe(2);
    } finally {
      cache.dispose();
    }
  });
});

describe("index contents", () => {
  it("keys customers → contracts → positions and (customer, article) → positions", async () => {
    const index = await getLookupIndex(db);
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
    await db.articles.put({ no: "m365-bp", description: "lower-case twin", unitPrice: "1", vatPct: "19" });
    const index = await getLookupIndex(db);
    expect(index.article("M365-BP")?.description).toBe("Microsoft 365 Business Premium");
    expect(index.article("m365-bp")?.description).toBe("lower-case twin");
    expect(index.article("M365-Bp")).toBeUndefined();
    expect(index.customer("10001")?.name).toBe("Müller GmbH");
    expect(index.contract("v-1001")?.no).toBe("V-1001");
  });

  it("knows a customer that only its contracts mention", async () => {
    await db.contracts.put({ no: "V-X", customerNo: "20000", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01" });
    const index = await getLookupIndex(db);
    expect(index.customer("20000")).toEqual({ no: "20000", name: "" });
    expect(await qty("20000", "M365-BP", "2026-02-10")).toBe(0);
  });
});
