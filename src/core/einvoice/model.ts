import type { DecimalString } from "../contract/model";
import type { IsoDate } from "../date/iso-date";

/**
 * The part of the EN 16931 semantic model (business terms BT-n, groups BG-n) that our invoices use,
 * independent of syntax: `src/io/einvoice` renders it as XRechnung CII/UBL or ZUGFeRD. Amounts are
 * decimal strings with two decimals (prices may have more), already signed for the document type
 * (see {@link EInvoice.amountSign}).
 */

/** The e-invoice syntaxes we produce. */
export type EInvoiceFormat = "xrechnung-cii" | "xrechnung-ubl" | "zugferd";
export const EINVOICE_FORMATS: readonly EInvoiceFormat[] = ["xrechnung-cii", "xrechnung-ubl", "zugferd"];

/**
 * UNTDID 1001 document type (BT-3): 380 commercial invoice, 381 credit note. 384 (corrected invoice,
 * which replaces an earlier invoice in full) is deliberately not produced: our corrections add or
 * credit differences and our cancellations reverse an invoice; see README "E-invoices".
 */
export type InvoiceTypeCode = "380" | "381";

/** What the document is in our terms; decides the type code together with the sign of the total. */
export type EInvoiceKind = "invoice" | "correction" | "cancellation";

/** UNCL 5305 VAT category: standard rate, reverse charge, exempt, zero rated. */
export type VatCategory = "S" | "AE" | "E" | "Z";

/** BG-5 / BG-8 postal address. */
export interface EPostalAddress {
  /** BT-35 / BT-50 street and house number. */
  line1: string;
  /** BT-36 / BT-51. */
  line2?: string;
  /** BT-38 / BT-53. */
  postcode: string;
  /** BT-37 / BT-52. */
  city: string;
  /** BT-40 / BT-55, ISO 3166-1 alpha-2. */
  countryCode: string;
}

/** BT-34 / BT-49 electronic address with its scheme (EAS): `EM` e-mail, `0204` Leitweg-ID. */
export interface EElectronicAddress {
  value: string;
  scheme: "EM" | "0204";
}

/** BG-4 seller. */
export interface ESeller {
  /** BT-27. */
  name: string;
  address: EPostalAddress;
  /** BT-31 VAT identifier (USt-IdNr.). */
  vatId?: string;
  /** BT-32 tax registration identifier (Steuernummer, scheme FC). */
  taxNumber?: string;
  /** BG-6: BT-41 contact point, BT-42 phone, BT-43 e-mail (BR-DE-2, -5, -6, -7). */
  contact: { name: string; phone: string; email: string };
  /** BT-34. */
  electronicAddress: EElectronicAddress;
  /**
   * BT-33 seller additional legal information: the company's footer text (managing director,
   * register court and number …: § 35a GmbHG), its lines joined by " · "; written into the XML and
   * printed in the footer of the visible ZUGFeRD page, as the HTML documents print the footer.
   */
  legalInfo?: string;
}

/** BG-7 buyer. */
export interface EBuyer {
  /** BT-44. */
  name: string;
  /** BT-46: our customer number. */
  id: string;
  address: EPostalAddress;
  /** BT-48 (required for reverse charge, BR-AE-02). */
  vatId?: string;
  /** BT-49. */
  electronicAddress: EElectronicAddress;
}

/** BG-25 invoice line. */
export interface ELine {
  /** BT-126. */
  id: string;
  /** BT-127 free-text note (quantity, price and period details when BT-129/146 cannot show them). */
  note?: string;
  /** BT-129 invoiced quantity (signed) and BT-130 unit (UN/ECE Rec 20, `C62` = one). */
  quantity: DecimalString;
  unitCode: string;
  /** BT-131 net amount (signed, two decimals). */
  netAmount: DecimalString;
  /** BT-134 / BT-135 the line's service period. */
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** BT-146 item net price (never negative, BR-27) and BT-148 gross price / BT-147 discount when a discount applies. */
  netPrice: DecimalString;
  grossPrice?: DecimalString;
  priceDiscount?: DecimalString;
  /** BT-153 item name, BT-154 description, BT-155 seller's item id (our article number). */
  itemName: string;
  itemDescription?: string;
  sellerItemId: string;
  /** BT-151 / BT-152. */
  vatCategory: VatCategory;
  vatRate: DecimalString;
}

