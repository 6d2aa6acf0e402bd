import { buildEInvoice } from "../../../src/core/einvoice/build-einvoice";
import type { EInvoice } from "../../../src/core/einvoice/model";
import { countryOfVatId, isValidIban, splitAddress } from "../../../src/core/einvoice/parties";
import { validateEInvoice } from "../../../src/core/einvoice/validate-einvoice";
import { messageText } from "../../../src/core/messages";
import { invoiceHtml } from "../../../src/io/export/documents/invoice-html";
import { CUSTOMER, DEBIT_CUSTOMER, RC_CUSTOMER, SELLER, invoice, line, negated } from "../../support/einvoice-fixtures";

const codes = (r: { ok: boolean; issues?: { code: string; params: Record<string, string | number> }[] }): string[] =>
  r.ok ? [] : r.issues!.map((i) => `${i.code} ${i.params.setting ?? i.params.field ?? ""}`.trim());

describe("missing master data: nothing is built, the issues name the setting or the customer column", () => {
  const inv = invoice(CUSTOMER, [line()]);

  it("seller without contact, phone, e-mail and IBAN", () => {
    const r = buildEInvoice({ invoice: inv, customer: CUSTOMER, seller: { name: "X GmbH", address: "Weg 1\n12345 Ort", taxNumber: "1/2/3" } });
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual([
      "einvoice.seller_missing contactName",
      "einvoice.seller_missing phone",
      "einvoice.seller_missing email",
      "einvoice.seller_missing iban",
      "einvoice.seller_missing paymentTerms",
    ]);
    expect(!r.ok && messageText(r.issues[0]!, "de")).toBe("E-Rechnung RE-2026-0001: in den Firmenangaben fehlt contactName.");
  });

  it("seller without address and tax id", () => {
    const r = buildEInvoice({ invoice: inv, customer: CUSTOMER, seller: { ...SELLER, address: "Irgendwo", vatId: undefined, taxNumber: undefined } });
    expect(codes(r)).toEqual(["einvoice.seller_missing street, postcode, city", "einvoice.seller_missing vatId | taxNumber"]);
  });

  it("customer without address and without e-mail or Leitweg-ID", () => {
    const bare = { no: "K-1", name: "Kunde GmbH" };
    const r = buildEInvoice({ invoice: inv, customer: bare, seller: SELLER });
    expect(codes(r)).toEqual([
      "einvoice.customer_missing customer_street, customer_postcode, customer_city | customer_address",
      "einvoice.customer_missing customer_email | buyer_reference",
    ]);
    expect(!r.ok && messageText(r.issues[0]!, "en")).toBe(
      "E-invoice RE-2026-0001: customer K-1 lacks the address (columns customer_street, customer_postcode, customer_city or customer_address); enter it in the master data.",
    );
    // The clerk reads what is missing and the column by the header of the German sheet, not the CSV code alone.
    expect(!r.ok && messageText(r.issues[1]!, "de")).toBe(
      "E-Rechnung RE-2026-0001: bei Kunde K-1 fehlt die elektronische Adresse für die E-Rechnung (BT-49): eine E-Mail-Adresse (Spalte „E-Mail“, customer_email) oder die Leitweg-ID (Spalte „Leitweg-ID / Käuferreferenz“, buyer_reference); in den Stammdaten eintragen.",
    );
  });

  it("reverse charge without the buyer's or the seller's VAT id, and with VAT charged", () => {
    const rcInv = invoice(RC_CUSTOMER, [line({ vatPct: "19" })]);
    const r = buildEInvoice({ invoice: rcInv, customer: { ...RC_CUSTOMER, vatId: undefined, countryCode: "AT" }, seller: { ...SELLER, vatId: undefined } });
    expect(codes(r)).toEqual(["einvoice.seller_missing vatId", "einvoice.customer_missing vat_id", "einvoice.reverse_charge_with_vat"]);
  });

  it("direct debit without mandate, debtor IBAN and creditor id", () => {
    const r = buildEInvoice({ invoice: invoice(DEBIT_CUSTOMER, [line()]), customer: { ...DEBIT_CUSTOMER, sepaMandateRef: undefined, sepaDebtorIban: "DE00 1234" }, seller: { ...SELLER, creditorId: undefined } });
    expect(codes(r)).toEqual(["einvoice.customer_missing sepa_mandate_ref", "einvoice.customer_invalid sepa_debtor_iban", "einvoice.seller_missing creditorId"]);
  });

  it("a 0 % line without reverse charge needs the customer's exemption reason", () => {
    const zero = invoice(CUSTOMER, [line({ vatPct: "0" })]);
    expect(codes(buildEInvoice({ invoice: zero, customer: CUSTOMER, seller: SELLER }))).toEqual(["einvoice.customer_missing vat_exemption_reason"]);
    const ok = buildEInvoice({ invoice: zero, customer: { ...CUSTOMER, vatExemptionReason: "Steuerfrei nach § 4 Nr. 14 UStG" }, seller: SELLER });
    expect(ok.ok && ok.value.vatBreakdown).toEqual([{ category: "E", rate: "0", taxableAmount: "20.00", taxAmount: "0.00", exemptionReason: "Steuerfrei nach § 4 Nr. 14 UStG" }]);
  });

  it("a cancellation without the cancelled invoice", () => {
    expect(codes(buildEInvoice({ invoice: inv, customer: CUSTOMER, seller: SELLER, kind: "cancellation" }))).toEqual(["einvoice.cancellation_without_original"]);
  });

  it("an invalid seller IBAN or e-mail", () => {
    expect(codes(buildEInvoice({ invoice: inv, customer: CUSTOMER, seller: { ...SELLER, iban: "DE02120300000000202052", email: "rechnung(at)muster" } }))).toEqual([
      "einvoice.seller_invalid email",
      "einvoice.seller_invalid iban",
    ]);
  });
});

