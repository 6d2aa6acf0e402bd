import type { Invoice as LibraryInvoice } from "@e-invoice-eu/core";
import type { EInvoice, EInvoiceFormat, ELine, EPostalAddress, EVatBreakdown } from "../../core/einvoice/model";

/**
 * The data structure @e-invoice-eu/core renders ("internal format": the UBL element tree as JSON,
 * which the library converts to CII for the CII and Factur-X formats) for one e-invoice of our
 * semantic model. Only the business terms of {@link EInvoice} are filled; CustomizationID and
 * ProfileID are left to the library, which sets the XRechnung 3.0 or Factur-X EN 16931 ids per format.
 */
export function toLibraryInvoice(e: EInvoice, format: EInvoiceFormat): LibraryInvoice {
  const cur = e.currency;
  const seller = e.seller;
  const buyer = e.buyer;
  const sellerTaxSchemes = [
    ...(seller.vatId ? [{ "cbc:CompanyID": seller.vatId, "cac:TaxScheme": { "cbc:ID": "VAT" } }] : []),
    // BT-32 (Steuernummer): any tax scheme other than VAT; the library writes schemeID FC in CII.
    ...(seller.taxNumber ? [{ "cbc:CompanyID": seller.taxNumber, "cac:TaxScheme": { "cbc:ID": "FC" } }] : []),
  ];
  const directDebit = e.payment.code === "59" ? e.payment : null;
  // BT-90 (creditor id): UBL carries it as a seller identification with scheme SEPA; the library
  // maps only the payee's identification to CII's CreditorReferenceID, so CII gets a payee (= us).
  const sellerIds = directDebit && format === "xrechnung-ubl" ? [{ "cbc:ID": directDebit.creditorId, "cbc:ID@schemeID": "SEPA" as const }] : [];
  const payee =
    directDebit && format !== "xrechnung-ubl"
      ? { "cac:PayeeParty": { "cac:PartyIdentification": { "cbc:ID": directDebit.creditorId, "cbc:ID@schemeID": "SEPA" as const }, "cac:PartyName": { "cbc:Name": seller.name } } }
      : {};

  const paymentMeans =
    e.payment.code === "97"
      ? // Set off: no account (BG-17) and no mandate (BG-19); the payment terms say so.
        { "cbc:PaymentMeansCode": "97" as const, "cbc:PaymentMeansCode@name": "Verrechnung", "cbc:PaymentID": e.remittanceInfo }
      : e.payment.code === "58"
      ? {
          "cbc:PaymentMeansCode": "58" as const,
          "cbc:PaymentMeansCode@name": "SEPA-Überweisung",
          "cbc:PaymentID": e.remittanceInfo,
          "cac:PayeeFinancialAccount": {
            "cbc:ID": e.payment.iban,
            "cbc:Name": e.payment.accountName,
            ...(e.payment.bic ? { "cac:FinancialInstitutionBranch": { "cbc:ID": e.payment.bic } } : {}),
          },
        }
      : {
          "cbc:PaymentMeansCode": "59" as const,
          "cbc:PaymentMeansCode@name": "SEPA-Lastschrift",
          "cbc:PaymentID": e.remittanceInfo,
          "cac:PaymentMandate": { "cbc:ID": e.payment.mandateRef, "cac:PayerFinancialAccount": { "cbc:ID": e.payment.debtorIban } },
        };

  const invoice = {
    "ubl:Invoice": {
      "cbc:ID": e.number,
      "cbc:IssueDate": e.issueDate,
      ...(e.dueDate ? { "cbc:DueDate": e.dueDate } : {}),
      "cbc:InvoiceTypeCode": e.typeCode,
      ...(e.notes.length > 0 ? { "cbc:Note": e.notes } : {}),
      "cbc:DocumentCurrencyCode": cur,
      "cbc:BuyerReference": e.buyerReference,
      "cac:InvoicePeriod": { "cbc:StartDate": e.periodStart, "cbc:EndDate": e.periodEnd },
      ...(e.preceding.length > 0
        ? {
            "cac:BillingReference": e.preceding.map((p) => ({
              "cac:InvoiceDocumentReference": { "cbc:ID": p.number, ...(p.issueDate ? { "cbc:IssueDate": p.issueDate } : {}) },
            })),
          }
        : {}),
      "cac:AccountingSupplierParty": {
        "cac:Party": {
          "cbc:EndpointID": seller.electronicAddress.value,
          "cbc:EndpointID@schemeID": seller.electronicAddress.scheme,
          ...(sellerIds.length > 0 ? { "cac:PartyIdentification": sellerIds } : {}),
          "cac:PostalAddress": address(seller.address),
          "cac:PartyTaxScheme": sellerTaxSchemes,
          // BT-33: UBL's element; the library's CII mapping reads another name (see generateEInvoice).
          "cac:PartyLegalEntity": { "cbc:RegistrationName": seller.name, ...(seller.legalInfo ? { "cbc:CompanyLegalForm": seller.legalInfo } : {}) },
          "cac:Contact": { "cbc:Name": seller.contact.name, "cbc:Telephone": seller.contact.phone, "cbc:ElectronicMail": seller.contact.email },
        },
      },
      "cac:AccountingCustomerParty": {
        "cac:Party": {
          "cbc:EndpointID": buyer.electronicAddress.value,
          "cbc:EndpointID@schemeID": buyer.electronicAddress.scheme,
          "cac:PartyIdentification": { "cbc:ID": buyer.id },
          "cac:PostalAddress": address(buyer.address),
          ...(buyer.vatId ? { "cac:PartyTaxScheme": { "cbc:CompanyID": buyer.vatId, "cac:TaxScheme": { "cbc:ID": "VAT" } } } : {}),
          "cac:PartyLegalEntity": { "cbc:RegistrationName": buyer.name },
        },
      },
      // CII requires ApplicableHeaderTradeDelivery, and @e-invoice-eu/core 2.3 writes it only when
      // the UBL delivery has content (an empty one only for Factur-X MINIMUM). Our services have
      // periods (BG-14, BG-26), not a delivery date (BT-72), so the delivery names the buyer as the
      // party the services went to (BT-70): true, and it makes the element appear.
      "cac:Delivery": { "cac:DeliveryParty": { "cac:PartyName": { "cbc:Name": buyer.name } } },
      ...payee,
      "cac:PaymentMeans": [paymentMeans],
      ...(e.paymentTerms ? { "cac:PaymentTerms": { "cbc:Note": e.paymentTerms } } : {}),
      "cac:TaxTotal": [
        {
          "cbc:TaxAmount": e.totals.vat,
          "cbc:TaxAmount@currencyID": cur,
          "cac:TaxSubtotal": e.vatBreakdown.map(taxSubtotal),
        },
      ],
      "cac:LegalMonetaryTotal": {
        "cbc:LineExtensionAmount": e.totals.lineNet,
        "cbc:LineExtensionAmount@currencyID": cur,
        "cbc:TaxExclusiveAmount": e.totals.taxExclusive,
        "cbc:TaxExclusiveAmount@currencyID": cur,
        "cbc:TaxInclusiveAmount": e.totals.taxInclusive,
        "cbc:TaxInclusiveAmount@currencyID": cur,
        "cbc:PayableAmount": e.totals.payable,
        "cbc:PayableAmount@currencyID": cur,
      },
      "cac:InvoiceLine": e.lines.map(line),
    },
  };
  return invoice as unknown as LibraryInvoice;
}

