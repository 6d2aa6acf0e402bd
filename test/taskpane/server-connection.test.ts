/**
 * The pane in server mode, without the browser: the pane's use cases (src/taskpane/connection/
 * use-cases.ts) with a ServerStore run on a real team server (HTTP on a loopback port; embedded
 * store, PostgreSQL with MSP_TEST_STORE=postgres) and give what they give locally; the MSP.* lookup
 * index loads from the server and goes stale when a colleague changes the store.
 */
import { lookupIndexCache } from "../../src/app/lookup/lookup-index";
import { roundTripReview } from "../support/reconcile-scenario";
import { MASTER_ARTICLES, MASTER_CONTRACTS, MASTER_MAPPINGS, octoberCsv, readNce } from "../support/reconcile-scenario";
import { testContext, textFile as file } from "../support/fixtures";
import { listeningServer, upload } from "../server/server-fixture";
import { ServerCallError, ServerConnection } from "../../src/taskpane/connection/server-connection";
import { NotInServerMode } from "../../src/taskpane/connection/server-store";
import { applyReview, importMaster, listRuns, previewApplyReview, reconcileFiles, runBilling, undoRun } from "../../src/taskpane/connection/use-cases";
import type { AppContext } from "../../src/app/context";
import { parseIsoMonth } from "../../src/core/date/iso-month";

jest.setTimeout(120_000);

const server = listeningServer();

function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** Import, reconcile, apply, bill through the pane's use cases on one context. */
async function month(ctx: AppContext) {
  const files = [file("articles.csv", MASTER_ARTICLES), file("contracts.csv", MASTER_CONTRACTS), file("mappings.csv", MASTER_MAPPINGS)];
  // The check before the import (Prüfen), on the server too: what the import would store, and no batch.
  const checked = unwrap(await importMaster(ctx, files, { dryRun: true }));
  const imported = unwrap(await importMaster(ctx, files));
  const reconciled = unwrap(await reconcileFiles(ctx, [readNce("nce.csv", octoberCsv())], parseIsoMonth("2026-10")!));
  const { decisions } = roundTripReview(reconciled.rows);
  // The dry run before the confirmation, on the server too: what applying stores; nothing new after it.
  const preview = unwrap(await previewApplyReview(ctx, decisions));
  const applied = unwrap(await applyReview(ctx, decisions, { name: "Abgleich 2026-10", sha256: "x" }));
  const again = unwrap(await previewApplyReview(ctx, decisions));
  const billed = unwrap(await runBilling(ctx, { month: parseIsoMonth("2026-10")!, invoiceDate: "2026-11-01" as never }));
  return { checked, imported, reconciled, preview, applied, again, billed, runs: await listRuns(ctx) };
}

describe("the pane connected to a team server", () => {
  it("import, reconcile, apply and bill run on the server and give what they give locally; the audit log names the user", async () => {
    const local = await month(await testContext());
    const clara = await server.paneContext("clara");
    const remote = await month(clara);
    expect(JSON.parse(JSON.stringify(remote))).toEqual(JSON.parse(JSON.stringify(local)));
    expect(remote.billed.invoices.length).toBeGreaterThan(0);
    expect(remote.checked).toMatchObject({ batchId: null, dryRun: true, contracts: remote.imported.contracts, versions: remote.imported.versions });
    expect(remote.preview).toMatchObject({ changes: 3, ends: 1 });
    expect(remote.again).toMatchObject({ changes: 0, unchanged: remote.applied.versions });
    const audit = (await server.inject({ method: "GET", url: "/api/audit?limit=100", headers: await server.login("otto") })).json() as { kind: string; user?: string }[];
    expect(audit.find((e) => e.kind === "billing.run")?.user).toBe("clara");
    // Undo of the run, too (the latest draft).
    expect(unwrap(await undoRun(clara, remote.billed.runId!))).toMatchObject({ runId: remote.billed.runId });
  });

  it("the lookup index loads from the server and goes stale after a colleague's change (revision/ETag)", async () => {
    const { store } = await server.paneContext("otto");
    const cache = lookupIndexCache(store);
    const index = await cache.master();
    expect(index).toBe(await cache.master());
    let stale = 0;
    cache.onInvalidate(() => stale++);
    await store.checkRevision();
    expect(stale).toBe(0);
    // A colleague imports a new article on the server.
    const colleague = await server.login("clara");
    const r = await server.inject({ method: "POST", url: "/api/import/master", headers: colleague, payload: { files: [upload("articles.csv", `${MASTER_ARTICLES}\nNEU-1,Neuer Artikel,5.00,19\n`)] } });
    expect(r.statusCode).toBe(200);
    await store.checkRevision();
    expect(stale).toBe(1);
    const fresh = await cache.master();
    expect(fresh).not.toBe(index);
  });

  it("an auditor cannot bill from the pane (403); a step not on the server fails with a message instead of using local data", async () => {
    const ctx = await server.paneContext("otto");
    const { store } = ctx;
    await expect(runBilling(ctx, { month: parseIsoMonth("2026-11")!, dryRun: false })).rejects.toMatchObject({ status: 403 });
    await expect(store.write(async () => 1)).rejects.toBeInstanceOf(NotInServerMode);
    await expect(store.read(async (tx) => tx.ledger)).rejects.toBeInstanceOf(NotInServerMode);
    await expect(ServerConnection.login(server.url, "otto", "wrong password!")).rejects.toBeInstanceOf(ServerCallError);
  });
});
