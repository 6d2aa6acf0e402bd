import type { VendorProfile } from "../profile";

/**
 * Columns of the Microsoft Partner Center new-commerce invoice reconciliation file in documented
 * order (research/domain.md A1.1). The reader matches by header name, never by position: this list
 * is documentation and test data. Column 8 is `ResellerMpnId` in the docs, `Tier2MpnId` in real files.
 */
export const NCE_INVOICE_HEADERS: readonly string[] = [
  "PartnerId", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry", "InvoiceNumber", "MpnId",
  "ResellerMpnId", "OrderId", "OrderDate", "ProductId", "SkuId", "AvailabilityId", "SkuName", "ProductName",
  "ChargeType", "UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "Currency", "PriceAdjustmentDescription",
  "PublisherName", "PublisherId", "SubscriptionDescription", "SubscriptionId", "ChargeStartDate", "ChargeEndDate",
  "TermAndBillingCycle", "EffectiveUnitPrice", "UnitType", "AlternateId", "BillableQuantity", "BillingFrequency",
  "PricingCurrency", "PCToBCExchangeRate", "PCToBCExchangeRateDate", "MeterDescription", "ReservationOrderId",
  "CreditReasonCode", "SubscriptionStartDate", "SubscriptionEndDate", "ReferenceId", "ProductQualifiers",
  "PromotionId", "ProductCategory",
];

/**
 * Microsoft NCE invoice reconciliation (billed; license-based seats, one-time purchases, Azure plan
 * lines, which are read as usage lines). One canonical line per file row; article key `ProductId:SkuId`; quantity BillableQuantity
 * (else Quantity) signed by the Subtotal; amount = Subtotal (pre-tax, in the billing currency).
 */
export const microsoftNceInvoiceProfile: VendorProfile = {
  id: "microsoft-nce-invoice",
  version: 1,
  name: "Microsoft NCE invoice reconciliation",
  origin: "builtin",
  note: "Partner Center → Billing → invoice reconciliation file (new commerce), CSV as downloaded or re-exported with ; and decimal comma.",
  requiredHeaders: [
    ["CustomerId"], ["ProductId"], ["SkuId"], ["SubscriptionId"], ["ChargeType"],
    ["ChargeStartDate"], ["ChargeEndDate"], ["Quantity"], ["Subtotal"],
  ],
  columns: {
    customerId: [["CustomerId"]],
    customerName: [["CustomerName"], ["CustomerDomainName"]],
    articleKey: [[["ProductId"]], [["SkuId"]]],
    articleName: [["SkuName"], ["ProductName"]],
    subscriptionId: [["SubscriptionId"]],
    chargeType: [["ChargeType"]],
    chargeFrom: [["ChargeStartDate"]],
    chargeTo: [["ChargeEndDate"]],
    quantity: [["BillableQuantity"], ["Quantity"]],
    amount: [["Subtotal"]],
    unitPrice: [["UnitPrice"]],
    currency: [["Currency"], ["BillingCurrency"]],
    termAndBillingCycle: [["TermAndBillingCycle"]],
    subscriptionStart: [["SubscriptionStartDate"]],
    subscriptionEnd: [["SubscriptionEndDate"]],
    billingFrequency: [["BillingFrequency"]],
    meter: [["MeterDescription"]],
    unit: [["UnitType"]],
    listPrice: [["UnitPrice"]],
    exchangeRate: [["PCToBCExchangeRate"]],
  },
  // Azure plan consumption in the invoice file (Microsoft's sample: ChargeType New, BillableQuantity
  // 0.005001, UnitType "1 GB/Month", MeterDescription "Tables - LRS Data Stored (GB/Month)",
  // SubscriptionDescription "Azure plan"): usage, never seats.
  usageRows: { when: [{ column: [["MeterDescription"]] }, { column: [["SubscriptionDescription"]], values: ["Azure plan"] }] },
  articleKeyPad: [null, 4],
  number: { decimalSeparator: "auto" },
  dateOrder: "mdy",
  sign: "fromAmount",
  reportUnknownChargeTypes: true,
};
