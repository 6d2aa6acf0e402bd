import { buildInvoice, type InvoiceLine } from "../../../../src/core/billing/invoice";
import type { Customer } from "../../../../src/core/contract/model";
import { issue } from "../../../../src/core/issues";
import { formatIssue } from "../../../../src/core/messages";
import { parseCompanyInfo, validateCompanyInfo, type CompanyInfo } from "../../../../src/io/export/documents/company";
import { documentFileName, esc, euro, germanNumber, invoiceDocuments, invoiceHtml, REVERSE_CHARGE_TEXT } from "../../../../src/io/export/documents/invoice-html";

const COMPANY: CompanyInfo = { name: "Systemhaus Nord GmbH", address: "Hafenweg 1\n24103 Kiel", taxNumber: "20/123/45678" };

function line(over: Partial<InvoiceLine> = {}): InvoiceLine {
  return {
    lineNo: 1, lineType: "recurring", contractNo: "V-1", positionNo: 1, articleNo: "A-1", description: "Cloud-Lizenz",
    serviceFrom: "2026-02-01", serviceTo: "2026-02-28", quantity: "1000", unitPrice: "20.6", discountPct: "10", periodFactor: "1",
    netAmount: "18540.00", exactAmount: "18540", vatPct: "19", ...over,
  };
}
const doc = (customer: Customer, lines: InvoiceLine[]) => buildInvoice({ invoiceRef: "RE-9", runId: "r", invoiceDate: "2026-02-02", customer }, lines);

describe("company data", () => {
  it("needs name, address and a tax number or VAT id; unknown fields are named", () => {
    expect(validateCompanyInfo(COMPANY)).toEqual({ ok: true, value: COMPANY });
    const r = validateCompanyInfo({ name: "", adress: "x" });
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.field ?? ""])).toEqual([
      ["company.field_unknown", "adress"],
      ["company.field_required", "name"],
      ["company.field_required", "address"],
      ["company.tax_id_required", ""],
    ]);
    expect(!r.ok && formatIssue(r.issues[3]!, "de")).toContain("§ 14 Abs. 4 Nr. 2 UStG");
    expect(parseCompanyInfo("\uFEFF" + JSON.stringify({ ...COMPANY, taxNumber: undefined, vatId: "DE1" })).ok).toBe(true);
    expect(!parseCompanyInfo("nope").ok).toBe(true);
  });

  it("refuses an IBAN with wrong check digits and an implausible e-mail when saved, not only at the e-invoice after issuing", () => {
    // A clerk's typo (…013001 for …013000) was saved and printed on issued invoice documents.
    expect(validateCompanyInfo({ ...COMPANY, iban: "DE89 3704 0044 0532 0130 00", email: "rechnung@systemhaus.de" }).ok).toBe(true);
    const r = validateCompanyInfo({ ...COMPANY, iban: "DE89370400440532013001", email: "rechnung@systemhaus" });
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.field ?? ""])).toEqual([
      ["company.field_invalid", "iban"],
      ["company.field_invalid", "email"],
    ]);
    expect(!r.ok && formatIssue(r.issues[0]!, "de")).toBe("Firmenangaben: Feld iban: „DE89370400440532013001“ ist ungültig (erwartet eine IBAN mit gültigen Prüfziffern, z. B. DE89 3704 0044 0532 0130 00 (Tippfehler?)).");
    expect(!r.ok && formatIssue(r.issues[1]!, "en")).toBe('Company data: field email: "rechnung@systemhaus" is invalid (expected an e-mail address such as invoices@company.com).');
  });
});

