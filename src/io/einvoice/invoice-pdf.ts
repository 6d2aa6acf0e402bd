import fontkit from "@cantoo/fontkit";
import { PDFDocument, PDFFont, PDFPage, rgb } from "@cantoo/pdf-lib";
import type { EInvoice, ELine } from "../../core/einvoice/model";
import { Decimal } from "../../core/money/decimal";
import { euro, germanDate, germanNumber } from "../export/documents/invoice-html";

/**
 * The visible A4 page(s) of a ZUGFeRD invoice, drawn from the same e-invoice model as its XML, so
 * page and XML cannot disagree. Our HTML document needs a browser to become a PDF; this draws the
 * same content (supplier, recipient, number, date, customer number, service period, lines with
 * period, VAT per rate, totals, payment, tax ids) with pdf-lib. Amounts are shown with our sign (a
 * cancellation's lines negative, as on its HTML document), even where the XML is a credit note (381)
 * with positive amounts. PDF/A forbids non-embedded fonts, so the fonts are passed in (TrueType bytes,
 * e.g. DejaVu Sans from the npm package dejavu-fonts-ttf: {@link EINVOICE_FONT_MODULES}).
 */

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Module paths of the fonts we ship (`require.resolve` them in Node; import as assets in webpack). */
export const EINVOICE_FONT_MODULES = {
  regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
} as const;

const A4: [number, number] = [595.28, 841.89];
const MM = 72 / 25.4;
const LEFT = 20 * MM;
const RIGHT = A4[0] - 16 * MM;
const TOP = A4[1] - 16 * MM;
const BOTTOM = 22 * MM;
const GREY = rgb(0.33, 0.33, 0.33);
const BLACK = rgb(0.07, 0.07, 0.07);

/** Title of the document as printed. */
export function documentTitle(e: EInvoice): string {
  return e.kind === "cancellation" ? "Stornorechnung" : e.kind === "correction" ? "Rechnungskorrektur" : "Rechnung";
}

interface Ctx {
  doc: PDFDocument;
  page: PDFPage;
  y: number;
  regular: PDFFont;
  bold: PDFFont;
}

