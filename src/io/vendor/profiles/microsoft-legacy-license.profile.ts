import type { VendorProfile } from "../profile";

/** Columns of the Microsoft legacy license-based reconciliation file in documented order (research/domain.md A1.2). */
export const LEGACY_LICENSE_HEADERS: readonly string[] = [
  "PartnerId", "CustomerId", "CustomerName", "MpnId", "Tier2MpnId", "OrderId", "SubscriptionId",
  "SyndicationPartnerSubscriptionNumber", "OfferId", "DurableOfferId", "OfferName", "SubscriptionStartDate",
  "SubscriptionEndDate", "ChargeStartDate", "ChargeEndDate", "ChargeType", "UnitPrice", "Quantity", "Amount",
  "TotalOtherDiscount", "Subtotal", "Tax", "TotalForCustomer", "Currency", "DomainName", "SubscriptionName",
  "SubscriptionDescription", "BillingCycleType",
];

/**
 * Microsoft legacy license-based reconciliation. Article key = DurableOfferId (the price-list offer
 * id; OfferId when absent); subscription = SyndicationPartnerSubscriptionNumber (the subscription id
 * Partner Center shows; `SubscriptionId` is internal); amount = Subtotal (after other discounts,
 * before tax), quantity signed by it.
 */
export const microsoftLegacyLicenseProfile: VendorProfile = {
  id: "microsoft-legacy-license",
  version: 1,
  name: "Microsoft legacy license-based reconciliation",
  origin: "builtin",
  note: "Partner Center → Billing → legacy license-based reconciliation file.",
  requiredHeaders: [
    ["CustomerId"], ["DurableOfferId", "OfferId"], ["SubscriptionId", "SyndicationPartnerSubscriptionNumber"], ["ChargeType"],
    ["ChargeStartDate"], ["ChargeEndDate"], ["Quantity"], ["Subtotal", "Amount"],
  ],
  columns: {
    customerId: [["CustomerId"]],
    customerName: [["CustomerName"], ["DomainName"]],
    articleKey: [[["DurableOfferId"], ["OfferId"]]],
    articleName: [["OfferName"], ["SubscriptionName"]],
    subscriptionId: [["SyndicationPartnerSubscriptionNumber"], ["SubscriptionId"]],
    chargeType: [["ChargeType"]],
    chargeFrom: [["ChargeStartDate"]],
    chargeTo: [["ChargeEndDate"]],
    quantity: [["Quantity"]],
    amount: [["Subtotal"], ["Amount"]],
    unitPrice: [["UnitPrice"]],
    currency: [["Currency"]],
    subscriptionStart: [["SubscriptionStartDate"]],
    subscriptionEnd: [["SubscriptionEndDate"]],
    billingFrequency: [["BillingCycleType"]],
  },
  number: { decimalSeparator: "auto" },
  dateOrder: "mdy",
  sign: "fromAmount",
  reportUnknownChargeTypes: true,
};
