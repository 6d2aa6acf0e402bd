import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from "@cantoo/pdf-lib";
import { buildEInvoice, type EInvoiceInput } from "../../../src/core/einvoice/build-einvoice";
import type { EInvoice } from "../../../src/core/einvoice/model";
import { generateEInvoice } from "../../../src/io/einvoice/generate-einvoice";
import { CUSTOMER, SELLER, invoice, line, loadFonts, negated } from "../../support/einvoice-fixtures";
import { renderAndCheck } from "../../support/einvoice-check";

/**
 * Found by the tax advisor's review: the ZUGFeRD PDF's document properties were @e-invoice-eu/core's
 * English defaults ("Muster IT Service GmbH: Invoice RE-…", keywords "Invoice Factur-X ZUGFeRD"),
 * dated by the machine's clock, and its XMP disagreed with its Info dictionary (title, producer,
 * keywords: PDF/A-3 wants them equal). Now they name the document and its number in German, the
 * seller as author, and are dated at the issue time; the same invoice gives the same bytes.
 */
const fonts = loadFonts();
const SOEHNE = { ...SELLER, name: "Müller & Söhne IT GmbH" };

function model(input: Partial<EInvoiceInput> & Pick<EInvoiceInput, "invoice">): EInvoice {
  const r = buildEInvoice({ customer: CUSTOMER, seller: SOEHNE, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

async function zugferd(e: EInvoice, issuedAt?: string): Promise<Uint8Array> {
  const r = await generateEInvoice(e, "zugferd", { fonts, ...(issuedAt ? { issuedAt } : {}) });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.bytes;
}

/** A text entry of the Info dictionary (hex UTF-16 or literal). */
function info(doc: PDFDocument, key: string): string | undefined {
  const v = (doc.context.lookup(doc.context.trailerInfo.Info) as PDFDict).lookup(PDFName.of(key));
  return v instanceof PDFHexString || v instanceof PDFString ? v.decodeText() : undefined;
}

/** The XMP packet, UTF-8. */
function xmpOf(doc: PDFDocument): string {
  const stream = doc.catalog.lookup(PDFName.of("Metadata"));
  if (!(stream instanceof PDFRawStream)) throw new Error("no XMP");
  return new TextDecoder().decode(stream.getContents());
}

const unescape = (v: string): string => v.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
const xmpValue = (xmp: string, re: RegExp): string | undefined => {
  const m = xmp.match(re);
  return m ? unescape(m[1]!) : undefined;
};

/** Info `D:20260401081500Z` → `2026-04-01T08:15:00Z`. */
const infoDate = (d: string | undefined): string | undefined => d?.replace(/^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z");

/** Fakes the clock (`new Date()`) only: timers and microtasks run as usual. */
const fakeClock = (now: Date): void =>
  void jest.useFakeTimers({ now, doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "requestAnimationFrame", "cancelAnimationFrame", "requestIdleCallback", "cancelIdleCallback", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"] });

afterEach(() => jest.useRealTimers());

describe("the ZUGFeRD PDF's document properties", () => {
  const inv = invoice(CUSTOMER, [line()], { invoiceRef: "RE-000001" });

  it("name the document and its number in German, the seller as author, dated when issued; XMP equals Info", async () => {
    const doc = await PDFDocument.load(await zugferd(model({ invoice: inv }), "2026-04-01T08:15:00.000Z"), { updateMetadata: false });
    expect(info(doc, "Title")).toBe("Rechnung RE-000001");
    expect(info(doc, "Author")).toBe("Müller & Söhne IT GmbH");
    expect(info(doc, "Subject")).toBe("Rechnung RE-000001 vom 31.03.2026 von Müller & Söhne IT GmbH an Kunde GmbH");
    expect(info(doc, "Keywords")).toBe("Rechnung, RE-000001, E-Rechnung, ZUGFeRD, Factur-X");
    expect(info(doc, "CreationDate")).toBe("D:20260401081500Z");
    expect(info(doc, "ModDate")).toBe("D:20260401081500Z");
    const xmp = xmpOf(doc);
    // PDF/A-3 (ISO 19005-3, 6.6.2.3.1): every Info entry equals its XMP property.
    expect(xmpValue(xmp, /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</)).toBe(info(doc, "Title"));
    expect(xmpValue(xmp, /<dc:creator><rdf:Seq><rdf:li>([^<]*)</)).toBe(info(doc, "Author"));
    expect(xmpValue(xmp, /<dc:description><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</)).toBe(info(doc, "Subject"));
    expect(xmpValue(xmp, /<pdf:Keywords>([^<]*)</)).toBe(info(doc, "Keywords"));
    expect(xmpValue(xmp, /<pdf:Producer>([^<]*)</)).toBe(info(doc, "Producer"));
    expect(xmpValue(xmp, /<xmp:CreatorTool>([^<]*)</)).toBe(info(doc, "Creator"));
    expect(xmpValue(xmp, /<xmp:CreateDate>([^<]*)</)).toBe(infoDate(info(doc, "CreationDate")));
    expect(xmpValue(xmp, /<xmp:ModifyDate>([^<]*)</)).toBe(infoDate(info(doc, "ModDate")));
    expect(xmp).toContain("<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>");
    expect(xmp).toContain("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>");
    expect(xmp).not.toMatch(/Invoice|e-invoice-eu -/);
    // The embedded factur-x.xml carries the same date.
    const files = doc.context.enumerateIndirectObjects().flatMap(([, o]) => (o instanceof PDFRawStream && o.dict.get(PDFName.of("Type")) === PDFName.of("EmbeddedFile") ? [o] : []));
    expect(files).toHaveLength(1);
    const params = files[0]!.dict.lookup(PDFName.of("Params")) as PDFDict;
    expect((params.lookup(PDFName.of("CreationDate")) as PDFString).decodeText()).toBe("D:20260401081500Z");
    expect((params.lookup(PDFName.of("ModDate")) as PDFString).decodeText()).toBe("D:20260401081500Z");
  });

  it("a Stornorechnung is titled so", async () => {
    const storno = invoice(CUSTOMER, negated(inv), { invoiceRef: "RE-000012", invoiceDate: "2026-04-10" });
    const e = model({ invoice: storno, kind: "cancellation", cancels: { number: "RE-000001", issueDate: "2026-03-31" } });
    const doc = await PDFDocument.load(await zugferd(e, "2026-04-10T07:00:00.000Z"), { updateMetadata: false });
    expect(info(doc, "Title")).toBe("Stornorechnung RE-000012");
    expect(info(doc, "Subject")).toBe("Stornorechnung RE-000012 vom 10.04.2026 von Müller & Söhne IT GmbH an Kunde GmbH");
  });

  it("does not depend on the machine's clock: the same invoice and issue time give the same bytes", async () => {
    const e = model({ invoice: inv });
    fakeClock(new Date("2031-05-05T05:05:05Z"));
    const a = await zugferd(e, "2026-04-01T08:15:00.000Z");
    jest.setSystemTime(new Date("2032-06-06T06:06:06Z"));
    const b = await zugferd(e, "2026-04-01T08:15:00.000Z");
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).toString("latin1")).not.toMatch(/203[12]/);
    // Without an issue time (a preview): the invoice date.
    const c = await PDFDocument.load(await zugferd(e), { updateMetadata: false });
    expect(info(c, "CreationDate")).toBe("D:20260331000000Z");
  });

  it("stays a valid Factur-X EN 16931 file (XSD, validator, cents)", async () => {
    const { file } = await renderAndCheck(model({ invoice: inv }), inv, "zugferd");
    expect(Buffer.from(file.bytes).toString("latin1")).toMatch(/%PDF-1\.7/);
  });
});
