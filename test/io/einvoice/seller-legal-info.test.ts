import { buildEInvoice, type EInvoiceInput } from "../../../src/core/einvoice/build-einvoice";
import { EINVOICE_FORMATS, type EInvoice } from "../../../src/core/einvoice/model";
import { generateEInvoice } from "../../../src/io/einvoice/generate-einvoice";
import { expectUblSaysWhatCiiSays, renderAndCheck, xmlOf } from "../../support/einvoice-check";
import { CUSTOMER, SELLER, invoice, line, loadFonts, negated } from "../../support/einvoice-fixtures";

/**
 * Found by the tax advisor's review: BT-33 (seller additional legal information) was never written,
 * though the company footer holds it (Geschäftsführer, Registergericht, HRB: § 35a GmbHG) and the
 * ZUGFeRD page prints it. @e-invoice-eu/core names it cbc:CompanyLegalForm in its schema and UBL, but
 * its CII mapping reads cbc:LegalForm. Now it is ram:SellerTradeParty/ram:Description in CII and
 * Factur-X and cac:PartyLegalEntity/cbc:CompanyLegalForm in UBL.
 */
const LEGAL = "Geschäftsführer: Erika Muster · Amtsgericht Charlottenburg, HRB 12345 B";
const seller = { ...SELLER, footer: "Geschäftsführer: Erika Muster\n  Amtsgericht Charlottenburg, HRB 12345 B\n" };
const inv = invoice(CUSTOMER, [line()], { invoiceRef: "RE-000001" });
const storno = invoice(CUSTOMER, negated(inv), { invoiceRef: "RE-000002", invoiceDate: "2026-04-10" });

function model(input: Partial<EInvoiceInput> & Pick<EInvoiceInput, "invoice">): EInvoice {
  const r = buildEInvoice({ customer: CUSTOMER, seller, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const CASES: [string, EInvoice, typeof inv][] = [
  ["invoice", model({ invoice: inv }), inv],
  // with BG-3, which also takes the format service path
  ["Stornorechnung", model({ invoice: storno, kind: "cancellation", cancels: { number: "RE-000001", issueDate: "2026-03-31" } }), storno],
];

describe.each(CASES)("BT-33 from the company footer: %s", (_name, e, ours) => {
  it("is the footer's lines in one", () => expect(e.seller.legalInfo).toBe(LEGAL));

  it.each(EINVOICE_FORMATS)("%s carries it where EN 16931 binds it, and validates", async (format) => {
    const { parsed, xml } = await renderAndCheck(e, ours, format);
    expect(parsed.seller.legalInfo).toBe(LEGAL);
    if (format === "xrechnung-ubl") expect(xml).toMatch(/<cac:PartyLegalEntity>\s*<cbc:RegistrationName>Muster IT Service GmbH<\/cbc:RegistrationName>\s*<cbc:CompanyLegalForm>Geschäftsführer: Erika Muster · Amtsgericht Charlottenburg, HRB 12345 B<\/cbc:CompanyLegalForm>/);
    else expect(xml).toMatch(/<ram:SellerTradeParty>\s*<ram:Name>Muster IT Service GmbH<\/ram:Name>\s*<ram:Description>Geschäftsführer: Erika Muster · Amtsgericht Charlottenburg, HRB 12345 B<\/ram:Description>/);
    expect(xml).not.toContain("LegalForm>Geschäftsführer: Erika Muster\n");
  });

  it("UBL says what the schema-validated CII says", () => expectUblSaysWhatCiiSays(e, ours));

  it.each(EINVOICE_FORMATS)("%s: the same XML with and without the library's schema check (the pane)", async (format) => {
    const fonts = loadFonts();
    const checked = await generateEInvoice(e, format, { fonts });
    const direct = await generateEInvoice(e, format, { fonts, librarySchemaCheck: false });
    if (!checked.ok || !direct.ok) throw new Error(JSON.stringify([checked, direct]));
    expect(await xmlOf(direct.value)).toBe(await xmlOf(checked.value));
  });
});

it("no footer, no BT-33", async () => {
  const e = buildEInvoice({ invoice: inv, customer: CUSTOMER, seller: SELLER });
  if (!e.ok) throw new Error(JSON.stringify(e.issues));
  expect(e.value.seller.legalInfo).toBeUndefined();
  const { xml } = await renderAndCheck(e.value, inv, "xrechnung-cii");
  expect(xml).not.toMatch(/<ram:SellerTradeParty>\s*<ram:Name>[^<]*<\/ram:Name>\s*<ram:Description>/);
});
