import type { VendorProfile } from "../profile";

/** Columns of the Microsoft NCE daily rated usage file in documented order (research/domain.md A1.3). */
export const DAILY_USAGE_HEADERS: readonly string[] = [
  "PartnerId", "PartnerName", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry", "MpnId",
  "Tier2MpnId", "InvoiceNumber", "ProductId", "SkuId", "AvailabilityId", "SkuName", "ProductName", "PublisherName",
  "PublisherId", "SubscriptionDescription", "SubscriptionId", "ChargeStartDate", "ChargeEndDate", "UsageDate",
  "MeterType", "MeterCategory", "MeterId", "MeterSubCategory", "MeterName", "MeterRegion", "Unit",
  "ResourceLocation", "ConsumedService", "ResourceGroup", "ResourceURI", "ChargeType", "UnitPrice", "Quantity",
  "UnitType", "BillingPreTaxTotal", "BillingCurrency", "PricingPreTaxTotal", "PricingCurrency", "ServiceInfo1",
  "ServiceInfo2", "Tags", "AdditionalInfo", "EffectiveUnitPrice", "PCToBCExchangeRate", "PCToBCExchangeRateDate",
  "EntitlementId", "EntitlementDescription", "PartnerEarnedCreditPercentage", "CreditPercentage", "CreditType",
  "BenefitOrderId", "BenefitId", "BenefitType",
];

/**
 * Microsoft NCE daily rated usage (Azure plan), billed or unbilled. One row per meter and day; the
 * reader sums them into one line per customer, `ProductId:SkuId`, currency and month of UsageDate:
 * quantity = Σ Quantity, amount = Σ BillingPreTaxTotal, period = first … last usage day of the month,
 * unit cost = amount ÷ quantity. Unbilled data changes until the period closes.
 */
export const microsoftNceDailyUsageProfile: VendorProfile = {
  id: "microsoft-nce-daily-usage",
  version: 1,
  name: "Microsoft NCE daily rated usage",
  origin: "builtin",
  note: "Partner Center → Billing → daily rated usage (new commerce); aggregated per customer, product/SKU and month.",
  requiredHeaders: [["CustomerId"], ["ProductId"], ["SkuId"], ["UsageDate"], ["Quantity"], ["BillingPreTaxTotal"]],
  columns: {
    customerId: [["CustomerId"]],
    customerName: [["CustomerName"], ["CustomerDomainName"]],
    articleKey: [[["ProductId"]], [["SkuId"]]],
    articleName: [["SkuName"], ["ProductName"]],
    subscriptionId: [["SubscriptionId"]],
    chargeType: [["ChargeType"]],
    chargeFrom: [["ChargeStartDate"]],
    chargeTo: [["ChargeEndDate"]],
    usageDate: [["UsageDate"]],
    quantity: [["Quantity"]],
    amount: [["BillingPreTaxTotal"]],
    unitPrice: [["UnitPrice"]],
    currency: [["BillingCurrency"], ["Currency"]],
    meter: [["MeterName"], ["MeterSubCategory"], ["MeterCategory"]],
    unit: [["Unit"], ["UnitType"]],
    listPrice: [["UnitPrice"]],
    exchangeRate: [["PCToBCExchangeRate"]],
  },
  usageRows: { all: true },
  articleKeyPad: [null, 4],
  number: { decimalSeparator: "auto" },
  dateOrder: "mdy",
  sign: "asIs",
  aggregate: "customer-article-month",
  reportUnknownChargeTypes: false,
};
