/**
 * The argument check of `POST /api/pane/NAME`: every call has a schema of its `args`
 * (src/server/pane-schemas); arguments that do not fit answer 400 naming the argument (index, name,
 * property path) and run nothing; fitting ones run as before. The arguments the pane really sends
 * fit their schemas (the server-mode tests send them through the server as well).
 */
import { runBilling } from "../../src/app/bill";
import { loadRunInvoices } from "../../src/app/export-invoices";
import { encodeCallJson, PANE_CALLS, type PaneCallName } from "../../src/app/pane-calls";
import { reconcileFiles } from "../../src/app/reconcile";
import { PaneArgsChecker } from "../../src/server/pane-args-check";
import { PANE_ARG_SCHEMAS, WITHOUT_SCHEMA_YET } from "../../src/server/pane-schemas";
import { testContext, textFile } from "../support/fixtures";
import { octoberCsv, readNce, seedStore } from "../support/reconcile-scenario";
import { listeningServer } from "./server-fixture";

jest.setTimeout(120_000);

/** The args as they travel (files as {"$bytes": …}). */
const wire = (args: unknown[]) => JSON.parse(encodeCallJson(args)) as unknown;

describe("the schemas", () => {
  it("every pane call has an argument schema, except the explicit list of calls whose schema another branch brings", () => {
    const names = Object.keys(PANE_CALLS) as PaneCallName[];
    expect(names.filter((n) => !PANE_ARG_SCHEMAS[n] && !WITHOUT_SCHEMA_YET.includes(n))).toEqual([]);
    // The list only holds calls that exist and have no schema yet (it shrinks to empty).
    expect(WITHOUT_SCHEMA_YET.filter((n) => !names.includes(n as PaneCallName) || PANE_ARG_SCHEMAS[n as PaneCallName])).toEqual([]);
    expect(Object.keys(PANE_ARG_SCHEMAS).filter((n) => !names.includes(n as PaneCallName))).toEqual([]);
    // Every schema bounds the argument list: no extra argument gets through.
    const bounded = (schema: Record<string, unknown>): boolean => schema.type === "array" && (typeof schema.maxItems === "number" || (Array.isArray(schema.anyOf) && (schema.anyOf as Record<string, unknown>[]).every(bounded)));
    for (const [name, schema] of Object.entries(PANE_ARG_SCHEMAS)) expect([name, bounded(schema)]).toEqual([name, true]);
  });

  it("the arguments the pane sends fit (billing exports, reconcile, mappings, audit, price update)", async () => {
    const checker = new PaneArgsChecker();
    const ctx = await testContext();
    await seedStore(ctx);
    const billed = await runBilling(ctx, { month: "2026-10", invoiceDate: "2026-10-01" });
    if (!billed.ok) throw new Error("bill");
    const loaded = await loadRunInvoices(ctx, billed.value.runId!);
    if (!loaded.ok) throw new Error("load");
    const read = readNce("nce.csv", octoberCsv());
    const reconciled = await reconcileFiles(ctx, [read], "2026-10");
    if (!reconciled.ok) throw new Error("reconcile");
    const samples: [PaneCallName, unknown[]][] = [
      ["exportInvoiceBatch", [loaded.value.invoices, { format: { kind: "datev" }, createdAt: "2026-11-23T11:00:00.000" }]],
      ["exportInvoiceBatch", [loaded.value.invoices, { format: { kind: "custom", profileId: "x" }, encoding: "windows-1252", createdAt: "2026-11-23T11:00:00.000", label: "Okt" }]],
      ["exportInvoiceBatchDocument", [loaded.value.invoices, "Rechnungen 2026-10 (run-00001)"]],
      ["reconcileFiles", [[read], "2026-10"]],
      ["proposeMappings", [reconciled.value.rows]],
      ["recentAudit", [200]],
      ["importMaster", [[textFile("a.csv", "x")]]],
      ["importMandates", [{ name: "Mandate", table: { source: "Mandate", rows: [["a"]], firstRowNumber: 1 } }]],
      ["proposePriceUpdateText", [{ selection: { articleNo: "DOM-DE" }, newCost: "1.20", from: "2026-07-01", strategy: "keep-margin", rounding: "cents" }]],
      ["eInvoicesOfRun", ["run-00001", "customer", { librarySchemaCheck: false, fonts: { regular: new Uint8Array([1]), bold: new Uint8Array([2]) } }]],
      ["finalizeRun", ["run-00001", "finalize"]],
      ["purchaseLinksReport", ["2026-03-01", true]],
      ["listRuns", []],
      ["listInvoices", []],
      ["listInvoices", [{ from: "2026-01-01", to: "2026-12-31" }]],
      ["listInvoices", [{ runId: "run-00001", customerNo: "10001" }]],
    ];
    for (const [name, args] of samples) expect([name, checker.check(name, wire(args))]).toEqual([name, null]);
  });

  it("names what does not fit: the argument's index and name, the property path", () => {
    const checker = new PaneArgsChecker();
    expect(checker.check("undoBatch", [42])).toEqual({ message: "undoBatch: argument 0 (batchId) must be string", argument: 0, path: "" });
    expect(checker.check("runLifecycle", [])!.message).toBe("runLifecycle: argument 0 (runId) is missing; expects 1 argument(s) (runId), got 0");
    expect(checker.check("listRuns", ["x"])!.message).toMatch(/^listRuns: too many arguments; expects 0 argument\(s\) \(none\), got 1$/);
    expect(checker.check("runBilling", [{ invoiceDate: "2026-10-01" }])).toMatchObject({ argument: 0, path: "month", message: "runBilling: argument 0 (options) property month is missing" });
    expect(checker.check("importPurchase", [{ name: "p.csv", bytes: "text" }])).toMatchObject({ argument: 0, path: "bytes" });
    expect(checker.check("applyPriceUpdate", [[{ source: "s", row: 2, action: "maybe", contractNo: "V", positionNo: 1, validFrom: "2026-01-01", newPrice: "1", purchase: [] }], { name: "p", sha256: "x" }])).toMatchObject({ argument: 0, path: "0.action" });
    expect(checker.check("purchaseLinksReport", ["1.3.2026"])).toMatchObject({ argument: 0, path: "" });
    expect(checker.check("listInvoices", [{ from: "01.01.2026" }])).toMatchObject({ argument: 0, path: "from" });
    expect(checker.check("listInvoices", [{}, "extra"])!.message).toMatch(/too many arguments/);
    // No coercion: a number is not a string, a string no boolean.
    expect(checker.check("purchaseLinksReport", ["2026-03-01", "true"])).toMatchObject({ argument: 1 });
  });
});

