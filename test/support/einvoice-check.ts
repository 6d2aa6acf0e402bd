import Papa from "papaparse";
import { PDFDocument } from "@cantoo/pdf-lib";
import type { Invoice } from "../../src/core/billing/invoice";
import type { EInvoice, EInvoiceFormat } from "../../src/core/einvoice/model";
import { validateEInvoice } from "../../src/core/einvoice/validate-einvoice";
import { Decimal, HUNDRED, ZERO, roundCents } from "../../src/core/money/decimal";
import { invoiceCsvText } from "../../src/io/export/invoice-csv";
import { EInvoiceFile, generateEInvoice } from "../../src/io/einvoice/generate-einvoice";
import { parseEInvoiceXml } from "./einvoice-xml";
import { loadFonts } from "./einvoice-fixtures";
import { checkWellFormed, validateAgainstCiiD16B, validateAgainstFacturX } from "./xml-schema";

const fonts = loadFonts();

/** The XML of a produced file: the file itself, or the factur-x.xml embedded in the ZUGFeRD PDF. */
export async function xmlOf(file: EInvoiceFile): Promise<string> {
  if (file.mimeType === "application/xml") return new TextDecoder().decode(file.bytes);
  const pdf = await PDFDocument.load(file.bytes);
  const attachment = pdf.getAttachments().find((a) => a.name === "factur-x.xml");
  if (!attachment) throw new Error(`${file.fileName}: no factur-x.xml embedded`);
  return new TextDecoder().decode(attachment.data);
}

/** Figures from our invoice CSV (generic format): net per VAT rate and, by §5.2, VAT per rate. */
export function csvFigures(inv: Invoice): { perRate: Map<string, { net: Decimal; vat: Decimal }>; net: Decimal; vat: Decimal } {
  const parsed = Papa.parse<Record<string, string>>(invoiceCsvText([inv], "generic"), { header: true, skipEmptyLines: true });
  const perRate = new Map<string, { net: Decimal; vat: Decimal }>();
  for (const row of parsed.data) {
    const rate = new Decimal(row.vat_pct!).toFixed();
    const cur = perRate.get(rate) ?? { net: ZERO, vat: ZERO };
    cur.net = cur.net.plus(row.net_amount!);
    perRate.set(rate, cur);
  }
  let net = ZERO;
  let vat = ZERO;
  for (const [rate, v] of perRate) {
    v.vat = roundCents(v.net.times(rate).dividedBy(HUNDRED));
    net = net.plus(v.net);
    vat = vat.plus(v.vat);
  }
  return { perRate, net, vat };
}

export interface CheckedFile {
  file: EInvoiceFile;
  xml: string;
  parsed: EInvoice;
  schema: string;
}

/**
 * Renders one format and runs every check we have on what was written: the XSD (UN/CEFACT CII D16B,
 * Factur-X EN16931 and EXTENDED for CII; well-formedness for UBL), our BR-CO/BR-DE validator on the XML read back,
 * and its totals against the invoice CSV to the cent (times the document's sign).
 */
export async function renderAndCheck(model: EInvoice, inv: Invoice, format: EInvoiceFormat): Promise<CheckedFile> {
  const r = await generateEInvoice(model, format, { fonts });
  if (!r.ok) throw new Error(`${format}: ${JSON.stringify(r.issues)}`);
  const xml = await xmlOf(r.value);
  let schema: string;
  if (format === "xrechnung-ubl") {
    const wf = await checkWellFormed(xml);
    expect(wf.errors).toEqual([]);
    schema = "well-formed (no UBL 2.1 XSD available)";
  } else {
    const en = await validateAgainstFacturX(xml, "EN16931");
    expect(en.errors).toEqual([]);
    const ext = await validateAgainstFacturX(xml, "EXTENDED");
    expect(ext.errors).toEqual([]);
    const d16b = await validateAgainstCiiD16B(xml);
    expect(d16b.errors).toEqual([]);
    schema = "UN/CEFACT CII D16B + Factur-X 1.07.3 EN16931 + EXTENDED XSD";
  }
  const parsed = parseEInvoiceXml(xml);
  expect(validateEInvoice(parsed)).toEqual([]);
  const csv = csvFigures(inv);
  const s = parsed.typeCode === "381" ? -1 : 1;
  const cents = (d: Decimal): string => roundCents(d.times(s)).toFixed(2).replace(/^-0\.00$/, "0.00");
  expect(parsed.totals.lineNet).toBe(cents(csv.net));
  expect(parsed.totals.taxExclusive).toBe(cents(csv.net));
  expect(parsed.totals.vat).toBe(cents(csv.vat));
  expect(parsed.totals.payable).toBe(cents(csv.net.plus(csv.vat)));
  const xmlRates = new Map(parsed.vatBreakdown.map((b) => [new Decimal(b.rate).toFixed(), b]));
  expect([...xmlRates.keys()].sort()).toEqual([...csv.perRate.keys()].sort());
  for (const [rate, v] of csv.perRate) {
    expect(xmlRates.get(rate)!.taxableAmount).toBe(cents(v.net));
    expect(xmlRates.get(rate)!.taxAmount).toBe(cents(v.vat));
  }
  const lineSum = parsed.lines.reduce((a, l) => a.plus(l.netAmount), ZERO);
  expect(lineSum.toFixed(2)).toBe(parsed.totals.lineNet);
  return { file: r.value, xml, parsed, schema };
}

/**
 * No package ships the UBL 2.1 XSDs, so UBL is held to the CII rendering that passed its XSDs: read
 * back, both must say the same thing business term for business term (what parseEInvoiceXml reads:
 * parties, references, dates, periods, lines, VAT breakdown, totals, payment).
 */
export async function expectUblSaysWhatCiiSays(model: EInvoice, inv: Invoice): Promise<void> {
  const cii = await renderAndCheck(model, inv, "xrechnung-cii");
  const ubl = await renderAndCheck(model, inv, "xrechnung-ubl");
  expect(ubl.parsed).toEqual(cii.parsed);
}