function address(a: EPostalAddress) {
  return {
    "cbc:StreetName": a.line1,
    ...(a.line2 ? { "cbc:AdditionalStreetName": a.line2 } : {}),
    "cbc:CityName": a.city,
    "cbc:PostalZone": a.postcode,
    "cac:Country": { "cbc:IdentificationCode": a.countryCode },
  };
}

function taxSubtotal(b: EVatBreakdown) {
  return {
    "cbc:TaxableAmount": b.taxableAmount,
    "cbc:TaxableAmount@currencyID": "EUR",
    "cbc:TaxAmount": b.taxAmount,
    "cbc:TaxAmount@currencyID": "EUR",
    "cac:TaxCategory": {
      "cbc:ID": b.category,
      "cbc:Percent": b.rate,
      ...(b.exemptionReasonCode ? { "cbc:TaxExemptionReasonCode": b.exemptionReasonCode } : {}),
      ...(b.exemptionReason ? { "cbc:TaxExemptionReason": b.exemptionReason } : {}),
      "cac:TaxScheme": { "cbc:ID": "VAT" },
    },
  };
}

function line(l: ELine) {
  return {
    "cbc:ID": l.id,
    ...(l.note ? { "cbc:Note": l.note } : {}),
    "cbc:InvoicedQuantity": l.quantity,
    "cbc:InvoicedQuantity@unitCode": l.unitCode,
    "cbc:LineExtensionAmount": l.netAmount,
    "cbc:LineExtensionAmount@currencyID": "EUR",
    "cac:InvoicePeriod": { "cbc:StartDate": l.periodStart, "cbc:EndDate": l.periodEnd },
    "cac:Item": {
      ...(l.itemDescription ? { "cbc:Description": l.itemDescription } : {}),
      "cbc:Name": l.itemName,
      "cac:SellersItemIdentification": { "cbc:ID": l.sellerItemId },
      "cac:ClassifiedTaxCategory": { "cbc:ID": l.vatCategory, "cbc:Percent": l.vatRate, "cac:TaxScheme": { "cbc:ID": "VAT" } },
    },
    "cac:Price": {
      "cbc:PriceAmount": l.netPrice,
      "cbc:PriceAmount@currencyID": "EUR",
      // BT-147/148 (gross price, discount) are left out: @e-invoice-eu/core 2.3.4 writes the CII net
      // price wrong when they are given (net = gross). The net price alone is exact.
    },
  };
}
