import { ok, type Issue, type Result } from "../core/issues";
import type { RunRecord } from "../store/records";
import type { AppContext } from "./context";
import { exportInvoiceBatch, exportInvoiceBatchDocument, loadRunInvoices, type InvoiceExportRequest } from "./export-invoices";
import { finalizeRun, type IssueReason } from "./issue-run";

/**
 * A run's invoices as a file that leaves the program (issue 17): the first export or print of a draft
 * run issues it, as the CLI's `export` does — the file is made from the run as billed, then the run
 * is issued in its own transaction (`finalizeRun`), and only after that committed is the file handed
 * back for the host to offer. A file that cannot be made issues nothing; a run issued already stays
 * as it is (the export of an issued run is the same file again).
 */
export interface IssuedRunFile {
  /** The run as stored after the export (issued). */
  run: RunRecord;
  /** True when this export issued the run (it was a draft before). */
  issuedNow: boolean;
  /** How many invoices the file holds. */
  invoices: number;
}

/** The run's invoice batch as CSV, DATEV Buchungsstapel or custom profile; issues a draft run ("export"). */
export async function exportRunIssuing(ctx: AppContext, runId: string, request: InvoiceExportRequest): Promise<Result<IssuedRunFile & { bytes: Uint8Array; issues: Issue[]; records: number }>> {
  const loaded = await loadRunInvoices(ctx, runId);
  if (!loaded.ok) return loaded;
  const file = await exportInvoiceBatch(ctx, loaded.value.invoices, request);
  if (!file.ok) return file;
  const issued = await issueAfter(ctx, loaded.value.run, "export");
  return issued.ok ? ok({ ...file.value, ...issued.value, invoices: loaded.value.invoices.length }) : issued;
}

/** All invoices of the run as one printable HTML document; issues a draft run ("documents", as `export --documents`). */
export async function printRunIssuing(ctx: AppContext, runId: string, title: string): Promise<Result<IssuedRunFile & { html: string; issues: Issue[] }>> {
  const loaded = await loadRunInvoices(ctx, runId);
  if (!loaded.ok) return loaded;
  const doc = await exportInvoiceBatchDocument(ctx, loaded.value.invoices, title);
  if (!doc.ok) return doc;
  const issued = await issueAfter(ctx, loaded.value.run, "documents");
  return issued.ok ? ok({ ...doc.value, ...issued.value, invoices: loaded.value.invoices.length }) : issued;
}

async function issueAfter(ctx: AppContext, before: RunRecord, reason: IssueReason): Promise<Result<{ run: RunRecord; issuedNow: boolean }>> {
  // Also for an issued run: finalizeRun then changes nothing, but refuses a run undone meanwhile.
  const issued = await finalizeRun(ctx, before.id, reason);
  return issued.ok ? ok({ run: issued.value, issuedNow: !before.issuedAt }) : issued;
}
