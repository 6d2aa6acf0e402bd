import { cancelInvoice } from "../../../src/app/cancel-invoice";
import { eInvoicesOfRun } from "../../../src/app/einvoice-run";
import { exportInvoiceDocuments, saveExportSettings } from "../../../src/app/export-invoices";
import { finalizeRun } from "../../../src/app/issue-run";
import { importMandates } from "../../../src/app/mandates";
import { listRuns } from "../../../src/app/billing-runs";
import { setSepaSettings } from "../../../src/app/sepa-settings";
import { importMaster } from "../../../src/app/import-master";
import { formatIban, maskIban } from "../../../src/core/sepa/iban";
import { SEPA_JSON } from "../../app/sepa/sepa-fixtures";
import { deIban } from "../../core/sepa/fixtures";
import { dbOf } from "../../support/db-view";
import { parseEInvoiceXml } from "../../support/einvoice-xml";
import { textFile } from "../../support/fixtures";
import { validateAgainstCiiD16B, validateAgainstFacturX } from "../../support/xml-schema";
import { COMPANY, billedScenario } from "./scenario";

/**
 * The Stornorechnung of a direct-debit customer: its e-invoice had payment means 59 (direct debit
 * under the mandate) while its terms said the amount is credited. It is paid out by credit transfer
 * (58) to the account the mandate debits, and the printed Stornorechnung says the same as the e-invoice.
 */
it("a direct-debit customer's Stornorechnung: credit transfer to the mandate's account, on the document and in the e-invoice", async () => {
  const s = await billedScenario();
  await saveExportSettings(s.ctx, { company: { ...COMPANY, contactName: "Buchhaltung" } });
  await dbOf(s.ctx).customers.update("10001", { email: "rechnung@mueller.de" });
  expect((await setSepaSettings(s.ctx, SEPA_JSON)).ok).toBe(true);
  const iban = deIban("37040044", 1);
  const csv = `customer_no;mandate_ref;signature_date;iban;debtor_name;payment_method\n10001;MND-10001;2025-06-01;${iban};Müller GmbH;direct_debit`;
  expect((await importMandates(s.ctx, { name: "mandates.csv", bytes: new TextEncoder().encode(csv) })).ok).toBe(true);
  for (const r of [...(await listRuns(s.ctx))].reverse()) expect((await finalizeRun(s.ctx, r.id)).ok).toBe(true);
  const cancelled = await cancelInvoice(s.ctx, "RE-000001", { date: "2026-03-05", reason: "Testfall" });
  if (!cancelled.ok) throw new Error(JSON.stringify(cancelled.issues));
  const terms = `Der Betrag wird Ihnen auf Ihr Konto ${maskIban(iban)} überwiesen bzw. mit offenen Forderungen verrechnet.`;

  const e = await eInvoicesOfRun(s.ctx, cancelled.value.runId, "xrechnung-cii");
  if (!e.ok) throw new Error(JSON.stringify(e.issues));
  const xml = new TextDecoder().decode(e.value.files[0]!.bytes);
  expect((await validateAgainstCiiD16B(xml)).errors).toEqual([]);
  expect((await validateAgainstFacturX(xml, "EN16931")).errors).toEqual([]);
  expect(xml).toMatch(/<ram:TypeCode>381<\/ram:TypeCode>/);
  expect(/<ram:SpecifiedTradeSettlementPaymentMeans>\s*<ram:TypeCode>(\d+)</.exec(xml)?.[1]).toBe("58");
  expect(/<ram:PayeePartyCreditorFinancialAccount>\s*<ram:IBANID>([^<]*)</.exec(xml)?.[1]).toBe(iban);
  expect(xml).not.toContain("DirectDebitMandateID");
  expect(xml).toContain(terms);

  const stored = await s.ctx.store.read((tx) => tx.invoices.ofRun(cancelled.value.runId));
  const printed = await exportInvoiceDocuments(s.ctx, stored);
  if (!printed.ok) throw new Error(JSON.stringify(printed.issues));
  const html = printed.value.documents[0]!.html.replace(/\u00a0/g, " ");
  expect(html).toContain(terms);
  expect(html).not.toContain("verrechnet; auf Wunsch");
});

