import type { EInvoiceInput } from "../core/einvoice/build-einvoice";
import { EINVOICE_FORMATS, type EInvoiceFormat } from "../core/einvoice/model";
import type { Customer } from "../core/contract/model";
import type { IsoDate } from "../core/date/iso-date";
import { Issue, Result, fail, hasErrors, issue, ok } from "../core/issues";
import { renderEInvoices, type EInvoiceFile, type EInvoiceRenderOptions } from "../io/einvoice/generate-einvoice";
import { COMPANY_SETTINGS_KEY, validateCompanyInfo } from "../io/export/documents/company";
import { asIssued } from "../io/export/documents/issued-parties";
import type { AppContext } from "./context";
import { issueRun } from "./issue-run";
import { debitFactsIn, debitTermsOfInvoice } from "./debit-of-invoices";
import { withDirectDebit } from "../core/sepa/einvoice-debit";

export interface RunEInvoices {
  files: EInvoiceFile[];
  /** Warnings only (errors fail the whole call). */
  issues: Issue[];
  /** True when this call issued the run (it was a draft). */
  issuedNow: boolean;
  /** With `format: "customer"`: invoices left out because their customer gets no e-invoice (`none`). */
  skipped: string[];
}

/** The format a customer gets (`format: "customer"`): its `einvoiceFormat`, XRechnung CII when unset, null for `none`. */
export function customerEInvoiceFormat(customer: Customer): EInvoiceFormat | null {
  const f = customer.einvoiceFormat;
  return f === "none" ? null : (f ?? "xrechnung-cii");
}

/**
 * The e-invoices of every invoice of a run (a billing run or the run of a Stornorechnung) in one
 * format, or with `"customer"` each in its customer's format (the pane's ZIP), built from the invoices as stored with
 * the seller's and buyer's data kept when each was issued (a draft, or an invoice issued before that was kept:
 * the customers' current master data and the saved company data). Producing them issues a draft run (an e-invoice sent is an invoice issued), but only
 * when every invoice rendered: missing master data or a broken rule fails the call naming the setting
 * or the customer, and nothing is issued. Rendering happens between a read and the issuing write,
 * because the PDF and the library are asynchronous work no store transaction may wait on.
 */
export async function eInvoicesOfRun(ctx: AppContext, runId: string, format: EInvoiceFormat | "customer", options: EInvoiceRenderOptions = {}): Promise<Result<RunEInvoices>> {
  const loaded = await ctx.store.read(async (tx): Promise<Result<{ inputs: { input: EInvoiceInput; format: EInvoiceFormat }[]; skipped: string[]; issuedAt: string | undefined }>> => {
    const run = await tx.runs.get(runId);
    if (!run || run.undoneAt) return fail(issue("billing.finalize_unknown_run", { run: runId }));
    const invoices = (await tx.invoices.ofRun(runId)).sort((a, b) => a.seqInRun - b.seqInRun);
    // An issued invoice says what it said when issued: its seller and buyer as kept then, completed
    // from today's data where nothing was kept (an e-invoice e-mail added since).
    const company = await tx.settings.get(COMPANY_SETTINGS_KEY);
    const seller = company === undefined ? undefined : validateCompanyInfo(company);
    if (seller && !seller.ok) return fail(...seller.issues);
    if (!seller && !invoices.every((i) => i.issuedParties?.seller)) return fail(issue("billing.einvoice_no_company", { run: runId }));
    const customers = new Map((await tx.customers.all()).map((c) => [c.no, c]));
    const corrected = [...new Set(invoices.flatMap((i) => i.lines.map((l) => l.correctsRef).filter((r): r is string => r !== undefined)))];
    const dates = new Map<string, IsoDate>();
    for (const inv of await tx.invoices.getMany(corrected)) if (inv) dates.set(inv.invoiceRef, inv.invoiceDate);
    const inputs: { input: EInvoiceInput; format: EInvoiceFormat }[] = [];
    const skipped: string[] = [];
    const problems: Issue[] = [];
    const debit = await debitFactsIn(tx, invoices);
    for (const stored of invoices) {
      const { seqInRun: _s, cancels, cancelledBy: _c, chainSeq: _q, prevHash: _p, hash: _h, issuedParties, ...invoice } = stored;
      const customer = asIssued(customers.get(invoice.customerNo), issuedParties?.buyer);
      if (!customer) {
        problems.push(issue("billing.einvoice_unknown_customer", { invoice: invoice.invoiceRef, customer: invoice.customerNo }));
        continue;
      }
      const chosen = format === "customer" ? customerEInvoiceFormat(customer) : format;
      if (chosen === null) {
        skipped.push(invoice.invoiceRef);
        continue;
      }
      const input: EInvoiceInput = {
        invoice,
        customer,
        seller: asIssued(seller?.value, issuedParties?.seller)!,
        invoiceDates: dates,
        ...(cancels ? { kind: "cancellation" as const, cancels: { number: cancels.number, issueDate: cancels.issueDate }, ...(cancels.reason ? { cancellationReason: cancels.reason } : {}) } : {}),
      };
      // Direct-debit customers: payment means 59 with mandate, creditor id and (once collected) the date;
      // an issued invoice names the mandate it was issued under (or none, when the customer paid otherwise then).
      inputs.push({ input: withDirectDebit(input, debitTermsOfInvoice(stored, debit), debit.collected.get(invoice.invoiceRef)), format: chosen });
    }
    if (problems.length > 0) return fail(...problems);
    return ok({ inputs, skipped, issuedAt: run.issuedAt });
  });
  if (!loaded.ok) return loaded;
  // The ZUGFeRD PDF is dated when its run was issued, or now, when this call issues it (the same time).
  const draft = loaded.value.issuedAt === undefined;
  const issuedAt = loaded.value.issuedAt ?? ctx.now();
  // One render per format (the customers of a run may get different ones), files back in invoice order.
  const rendered: { files: EInvoiceFile[]; issues: Issue[] } = { files: [], issues: [] };
  for (const f of EINVOICE_FORMATS) {
    const group = loaded.value.inputs.filter((i) => i.format === f).map((i) => i.input);
    if (group.length === 0) continue;
    const r = await renderEInvoices(group, f, { ...options, issuedAt });
    rendered.files.push(...r.files);
    rendered.issues.push(...r.issues);
  }
  const order = new Map(loaded.value.inputs.map((i, n) => [i.input.invoice.invoiceRef, n]));
  rendered.files.sort((a, b) => order.get(a.invoiceRef)! - order.get(b.invoiceRef)!);
  if (hasErrors(rendered.issues)) return fail(...rendered.issues, issue("billing.einvoice_not_issued", { run: runId }));
  let issuedNow = false;
  // Nothing rendered (every customer gets none): nothing was sent, so nothing is issued.
  if (draft && rendered.files.length > 0) {
    const issued = await ctx.store.write((tx) => issueRun(tx, runId, "einvoice", issuedAt));
    if (!issued.ok) return issued;
    issuedNow = true;
  }
  return ok({ files: rendered.files, issues: rendered.issues, issuedNow, skipped: loaded.value.skipped });
}
