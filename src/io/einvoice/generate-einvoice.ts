import { pushAll } from "../../core/array";
import type { EInvoiceFormat as LibraryFormat, Logger } from "@e-invoice-eu/core";
import type { EInvoice, EInvoiceFormat, EPrecedingInvoice } from "../../core/einvoice/model";
import { type EInvoiceInput, buildEInvoice } from "../../core/einvoice/build-einvoice";
import { validateEInvoice } from "../../core/einvoice/validate-einvoice";
import { Issue, Result, fail, hasErrors, issue, ok } from "../../core/issues";
import { PdfFonts, documentTitle, renderInvoicePdf } from "./invoice-pdf";
import { toLibraryInvoice } from "./to-library-invoice";
import { eInvoicePdfMetadata, withPdfMetadata } from "./pdf-metadata";

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

/** How an e-invoice is rendered. */
export interface EInvoiceRenderOptions {
  /** The fonts the ZUGFeRD PDF embeds (needed for ZUGFeRD only). */
  fonts?: PdfFonts;
  /**
   * false: skip the library's own JSON-schema check and render through its format service directly
   * (as cancellations are rendered anyway). For the task pane: the check compiles the schema at run
   * time (Ajv, `new Function`), which the add-in's Content Security Policy forbids. Our own EN 16931
   * checks run either way, and test/io/einvoice/render-paths.test.ts shows both paths give the same XML.
   */
  librarySchemaCheck?: boolean;
  /**
   * When the invoices were (or are being) issued, an ISO timestamp: the ZUGFeRD PDF's creation and
   * modification dates (Info and XMP). Without it, the invoice date at midnight UTC. Either way
   * the same invoice gives the same bytes.
   */
  issuedAt?: string;
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
export async function generateEInvoice(e: EInvoice, format: EInvoiceFormat, options: EInvoiceRenderOptions = {}): Promise<Result<EInvoiceFile>> {
  const ruleIssues = validateEInvoice(e);
  if (hasErrors(ruleIssues)) return fail(...ruleIssues);
  // Loaded on first use: the library takes about 0.75 s to load, which every CLI command would pay.
  const { FormatFactoryService, InvoiceService } = await import("@e-invoice-eu/core");
  // The library ships no message catalogues. Bound to an empty one, its gettext runtime no longer looks
  // for ./locale/de-de/… (a 404 in the add-in, a file lookup in Node); its English PDF metadata words are replaced (withPdfMetadata).
  (await import("@esgettext/runtime")).Textdomain.getInstance("e-invoice-eu").bindtextdomain({});
  const logger = new CollectingLogger();
  const service = new InvoiceService(logger);
  const data = toLibraryInvoice(e, format);
  try {
    let pdf: { buffer: Uint8Array; filename: string; mimetype: string } | undefined;
    if (format === "zugferd") {
      if (!options.fonts) throw new Error("ZUGFeRD needs the PDF fonts (options.fonts)");
      pdf = { buffer: await renderInvoicePdf(e, options.fonts), filename: `${safeName(e.number)}.pdf`, mimetype: "application/pdf" };
    }
    const libOptions = { format: LIBRARY_FORMAT[format], lang: "de-de", noWarnings: true, ...(pdf ? { pdf } : {}) };
    let out: string | Uint8Array;
    const direct = options.librarySchemaCheck === false;
    // CII and Factur-X need the library's format service when the invoice has BG-3 or BT-33 (see below).
    const patched = format !== "xrechnung-ubl" && (e.preceding.length > 0 || e.seller.legalInfo !== undefined);
    if (!direct && !patched) out = await service.generate(data, libOptions);
    else {
      // @e-invoice-eu/core 2.3.4 loses BG-3 (preceding invoice) in CII and Factur-X: its CII mapping
      // reads cac:BillingReference/cbc:ID, while its schema (and UBL) nest the number in
      // cac:InvoiceDocumentReference, and it would write the date as udt: instead of qdt:DateTimeString.
      // So the data is checked against the library's schema as it is (rendered as plain CII, output
      // discarded), then rendered by the format service, whose CII tree gets the references before
      // it is serialised (renderXML, public API of the library's format services).
      // Likewise BT-33 (seller additional legal information): its schema and UBL name it
      // cbc:CompanyLegalForm, while its CII mapping to ram:SellerTradeParty/ram:Description reads
      // cbc:LegalForm (which its schema rejects); the checked data gets that name for the mapping.
      // Without the schema check (the pane: see EInvoiceRenderOptions) the same format service renders.
      if (!direct) await service.generate(structuredClone(data), { format: "CII", lang: "de-de", noWarnings: true });
      const factory = new FormatFactoryService();
      const formatter = factory.createFormatService(libOptions.format, logger) as LibraryFormat & { renderXML(tree: object): string };
      const render = formatter.renderXML.bind(formatter);
      if (format !== "xrechnung-ubl" && e.preceding.length > 0) formatter.renderXML = (tree: object): string => render(withPrecedingReferences(tree, e.preceding));
      const copy = format === "xrechnung-ubl" ? structuredClone(data) : withCiiLegalForm(structuredClone(data));
      formatter.fillInvoiceDefaults(copy);
      out = await formatter.generate(copy, { ...libOptions, format: factory.normalizeFormat(libOptions.format) });
    }
    let bytes = typeof out === "string" ? new TextEncoder().encode(out) : out;
    // The library's PDF properties are English, name the seller as title and carry the real clock's time.
    if (format === "zugferd") bytes = await withPdfMetadata(bytes, eInvoicePdfMetadata(e, options.issuedAt));
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

/** The library's data with BT-33 under the name its CII mapping reads (`cbc:LegalForm`, next to `cbc:CompanyLegalForm`). */
function withCiiLegalForm<T>(data: T): T {
  const entity = (data as Record<string, Record<string, Record<string, Record<string, Record<string, unknown>>>>>)["ubl:Invoice"]?.["cac:AccountingSupplierParty"]?.["cac:Party"]?.["cac:PartyLegalEntity"];
  if (entity && entity["cbc:CompanyLegalForm"] !== undefined) entity["cbc:LegalForm"] = entity["cbc:CompanyLegalForm"];
  return data;
}

/**
 * Puts BG-3 into a CII tree as @e-invoice-eu/core builds it (keys in document order, attributes as
 * `name@attr`): ram:InvoiceReferencedDocument right after the header monetary summation, as the
 * CII schema orders it, with the issue date as qdt:DateTimeString in format 102.
 */
function withPrecedingReferences(tree: object, preceding: readonly EPrecedingInvoice[]): object {
  const root = (tree as Record<string, Record<string, Record<string, Record<string, unknown>>>>)["rsm:CrossIndustryInvoice"];
  const transaction = root?.["rsm:SupplyChainTradeTransaction"];
  const settlement = transaction?.["ram:ApplicableHeaderTradeSettlement"];
  if (!transaction || !settlement) return tree;
  const refs = preceding.map((p) => ({
    "ram:IssuerAssignedID": p.number,
    ...(p.issueDate ? { "ram:FormattedIssueDateTime": { "qdt:DateTimeString": p.issueDate.replace(/-/g, ""), "qdt:DateTimeString@format": "102" } } : {}),
  }));
  const rebuilt: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settlement)) {
    if (key === "ram:InvoiceReferencedDocument") continue;
    rebuilt[key] = value;
    if (key === "ram:SpecifiedTradeSettlementHeaderMonetarySummation") rebuilt["ram:InvoiceReferencedDocument"] = refs;
  }
  transaction["ram:ApplicableHeaderTradeSettlement"] = rebuilt;
  return tree;
}

/**
 * Builds and renders the e-invoices of several of our invoices (what `einvoice --run` and the pane's
 * download need): missing master data, rule violations and library rejections are collected for all
 * invoices at once. The host should issue nothing while `issues` has an error (the files of the
 * invoices without error are returned so that a caller can show what would be produced).
 */
export async function renderEInvoices(
  inputs: readonly EInvoiceInput[],
  format: EInvoiceFormat,
  options: EInvoiceRenderOptions = {},
): Promise<{ files: EInvoiceFile[]; issues: Issue[] }> {
  const files: EInvoiceFile[] = [];
  const issues: Issue[] = [];
  for (const input of inputs) {
    const model = buildEInvoice(input);
    if (!model.ok) {
      pushAll(issues, model.issues);
      continue;
    }
    const r = await generateEInvoice(model.value, format, options);
    if (r.ok) files.push(r.value);
    else pushAll(issues, r.issues);
  }
  return { files, issues };
}

/** Renders several e-invoices; all issues are collected, files only for the invoices without error. */
export async function generateEInvoices(
  invoices: readonly EInvoice[],
  format: EInvoiceFormat,
  options: EInvoiceRenderOptions = {},
): Promise<{ files: EInvoiceFile[]; issues: Issue[] }> {
  const files: EInvoiceFile[] = [];
  const issues: Issue[] = [];
  for (const e of invoices) {
    const r = await generateEInvoice(e, format, options);
    if (r.ok) files.push(r.value);
    else pushAll(issues, r.issues);
  }
  return { files, issues };
}

export { documentTitle };
