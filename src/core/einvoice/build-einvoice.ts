import { assert } from "../assert";
import type { Invoice, InvoiceLine } from "../billing/invoice";
import { prorationDaysText } from "../billing/proration-text";
import type { Customer } from "../contract/model";
import { type IsoDate, germanDate } from "../date/iso-date";
import { Issue, Result, fail, issue, ok } from "../issues";
import { Decimal, HUNDRED, ONE, ZERO, roundCents, germanNumber, priceText, toCentsString, toStored } from "../money/decimal";
import type {
  EBuyer, EInvoice, EInvoiceKind, ELine, EPaymentMeans, EPostalAddress, EPrecedingInvoice, ESeller, ETotals, EVatBreakdown,
  InvoiceTypeCode, VatCategory,
} from "./model";
import { differenceText, isRateDifference } from "./difference-text";
import { maskIban } from "../sepa/iban";
import { SellerSettings, countryOfVatId, isPlausibleEmail, isValidIban, normalizeIban, splitAddress } from "./parties";

/** What the e-invoice of one of our invoices is built from: the lead's store fills this. */
export interface EInvoiceInput {
  invoice: Invoice;
  /** The invoice's customer as stored now (address, VAT id, e-invoice and payment data). */
  customer: Customer;
  seller: SellerSettings;
  /** Default: the invoice's `documentType` (`invoice` or `correction`). */
  kind?: EInvoiceKind;
  /** For a cancellation (Stornorechnung): the cancelled invoice's number and date (BT-25, BT-26). */
  cancels?: EPrecedingInvoice;
  /** For a cancellation: why (Stornogrund), one line; stated in the note after the cancelled invoice. */
  cancellationReason?: string;
  /** Issue dates of the earlier invoices that difference lines correct (`correctsRef`), for BT-26. */
  invoiceDates?: ReadonlyMap<string, IsoDate>;
  /** BT-9 payment due date, if the caller computes one. */
  dueDate?: IsoDate;
}

export const REVERSE_CHARGE_NOTE = "Steuerschuldnerschaft des Leistungsempfängers";
const CREDIT_TERMS = "Der Betrag wird mit offenen Forderungen verrechnet; auf Wunsch zahlen wir ihn auf ein von Ihnen genanntes Konto aus.";

/**
 * The payment terms of a credit (a Stornorechnung, a crediting correction): paid out to the
 * customer's account (`refundIban`, see {@link refundAccount}) or set off against open amounts. The
 * printed invoice says the same.
 */
export function creditTerms(refundIban?: string): string {
  return refundIban ? `Der Betrag wird Ihnen auf Ihr Konto ${maskIban(refundIban)} überwiesen bzw. mit offenen Forderungen verrechnet.` : CREDIT_TERMS;
}

/**
 * The account a credit to a customer is paid out to: its refund account (`refund_iban`), else, for a
 * direct-debit customer, the account its mandate debits (`mandateIban`, else its `sepa_debtor_iban`);
 * none for a transfer customer without a refund account, whose credit is set off (payment means 97).
 */
export function refundAccount(customer: Pick<Customer, "refundIban" | "paymentMeans" | "sepaDebtorIban"> | undefined, mandateIban?: string): string | undefined {
  if (customer?.refundIban) return customer.refundIban;
  return mandateIban ?? (customer?.paymentMeans === "direct_debit" ? customer.sepaDebtorIban : undefined);
}

/** Money as a string with two decimals and no negative zero. */
const money = (d: Decimal): string => toCentsString(d.isZero() ? ZERO : d);
/** A price: at least two decimals, more only when the exact value has them. */
const price = (d: Decimal): string => priceText(toStored(d));
const german = (d: Decimal | string): string => germanNumber(toStored(new Decimal(d)));

