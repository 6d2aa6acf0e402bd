import { dbOf } from "../../support/db-view";
import { runBilling } from "../../../src/app/bill";
import type { AppContext } from "../../../src/app/context";
import { importMaster } from "../../../src/app/import-master";
import type { Invoice } from "../../../src/core/billing/invoice";
import type { DatevConfig } from "../../../src/io/export/datev/config";
import type { CompanyInfo } from "../../../src/io/export/documents/company";
import { testContext, textFile } from "../../support/fixtures";

/**
 * The billing scenario the export tests share: two customers, VAT 19 % and 7 %, a quarterly contract
 * billed in advance, and a retroactive reduction that makes February's invoice for 10002 a
 * Rechnungskorrektur (a credit). January: RE-000001 (10001), RE-000002 (10002, Q1); February:
 * RE-000003 (10001), RE-000004 (10002, correction of RE-000002).
 */
const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\nBOOK,Handbuch,12.00,7\n";
const CONTRACTS = [
  "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,1,M365-BP,10,20.60,19,2026-01-01",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,2,BOOK,1,12.00,7,2026-01-01",
  "10002,Schmidt & Söhne KG,V-2,quarterly,advance,2026-01-01,1,M365-BP,3,20.60,19,2026-01-01",
].join("\n");
/** 10002 goes down from 3 to 1 seat from 1 February: a credit for February and March. */
const REDUCTION = "customer_no,contract_no,billing_interval,contract_start,position_no,article_no,quantity,unit_price,valid_from\n10002,V-2,quarterly,2026-01-01,1,M365-BP,1,20.60,2026-02-01\n";

export const DATEV_CONFIG: DatevConfig = { consultantNo: 1234567, clientNo: 10001, fiscalYearStart: "01-01", accountLength: 4, chart: "SKR03" };

export const COMPANY: CompanyInfo = {
  name: "Systemhaus Beispiel GmbH",
  address: "Hauptstraße 5\n20095 Hamburg",
  taxNumber: "22/123/45678",
  vatId: "DE123456789",
  phone: "040 123456",
  email: "rechnung@systemhaus-beispiel.de",
  bankName: "Hamburger Sparkasse",
  iban: "DE34 2005 0550 1234 5678 90",
  bic: "HASPDEHHXXX",
  paymentTerms: "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
  footer: "Amtsgericht Hamburg HRB 12345 · Geschäftsführer: Erika Beispiel",
};

export interface Scenario {
  ctx: AppContext;
  january: Invoice[];
  february: Invoice[];
}

export async function billedScenario(): Promise<Scenario> {
  const ctx = await testContext();
  const imported = await importMaster(ctx, [textFile("articles.csv", ARTICLES), textFile("contracts.csv", CONTRACTS)]);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  await dbOf(ctx).customers.update("10001", { debtorAccount: "10001", address: "Lindenallee 12\n22041 Hamburg" });
  await dbOf(ctx).customers.update("10002", { debtorAccount: "10002", address: "Am Markt 3\n21335 Lüneburg", vatId: "DE987654321" });
  const jan = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
  if (!jan.ok) throw new Error("January run failed");
  const change = await importMaster(ctx, [textFile("change.csv", REDUCTION)]);
  if (!change.ok) throw new Error(JSON.stringify(change.issues));
  const feb = await runBilling(ctx, { month: "2026-02", invoiceDate: "2026-02-02" });
  if (!feb.ok) throw new Error("February run failed");
  return { ctx, january: jan.value.invoices, february: feb.value.invoices };
}
