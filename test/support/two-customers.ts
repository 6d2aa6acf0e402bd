/**
 * The smallest billing story's master data: one article and two customers with one monthly contract
 * each (10 and 3 seats of M365 Business Premium at 20.60, 19 % VAT, from 2026-01-01). A January run
 * gives two invoices, RE-000001 and RE-000002. Used by the invoice lifecycle tests.
 */
export const TWO_CUSTOMERS_ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\n";

export const TWO_CUSTOMERS_CONTRACTS = [
  "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,1,M365-BP,10,20.60,19,2026-01-01",
  "10002,Schmidt KG,V-2,monthly,advance,2026-01-01,1,M365-BP,3,20.60,19,2026-01-01",
].join("\n");
