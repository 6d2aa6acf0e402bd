import fc from "fast-check";
import type { InvoiceLine } from "../../../src/core/billing/invoice";
import { buildEInvoice } from "../../../src/core/einvoice/build-einvoice";
import type { EInvoiceFormat, EInvoiceKind } from "../../../src/core/einvoice/model";
import { validateEInvoice } from "../../../src/core/einvoice/validate-einvoice";
import { Decimal, HUNDRED, ONE, ZERO, roundCents } from "../../../src/core/money/decimal";
import { eInvoiceFileName, generateEInvoice, renderEInvoices } from "../../../src/io/einvoice/generate-einvoice";
import { toLibraryInvoice } from "../../../src/io/einvoice/to-library-invoice";
import { expectUblSaysWhatCiiSays, renderAndCheck, xmlOf } from "../../support/einvoice-check";
import { CUSTOMER, SELLER, invoice, line } from "../../support/einvoice-fixtures";
import { parseEInvoiceXml } from "../../support/einvoice-xml";
import { validateAgainstCiiD16B, validateAgainstFacturX } from "../../support/xml-schema";

const model = (() => {
  const r = buildEInvoice({ invoice: invoice(CUSTOMER, [line(), line({ vatPct: "7", unitPrice: "10", netAmount: "10.00" })]), customer: CUSTOMER, seller: SELLER });
  if (!r.ok) throw new Error("fixture");
  return r.value;
})();