describe("where a credit is paid out (BT-84 of a credit note is the customer's account)", () => {
  // −2 × 20.00 = −40.00, 19 % VAT −7.60: a credit of 47.60
  const credit = (c: typeof CUSTOMER) => invoice(c, [line({ lineType: "difference", quantity: "-2", netAmount: "-40.00", exactAmount: "-40", correctsRef: "RE-1" })]);
  const REFUND = "DE02 1203 0000 0000 2020 51";

  it("a transfer customer with a refund account: credit transfer (58) to it, the terms name it masked", () => {
    const customer = { ...CUSTOMER, refundIban: REFUND };
    const r = buildEInvoice({ invoice: credit(customer), customer, seller: { ...SELLER, iban: undefined } });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect([r.value.typeCode, r.value.totals.payable]).toEqual(["381", "47.60"]);
    expect(r.value.payment).toEqual({ code: "58", iban: "DE02120300000000202051", accountName: "Kunde GmbH", refund: true });
    expect(r.value.paymentTerms).toBe("Der Betrag wird Ihnen auf Ihr Konto DE02 XXXX XXXX XXXX XX20 51 überwiesen bzw. mit offenen Forderungen verrechnet.");
    expect(validateEInvoice(r.value)).toEqual([]);
  });

  it("without one: clearing between partners (97), no account, the terms say it is set off or paid out on request", () => {
    const r = buildEInvoice({ invoice: credit(CUSTOMER), customer: CUSTOMER, seller: { ...SELLER, iban: undefined } });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.payment).toEqual({ code: "97" });
    expect(r.value.paymentTerms).toBe("Der Betrag wird mit offenen Forderungen verrechnet; auf Wunsch zahlen wir ihn auf ein von Ihnen genanntes Konto aus.");
    expect(validateEInvoice(r.value)).toEqual([]);
  });

  it("a direct-debit customer's refund account wins over its mandate's account; an invoice to it is still collected", () => {
    const customer = { ...DEBIT_CUSTOMER, refundIban: REFUND };
    const r = buildEInvoice({ invoice: credit(customer), customer, seller: SELLER });
    expect(r.ok && r.value.payment).toEqual({ code: "58", iban: "DE02120300000000202051", accountName: "Lastschrift AG", refund: true });
    const charge = buildEInvoice({ invoice: invoice(customer, [line()]), customer, seller: SELLER });
    expect(charge.ok && charge.value.payment.code).toBe("59");
  });

  it("a wrong refund account names the column", () => {
    const customer = { ...CUSTOMER, refundIban: "DE02120300000000202052" };
    expect(codes(buildEInvoice({ invoice: credit(customer), customer, seller: SELLER }))).toEqual(["einvoice.customer_invalid refund_iban"]);
  });
});

