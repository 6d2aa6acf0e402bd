/**
 * What the billing clerk looks up before exporting, issuing or cancelling: the billing runs with
 * their state and totals, and the invoices of a run, a customer or a period with their status. Reads
 * only; the CLI's `runs` and `invoices` print them.
 */
import { compareNatural, documentTitle, type DocumentTitle } from "../core/billing/invoice";
import type { IsoDate } from "../core/date/iso-date";
import type { IsoMonth } from "../core/date/iso-month";
import { Decimal, sum, toCentsString } from "../core/money/decimal";
import type { StoreTx } from "../store/port";
import { INVOICE_LIST_COLUMNS } from "../io/sheets/invoice-list-words";
import type { CsvCell } from "../io/table/write-csv";
import type { RunRecord, StoredInvoice } from "../store/records";
import type { AppContext } from "./context";

export type RunState = "draft" | "issued" | "undone";

/** One billing run as `runs` lists it. */
export interface RunSummary {
  runId: string;
  kind: "billing" | "cancellation";
  month: IsoMonth;
  invoiceDate: IsoDate;
  createdAt: string;
  state: RunState;
  /** When and by what it was issued (issued runs), or when it was undone. */
  issuedAt?: string;
  issuedBy?: string;
  undoneAt?: string;
  /** Its invoices (none once undone: their numbers were given back or the audit log keeps them). */
  invoices: number;
  firstInvoice?: string;
  lastInvoice?: string;
  /** Invoices of the run cancelled since. */
  cancelled: number;
  netTotal: string;
  grossTotal: string;
}

/** One invoice as `invoices` lists it. */
export interface InvoiceSummary {
  invoiceRef: string;
  runId: string;
  invoiceDate: IsoDate;
  customerNo: string;
  customerName: string;
  title: DocumentTitle;
  /** `draft` while its run may still be undone; `issued` once festgeschrieben. */
  state: "draft" | "issued";
  netTotal: string;
  vatTotal: string;
  grossTotal: string;
  /** The Stornorechnung that cancelled it. */
  cancelledBy?: string;
  /** For a Stornorechnung: the invoice it cancels and why. */
  cancels?: string;
  reason?: string;
}

/** Which invoices to list; the given filters all apply (none: every invoice). */
export interface InvoiceFilter {
  runId?: string;
  customerNo?: string;
  /** Invoice dates from … to (inclusive). */
  from?: IsoDate;
  to?: IsoDate;
}

const total = (values: readonly string[]): string => toCentsString(sum(values.map((v) => new Decimal(v))));

/** Every billing run, oldest first, with its state, number range and totals. Reads only. */
export function summarizeRuns(ctx: AppContext): Promise<RunSummary[]> {
  return ctx.store.read(async (tx) => {
    const out: RunSummary[] = [];
    for (const run of await tx.runs.all()) out.push(runSummary(run, await tx.invoices.ofRun(run.id)));
    return out;
  });
}

function runSummary(run: RunRecord, invoices: readonly StoredInvoice[]): RunSummary {
  const refs = invoices.map((i) => i.invoiceRef).sort(compareNatural);
  const state: RunState = run.undoneAt ? "undone" : run.issuedAt ? "issued" : "draft";
  return {
    runId: run.id,
    kind: run.kind ?? "billing",
    month: run.month,
    invoiceDate: run.invoiceDate,
    createdAt: run.createdAt,
    state,
    ...(run.issuedAt ? { issuedAt: run.issuedAt, issuedBy: run.issuedBy ?? "finalize" } : {}),
    ...(run.undoneAt ? { undoneAt: run.undoneAt } : {}),
    invoices: invoices.length,
    ...(refs.length > 0 ? { firstInvoice: refs[0]!, lastInvoice: refs[refs.length - 1]! } : {}),
    cancelled: invoices.filter((i) => i.cancelledBy).length,
    netTotal: total(invoices.map((i) => i.netTotal)),
    grossTotal: total(invoices.map((i) => i.grossTotal)),
  };
}

async function everyInvoice(tx: StoreTx): Promise<StoredInvoice[]> {
  const out: StoredInvoice[] = [];
  for (const run of await tx.runs.all()) out.push(...(await tx.invoices.ofRun(run.id)));
  return out;
}

/** The invoices the filter selects, in number order, with their status. Reads only. */
export function listInvoices(ctx: AppContext, filter: InvoiceFilter = {}): Promise<InvoiceSummary[]> {
  return ctx.store.read(async (tx) => {
    const candidates =
      filter.runId !== undefined
        ? await tx.invoices.ofRun(filter.runId)
        : filter.customerNo !== undefined
          ? await tx.invoices.ofCustomer(filter.customerNo)
          : filter.from !== undefined || filter.to !== undefined
            ? // The adapters read up to the day after `to`, so the open end stops a day short of 9999-12-31.
              await tx.invoices.inPeriod(filter.from ?? "0001-01-01", filter.to ?? "9999-12-30")
            : await everyInvoice(tx);
    const chosen = candidates.filter(
      (i) =>
        (filter.runId === undefined || i.runId === filter.runId) &&
        (filter.customerNo === undefined || i.customerNo === filter.customerNo) &&
        (filter.from === undefined || i.invoiceDate >= filter.from) &&
        (filter.to === undefined || i.invoiceDate <= filter.to),
    );
    const runs = new Map((await tx.runs.getMany([...new Set(chosen.map((i) => i.runId))])).filter((r): r is RunRecord => r !== undefined).map((r) => [r.id, r]));
    return chosen
      .sort((a, b) => compareNatural(a.invoiceRef, b.invoiceRef))
      .map((i) => ({
        invoiceRef: i.invoiceRef,
        runId: i.runId,
        invoiceDate: i.invoiceDate,
        customerNo: i.customerNo,
        customerName: i.customerName,
        title: documentTitle(i),
        state: runs.get(i.runId)?.issuedAt ? "issued" : "draft",
        netTotal: i.netTotal,
        vatTotal: i.vatTotal,
        grossTotal: i.grossTotal,
        ...(i.cancelledBy ? { cancelledBy: i.cancelledBy } : {}),
        ...(i.cancels
          ? {
              cancels: i.cancels.number,
              ...(i.cancels.reason ? { reason: i.cancels.reason } : {}),
            }
          : {}),
      }));
  });
}

/**
 * The invoices as a canonical table (header `INVOICE_LIST_COLUMNS`, codes and amounts as stored): the
 * CLI writes it as CSV (`invoices --out`), the pane localizes it into the sheet "Rechnungsliste".
 */
export function invoiceListTable(invoices: readonly InvoiceSummary[]): CsvCell[][] {
  const body = invoices.map((i): CsvCell[] => [
    i.invoiceRef,
    i.invoiceDate,
    i.customerNo,
    i.customerName,
    i.title,
    i.state,
    { number: i.netTotal },
    { number: i.vatTotal },
    { number: i.grossTotal },
    i.cancelledBy ?? "",
    i.cancels ?? "",
    i.reason ?? "",
    i.runId,
  ]);
  return [[...INVOICE_LIST_COLUMNS], ...body];
}
