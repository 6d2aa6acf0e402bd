import { cancelInvoice } from "../../../src/app/cancel-invoice";
import { eInvoicesOfRun } from "../../../src/app/einvoice-run";
import { exportInvoiceDocuments, saveExportSettings } from "../../../src/app/export-invoices";
import { finalizeRun } from "../../../src/app/issue-run";
import { importMandates } from "../../../src/app/mandates";
import { listRuns } from "../../../src/app/billing-runs";
import { setSepaSettings } from "../../../src/app/sepa-settings";
import { maskIban } from "../../../src/core/sepa/iban";
import { SEPA_JSON } from "../../app/sepa/sepa-fixtures";
import { deIban } from "../../core/sepa/fixtures";
import { dbOf } from "../../support/db-view";
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
  expect(html).not.toContain("Der Betrag wird Ihnen gutgeschrieben");
});
