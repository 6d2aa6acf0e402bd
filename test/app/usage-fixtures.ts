/** An NCE invoice file with Microsoft's documented Azure plan sample line, two VM meters and a licence line (see test/scenarios/usage/azure-usage.test.ts), and usage rules for it. */
import type { VendorFileRead } from "../../src/app/reconcile";
import { NCE_INVOICE_HEADERS } from "../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { readVendorCsv } from "../../src/io/vendor/read-vendor";
import type { AppContext } from "../../src/app/context";
import type { MappingRecord } from "../../src/store/records";
import { testContext } from "../support/fixtures";
import { TENANT_A, TENANT_B, nceRecords, toCsv, utf8, type Rec } from "../io/vendor/fixtures";

export function azureRecords(): Rec[] {
  const seat = nceRecords()[3]!;
  const azure = {
    ...seat, ProductId: "DZH318Z0BNZ5", SkuId: "006G", AvailabilityId: "DZH318Z08B80", SkuName: "Tables - LRS", ProductName: "Tables", ChargeType: "New", UnitPrice: "0.045", Quantity: "1",
    Subtotal: "0", TaxTotal: "0", Total: "0", PublisherName: "Microsoft", SubscriptionDescription: "Azure plan", SubscriptionId: "307628f1-d9d2-f09c-ea1f-4183f0cae308",
    ChargeStartDate: "2020-09-01", ChargeEndDate: "2020-09-30", TermAndBillingCycle: "Data Stored (GB/Month)", EffectiveUnitPrice: "0.03825", UnitType: "1 GB/Month", BillableQuantity: "0.005001",
    BillingFrequency: "NA", PricingCurrency: "USD", PCToBCExchangeRate: "0.846202666", PCToBCExchangeRateDate: "2020-09-30", MeterDescription: "Tables - LRS Data Stored (GB/Month)",
    SubscriptionStartDate: "", SubscriptionEndDate: "", ProductQualifiers: "", PriceAdjustmentDescription: '["15.0% Partner earned credit for services managed"]',
  };
  const vm = { ProductId: "DZH318Z0BQ3Q", SkuId: "0009", SkuName: "Virtual Machines Dv3 Series", ProductName: "Virtual Machines Dv3 Series", UnitPrice: "0.12", EffectiveUnitPrice: "0.102", UnitType: "1 Hour", MeterDescription: "Virtual Machines Dv3 Series - D2 v3 - EU West" };
  return [
    { ...seat, ChargeStartDate: "2020-09-01", ChargeEndDate: "2020-09-30", SubscriptionStartDate: "2020-06-01", SubscriptionEndDate: "2021-05-31" },
    azure,
    { ...azure, ...vm, BillableQuantity: "720.5", Subtotal: "62.18" },
    { ...azure, ...vm, CustomerId: TENANT_B, CustomerName: "Schäfer & Söhne KG", SubscriptionId: "407628f1-d9d2-f09c-ea1f-4183f0cae309", BillableQuantity: "100", Subtotal: "8.63" },
  ];
}

export const USAGE_RULES = `{
  "defaults": { "method": "cost_plus", "pct": "15", "articleNo": "AZURE" },
  "customers": { "10002": { "method": "list_price", "discountPct": "5" } }
}`;

export function azureRead(records = azureRecords()): VendorFileRead {
  const result = readVendorCsv(utf8(toCsv(NCE_INVOICE_HEADERS, records)), { fileName: "nce-2020-09.csv" });
  if (result.issues.length > 0) throw new Error(JSON.stringify(result.issues));
  return { name: "nce-2020-09.csv", sha256: "a".repeat(64), result };
}

/** The two tenants' customers and the Azure and licence articles. */
export const AZURE_CUSTOMERS = [
  { no: "10001", name: "Müller GmbH", debtorAccount: "10001" },
  { no: "10002", name: "Schäfer & Söhne KG", debtorAccount: "10002" },
];
export const AZURE_ARTICLES = [
  { no: "AZURE", description: "Azure-Verbrauch", unitPrice: "0", vatPct: "19" },
  { no: "BASIC", description: "Microsoft 365 Business Basic", unitPrice: "6", vatPct: "19" },
];
/** The tenants' customer mappings. Tenant A stored in upper case, the file writes it in lower case: ids match in normal form. */
export const AZURE_TENANT_MAPPINGS: MappingRecord[] = [
  { id: `customer|*|${TENANT_A.toUpperCase()}`, kind: "customer", source: "*", externalId: TENANT_A.toUpperCase(), internalNo: "10001" },
  { id: `customer|*|${TENANT_B}`, kind: "customer", source: "*", externalId: TENANT_B, internalNo: "10002" },
];

/** A store with the two tenants' customers, the Azure and licence articles and their mappings. */
export async function azureWorkspace(): Promise<AppContext> {
  const ctx = await testContext();
  await ctx.store.write(async (tx) => {
    await tx.customers.putMany(AZURE_CUSTOMERS);
    await tx.articles.putMany(AZURE_ARTICLES);
    await tx.mappings.putMany([
      ...AZURE_TENANT_MAPPINGS,
      { id: "article|*|CFQ7TTC0LH18:0001", kind: "article", source: "*", externalId: "CFQ7TTC0LH18:0001", internalNo: "BASIC" },
    ]);
  });
  return ctx;
}
