import type { AppContext } from "../../../src/app/context";
import { importMaster } from "../../../src/app/import-master";
import { importLinks, importPurchase } from "../../../src/app/purchase";
import { textFile } from "../../support/fixtures";

/**
 * One purchase position (.de domains from a registrar, 1.00 per domain and month) feeding three
 * customers' domain positions at the same list price 2.50 with discounts 0 %, 10 % and 20 %; an SSL
 * certificate bought but not linked; a fourth customer's domain that no link covers.
 */
export const ARTICLES = [
  "article_no,description,unit_price,vat_pct",
  "DOM-DE,Domain .de,2.50,19",
  "SSL-DV,SSL-Zertifikat DV,9.00,19",
  "MS-BASIC,Managed Service Basic,49.00,19",
].join("\n");

export const CONTRACTS = [
  "customer_no,customer_name,contract_no,contract_type,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,discount_pct,valid_from",
  "20001,Alpha GmbH,V-3001,flatrate,monthly,advance,2026-01-01,1,DOM-DE,1,2.50,0,2026-01-01",
  "20001,Alpha GmbH,V-3001,flatrate,monthly,advance,2026-01-01,2,MS-BASIC,1,49.00,0,2026-01-01",
  "20002,Beta KG,V-3002,flatrate,annual,advance,2026-01-01,1,DOM-DE,2,2.50,10,2026-01-01",
  "20003,Gamma AG,V-3003,flatrate,monthly,arrears,2026-01-01,1,DOM-DE,1,2.50,20,2026-01-01",
  "20004,Delta OHG,V-3004,flatrate,monthly,advance,2026-01-01,1,DOM-DE,3,2.40,0,2026-01-01",
].join("\n");

export const PURCHASE = [
  "supplier,purchase_no,supplier_ref,position_no,article_no,description,object,quantity,unit_cost,billing_interval,valid_from",
  "DENIC Registrar GmbH,EK-100,KD-4711,1,DOM-DE,,.de domains (alpha.de beta.de beta-shop.de gamma.de),4,1.00,annual,2026-01-01",
  "DENIC Registrar GmbH,EK-100,KD-4711,2,SSL-DV,,shop.alpha.de,1,5.00,annual,2026-01-01",
].join("\n");

export const LINKS = [
  "purchase_no,purchase_position_no,contract_no,position_no",
  "EK-100,1,V-3001,1",
  "EK-100,1,V-3002,1",
  "EK-100,1,V-3003,1",
].join("\n");

export async function seedDomains(ctx: AppContext): Promise<void> {
  const m = await importMaster(ctx, [textFile("articles.csv", ARTICLES), textFile("contracts.csv", CONTRACTS)]);
  if (!m.ok) throw new Error(JSON.stringify(m.issues));
  const p = await importPurchase(ctx, textFile("purchase.csv", PURCHASE));
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  const l = await importLinks(ctx, textFile("links.csv", LINKS));
  if (!l.ok) throw new Error(JSON.stringify(l.issues));
}