/** Draws the invoice; returns the PDF bytes (not yet PDF/A: @e-invoice-eu/core makes it PDF/A-3). */
export async function renderInvoicePdf(e: EInvoice, fonts: PdfFonts): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const title = documentTitle(e);
  doc.setTitle(`${title} ${e.number}`);
  doc.setAuthor(e.seller.name);
  doc.setLanguage("de-DE");
  const ctx: Ctx = { doc, page: doc.addPage(A4), y: TOP, regular, bold };
  const s = e.amountSign;
  const ours = (v: string): string => euro(new Decimal(v).times(s).toFixed(2));

  // supplier, right-aligned
  const sellerLines = [e.seller.address.line1, ...(e.seller.address.line2 ? [e.seller.address.line2] : []), `${e.seller.address.postcode} ${e.seller.address.city}`];
  textRight(ctx, e.seller.name, RIGHT, ctx.y, 14, bold);
  let y = ctx.y - 16;
  for (const l of sellerLines) {
    textRight(ctx, l, RIGHT, y, 9, regular);
    y -= 11;
  }
  textRight(ctx, [`Tel. ${e.seller.contact.phone}`, e.seller.contact.email].join(" · "), RIGHT, y, 8, regular, GREY);

  // recipient (left) and meta data (right)
  y = TOP - 40 * MM;
  const sender = [e.seller.name, ...sellerLines].join(" · ");
  text(ctx, fit(sender, regular, 7, 85 * MM), LEFT, y, 7, regular, GREY);
  let ry = y - 14;
  const b = e.buyer;
  for (const l of [b.name, b.address.line1, ...(b.address.line2 ? [b.address.line2] : []), `${b.address.countryCode === "DE" ? "" : `${b.address.countryCode}-`}${b.address.postcode} ${b.address.city}`]) {
    text(ctx, l, LEFT, ry, 10, regular);
    ry -= 12.5;
  }
  const meta: [string, string][] = [
    [e.kind === "invoice" ? "Rechnungsnummer" : `Nr. der ${title}`, e.number],
    ["Rechnungsdatum", germanDate(e.issueDate)],
    ["Kundennummer", b.id],
    ["Leistungszeitraum", period(e.periodStart, e.periodEnd)],
  ];
  if (e.buyerReference !== b.id) meta.push(["Käuferreferenz", e.buyerReference]);
  if (b.vatId) meta.push(["Ihre USt-IdNr.", b.vatId]);
  let my = y;
  for (const [k, v] of meta) {
    text(ctx, k, RIGHT - 75 * MM, my, 9, regular, GREY);
    textRight(ctx, v, RIGHT, my, 9, regular);
    my -= 12;
  }
  ctx.y = Math.min(ry, my) - 14 * MM;

  text(ctx, title, LEFT, ctx.y, 17, bold);
  ctx.y -= 18;
  for (const n of e.notes) ctx.y = paragraph(ctx, n, 10, regular) - 2;
  ctx.y -= 6;

  drawLines(ctx, e.lines, s);

  // totals
  ensure(ctx, 30 + e.vatBreakdown.length * 24);
  const totals: [string, string, boolean][] = [];
  for (const v of e.vatBreakdown) {
    const label = v.category === "S" ? `${germanNumber(v.rate)} % USt` : v.category === "AE" ? "Reverse Charge" : "steuerfrei";
    totals.push([`Nettobetrag ${label}`, ours(v.taxableAmount), false]);
    if (v.category === "S") totals.push([`Umsatzsteuer ${germanNumber(v.rate)} %`, ours(v.taxAmount), false]);
  }
  totals.push(["Summe netto", ours(e.totals.taxExclusive), false]);
  totals.push(["Summe Umsatzsteuer", ours(e.totals.vat), false]);
  const gross = new Decimal(e.totals.payable).times(s);
  totals.push([gross.isNegative() ? "Gutschriftsbetrag (brutto)" : "Rechnungsbetrag (brutto)", ours(e.totals.payable), true]);
  ctx.y -= 6;
  for (const [k, v, strong] of totals) {
    const f = strong ? bold : regular;
    if (strong) ctx.page.drawLine({ start: { x: RIGHT - 85 * MM, y: ctx.y + 10 }, end: { x: RIGHT, y: ctx.y + 10 }, thickness: 0.8, color: BLACK });
    text(ctx, k, RIGHT - 85 * MM, ctx.y, strong ? 10.5 : 9.5, f);
    textRight(ctx, v, RIGHT, ctx.y, strong ? 10.5 : 9.5, f);
    ctx.y -= strong ? 16 : 12.5;
  }

  // reverse charge, exemptions, payment
  ctx.y -= 8;
  for (const v of e.vatBreakdown) {
    if (v.exemptionReason) ctx.y = paragraph(ctx, v.exemptionReason, 9.5, bold) - 2;
  }
  if (e.paymentTerms) ctx.y = paragraph(ctx, e.paymentTerms, 9.5, regular) - 2;
  if (e.dueDate) ctx.y = paragraph(ctx, `Fällig am ${germanDate(e.dueDate)}.`, 9.5, regular) - 2;
  const p = e.payment;
  const payText =
    p.code === "97"
      ? `Zahlungsart: Verrechnung mit offenen Forderungen. Verwendungszweck: ${e.remittanceInfo}.`
      : p.code === "58" && p.refund
      ? `Erstattung per SEPA-Überweisung auf Ihr Konto: ${p.accountName}, IBAN ${p.iban}. Verwendungszweck: ${e.remittanceInfo}.`
      : p.code === "58"
      ? `Bankverbindung: ${p.accountName}, IBAN ${p.iban}${p.bic ? `, BIC ${p.bic}` : ""}. Verwendungszweck: ${e.remittanceInfo}.`
      : `SEPA-Lastschrift: Mandatsreferenz ${p.mandateRef}, Gläubiger-ID ${p.creditorId}, belastetes Konto IBAN ${p.debtorIban}.`;
  ctx.y = paragraph(ctx, payText, 9.5, regular);

  // footer and page numbers on every page
  const pages = doc.getPages();
  const footer = [
    `${e.seller.name} · ${sellerLines.join(" · ")}`,
    [e.seller.vatId ? `USt-IdNr. ${e.seller.vatId}` : "", e.seller.taxNumber ? `Steuernummer ${e.seller.taxNumber}` : ""].filter(Boolean).join(" · "),
    `Ansprechpartner: ${e.seller.contact.name} · ${e.seller.contact.phone} · ${e.seller.contact.email}`,
    // the company's own footer (e.g. Geschäftsführer, Registergericht, HRB: § 35a GmbHG), as in the XML (BT-33)
    ...(e.seller.legalInfo ? [e.seller.legalInfo] : []),
  ];
  pages.forEach((pg, i) => {
    const c = { ...ctx, page: pg };
    pg.drawLine({ start: { x: LEFT, y: BOTTOM - 4 }, end: { x: RIGHT, y: BOTTOM - 4 }, thickness: 0.5, color: GREY });
    footer.forEach((f, j) => text(c, fit(f, regular, 7, RIGHT - LEFT - 60), LEFT, BOTTOM - 13 - j * 8.5, 7, regular, GREY));
    textRight(c, `Seite ${i + 1} von ${pages.length}`, RIGHT, BOTTOM - 14, 7, regular, GREY);
  });
  return doc.save();
}

