import { type Invoice, type InvoiceLine, documentTitle } from "../../../core/billing/invoice";
import { prorationDaysText } from "../../../core/billing/proration-text";
import { differenceText } from "../../../core/einvoice/difference-text";
import { creditTerms, refundAccount } from "../../../core/einvoice/build-einvoice";
import type { Customer } from "../../../core/contract/model";
import { type IsoDate, germanDate } from "../../../core/date/iso-date";
import { Issue, Result, fail, hasErrors, issue, ok } from "../../../core/issues";
import { messageText } from "../../../core/messages";
import { Decimal, germanNumber, priceText } from "../../../core/money/decimal";
import type { CompanyInfo } from "./company";
import { asIssued, type IssuedParties } from "./issued-parties";

/**
 * Invoice documents for customers who get no invoice from an ERP: one self-contained HTML file per
 * invoice (UTF-8, inline print CSS, no external resource, so it prints or converts to PDF anywhere)
 * with the content § 14 Abs. 4 UStG requires: supplier and recipient with address, the supplier's
 * tax number or VAT id, invoice date and number, quantity and kind of each service, the service
 * period, the net amounts per VAT rate, rate and VAT amount, the gross total. A correction is titled
 * "Rechnungskorrektur" and names the invoices it corrects (§ 17 UStG, research/domain.md C3); a
 * reverse-charge customer gets "Steuerschuldnerschaft des Leistungsempfängers" (§ 14a Abs. 5 UStG)
 * and its VAT id. German only: the invoices are German tax documents.
 */

export interface DocumentContext {
  company: CompanyInfo;
  customers: ReadonlyMap<string, Customer>;
  /** Per invoice number, the parties as issued; they win over `company` and `customers` ({@link asIssued}). */
  issued?: ReadonlyMap<string, IssuedParties>;
  /** Dates of earlier invoices, for "Korrektur zu Rechnung X vom D". */
  invoiceDates?: ReadonlyMap<string, IsoDate>;
  /**
   * Per invoice number, the direct debit pre-notification (`debitNotice` of src/core/sepa): printed
   * in place of the payment terms, since the invoice is not paid by transfer.
   */
  debitNotices?: ReadonlyMap<string, Issue>;
  /** Per invoice number of a credit to a direct-debit customer, its mandate's IBAN (paid out there unless the customer has a refund account). */
  refundIbans?: ReadonlyMap<string, string>;
}

export interface InvoiceDocument {
  invoiceRef: string;
  /** File name: the invoice number with characters unsafe in file names replaced, plus `.html`. */
  fileName: string;
  html: string;
}

export const REVERSE_CHARGE_TEXT = "Steuerschuldnerschaft des Leistungsempfängers";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text for HTML content and attribute values. */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
const lines = (value: string): string => esc(value).replace(/\r?\n/g, "<br>");

export { germanNumber };

/** A money amount: two decimals, German format, with the euro sign (`-1.234,50 €`). */
export function euro(value: string): string {
  return `${germanNumber(new Decimal(value).toFixed(2))}\u00a0€`;
}

export { germanDate };

const period = (from: IsoDate, to: IsoDate): string => (from === to ? germanDate(from) : `${germanDate(from)} – ${germanDate(to)}`);
const percent = (value: string): string => `${germanNumber(value)}\u00a0%`;

/** A file name for the invoice number (`RE/2026/1` → `RE_2026_1.html`). */
export function documentFileName(invoiceRef: string): string {
  return `${invoiceRef.replace(/[^A-Za-z0-9._-]+/g, "_")}.html`;
}

