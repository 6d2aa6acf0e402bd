import { PDFDict, PDFDocument, PDFName } from "@cantoo/pdf-lib";
import { buildEInvoice, type EInvoiceInput } from "../../src/core/einvoice/build-einvoice";
import type { EInvoice, EInvoiceFormat } from "../../src/core/einvoice/model";
import { CUSTOMER, DEBIT_CUSTOMER, PUBLIC_CUSTOMER, RC_CUSTOMER, SELLER, invoice, line, negated } from "../support/einvoice-fixtures";
import { expectUblSaysWhatCiiSays, renderAndCheck } from "../support/einvoice-check";

/**
 * E-invoice scenarios with exact cents: each invoice is rendered as XRechnung CII, XRechnung UBL and
 * ZUGFeRD EN 16931; every file is checked against the XSD (CII) or for well-formedness (UBL), read
 * back, run through our BR-CO/BR-DE validator and compared with the invoice CSV to the cent; the UBL
 * read back must equal the schema-validated CII read back.
 */
const FORMATS: EInvoiceFormat[] = ["xrechnung-cii", "xrechnung-ubl", "zugferd"];

function model(input: EInvoiceInput): EInvoice {
  const r = buildEInvoice(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

// 5 × 20.00 − 10 % = 90.00; 3 × 15.00 for 15 of 31 days = 21.774… → 21.77; 2 × 12.35 at 7 % = 24.70
const TWO_RATES = invoice(CUSTOMER, [
  line({ quantity: "5", unitPrice: "20", discountPct: "10", netAmount: "90.00", exactAmount: "90" }),
  line({ positionNo: 2, articleNo: "BACKUP", description: "Cloud-Backup 100 GB", quantity: "3", unitPrice: "15", periodFactor: "0.483871", serviceFrom: "2026-03-17", netAmount: "21.77", exactAmount: "21.774193548387096774" }),
  line({ positionNo: 3, articleNo: "BOOK", description: "Handbuch (7 %)", quantity: "2", unitPrice: "12.35", vatPct: "7", netAmount: "24.70", exactAmount: "24.7" }),
]);

describe("invoice with two VAT rates, SEPA credit transfer", () => {
  const e = model({ invoice: TWO_RATES, customer: CUSTOMER, seller: SELLER });

  it("has the figures of §5.2 to the cent: VAT per rate on the summed line nets", () => {
    expect(TWO_RATES).toMatchObject({ netTotal: "136.47", vatTotal: "22.97", grossTotal: "159.44" });
    expect(e.typeCode).toBe("380");
    expect(e.vatBreakdown).toEqual([
      { category: "S", rate: "19", taxableAmount: "111.77", taxAmount: "21.24" }, // 21.2363
      { category: "S", rate: "7", taxableAmount: "24.70", taxAmount: "1.73" }, // 1.729
    ]);
    expect(e.totals).toMatchObject({ lineNet: "136.47", taxExclusive: "136.47", vat: "22.97", taxInclusive: "159.44", payable: "159.44" });
    expect(e.payment).toEqual({ code: "58", iban: "DE02120300000000202051", accountName: "Muster IT Service GmbH", bic: "BYLADEM1001" });
    expect(e.buyerReference).toBe("K-1");
  });

  it("shows quantity × price where it gives the net, else one unit with the details in the note", () => {
    expect(e.lines[0]).toMatchObject({ quantity: "5", netPrice: "18.00", grossPrice: "20.00", priceDiscount: "2.00", netAmount: "90.00", periodStart: "2026-03-01", periodEnd: "2026-03-31" });
    expect(e.lines[1]).toMatchObject({ quantity: "1", netPrice: "21.77", netAmount: "21.77", periodStart: "2026-03-17", note: "Menge 3 × 15,00 EUR/Monat × 15 von 31 Tagen" });
    expect(e.lines[2]).toMatchObject({ quantity: "2", netPrice: "12.35", netAmount: "24.70", vatRate: "7" });
  });

  it("UBL says what the schema-validated CII says", () => expectUblSaysWhatCiiSays(e, TWO_RATES));

  it.each(FORMATS)("%s validates and equals the CSV to the cent", async (format) => {
    const { parsed } = await renderAndCheck(e, TWO_RATES, format);
    expect(parsed.typeCode).toBe("380");
    expect(parsed.totals.payable).toBe("159.44");
    expect(parsed.lines.map((l) => [l.periodStart, l.periodEnd])).toEqual([["2026-03-01", "2026-03-31"], ["2026-03-17", "2026-03-31"], ["2026-03-01", "2026-03-31"]]);
    expect(parsed.buyerReference).toBe("K-1");
    expect(parsed.lines[1]!.note).toBe("Menge 3 × 15,00 EUR/Monat × 15 von 31 Tagen");
    expect(parsed.lines[0]).toMatchObject({ quantity: "5", netPrice: "18.00", netAmount: "90.00" });
    expect(parsed.seller.contact).toEqual({ name: "Buchhaltung, Erika Muster", phone: "+49 30 1234567", email: "rechnung@muster-it.de" });
    expect(parsed.seller).toMatchObject({ vatId: "DE123456789", taxNumber: "30/123/45678" });
    if (parsed.payment.code !== "58") throw new Error("credit transfer expected");
    expect(parsed.payment.iban).toBe("DE02120300000000202051");
  });

  it("ZUGFeRD is a PDF/A-3 with factur-x.xml and embedded fonts", async () => {
    const { file } = await renderAndCheck(e, TWO_RATES, "zugferd");
    const text = Buffer.from(file.bytes).toString("latin1");
    expect(text).toMatch(/pdfaid:part>3<|pdfaid:part="3"/);
    expect(text).toContain("urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#");
    expect(text).toMatch(/<fx:ConformanceLevel>EN 16931<\/fx:ConformanceLevel>/);
    const pdf = await PDFDocument.load(file.bytes);
    // PDF/A: every font embedded (the font dictionaries may sit in compressed object streams)
    const fontFiles = pdf.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFDict && o.has(PDFName.of("FontFile2")));
    expect(fontFiles.length).toBe(2);
    expect(pdf.getPageCount()).toBe(1);
    expect(file.fileName).toBe("RE-2026-0001_zugferd.pdf");
  });
});

describe("reverse-charge invoice to an Austrian business", () => {
  const inv = invoice(RC_CUSTOMER, [line({ quantity: "10", unitPrice: "8.5", netAmount: "85.00", exactAmount: "85", vatPct: "0" })], { invoiceRef: "RE-2026-0002" });
  const e = model({ invoice: inv, customer: RC_CUSTOMER, seller: SELLER });

  it("is category AE with 0 VAT, both VAT ids, the buyer's country from its VAT id and the §13b note", () => {
    expect(e.vatBreakdown).toEqual([{ category: "AE", rate: "0", taxableAmount: "85.00", taxAmount: "0.00", exemptionReason: "Steuerschuldnerschaft des Leistungsempfängers", exemptionReasonCode: "VATEX-EU-AE" }]);
    expect(e.buyer).toMatchObject({ vatId: "ATU12345678", address: { line1: "Ringstraße 3", postcode: "1010", city: "Wien", countryCode: "AT" } });
    expect(e.notes).toEqual(["Steuerschuldnerschaft des Leistungsempfängers."]);
    expect(e.totals.payable).toBe("85.00");
  });

  it("UBL says what the schema-validated CII says", () => expectUblSaysWhatCiiSays(e, inv));

  it.each(FORMATS)("%s validates and equals the CSV to the cent", async (format) => {
    const { parsed } = await renderAndCheck(e, inv, format);
    expect(parsed.vatBreakdown[0]).toMatchObject({ category: "AE", taxAmount: "0.00", exemptionReasonCode: "VATEX-EU-AE" });
    expect(parsed.buyer.vatId).toBe("ATU12345678");
    expect(parsed.lines[0]!.vatCategory).toBe("AE");
  });
});

describe("cancellation (Stornorechnung) of the two-rate invoice", () => {
  const cancellation = invoice(CUSTOMER, negated(TWO_RATES), { invoiceRef: "RE-2026-0003", invoiceDate: "2026-04-10" });
  const e = model({ invoice: cancellation, customer: CUSTOMER, seller: SELLER, kind: "cancellation", cancels: { number: "RE-2026-0001", issueDate: "2026-03-31" } });

  it("is a credit note 381 with the original's amounts, referencing the original's number and date", () => {
    expect(cancellation).toMatchObject({ netTotal: "-136.47", vatTotal: "-22.97", grossTotal: "-159.44" });
    expect(e).toMatchObject({ typeCode: "381", kind: "cancellation", amountSign: -1, preceding: [{ number: "RE-2026-0001", issueDate: "2026-03-31" }] });
    expect(e.totals).toMatchObject({ lineNet: "136.47", vat: "22.97", payable: "159.44" });
    expect(e.lines.map((l) => [l.quantity, l.netPrice, l.netAmount])).toEqual([["5", "18.00", "90.00"], ["1", "21.77", "21.77"], ["2", "12.35", "24.70"]]);
    // The note of the one-unit line shows the quantity as the printed Stornorechnung does: negated.
    expect(e.lines[1]!.note).toBe("Menge -3 × 15,00 EUR/Monat × 15 von 31 Tagen");
    expect(e.notes[0]).toBe("Stornorechnung zu Rechnung RE-2026-0001 vom 31.03.2026.");
    // a transfer customer without a refund account: set off, clearing between partners (97), no account
    expect(e.paymentTerms).toBe("Der Betrag wird mit offenen Forderungen verrechnet; auf Wunsch zahlen wir ihn auf ein von Ihnen genanntes Konto aus.");
    expect(e.payment).toEqual({ code: "97" });
  });

  it("UBL says what the schema-validated CII says", () => expectUblSaysWhatCiiSays(e, cancellation));

  it.each(FORMATS)("%s validates, carries 381 and BG-3, and is the CSV's negation to the cent", async (format) => {
    const { parsed, xml } = await renderAndCheck(e, cancellation, format);
    expect(parsed.typeCode).toBe("381");
    expect(parsed.preceding).toEqual([{ number: "RE-2026-0001", issueDate: "2026-03-31" }]);
    expect(parsed.totals.payable).toBe("159.44");
    if (format === "xrechnung-ubl") expect(xml).toMatch(/<CreditNote[\s>]/);
  });
});

describe("correction that credits (Rechnungskorrektur)", () => {
  const correction = invoice(CUSTOMER, [
    // the price of 4 seats lowered by 5.00 for a billed month
    line({ lineType: "difference", quantity: "4", unitPrice: "-5", netAmount: "-20.00", exactAmount: "-20", correctsRef: "RE-2026-0001" }),
  ], { invoiceRef: "RE-2026-0004", invoiceDate: "2026-04-30" });
  const e = model({ invoice: correction, customer: CUSTOMER, seller: SELLER, invoiceDates: new Map([["RE-2026-0001", "2026-03-31"]]) });

  it("is a 381 referencing the corrected invoice, the credit positive", () => {
    expect(correction.documentType).toBe("correction");
    expect(e).toMatchObject({ typeCode: "381", kind: "correction", preceding: [{ number: "RE-2026-0001", issueDate: "2026-03-31" }] });
    expect(e.totals).toMatchObject({ lineNet: "20.00", vat: "3.80", payable: "23.80" });
    expect(e.lines[0]).toMatchObject({ quantity: "1", netPrice: "20.00", netAmount: "20.00", note: "Menge 4 × -5,00 EUR/Monat × 1 Monat, Differenz -20,00 EUR/Monat, Korrektur zu Rechnung RE-2026-0001" });
  });

  it("UBL says what the schema-validated CII says", () => expectUblSaysWhatCiiSays(e, correction));

  it.each(FORMATS)("%s validates", async (format) => {
    const { parsed } = await renderAndCheck(e, correction, format);
    expect(parsed.preceding).toEqual([{ number: "RE-2026-0001", issueDate: "2026-03-31" }]);
  });
});

describe("SEPA direct debit invoice", () => {
  const inv = invoice(DEBIT_CUSTOMER, [line({ quantity: "1", unitPrice: "49.9", netAmount: "49.90", exactAmount: "49.9" })], { invoiceRef: "RE-2026-0005" });
  const e = model({ invoice: inv, customer: DEBIT_CUSTOMER, seller: SELLER });

  it("has payment means 59 with mandate (BT-89), creditor id (BT-90) and debited IBAN (BT-91)", () => {
    expect(e.totals).toMatchObject({ lineNet: "49.90", vat: "9.48", payable: "59.38" }); // 9.481
    expect(e.payment).toEqual({ code: "59", mandateRef: "MANDAT-K2-001", creditorId: "DE98ZZZ09999999999", debtorIban: "DE89370400440532013000" });
    expect(e.paymentTerms).toContain("SEPA-Lastschrift");
  });

  it("UBL says what the schema-validated CII says", () => expectUblSaysWhatCiiSays(e, inv));

  it.each(FORMATS)("%s validates and keeps the direct-debit data", async (format) => {
    const { parsed } = await renderAndCheck(e, inv, format);
    expect(parsed.payment).toEqual({ code: "59", mandateRef: "MANDAT-K2-001", creditorId: "DE98ZZZ09999999999", debtorIban: "DE89370400440532013000" });
  });
});

describe("public customer with a Leitweg-ID", () => {
  const inv = invoice(PUBLIC_CUSTOMER, [line()], { invoiceRef: "RE-2026-0006" });
  const e = model({ invoice: inv, customer: PUBLIC_CUSTOMER, seller: SELLER });

  it("UBL says what the schema-validated CII says", () => expectUblSaysWhatCiiSays(e, inv));

  it("uses the Leitweg-ID as buyer reference and electronic address (scheme 0204)", async () => {
    expect(e.buyerReference).toBe("991-12345-67");
    expect(e.buyer.electronicAddress).toEqual({ value: "991-12345-67", scheme: "0204" });
    const { parsed } = await renderAndCheck(e, inv, "xrechnung-cii");
    expect(parsed.buyerReference).toBe("991-12345-67");
    expect(parsed.buyer.electronicAddress).toEqual({ value: "991-12345-67", scheme: "0204" });
  });
});

/**
 * Found by the tax advisor's review: the Stornorechnung of a direct-debit customer carried payment
 * means 59 (SEPA direct debit, with mandate and debited account) while its terms said the amount is
 * credited. A credit is not collected: we pay it out, so it is a SEPA credit transfer (58) to the
 * account the mandate debits (BT-84), as its terms say; BG-16 stays, as BR-DE-1 requires.
 */
describe("Stornorechnung to a direct-debit customer", () => {
  const inv = invoice(DEBIT_CUSTOMER, [line({ quantity: "1", unitPrice: "49.9", netAmount: "49.90", exactAmount: "49.9" })], { invoiceRef: "RE-2026-0005" });
  const storno = invoice(DEBIT_CUSTOMER, negated(inv), { invoiceRef: "RE-2026-0007", invoiceDate: "2026-04-10" });
  const e = model({ invoice: storno, customer: DEBIT_CUSTOMER, seller: SELLER, kind: "cancellation", cancels: { number: "RE-2026-0005", issueDate: "2026-03-31" } });

  it("is paid out by credit transfer to the customer's account, and its terms say so", () => {
    expect(e.payment).toEqual({ code: "58", iban: "DE89370400440532013000", accountName: "Lastschrift AG", refund: true });
    expect(e.paymentTerms).toBe("Der Betrag wird Ihnen auf Ihr Konto DE89 XXXX XXXX XXXX XX30 00 überwiesen bzw. mit offenen Forderungen verrechnet.");
  });

  it("UBL says what the schema-validated CII says", () => expectUblSaysWhatCiiSays(e, storno));

  it.each(FORMATS)("%s validates and carries payment means 58 to the customer's IBAN, no mandate", async (format) => {
    const { parsed, xml } = await renderAndCheck(e, storno, format);
    expect(parsed.typeCode).toBe("381");
    expect(parsed.payment).toEqual({ code: "58", iban: "DE89370400440532013000", accountName: "Lastschrift AG" });
    expect(parsed.paymentTerms).toContain("überwiesen");
    expect(xml).not.toMatch(/MandateID|PaymentMandate|CreditorReferenceID/);
  });
});

describe("Stornorechnung to a transfer customer with a refund account", () => {
  const customer = { ...CUSTOMER, refundIban: "DE02 1203 0000 0000 2020 51" };
  const storno = invoice(customer, negated(TWO_RATES), { invoiceRef: "RE-2026-0008", invoiceDate: "2026-04-10" });
  // the seller's own account is a different one: BT-84 must be the customer's
  const seller = { ...SELLER, iban: "DE89370400440532013000", bic: undefined };
  const e = model({ invoice: storno, customer, seller, kind: "cancellation", cancels: { number: "RE-2026-0001", issueDate: "2026-03-31" } });

  it("is paid out by credit transfer (58) to the customer's refund account, the terms name it masked", () => {
    expect(e.totals).toMatchObject({ lineNet: "136.47", vat: "22.97", payable: "159.44" });
    expect(e.payment).toEqual({ code: "58", iban: "DE02120300000000202051", accountName: "Kunde GmbH", refund: true });
    expect(e.paymentTerms).toBe("Der Betrag wird Ihnen auf Ihr Konto DE02 XXXX XXXX XXXX XX20 51 überwiesen bzw. mit offenen Forderungen verrechnet.");
  });

  it("UBL says what the schema-validated CII says", () => expectUblSaysWhatCiiSays(e, storno));

  it.each(FORMATS)("%s validates and names the customer's account, not ours", async (format) => {
    const { parsed, xml } = await renderAndCheck(e, storno, format);
    expect(parsed.typeCode).toBe("381");
    expect(parsed.totals.payable).toBe("159.44");
    expect(parsed.payment).toEqual({ code: "58", iban: "DE02120300000000202051", accountName: "Kunde GmbH" });
    expect(xml).not.toContain("DE89370400440532013000");
  });
});

describe("Stornorechnung to a transfer customer without a refund account: set off (97)", () => {
  const storno = invoice(CUSTOMER, negated(TWO_RATES), { invoiceRef: "RE-2026-0009", invoiceDate: "2026-04-10" });
  const e = model({ invoice: storno, customer: CUSTOMER, seller: SELLER, kind: "cancellation", cancels: { number: "RE-2026-0001", issueDate: "2026-03-31" } });
  const SET_OFF = "Der Betrag wird mit offenen Forderungen verrechnet; auf Wunsch zahlen wir ihn auf ein von Ihnen genanntes Konto aus.";

  it("is clearing between partners with no account, the terms say set off or paid out on request", () => {
    expect(e.totals).toMatchObject({ lineNet: "136.47", vat: "22.97", payable: "159.44" });
    expect(e.payment).toEqual({ code: "97" });
    expect(e.paymentTerms).toBe(SET_OFF);
  });

  it("UBL says what the schema-validated CII says", () => expectUblSaysWhatCiiSays(e, storno));

  it.each(FORMATS)("%s validates with payment means 97 and no payee account (BG-17), our IBAN nowhere in the payment", async (format) => {
    const { parsed, xml } = await renderAndCheck(e, storno, format);
    expect(parsed.typeCode).toBe("381");
    expect(parsed.totals.payable).toBe("159.44");
    expect(parsed.payment).toEqual({ code: "97" });
    expect(parsed.paymentTerms).toBe(SET_OFF);
    if (format === "xrechnung-ubl") {
      expect(xml).toMatch(/<cbc:PaymentMeansCode[^>]*>97<\/cbc:PaymentMeansCode>/);
      expect(xml).not.toContain("PayeeFinancialAccount");
    } else {
      expect(/<ram:SpecifiedTradeSettlementPaymentMeans>\s*<ram:TypeCode>(\d+)</.exec(xml)?.[1]).toBe("97");
      expect(xml).not.toContain("PayeePartyCreditorFinancialAccount");
    }
    expect(xml).not.toContain(SELLER.iban!);
  });
});