describe("invoice HTML", () => {
  it("formats German numbers and euros; escapes HTML; safe file names", () => {
    expect([germanNumber("1234567.5"), germanNumber("-1000"), germanNumber("0.125")]).toEqual(["1.234.567,5", "-1.000", "0,125"]);
    expect(euro("-98.06")).toBe("-98,06\u00a0€");
    expect(esc(`<b>"A&B'</b>`)).toBe("&lt;b&gt;&quot;A&amp;B&#39;&lt;/b&gt;");
    expect(documentFileName("RE/2026 1")).toBe("RE_2026_1.html");
  });

  it("shows a prorated line's factor as days (17 von 31 Tagen), a full month as 1", () => {
    const c: Customer = { no: "10001", name: "Muster GmbH", address: "Weg 1\n24103 Kiel" };
    const inv = doc(c, [line(), line({ lineNo: 2, serviceFrom: "2026-10-15", serviceTo: "2026-10-31", periodFactor: "0.548387", netAmount: "10167.10", exactAmount: "10167.09" })]);
    const r = invoiceDocuments([inv], { company: COMPANY, customers: new Map([[c.no, c]]) });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const html = r.value.documents[0]!.html;
    expect(html).toContain('<td class="num">17 von 31 Tagen</td>');
    expect(html).toContain('<td class="num">1</td>');
    expect(html).not.toContain("0,548387");
  });

  it("prices ticket time per hour and clicks per page without months; names the contract without position 0, and no contract when there is none", () => {
    const c: Customer = { no: "10001", name: "Muster GmbH", address: "Weg 1\n24103 Kiel" };
    const usage = { serviceFrom: "2026-02-06", serviceTo: "2026-02-06", discountPct: "0", periodFactor: "1", positionNo: 0 } as const;
    const inv = doc(c, [
      line(),
      line({ ...usage, lineNo: 2, lineType: "time", contractNo: "V-4", articleNo: "SUP-R", description: "Remote-Support, Ticket 5000", quantity: "1.5", unitPrice: "87.4", netAmount: "131.10", exactAmount: "131.1" }),
      line({ ...usage, lineNo: 3, lineType: "time", contractNo: "", articleNo: "SUP-O", description: "Vor-Ort-Service, Ticket 5001", quantity: "1", unitPrice: "104", netAmount: "104.00", exactAmount: "104" }),
      line({ ...usage, lineNo: 4, lineType: "click", contractNo: "K-5", articleNo: "CL-SW", description: "Seiten s/w", quantity: "155", unitPrice: "0.008", netAmount: "1.24", exactAmount: "1.24" }),
    ]);
    const r = invoiceDocuments([inv], { company: COMPANY, customers: new Map([[c.no, c]]) });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const rows = r.value.documents[0]!.html.split("<tr>").filter((t) => t.startsWith('\n<td class="num">')).map((t) => t.replace(/<[^>]+>/g, " ").replace(/[ \n]+/g, " ").trim());
    expect(rows).toEqual([
      "1 Cloud-Lizenz Art.-Nr. A-1 · Vertrag V-1/1 abzgl. 10\u00a0% Rabatt 01.02.2026 – 28.02.2026 1.000 20,60\u00a0€/Monat 1 19\u00a0% 18.540,00\u00a0€",
      "2 Remote-Support, Ticket 5000 Art.-Nr. SUP-R · Vertrag V-4 06.02.2026 1,5\u00a0Std. 87,40\u00a0€/Std. – 19\u00a0% 131,10\u00a0€",
      "3 Vor-Ort-Service, Ticket 5001 Art.-Nr. SUP-O 06.02.2026 1\u00a0Std. 104,00\u00a0€/Std. – 19\u00a0% 104,00\u00a0€",
      "4 Seiten s/w Art.-Nr. CL-SW · Vertrag K-5 06.02.2026 155 0,008\u00a0€ – 19\u00a0% 1,24\u00a0€",
    ]);
  });

  it("a reverse-charge invoice states the recipient owes the VAT and shows the recipient's VAT id", () => {
    const eu: Customer = { no: "30001", name: "Wiener IT GmbH", address: "Ring 1\n1010 Wien\nÖsterreich", vatId: "ATU12345678", reverseCharge: true };
    const inv = doc(eu, [line({ vatPct: "0" })]);
    const r = invoiceDocuments([inv], { company: COMPANY, customers: new Map([[eu.no, eu]]) });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.issues).toEqual([]);
    const html = r.value.documents[0]!.html;
    expect(html).toContain(`${REVERSE_CHARGE_TEXT}.`);
    expect(html).toContain("<th>Ihre USt-IdNr.</th><td>ATU12345678</td>");
    expect(html).toContain("Ring 1<br>1010 Wien<br>Österreich");
    expect(html).toContain("abzgl. 10\u00a0% Rabatt");
    expect(html).toContain("18.540,00\u00a0€");
  });

  it("reverse charge with VAT is an error (no document); a missing address is one over 250 € gross, a warning up to that (Kleinbetragsrechnung); 0 % without reason is a warning", () => {
    const rc: Customer = { no: "30002", name: "RC GmbH", reverseCharge: true };
    const withVat = invoiceDocuments([doc(rc, [line()])], { company: COMPANY, customers: new Map([[rc.no, rc]]) });
    expect(!withVat.ok && withVat.issues.map((i) => [i.code, i.severity])).toEqual([
      ["document.customer_address_required", "error"],
      ["document.reverse_charge_with_vat", "error"],
      ["document.reverse_charge_without_vat_id", "warning"],
    ]);
    const plain: Customer = { no: "30003", name: "Plain" };
    const zero = invoiceDocuments([doc(plain, [line({ vatPct: "0", quantity: "1", unitPrice: "250", netAmount: "250.00" })])], { company: COMPANY, customers: new Map([[plain.no, plain]]) });
    expect(zero.ok && zero.value.issues.map((i) => i.code)).toEqual(["document.no_customer_address", "document.zero_rate_without_reason"]);
    const over = invoiceDocuments([doc(plain, [line({ vatPct: "0", quantity: "1", unitPrice: "250.01", netAmount: "250.01" })])], { company: COMPANY, customers: new Map([[plain.no, plain]]) });
    expect(!over.ok && over.issues.map((i) => formatIssue(i))).toEqual([
      "Invoice RE-9 for 250.01 € gross: customer 30003 has no address. § 14 (4) no. 1 UStG requires the recipient's full address (only invoices up to 250 € may leave it out, § 33 UStDV). Enter the address in the master data (column customer_address); no document was made.",
      "Invoice RE-9: 0 % VAT positions without reverse charge; the reason for the exemption must be on the invoice (§ 14 (4) no. 8 UStG), e.g. in the position text.",
    ]);
  });

  it("escapes customer texts and uses no external resource", () => {
    const evil: Customer = { no: "1", name: '<script>alert("x")</script>', address: "<img src=x>" };
    const html = invoiceHtml(doc(evil, [line({ description: "<b>Lizenz</b> & mehr" })]), { company: COMPANY, customers: new Map([[evil.no, evil]]) });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;b&gt;Lizenz&lt;/b&gt; &amp; mehr");
    expect(html).not.toMatch(/<[^>]*\b(src|href)=|url\(|@import|https?:/);
  });
});