const period = (from: string, to: string): string => (from === to ? germanDate(from) : `${germanDate(from)} – ${germanDate(to)}`);

const COLS = { pos: LEFT, item: LEFT + 22, qty: RIGHT - 190, price: RIGHT - 125, vat: RIGHT - 72, net: RIGHT };

function tableHeader(ctx: Ctx): void {
  const y = ctx.y;
  const f = ctx.bold;
  text(ctx, "Pos.", COLS.pos, y, 8.5, f);
  text(ctx, "Leistung", COLS.item, y, 8.5, f);
  textRight(ctx, "Menge", COLS.qty, y, 8.5, f);
  textRight(ctx, "Einzelpreis", COLS.price, y, 8.5, f);
  textRight(ctx, "USt", COLS.vat, y, 8.5, f);
  textRight(ctx, "Netto", COLS.net, y, 8.5, f);
  ctx.page.drawLine({ start: { x: LEFT, y: y - 4 }, end: { x: RIGHT, y: y - 4 }, thickness: 0.8, color: BLACK });
  ctx.y = y - 15;
}

function drawLines(ctx: Ctx, lines: readonly ELine[], sign: 1 | -1): void {
  tableHeader(ctx);
  const itemWidth = COLS.qty - 45 - COLS.item;
  for (const l of lines) {
    const sub = [
      `Art.-Nr. ${l.sellerItemId}${l.itemDescription ? ` · ${l.itemDescription}` : ""}`,
      `Zeitraum ${period(l.periodStart, l.periodEnd)}`,
      ...(l.note ? [l.note] : []),
    ].flatMap((t) => wrap(t, ctx.regular, 7.5, itemWidth));
    const name = wrap(l.itemName, ctx.regular, 9, itemWidth);
    const height = name.length * 11 + sub.length * 9.5 + 6;
    if (ctx.y - height < BOTTOM + 10) {
      newPage(ctx);
      tableHeader(ctx);
    }
    const y = ctx.y;
    text(ctx, l.id, COLS.pos, y, 9, ctx.regular);
    name.forEach((t, i) => text(ctx, t, COLS.item, y - i * 11, 9, ctx.regular));
    sub.forEach((t, i) => text(ctx, t, COLS.item, y - name.length * 11 - i * 9.5 + 1, 7.5, ctx.regular, GREY));
    textRight(ctx, germanNumber(new Decimal(l.quantity).times(sign).toFixed()), COLS.qty, y, 9, ctx.regular);
    textRight(ctx, euro(l.netPrice), COLS.price, y, 9, ctx.regular);
    textRight(ctx, `${germanNumber(l.vatRate)} %`, COLS.vat, y, 9, ctx.regular);
    textRight(ctx, euro(new Decimal(l.netAmount).times(sign).toFixed(2)), COLS.net, y, 9, ctx.regular);
    ctx.y = y - height;
    ctx.page.drawLine({ start: { x: LEFT, y: ctx.y + 8 }, end: { x: RIGHT, y: ctx.y + 8 }, thickness: 0.3, color: rgb(0.73, 0.73, 0.73) });
  }
}

function newPage(ctx: Ctx): void {
  ctx.page = ctx.doc.addPage(A4);
  ctx.y = TOP;
}

function ensure(ctx: Ctx, height: number): void {
  if (ctx.y - height < BOTTOM + 10) newPage(ctx);
}

function paragraph(ctx: Ctx, value: string, size: number, font: PDFFont): number {
  for (const l of wrap(value, font, size, RIGHT - LEFT)) {
    ensure(ctx, size + 4);
    text(ctx, l, LEFT, ctx.y, size, font);
    ctx.y -= size + 3.5;
  }
  return ctx.y;
}

function text(ctx: Ctx, value: string, x: number, y: number, size: number, font: PDFFont, color = BLACK): void {
  ctx.page.drawText(value, { x, y, size, font, color });
}

function textRight(ctx: Ctx, value: string, right: number, y: number, size: number, font: PDFFont, color = BLACK): void {
  ctx.page.drawText(value, { x: right - font.widthOfTextAtSize(value, size), y, size, font, color });
}

/** Greedy word wrap; a word longer than the width is cut. */
function wrap(value: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
    else {
      if (line) out.push(line);
      line = fit(word, font, size, width);
    }
  }
  if (line) out.push(line);
  return out.length > 0 ? out : [""];
}

/** Shortens a text with an ellipsis so that it fits the width. */
function fit(value: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(value, size) <= width) return value;
  let v = value;
  while (v.length > 1 && font.widthOfTextAtSize(`${v}…`, size) > width) v = v.slice(0, -1);
  return `${v}…`;
}