const CSS = `
@page { size: A4; margin: 16mm 16mm 18mm 20mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; font-size: 10pt; line-height: 1.35; color: #111; }
.page { max-width: 174mm; margin: 0 auto; }
.supplier { text-align: right; }
.supplier .name { font-size: 14pt; font-weight: 700; }
.supplier .contact { color: #444; font-size: 8.5pt; }
.head { display: flex; justify-content: space-between; align-items: flex-start; gap: 10mm; margin-top: 12mm; }
.sender-line { font-size: 7.5pt; color: #555; border-bottom: 0.5pt solid #888; padding-bottom: 0.5mm; margin-bottom: 2mm; }
address { font-style: normal; }
.meta { border-collapse: collapse; font-size: 9pt; }
.meta th { text-align: left; font-weight: 400; color: #444; padding: 0.4mm 4mm 0.4mm 0; white-space: nowrap; }
.meta td { text-align: right; padding: 0.4mm 0; white-space: nowrap; }
h1 { font-size: 17pt; margin: 12mm 0 1mm; }
.intro { margin: 0 0 4mm; }
table.lines { width: 100%; border-collapse: collapse; font-size: 9pt; }
table.lines th { text-align: left; font-weight: 600; border-bottom: 1pt solid #111; padding: 1.2mm 1.2mm; vertical-align: bottom; }
table.lines td { border-bottom: 0.5pt solid #bbb; padding: 1.2mm 1.2mm; vertical-align: top; }
table.lines .num, table.totals .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.sub { color: #555; font-size: 8pt; }
.nowrap { white-space: nowrap; }
table.totals { margin: 4mm 0 0 auto; border-collapse: collapse; font-size: 9.5pt; min-width: 85mm; }
table.totals td { padding: 0.8mm 1.2mm; }
table.totals tr.sum td { border-top: 0.5pt solid #888; }
table.totals tr.gross td { border-top: 1pt solid #111; font-weight: 700; font-size: 11pt; }
.notice { margin-top: 6mm; font-weight: 700; }
.terms { margin-top: 4mm; }
footer { margin-top: 14mm; border-top: 0.5pt solid #888; padding-top: 2mm; font-size: 7.5pt; color: #444; display: flex; flex-wrap: wrap; gap: 1mm 8mm; }
tr { break-inside: avoid; }
.page + .page { break-before: page; }
thead { display: table-header-group; }
@media screen {
  body { background: #ececec; }
  .page { max-width: 210mm; background: #fff; margin: 6mm auto; padding: 16mm 16mm 14mm 20mm; box-shadow: 0 0.5mm 3mm rgba(0, 0, 0, 0.2); }
}
`;

// A recurring or difference line is priced per month over its months (day-exact); ticket time per
// hour; clicks, flat fees and consumption per unit, without months: "87,40 €/Monat × 1" on a ticket
// would tell the customer something wrong.
const MONTHLY: ReadonlySet<InvoiceLine["lineType"]> = new Set(["recurring", "difference"]);
const PRICE_UNIT: Record<InvoiceLine["lineType"], string> = { recurring: "/Monat", difference: "/Monat", time: "/Std.", flat_fee: "", click: "", usage: "" };

/** "Vertrag V-1/2"; time, clicks and consumption belong to the contract (position 0) or to none. */
function contractRef(l: InvoiceLine): string {
  if (!l.contractNo) return "";
  return l.positionNo > 0 ? `Vertrag ${l.contractNo}/${l.positionNo}` : `Vertrag ${l.contractNo}`;
}

function lineRow(l: InvoiceLine, invoiceDates: ReadonlyMap<string, IsoDate> | undefined, storno: boolean): string {
  const discount = new Decimal(l.discountPct).isZero() ? "" : `<div class="sub">abzgl. ${esc(percent(l.discountPct))} Rabatt</div>`;
  // A difference line names the change of the monthly net it bills, as its e-invoice line note does
  // (a change of quantity and price together shows as 1 × that change); a Stornorechnung names the
  // cancelled invoice once, above the lines.
  const parts: string[] = [];
  const difference = differenceText(l, storno);
  if (difference) parts.push(esc(difference));
  if (l.correctsRef && !storno) {
    const d = invoiceDates?.get(l.correctsRef);
    parts.push(`Korrektur zu Rechnung <span class="nowrap">${esc(l.correctsRef)}</span>${d ? ` vom <span class="nowrap">${germanDate(d)}</span>` : ""}`);
  }
  const correction = parts.length > 0 ? `<div class="sub">${parts.join(", ")}</div>` : "";
  return `<tr>
<td class="num">${l.lineNo}</td>
<td>${esc(l.description || l.articleNo)}<div class="sub">${[`Art.-Nr. ${l.articleNo}`, contractRef(l)].filter(Boolean).map((t) => `<span class="nowrap">${esc(t)}</span>`).join(" · ")}</div>${discount}${correction}</td>
<td class="num">${esc(period(l.serviceFrom, l.serviceTo))}</td>
<td class="num">${esc(germanNumber(l.quantity) + (l.lineType === "time" ? "\u00a0Std." : ""))}</td>
<td class="num">${esc(`${germanNumber(priceText(l.unitPrice))}\u00a0€${PRICE_UNIT[l.lineType]}`)}</td>
<td class="num">${esc(MONTHLY.has(l.lineType) ? (prorationDaysText(l.serviceFrom, l.serviceTo, l.periodFactor, "de") ?? germanNumber(l.periodFactor)) : "–")}</td>
<td class="num">${esc(percent(l.vatPct))}</td>
<td class="num">${esc(euro(l.netAmount))}</td>
</tr>`;
}