/** BG-23 VAT breakdown, one per category and rate. */
export interface EVatBreakdown {
  category: VatCategory;
  /** BT-119. */
  rate: DecimalString;
  /** BT-116. */
  taxableAmount: DecimalString;
  /** BT-117. */
  taxAmount: DecimalString;
  /** BT-120 / BT-121 (required for AE, E). */
  exemptionReason?: string;
  exemptionReasonCode?: string;
}

/** BG-22 document totals. */
export interface ETotals {
  /** BT-106 sum of line net amounts. */
  lineNet: DecimalString;
  /** BT-107 / BT-108 document-level allowances and charges (we have none: 0.00). */
  allowances: DecimalString;
  charges: DecimalString;
  /** BT-109 total without VAT. */
  taxExclusive: DecimalString;
  /** BT-110 total VAT. */
  vat: DecimalString;
  /** BT-112 total with VAT. */
  taxInclusive: DecimalString;
  /** BT-113 paid amount, BT-114 rounding amount. */
  prepaid: DecimalString;
  rounding: DecimalString;
  /** BT-115 amount due. */
  payable: DecimalString;
}

/**
 * BG-16 payment instructions: SEPA credit transfer (58), SEPA direct debit (59), or clearing between
 * partners (97) for a credit whose account we do not know.
 */
export type EPaymentMeans =
  | {
      code: "58";
      /** BT-84 our IBAN, BT-85 account name, BT-86 BIC; on a refund the customer's. */
      iban: string;
      accountName: string;
      bic?: string;
      /**
       * A credit note we pay out, by credit transfer to the customer's account (BT-84 of a credit
       * note is the account the money goes to): its refund account, else the account its mandate
       * debits. Not in the XML as a flag: the account is BT-84 and the payment terms (BT-20) say so.
       */
      refund?: true;
    }
  | {
      /**
       * UNTDID 4461 97 "clearing between partners": a credit to a customer whose account we do not
       * know is set off against open amounts (paid out on request). No BG-17/18/19: EN 16931 asks
       * for BT-84 only with a credit transfer (BR-50, BR-61: codes 30, 58), XRechnung only with 30/58
       * (BR-DE-23), 48/54/55 (BR-DE-24) and 59 (BR-DE-25).
       */
      code: "97";
    }
  | {
      code: "59";
      /** BT-89 mandate reference, BT-90 our creditor id (Gläubiger-ID), BT-91 the debited IBAN. */
      mandateRef: string;
      creditorId: string;
      debtorIban: string;
    };

/** BG-3 preceding invoice reference. */
export interface EPrecedingInvoice {
  /** BT-25. */
  number: string;
  /** BT-26, when known. */
  issueDate?: IsoDate;
}

/** One e-invoice in the semantic model. */
export interface EInvoice {
  /** BT-1. */
  number: string;
  /** BT-2. */
  issueDate: IsoDate;
  /** BT-3. */
  typeCode: InvoiceTypeCode;
  kind: EInvoiceKind;
  /**
   * +1, or −1 for a credit note (381): EN 16931 states a credit note's amounts with the sign they
   * have from the issuer's point of view of a credit (positive), so our negative lines flip.
   * Every amount here is `amountSign ×` our invoice's amount.
   */
  amountSign: 1 | -1;
  /** BT-5. */
  currency: "EUR";
  /** BT-9 due date, when given. */
  dueDate?: IsoDate;
  /** BT-10. */
  buyerReference: string;
  /** BT-22 invoice notes. */
  notes: string[];
  /** BG-14 invoicing period: earliest line start to latest line end. */
  periodStart: IsoDate;
  periodEnd: IsoDate;
  preceding: EPrecedingInvoice[];
  seller: ESeller;
  buyer: EBuyer;
  payment: EPaymentMeans;
  /** BT-83 remittance information (our invoice number). */
  remittanceInfo: string;
  /** BT-20. */
  paymentTerms?: string;
  lines: ELine[];
  vatBreakdown: EVatBreakdown[];
  totals: ETotals;
}
