/**
 * The store port's contract: one suite, run unchanged against every adapter (dexie.test.ts,
 * sqlite.test.ts, postgres.test.ts). An adapter passes when every repository answers as the port
 * says, rows come back exactly as written, and transactions are all or nothing.
 */
import type { LedgerEntry } from "../../../src/core/billing/ledger";
import { ledgerDigest } from "../../../src/core/integrity/ledger-digest";
import type { BillingStore, StoreTx } from "../../../src/store/port";
import type { RunRecord } from "../../../src/store/records";
import { TABLE_NAMES, type TableName } from "../../../src/store/tables";
import { SAMPLE_ROWS } from "./sample-rows";

export interface StoreFactory {
  /** A new, empty, migrated store. */
  open(): Promise<BillingStore>;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

async function seed(store: BillingStore): Promise<void> {
  await store.write(async (tx) => {
    for (const t of TABLE_NAMES) if (t !== "billingState") await tx.tables.insert(t, clone(SAMPLE_ROWS[t]) as never);
  });
  // Its own transaction: the versions and contracts written above lower every watermark on commit.
  await store.write((tx) => tx.tables.insert("billingState", clone(SAMPLE_ROWS.billingState)));
}

async function dump(store: BillingStore, table: TableName): Promise<unknown[]> {
  return store.read(async (tx) => {
    const out: unknown[] = [];
    await tx.tables.scan(table, (rows) => void out.push(...rows), 2);
    return out;
  });
}

function ledgerEntry(i: number, over: Partial<LedgerEntry> = {}): LedgerEntry {
  const month = `2026-${String((i % 12) + 1).padStart(2, "0")}`;
  return {
    id: `run-9:RE-${String(i).padStart(6, "0")}:1:${month}`,
    runId: "run-9",
    invoiceRef: `RE-${String(i).padStart(6, "0")}`,
    lineNo: 1,
    contractNo: `V-${i % 7}`,
    positionNo: 1 + (i % 3),
    month,
    serviceFrom: `${month}-01`,
    serviceTo: `${month}-28`,
    articleNo: "A",
    description: "x",
    quantity: "1",
    unitPrice: "1.10",
    discountPct: "0",
    vatPct: "19",
    exactAmount: "1.10000000000000000000",
    roundedAmount: "1.10",
    lineType: "recurring",
    ...over,
  };
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

export function describeStoreContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let store: BillingStore;
    beforeEach(async () => {
      store = await factory.open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe("rows come back exactly as written", () => {
      it.each(TABLE_NAMES)("%s", async (table) => {
        await seed(store);
        const expected = [...clone(SAMPLE_ROWS[table])];
        const got = await dump(store, table);
        expect(got).toHaveLength(expected.length);
        expect(new Set(got.map((r) => JSON.stringify(sortKeys(r))))).toEqual(new Set(expected.map((r) => JSON.stringify(sortKeys(r)))));
      });

      it("keeps decimals exact: trailing zeros, 20 places, 15 integer digits, negatives", async () => {
        const values = ["0", "0.00", "12.50", "-0.01", "123456789012345.12345678901234567890", "-999999999999999.99", "0.00000000000000000001"];
        await store.write((tx) => tx.ledger.addMany(values.map((v, i) => ledgerEntry(i, { id: `x${i}`, exactAmount: v, roundedAmount: v, quantity: v }))));
        const got = await store.read((tx) => tx.ledger.ofRun("run-9"));
        expect(byId(got).map((e) => [e.exactAmount, e.roundedAmount, e.quantity])).toEqual(values.map((v) => [v, v, v]));
      });

      it("a row whose optional fields were absent comes back without them", async () => {
        await store.write((tx) => tx.contracts.putMany([{ no: "K", customerNo: "C", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01" }]));
        const c = await store.read((tx) => tx.contracts.get("K"));
        expect(c).toEqual({ no: "K", customerNo: "C", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01" });
        expect(Object.keys(c!)).not.toContain("end");
      });

      it("lists come back in primary-key order (code-unit order, as IndexedDB compares keys)", async () => {
        const nos = ["b", "B", "10", "9", "a-1", "Ä", "a", "Z", "100"];
        await store.write((tx) => tx.customers.putMany(nos.map((no) => ({ no, name: no }))));
        const sorted = [...nos].sort();
        expect(await store.read((tx) => tx.customers.keys())).toEqual(sorted);
        expect((await store.read((tx) => tx.customers.all())).map((c) => c.no)).toEqual(sorted);
      });
    });

    describe("repositories", () => {
      beforeEach(() => seed(store));

      it("customers, articles, contracts: get, getMany, putMany, ofCustomer, count", async () => {
        await store.read(async (tx) => {
          expect((await tx.customers.get("10002"))?.name).toBe("Schulz & Söhne KG");
          expect((await tx.customers.getMany(["A-7", "nope", "10001"])).map((c) => c?.no)).toEqual(["A-7", undefined, "10001"]);
          expect((await tx.contracts.ofCustomer("10001")).map((c) => c.no)).toEqual(["V-1001", "V-1002"]);
          expect(await tx.contracts.count()).toBe(3);
          expect(await tx.articles.keys()).toEqual(["M365-BP", "SUPPORT"]);
        });
        await store.write((tx) => tx.customers.putMany([{ no: "10002", name: "Schulz AG" }]));
        expect(await store.read((tx) => tx.customers.get("10002"))).toEqual({ no: "10002", name: "Schulz AG" });
      });

      it("versions: ofContracts, getMany, addMany refuses an existing id", async () => {
        await store.read(async (tx) => {
          expect((await tx.versions.ofContracts(["V-1001"])).map((v) => v.id)).toEqual(["V-1001/1/2026-01-01/1", "V-1001/1/2026-03-15/2"]);
          expect(await tx.versions.ofContracts([])).toEqual([]);
          expect((await tx.versions.all()).length).toBe(3);
        });
        const existing = SAMPLE_ROWS.contractVersions[0]!;
        await expect(store.write((tx) => tx.versions.addMany([clone(existing)]))).rejects.toHaveProperty("message"); // (a driver error from another jest realm is no `instanceof Error` here)
        expect((await store.read((tx) => tx.versions.all())).length).toBe(3);
      });

      it("mappings: ofSources filters kind and source", async () => {
        const got = await store.read((tx) => tx.mappings.ofSources("customer", ["microsoft-nce-invoice", "*"]));
        expect(got.map((m) => m.externalId).sort()).toEqual(["8f2e0c4a-1b2c-4d5e-9f00-aabbccddeeff", "TENANT-2"]);
        expect(await store.read((tx) => tx.mappings.ofSources("article", ["microsoft-nce-invoice"]))).toEqual([]);
      });

      it("batches and runs: active, ofMonth, markUndone, put", async () => {
        await store.read(async (tx) => {
          expect((await tx.batches.active()).map((b) => b.id)).toEqual(["master-00001"]);
          expect((await tx.batches.all()).map((b) => b.id)).toEqual(["master-00001", "apply-00001"]);
          expect((await tx.runs.active()).map((r) => r.id)).toEqual(["run-00001"]);
          expect((await tx.runs.ofMonth("2026-11")).map((r) => r.id)).toEqual(["run-00002"]);
        });
        await store.write(async (tx) => {
          await tx.batches.markUndone("master-00001", "2026-12-01T00:00:00.000Z");
          const run = (await tx.runs.get("run-00001"))!;
          await tx.runs.put({ ...run, undoneAt: "2026-12-02T00:00:00.000Z" } satisfies RunRecord);
        });
        await store.read(async (tx) => {
          expect(await tx.batches.active()).toEqual([]);
          expect((await tx.batches.get("master-00001"))?.undoneAt).toBe("2026-12-01T00:00:00.000Z");
          expect(await tx.runs.active()).toEqual([]);
        });
      });

      it("invoices: ofRun in run order, ofCustomer, inPeriod inclusive", async () => {
        await store.read(async (tx) => {
          expect((await tx.invoices.ofRun("run-00001")).map((i) => i.invoiceRef)).toEqual(["RE-000001", "RE-000002"]);
          expect((await tx.invoices.ofCustomer("10002")).map((i) => i.invoiceRef)).toEqual(["RE-000002"]);
          expect((await tx.invoices.inPeriod("2026-11-01", "2026-11-01")).length).toBe(2);
          expect(await tx.invoices.inPeriod("2026-11-02", "2026-12-31")).toEqual([]);
          expect((await tx.invoices.get("RE-000001"))?.lines[0]?.netAmount).toBe("247.20");
        });
      });

      it("an issued invoice's ledger digest survives: its ledgerHash and its entries read back to the digest they were written with", async () => {
        const written = (SAMPLE_ROWS.ledger as LedgerEntry[]).filter((e) => e.invoiceRef === "RE-000001");
        await store.read(async (tx) => {
          expect((await tx.invoices.get("RE-000001"))?.ledgerHash).toBe((SAMPLE_ROWS.invoices[0] as { ledgerHash: string }).ledgerHash);
          const read = (await tx.ledger.ofRun("run-00001")).filter((e) => e.invoiceRef === "RE-000001");
          expect(ledgerDigest(read)).toBe(ledgerDigest(written));
          // an entry without its optional correctsRef, and one with it
          const all: LedgerEntry[] = [];
          await tx.ledger.forEach((e) => void all.push(e));
          expect(ledgerDigest(all)).toBe(ledgerDigest(SAMPLE_ROWS.ledger as LedgerEntry[]));
        });
      });

      it("ledger: ofRun, ofMonth, ofContracts with fromMonth, fromMonth, forEach, deleteMany", async () => {
        const many = Array.from({ length: 1200 }, (_, i) => ledgerEntry(i));
        await store.write((tx) => tx.ledger.addMany(many));
        await store.read(async (tx) => {
          expect((await tx.ledger.ofRun("run-9")).length).toBe(1200);
          expect((await tx.ledger.ofMonth("2026-03")).length).toBe(100);
          const of3 = await tx.ledger.ofContracts(["V-3"], "2026-11");
          expect(of3.length).toBeGreaterThan(0);
          expect(of3.every((e) => e.contractNo === "V-3" && e.month >= "2026-11")).toBe(true);
          expect(of3.length).toBe(many.filter((e) => e.contractNo === "V-3" && e.month >= "2026-11").length);
          const from = await tx.ledger.fromMonth("2026-12");
          expect(from.length).toBe(100 + 0);
          let n = 0;
          await tx.ledger.forEach(() => void n++);
          expect(n).toBe(1202);
        });
        await store.write((tx) => tx.ledger.deleteMany(many.map((e) => e.id)));
        expect((await store.read((tx) => tx.ledger.ofRun("run-9"))).length).toBe(0);
      });

      it("time entries: open = not billed by an active run and dated up to the day", async () => {
        const open = async (active: string[], upTo: string) => (await store.read((tx) => tx.timeEntries.open(new Set(active), upTo))).map((e) => e.id);
        expect(await open(["run-00001"], "2026-11-30")).toEqual(["t-aaa"]);
        expect(await open(["run-00001"], "2026-11-02")).toEqual([]);
        // run-00001 undone: its entries are open again
        expect(await open([], "2026-11-30")).toEqual(["t-aaa", "t-bbb"]);
        expect((await store.read((tx) => tx.timeEntries.ofCustomers(["10002", "nobody"]))).map((e) => e.id)).toEqual(["t-bbb"]);
        // billedBy: by run id, active or not; an entry whose billing is cleared (released) is open again
        expect((await store.read((tx) => tx.timeEntries.billedBy(["run-00001", "run-x"]))).map((e) => e.id)).toEqual(["t-bbb"]);
        expect(await store.read((tx) => tx.timeEntries.billedBy([]))).toEqual([]);
        await store.write(async (tx) => {
          const [e] = await tx.timeEntries.billedBy(["run-00001"]);
          const { billing: _b, ...released } = e!;
          await tx.timeEntries.putMany([released]);
        });
        expect(await store.read((tx) => tx.timeEntries.billedBy(["run-00001"]))).toEqual([]);
        expect(await open(["run-00001"], "2026-11-30")).toEqual(["t-aaa", "t-bbb"]);
      });

      it("meter readings, usage marks, purchase rows, links", async () => {
        await store.read(async (tx) => {
          expect((await tx.meterReadings.ofDevices(["DEV-1", "DEV-2"])).map((r) => r.counterBw)).toEqual([123456789012]);
          expect((await tx.usageMarks.getMany(["V-2001/2026-10", "V-2001/2026-11"])).map((m) => m?.runId)).toEqual(["run-00001", undefined]);
          expect((await tx.purchase.ofPurchaseNos(["EK-1"])).map((r) => r.kind).sort()).toEqual(["contract", "position"]);
          expect((await tx.links.all()).map((l) => l.id)).toEqual(["EK-1/1>V-1001/1"]);
        });
        await store.write(async (tx) => {
          await tx.links.deleteMany(["EK-1/1>V-1001/1"]);
          await tx.usageMarks.putMany([{ runId: "run-00003", invoiceRef: "RE-9", contractNo: "V-2001", month: "2026-10", lineNos: [1], readingIds: [] }]);
        });
        await store.read(async (tx) => {
          expect(await tx.links.all()).toEqual([]);
          expect((await tx.usageMarks.all()).map((m) => m.runId)).toEqual(["run-00003"]);
        });
        await store.write((tx) => tx.usageMarks.deleteMany(["V-2001/2026-10", "V-9/2026-01"]));
        expect(await store.read((tx) => tx.usageMarks.all())).toEqual([]);
      });

      it("mandates, collections, usage records", async () => {
        await store.read(async (tx) => {
          expect((await tx.mandates.get("10002"))?.iban).toBe("DE89370400440532013000");
          expect((await tx.collections.ofInvoices(["RE-000001", "RE-9"])).map((c) => c.id)).toEqual(["MSG-1|RE-000001"]);
          expect((await tx.collections.ofCustomers(["10001"])).length).toBe(1);
          expect((await tx.usageRecords.ofMonth("2026-10")).length).toBe(2);
          expect((await tx.usageRecords.open(new Set(["run-00001"]), "2026-12")).map((u) => u.id)).toEqual(["ms|8f2e0c4a|azure-sql|EUR|2026-10"]);
          expect((await tx.usageRecords.open(new Set(), "2026-12")).length).toBe(2);
          expect(await tx.usageRecords.open(new Set(), "2026-09")).toEqual([]);
          expect((await tx.usageRecords.billedBy(["run-00001"])).map((u) => u.id)).toEqual(["ms|8f2e0c4a|azure-vm|EUR|2026-10"]);
          expect(await tx.usageRecords.billedBy(["run-00002"])).toEqual([]);
        });
        await store.write(async (tx) => {
          await tx.mandates.deleteMany(["10002"]);
          await tx.collections.addMany([{ id: "MSG-2|RE-000002", invoiceRef: "RE-000002", customerNo: "10002", messageId: "MSG-2", collectionDate: "2026-12-02", amount: "-11.90" }]);
        });
        expect(await store.read((tx) => tx.mandates.all())).toEqual([]);
        expect((await store.read((tx) => tx.collections.all())).length).toBe(2);
      });

      it("counters: reserve consecutive numbers, peek, set", async () => {
        await store.write(async (tx) => {
          expect(await tx.counters.reserve("invoice", 5)).toBe(3);
          expect(await tx.counters.peek("invoice")).toBe(8);
          expect(await tx.counters.reserve("new")).toBe(1);
          await tx.counters.set("invoice", 4);
        });
        expect(await store.read((tx) => tx.counters.all())).toEqual({ invoice: 4, versionSeq: 5, new: 2 });
      });

      it("settings: typed get/put, withPrefix, delete", async () => {
        await store.write(async (tx) => {
          expect(await tx.settings.get("invoicePrefix")).toBe("RE-");
          await tx.settings.put("invoicePrefix", "AR-");
          await tx.settings.putRaw("exportProfile:datev2", { id: "datev2" });
          await tx.settings.delete("company");
        });
        await store.read(async (tx) => {
          expect(await tx.settings.get("invoicePrefix")).toBe("AR-");
          expect(await tx.settings.get("company")).toBeUndefined();
          expect((await tx.settings.withPrefix("exportProfile:")).map((s) => s.key)).toEqual(["exportProfile:datev2", "exportProfile:lexware"]);
        });
      });

      it("settings: deleteRaw removes one key of a family and nothing else; an absent key is no change", async () => {
        await store.write(async (tx) => {
          await tx.settings.putRaw("exportProfile:datev2", { id: "datev2" });
          await tx.settings.deleteRaw("exportProfile:lexware");
          await tx.settings.deleteRaw("exportProfile:none");
        });
        await store.read(async (tx) => {
          expect((await tx.settings.withPrefix("exportProfile:")).map((s) => s.key)).toEqual(["exportProfile:datev2"]);
          expect(await tx.settings.getRaw("exportProfile:lexware")).toBeUndefined();
          expect(await tx.settings.get("invoicePrefix")).toBe("RE-");
        });
      });

      it("audit: append numbers entries after the last, names the user of `as`, recent newest first, inPeriod", async () => {
        await store.as("bernd").write((tx) => tx.audit.append([{ at: "2026-11-05T00:00:00.000Z", kind: "x", source: "manual", entity: "e:1" }, { at: "2026-11-06T00:00:00.000Z", kind: "y", source: "manual", entity: "e:2", before: undefined, after: { v: 1 } }]));
        await store.read(async (tx) => {
          const recent = await tx.audit.recent(3);
          expect(recent.map((e) => [e.seq, e.kind, e.user])).toEqual([[4, "y", "bernd"], [3, "x", "bernd"], [2, "settings.update", "anna"]]);
          expect(Object.keys(recent[0]!)).not.toContain("before");
          expect(await tx.audit.lastSeq()).toBe(4);
          expect(await tx.audit.count()).toBe(4);
          expect((await tx.audit.inPeriod("2026-11-05", "2026-11-06")).map((e) => e.seq)).toEqual([3]);
        });
      });
    });

    describe("transactions", () => {
      it("a write that throws leaves nothing behind (rows, counters, revision)", async () => {
        await seed(store);
        const before = await store.revision();
        await expect(
          store.write(async (tx) => {
            await tx.counters.reserve("invoice", 10);
            await tx.customers.putMany([{ no: "X", name: "X" }]);
            throw new Error("boom");
          }),
        ).rejects.toThrow("boom");
        expect(await store.read((tx) => tx.customers.get("X"))).toBeUndefined();
        expect(await store.read((tx) => tx.counters.peek("invoice"))).toBe(3);
        expect(await store.revision()).toBe(before);
      });

      it("a failing statement rolls back the earlier writes of the transaction", async () => {
        await seed(store);
        await expect(
          store.write(async (tx) => {
            await tx.customers.putMany([{ no: "Y", name: "Y" }]);
            await tx.versions.addMany([clone(SAMPLE_ROWS.contractVersions[0]!)]);
          }),
        ).rejects.toHaveProperty("message"); // (a driver error from another jest realm is no `instanceof Error` here)
        expect(await store.read((tx) => tx.customers.get("Y"))).toBeUndefined();
      });

      it("a read transaction refuses writes", async () => {
        await expect(store.read((tx: StoreTx) => tx.customers.putMany([{ no: "Z", name: "Z" }]))).rejects.toHaveProperty("message"); // (a driver error from another jest realm is no `instanceof Error` here)
        expect(await store.read((tx) => tx.customers.get("Z"))).toBeUndefined();
      });

      it("the revision goes up once per write that wrote, and listeners hear of it after the commit", async () => {
        const heard: number[] = [];
        const off = store.onChange(() => heard.push(1));
        const r0 = await store.revision();
        await store.write(async (tx) => {
          await tx.customers.putMany([{ no: "1", name: "a" }]);
          await tx.customers.putMany([{ no: "2", name: "b" }]);
        });
        expect(await store.revision()).toBe(r0 + 1);
        await store.write(async (tx) => void (await tx.customers.get("1")));
        await store.read(async (tx) => void (await tx.customers.get("1")));
        expect(await store.revision()).toBe(r0 + 1);
        expect(heard).toHaveLength(1);
        await store.as("x").write((tx) => tx.customers.putMany([{ no: "3", name: "c" }]));
        expect(heard).toHaveLength(2);
        off();
        await store.write((tx) => tx.customers.putMany([{ no: "4", name: "d" }]));
        expect(heard).toHaveLength(2);
      });
    });

    describe("billing watermark", () => {
      const state = () => store.read((tx) => tx.billingState.all());
      beforeEach(async () => {
        await seed(store);
        await store.write((tx) => tx.billingState.raise(["V-1001", "V-1002", "V-2001"], "2026-10"));
      });

      it("raise never lowers", async () => {
        await store.write((tx) => tx.billingState.raise(["V-1001"], "2026-05"));
        expect((await state()).get("V-1001")).toBe("2026-10");
        await store.write((tx) => tx.billingState.raise(["V-1001"], "2026-11"));
        expect((await state()).get("V-1001")).toBe("2026-11");
      });

      it("a new version lowers its contract to a year before its month; others stay", async () => {
        const v = { ...clone(SAMPLE_ROWS.contractVersions[0]!), id: "new", validFrom: "2026-08-10", seq: 99 };
        await store.write(async (tx) => {
          await tx.versions.addMany([v]);
          expect((await tx.billingState.all()).get("V-1001")).toBe("2025-08");
        });
        const s = await state();
        expect(s.get("V-1001")).toBe("2025-08");
        expect(s.get("V-2001")).toBe("2026-10");
      });

      it("a changed contract header forgets its watermark; removed ledger entries and removed versions lower it", async () => {
        await store.write(async (tx) => {
          await tx.contracts.putMany([{ ...(await tx.contracts.get("V-2001"))!, end: "2026-12-31" }]);
          await tx.ledger.deleteMany(["run-00001:RE-000002:1:2026-09"]);
          await tx.tables.delete("contractVersions", "V-1001/1/2026-03-15/2");
        });
        const s = await state();
        expect(s.has("V-2001")).toBe(false);
        expect(s.get("V-1002")).toBe("2025-09");
        expect(s.get("V-1001")).toBe("2025-03");
      });

      it("clearing a watched table forgets every watermark", async () => {
        await store.write((tx) => tx.tables.clear("ledger"));
        expect((await state()).size).toBe(0);
      });
    });
  });
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
  return v;
}
