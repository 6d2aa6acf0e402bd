import { buildEInvoice } from "../../../src/core/einvoice/build-einvoice";
import { messageText } from "../../../src/core/messages";
import { debitNoticeAhead } from "../../../src/core/sepa/debit-notice";
import { debitTermsOf, withDirectDebit } from "../../../src/core/sepa/einvoice-debit";
import { maskIban } from "../../../src/core/sepa/iban";
import { CUSTOMER, SELLER, invoice, line, negated } from "../../support/einvoice-fixtures";
import { d, mandateOf } from "./fixtures";

describe("e-invoice of a direct-debit customer", () => {
  const inv = invoice(CUSTOMER, [line()]);
  const mandate = mandateOf("K1");
  const seller = { ...SELLER, creditorId: undefined };

  it("takes mandate reference, debtor IBAN and creditor id from the mandate and the SEPA settings (payment means 59)", () => {
    const input = withDirectDebit({ invoice: inv, customer: CUSTOMER, seller }, debitTermsOf(mandate, { paymentMethod: "direct_debit" }, { creditorId: "DE98ZZZ09999999999" }));
    const r = buildEInvoice(input);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.payment).toEqual({ code: "59", mandateRef: "MND-K1", creditorId: "DE98ZZZ09999999999", debtorIban: mandate.iban });
    expect(JSON.stringify(r.value)).toContain("wird per SEPA-Lastschrift eingezogen (Mandatsreferenz MND-K1, Gläubiger-ID DE98ZZZ09999999999)");
    // Not yet collected: the earliest day, the invoice date (31.03.2026) plus 14 days, as on the printed invoice.
    expect(JSON.stringify(r.value)).toContain("Einzug per SEPA-Lastschrift frühestens am 14.04.2026.");
  });

  it("after the export: the collection date is the due date and is pre-notified in the payment terms", () => {
    const record = { invoiceRef: inv.invoiceRef, customerNo: "K1", messageId: "SDD-run-1-1", collectionDate: d("2026-12-08"), sequenceType: "FRST" as const, scheme: "CORE" as const, mandateRef: "MND-K1", iban: mandate.iban, creditorId: "DE98ZZZ09999999999", amount: inv.grossTotal };
    const r = buildEInvoice(withDirectDebit({ invoice: inv, customer: CUSTOMER, seller }, debitTermsOf(mandate, { paymentMethod: "direct_debit" }, { creditorId: "DE98ZZZ09999999999" }), record));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(JSON.stringify(r.value)).toContain("Einzug per SEPA-Lastschrift am 08.12.2026");
    expect(JSON.stringify(r.value)).toContain('"dueDate":"2026-12-08"');
  });

  it("leaves transfer customers and customers without mandate unchanged", () => {
    const input = { invoice: inv, customer: CUSTOMER, seller };
    expect(debitTermsOf(mandate, { paymentMethod: "transfer" }, { creditorId: "DE98ZZZ09999999999" })).toBeNull();
    expect(debitTermsOf(mandate, undefined, { creditorId: "DE98ZZZ09999999999" })).toBeNull();
    expect(debitTermsOf(undefined, { paymentMethod: "direct_debit" }, { creditorId: "DE98ZZZ09999999999" })).toBeNull();
    expect(withDirectDebit(input, null)).toBe(input);
    expect(withDirectDebit(input, undefined)).toBe(input);
  });

  it("a credit note is not debited: it is paid out by credit transfer (58) to the mandate's account, and its terms say so", () => {
    const credit = invoice(CUSTOMER, negated(inv));
    const input = withDirectDebit({ invoice: credit, customer: CUSTOMER, seller }, debitTermsOf(mandate, { paymentMethod: "direct_debit" }, { creditorId: "DE98ZZZ09999999999" }));
    expect(input.seller).toBe(seller); // no pre-notification, no creditor id
    const r = buildEInvoice({ ...input, kind: "cancellation", cancels: { number: "RE-2026-0001", issueDate: "2026-03-31" } });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.payment).toEqual({ code: "58", iban: mandate.iban, accountName: "Kunde GmbH", refund: true });
    expect(r.value.paymentTerms).toBe(`Der Betrag wird Ihnen auf Ihr Konto ${maskIban(mandate.iban)} überwiesen bzw. mit offenen Forderungen verrechnet.`);
  });
});

describe("pre-notification on an invoice not yet in a SEPA file", () => {
  const terms = debitTermsOf(mandateOf("K1"), { paymentMethod: "direct_debit" }, { creditorId: "DE98ZZZ09999999999" })!;

  it("names the earliest collection: the invoice date plus the notice period (14 days unless the settings say otherwise)", () => {
    expect(messageText(debitNoticeAhead("RE-1", d("2026-12-01"), terms)!, "de")).toBe(
      `Der Betrag wird frühestens am 15.12.2026 per SEPA-Lastschrift von Ihrem Konto ${maskIban(terms.iban)} eingezogen (Mandatsreferenz MND-K1, Gläubiger-ID DE98ZZZ09999999999).`,
    );
    expect(messageText(debitNoticeAhead("RE-1", d("2026-12-25"), { ...terms, preNotificationDays: 7 })!, "en")).toContain("on 01.01.2027 at the earliest (mandate reference MND-K1");
  });

  it("says nothing without a creditor id (no direct debit settings: nothing can be collected)", () => {
    expect(debitNoticeAhead("RE-1", d("2026-12-01"), { mandateRef: "MND-K1", iban: terms.iban })).toBeUndefined();
  });
});
