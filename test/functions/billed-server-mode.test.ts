/**
 * MSP.BILLED with the add-in connected to a team server: the ledger part of the lookup index comes
 * from `GET /api/lookups/ledger` (billed sums per contract and month, ETag = the runs), gives what
 * the local index gives, is kept across writes that do not touch the runs, and follows a
 * colleague's billing run.
 */
import fc from "fast-check";
import { importMaster } from "../../src/app/import-master";
import { lookupIndexCache } from "../../src/app/lookup/lookup-index";
import { LedgerIndex } from "../../src/core/lookup/ledger-index";
import { configureFunctions, resetFunctionsEnvironment } from "../../src/functions/environment";
import { billed } from "../../src/functions/functions";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, FIXED_NOW, textFile } from "../support/fixtures";
import { listeningServer } from "../server/server-fixture";
import { ledgerRow, rejection, SECOND_CONTRACT_CSV } from "./seed";

jest.setTimeout(120_000);

const server = listeningServer();
beforeAll(async () => {
  const ctx = { store: server.store, now: () => FIXED_NOW };
  for (const files of [[textFile("articles.csv", ARTICLES_CSV), textFile("contracts.csv", CONTRACTS_CSV_DE)], [textFile("contracts2.csv", SECOND_CONTRACT_CSV)]]) {
    const r = await importMaster(ctx, files);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
  }
  await server.store.write((tx) =>
    tx.ledger.addMany([
      ledgerRow({ contractNo: "V-1001", positionNo: 1, month: "2026-01", rounded: "206.00", exact: "206", runId: "run-90001" }),
      ledgerRow({ contractNo: "V-1001", positionNo: 2, month: "2026-01", rounded: "90.99", exact: "90.99", runId: "run-90001" }),
      ledgerRow({ contractNo: "V-1001", positionNo: 1, month: "2026-01", rounded: "-20.60", exact: "-20.6", lineType: "difference", runId: "run-90002" }),
      ledgerRow({ contractNo: "V-OLD", positionNo: 1, month: "2025-12", rounded: "12.34", runId: "run-90000" }),
    ]),
  );
});
afterAll(() => resetFunctionsEnvironment());

describe("MSP.BILLED in server mode", () => {
  it("answers from the server's ledger (no #N/A), as locally; unknown contracts stay #N/A", async () => {
    const { store } = await server.paneContext("otto");
    configureFunctions({ store: () => store, today: () => "2026-02-10", language: () => "en" });
    expect(await billed("V-1001", "2026-01")).toBe(276.39);
    expect(await billed("V-1001", "2026-02")).toBe(0);
    expect(await billed("V-OLD", "2025-12")).toBe(12.34);
    expect(await rejection(billed("V-9999", "2026-01"))).toMatchObject({ code: "#N/A" });
    await store.close();
  });

  it("keeps the sums across a write that is no run (304), and follows a colleague's billing run", async () => {
    const { store } = await server.paneContext("otto");
    configureFunctions({ store: () => store, today: () => "2026-02-10", language: () => "en" });
    const cache = lookupIndexCache(store);
    expect(await billed("V-1001", "2026-03")).toBe(0);
    const builds = cache.stats.ledgerBuilds;
    // A colleague imports master data: the index goes stale, the ledger part is re-checked and kept.
    const clerk = await server.login("clara");
    const imported = await server.inject({ method: "POST", url: "/api/import/master", headers: clerk, payload: { files: [{ name: "a.csv", base64: Buffer.from(`${ARTICLES_CSV}\nNEU-1,Neu,5.00,19\n`).toString("base64") }] } });
    expect(imported.statusCode).toBe(200);
    await store.checkRevision();
    expect(await billed("V-1001", "2026-03")).toBe(0);
    expect(cache.stats.ledgerBuilds).toBe(builds);
    expect(cache.stats.ledgerReused).toBeGreaterThan(0);
    // The colleague bills March: the runs change, BILLED shows the new month.
    const bill = await server.inject({ method: "POST", url: "/api/pane/runBilling", headers: clerk, payload: { args: [{ month: "2026-03", invoiceDate: "2026-03-01" }] } });
    expect(bill.statusCode).toBe(200);
    await store.checkRevision();
    const march = await billed("V-1001", "2026-03");
    expect(bill.json()).toMatchObject({ ok: true, value: { runId: "run-00001" } });
    expect(march).toBeGreaterThan(0);
    expect(cache.stats.ledgerBuilds).toBe(builds + 1);
    // The same figure as the index built on the server's own store.
    const local = await lookupIndexCache(server.store).ledger();
    expect(march).toBe(local.billed("V-1001", "2026-03").rounded.toNumber());
    await store.close();
  });

  it("answers 304 to the ETag of unchanged runs; needs a login", async () => {
    const auth = await server.login("otto");
    const first = await server.inject({ method: "GET", url: "/api/lookups/ledger", headers: auth });
    expect(first.statusCode).toBe(200);
    const again = await server.inject({ method: "GET", url: "/api/lookups/ledger", headers: { ...auth, "if-none-match": first.headers.etag! } });
    expect(again.statusCode).toBe(304);
    expect((await server.inject({ method: "GET", url: "/api/lookups/ledger" })).statusCode).toBe(401);
  });
});

describe("the ledger index as rows", () => {
  it("fromRows(rows()) answers as the index it came from (sums, entries, months)", () => {
    const entry = fc.record({
      contractNo: fc.constantFrom("V-1", "V-2", "V-3"),
      month: fc.constantFrom("2026-01", "2026-02", "2026-12"),
      cents: fc.integer({ min: -100000, max: 100000 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const index = new LedgerIndex();
        for (const e of entries) index.add({ contractNo: e.contractNo, month: e.month as never, roundedAmount: (e.cents / 100).toFixed(2), exactAmount: `${e.cents}.5` });
        const copy = LedgerIndex.fromRows(JSON.parse(JSON.stringify(index.rows())));
        for (const c of ["V-1", "V-2", "V-3", "V-9"]) {
          expect(copy.hasContract(c)).toBe(index.hasContract(c));
          expect(copy.months(c)).toEqual(index.months(c));
          for (const m of copy.months(c)) {
            const a = copy.billed(c, m);
            const b = index.billed(c, m);
            expect([a.rounded.toString(), a.exact.toString(), a.entries]).toEqual([b.rounded.toString(), b.exact.toString(), b.entries]);
          }
        }
      }),
    );
  });
});