describe("type codes and signs", () => {
  it("an invoice with a negative total stays a 380 with negative amounts", () => {
    const r = buildEInvoice({ invoice: invoice(CUSTOMER, [line(), line({ lineType: "difference", netAmount: "-50.00", exactAmount: "-50", correctsRef: "RE-1" })]), customer: CUSTOMER, seller: SELLER });
    expect(r.ok && [r.value.typeCode, r.value.totals.payable, r.value.paymentTerms]).toEqual(["380", "-35.70", "Der Betrag wird mit offenen Forderungen verrechnet; auf Wunsch zahlen wir ihn auf ein von Ihnen genanntes Konto aus."]);
    // a transfer customer without a refund account: set off (97), no account named
    expect(r.ok && r.value.payment).toEqual({ code: "97" });
    expect(r.ok && r.value.lines[1]).toMatchObject({ quantity: "-1", netPrice: "50.00", netAmount: "-50.00" });
    expect(r.ok && r.value.preceding).toEqual([{ number: "RE-1" }]);
  });

  it("a correction that charges more is a 380 referencing the corrected invoices", () => {
    const r = buildEInvoice({ invoice: invoice(CUSTOMER, [line({ lineType: "difference", correctsRef: "RE-7" }), line({ lineType: "difference", correctsRef: "RE-3" })]), customer: CUSTOMER, seller: SELLER });
    expect(r.ok && [r.value.kind, r.value.typeCode, r.value.preceding.map((p) => p.number), r.value.notes]).toEqual([
      "correction", "380", ["RE-3", "RE-7"], ["Rechnungskorrektur zu den Rechnungen RE-3, RE-7."],
    ]);
  });

  it("cancelling a credit (positive cancellation) is a 380", () => {
    const r = buildEInvoice({ invoice: invoice(CUSTOMER, [line()]), customer: CUSTOMER, seller: SELLER, kind: "cancellation", cancels: { number: "GS-1", issueDate: "2026-02-28" } });
    expect(r.ok && [r.value.typeCode, r.value.amountSign, r.value.totals.payable]).toEqual(["380", 1, "23.80"]);
  });
});

