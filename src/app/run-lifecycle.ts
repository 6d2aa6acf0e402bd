/**
 * The lifecycle state of a billing run as the task pane shows it (draft or issued, its invoices and
 * their cancellations). A use case of its own, so the pane in server mode asks the team server
 * (src/app/pane-calls.ts) instead of reading a store it does not have.
 */
import type { IsoDate } from "../core/date/iso-date";
import type { AppContext } from "./context";

/** One invoice of the run as the cancel choice shows it. */
export interface RunInvoiceChoice {
  invoiceRef: string;
  customerNo: string;
  customerName: string;
  grossTotal: string;
  invoiceDate: IsoDate;
  /** The number of its Stornorechnung, once cancelled. */
  cancelledBy: string | null;
}

export interface RunLifecycle {
  runId: string;
  /** When and by what the run was issued; null while it is a draft. */
  issuedAt: string | null;
  issuedBy: string | null;
  invoices: RunInvoiceChoice[];
  /** Runs holding the Stornorechnungen of this run's invoices (their e-invoices go into the ZIP too). */
  cancellationRuns: string[];
  /** True when a customer of the run gets ZUGFeRD (its PDF embeds fonts the caller must supply). */
  needsPdfFonts: boolean;
}

/** The lifecycle state of a run (null for an unknown or undone run). Reads only. */
export function runLifecycle(ctx: AppContext, runId: string): Promise<RunLifecycle | null> {
  return ctx.store.read(async (tx) => {
    const run = await tx.runs.get(runId);
    if (!run || run.undoneAt) return null;
    const invoices = (await tx.invoices.ofRun(runId)).sort((a, b) => a.seqInRun - b.seqInRun);
    const stornos = await tx.invoices.getMany(invoices.map((i) => i.cancelledBy).filter((r): r is string => r !== undefined));
    const nos = new Set(invoices.map((i) => i.customerNo));
    return {
      runId,
      issuedAt: run.issuedAt ?? null,
      issuedBy: run.issuedBy ?? null,
      invoices: invoices.map((i) => ({ invoiceRef: i.invoiceRef, customerNo: i.customerNo, customerName: i.customerName, grossTotal: i.grossTotal, invoiceDate: i.invoiceDate, cancelledBy: i.cancelledBy ?? null })),
      cancellationRuns: [...new Set(stornos.filter((s) => s !== undefined).map((s) => s.runId))],
      needsPdfFonts: (await tx.customers.all()).some((c) => nos.has(c.no) && c.einvoiceFormat === "zugferd"),
    };
  });
}