describe("invoice HTML: SEPA direct debit notice", () => {
  const customer: Customer = { no: "10001", name: "Müller GmbH", address: "Weg 1\n24103 Kiel" };
  const notice = issue("sepa.debit_notice", { invoice: "RE-9", date: "20.02.2026", iban: "DE89 XXXX XXXX XXXX XX30 00", mandate: "MND-1", creditorId: "DE98ZZZ09999999999" }, undefined, "info");
  const context = { company: { ...COMPANY, paymentTerms: "Zahlbar innerhalb von 14 Tagen ohne Abzug." }, customers: new Map([[customer.no, customer]]) };

  it("prints the pre-notification in place of the payment terms", () => {
    const html = invoiceHtml(doc(customer, [line()]), { ...context, debitNotices: new Map([["RE-9", notice]]) });
    expect(html).toContain('<p class="terms debit-notice">Der Betrag wird am 20.02.2026 per SEPA-Lastschrift von Ihrem Konto DE89 XXXX XXXX XXXX XX30 00 eingezogen (Mandatsreferenz MND-1, Gläubiger-ID DE98ZZZ09999999999).</p>');
    expect(html).not.toContain("Zahlbar innerhalb");
  });

  it("keeps the payment terms for invoices without a notice, and the credit text for credits", () => {
    expect(invoiceHtml(doc(customer, [line()]), { ...context, debitNotices: new Map() })).toContain('<p class="terms">Zahlbar innerhalb von 14 Tagen ohne Abzug.</p>');
    const credit = invoiceHtml(doc(customer, [line({ netAmount: "-10.00", lineType: "difference", correctsRef: "RE-1" })]), { ...context, debitNotices: new Map([["RE-9", notice]]) });
    expect(credit).not.toContain("SEPA-Lastschrift");
    expect(credit).toContain("Der Betrag wird mit offenen Forderungen verrechnet; auf Wunsch zahlen wir ihn auf ein von Ihnen genanntes Konto aus.");
  });

  it("a credit to a direct-debit customer is paid out to its mandate's account (else the IBAN of its master data), as its e-invoice says", () => {
    const credit = doc(customer, [line({ netAmount: "-10.00", lineType: "difference", correctsRef: "RE-1" })]);
    const paidOut = (iban: string) => `Der Betrag wird Ihnen auf Ihr Konto ${iban} überwiesen bzw. mit offenen Forderungen verrechnet.`;
    expect(invoiceHtml(credit, { ...context, refundIbans: new Map([["RE-9", "DE89370400440532013000"]]) })).toContain(paidOut("DE89 XXXX XXXX XXXX XX30 00"));
    const debtor: Customer = { ...customer, paymentMeans: "direct_debit", sepaMandateRef: "MND-1", sepaDebtorIban: "DE02120300000000202051" };
    expect(invoiceHtml(credit, { ...context, customers: new Map([[debtor.no, debtor]]) })).toContain(paidOut("DE02 XXXX XXXX XXXX XX20 51"));
  });
});