describe("the note of a line that quantity × price cannot show says what the printed document says", () => {
  it("a credit line's quantity is signed, as in the document's Menge column (not 2 for −2)", () => {
    // −2 licences from 16 March of a 20.60 licence: −2 × 20.60 × 0.516129 = −21.2645148 → −21.26 (not −41.20: one unit at the net)
    const credit = line({ lineType: "difference", quantity: "-2", unitPrice: "20.6", periodFactor: "0.516129", serviceFrom: "2026-03-16", netAmount: "-21.26", exactAmount: "-21.2645148", correctsRef: "RE-1" });
    const inv = invoice(CUSTOMER, [line({ quantity: "3", netAmount: "60.00", exactAmount: "60" }), credit]);
    const r = buildEInvoice({ invoice: inv, customer: CUSTOMER, seller: SELLER });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.typeCode).toBe("380");
    expect(r.value.lines[1]).toMatchObject({
      quantity: "-1",
      netPrice: "21.26",
      netAmount: "-21.26",
      note: "Menge -2 × 20,60 EUR/Monat × 16 von 31 Tagen, Differenz -41,20 EUR/Monat, Korrektur zu Rechnung RE-1",
    });
    expect(invoiceHtml(inv, { company: { name: SELLER.name, address: SELLER.address! }, customers: new Map([[CUSTOMER.no, CUSTOMER]]) })).toContain('<td class="num">-2</td>');
  });

  it("a Stornorechnung's line shows the negated quantity the printed Stornorechnung shows", () => {
    const prorated = line({ quantity: "3", unitPrice: "15", periodFactor: "0.483871", serviceFrom: "2026-03-17", netAmount: "21.77", exactAmount: "21.774193548387096774" });
    const cancellation = invoice(CUSTOMER, negated(invoice(CUSTOMER, [prorated])), { invoiceRef: "RE-2026-0009" });
    const r = buildEInvoice({ invoice: cancellation, customer: CUSTOMER, seller: SELLER, kind: "cancellation", cancels: { number: "RE-2026-0001", issueDate: "2026-03-31" } });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.typeCode).toBe("381");
    expect(r.value.lines[0]).toMatchObject({ quantity: "1", netPrice: "21.77", netAmount: "21.77", note: "Menge -3 × 15,00 EUR/Monat × 15 von 31 Tagen" });
  });

  it("ticket time is hours at a price per hour, clicks are pages at their price, neither per month; the contract without position 0; digits grouped", () => {
    const day = { serviceFrom: "2026-03-06", serviceTo: "2026-03-06", positionNo: 0, periodFactor: "1" } as const;
    const inv = invoice(CUSTOMER, [
      line({ ...day, lineType: "time", contractNo: "V-4", articleNo: "SUP-R", quantity: "1.5", unitPrice: "87.4", netAmount: "131.10", exactAmount: "131.1" }),
      // 0.75 h at 83.30 × 1.25 (surcharge) = 104.125/h: a price of three decimals is one unit at the net, the note says hours
      line({ ...day, lineType: "time", contractNo: "", articleNo: "SUP-R", quantity: "0.75", unitPrice: "104.125", netAmount: "78.09", exactAmount: "78.09375" }),
      line({ ...day, lineType: "click", contractNo: "K-5", articleNo: "CL-SW", quantity: "1550", unitPrice: "0.008", netAmount: "12.40", exactAmount: "12.4" }),
      line({ quantity: "1000", unitPrice: "20.6", periodFactor: "0.516129", serviceFrom: "2026-03-16", netAmount: "10632.26", exactAmount: "10632.2574" }),
    ]);
    const r = buildEInvoice({ invoice: inv, customer: CUSTOMER, seller: SELLER });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.lines.map((l) => [l.unitCode, l.quantity, l.netPrice, l.itemDescription ?? "", l.note ?? ""])).toEqual([
      ["HUR", "1.5", "87.40", "Vertrag V-4", ""],
      ["C62", "1", "78.09", "", "Menge 0,75 Std. × 104,125 EUR/Std."],
      ["C62", "1", "12.40", "Vertrag K-5", "Menge 1.550 × 0,008 EUR"],
      ["C62", "1", "10632.26", "Vertrag V-1, Position 1", "Menge 1.000 × 20,60 EUR/Monat × 16 von 31 Tagen"],
    ]);
  });
});