/** The service period of the whole invoice: earliest start to latest end of its lines. */
function invoicePeriod(inv: Invoice): [IsoDate, IsoDate] | null {
  if (inv.lines.length === 0) return null;
  let from = inv.lines[0]!.serviceFrom;
  let to = inv.lines[0]!.serviceTo;
  for (const l of inv.lines) {
    if (l.serviceFrom < from) from = l.serviceFrom;
    if (l.serviceTo > to) to = l.serviceTo;
  }
  return [from, to];
}

/** The supplier and recipient of an invoice: as issued when it was, else from the context's master data. */
function partiesOf(inv: Invoice, context: DocumentContext): { company: CompanyInfo; customer: Customer | undefined } {
  const issued = context.issued?.get(inv.invoiceRef);
  return { company: asIssued(context.company, issued?.seller)!, customer: asIssued(context.customers.get(inv.customerNo), issued?.buyer) };
}

/** The `<main class="page">` of one invoice. */
function invoicePage(inv: Invoice, context: DocumentContext): string {
  const { company, customer } = partiesOf(inv, context);
  const correction = inv.documentType === "correction";
  const title = documentTitle(inv);
  const reverseCharge = customer?.reverseCharge === true;
  const corrected = [...new Set(inv.lines.flatMap((l) => (l.correctsRef ? [l.correctsRef] : [])))];
  const servicePeriod = invoicePeriod(inv);
  const senderLine = [company.name, ...company.address.split(/\r?\n/)].map((s) => s.trim()).filter(Boolean).join(" · ");
  const contact = [company.phone && `Tel. ${company.phone}`, company.email, company.web].filter(Boolean) as string[];

  const meta: [string, string][] = [
    [title === "Rechnung" ? "Rechnungsnummer" : `Nr. der ${title}`, inv.invoiceRef],
    ["Rechnungsdatum", germanDate(inv.invoiceDate)],
    ["Kundennummer", inv.customerNo],
  ];
  if (servicePeriod) meta.push(["Leistungszeitraum", period(servicePeriod[0], servicePeriod[1])]);
  if (customer?.vatId) meta.push(["Ihre USt-IdNr.", customer.vatId]);

  const intro = inv.cancels
    ? `Wir stornieren die Rechnung <span class="nowrap">${esc(inv.cancels.number)}</span> vom <span class="nowrap">${germanDate(inv.cancels.issueDate)}</span> vollständig${inv.cancels.reason ? ` (Grund: ${esc(inv.cancels.reason)})` : ""}:`
    : correction
    ? `Wir korrigieren ${corrected.length === 1 ? "die Rechnung" : "die Rechnungen"} ${corrected
        .map((r) => {
          const d = context.invoiceDates?.get(r);
          return `<span class="nowrap">${esc(r)}</span>${d ? ` vom <span class="nowrap">${germanDate(d)}</span>` : ""}`;
        })
        .join(", ")} wie folgt:`
    : "Wir berechnen Ihnen die folgenden Leistungen:";

  const totals: string[] = [];
  for (const t of inv.vatTotals) {
    totals.push(`<tr><td>Nettobetrag ${esc(percent(t.vatPct))} USt</td><td class="num">${esc(euro(t.net))}</td></tr>`);
    totals.push(`<tr><td>Umsatzsteuer ${esc(percent(t.vatPct))}</td><td class="num">${esc(euro(t.vat))}</td></tr>`);
  }
  totals.push(`<tr class="sum"><td>Summe netto</td><td class="num">${esc(euro(inv.netTotal))}</td></tr>`);
  totals.push(`<tr><td>Summe Umsatzsteuer</td><td class="num">${esc(euro(inv.vatTotal))}</td></tr>`);
  const negative = new Decimal(inv.grossTotal).isNegative();
  totals.push(`<tr class="gross"><td>${negative ? "Gutschriftsbetrag (brutto)" : "Rechnungsbetrag (brutto)"}</td><td class="num">${esc(euro(inv.grossTotal))}</td></tr>`);

  const footer = [
    `<div>${lines(company.name)}<br>${lines(company.address)}</div>`,
    `<div>${company.taxNumber ? `Steuernummer ${esc(company.taxNumber)}<br>` : ""}${company.vatId ? `USt-IdNr. ${esc(company.vatId)}` : ""}</div>`,
    company.iban ? `<div>${company.bankName ? `${esc(company.bankName)}<br>` : ""}IBAN ${esc(company.iban)}${company.bic ? `<br>BIC ${esc(company.bic)}` : ""}</div>` : "",
    company.footer ? `<div>${lines(company.footer)}</div>` : "",
  ].filter(Boolean);

  const notice = negative ? undefined : context.debitNotices?.get(inv.invoiceRef);
  // A credit is paid out to the customer's refund account, else a direct-debit customer's mandate account, else set off: as its e-invoice says.
  const refundIban = refundAccount(customer, context.refundIbans?.get(inv.invoiceRef));
  const terms = negative ? creditTerms(refundIban) : notice ? messageText(notice, "de") : (company.paymentTerms ?? "");

  return `<main class="page">
<header class="supplier">
<div class="name">${esc(company.name)}</div>
<div>${lines(company.address)}</div>
${contact.length > 0 ? `<div class="contact">${contact.map(esc).join(" · ")}</div>` : ""}
</header>
<section class="head">
<div class="recipient">
<div class="sender-line">${esc(senderLine)}</div>
<address>${esc(inv.customerName)}${customerAddress(customer) ? `<br>${lines(customerAddress(customer)!)}` : ""}</address>
</div>
<table class="meta">
${meta.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("\n")}
</table>
</section>
<h1>${esc(title)}</h1>
<p class="intro">${intro}</p>
<table class="lines">
<thead><tr><th class="num">Pos.</th><th>Leistung</th><th class="num">Zeitraum</th><th class="num">Menge</th><th class="num">Preis</th><th class="num">Monate</th><th class="num">USt</th><th class="num">Netto</th></tr></thead>
<tbody>
${inv.lines.map((l) => lineRow(l, context.invoiceDates, inv.cancels !== undefined)).join("\n")}
</tbody>
</table>
<table class="totals">
${totals.join("\n")}
</table>
${reverseCharge ? `<p class="notice">${REVERSE_CHARGE_TEXT}.</p>` : ""}
${terms ? `<p class="${notice ? "terms debit-notice" : "terms"}">${esc(terms)}</p>` : ""}
<footer>
${footer.join("\n")}
</footer>
</main>`;
}

