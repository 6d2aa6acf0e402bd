import { inflateSync } from "node:zlib";
import { PDFDocument, PDFRawStream } from "@cantoo/pdf-lib";
import { buildEInvoice } from "../../../src/core/einvoice/build-einvoice";
import { renderInvoicePdf } from "../../../src/io/einvoice/invoice-pdf";
import { CUSTOMER, SELLER, invoice, line, loadFonts } from "../../support/einvoice-fixtures";

/** The bytes of a PDF stream, inflated when Flate-encoded. */
function streamText(s: PDFRawStream): string {
  const bytes = s.getContents();
  try {
    return Buffer.from(inflateSync(bytes)).toString("latin1");
  } catch {
    return Buffer.from(bytes).toString("latin1");
  }
}

/** The text drawn on the pages, decoded through each embedded font's ToUnicode map (fonts are Identity-H subsets). */
async function pdfTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const streams = doc.context.enumerateIndirectObjects().flatMap(([, o]) => (o instanceof PDFRawStream ? [streamText(o)] : []));
  const cmaps = streams.filter((t) => t.includes("beginbfrange") || t.includes("beginbfchar")).map((t) => {
    const map = new Map<string, string>();
    const uni = (hex: string): string => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
    for (const [, body] of t.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, code, u] of body!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(code!.toUpperCase(), uni(u!));
    }
    for (const [, body] of t.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, u] of body!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        for (let c = parseInt(lo!, 16), k = 0; c <= parseInt(hi!, 16); c++, k++) map.set(c.toString(16).toUpperCase().padStart(lo!.length, "0"), String.fromCodePoint(parseInt(u!, 16) + k));
      }
    }
    return map;
  });
  const shown = streams.flatMap((t) => [...t.matchAll(/<([0-9a-fA-F]*)>\s*Tj/g)].map((m) => m[1]!.toUpperCase()));
  return shown.flatMap((hex) => cmaps.map((m) => (hex.match(/.{4}/g) ?? []).map((g) => m.get(g) ?? "?").join("")));
}

/**
 * Found by the CLI walk: the ZUGFeRD page (what the customer gets) left out the company's footer
 * (Geschäftsführer, Registergericht, HRB — the Pflichtangaben of § 35a GmbHG on business letters),
 * which the HTML invoice documents print. It is printed now in the page footer, its lines joined.
 */
it("the ZUGFeRD page prints the company footer", async () => {
  const seller = { ...SELLER, footer: "Geschäftsführer: Max Muster\nAmtsgericht Charlottenburg, HRB 12345 B" };
  const model = buildEInvoice({ invoice: invoice(CUSTOMER, [line()]), customer: CUSTOMER, seller });
  if (!model.ok) throw new Error(JSON.stringify(model.issues));
  expect(model.value.seller.legalInfo).toBe("Geschäftsführer: Max Muster · Amtsgericht Charlottenburg, HRB 12345 B");
  const texts = await pdfTexts(await renderInvoicePdf(model.value, loadFonts()));
  // the decoding works: the page's other footer lines are there
  expect(texts).toContain("USt-IdNr. DE123456789 · Steuernummer 30/123/45678");
  expect(texts).toContain("Geschäftsführer: Max Muster · Amtsgericht Charlottenburg, HRB 12345 B");

  const without = buildEInvoice({ invoice: invoice(CUSTOMER, [line()]), customer: CUSTOMER, seller: SELLER });
  if (!without.ok) throw new Error(JSON.stringify(without.issues));
  expect(without.value.seller.legalInfo).toBeUndefined();
});
