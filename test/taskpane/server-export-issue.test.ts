/**
 * Issue 17 in server mode: the pane's first export of a draft run issues it on the team server, in
 * the server's transaction, as the logged-in clerk; an auditor (read-only) cannot issue by exporting,
 * but gets the file of an issued run as before.
 */
import { parseIsoMonth } from "../../src/core/date/iso-month";
import { draftRun } from "../../src/taskpane/billing/export-issue";
import { exportInvoiceBatch, exportRunIssuing, importMaster, listRuns, loadRunInvoices, runBilling, undoRun } from "../../src/taskpane/connection/use-cases";
import { listeningServer } from "../server/server-fixture";
import { MASTER_ARTICLES, MASTER_CONTRACTS } from "../support/reconcile-scenario";
import { FIXED_NOW, textFile as file } from "../support/fixtures";

jest.setTimeout(120_000);

const server = listeningServer();
const request = { format: { kind: "generic" as const }, createdAt: "2026-11-23T11:00:00.000" };

describe("the pane's export issues a draft run on the team server", () => {
  it("auditor: refused (403) and the run stays a draft; clerk: issued by 'export' on the server; then undo is refused and the auditor exports the same file", async () => {
    const clara = await server.paneContext("clara");
    const otto = await server.paneContext("otto");
    expect((await importMaster(clara, [file("articles.csv", MASTER_ARTICLES), file("contracts.csv", MASTER_CONTRACTS)])).ok).toBe(true);
    const billed = await runBilling(clara, { month: parseIsoMonth("2026-10")!, invoiceDate: "2026-11-01" as never });
    if (!billed.ok || !billed.value.runId) throw new Error("bill failed");
    const runId = billed.value.runId;
    expect((await draftRun(otto, runId))?.id).toBe(runId);

    await expect(exportRunIssuing(otto, runId, request)).rejects.toMatchObject({ status: 403 });
    expect((await draftRun(clara, runId))?.id).toBe(runId);

    const exported = await exportRunIssuing(clara, runId, request);
    if (!exported.ok) throw new Error(JSON.stringify(exported.issues));
    expect(exported.value.issuedNow).toBe(true);
    expect(exported.value.bytes).toBeInstanceOf(Uint8Array);
    expect(await draftRun(clara, runId)).toBeNull();
    expect((await listRuns(otto)).find((r) => r.id === runId)).toMatchObject({ issuedAt: FIXED_NOW, issuedBy: "export" });
    const undo = await undoRun(clara, runId);
    expect(undo.ok ? [] : undo.issues.map((i) => i.code)).toEqual(["billing.undo_issued"]);

    // the auditor's export of the issued run: read-only, the same bytes
    const loaded = await loadRunInvoices(otto, runId);
    if (!loaded.ok) throw new Error("load");
    const again = await exportInvoiceBatch(otto, loaded.value.invoices, request);
    expect(again.ok && Buffer.from(again.value.bytes)).toEqual(Buffer.from(exported.value.bytes));
  });
});