/** The customer's address text: the multi-line `address`, else the structured parts (e-invoice columns). */
function customerAddress(c: Customer | undefined): string | undefined {
  if (!c) return undefined;
  if (c.address) return c.address;
  if (c.street && c.postcode && c.city) return `${c.street}\n${c.countryCode && c.countryCode !== "DE" ? `${c.countryCode}-` : ""}${c.postcode} ${c.city}`;
  return undefined;
}

/** The title of an invoice's page (`Rechnung RE-1 – Kunde`). */
function pageTitle(inv: Invoice): string {
  return `${documentTitle(inv)} ${inv.invoiceRef} – ${inv.customerName}`;
}

/** A self-contained HTML page around one or more invoice pages. */
function htmlPage(title: string, pages: readonly string[]): string {
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${pages.join("\n")}
</body>
</html>
`;
}

/** One invoice as a self-contained HTML document (see the module comment for its content). */
export function invoiceHtml(inv: Invoice, context: DocumentContext): string {
  return htmlPage(pageTitle(inv), [invoicePage(inv, context)]);
}

/**
 * The checks before any document is produced. Errors: a reverse-charge customer whose invoice charges
 * VAT — the document would state VAT and that the recipient owes it at once; a customer without
 * address on an invoice over 250 € gross (§ 14 Abs. 4 Nr. 1 UStG wants the full address; only a
 * Kleinbetragsrechnung up to 250 €, § 33 UStDV, may leave it out). Warnings: a customer without
 * address on a smaller invoice, a reverse-charge customer without VAT
 * id, a 0 % rate on an invoice without reverse charge (the reason for the exemption must be stated:
 * add it to the position text).
 */
function documentIssues(invoices: readonly Invoice[], context: DocumentContext): Issue[] {
  const issues: Issue[] = [];
  for (const inv of invoices) {
    const { customer } = partiesOf(inv, context);
    // Only a Kleinbetragsrechnung (gross up to 250 €, § 33 UStDV) may leave out the recipient's address.
    if (!customerAddress(customer)) {
      if (new Decimal(inv.grossTotal).abs().greaterThan(SMALL_INVOICE_LIMIT)) issues.push(issue("document.customer_address_required", { invoice: inv.invoiceRef, customer: inv.customerNo, gross: inv.grossTotal }));
      else issues.push(issue("document.no_customer_address", { invoice: inv.invoiceRef, customer: inv.customerNo }, undefined, "warning"));
    }
    const vatCharged = inv.vatTotals.some((t) => !new Decimal(t.vat).isZero());
    if (customer?.reverseCharge) {
      if (vatCharged) issues.push(issue("document.reverse_charge_with_vat", { invoice: inv.invoiceRef, customer: inv.customerNo }));
      if (!customer.vatId) issues.push(issue("document.reverse_charge_without_vat_id", { invoice: inv.invoiceRef, customer: inv.customerNo }, undefined, "warning"));
    } else if (inv.vatTotals.some((t) => new Decimal(t.vatPct).isZero())) {
      issues.push(issue("document.zero_rate_without_reason", { invoice: inv.invoiceRef, customer: inv.customerNo }, undefined, "warning"));
    }
  }
  return issues;
}

/** The gross amount up to which an invoice may leave out the recipient (Kleinbetragsrechnung, § 33 UStDV). */
const SMALL_INVOICE_LIMIT = 250;

/** One HTML document per invoice; no document at all when a check fails (see `documentIssues`). */
export function invoiceDocuments(invoices: readonly Invoice[], context: DocumentContext): Result<{ documents: InvoiceDocument[]; issues: Issue[] }> {
  const issues = documentIssues(invoices, context);
  if (hasErrors(issues)) return fail(...issues);
  const names = new Set<string>();
  const documents = invoices.map((inv) => {
    let fileName = documentFileName(inv.invoiceRef);
    for (let n = 2; names.has(fileName); n++) fileName = documentFileName(`${inv.invoiceRef}-${n}`);
    names.add(fileName);
    return { invoiceRef: inv.invoiceRef, fileName, html: invoiceHtml(inv, context) };
  });
  return ok({ documents, issues });
}

/**
 * All invoices in one HTML document, one A4 page break before each invoice, to print (or print to
 * PDF) in one go — what the task pane offers, since a browser cannot save hundreds of files at once.
 * Same checks and content as `invoiceDocuments`.
 */
export function invoiceBatchDocument(invoices: readonly Invoice[], context: DocumentContext, title: string): Result<{ html: string; issues: Issue[] }> {
  const issues = documentIssues(invoices, context);
  if (hasErrors(issues)) return fail(...issues);
  return ok({ html: htmlPage(title, invoices.map((inv) => invoicePage(inv, context))), issues });
}