describe("the BR-CO / BR-DE validator fails a deliberately broken invoice", () => {
  const built = buildEInvoice({ invoice: invoice(CUSTOMER, [line(), line({ vatPct: "7", unitPrice: "10", netAmount: "10.00" })]), customer: CUSTOMER, seller: SELLER });
  if (!built.ok) throw new Error("fixture");
  const good = built.value;
  const rules = (e: EInvoice): string[] => validateEInvoice(e).map((i) => String(i.params.rule));
  const clone = (): EInvoice => structuredClone(good);

  it("passes the unbroken invoice", () => expect(validateEInvoice(good)).toEqual([]));

  it("BR-CO-10: sum of lines", () => {
    const e = clone();
    e.lines[0]!.netAmount = "20.01";
    expect(rules(e)).toEqual(["BR-CO-10", "BR-S-08"]);
  });

  it("BR-CO-11 … BR-CO-13: allowances and charges", () => {
    const e = clone();
    e.totals.allowances = "1.00";
    expect(rules(e)).toEqual(["BR-CO-11", "BR-CO-13"]);
    const f = clone();
    f.totals.charges = "1.00";
    expect(rules(f)).toEqual(["BR-CO-12", "BR-CO-13"]);
  });

  it("BR-CO-14, BR-CO-17: VAT breakdown", () => {
    const e = clone();
    e.vatBreakdown[0]!.taxAmount = "3.79";
    expect(rules(e)).toEqual(["BR-CO-14", "BR-CO-17"]);
  });

  it("BR-CO-15, BR-CO-16: totals with VAT and amount due", () => {
    const e = clone();
    e.totals.taxInclusive = "34.49";
    expect(rules(e)).toEqual(["BR-CO-15", "BR-CO-16"]);
    const f = clone();
    f.totals.payable = "34.51";
    expect(rules(f)).toEqual(["BR-CO-16"]);
  });

  it("BR-DE-2/5/6/7: seller contact; BR-DE-15: buyer reference; BR-DE-16: tax ids", () => {
    const e = clone();
    e.seller.contact = { name: "", phone: "", email: "" };
    e.buyerReference = "";
    e.seller.vatId = undefined;
    e.seller.taxNumber = undefined;
    expect(rules(e)).toEqual(["BR-S-02", "BR-S-02", "BR-DE-2", "BR-DE-5", "BR-DE-6", "BR-DE-7", "BR-DE-15", "BR-DE-16"]);
  });

  it("BR-DE-1/13/19/23/25/30/31: payment means", () => {
    const e = clone();
    e.payment = { code: "58", iban: "", accountName: "X" };
    expect(rules(e)).toEqual(["BR-DE-23-a"]);
    e.payment = { code: "58", iban: "DE00123", accountName: "X" };
    expect(validateEInvoice(e).map((i) => [i.params.rule, i.severity])).toEqual([["BR-DE-19", "warning"]]);
    e.payment = { code: "59", mandateRef: "", creditorId: "", debtorIban: "" };
    expect(rules(e)).toEqual(["BR-DE-25-a", "BR-DE-30", "BR-DE-31"]);
    (e as { payment: { code: string } }).payment = { code: "10" };
    expect(rules(e)).toEqual(["BR-DE-13"]);
    (e as { payment: { code?: string } }).payment = {};
    expect(rules(e)).toEqual(["BR-DE-1"]);
  });

  it("reverse charge without VAT ids and exemption reason; a line without breakdown", () => {
    const e = clone();
    e.lines.forEach((l) => ((l.vatCategory = "AE"), (l.vatRate = "0")));
    e.vatBreakdown = [{ category: "AE", rate: "0", taxableAmount: "30.00", taxAmount: "0.00" }];
    e.totals = { ...e.totals, vat: "0.00", taxInclusive: "30.00", payable: "30.00" };
    e.seller.vatId = undefined;
    expect(rules(e)).toEqual(["BR-AE-02", "BR-AE-02", "BR-AE-10"]);
    const f = clone();
    f.vatBreakdown.pop();
    expect(rules(f)).toEqual(["BR-CO-14", "BR-S-08"]);
  });

  it("BR-CO-25, BR-27, BR-DE-17, BG-3", () => {
    const e = clone();
    e.paymentTerms = undefined;
    e.lines[0]!.netPrice = "-1.00";
    (e as { typeCode: string }).typeCode = "393";
    e.kind = "cancellation";
    expect(rules(e)).toEqual(["BR-27", "BR-CO-25", "BR-DE-17", "BG-3"]);
  });
});

describe("address and identifier helpers", () => {
  it("splits German addresses", () => {
    expect(splitAddress("Hauptstr. 1\n12345 Berlin")).toEqual({ line1: "Hauptstr. 1", postcode: "12345", city: "Berlin" });
    expect(splitAddress("c/o Empfang\nHauptstr. 1\n12345 Berlin\nDeutschland")).toEqual({ line1: "Hauptstr. 1", line2: "c/o Empfang", postcode: "12345", city: "Berlin" });
    expect(splitAddress("Hauptstr. 1, 12345 Berlin")).toEqual({ line1: "Hauptstr. 1", postcode: "12345", city: "Berlin" });
    expect(splitAddress("Ringstraße 3\nA-1010 Wien")).toEqual({ line1: "Ringstraße 3", postcode: "1010", city: "Wien" });
    expect(splitAddress("Berlin")).toBeNull();
  });

  it("derives the country from a VAT id", () => {
    expect(countryOfVatId("ATU12345678")).toBe("AT");
    expect(countryOfVatId("EL123456789")).toBe("GR");
    expect(countryOfVatId(undefined)).toBeNull();
  });

  it("checks IBANs (mod 97)", () => {
    expect(isValidIban("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(isValidIban("DE89 3704 0044 0532 0130 01")).toBe(false);
    expect(isValidIban("AT611904300234573201")).toBe(true);
    expect(isValidIban("DE8937040044053201300")).toBe(false);
  });
});
