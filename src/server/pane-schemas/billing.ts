/** Argument schemas of the pane's billing calls: runs, exports, the invoice lifecycle and e-invoices. */
import { anyObject, args, arrayOf, bool, bytes, decimal, isoDate, isoMonth, noArgs, nonEmpty, obj, oneOfStrings, str, type PaneArgSchemas } from "./common";

const invoice = obj({ invoiceRef: nonEmpty, runId: str, invoiceDate: isoDate, customerNo: str, lines: { type: "array" }, vatTotals: { type: "array" }, grossTotal: decimal }, ["invoiceRef", "customerNo", "lines", "vatTotals"]);
const exportFormat = obj({ kind: oneOfStrings("generic", "de", "datev", "custom"), profileId: str }, ["kind"]);
const eInvoiceFormat = oneOfStrings("xrechnung-cii", "xrechnung-ubl", "zugferd", "customer");

export const BILLING_SCHEMAS: PaneArgSchemas = {
  runBilling: args([["options", obj({ month: isoMonth, invoiceDate: isoDate, dryRun: bool }, ["month"])]]),
  listRuns: noArgs,
  undoRun: args([["runId", nonEmpty]]),
  loadRunInvoices: args([["runId", nonEmpty]]),
  exportInvoiceBatch: args([["invoices", arrayOf(invoice)], ["request", obj({ format: exportFormat, encoding: oneOfStrings("utf-8", "windows-1252"), datev: anyObject, createdAt: str, label: str }, ["format", "createdAt"])]]),
  // The first export or print of a draft run issues it (src/app/export-issuing.ts).
  exportRunIssuing: args([["runId", nonEmpty], ["request", obj({ format: exportFormat, encoding: oneOfStrings("utf-8", "windows-1252"), datev: anyObject, createdAt: str, label: str }, ["format", "createdAt"])]]),
  printRunIssuing: args([["runId", nonEmpty], ["title", str]]),
  exportInvoiceBatchDocument: args([["invoices", arrayOf(invoice)], ["title", str], ["company", obj({ name: str, address: str }, ["name", "address"])]], 2),
  listExportProfiles: noArgs,
  loadCompanyInfo: noArgs,
  loadDatevConfig: noArgs,
  runLifecycle: args([["runId", nonEmpty]]),
  // Every filter optional (none: every invoice); invoice dates from … to inclusive.
  listInvoices: args([["filter", obj({ runId: nonEmpty, customerNo: nonEmpty, from: isoDate, to: isoDate })]], 0),
  finalizeRun: args([["runId", nonEmpty], ["reason", oneOfStrings("finalize", "export", "documents", "einvoice", "cancellation")]], 1),
  cancelInvoice: args([["invoiceRef", nonEmpty], ["options", obj({ date: isoDate, reason: str })]], 1),
  cancelRun: args([["runId", nonEmpty], ["options", obj({ date: isoDate, reason: str })]], 1),
  eInvoicesOfRun: args([["runId", nonEmpty], ["format", eInvoiceFormat], ["options", obj({ fonts: obj({ regular: bytes, bold: bytes }, ["regular", "bold"]), librarySchemaCheck: bool })]], 2),
};
