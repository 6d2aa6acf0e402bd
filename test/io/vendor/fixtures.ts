import { DAILY_USAGE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-nce-daily-usage.profile";
import { LEGACY_LICENSE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-legacy-license.profile";
import { NCE_INVOICE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-nce-invoice.profile";

/**
 * Synthetic vendor files under the documented Microsoft headers (research/domain.md A1). Values are
 * made up; the layout (column names, date and number formats) is what Microsoft documents.
 * Records use ISO dates and point decimals; `toCsv` writes them as Microsoft (M/D/YYYY, `.`, `,`) or
 * as a German re-export (DD.MM.YYYY, decimal comma, `;`).
 */

export type Rec = Record<string, string>;

export const TENANT_A = "6b3a1f2e-0c1d-4e5f-8a9b-0c1d2e3f4a5b";
export const TENANT_B = "0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9";
export const BASIC = { ProductId: "CFQ7TTC0LH18", SkuId: "0001", SkuName: "Microsoft 365 Business Basic", ProductName: "Microsoft 365 Business Basic" };
export const PREMIUM = { ProductId: "CFQ7TTC0LCHC", SkuId: "0002", SkuName: "Microsoft 365 Business Premium", ProductName: "Microsoft 365 Business Premium" };
export const EXO = { ProductId: "CFQ7TTC0LH16", SkuId: "0001", SkuName: "Exchange Online (Plan 1)", ProductName: "Exchange Online (Plan 1)" };

const base = (customer: "A" | "B"): Rec => ({
  PartnerId: "11111111-2222-3333-4444-555555555555",
  CustomerId: customer === "A" ? TENANT_A : TENANT_B,
  CustomerName: customer === "A" ? "Müller GmbH" : "Schäfer & Söhne KG",
  CustomerDomainName: customer === "A" ? "mueller.onmicrosoft.com" : "schaefer.onmicrosoft.com",
  CustomerCountry: "DE",
  InvoiceNumber: "G012345678",
  MpnId: "1234567",
  ResellerMpnId: "",
  OrderId: "123456789012345678",
  OrderDate: "2026-11-03",
  AvailabilityId: "CFQ7TTC0LDPB",
  Currency: "EUR",
  PublisherName: "Microsoft Corporation",
  PublisherId: "",
  UnitType: "",
  PricingCurrency: "EUR",
  PCToBCExchangeRate: "1",
  PCToBCExchangeRateDate: "2026-11-01",
  PriceAdjustmentDescription: '["15.0% Partner earned credit for services managed"]',
  ProductQualifiers: '["AddOn"]',
});

/**
 * November 2026 NCE invoice reconciliation:
 * 1. A / Basic / SUB-A1 New 5 seats, cycle 3 Nov – 2 Dec, 5.10 each → 25.50
 * 2. A / Basic / SUB-A1 +2 seats on 10 Nov: reversal of 5 seats for 10 Nov – 2 Dec (23 of 30 days) → −19.55
 * 3. A / Basic / SUB-A1 new total 7 seats for the same period → 27.37
 * 4. A / Basic / SUB-A2 (second subscription of the same SKU, annual term billed monthly) 3 seats, 1 – 30 Nov → 15.30
 * 5. B / Premium / SUB-B1 renew, annual billing, 20 Nov 2026 – 19 Nov 2027, 10 seats × 264.00 → 2640.00
 * 6. B / Exchange / SUB-B2 cancel within the window, refund of 2 seats for 5 Nov – 4 Dec → −8.00
 */
export function nceRecords(): Rec[] {
  const monthly = { TermAndBillingCycle: "One-Month commitment for monthly billing", BillingFrequency: "Monthly" };
  return [
    { ...base("A"), ...BASIC, SubscriptionId: "a1a1a1a1-0000-4000-8000-000000000001", SubscriptionDescription: "Basic Büro", ChargeType: "New", UnitPrice: "5.1", Quantity: "5", BillableQuantity: "5", Subtotal: "25.5", TaxTotal: "4.85", Total: "30.35", ChargeStartDate: "2026-11-03", ChargeEndDate: "2026-12-02", EffectiveUnitPrice: "5.1", ...monthly, SubscriptionStartDate: "2026-11-03", SubscriptionEndDate: "2026-12-02" },
    { ...base("A"), ...BASIC, SubscriptionId: "a1a1a1a1-0000-4000-8000-000000000001", SubscriptionDescription: "Basic Büro", ChargeType: "addQuantity", UnitPrice: "3.91", Quantity: "5", BillableQuantity: "5", Subtotal: "-19.55", TaxTotal: "-3.71", Total: "-23.26", ChargeStartDate: "2026-11-10", ChargeEndDate: "2026-12-02", EffectiveUnitPrice: "5.1", ...monthly, SubscriptionStartDate: "2026-11-03", SubscriptionEndDate: "2026-12-02" },
    { ...base("A"), ...BASIC, SubscriptionId: "a1a1a1a1-0000-4000-8000-000000000001", SubscriptionDescription: "Basic Büro", ChargeType: "addQuantity", UnitPrice: "3.91", Quantity: "7", BillableQuantity: "7", Subtotal: "27.37", TaxTotal: "5.2", Total: "32.57", ChargeStartDate: "2026-11-10", ChargeEndDate: "2026-12-02", EffectiveUnitPrice: "5.1", ...monthly, SubscriptionStartDate: "2026-11-03", SubscriptionEndDate: "2026-12-02" },
    { ...base("A"), ...BASIC, SubscriptionId: "a1a1a1a1-0000-4000-8000-000000000002", SubscriptionDescription: "Basic Lager", ChargeType: "cycleCharge", UnitPrice: "5.1", Quantity: "3", BillableQuantity: "3", Subtotal: "15.3", TaxTotal: "2.91", Total: "18.21", ChargeStartDate: "2026-11-01", ChargeEndDate: "2026-11-30", EffectiveUnitPrice: "5.1", TermAndBillingCycle: "One-Year commitment for monthly/yearly billing", BillingFrequency: "Monthly", SubscriptionStartDate: "2026-06-01", SubscriptionEndDate: "2027-05-31" },
    { ...base("B"), ...PREMIUM, SubscriptionId: "b1b1b1b1-0000-4000-8000-000000000001", SubscriptionDescription: "Premium", ChargeType: "renew", UnitPrice: "264", Quantity: "10", BillableQuantity: "10", Subtotal: "2640", TaxTotal: "501.6", Total: "3141.6", ChargeStartDate: "2026-11-20", ChargeEndDate: "2027-11-19", EffectiveUnitPrice: "264", TermAndBillingCycle: "One-Year commitment for yearly billing", BillingFrequency: "Annual", SubscriptionStartDate: "2025-11-20", SubscriptionEndDate: "2027-11-19" },
    { ...base("B"), ...EXO, SubscriptionId: "b1b1b1b1-0000-4000-8000-000000000002", SubscriptionDescription: "Exchange", ChargeType: "Cancel", UnitPrice: "4", Quantity: "2", BillableQuantity: "2", Subtotal: "-8", TaxTotal: "-1.52", Total: "-9.52", ChargeStartDate: "2026-11-05", ChargeEndDate: "2026-12-04", EffectiveUnitPrice: "4", ...monthly, SubscriptionStartDate: "2026-11-05", SubscriptionEndDate: "2026-12-04" },
  ];
}

/** Columns holding numbers (written with the locale's decimal separator). */
const NUMERIC = new Set(["UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "EffectiveUnitPrice", "BillableQuantity", "PCToBCExchangeRate", "Amount", "TotalOtherDiscount", "Tax", "TotalForCustomer", "BillingPreTaxTotal", "PricingPreTaxTotal"]);
/** Columns holding dates. */
const DATES = new Set(["OrderDate", "ChargeStartDate", "ChargeEndDate", "SubscriptionStartDate", "SubscriptionEndDate", "PCToBCExchangeRateDate", "UsageDate"]);

export type Locale = "microsoft" | "german";

export interface CsvOptions {
  locale?: Locale;
  /** Lines written above the header (title lines). */
  title?: string[];
  /** Microsoft dates with a time part (`2/1/2019 0:00`). */
  withTime?: boolean;
  lineBreak?: string;
}

function quote(v: string, delimiter: string): string {
  return /["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function formatDate(iso: string, locale: Locale, withTime = false): string {
  if (iso === "") return "";
  const [y, m, d] = iso.split("-");
  if (locale === "german") return `${d}.${m}.${y}`;
  return `${Number(m)}/${Number(d)}/${y}${withTime ? " 0:00" : ""}`;
}

export function formatNumber(v: string, locale: Locale): string {
  return locale === "german" ? v.replace(".", ",") : v;
}

/** Writes records under the given headers as CSV text. */
export function toCsv(headers: readonly string[], records: readonly Rec[], options: CsvOptions = {}): string {
  const locale = options.locale ?? "microsoft";
  const d = locale === "german" ? ";" : ",";
  const nl = options.lineBreak ?? "\r\n";
  const lines: string[] = [...(options.title ?? [])];
  lines.push(headers.map((h) => quote(h, d)).join(d));
  for (const r of records) {
    lines.push(
      headers
        .map((h) => {
          const v = r[h] ?? "";
          if (DATES.has(h)) return quote(formatDate(v, locale, options.withTime), d);
          if (NUMERIC.has(h)) return quote(formatNumber(v, locale), d);
          return quote(v, d);
        })
        .join(d),
    );
  }
  return lines.join(nl) + nl;
}

export function nceCsv(options: CsvOptions = {}, records = nceRecords()): string {
  return toCsv(NCE_INVOICE_HEADERS, records, options);
}

/** Legacy license-based file, February 2019 (dates with time, as Microsoft writes them). */
export function legacyRecords(): Rec[] {
  const common = { PartnerId: "11111111-2222-3333-4444-555555555555", CustomerId: TENANT_A, CustomerName: "Müller GmbH", MpnId: "1234567", Tier2MpnId: "-1", Currency: "EUR", DomainName: "mueller.onmicrosoft.com", BillingCycleType: "Monthly", SubscriptionStartDate: "2018-06-01", SubscriptionEndDate: "2019-05-31" };
  const o365 = { OfferId: "91FD106F-4B2C-4938-95AC-F54F74E9A239", DurableOfferId: "91FD106F-4B2C-4938-95AC-F54F74E9A239", OfferName: "Office 365 Business Premium", SubscriptionName: "Office 365 Business Premium" };
  return [
    { ...common, ...o365, OrderId: "F1A2B3C4D5E6", SubscriptionId: "9F8E7D6C-internal-0001", SyndicationPartnerSubscriptionNumber: "00112233-4455-6677-8899-aabbccddeeff", ChargeStartDate: "2019-02-01", ChargeEndDate: "2019-02-28", ChargeType: "Cycle fee", UnitPrice: "10.5", Quantity: "4", Amount: "42", TotalOtherDiscount: "0", Subtotal: "42", Tax: "7.98", TotalForCustomer: "49.98", SubscriptionDescription: "" },
    { ...common, ...o365, OrderId: "F1A2B3C4D5E6", SubscriptionId: "9F8E7D6C-internal-0001", SyndicationPartnerSubscriptionNumber: "00112233-4455-6677-8899-aabbccddeeff", ChargeStartDate: "2019-02-15", ChargeEndDate: "2019-02-28", ChargeType: "Prorate fees when purchase", UnitPrice: "10.5", Quantity: "2", Amount: "10.5", TotalOtherDiscount: "0", Subtotal: "10.5", Tax: "2", TotalForCustomer: "12.5", SubscriptionDescription: "" },
    { ...common, ...o365, OrderId: "F1A2B3C4D5E6", SubscriptionId: "9F8E7D6C-internal-0001", SyndicationPartnerSubscriptionNumber: "00112233-4455-6677-8899-aabbccddeeff", ChargeStartDate: "2019-02-21", ChargeEndDate: "2019-02-28", ChargeType: "Cancel instance prorate", UnitPrice: "10.5", Quantity: "1", Amount: "-3", TotalOtherDiscount: "0", Subtotal: "-3", Tax: "-0.57", TotalForCustomer: "-3.57", SubscriptionDescription: "" },
  ];
}

export function legacyCsv(options: CsvOptions = {}): string {
  return toCsv(LEGACY_LICENSE_HEADERS, legacyRecords(), { withTime: true, ...options });
}

/** Daily rated usage: two meters of one Azure plan SKU over a month boundary, plus a second customer. */
export function dailyUsageRecords(): Rec[] {
  const azure = { ProductId: "DZH318Z0BQ3Q", SkuId: "0009", SkuName: "Virtual Machines Dv3 Series", ProductName: "Virtual Machines Dv3 Series", PublisherName: "Microsoft", MeterType: "1 Compute Hour", MeterCategory: "Virtual Machines", MeterRegion: "EU West", Unit: "1 Hour", ChargeType: "new", UnitType: "1 Hour", BillingCurrency: "EUR", PricingCurrency: "USD", PartnerName: "Systemhaus Beispiel", InvoiceNumber: "G098765432" };
  const a = { CustomerId: TENANT_A, CustomerName: "Müller GmbH", SubscriptionId: "c0c0c0c0-0000-4000-8000-000000000001", ChargeStartDate: "2026-10-01", ChargeEndDate: "2026-10-31" };
  const aNov = { ...a, ChargeStartDate: "2026-11-01", ChargeEndDate: "2026-11-30" };
  const b = { CustomerId: TENANT_B, CustomerName: "Schäfer & Söhne KG", SubscriptionId: "c0c0c0c0-0000-4000-8000-000000000002", ChargeStartDate: "2026-11-01", ChargeEndDate: "2026-11-30" };
  return [
    { ...azure, ...a, UsageDate: "2026-10-30", MeterId: "m-1", MeterName: "D2 v3", Quantity: "24", UnitPrice: "0.0209951014286867", BillingPreTaxTotal: "0.503882434288481" },
    { ...azure, ...a, UsageDate: "2026-10-31", MeterId: "m-1", MeterName: "D2 v3", Quantity: "23.350007", UnitPrice: "0.0209951014286867", BillingPreTaxTotal: "0.490235864" },
    { ...azure, ...aNov, UsageDate: "2026-11-01", MeterId: "m-1", MeterName: "D2 v3", Quantity: "24", UnitPrice: "0.0209951014286867", BillingPreTaxTotal: "0.503882434288481" },
    { ...azure, ...aNov, UsageDate: "2026-11-02", MeterId: "m-2", MeterName: "D4 v3", Quantity: "12", UnitPrice: "0.0419902028573734", BillingPreTaxTotal: "0.503882434288481" },
    { ...azure, ...b, UsageDate: "2026-11-02", MeterId: "m-1", MeterName: "D2 v3", Quantity: "1E-05", UnitPrice: "0.0209951014286867", BillingPreTaxTotal: "0" },
  ];
}

export function dailyUsageCsv(options: CsvOptions = {}): string {
  return toCsv(DAILY_USAGE_HEADERS, dailyUsageRecords(), options);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