/**
 * Builds the EN 16931 semantic model of one of our invoices (see README "E-invoices"): type code
 * 380, or 381 with flipped signs for a cancellation or a correction that credits; per-line service
 * period; VAT category S (rate > 0), AE (reverse-charge customer) or E (0 % with the customer's
 * exemption reason); SEPA credit transfer to our IBAN or SEPA direct debit with mandate and creditor
 * id; a credit paid out to the customer's account or set off (97, see buildPayment). Missing master
 * data is a failed result whose issues name the setting or the customer column; nothing is built then.
 */
export function buildEInvoice(input: EInvoiceInput): Result<EInvoice> {
  const { invoice, customer } = input;
  const issues: Issue[] = [];
  const ref = invoice.invoiceRef;
  assert(invoice.customerNo === customer.no, `invoice ${ref} is for customer ${invoice.customerNo}, not ${customer.no}`);
  if (invoice.lines.length === 0) issues.push(issue("einvoice.no_lines", { invoice: ref }));

  const kind: EInvoiceKind = input.kind ?? invoice.documentType;
  const ourGross = new Decimal(invoice.grossTotal);
  const credit = ourGross.isNegative();
  const typeCode: InvoiceTypeCode =
    kind === "invoice" ? "380" : kind === "correction" ? (credit ? "381" : "380") : ourGross.greaterThan(0) ? "380" : "381";
  const sign: 1 | -1 = typeCode === "381" ? -1 : 1;

  const reverseCharge = customer.reverseCharge === true;
  const seller = buildSeller(input.seller, reverseCharge, ref, issues);
  const buyer = buildBuyer(invoice, customer, ref, issues);

  const rcWithVat = reverseCharge && invoice.lines.some((l) => !new Decimal(l.vatPct).isZero());
  if (rcWithVat) issues.push(issue("einvoice.reverse_charge_with_vat", { invoice: ref, customer: customer.no }));
  const needsExemption = !reverseCharge && invoice.lines.some((l) => new Decimal(l.vatPct).isZero());
  if (needsExemption && !customer.vatExemptionReason) {
    issues.push(customerMissing(ref, customer.no, "vat_exemption_reason"));
  }

  const payment = buildPayment(input.seller, customer, ref, issues, credit ? invoice.customerName || customer.name : undefined);
  const preceding = precedingInvoices(input, kind, issues);

  // These notes stay German on purpose (issue 20): they are content of the printed invoice (BT-22
  // notes, BT-20 payment terms), whose language is the invoice's, German (§14 UStG; the reverse-charge
  // wording of §14a(5) UStG), not the clerk's pane language. An English Office must not turn a German
  // invoice's legal text English. Messages *about* the invoice (issues) are codes like everywhere.
  const notes: string[] = [];
  if (kind === "cancellation" && input.cancels) {
    notes.push(`Stornorechnung zu Rechnung ${input.cancels.number}${input.cancels.issueDate ? ` vom ${germanDate(input.cancels.issueDate)}` : ""}.${input.cancellationReason ? ` Grund: ${input.cancellationReason}` : ""}`);
  } else if (kind === "correction" && preceding.length > 0) {
    notes.push(`Rechnungskorrektur zu ${preceding.length === 1 ? "Rechnung" : "den Rechnungen"} ${preceding.map(precedingText).join(", ")}.`);
  }
  if (reverseCharge) notes.push(`${REVERSE_CHARGE_NOTE}.`);

  let paymentTerms: string | undefined;
  if (credit) paymentTerms = creditTerms(payment?.code === "58" && payment.refund ? payment.iban : undefined);
  else if (payment?.code === "59") {
    paymentTerms = [input.seller.paymentTerms, `Der Betrag wird per SEPA-Lastschrift eingezogen (Mandatsreferenz ${payment.mandateRef}, Gläubiger-ID ${payment.creditorId}).`]
      .filter(Boolean)
      .join(" ");
  } else paymentTerms = input.seller.paymentTerms;
  // BR-CO-25: an amount due needs a due date or payment terms.
  if (!paymentTerms && !input.dueDate && ourGross.greaterThan(0)) issues.push(issue("einvoice.seller_missing", { invoice: ref, setting: "paymentTerms" }));

  if (issues.length > 0 || !seller || !buyer || !payment) return fail(...issues);

  const lines = invoice.lines.map((l) => buildLine(l, sign, reverseCharge, kind === "cancellation"));
  const vatBreakdown = buildVatBreakdown(lines, customer);
  const totals = buildTotals(lines, vatBreakdown);
  // The XML must show our invoice's figures to the cent: same lines, same rounding per rate (§5.2).
  assert(totals.taxExclusive === money(new Decimal(invoice.netTotal).times(sign)), `invoice ${ref}: net total differs from its lines`);
  assert(totals.vat === money(new Decimal(invoice.vatTotal).times(sign)), `invoice ${ref}: VAT total differs from the per-rate VAT`);
  assert(totals.payable === money(ourGross.times(sign)), `invoice ${ref}: gross total differs`);

  let periodStart = invoice.lines[0]!.serviceFrom;
  let periodEnd = invoice.lines[0]!.serviceTo;
  for (const l of invoice.lines) {
    if (l.serviceFrom < periodStart) periodStart = l.serviceFrom;
    if (l.serviceTo > periodEnd) periodEnd = l.serviceTo;
  }
  return ok({
    number: ref,
    issueDate: invoice.invoiceDate,
    typeCode,
    kind,
    amountSign: sign,
    currency: "EUR",
    ...(input.dueDate && !credit ? { dueDate: input.dueDate } : {}),
    buyerReference: customer.buyerReference || customer.no,
    notes,
    periodStart,
    periodEnd,
    preceding,
    seller,
    buyer,
    payment,
    remittanceInfo: ref,
    ...(paymentTerms ? { paymentTerms } : {}),
    lines,
    vatBreakdown,
    totals,
  });
}

