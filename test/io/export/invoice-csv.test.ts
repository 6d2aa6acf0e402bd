import type { Invoice } from "../../../src/core/billing/invoice";
import { decodeBytes } from "../../../src/io/table/decode";
import { invoiceCsvBytes, invoiceCsvText } from "../../../src/io/export/invoice-csv";
import { INVOICE_EXPORT_COLUMNS } from "../../../src/io/export/invoice-rows";
import { Book, bill, contract, version } from "../../support/billing-factories";

/** Two runs: a quarter billed in advance, then a retroactive reduction (a credit) and a new customer. */
function invoices(): Invoice[] {
  const book: Book = {
    customers: [
      { no: "10001", name: 'Müller & Söhne "IT", Berlin' },
      { no: "10002", name: "=HYPERLINK(\"http://x\")" },
    ],
    contracts: [contract({ no: "V-1001", customerNo: "10001", interval: "quarterly" })],
    versions: [version({ contractNo: "V-1001", articleNo: "M365-BP", description: "Microsoft 365 Business Premium", quantity: "7", unitPrice: "20.6" })],
    ledger: [],
  };
  bill(book, "2026-01");
  book.contracts.push(contract({ no: "V-2001", customerNo: "10002", start: "2026-02-10" }));
  book.versions.push(
    version({ contractNo: "V-1001", validFrom: "2026-02-11", articleNo: "M365-BP", description: "Microsoft 365 Business Premium", quantity: "6", unitPrice: "20.6" }),
    version({ contractNo: "V-2001", validFrom: "2026-02-10", articleNo: "BOOK", description: "-Handbuch, Band 1\nzweite Zeile", quantity: "1", unitPrice: "12.5", discountPct: "10", vatPct: "7" }),
  );
  return bill(book, "2026-02").invoices;
}

const GENERIC = [
  "invoice_ref,customer_no,customer_name,invoice_date,contract_no,position_no,article_no,description,line_type,service_from,service_to,quantity,unit_price,discount_pct,period_factor,net_amount,vat_pct,corrects_ref",
  'RE-2,10001,"Müller & Söhne ""IT"", Berlin",2026-02-28,V-1001,1,M365-BP,Microsoft 365 Business Premium,difference,2026-02-11,2026-03-31,-1,20.60,0,1.642857,-33.84,19,RE-1',
  "RE-3,10002,\"'=HYPERLINK(\"\"http://x\"\")\",2026-02-28,V-2001,1,BOOK,\"'-Handbuch, Band 1\nzweite Zeile\",recurring,2026-02-10,2026-02-28,1,12.50,10,0.678571,7.63,7,",
  "",
].join("\r\n");

const GERMAN = [
  "Rechnungsnummer;Kundennummer;Kundenname;Rechnungsdatum;Vertragsnummer;Position;Artikelnummer;Beschreibung;Zeilenart;Leistung von;Leistung bis;Menge;Einzelpreis;Rabatt %;Monatsanteil;Nettobetrag;USt %;Korrektur zu",
  'RE-2;10001;"Müller & Söhne ""IT"", Berlin";28.02.2026;V-1001;1;M365-BP;Microsoft 365 Business Premium;Differenz;11.02.2026;31.03.2026;-1;20,60;0;1,642857;-33,84;19;RE-1',
  "RE-3;10002;\"'=HYPERLINK(\"\"http://x\"\")\";28.02.2026;V-2001;1;BOOK;\"'-Handbuch, Band 1\nzweite Zeile\";Laufend;10.02.2026;28.02.2026;1;12,50;10;0,678571;7,63;7;",
  "",
].join("\r\n");

describe("invoice CSV export", () => {
  it("has exactly the columns of PRODUCT.md §6.3", () => {
    expect(INVOICE_EXPORT_COLUMNS.join(", ")).toBe(
      "invoice_ref, customer_no, customer_name, invoice_date, contract_no, position_no, article_no, description, line_type, service_from, service_to, quantity, unit_price, discount_pct, period_factor, net_amount, vat_pct, corrects_ref",
    );
  });

  it("writes the generic CSV (golden)", () => {
    // −1 × 20.60 × (18/28 + 1) = −33.842857… → −33.84 ; 19/28 × 12.50 × 0.9 = 7.633928… → 7.63
    expect(invoiceCsvText(invoices(), "generic")).toBe(GENERIC);
  });

  it("writes a catch-up line as Nachberechnung in the German CSV and as recurring in the generic one", () => {
    const [first, ...rest] = invoices();
    const marked = [{ ...first!, lines: first!.lines.map((l) => ({ ...l, lineType: "recurring" as const, catchUp: true as const })) }, ...rest];
    expect(invoiceCsvText(marked, "de").split("\r\n")[1]).toContain(";Nachberechnung;");
    expect(invoiceCsvText(marked, "generic").split("\r\n")[1]).toContain(",recurring,");
  });

  it("writes the German CSV (golden): German headers and line types", () => {
    expect(invoiceCsvText(invoices(), "de")).toBe(GERMAN);
  });

  it("never neutralises numbers: a credit stays negative", () => {
    expect(invoiceCsvText(invoices())).toContain(",-33.84,");
    expect(invoiceCsvText(invoices(), "de")).toContain(";-33,84;");
  });

  it("encodes UTF-8 (BOM for the German file) and Windows-1252 on request", () => {
    const generic = invoiceCsvBytes(invoices(), "generic").bytes;
    expect([...generic.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const de = invoiceCsvBytes(invoices(), "de");
    expect([...de.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeBytes(de.bytes).text).toBe(GERMAN);
    const ansi = invoiceCsvBytes(invoices(), "de", { encoding: "windows-1252" });
    expect(ansi.issues).toEqual([]);
    expect(decodeBytes(ansi.bytes, "windows-1252").text).toBe(GERMAN);
    expect(ansi.bytes.includes(0xfc)).toBe(true); // ü
  });

  it("reports characters Windows-1252 cannot hold", () => {
    const [first] = invoices();
    const inv = { ...first!, customerName: "Łódź Sp. z o.o. ✓" };
    expect(invoiceCsvBytes([inv], "de", { encoding: "windows-1252" }).issues).toEqual([
      { code: "export.unencodable", severity: "warning", params: { invoice: "RE-2", chars: "Ł ź ✓" } },
    ]);
  });

  it("writes only the header for an empty batch", () => {
    expect(invoiceCsvText([])).toBe(`${INVOICE_EXPORT_COLUMNS.join(",")}\r\n`);
  });
});