describe("the checks catch broken files", () => {
  it("the XSD rejects a CII without its header settlement totals", async () => {
    const r = await generateEInvoice(model, "xrechnung-cii");
    if (!r.ok) throw new Error("generate");
    const xml = await xmlOf(r.value);
    expect((await validateAgainstFacturX(xml, "EN16931")).valid).toBe(true);
    const broken = xml.replace(/<ram:SpecifiedTradeSettlementHeaderMonetarySummation>[\s\S]*?<\/ram:SpecifiedTradeSettlementHeaderMonetarySummation>/, "");
    const result = await validateAgainstFacturX(broken, "EN16931");
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/SpecifiedTradeSettlementHeaderMonetarySummation/);
  });

  it("the full UN/CEFACT CII D16B XSD accepts our CII and rejects elements out of order, unknown or mistyped", async () => {
    const r = await generateEInvoice(model, "xrechnung-cii");
    if (!r.ok) throw new Error("generate");
    const xml = await xmlOf(r.value);
    expect((await validateAgainstCiiD16B(xml)).errors).toEqual([]);
    // The seller after the buyer: D16B fixes the order of the agreement's children.
    const swapped = xml.replace(/(<ram:SellerTradeParty>[\s\S]*?<\/ram:SellerTradeParty>)(\s*)(<ram:BuyerTradeParty>[\s\S]*?<\/ram:BuyerTradeParty>)/, "$3$2$1");
    expect(swapped).not.toBe(xml);
    const order = await validateAgainstCiiD16B(swapped);
    expect(order.valid).toBe(false);
    expect(order.errors.join("\n")).toMatch(/SellerTradeParty|BuyerTradeParty/);
    const unknown = await validateAgainstCiiD16B(xml.replace("<ram:SellerTradeParty>", "<ram:SellerTradeParty><ram:Nickname>X</ram:Nickname>"));
    expect(unknown.valid).toBe(false);
    expect(unknown.errors.join("\n")).toMatch(/Nickname/);
    const mistyped = await validateAgainstCiiD16B(xml.replace(/<ram:DuePayableAmount>[^<]*</, "<ram:DuePayableAmount>vierunddreißig<"));
    expect(mistyped.valid).toBe(false);
    expect(mistyped.errors.join("\n")).toMatch(/DuePayableAmount/);
  });

  it("the validator rejects an XML whose amount due was edited", async () => {
    const r = await generateEInvoice(model, "xrechnung-cii");
    if (!r.ok) throw new Error("generate");
    const xml = (await xmlOf(r.value)).replace(/<ram:DuePayableAmount>34.50<\/ram:DuePayableAmount>/, "<ram:DuePayableAmount>34.05</ram:DuePayableAmount>");
    expect((await validateAgainstFacturX(xml, "EN16931")).valid).toBe(true); // the XSD cannot see it
    expect(validateEInvoice(parseEInvoiceXml(xml)).map((i) => i.params.rule)).toEqual(["BR-CO-16"]);
  });

  it("an invoice that breaks a rule is not rendered", async () => {
    const broken = structuredClone(model);
    broken.seller.contact.phone = "";
    const r = await generateEInvoice(broken, "xrechnung-cii");
    expect(!r.ok && r.issues.map((i) => i.params.rule)).toEqual(["BR-DE-6"]);
  });

  it("a library rejection is an issue naming invoice and format, not an exception", async () => {
    const bad = structuredClone(model);
    bad.issueDate = "31.03.2026";
    const r = await generateEInvoice(bad, "xrechnung-ubl");
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.invoice, i.params.format])).toEqual([["einvoice.generator_failed", "RE-2026-0001", "xrechnung-ubl"]]);
  });

  it("ZUGFeRD needs the fonts", async () => {
    const r = await generateEInvoice(model, "zugferd");
    expect(!r.ok && String(r.issues[0]!.params.detail)).toMatch(/fonts/);
  });

  it("renderEInvoices renders the good invoices and names the missing data of the others", async () => {
    const good = invoice(CUSTOMER, [line()], { invoiceRef: "RE-10" });
    const bare = { no: "K-9", name: "Ohne Adresse" };
    const r = await renderEInvoices(
      [{ invoice: good, customer: CUSTOMER, seller: SELLER }, { invoice: { ...good, invoiceRef: "RE-11", customerNo: "K-9" }, customer: bare, seller: SELLER }],
      "xrechnung-cii",
    );
    expect(r.files.map((f) => f.fileName)).toEqual(["RE-10_xrechnung.xml"]);
    expect(r.issues.map((i) => [i.code, i.params.invoice, i.params.customer])).toEqual([
      ["einvoice.customer_missing", "RE-11", "K-9"],
      ["einvoice.customer_missing", "RE-11", "K-9"],
    ]);
  });

  it("names files after the invoice number", () => {
    expect(eInvoiceFileName("RE/2026/1", "xrechnung-cii")).toBe("RE_2026_1_xrechnung.xml");
    expect(eInvoiceFileName("RE-1", "xrechnung-ubl")).toBe("RE-1_xrechnung-ubl.xml");
    expect(eInvoiceFileName("RE-1", "zugferd")).toBe("RE-1_zugferd.pdf");
  });

  it("UBL direct debit carries the creditor id as the seller's SEPA identification", () => {
    const dd = { ...structuredClone(model), payment: { code: "59" as const, mandateRef: "M-1", creditorId: "DE98ZZZ09999999999", debtorIban: "DE89370400440532013000" } };
    const ubl = toLibraryInvoice(dd, "xrechnung-ubl")["ubl:Invoice"];
    expect(ubl["cac:AccountingSupplierParty"]["cac:Party"]["cac:PartyIdentification"]).toEqual([{ "cbc:ID": "DE98ZZZ09999999999", "cbc:ID@schemeID": "SEPA" }]);
    expect(ubl["cac:PayeeParty"]).toBeUndefined();
    const cii = toLibraryInvoice(dd, "xrechnung-cii")["ubl:Invoice"];
    expect(cii["cac:PayeeParty"]?.["cac:PartyIdentification"]).toEqual({ "cbc:ID": "DE98ZZZ09999999999", "cbc:ID@schemeID": "SEPA" });
  });

  it("ticket time in hours (HUR), clicks and time without a contract pass the XSDs; UBL says what CII says", async () => {
    const day = { serviceFrom: "2026-03-06", serviceTo: "2026-03-06", positionNo: 0, periodFactor: "1" } as const;
    const inv = invoice(CUSTOMER, [
      line(),
      line({ ...day, lineType: "time", contractNo: "V-4", articleNo: "SUP-R", quantity: "1.5", unitPrice: "87.4", netAmount: "131.10", exactAmount: "131.1" }),
      line({ ...day, lineType: "time", contractNo: "", articleNo: "SUP-R", quantity: "0.75", unitPrice: "104.125", netAmount: "78.09", exactAmount: "78.09375" }),
      line({ ...day, lineType: "click", contractNo: "K-5", articleNo: "CL-SW", quantity: "1550", unitPrice: "0.008", netAmount: "12.40", exactAmount: "12.4" }),
    ]);
    const r = buildEInvoice({ invoice: inv, customer: CUSTOMER, seller: SELLER });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const { parsed } = await renderAndCheck(r.value, inv, "xrechnung-cii");
    expect(parsed.lines.map((l) => l.unitCode)).toEqual(["C62", "HUR", "C62", "C62"]);
    await renderAndCheck(r.value, inv, "zugferd");
    await expectUblSaysWhatCiiSays(r.value, inv);
  });
});

