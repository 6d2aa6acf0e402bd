import { readFileSync } from "node:fs";
import { Invoice, InvoiceLine, buildInvoice } from "../../src/core/billing/invoice";
import type { Customer } from "../../src/core/contract/model";
import type { SellerSettings } from "../../src/core/einvoice/parties";
import { EINVOICE_FONT_MODULES, type PdfFonts } from "../../src/io/einvoice/invoice-pdf";

/** Our company: the shape of the invoice documents' company settings, plus the e-invoice fields. */
export const SELLER: SellerSettings = {
  name: "Muster IT Service GmbH",
  address: "Musterstraße 1\n10115 Berlin",
  vatId: "DE123456789",
  taxNumber: "30/123/45678",
  contactName: "Buchhaltung, Erika Muster",
  phone: "+49 30 1234567",
  email: "rechnung@muster-it.de",
  iban: "DE02120300000000202051",
  bic: "BYLADEM1001",
  creditorId: "DE98ZZZ09999999999",
  paymentTerms: "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
};

export const CUSTOMER: Customer = {
  no: "K-1",
  name: "Kunde GmbH",
  street: "Kundenweg 5",
  postcode: "20095",
  city: "Hamburg",
  email: "eingang@kunde.de",
};

export const RC_CUSTOMER: Customer = {
  no: "K-AT",
  name: "Wiener Kunde GmbH",
  address: "Ringstraße 3\n1010 Wien",
  vatId: "ATU12345678",
  reverseCharge: true,
  email: "rechnungen@wiener-kunde.at",
};

export const DEBIT_CUSTOMER: Customer = {
  no: "K-2",
  name: "Lastschrift AG",
  address: "Bahnhofstr. 9\n80335 München",
  email: "ap@lastschrift.de",
  paymentMeans: "direct_debit",
  sepaMandateRef: "MANDAT-K2-001",
  sepaDebtorIban: "DE89 3704 0044 0532 0130 00",
};

export const PUBLIC_CUSTOMER: Customer = {
  no: "K-3",
  name: "Stadt Musterhausen",
  street: "Rathausplatz 1",
  postcode: "12345",
  city: "Musterhausen",
  buyerReference: "991-12345-67",
};

let lineNo = 0;
/** An invoice line with defaults (one licence, a full month, 19 %). */
export function line(over: Partial<InvoiceLine> = {}): InvoiceLine {
  lineNo += 1;
  return {
    lineNo,
    lineType: "recurring",
    contractNo: "V-1",
    positionNo: 1,
    articleNo: "M365-BP",
    description: "Microsoft 365 Business Premium",
    serviceFrom: "2026-03-01",
    serviceTo: "2026-03-31",
    quantity: "1",
    unitPrice: "20",
    discountPct: "0",
    periodFactor: "1",
    netAmount: "20.00",
    exactAmount: "20",
    vatPct: "19",
    ...over,
  };
}

/** An invoice of the given lines (renumbered 1…n), totals computed by our billing code. */
export function invoice(customer: Customer, lines: InvoiceLine[], over: { invoiceRef?: string; invoiceDate?: string } = {}): Invoice {
  return buildInvoice(
    { invoiceRef: over.invoiceRef ?? "RE-2026-0001", runId: "run-1", invoiceDate: over.invoiceDate ?? "2026-03-31", customer },
    lines.map((l, i) => ({ ...l, lineNo: i + 1 })),
  );
}

/** The negated lines of an invoice: what a cancellation (Stornorechnung) bills. */
export function negated(inv: Invoice): InvoiceLine[] {
  const neg = (v: string): string => (v.startsWith("-") ? v.slice(1) : v === "0" || /^0(\.0+)?$/.test(v) ? v : `-${v}`);
  return inv.lines.map((l) => ({ ...l, quantity: neg(l.quantity), netAmount: neg(l.netAmount), exactAmount: neg(l.exactAmount) }));
}

/** DejaVu Sans from the npm package, as the CLI would load it. */
export function loadFonts(): PdfFonts {
  return {
    regular: new Uint8Array(readFileSync(require.resolve(EINVOICE_FONT_MODULES.regular))),
    bold: new Uint8Array(readFileSync(require.resolve(EINVOICE_FONT_MODULES.bold))),
  };
}