const precedingText = (p: EPrecedingInvoice): string => `${p.number}${p.issueDate ? ` vom ${germanDate(p.issueDate)}` : ""}`;

function precedingInvoices(input: EInvoiceInput, kind: EInvoiceKind, issues: Issue[]): EPrecedingInvoice[] {
  if (kind === "cancellation") {
    if (!input.cancels) {
      issues.push(issue("einvoice.cancellation_without_original", { invoice: input.invoice.invoiceRef }));
      return [];
    }
    return [input.cancels];
  }
  const refs = [...new Set(input.invoice.lines.flatMap((l) => (l.correctsRef ? [l.correctsRef] : [])))].sort();
  return refs.map((number) => {
    const issueDate = input.invoiceDates?.get(number);
    return issueDate ? { number, issueDate } : { number };
  });
}

function sellerAddress(s: SellerSettings): EPostalAddress | null {
  const countryCode = (s.countryCode || "DE").toUpperCase();
  if (s.street && s.postcode && s.city) return { line1: s.street, postcode: s.postcode, city: s.city, countryCode };
  const parts = s.address ? splitAddress(s.address) : null;
  return parts ? { ...parts, countryCode } : null;
}

function buildSeller(s: SellerSettings, reverseCharge: boolean, ref: string, issues: Issue[]): ESeller | null {
  const missing = (setting: string): void => void issues.push(issue("einvoice.seller_missing", { invoice: ref, setting }));
  const before = issues.length;
  const address = sellerAddress(s);
  if (!s.name) missing("name");
  if (!address) missing("street, postcode, city");
  if (!s.vatId && !s.taxNumber) missing("vatId | taxNumber");
  // BR-AE-02: a reverse-charge invoice states the seller's VAT id; the tax number is not enough.
  if (reverseCharge && !s.vatId) missing("vatId");
  if (!s.contactName) missing("contactName");
  if (!s.phone) missing("phone");
  else if ((s.phone.match(/\d/g) ?? []).length < 3) issues.push(issue("einvoice.seller_invalid", { invoice: ref, setting: "phone", value: s.phone }));
  if (!s.email) missing("email");
  else if (!isPlausibleEmail(s.email)) issues.push(issue("einvoice.seller_invalid", { invoice: ref, setting: "email", value: s.email }));
  if (issues.length > before || !address) return null;
  const legal = legalInfo(s.footer);
  return {
    name: s.name,
    address,
    ...(s.vatId ? { vatId: s.vatId.replace(/\s+/g, "") } : {}),
    ...(s.taxNumber ? { taxNumber: s.taxNumber } : {}),
    contact: { name: s.contactName!, phone: s.phone!, email: s.email! },
    electronicAddress: { value: s.email!, scheme: "EM" },
    ...(legal ? { legalInfo: legal } : {}),
  };
}