/** A generated invoice line: cents exact, prorated or not, discounted or not, maybe a credit. */
const lineArb = fc
  .record({
    quantity: fc.integer({ min: 1, max: 400 }).map((n) => new Decimal(n).dividedBy(n % 3 === 0 ? 4 : 1)),
    price: fc.integer({ min: 0, max: 99_999 }).map((c) => new Decimal(c).dividedBy(100)),
    discount: fc.constantFrom("0", "5", "10", "12.5"),
    days: fc.integer({ min: 1, max: 31 }),
    vat: fc.constantFrom("19", "7"),
    credit: fc.boolean(),
  })
  .map((g): InvoiceLine => {
    const factor = new Decimal(g.days).dividedBy(31);
    const exact = g.quantity.times(g.price).times(ONE.minus(new Decimal(g.discount).dividedBy(HUNDRED))).times(factor).times(g.credit ? -1 : 1);
    return line({
      lineType: g.credit ? "difference" : "recurring",
      quantity: g.quantity.toFixed(),
      unitPrice: g.price.toFixed(),
      discountPct: g.discount,
      periodFactor: factor.toDecimalPlaces(6).toFixed(),
      serviceFrom: `2026-03-${String(32 - g.days).padStart(2, "0")}`,
      serviceTo: "2026-03-31",
      netAmount: roundCents(exact).toFixed(2).replace(/^-0\.00$/, "0.00"),
      exactAmount: exact.toFixed(),
      vatPct: g.vat,
      ...(g.credit ? { correctsRef: "RE-2026-0000" } : {}),
    });
  });

describe("property: the XML's totals are the sum of our invoice lines", () => {
  it("for generated invoices, kinds and formats (XSD, validator and CSV cents each time)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom<EInvoiceKind>("invoice", "correction", "cancellation"),
        fc.constantFrom<EInvoiceFormat>("xrechnung-cii", "xrechnung-ubl"),
        async (lines, kind, format) => {
          const inv = invoice(CUSTOMER, lines);
          const r = buildEInvoice({ invoice: inv, customer: CUSTOMER, seller: SELLER, kind, cancels: { number: "RE-2026-0000", issueDate: "2026-02-28" }, invoiceDates: new Map([["RE-2026-0000", "2026-02-28"]]) });
          if (!r.ok) throw new Error(JSON.stringify(r.issues));
          const { parsed } = await renderAndCheck(r.value, inv, format);
          // every line: quantity × price = net amount, and the document sums are the lines' sums
          for (const l of parsed.lines) expect(roundCents(new Decimal(l.quantity).times(l.netPrice)).toFixed(2)).toBe(new Decimal(l.netAmount).toFixed(2));
          const ours = inv.lines.reduce((s, l) => s.plus(l.netAmount), ZERO).times(parsed.amountSign);
          expect(parsed.totals.lineNet).toBe(roundCents(ours).toFixed(2).replace(/^-0\.00$/, "0.00"));
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);

  it("for generated invoices and kinds, the UBL read back equals the schema-validated CII read back", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 6 }), fc.constantFrom<EInvoiceKind>("invoice", "correction", "cancellation"), async (lines, kind) => {
        const inv = invoice(CUSTOMER, lines);
        const r = buildEInvoice({ invoice: inv, customer: CUSTOMER, seller: SELLER, kind, cancels: { number: "RE-2026-0000", issueDate: "2026-02-28" }, invoiceDates: new Map([["RE-2026-0000", "2026-02-28"]]) });
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        await expectUblSaysWhatCiiSays(r.value, inv);
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
