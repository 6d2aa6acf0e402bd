import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFString } from "@cantoo/pdf-lib";
import type { EInvoice } from "../../core/einvoice/model";
import { germanDate } from "../export/documents/invoice-html";
import { documentTitle } from "./invoice-pdf";

/**
 * The document properties of a ZUGFeRD PDF: the Info dictionary and the XMP metadata say the same
 * (PDF/A-3, ISO 19005-3 6.6.2.3.1: each Info entry equals its XMP property).
 */
export interface PdfMetadata {
  /** Info Title, dc:title: e.g. "Rechnung RE-000001". */
  title: string;
  /** Info Author, dc:creator: the seller. */
  author: string;
  /** Info Subject, dc:description. */
  subject: string;
  /** Info Keywords, pdf:Keywords (joined by ", "). */
  keywords: string[];
  /** Info Creator, xmp:CreatorTool. */
  creator: string;
  /** Info Producer, pdf:Producer. */
  producer: string;
  /** Info CreationDate and ModDate, xmp:CreateDate, ModifyDate, MetadataDate, and the embedded files' dates: an ISO timestamp. */
  date: string;
}

/** What the PDF of an e-invoice says about itself: its title and number, the seller, the issue time. */
export function eInvoicePdfMetadata(e: EInvoice, issuedAt: string | undefined): PdfMetadata {
  const title = documentTitle(e);
  return {
    title: `${title} ${e.number}`,
    author: e.seller.name,
    subject: `${title} ${e.number} vom ${germanDate(e.issueDate)} von ${e.seller.name} an ${e.buyer.name}`,
    keywords: [title, e.number, "E-Rechnung", "ZUGFeRD", "Factur-X"],
    creator: "MSP Billing",
    producer: "MSP Billing (@e-invoice-eu/core, pdf-lib)",
    // Without a time (a preview, a test): the issue date (BT-2) at midnight UTC, so the bytes stay the same.
    date: issuedAt ?? `${e.issueDate}T00:00:00Z`,
  };
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const x = (v: string): string => v.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);

/** `2026-11-23T10:00:00.000Z` → `2026-11-23T10:00:00Z` (XMP date, UTC like the Info dates pdf-lib writes). */
const xmpDate = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

/**
 * The XMP packet of a Factur-X EN 16931 PDF/A-3B: PDF/A identification, Dublin Core, PDF and XMP
 * basic properties (equal to the Info dictionary), the Factur-X extension schema and its values.
 */
function xmp(meta: PdfMetadata, date: Date): string {
  const when = xmpDate(date);
  const property = (name: string, description: string): string =>
    `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${description}</pdfaProperty:description></rdf:li>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" rdf:about=""><pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" rdf:about="">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x(meta.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${x(meta.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x(meta.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:date><rdf:Seq><rdf:li>${when}</rdf:li></rdf:Seq></dc:date>
</rdf:Description>
<rdf:Description xmlns:pdf="http://ns.adobe.com/pdf/1.3/" rdf:about=""><pdf:Producer>${x(meta.producer)}</pdf:Producer><pdf:Keywords>${x(meta.keywords.join(", "))}</pdf:Keywords><pdf:PDFVersion>1.7</pdf:PDFVersion></rdf:Description>
<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" rdf:about=""><xmp:CreatorTool>${x(meta.creator)}</xmp:CreatorTool><xmp:CreateDate>${when}</xmp:CreateDate><xmp:ModifyDate>${when}</xmp:ModifyDate><xmp:MetadataDate>${when}</xmp:MetadataDate></rdf:Description>
<rdf:Description xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" rdf:about="">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>fx</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
${property("DocumentFileName", "The name of the embedded XML document")}
${property("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER")}
${property("Version", "The actual version of the standard applying to the embedded XML document")}
${property("ConformanceLevel", "The conformance level of the embedded XML document")}
</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#" rdf:about=""><fx:DocumentType>INVOICE</fx:DocumentType><fx:DocumentFileName>factur-x.xml</fx:DocumentFileName><fx:Version>1.0</fx:Version><fx:ConformanceLevel>EN 16931</fx:ConformanceLevel></rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * Sets the document properties of a Factur-X PDF/A-3 as @e-invoice-eu/core made it: its Info
 * dictionary (English words, the seller as title prefix, the real clock's time) and its XMP packet
 * (which disagreed with the Info dictionary in title, producer and keywords, and wrote the UTC time
 * with the machine's offset) are replaced by `meta`, and the embedded factur-x.xml gets the same
 * date. Nothing else changes, so the same invoice and time give the same bytes.
 */
export async function withPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const date = new Date(meta.date);
  if (Number.isNaN(date.getTime())) throw new Error(`PDF metadata: not a timestamp: ${meta.date}`);
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords([meta.keywords.join(", ")]);
  doc.setCreator(meta.creator);
  doc.setProducer(meta.producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage("de-DE");
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of("Type")) !== PDFName.of("EmbeddedFile")) continue;
    const params = object.dict.lookup(PDFName.of("Params"));
    if (params instanceof PDFDict) {
      params.set(PDFName.of("CreationDate"), PDFString.fromDate(date));
      params.set(PDFName.of("ModDate"), PDFString.fromDate(date));
    }
  }
  const packet = new TextEncoder().encode(xmp(meta, date));
  const stream = doc.context.stream(packet, { Type: "Metadata", Subtype: "XML", Length: packet.length });
  const ref = doc.catalog.get(PDFName.of("Metadata"));
  if (ref instanceof PDFRef) doc.context.assign(ref, stream);
  else doc.catalog.set(PDFName.of("Metadata"), doc.context.register(stream));
  return doc.save();
}
