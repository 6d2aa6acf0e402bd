import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EInvoiceFile } from "../../src/io/einvoice/generate-einvoice";
import { xmlOf } from "../support/einvoice-check";
import { validateAgainstCiiD16B, validateAgainstFacturX } from "../support/xml-schema";
import { runCommand as run } from "../support/cli-io";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\n";
const CONTRACTS = [
  "customer_no,customer_name,customer_street,customer_postcode,customer_city,customer_email,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from",
  "10001,Müller GmbH,Hauptstr. 1,20095,Hamburg,ap@mueller.de,V-1,monthly,advance,2026-01-01,1,M365-BP,10,20.60,19,2026-01-01",
  "10002,Schmidt KG,Marktplatz 2,10115,Berlin,buchhaltung@schmidt.de,V-2,monthly,advance,2026-01-01,1,M365-BP,3,20.60,19,2026-01-01",
].join("\n");
const COMPANY = {
  name: "Muster IT Service GmbH", address: "Musterstraße 1\n10115 Berlin", vatId: "DE123456789", contactName: "Erika Muster",
  phone: "+49 30 1234567", email: "rechnung@muster-it.de", iban: "DE02120300000000202051", paymentTerms: "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
};
const SEPA = { name: "Muster IT Service GmbH", iban: "DE02120300000000202051", creditorId: "DE98ZZZ09999999999" };
const MANDATES = "customer_no;mandate_ref;signature_date;iban;scheme;debtor_name;payment_method\n10001;MND-10001;2025-06-01;DE89370400440532013000;CORE;Müller GmbH;direct_debit\n";


async function eInvoiceXml(ws: string, runId: string, dir: string): Promise<Map<string, string>> {
  const r = await run("einvoice", "--workspace", ws, "--run", runId, "--format", "xrechnung-cii", "--out", dir, "--json");
  expect(r.err).toBe("");
  const out = new Map<string, string>();
  for (const path of (JSON.parse(r.out) as { files: string[] }).files) {
    const xml = await xmlOf({ mimeType: "application/xml", bytes: new Uint8Array(readFileSync(path)) } as EInvoiceFile);
    expect((await validateAgainstFacturX(xml, "EN16931")).errors).toEqual([]);
    expect((await validateAgainstCiiD16B(xml)).errors).toEqual([]);
    out.set(/<ram:ID>(RE-\d+)<\/ram:ID>/.exec(xml)![1]!, xml);
  }
  return out;
}

/**
 * Issue 18 item 4 through the hosts: the e-invoice of a customer paying by direct debit carries
 * payment means 59 with the mandate reference, our creditor id and the debited IBAN from the stored
 * mandate and SEPA settings; once the invoice is in a SEPA file, the collection date is its due date
 * and the payment terms pre-notify it. A customer paying by transfer keeps credit transfer (58).
 */
it("e-invoices of direct-debit customers say how and when they are collected", async () => {
  const d = mkdtempSync(join(tmpdir(), "msp-einvoice-debit-"));
  const ws = join(d, "ws.db");
  const files = { "articles.csv": ARTICLES, "contracts.csv": CONTRACTS, "company.json": JSON.stringify(COMPANY), "sepa.json": JSON.stringify(SEPA), "mandates.csv": MANDATES };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  expect((await run("import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv"))).code).toBe(0);
  expect((await run("export-settings", "--workspace", ws, "--company", join(d, "company.json"))).code).toBe(0);
  expect((await run("sepa", "settings", "--workspace", ws, join(d, "sepa.json"))).code).toBe(0);
  expect((await run("mandates", "import", "--workspace", ws, join(d, "mandates.csv"))).code).toBe(0);
  const bill = await run("bill", "--workspace", ws, "--period", "2026-12", "--out", join(d, "dec.csv"), "--invoice-date", "2026-12-01", "--json");
  expect(bill.code).toBe(0);
  const runId = (JSON.parse(bill.out) as { runId: string }).runId;

  const before = await eInvoiceXml(ws, runId, join(d, "e1"));
  const debit = before.get("RE-000001")!;
  expect(debit).toMatch(/<ram:SpecifiedTradeSettlementPaymentMeans>\s*<ram:TypeCode>59<\/ram:TypeCode>/);
  expect(debit).toContain("<ram:DirectDebitMandateID>MND-10001</ram:DirectDebitMandateID>");
  expect(debit).toContain("<ram:CreditorReferenceID>DE98ZZZ09999999999</ram:CreditorReferenceID>");
  expect(debit).toContain("DE89370400440532013000");
  expect(before.get("RE-000002")!).toMatch(/<ram:TypeCode>58<\/ram:TypeCode>/);
  // BT-82 in the customer's language, as the rest of the invoice.
  expect(debit).toContain("<ram:Information>SEPA-Lastschrift</ram:Information>");
  expect(before.get("RE-000002")!).toContain("<ram:Information>SEPA-Überweisung</ram:Information>");
  expect(before.get("RE-000002")!).not.toContain("DirectDebitMandateID");

  const sepa = await run("sepa", "--workspace", ws, "--run", runId, "--collection-date", "2026-12-08", "--out", join(d, "dec.xml"));
  expect(sepa.code).toBe(0);
  expect(sepa.err).toContain("Collected: 1 direct debit(s) CORE/FRST, EUR 2941.68, on 2026-12-08.");
  const after = (await eInvoiceXml(ws, runId, join(d, "e2"))).get("RE-000001")!;
  expect(after).toContain("Einzug per SEPA-Lastschrift am 08.12.2026 über 2941,68 EUR.");
  expect(after).toMatch(/<ram:DueDateDateTime>\s*<udt:DateTimeString format="102">20261208<\/udt:DateTimeString>/);
}, 120_000);
