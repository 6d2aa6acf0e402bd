import { InvoiceService, type Logger } from "@e-invoice-eu/core";
import type { EInvoice, EInvoiceFormat } from "../../core/einvoice/model";
import { validateEInvoice } from "../../core/einvoice/validate-einvoice";
import { Issue, Result, fail, hasErrors, issue, ok } from "../../core/issues";
import { PdfFonts, documentTitle, renderInvoicePdf } from "./invoice-pdf";
import { toLibraryInvoice } from "./to-library-invoice";

/** One produced e-invoice file; writing it (or zipping it) is the host's job. */
export interface EInvoiceFile {
  invoiceRef: string;
  format: EInvoiceFormat;
  fileName: string;
  mimeType: "application/xml" | "application/pdf";
  bytes: Uint8Array;
}

/** The @e-invoice-eu/core format name of each of our formats. */
export const LIBRARY_FORMAT: Record<EInvoiceFormat, string> = {
  "xrechnung-cii": "XRECHNUNG-CII",
  "xrechnung-ubl": "XRECHNUNG-UBL",
  zugferd: "Factur-X-EN16931",
};

/** `RE/2026/1` → `RE_2026_1`. */
const safeName = (ref: string): string => ref.replace(/[^A-Za-z0-9._-]+/g, "_");

/** The file name of an e-invoice: `RE-1_xrechnung.xml`, `RE-1_xrechnung-ubl.xml`, `RE-1_zugferd.pdf`. */
export function eInvoiceFileName(invoiceRef: string, format: EInvoiceFormat): string {
  const suffix = format === "xrechnung-cii" ? "_xrechnung.xml" : format === "xrechnung-ubl" ? "_xrechnung-ubl.xml" : "_zugferd.pdf";
  return `${safeName(invoiceRef)}${suffix}`;
}

/** A logger that keeps the library's messages instead of printing them. */
class CollectingLogger implements Logger {
  readonly messages: string[] = [];
  log(m: string): void {
    this.messages.push(m);
  }
  warn(m: string): void {
    this.messages.push(m);
  }
  error(m: string): void {
    this.messages.push(m);
  }
}

/**
 * Renders one e-invoice with @e-invoice-eu/core: XRechnung 3.0 CII (the default), XRechnung 3.0
 * UBL, or ZUGFeRD/Factur-X profile EN 16931 (a PDF/A-3 of the page drawn by `renderInvoicePdf`
 * with the CII XML embedded as factur-x.xml). Our validator (BR-CO, BR-DE) runs first: an invoice
 * that breaks a rule is not rendered. `fonts` is needed for ZUGFeRD only.
 */
export async function generateEInvoice(e: EInvoice, format: EInvoiceFormat, options: { fonts?: PdfFonts } = {}): Promise<Result<EInvoiceFile>> {
  const ruleIssues = validateEInvoice(e);
  if (hasErrors(ruleIssues)) return fail(...ruleIssues);
  const logger = new CollectingLogger();
  const service = new InvoiceService(logger);
  const data = toLibraryInvoice(e, format);
  try {
    let pdf: { buffer: Uint8Array; filename: string; mimetype: string } | undefined;
    if (format === "zugferd") {
      if (!options.fonts) throw new Error("ZUGFeRD needs the PDF fonts (options.fonts)");
      pdf = { buffer: await renderInvoicePdf(e, options.fonts), filename: `${safeName(e.number)}.pdf`, mimetype: "application/pdf" };
    }
    const out = await service.generate(data, { format: LIBRARY_FORMAT[format], lang: "de-de", noWarnings: true, ...(pdf ? { pdf } : {}) });
    const bytes = typeof out === "string" ? new TextEncoder().encode(out) : out;
    return ok({
      invoiceRef: e.number,
      format,
      fileName: eInvoiceFileName(e.number, format),
      mimeType: format === "zugferd" ? "application/pdf" : "application/xml",
      bytes,
    });
  } catch (err) {
    // The library validates its input against its JSON schema and throws on a violation: that is a
    // gap in our mapping, but still reported as a value naming the invoice, never half a file.
    const detail = [(err as Error).message, ...logger.messages].join(" ").slice(0, 2000);
    return fail(issue("einvoice.generator_failed", { invoice: e.number, format, detail }));
  }
}

/** Renders several e-invoices; all issues are collected, files only for the invoices without error. */
export async function generateEInvoices(
  invoices: readonly EInvoice[],
  format: EInvoiceFormat,
  options: { fonts?: PdfFonts } = {},
): Promise<{ files: EInvoiceFile[]; issues: Issue[] }> {
  const files: EInvoiceFile[] = [];
  const issues: Issue[] = [];
  for (const e of invoices) {
    const r = await generateEInvoice(e, format, options);
    if (r.ok) files.push(r.value);
    else issues.push(...r.issues);
  }
  return { files, issues };
}

export { documentTitle };
