import { applyReview } from "../../src/app/apply-review";
import type { AppContext } from "../../src/app/context";
import { importMaster } from "../../src/app/import-master";
import { reconcileFiles, type VendorFileRead } from "../../src/app/reconcile";
import type { ReviewRow } from "../../src/core/reconcile/review-row";
import { readReviewTable } from "../../src/io/reconcile/review-table";
import { reviewTableRows } from "../../src/io/reconcile/review-table";
import { readCsvText } from "../../src/io/table/read-csv";
import { toCsv } from "../../src/io/table/write-csv";
import { readVendorCsv } from "../../src/io/vendor/read-vendor";
import { NCE_INVOICE_HEADERS } from "../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { toCsv as vendorCsv, type Locale, type Rec } from "../io/vendor/fixtures";
import { textFile } from "./fixtures";

export const T1 = "11111111-aaaa-4aaa-8aaa-000000000001";
export const T2 = "22222222-bbbb-4bbb-8bbb-000000000002";
export const T3 = "33333333-cccc-4ccc-8ccc-000000000003";
const BP = { ProductId: "CFQ7TTC0LCHC", SkuId: "0002", SkuName: "Microsoft 365 Business Premium" };
const E3 = { ProductId: "CFQ7TTC0LFLZ", SkuId: "0001", SkuName: "Microsoft 365 E3" };
const TEAMS = { ProductId: "CFQ7TTC0MM8R", SkuId: "0002", SkuName: "Teams Essentials" };

export const MASTER_ARTICLES = [
  "article_no,description,unit_price,vat_pct",
  "M365-BP,Microsoft 365 Business Premium,20.60,19",
  "M365-E3,Microsoft 365 E3,33.70,19",
  "EXO-P1,Exchange Online Plan 1,4.00,19",
].join("\n");
export const MASTER_CONTRACTS = [
  "customer_no,customer_name,contract_no,contract_type,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,valid_from",
  "10001,Müller GmbH,V-1001,license,monthly,advance,2026-01-01,1,M365-BP,10,20.60,2026-01-01",
  "10001,Müller GmbH,V-1001,license,monthly,advance,2026-01-01,2,M365-E3,3,33.70,2026-01-01",
  "10001,Müller GmbH,V-1001,license,monthly,advance,2026-01-01,3,EXO-P1,5,4.00,2026-01-01",
  "10002,Schäfer KG,V-2001,license,monthly,advance,2026-03-01,1,M365-BP,4,21.00,2026-03-01",
  "10002,Schäfer KG,V-2002,managed_service,monthly,advance,2026-03-01,1,EXO-P1,1,99.00,2026-03-01",
].join("\n");
export const MASTER_MAPPINGS = [
  "kind,source,external_id,internal_no",
  `customer,microsoft-nce-invoice,${T1},10001`,
  `customer,microsoft-nce-invoice,${T2},10002`,
  "article,microsoft-nce-invoice,CFQ7TTC0LCHC:0002,M365-BP",
  "article,microsoft-nce-invoice,CFQ7TTC0LFLZ:0001,M365-E3",
  "article,*,CFQ7TTC0LH16:0001,EXO-P1",
].join("\n");

const line = (tenant: string, name: string, sku: Rec, sub: string, type: string, from: string, to: string, qty: string, subtotal: string): Rec => ({
  CustomerId: tenant, CustomerName: name, CustomerDomainName: "", ...sku, ProductName: sku.SkuName!, SubscriptionId: sub, ChargeType: type,
  ChargeStartDate: from, ChargeEndDate: to, Quantity: qty, BillableQuantity: qty, Subtotal: subtotal, UnitPrice: "0", Currency: "EUR",
  TermAndBillingCycle: "One-Month commitment for monthly billing", BillingFrequency: "Monthly", OrderId: "000123456789012345",
});

/**
 * October 2026, one status each (vendor cost 18.60 per BP seat and month, 30.00 per E3 seat):
 * - T1 BP: 10 seats, +2 on 15 Oct as a reversal pair → quantity_changed 10 → 12 from 2026-10-15
 * - T1 E3: two subscriptions, 2 + 1 seats → unchanged (3)
 * - T1 EXO: position 3 not in the file → missing_in_file
 * - T2 BP: 4 seats cancelled on 20 Oct → quantity_changed 4 → 0 from 2026-10-20
 * - T2 E3: new subscription from 5 Oct → new_position in V-2001 (the only licence contract)
 * - T3 BP: unknown tenant → unmapped_customer; T1 Teams: unknown SKU → unmapped_article
 */
export function octoberRecords(): Rec[] {
  return [
    line(T1, "Müller GmbH", BP, "S1", "cycleCharge", "2026-10-01", "2026-10-31", "10", "186"),
    line(T1, "Müller GmbH", BP, "S1", "addQuantity", "2026-10-15", "2026-10-31", "10", "-102"),
    line(T1, "Müller GmbH", BP, "S1", "addQuantity", "2026-10-15", "2026-10-31", "12", "122.4"),
    line(T1, "Müller GmbH", E3, "S2", "cycleCharge", "2026-10-01", "2026-10-31", "2", "60"),
    line(T1, "Müller GmbH", E3, "S3", "cycleCharge", "2026-10-01", "2026-10-31", "1", "30"),
    line(T2, "Schäfer KG", BP, "S4", "cycleCharge", "2026-10-01", "2026-10-31", "4", "74.4"),
    line(T2, "Schäfer KG", BP, "S4", "cancel", "2026-10-20", "2026-10-31", "4", "-28.8"),
    line(T2, "Schäfer KG", E3, "S5", "new", "2026-10-05", "2026-11-04", "2", "60"),
    line(T3, "Neukunde AG", BP, "S6", "cycleCharge", "2026-10-01", "2026-10-31", "7", "130.2"),
    line(T1, "Müller GmbH", TEAMS, "S7", "new", "2026-10-01", "2026-10-31", "1", "3.5"),
  ];
}

export function octoberCsv(locale: Locale = "microsoft", records: Rec[] = octoberRecords()): string {
  return vendorCsv(NCE_INVOICE_HEADERS, records, { locale });
}

export async function seedStore(ctx: AppContext): Promise<void> {
  const r = await importMaster(ctx, [textFile("articles.csv", MASTER_ARTICLES), textFile("contracts.csv", MASTER_CONTRACTS), textFile("mappings.csv", MASTER_MAPPINGS)]);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
}

export function readNce(name: string, text: string): VendorFileRead {
  return { name, sha256: name, result: readVendorCsv(new TextEncoder().encode(text), { fileName: name }) };
}

export async function reconcile(ctx: AppContext, text: string, month = "2026-10"): Promise<ReviewRow[]> {
  const r = await reconcileFiles(ctx, [readNce("nce.csv", text)], month);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.rows;
}

/** Writes rows as the review CSV and reads them back, as the CLI does. */
export function roundTripReview(rows: readonly ReviewRow[], edit?: (csv: string) => string) {
  const csv = toCsv(reviewTableRows(rows));
  return readReviewTable(readCsvText(edit ? edit(csv) : csv, "review.csv").table);
}

export async function applyRows(ctx: AppContext, rows: readonly ReviewRow[]) {
  const { decisions, issues } = roundTripReview(rows);
  if (issues.length > 0) throw new Error(JSON.stringify(issues));
  return applyReview(ctx, decisions, { name: "review.csv", sha256: "x" });
}
