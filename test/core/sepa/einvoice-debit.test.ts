import { buildEInvoice } from "../../../src/core/einvoice/build-einvoice";
import { debitTermsOf, withDirectDebit } from "../../../src/core/sepa/einvoice-debit";
import { CUSTOMER, SELLER, invoice, line, negated } from "../../support/einvoice-fixtures";
import { d, mandateOf } from "./fixtures";

describe("e-invoice of a direct-debit customer", () => {
  const inv = invoice(CUSTOMER, [line()]);
  const mandate = mandateOf("K1");
  const seller = { ...SELLER, creditorId: undefined };

  it("takes mandate reference, debtor IBAN and creditor id from the mandate and the SEPA settings (payment means 59)", () => {
    const input = withDirectDebit({ invoice: inv, customer: CUSTOMER, seller }, debitTermsOf(mandate, { paymentMethod: "direct_debit" }, "DE98ZZZ09999999999"));
    const r = buildEInvoice(input);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.payment).toEqual({ code: "59", mandateRef: "MND-K1", creditorId: "DE98ZZZ09999999999", debtorIban: mandate.iban });
    expect(JSON.stringify(r.value)).toContain("wird per SEPA-Lastschrift eingezogen (Mandatsreferenz MND-K1, Gläubiger-ID DE98ZZZ09999999999)");
  });

  it("after the export: the collection date is the due date and is pre-notified in the payment terms", () => {
    const record = { invoiceRef: inv.invoiceRef, customerNo: "K1", messageId: "SDD-run-1-1", collectionDate: d("2026-12-08"), sequenceType: "FRST" as const, scheme: "CORE" as const, mandateRef: "MND-K1", iban: mandate.iban, creditorId: "DE98ZZZ09999999999", amount: inv.grossTotal };
    const r = buildEInvoice(withDirectDebit({ invoice: inv, customer: CUSTOMER, seller }, debitTermsOf(mandate, { paymentMethod: "direct_debit" }, "DE98ZZZ09999999999"), record));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(JSON.stringify(r.value)).toContain("Einzug per SEPA-Lastschrift am 08.12.2026");
    expect(JSON.stringify(r.value)).toContain('"dueDate":"2026-12-08"');
  });

  it("leaves transfer customers and customers without mandate unchanged", () => {
    const input = { invoice: inv, customer: CUSTOMER, seller };
    expect(debitTermsOf(mandate, { paymentMethod: "transfer" }, "DE98ZZZ09999999999")).toBeNull();
    expect(debitTermsOf(mandate, undefined, "DE98ZZZ09999999999")).toBeNull();
    expect(debitTermsOf(undefined, { paymentMethod: "direct_debit" }, "DE98ZZZ09999999999")).toBeNull();
    expect(withDirectDebit(input, null)).toBe(input);
    expect(withDirectDebit(input, undefined)).toBe(input);
  });

  it("leaves a credit note unchanged: nothing is debited", () => {
    const credit = invoice(CUSTOMER, negated(inv));
    const input = { invoice: credit, customer: CUSTOMER, seller };
    expect(withDirectDebit(input, debitTermsOf(mandate, { paymentMethod: "direct_debit" }, "DE98ZZZ09999999999"))).toBe(input);
  });
});
