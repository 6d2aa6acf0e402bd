/**
 * The pane's invoice lifecycle steps over the same app use cases as the CLI: the run's state
 * (draft or issued, its invoices and their cancellations), Festschreiben (`finalize`), Stornieren
 * (`cancel-invoice`) and one ZIP with the e-invoice of every invoice and cancellation of the run,
 * each in its customer's format (`einvoice`). In server mode each step runs on the team server
 * (connection/use-cases.ts); only the ZIP is packed here.
 */
import { zipSync } from "fflate";
import type { AppContext } from "../../app/context";
import type { CancelOutcome, CancelRunOutcome } from "../../app/cancel-invoice";
import { cancelInvoice, cancelRun, eInvoicesOfRun, finalizeRun, runLifecycle } from "../connection/use-cases";
import type { IsoDate } from "../../core/date/iso-date";
import type { EInvoiceFormat } from "../../core/einvoice/model";
import { Issue, Result, fail, issue, ok } from "../../core/issues";
import type { PdfFonts } from "../../io/einvoice/invoice-pdf";
import type { RunRecord } from "../../store/records";
import { downloadNames } from "../i18n/downloads";
import type { Lang } from "../i18n/format";

export type { RunInvoiceChoice, RunLifecycle } from "../../app/run-lifecycle";
export { runLifecycle };

/** Festschreiben: issues the run (as `finalize --run`). */
export function finalizeForPane(app: AppContext, runId: string): Promise<Result<RunRecord>> {
  return finalizeRun(app, runId, "finalize");
}

/** Stornieren: the Stornorechnung of one issued invoice (as `cancel-invoice --invoice [--date]`). */
export function cancelForPane(app: AppContext, invoiceRef: string, date?: IsoDate, reason?: string): Promise<Result<CancelOutcome>> {
  return cancelInvoice(app, invoiceRef, cancelOptions(date, reason));
}

/** The options as the use case takes them: absent values left out (they cross the server as JSON). */
function cancelOptions(date: IsoDate | undefined, reason: string | undefined): { date?: IsoDate; reason?: string } {
  return { ...(date !== undefined ? { date } : {}), ...(reason?.trim() ? { reason } : {}) };
}

/** Stornieren of every open invoice of the run, in one cancellation run (as `cancel-invoice --run [--date]`). */
export function cancelRunForPane(app: AppContext, runId: string, date?: IsoDate, reason?: string): Promise<Result<CancelRunOutcome>> {
  return cancelRun(app, runId, cancelOptions(date, reason));
}

export interface EInvoiceZip {
  name: string;
  bytes: Uint8Array;
  /** What the ZIP holds, in order: file name, invoice and format. */
  files: { fileName: string; invoiceRef: string; format: EInvoiceFormat }[];
  /** Invoices whose customer gets no e-invoice (`einvoice_format` none). */
  skipped: string[];
  /** True when producing them issued the run. */
  issuedNow: boolean;
  /** Warnings of the rendering. */
  issues: Issue[];
}

/** The ZIP's name in the pane's language: `E-Rechnungen-2026-01-run-00001.zip`, `E-invoices-2026-01-run-00001.zip`; the files in it keep theirs. */
export function eInvoiceZipName(run: Pick<RunRecord, "id" | "month">, language: Lang = "de"): string {
  return downloadNames[language].eInvoiceZip(run.month, run.id);
}

/**
 * One ZIP with the e-invoice of every invoice of the run and of every cancellation of its invoices,
 * each in its customer's format (XRechnung CII, UBL or ZUGFeRD PDF; none for `none`). The
 * cancellations (issued already) are rendered first and the run itself last, so a draft run is issued
 * only when every file rendered; any error fails the whole download naming the setting or customer.
 * `fonts` is asked for only when a customer gets ZUGFeRD (the PDF embeds them).
 */
export async function eInvoiceZipForPane(app: AppContext, run: Pick<RunRecord, "id" | "month">, fonts: () => Promise<PdfFonts>, language: Lang = "de"): Promise<Result<EInvoiceZip>> {
  const state = await runLifecycle(app, run.id);
  if (!state) return fail(issue("billing.finalize_unknown_run", { run: run.id }));
  // The library's own schema check compiles code at run time, which the add-in's CSP forbids (see EInvoiceRenderOptions).
  const options = { librarySchemaCheck: false, ...(state.needsPdfFonts ? { fonts: await fonts() } : {}) };
  const parts = [];
  for (const runId of [...state.cancellationRuns, run.id]) {
    const r = await eInvoicesOfRun(app, runId, "customer", options);
    if (!r.ok) return fail(...r.issues);
    parts.push(r.value);
  }
  // The run's own invoices first, then the cancellations (rendered before it, see above).
  const files = [...parts.at(-1)!.files, ...parts.slice(0, -1).flatMap((p) => p.files)];
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.fileName, [f.bytes, { mtime: new Date(2000, 0, 1) }]])));
  return ok({
    name: eInvoiceZipName(run, language),
    bytes: zip,
    files: files.map((f) => ({ fileName: f.fileName, invoiceRef: f.invoiceRef, format: f.format })),
    skipped: parts.flatMap((p) => p.skipped),
    issuedNow: parts.some((p) => p.issuedNow),
    issues: parts.flatMap((p) => p.issues),
  });
}
