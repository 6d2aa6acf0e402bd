import type { BillingInterval, BillingMode } from "../date/billing-period";
import type { IsoDate } from "../date/iso-date";
import type { BillingFrequency, TermLength } from "./term";

/** Decimal values are stored as canonical decimal strings (see money/decimal.ts `toStored`). */
export type DecimalString = string;

export type ContractType = "license" | "managed_service" | "flatrate" | "contingent" | "click" | "purchase";
export const CONTRACT_TYPES: readonly ContractType[] = ["license", "managed_service", "flatrate", "contingent", "click", "purchase"];

export interface Customer {
  /** Our customer number (Kundennummer), the key. */
  no: string;
  name: string;
  /** Optional e-mail/web domain, used for mapping suggestions. */
  domain?: string;
  /** Debtor account for accounting exports. */
  debtorAccount?: string;
  vatId?: string;
  /** Postal address for invoice documents (street, postcode and town; lines separated by line breaks). */
  address?: string;
  /** The customer owes the VAT (§ 13b UStG / EU B2B services): invoices state "Steuerschuldnerschaft des Leistungsempfängers". */
  reverseCharge?: boolean;
  // Structured address and e-invoice data (EN 16931 BG-8, BT-10, BT-49); all optional so that older
  // stores and files stay valid. Without the parts, `address` is split (street / postcode town).
  /** Street and house number (BT-50). */
  street?: string;
  postcode?: string;
  city?: string;
  /** ISO 3166-1 alpha-2 country code (BT-55); default `DE`, for reverse charge the VAT id's prefix. */
  countryCode?: string;
  /** Invoice e-mail address: the buyer's electronic address (BT-49, scheme EM). */
  email?: string;
  /** Buyer reference (BT-10): the Leitweg-ID of a public customer; default our customer number. */
  buyerReference?: string;
  /** Which e-invoice the customer gets; `none` (or absent) = none. */
  einvoiceFormat?: EInvoiceChoice;
  /** How the customer pays: SEPA credit transfer to our account (default) or SEPA direct debit. */
  paymentMeans?: PaymentMeansChoice;
  /** SEPA direct debit mandate reference (BT-89). */
  sepaMandateRef?: string;
  /** The customer's IBAN that is debited (BT-91). */
  sepaDebtorIban?: string;
  /**
   * The customer's own account for refunds: a credit to it (Stornorechnung, crediting correction) is
   * paid out there (BT-84 of the credit note). Without it, a credit to a direct-debit customer goes to
   * the account its mandate debits, one to a transfer customer is set off (README "E-invoices").
   */
  refundIban?: string;
  /** Why a 0 % line is exempt (BT-120), e.g. "Steuerfrei nach § 4 Nr. 8 UStG"; needed for category E. */
  vatExemptionReason?: string;
}

export type EInvoiceChoice = "xrechnung-cii" | "xrechnung-ubl" | "zugferd" | "none";
export const EINVOICE_CHOICES: readonly EInvoiceChoice[] = ["xrechnung-cii", "xrechnung-ubl", "zugferd", "none"];
export type PaymentMeansChoice = "transfer" | "direct_debit";
export const PAYMENT_MEANS_CHOICES: readonly PaymentMeansChoice[] = ["transfer", "direct_debit"];

export interface Article {
  /** Our article number, the key. */
  no: string;
  description: string;
  /** List price per month (net): the default price of a new position. */
  unitPrice: DecimalString;
  vatPct: DecimalString;
  unit?: string;
  purchasePrice?: DecimalString;
}

export interface Contract {
  /** Contract number, the key. */
  no: string;
  customerNo: string;
  type: ContractType;
  interval: BillingInterval;
  mode: BillingMode;
  start: IsoDate;
  end?: IsoDate;
  /** When true, differential billing emits no credits for this contract. */
  suppressCredits?: boolean;
  /** Price changes are not allowed to take effect before this date (notice period). */
  noPriceChangeBefore?: IsoDate;
  /**
   * The last day of the last month billed outside this program (an earlier billing system): its
   * months up to and including this one are settled, so billing charges nothing and no difference for
   * them (src/core/contract/billed-until.ts). Always the last day of a month.
   */
  billedUntil?: IsoDate;
}

/**
 * One entry in the append-only history of a contract position: the position's full state from
 * `validFrom` on, until a later entry for the same position. Entries are never modified; a change
 * is a new entry. Quantity 0 ends the position.
 */
export interface PositionVersion {
  /** Unique id of this entry. */
  id: string;
  contractNo: string;
  /** Stable number of the position within its contract. */
  positionNo: number;
  validFrom: IsoDate;
  articleNo: string;
  description: string;
  quantity: DecimalString;
  /** Net price per unit and month. */
  unitPrice: DecimalString;
  discountPct: DecimalString;
  vatPct: DecimalString;
  /** Optional vendor mapping key (e.g. `ProductId:SkuId`). */
  vendorKey?: string;
  /** Vendor commitment term of the subscription behind the position (NCE), when known. */
  term?: TermLength;
  /** Last day of the vendor commitment (NCE SubscriptionEndDate), when known. */
  termEnd?: IsoDate;
  /** How often the vendor bills the subscription (annual term billed monthly: `monthly`), when known. */
  billingFrequency?: BillingFrequency;
  /** Monotonic entry sequence: breaks ties between entries with the same validFrom (later wins). */
  seq: number;
  /** The import batch, review or manual action that created the entry. */
  source?: string;
}

/** The fields of a position version that describe its state (everything but identity and provenance). */
export type PositionState = Pick<
  PositionVersion,
  "articleNo" | "description" | "quantity" | "unitPrice" | "discountPct" | "vatPct" | "vendorKey" | "term" | "termEnd" | "billingFrequency"
>;

/** True when two states are the same commercial state. */
export function sameState(a: PositionState, b: PositionState): boolean {
  return (
    a.articleNo === b.articleNo &&
    a.description === b.description &&
    a.quantity === b.quantity &&
    a.unitPrice === b.unitPrice &&
    a.discountPct === b.discountPct &&
    a.vatPct === b.vatPct &&
    (a.vendorKey ?? "") === (b.vendorKey ?? "") &&
    (a.term ?? "") === (b.term ?? "") &&
    (a.termEnd ?? "") === (b.termEnd ?? "") &&
    (a.billingFrequency ?? "") === (b.billingFrequency ?? "")
  );
}
