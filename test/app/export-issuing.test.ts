import { runBilling } from "../../src/app/bill";
import type { AppContext } from "../../src/app/context";
import { exportInvoiceBatch, loadRunInvoices, saveExportSettings } from "../../src/app/export-invoices";
import { exportRunIssuing, printRunIssuing } from "../../src/app/export-issuing";
import { importMaster } from "../../src/app/import-master";
import { undoRun } from "../../src/app/undo-run";
import { validateCompanyInfo } from "../../src/io/export/documents/company";
import { dbOf } from "../support/db-view";
import { FIXED_NOW, testContext, textFile } from "../support/fixtures";
import { TWO_CUSTOMERS_ARTICLES as ARTICLES, TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "../support/two-customers";

async function billed(): Promise<{ ctx: AppContext; runId: string }> {
  const ctx = await testContext();
  expect((await importMaster(ctx, [textFile("a.csv", ARTICLES), textFile("c.csv", CONTRACTS)])).ok).toBe(true);
  const r = await runBilling(ctx, { month: "2026-01" as never, invoiceDate: "2026-01-02" as never });
  if (!r.ok || !r.value.runId) throw new Error("bill failed");
  return { ctx, runId: r.value.runId };
}

const codes = (r: { ok: boolean; issues?: { code: string }[] }) => (r.ok ? [] : r.issues!.map((i) => i.code));
const request = { format: { kind: "de" as const }, createdAt: "2026-11-23T11:00:00.000" };

describe("the first export or print of a draft run issues it (the pane's use cases)", () => {
  it("export: the file of the run as billed, the run issued by 'export' with its numbers kept; again: the same file, nothing issued now", async () => {
    const { ctx, runId } = await billed();
    const draft = await loadRunInvoices(ctx, runId);
    if (!draft.ok) throw new Error("load");
    const expected = await exportInvoiceBatch(ctx, draft.value.invoices, request);
    if (!expected.ok) throw new Error("export");

    const first = await exportRunIssuing(ctx, runId, request);
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    expect(first.value.issuedNow).toBe(true);
    expect(first.value.invoices).toBe(2);
    expect(Buffer.from(first.value.bytes)).toEqual(Buffer.from(expected.value.bytes));
    const run = await dbOf(ctx).runs.get(runId);
    expect(run).toMatchObject({ issuedAt: FIXED_NOW, issuedBy: "export" });
    expect(first.value.run.issuedBy).toBe("export");
    const invoices = await Promise.all(["RE-000001", "RE-000002"].map((ref) => dbOf(ctx).invoices.get(ref)));
    expect(invoices.map((i) => [i?.invoiceRef, typeof i?.hash, i?.chainSeq])).toEqual([
      ["RE-000001", "string", 1],
      ["RE-000002", "string", 2],
    ]);

    const again = await exportRunIssuing(ctx, runId, request);
    if (!again.ok) throw new Error("again");
    expect(again.value.issuedNow).toBe(false);
    expect(Buffer.from(again.value.bytes)).toEqual(Buffer.from(expected.value.bytes));
    expect(codes(await undoRun(ctx, runId))).toEqual(["billing.undo_issued"]);
    expect((await dbOf(ctx).auditLog.toArray()).filter((a) => a.kind === "billing.run.issue")).toHaveLength(1);
  });

  it("a file that cannot be made issues nothing (DATEV without settings, print without company data)", async () => {
    const { ctx, runId } = await billed();
    expect(codes(await exportRunIssuing(ctx, runId, { ...request, format: { kind: "datev" } }))).toEqual(["export.no_datev_config"]);
    expect(codes(await printRunIssuing(ctx, runId, "Rechnungen"))).toEqual(["export.no_company"]);
    expect((await dbOf(ctx).runs.get(runId))!.issuedAt).toBeUndefined();
    // …and the draft can still be undone
    expect((await undoRun(ctx, runId)).ok).toBe(true);
    expect(codes(await exportRunIssuing(ctx, runId, request))).toEqual(["export.run_undone"]);
  });

  it("print: one HTML document of the run's invoices, the run issued by 'documents'", async () => {
    const { ctx, runId } = await billed();
    const company = validateCompanyInfo({ name: "Systemhaus Beispiel GmbH", address: "Hauptstraße 5\n20095 Hamburg", taxNumber: "22/123/45678" });
    if (!company.ok) throw new Error("company");
    await saveExportSettings(ctx, { company: company.value });
    const r = await printRunIssuing(ctx, runId, `Rechnungen 2026-01 (${runId})`);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.issuedNow).toBe(true);
    expect(r.value.html).toContain("RE-000001");
    expect(r.value.html).toContain("RE-000002");
    expect((await dbOf(ctx).runs.get(runId))!.issuedBy).toBe("documents");
  });
});
