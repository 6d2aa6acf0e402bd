import { XMLParser } from "fast-xml-parser";
import type { EInvoice, EInvoiceKind, ELine, EPaymentMeans, EPostalAddress, EVatBreakdown, InvoiceTypeCode, VatCategory } from "../../src/core/einvoice/model";

/**
 * Reads an XRechnung/Factur-X CII or a UBL Invoice/CreditNote back into our semantic model, so that
 * our BR-CO/BR-DE validator and the to-the-cent comparison run on what was actually written.
 * Missing elements become empty strings (the validator reports them); optional totals default to 0.
 */
type Node = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true, parseTagValue: false, trimValues: true });

const arr = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node]);
const obj = (v: unknown): Node => (v && typeof v === "object" && !Array.isArray(v) ? (v as Node) : {});
function txt(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  const t = (v as Node)["#text"];
  return t === undefined ? "" : String(t);
}
const at = (n: unknown, ...path: string[]): unknown => path.reduce<unknown>((cur, key) => obj(cur)[key], n);
const s = (n: unknown, ...path: string[]): string => txt(at(n, ...path));
const ciiDate = (v: string): string => (/^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}` : v);
const money = (v: string, fallback = ""): string => (v === "" ? fallback : v);

function kindOf(notes: readonly string[]): EInvoiceKind {
  if (notes.some((n) => n.startsWith("Stornorechnung"))) return "cancellation";
  if (notes.some((n) => n.startsWith("Rechnungskorrektur"))) return "correction";
  return "invoice";
}

/** Parses CII or UBL (recognised by the root element). */
export function parseEInvoiceXml(xml: string): EInvoice {
  const doc = parser.parse(xml) as Node;
  if (doc.CrossIndustryInvoice) return parseCii(obj(doc.CrossIndustryInvoice));
  if (doc.Invoice) return parseUbl(obj(doc.Invoice), false);
  if (doc.CreditNote) return parseUbl(obj(doc.CreditNote), true);
  throw new Error(`unknown e-invoice root: ${Object.keys(doc).join(", ")}`);
}

function ciiAddress(a: unknown): EPostalAddress {
  return { line1: s(a, "LineOne"), ...(s(a, "LineTwo") ? { line2: s(a, "LineTwo") } : {}), postcode: s(a, "PostcodeCode"), city: s(a, "CityName"), countryCode: s(a, "CountryID") };
}

function parseCii(root: Node): EInvoice {
  const docNode = obj(root.ExchangedDocument);
  const tx = obj(root.SupplyChainTradeTransaction);
  const agreement = obj(tx.ApplicableHeaderTradeAgreement);
  const settlement = obj(tx.ApplicableHeaderTradeSettlement);
  const seller = obj(agreement.SellerTradeParty);
  const buyer = obj(agreement.BuyerTradeParty);
  const notes = arr(docNode.IncludedNote).map((n) => s(n, "Content"));
  const typeCode = s(docNode, "TypeCode") as InvoiceTypeCode;
  const taxRegs = arr(seller.SpecifiedTaxRegistration);
  const regOf = (scheme: string): string | undefined => {
    const r = taxRegs.find((t) => txt(obj(t.ID)["@schemeID"]) === scheme || obj(t.ID)["@schemeID"] === scheme);
    return r ? s(r, "ID") : undefined;
  };
  const contact = obj(seller.DefinedTradeContact);
  const means = arr(settlement.SpecifiedTradeSettlementPaymentMeans);
  const m = obj(means[0]);
  const terms = obj(arr(settlement.SpecifiedTradePaymentTerms)[0]);
  let payment: EPaymentMeans;
  if (s(m, "TypeCode") === "59") {
    payment = { code: "59", mandateRef: s(terms, "DirectDebitMandateID"), creditorId: s(settlement, "CreditorReferenceID"), debtorIban: s(m, "PayerPartyDebtorFinancialAccount", "IBANID") };
  } else if (s(m, "TypeCode") === "97") {
    // Clearing names no account; one written anyway shows up here and fails the comparison with the model.
    const iban = s(m, "PayeePartyCreditorFinancialAccount", "IBANID");
    payment = { code: "97", ...(iban ? { iban } : {}) } as EPaymentMeans;
  } else {
    payment = { code: s(m, "TypeCode") as "58", iban: s(m, "PayeePartyCreditorFinancialAccount", "IBANID"), accountName: s(m, "PayeePartyCreditorFinancialAccount", "AccountName"), ...(s(m, "PayeeSpecifiedCreditorFinancialInstitution", "BICID") ? { bic: s(m, "PayeeSpecifiedCreditorFinancialInstitution", "BICID") } : {}) };
  }
  const sum = obj(settlement.SpecifiedTradeSettlementHeaderMonetarySummation);
  const lines: ELine[] = arr(tx.IncludedSupplyChainTradeLineItem).map((li) => {
    const agr = obj(li.SpecifiedLineTradeAgreement);
    const set = obj(li.SpecifiedLineTradeSettlement);
    const tax = obj(arr(set.ApplicableTradeTax)[0]);
    const gross = obj(agr.GrossPriceProductTradePrice);
    return {
      id: s(li, "AssociatedDocumentLineDocument", "LineID"),
      ...(s(li, "AssociatedDocumentLineDocument", "IncludedNote", "Content") ? { note: s(li, "AssociatedDocumentLineDocument", "IncludedNote", "Content") } : {}),
      quantity: s(li, "SpecifiedLineTradeDelivery", "BilledQuantity"),
      unitCode: txt(obj(at(li, "SpecifiedLineTradeDelivery", "BilledQuantity"))["@unitCode"]),
      netAmount: s(set, "SpecifiedTradeSettlementLineMonetarySummation", "LineTotalAmount"),
      periodStart: ciiDate(s(set, "BillingSpecifiedPeriod", "StartDateTime", "DateTimeString")),
      periodEnd: ciiDate(s(set, "BillingSpecifiedPeriod", "EndDateTime", "DateTimeString")),
      netPrice: s(agr, "NetPriceProductTradePrice", "ChargeAmount"),
      ...(s(gross, "ChargeAmount") ? { grossPrice: s(gross, "ChargeAmount"), priceDiscount: s(gross, "AppliedTradeAllowanceCharge", "ActualAmount") } : {}),
      itemName: s(li, "SpecifiedTradeProduct", "Name"),
      itemDescription: s(li, "SpecifiedTradeProduct", "Description"),
      sellerItemId: s(li, "SpecifiedTradeProduct", "SellerAssignedID"),
      vatCategory: s(tax, "CategoryCode") as VatCategory,
      vatRate: s(tax, "RateApplicablePercent"),
    };
  });
  const vatBreakdown: EVatBreakdown[] = arr(settlement.ApplicableTradeTax).map((t) => ({
    category: s(t, "CategoryCode") as VatCategory,
    rate: s(t, "RateApplicablePercent"),
    taxableAmount: s(t, "BasisAmount"),
    taxAmount: s(t, "CalculatedAmount"),
    ...(s(t, "ExemptionReason") ? { exemptionReason: s(t, "ExemptionReason") } : {}),
    ...(s(t, "ExemptionReasonCode") ? { exemptionReasonCode: s(t, "ExemptionReasonCode") } : {}),
  }));
  const taxTotal = arr(sum.TaxTotalAmount).map(txt)[0] ?? "";
  return {
    number: s(docNode, "ID"),
    issueDate: ciiDate(s(docNode, "IssueDateTime", "DateTimeString")),
    typeCode,
    kind: kindOf(notes),
    amountSign: typeCode === "381" ? -1 : 1,
    currency: s(settlement, "InvoiceCurrencyCode") as "EUR",
    ...(s(terms, "DueDateDateTime", "DateTimeString") ? { dueDate: ciiDate(s(terms, "DueDateDateTime", "DateTimeString")) } : {}),
    buyerReference: s(agreement, "BuyerReference"),
    notes,
    periodStart: ciiDate(s(settlement, "BillingSpecifiedPeriod", "StartDateTime", "DateTimeString")),
    periodEnd: ciiDate(s(settlement, "BillingSpecifiedPeriod", "EndDateTime", "DateTimeString")),
    preceding: arr(settlement.InvoiceReferencedDocument).map((r) => ({ number: s(r, "IssuerAssignedID"), ...(s(r, "FormattedIssueDateTime", "DateTimeString") ? { issueDate: ciiDate(s(r, "FormattedIssueDateTime", "DateTimeString")) } : {}) })),
    seller: {
      name: s(seller, "Name"),
      address: ciiAddress(seller.PostalTradeAddress),
      ...(regOf("VA") ? { vatId: regOf("VA")! } : {}),
      ...(regOf("FC") ? { taxNumber: regOf("FC")! } : {}),
      contact: { name: s(contact, "PersonName"), phone: s(contact, "TelephoneUniversalCommunication", "CompleteNumber"), email: s(contact, "EmailURIUniversalCommunication", "URIID") },
      electronicAddress: { value: s(seller, "URIUniversalCommunication", "URIID"), scheme: txt(obj(at(seller, "URIUniversalCommunication", "URIID"))["@schemeID"]) as "EM" },
      ...(s(seller, "Description") ? { legalInfo: s(seller, "Description") } : {}),
    },
    buyer: {
      name: s(buyer, "Name"),
      id: s(buyer, "ID"),
      address: ciiAddress(buyer.PostalTradeAddress),
      ...(s(arr(buyer.SpecifiedTaxRegistration)[0], "ID") ? { vatId: s(arr(buyer.SpecifiedTaxRegistration)[0], "ID") } : {}),
      electronicAddress: { value: s(buyer, "URIUniversalCommunication", "URIID"), scheme: txt(obj(at(buyer, "URIUniversalCommunication", "URIID"))["@schemeID"]) as "EM" },
    },
    payment,
    remittanceInfo: s(settlement, "PaymentReference"),
    ...(s(terms, "Description") ? { paymentTerms: s(terms, "Description") } : {}),
    lines,
    vatBreakdown,
    totals: {
      lineNet: s(sum, "LineTotalAmount"),
      allowances: money(s(sum, "AllowanceTotalAmount"), "0.00"),
      charges: money(s(sum, "ChargeTotalAmount"), "0.00"),
      taxExclusive: s(sum, "TaxBasisTotalAmount"),
      vat: taxTotal,
      taxInclusive: s(sum, "GrandTotalAmount"),
      prepaid: money(s(sum, "TotalPrepaidAmount"), "0.00"),
      rounding: money(s(sum, "RoundingAmount"), "0.00"),
      payable: s(sum, "DuePayableAmount"),
    },
  };
}

function ublAddress(a: unknown): EPostalAddress {
  return { line1: s(a, "StreetName"), ...(s(a, "AdditionalStreetName") ? { line2: s(a, "AdditionalStreetName") } : {}), postcode: s(a, "PostalZone"), city: s(a, "CityName"), countryCode: s(a, "Country", "IdentificationCode") };
}

function parseUbl(root: Node, creditNote: boolean): EInvoice {
  const seller = obj(at(root, "AccountingSupplierParty", "Party"));
  const buyer = obj(at(root, "AccountingCustomerParty", "Party"));
  const notes = arr(root.Note).map(txt);
  const typeCode = s(root, creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode") as InvoiceTypeCode;
  const schemes = arr(seller.PartyTaxScheme);
  const regOf = (scheme: string): string | undefined => {
    const r = schemes.find((t) => s(t, "TaxScheme", "ID") === scheme);
    return r ? s(r, "CompanyID") : undefined;
  };
  const m = obj(arr(root.PaymentMeans)[0]);
  const sellerSepa = arr(seller.PartyIdentification).find((p) => txt(obj(p.ID)["@schemeID"]) === "SEPA");
  const payeeSepa = arr(at(root, "PayeeParty", "PartyIdentification")).find((p) => txt(obj(p.ID)["@schemeID"]) === "SEPA");
  let payment: EPaymentMeans;
  if (s(m, "PaymentMeansCode") === "59") {
    payment = { code: "59", mandateRef: s(m, "PaymentMandate", "ID"), creditorId: s(sellerSepa ?? payeeSepa, "ID"), debtorIban: s(m, "PaymentMandate", "PayerFinancialAccount", "ID") };
  } else if (s(m, "PaymentMeansCode") === "97") {
    const iban = s(m, "PayeeFinancialAccount", "ID");
    payment = { code: "97", ...(iban ? { iban } : {}) } as EPaymentMeans;
  } else {
    payment = { code: s(m, "PaymentMeansCode") as "58", iban: s(m, "PayeeFinancialAccount", "ID"), accountName: s(m, "PayeeFinancialAccount", "Name"), ...(s(m, "PayeeFinancialAccount", "FinancialInstitutionBranch", "ID") ? { bic: s(m, "PayeeFinancialAccount", "FinancialInstitutionBranch", "ID") } : {}) };
  }
  const total = obj(root.LegalMonetaryTotal);
  const taxTotal = obj(arr(root.TaxTotal)[0]);
  const lineKey = creditNote ? "CreditNoteLine" : "InvoiceLine";
  const qtyKey = creditNote ? "CreditedQuantity" : "InvoicedQuantity";
  const lines: ELine[] = arr(root[lineKey]).map((li) => {
    const allowance = obj(at(li, "Price", "AllowanceCharge"));
    return {
      id: s(li, "ID"),
      ...(s(li, "Note") ? { note: s(li, "Note") } : {}),
      quantity: s(li, qtyKey),
      unitCode: txt(obj(li[qtyKey])["@unitCode"]),
      netAmount: s(li, "LineExtensionAmount"),
      periodStart: s(li, "InvoicePeriod", "StartDate"),
      periodEnd: s(li, "InvoicePeriod", "EndDate"),
      netPrice: s(li, "Price", "PriceAmount"),
      ...(s(allowance, "BaseAmount") ? { grossPrice: s(allowance, "BaseAmount"), priceDiscount: s(allowance, "Amount") } : {}),
      itemName: s(li, "Item", "Name"),
      itemDescription: s(li, "Item", "Description"),
      sellerItemId: s(li, "Item", "SellersItemIdentification", "ID"),
      vatCategory: s(li, "Item", "ClassifiedTaxCategory", "ID") as VatCategory,
      vatRate: s(li, "Item", "ClassifiedTaxCategory", "Percent"),
    };
  });
  return {
    number: s(root, "ID"),
    issueDate: s(root, "IssueDate"),
    typeCode,
    kind: kindOf(notes),
    amountSign: typeCode === "381" ? -1 : 1,
    currency: s(root, "DocumentCurrencyCode") as "EUR",
    ...(s(root, "DueDate") ? { dueDate: s(root, "DueDate") } : {}),
    buyerReference: s(root, "BuyerReference"),
    notes,
    periodStart: s(root, "InvoicePeriod", "StartDate"),
    periodEnd: s(root, "InvoicePeriod", "EndDate"),
    preceding: arr(root.BillingReference).map((r) => ({ number: s(r, "InvoiceDocumentReference", "ID"), ...(s(r, "InvoiceDocumentReference", "IssueDate") ? { issueDate: s(r, "InvoiceDocumentReference", "IssueDate") } : {}) })),
    seller: {
      name: s(seller, "PartyLegalEntity", "RegistrationName"),
      address: ublAddress(seller.PostalAddress),
      ...(regOf("VAT") ? { vatId: regOf("VAT")! } : {}),
      ...(regOf("FC") ? { taxNumber: regOf("FC")! } : {}),
      contact: { name: s(seller, "Contact", "Name"), phone: s(seller, "Contact", "Telephone"), email: s(seller, "Contact", "ElectronicMail") },
      electronicAddress: { value: s(seller, "EndpointID"), scheme: txt(obj(seller.EndpointID)["@schemeID"]) as "EM" },
      ...(s(seller, "PartyLegalEntity", "CompanyLegalForm") ? { legalInfo: s(seller, "PartyLegalEntity", "CompanyLegalForm") } : {}),
    },
    buyer: {
      name: s(buyer, "PartyLegalEntity", "RegistrationName"),
      id: s(buyer, "PartyIdentification", "ID"),
      address: ublAddress(buyer.PostalAddress),
      ...(s(buyer, "PartyTaxScheme", "CompanyID") ? { vatId: s(buyer, "PartyTaxScheme", "CompanyID") } : {}),
      electronicAddress: { value: s(buyer, "EndpointID"), scheme: txt(obj(buyer.EndpointID)["@schemeID"]) as "EM" },
    },
    payment,
    remittanceInfo: s(m, "PaymentID"),
    ...(s(root, "PaymentTerms", "Note") ? { paymentTerms: s(root, "PaymentTerms", "Note") } : {}),
    lines,
    vatBreakdown: arr(taxTotal.TaxSubtotal).map((t) => ({
      category: s(t, "TaxCategory", "ID") as VatCategory,
      rate: s(t, "TaxCategory", "Percent"),
      taxableAmount: s(t, "TaxableAmount"),
      taxAmount: s(t, "TaxAmount"),
      ...(s(t, "TaxCategory", "TaxExemptionReason") ? { exemptionReason: s(t, "TaxCategory", "TaxExemptionReason") } : {}),
      ...(s(t, "TaxCategory", "TaxExemptionReasonCode") ? { exemptionReasonCode: s(t, "TaxCategory", "TaxExemptionReasonCode") } : {}),
    })),
    totals: {
      lineNet: s(total, "LineExtensionAmount"),
      allowances: money(s(total, "AllowanceTotalAmount"), "0.00"),
      charges: money(s(total, "ChargeTotalAmount"), "0.00"),
      taxExclusive: s(total, "TaxExclusiveAmount"),
      vat: s(taxTotal, "TaxAmount"),
      taxInclusive: s(total, "TaxInclusiveAmount"),
      prepaid: money(s(total, "PrepaidAmount"), "0.00"),
      rounding: money(s(total, "PayableRoundingAmount"), "0.00"),
      payable: s(total, "PayableAmount"),
    },
  };
}