/** A credit's e-invoice (CII and UBL read back, which must agree) and printed document, after issuing every run. */
async function creditOf(s: Awaited<ReturnType<typeof billedScenario>>, runId: string, invoiceRef: string) {
  const cii = await eInvoicesOfRun(s.ctx, runId, "xrechnung-cii");
  if (!cii.ok) throw new Error(JSON.stringify(cii.issues));
  const ubl = await eInvoicesOfRun(s.ctx, runId, "xrechnung-ubl");
  if (!ubl.ok) throw new Error(JSON.stringify(ubl.issues));
  const xmlOf = (files: { invoiceRef: string; bytes: Uint8Array }[]): string => new TextDecoder().decode(files.find((f) => f.invoiceRef === invoiceRef)!.bytes);
  const xml = xmlOf(cii.value.files);
  expect((await validateAgainstCiiD16B(xml)).errors).toEqual([]);
  expect((await validateAgainstFacturX(xml, "EN16931")).errors).toEqual([]);
  const parsed = parseEInvoiceXml(xml);
  expect(parseEInvoiceXml(xmlOf(ubl.value.files))).toEqual(parsed);
  const stored = await s.ctx.store.read((tx) => tx.invoices.ofRun(runId));
  const printed = await exportInvoiceDocuments(s.ctx, stored);
  if (!printed.ok) throw new Error(JSON.stringify(printed.issues));
  return { xml, parsed, html: printed.value.documents.find((d) => d.invoiceRef === invoiceRef)!.html.replace(/\u00a0/g, " ") };
}

/**
 * A credit to a customer who pays by transfer: on a credit note BT-84 is the account the money goes
 * to, the customer's, never ours. With its refund account (master column refund_iban) the credit is
 * paid out there (58); without one it is set off (97, no account). Document and e-invoice agree.
 */
describe("credits to transfer customers", () => {
  const REFUND = deIban("20050550", 7);
  const SET_OFF = "Der Betrag wird mit offenen Forderungen verrechnet; auf Wunsch zahlen wir ihn auf ein von Ihnen genanntes Konto aus.";

  it("with a refund account from the master data: the Stornorechnung is paid out to it (58), not to our IBAN", async () => {
    const s = await billedScenario();
    await saveExportSettings(s.ctx, { company: { ...COMPANY, contactName: "Buchhaltung" } });
    const refund = `customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price,valid_from,customer_email,refund_iban\n10001,V-1,2026-01-01,1,M365-BP,10,20.60,2026-01-01,rechnung@mueller.de,${formatIban(REFUND)}\n`;
    const imported = await importMaster(s.ctx, [textFile("refund.csv", refund)]);
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    expect((await dbOf(s.ctx).customers.get("10001"))!.refundIban).toBe(REFUND);
    for (const r of [...(await listRuns(s.ctx))].reverse()) expect((await finalizeRun(s.ctx, r.id)).ok).toBe(true);
    const cancelled = await cancelInvoice(s.ctx, "RE-000001", { date: "2026-03-05", reason: "Testfall" });
    if (!cancelled.ok) throw new Error(JSON.stringify(cancelled.issues));

    const { xml, parsed, html } = await creditOf(s, cancelled.value.runId, cancelled.value.cancellationRef);
    // RE-000001: 10 × 20.60 = 206.00 at 19 % (39.14) + 12.00 at 7 % (0.84) = 257.98, credited
    expect([parsed.typeCode, parsed.totals.taxExclusive, parsed.totals.vat, parsed.totals.payable]).toEqual(["381", "218.00", "39.98", "257.98"]);
    expect(parsed.payment).toEqual({ code: "58", iban: REFUND, accountName: "Müller GmbH" });
    expect(xml).not.toContain("DE34200505501234567890");
    const terms = `Der Betrag wird Ihnen auf Ihr Konto ${maskIban(REFUND)} überwiesen bzw. mit offenen Forderungen verrechnet.`;
    expect(parsed.paymentTerms).toBe(terms);
    expect(html).toContain(terms);
    expect(html).toContain("Gutschriftsbetrag (brutto)</td><td class=\"num\">-257,98 €");
  });

  it("without one: the crediting correction is set off (97, no account), and its document says so", async () => {
    const s = await billedScenario();
    await saveExportSettings(s.ctx, { company: { ...COMPANY, contactName: "Buchhaltung" } });
    await dbOf(s.ctx).customers.update("10001", { email: "rechnung@mueller.de" });
    await dbOf(s.ctx).customers.update("10002", { email: "buchhaltung@schmidt-soehne.de" });
    for (const r of [...(await listRuns(s.ctx))].reverse()) expect((await finalizeRun(s.ctx, r.id)).ok).toBe(true);
    const correction = s.february.find((i) => i.customerNo === "10002")!;
    expect(correction.documentType).toBe("correction");

    const { xml, parsed, html } = await creditOf(s, correction.runId, correction.invoiceRef);
    // 2 seats × 20.60 less for February and March: 82.40 net, 15.66 VAT, 98.06 credited
    expect([parsed.typeCode, parsed.totals.taxExclusive, parsed.totals.vat, parsed.totals.payable]).toEqual(["381", "82.40", "15.66", "98.06"]);
    expect(parsed.payment).toEqual({ code: "97" });
    expect(/<ram:SpecifiedTradeSettlementPaymentMeans>\s*<ram:TypeCode>(\d+)</.exec(xml)?.[1]).toBe("97");
    expect(xml).not.toContain("PayeePartyCreditorFinancialAccount");
    expect(xml).not.toContain("DE34200505501234567890");
    expect(parsed.paymentTerms).toBe(SET_OFF);
    expect(html).toContain(SET_OFF);
  });
});