/**
 * A customer column an e-invoice needs is empty. `field` names the column(s) as the CSV has them
 * (stable, for scripts); `missing` is worded for the clerk per language (what it is, the sheet's
 * column header and the CSV column: src/core/messages.ts PARAM_WORDS.missing).
 */
function customerMissing(invoice: string, customer: string, field: string): Issue {
  return issue("einvoice.customer_missing", { invoice, customer, field, missing: field });
}

/** BT-33 from the company footer: its non-empty lines, trimmed, joined by " · " (one line in the XML, as on the page). */
function legalInfo(footer: string | undefined): string | undefined {
  const text = (footer ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(" · ");
  return text || undefined;
}

function buildBuyer(invoice: Invoice, c: Customer, ref: string, issues: Issue[]): EBuyer | null {
  const missing = (field: string): void => void issues.push(customerMissing(ref, c.no, field));
  const before = issues.length;
  const countryCode = (c.countryCode || (c.reverseCharge ? countryOfVatId(c.vatId) : null) || "DE").toUpperCase();
  let address: EPostalAddress | null = null;
  if (c.street && c.postcode && c.city) address = { line1: c.street, postcode: c.postcode, city: c.city, countryCode };
  else {
    const parts = c.address ? splitAddress(c.address) : null;
    if (parts) address = { ...parts, countryCode };
  }
  if (!address) missing("customer_street, customer_postcode, customer_city | customer_address");
  if (c.reverseCharge && !c.vatId) missing("vat_id");
  let electronic: EBuyer["electronicAddress"] | null = null;
  if (c.email) {
    if (isPlausibleEmail(c.email)) electronic = { value: c.email, scheme: "EM" };
    else issues.push(issue("einvoice.customer_invalid", { invoice: ref, customer: c.no, field: "customer_email", value: c.email }));
  } else if (c.buyerReference) electronic = { value: c.buyerReference, scheme: "0204" };
  else missing("customer_email | buyer_reference");
  if (issues.length > before || !address || !electronic) return null;
  return {
    name: invoice.customerName || c.name,
    id: c.no,
    address,
    ...(c.vatId ? { vatId: c.vatId.replace(/\s+/g, "") } : {}),
    electronicAddress: electronic,
  };
}

/**
 * BG-16 (required for every invoice and credit note: BR-DE-1). A direct-debit customer's invoice is
 * collected (59); everyone else's is paid by transfer to our account (58). A credit (`refundTo`: the
 * customer's name, given for a credit) is not collected and not paid to us: on a credit note BT-84 is
 * the account the money goes to, so it is a credit transfer (58) to the customer's refund account,
 * else to the account a direct-debit customer's mandate debits ({@link refundAccount}); without
 * either it is set off, clearing between partners (97), and names no account.
 */
function buildPayment(s: SellerSettings, c: Customer, ref: string, issues: Issue[], refundTo?: string): EPaymentMeans | null {
  const before = issues.length;
  if (refundTo !== undefined && c.refundIban) {
    if (!isValidIban(c.refundIban)) issues.push(issue("einvoice.customer_invalid", { invoice: ref, customer: c.no, field: "refund_iban", value: c.refundIban }));
    if (issues.length > before) return null;
    return { code: "58", iban: normalizeIban(c.refundIban), accountName: refundTo, refund: true };
  }
  if (refundTo !== undefined && c.paymentMeans !== "direct_debit") return { code: "97" };
  if (c.paymentMeans === "direct_debit" && refundTo !== undefined) {
    if (!c.sepaDebtorIban) issues.push(customerMissing(ref, c.no, "sepa_debtor_iban"));
    else if (!isValidIban(c.sepaDebtorIban)) issues.push(issue("einvoice.customer_invalid", { invoice: ref, customer: c.no, field: "sepa_debtor_iban", value: c.sepaDebtorIban }));
    if (issues.length > before) return null;
    return { code: "58", iban: normalizeIban(c.sepaDebtorIban!), accountName: refundTo, refund: true };
  }
  if (c.paymentMeans === "direct_debit") {
    if (!c.sepaMandateRef) issues.push(customerMissing(ref, c.no, "sepa_mandate_ref"));
    if (!c.sepaDebtorIban) issues.push(customerMissing(ref, c.no, "sepa_debtor_iban"));
    else if (!isValidIban(c.sepaDebtorIban)) issues.push(issue("einvoice.customer_invalid", { invoice: ref, customer: c.no, field: "sepa_debtor_iban", value: c.sepaDebtorIban }));
    if (!s.creditorId) issues.push(issue("einvoice.seller_missing", { invoice: ref, setting: "creditorId" }));
    if (issues.length > before) return null;
    return { code: "59", mandateRef: c.sepaMandateRef!, creditorId: s.creditorId!.replace(/\s+/g, ""), debtorIban: normalizeIban(c.sepaDebtorIban!) };
  }
  if (!s.iban) issues.push(issue("einvoice.seller_missing", { invoice: ref, setting: "iban" }));
  else if (!isValidIban(s.iban)) issues.push(issue("einvoice.seller_invalid", { invoice: ref, setting: "iban", value: s.iban }));
  if (issues.length > before) return null;
  return { code: "58", iban: normalizeIban(s.iban!), accountName: s.name, ...(s.bic ? { bic: s.bic.replace(/\s+/g, "") } : {}) };
}

/**
 * One e-invoice line. Quantity and net price are shown as such when they give the net amount
 * (quantity × price rounded to cents); otherwise (a prorated month, a difference line) the line is
 * one unit at its net amount and the note spells out quantity, price, months and discount, so that
 * BT-129 × BT-146 = BT-131 holds for every line (prices are limited to two decimals, as the
 * library's schema demands). The price is never negative (BR-27): a credit line's sign sits in its
 * quantity.
 */
function buildLine(l: InvoiceLine, sign: 1 | -1, reverseCharge: boolean, cancelled: boolean): ELine {
  const net = new Decimal(l.netAmount).times(sign);
  const rate = new Decimal(l.vatPct);
  const category: VatCategory = reverseCharge ? "AE" : rate.isZero() ? "E" : "S";
  const unitPrice = new Decimal(l.unitPrice);
  const discount = new Decimal(l.discountPct);
  const netUnit = unitPrice.times(ONE.minus(discount.dividedBy(HUNDRED)));
  const quantity = new Decimal(l.quantity).times(sign);
  // Prices with more than two decimals do not pass @e-invoice-eu/core's schema (BT-146 as an Amount).
  const exact =
    !quantity.isZero() && !netUnit.isNegative() && netUnit.decimalPlaces() <= 2 && unitPrice.decimalPlaces() <= 2 &&
    roundCents(quantity.times(netUnit)).equals(net);
  const base = {
    id: String(l.lineNo),
    // BT-130: hours for ticket time shown as such; a line shown as one unit at its net is one (C62).
    unitCode: exact && l.lineType === "time" ? "HUR" : "C62",
    netAmount: money(net),
    periodStart: l.serviceFrom,
    periodEnd: l.serviceTo,
    itemName: l.description || l.articleNo,
    ...(l.contractNo ? { itemDescription: l.positionNo > 0 ? `Vertrag ${l.contractNo}, Position ${l.positionNo}` : `Vertrag ${l.contractNo}` } : {}),
    sellerItemId: l.articleNo,
    vatCategory: category,
    vatRate: toStored(rate),
  };
  // A difference line names the change of the monthly net it bills (as billed, on a Stornorechnung too).
  const difference = differenceText(l, cancelled) ?? "";
  const correction = [difference, l.correctsRef ? `Korrektur zu Rechnung ${l.correctsRef}` : ""].filter(Boolean).join(", ");
  if (exact) {
    const discounted = !discount.isZero();
    return {
      ...base,
      ...(correction ? { note: correction } : {}),
      quantity: toStored(quantity),
      netPrice: price(netUnit),
      ...(discounted ? { grossPrice: price(unitPrice), priceDiscount: price(unitPrice.minus(netUnit)) } : {}),
    };
  }
  // Months as the printed invoice shows them: "17 von 31 Tagen" for a part of one month.
  const months =
    prorationDaysText(l.serviceFrom, l.serviceTo, l.periodFactor, "de") ?? `${german(l.periodFactor)} ${new Decimal(l.periodFactor).equals(ONE) ? "Monat" : "Monate"}`;
  // Recurring and difference lines are priced per month over their months; ticket time per hour;
  // clicks, flat fees and consumption per unit (no months), as on the printed invoice.
  const perMonth = l.lineType === "recurring" || l.lineType === "difference";
  const hours = l.lineType === "time";
  const priced = `${germanNumber(price(unitPrice))} EUR${hours ? "/Std." : perMonth ? "/Monat" : ""}${perMonth ? ` × ${months}` : ""}`;
  // A change of quantity and price together is 1 × the change of the monthly net: that change is what the note says.
  const detail = isRateDifference(l)
    ? [`${difference} × ${months}`, l.correctsRef ? `Korrektur zu Rechnung ${l.correctsRef}` : ""].filter(Boolean)
    : [
        // The quantity as the printed invoice's Menge column shows it: signed (a credit line's −2, a
        // Stornorechnung's negated quantity), so that the note and the paper invoice say the same.
        `Menge ${german(l.quantity)}${hours ? " Std." : ""} × ${priced}`,
        discount.isZero() ? "" : `abzgl. ${german(discount)} % Rabatt`,
        correction,
      ].filter(Boolean);
  return {
    ...base,
    note: detail.join(", "),
    quantity: net.isNegative() ? "-1" : "1",
    netPrice: money(net.abs()),
  };
}

function buildVatBreakdown(lines: readonly ELine[], customer: Customer): EVatBreakdown[] {
  const groups = new Map<string, { category: VatCategory; rate: Decimal; taxable: Decimal }>();
  for (const l of lines) {
    const key = `${l.vatCategory}|${l.vatRate}`;
    const g = groups.get(key) ?? { category: l.vatCategory, rate: new Decimal(l.vatRate), taxable: ZERO };
    g.taxable = g.taxable.plus(l.netAmount);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => b.rate.comparedTo(a.rate) || (a.category < b.category ? -1 : 1))
    .map((g) => {
      const out: EVatBreakdown = {
        category: g.category,
        rate: toStored(g.rate),
        taxableAmount: money(g.taxable),
        // §5.2: VAT per rate on the sum of the rounded line nets, rounded once.
        taxAmount: g.category === "S" ? money(roundCents(g.taxable.times(g.rate).dividedBy(HUNDRED))) : "0.00",
      };
      if (g.category === "AE") return { ...out, exemptionReason: REVERSE_CHARGE_NOTE, exemptionReasonCode: "VATEX-EU-AE" };
      if (g.category === "E") return { ...out, exemptionReason: customer.vatExemptionReason ?? "" };
      return out;
    });
}

function buildTotals(lines: readonly ELine[], breakdown: readonly EVatBreakdown[]): ETotals {
  const lineNet = lines.reduce((s, l) => s.plus(l.netAmount), ZERO);
  const vat = breakdown.reduce((s, b) => s.plus(b.taxAmount), ZERO);
  const gross = lineNet.plus(vat);
  return {
    lineNet: money(lineNet),
    allowances: "0.00",
    charges: "0.00",
    taxExclusive: money(lineNet),
    vat: money(vat),
    taxInclusive: money(gross),
    prepaid: "0.00",
    rounding: "0.00",
    payable: money(gross),
  };
}