describe("POST /api/pane/NAME with arguments that do not fit", () => {
  const server = listeningServer();

  const call = async (user: string, name: string, args: unknown) => server.inject({ method: "POST", url: `/api/pane/${name}`, headers: await server.login(user), payload: { args } });

  it("a wrong type, a missing argument, too many arguments: 400 bad_request naming the argument, nothing runs; the good call works", async () => {
    const before = await server.store.revision();
    const wrong = await call("clara", "importPurchase", [{ name: "p.csv", bytes: 7 }]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({ error: "bad_request", message: "importPurchase: argument 0 (file) property bytes must be object", argument: 0, path: "bytes" });
    const missing = await call("clara", "applyPriceUpdate", [[]]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: "bad_request", message: expect.stringContaining("argument 1 (file) is missing") });
    const tooMany = await call("clara", "undoRun", ["run-00001", "run-00002"]);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ error: "bad_request", message: expect.stringContaining("too many arguments") });
    const noArray = await call("clara", "listRuns", { 0: 1 });
    expect(noArray.statusCode).toBe(400);
    expect(await server.store.revision()).toBe(before);
    const good = await call("clara", "listRuns", []);
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual([]);
    const file = await call("clara", "importPurchase", [{ name: "p.csv", bytes: { $bytes: Buffer.from("supplier\n").toString("base64") } }]);
    expect(file.statusCode).toBe(200);
    expect(file.json()).toMatchObject({ ok: false });
  });

  it("an auditor is refused a write before its arguments are looked at (403, not 400)", async () => {
    expect((await call("otto", "importPurchase", [1, 2, 3])).statusCode).toBe(403);
    expect((await call("otto", "purchaseLinksReport", [5])).statusCode).toBe(400);
  });

  it("the OpenAPI document describes every call's arguments", async () => {
    const doc = (await server.inject({ method: "GET", url: "/openapi.json" })).json() as { components: { schemas: Record<string, { prefixItems?: { title: string }[] }> } };
    expect(doc.components.schemas.PaneArgs_applyPriceUpdate!.prefixItems!.map((p) => p.title)).toEqual(["decisions", "file"]);
    expect(Object.keys(doc.components.schemas).filter((k) => k.startsWith("PaneArgs_"))).toHaveLength(Object.keys(PANE_CALLS).length);
  });
});
