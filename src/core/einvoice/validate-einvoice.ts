import { Issue, issue } from "../issues";
import { Decimal, HUNDRED, ZERO, roundCents } from "../money/decimal";
import type { EInvoice } from "./model";
import { isPlausibleEmail, isValidIban } from "./parties";

/** Document types XRechnung accepts (BR-DE-17). */
const XRECHNUNG_TYPE_CODES = new Set(["326", "380", "384", "389", "381", "875", "876", "877"]);

/**
 * Our own check of an e-invoice against the EN 16931 calculation rules BR-CO-10 … BR-CO-17 (sums of
 * lines, allowances, charges, VAT breakdown, amount due), the per-category rules we can compute
 * (BR-S/AE/E/Z-08 taxable amounts, VAT ids and exemption reasons), and the German CIUS rules
 * BR-DE-1 … BR-DE-31 that need no code lists (seller contact, addresses, buyer reference, payment
 * means, type code). Runs on the model we build and on one read back from the XML. Each broken rule
 * is an issue `einvoice.rule` with the rule id; BR-DE rules that XRechnung states as "should" are
 * warnings. Not a replacement for the official Schematron (KoSIT validator), which is Java/XSLT 2.
 */
export function validateEInvoice(e: EInvoice): Issue[] {
  const issues: Issue[] = [];
  const broken = (rule: string, detail: string, severity: "error" | "warning" = "error"): void =>
    void issues.push(issue("einvoice.rule", { invoice: e.number, rule, detail }, undefined, severity));
  const d = (v: string | undefined): Decimal | null => {
    if (v === undefined || v === "" || !/^-?\d+(\.\d+)?$/.test(v)) return null;
    return new Decimal(v);
  };
  const amount = (label: string, v: string | undefined): Decimal => {
    const x = d(v);
    if (x === null) {
      broken("BR-CO-AMOUNT", `${label} = "${v ?? ""}" is not an amount`);
      return ZERO;
    }
    if (x.decimalPlaces() > 2) broken("BR-DEC", `${label} = ${v} has more than two decimals`);
    return x;
  };
  const neq = (a: Decimal, b: Decimal): boolean => !a.equals(b);
  const t = e.totals;

  // --- totals (BR-CO-10 … BR-CO-16)
  if (e.lines.length === 0) broken("BR-16", "no invoice line");
  const lineSum = e.lines.reduce((s, l) => s.plus(amount(`BT-131 line ${l.id}`, l.netAmount)), ZERO);
  const lineNet = amount("BT-106", t.lineNet);
  const allowances = amount("BT-107", t.allowances);
  const charges = amount("BT-108", t.charges);
  const taxExclusive = amount("BT-109", t.taxExclusive);
  const vat = amount("BT-110", t.vat);
  const taxInclusive = amount("BT-112", t.taxInclusive);
  const prepaid = amount("BT-113", t.prepaid);
  const rounding = amount("BT-114", t.rounding);
  const payable = amount("BT-115", t.payable);
  if (neq(lineNet, lineSum)) broken("BR-CO-10", `BT-106 ${lineNet.toFixed(2)} ≠ Σ BT-131 ${lineSum.toFixed(2)}`);
  // We write no document-level allowances or charges (BG-20, BG-21), so their sums must be zero.
  if (!allowances.isZero()) broken("BR-CO-11", `BT-107 ${allowances.toFixed(2)} ≠ Σ BT-92 0.00`);
  if (!charges.isZero()) broken("BR-CO-12", `BT-108 ${charges.toFixed(2)} ≠ Σ BT-99 0.00`);
  if (neq(taxExclusive, lineNet.minus(allowances).plus(charges))) broken("BR-CO-13", `BT-109 ${taxExclusive.toFixed(2)} ≠ BT-106 − BT-107 + BT-108 = ${lineNet.minus(allowances).plus(charges).toFixed(2)}`);
  const vatSum = e.vatBreakdown.reduce((s, b) => s.plus(amount(`BT-117 ${b.category} ${b.rate}`, b.taxAmount)), ZERO);
  if (neq(vat, vatSum)) broken("BR-CO-14", `BT-110 ${vat.toFixed(2)} ≠ Σ BT-117 ${vatSum.toFixed(2)}`);
  if (neq(taxInclusive, taxExclusive.plus(vat))) broken("BR-CO-15", `BT-112 ${taxInclusive.toFixed(2)} ≠ BT-109 + BT-110 = ${taxExclusive.plus(vat).toFixed(2)}`);
  if (neq(payable, taxInclusive.minus(prepaid).plus(rounding))) broken("BR-CO-16", `BT-115 ${payable.toFixed(2)} ≠ BT-112 − BT-113 + BT-114 = ${taxInclusive.minus(prepaid).plus(rounding).toFixed(2)}`);

  // --- VAT breakdown (BR-CO-17, BR-CO-18, BR-x-08 and the category rules)
  if (e.vatBreakdown.length === 0) broken("BR-CO-18", "no VAT breakdown");
  const lineGroups = new Map<string, Decimal>();
  for (const l of e.lines) {
    const key = `${l.vatCategory}|${new Decimal(d(l.vatRate) ?? ZERO).toFixed()}`;
    lineGroups.set(key, (lineGroups.get(key) ?? ZERO).plus(d(l.netAmount) ?? ZERO));
    const p = d(l.netPrice);
    if (p === null || p.isNegative()) broken("BR-27", `line ${l.id}: BT-146 ${l.netPrice} is negative or missing`);
    if (l.periodEnd && l.periodStart && l.periodEnd < l.periodStart) broken("BR-30", `line ${l.id}: BT-135 ${l.periodEnd} before BT-134 ${l.periodStart}`);
  }
  const seen = new Set<string>();
  const hasVatOrTaxId = Boolean(e.seller.vatId || e.seller.taxNumber);
  for (const b of e.vatBreakdown) {
    const rate = d(b.rate) ?? ZERO;
    const key = `${b.category}|${rate.toFixed()}`;
    seen.add(key);
    const taxable = amount(`BT-116 ${b.category} ${b.rate}`, b.taxableAmount);
    const tax = d(b.taxAmount) ?? ZERO;
    const expectedTax = roundCents(taxable.times(rate).dividedBy(HUNDRED));
    if (neq(tax, expectedTax)) broken("BR-CO-17", `${b.category} ${b.rate} %: BT-117 ${tax.toFixed(2)} ≠ BT-116 × BT-119 / 100 = ${expectedTax.toFixed(2)}`);
    const linesOfGroup = lineGroups.get(key);
    if (linesOfGroup === undefined) broken(`BR-${b.category}-01`, `VAT breakdown ${b.category} ${b.rate} % without a line of that category and rate`);
    else if (neq(taxable, linesOfGroup)) broken(`BR-${b.category}-08`, `${b.category} ${b.rate} %: BT-116 ${taxable.toFixed(2)} ≠ Σ BT-131 of its lines ${linesOfGroup.toFixed(2)}`);
    if (b.category === "S") {
      if (!rate.greaterThan(0)) broken("BR-S-05", `category S with rate ${b.rate}`);
      if (!hasVatOrTaxId) broken("BR-S-02", "standard-rated invoice without seller VAT id or tax number");
    } else {
      if (!rate.isZero()) broken(`BR-${b.category}-05`, `category ${b.category} with rate ${b.rate}`);
      if (!tax.isZero()) broken(`BR-${b.category}-09`, `category ${b.category} with VAT ${b.taxAmount}`);
    }
    if (b.category === "AE") {
      if (!e.seller.vatId) broken("BR-AE-02", "reverse charge without the seller's VAT id (BT-31)");
      if (!e.buyer.vatId) broken("BR-AE-02", "reverse charge without the buyer's VAT id (BT-48)");
      if (!b.exemptionReason && !b.exemptionReasonCode) broken("BR-AE-10", "reverse charge without exemption reason (BT-120/121)");
    }
    if (b.category === "E") {
      if (!hasVatOrTaxId) broken("BR-E-02", "exempt invoice without seller VAT id or tax number");
      if (!b.exemptionReason && !b.exemptionReasonCode) broken("BR-E-10", "exempt category without exemption reason (BT-120/121)");
    }
    if (b.category === "Z" && !hasVatOrTaxId) broken("BR-Z-02", "zero-rated invoice without seller VAT id or tax number");
  }
  for (const key of lineGroups.keys()) {
    if (!seen.has(key)) broken(`BR-${key.split("|")[0]}-08`, `lines of category/rate ${key.replace("|", " ")} % have no VAT breakdown`);
  }

  // --- payment terms (BR-CO-25)
  if (payable.greaterThan(0) && !e.dueDate && !e.paymentTerms) broken("BR-CO-25", "amount due without due date (BT-9) or payment terms (BT-20)");

  // --- German CIUS (XRechnung 3.0)
  if (!XRECHNUNG_TYPE_CODES.has(e.typeCode)) broken("BR-DE-17", `type code ${e.typeCode} is not allowed`);
  const c = e.seller.contact;
  if (!c.name && !c.phone && !c.email) broken("BR-DE-2", "seller contact (BG-6) missing");
  if (!c.name) broken("BR-DE-5", "seller contact point (BT-41) missing");
  if (!c.phone) broken("BR-DE-6", "seller contact telephone (BT-42) missing");
  else if ((c.phone.match(/\d/g) ?? []).length < 3) broken("BR-DE-27", `seller telephone "${c.phone}" has fewer than three digits`, "warning");
  if (!c.email) broken("BR-DE-7", "seller contact e-mail (BT-43) missing");
  else if (!isPlausibleEmail(c.email)) broken("BR-DE-28", `seller e-mail "${c.email}" is not an e-mail address`, "warning");
  if (!e.seller.address.city) broken("BR-DE-3", "seller city (BT-37) missing");
  if (!e.seller.address.postcode) broken("BR-DE-4", "seller post code (BT-38) missing");
  if (!e.buyer.address.city) broken("BR-DE-8", "buyer city (BT-52) missing");
  if (!e.buyer.address.postcode) broken("BR-DE-9", "buyer post code (BT-53) missing");
  if (!e.buyerReference) broken("BR-DE-15", "buyer reference (BT-10) missing");
  if (!hasVatOrTaxId) broken("BR-DE-16", "seller VAT id (BT-31) or tax number (BT-32) missing");
  if (!e.seller.electronicAddress.value) broken("BR-DE-ELECTRONIC", "seller electronic address (BT-34) missing");
  if (!e.buyer.electronicAddress.value) broken("BR-DE-ELECTRONIC", "buyer electronic address (BT-49) missing");
  const pay = e.payment as Partial<Record<string, string>> & { code?: string };
  if (!pay.code) broken("BR-DE-1", "payment instructions (BG-16) missing");
  else if (pay.code === "58" || pay.code === "30") {
    if (!pay.iban) broken("BR-DE-23-a", "credit transfer without account (BT-84)");
    else if (!isValidIban(pay.iban)) broken("BR-DE-19", `BT-84 "${pay.iban}" is not a valid IBAN`, "warning");
  } else if (pay.code === "59") {
    if (!pay.mandateRef) broken("BR-DE-25-a", "direct debit without mandate reference (BT-89)");
    if (!pay.creditorId) broken("BR-DE-30", "direct debit without creditor id (BT-90)");
    if (!pay.debtorIban) broken("BR-DE-31", "direct debit without debited account (BT-91)");
    else if (!isValidIban(pay.debtorIban)) broken("BR-DE-20", `BT-91 "${pay.debtorIban}" is not a valid IBAN`, "warning");
  } else broken("BR-DE-13", `payment means ${pay.code} is neither credit transfer nor direct debit`);

  // --- ours: a cancellation or credit note names what it reverses
  if (e.kind === "cancellation" && e.preceding.length === 0) broken("BG-3", "cancellation without preceding invoice reference (BT-25)");
  return issues;
}
