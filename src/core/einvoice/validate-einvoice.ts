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
  // The detail is a message code (einvoice.detail.*) with its params, rendered per language.
  const broken = (rule: string, detail: string, params: Record<string, string | number> = {}, severity: "error" | "warning" = "error"): void =>
    void issues.push(issue("einvoice.rule", { ...params, invoice: e.number, rule, detail: `einvoice.detail.${detail}` }, undefined, severity));
  const d = (v: string | undefined): Decimal | null => {
    if (v === undefined || v === "" || !/^-?\d+(\.\d+)?$/.test(v)) return null;
    return new Decimal(v);
  };
  const amount = (term: string, v: string | undefined, line?: string): Decimal => {
    const x = d(v);
    const where: Record<string, string> = line === undefined ? { term } : { term, line };
    if (x === null) {
      broken("BR-CO-AMOUNT", line === undefined ? "not_amount" : "line_not_amount", { ...where, value: v ?? "" });
      return ZERO;
    }
    if (x.decimalPlaces() > 2) broken("BR-DEC", line === undefined ? "too_many_decimals" : "line_too_many_decimals", { ...where, value: v ?? "" });
    return x;
  };
  const sums = (rule: string, term: string, amt: Decimal, formula: string, should: Decimal): void =>
    broken(rule, "sum_mismatch", { term, amount: amt.toFixed(2), formula, should: should.toFixed(2) });
  const neq = (a: Decimal, b: Decimal): boolean => !a.equals(b);
  const t = e.totals;

  // --- totals (BR-CO-10 … BR-CO-16)
  if (e.lines.length === 0) broken("BR-16", "no_line");
  const lineSum = e.lines.reduce((s, l) => s.plus(amount("BT-131", l.netAmount, l.id)), ZERO);
  const lineNet = amount("BT-106", t.lineNet);
  const allowances = amount("BT-107", t.allowances);
  const charges = amount("BT-108", t.charges);
  const taxExclusive = amount("BT-109", t.taxExclusive);
  const vat = amount("BT-110", t.vat);
  const taxInclusive = amount("BT-112", t.taxInclusive);
  const prepaid = amount("BT-113", t.prepaid);
  const rounding = amount("BT-114", t.rounding);
  const payable = amount("BT-115", t.payable);
  if (neq(lineNet, lineSum)) sums("BR-CO-10", "BT-106", lineNet, "Σ BT-131", lineSum);
  // We write no document-level allowances or charges (BG-20, BG-21), so their sums must be zero.
  if (!allowances.isZero()) sums("BR-CO-11", "BT-107", allowances, "Σ BT-92", ZERO);
  if (!charges.isZero()) sums("BR-CO-12", "BT-108", charges, "Σ BT-99", ZERO);
  if (neq(taxExclusive, lineNet.minus(allowances).plus(charges))) sums("BR-CO-13", "BT-109", taxExclusive, "BT-106 − BT-107 + BT-108", lineNet.minus(allowances).plus(charges));
  const vatSum = e.vatBreakdown.reduce((s, b) => s.plus(amount(`BT-117 ${b.category} ${b.rate}`, b.taxAmount)), ZERO);
  if (neq(vat, vatSum)) sums("BR-CO-14", "BT-110", vat, "Σ BT-117", vatSum);
  if (neq(taxInclusive, taxExclusive.plus(vat))) sums("BR-CO-15", "BT-112", taxInclusive, "BT-109 + BT-110", taxExclusive.plus(vat));
  if (neq(payable, taxInclusive.minus(prepaid).plus(rounding))) sums("BR-CO-16", "BT-115", payable, "BT-112 − BT-113 + BT-114", taxInclusive.minus(prepaid).plus(rounding));

  // --- VAT breakdown (BR-CO-17, BR-CO-18, BR-x-08 and the category rules)
  if (e.vatBreakdown.length === 0) broken("BR-CO-18", "no_vat_breakdown");
  const lineGroups = new Map<string, Decimal>();
  for (const l of e.lines) {
    const key = `${l.vatCategory}|${new Decimal(d(l.vatRate) ?? ZERO).toFixed()}`;
    lineGroups.set(key, (lineGroups.get(key) ?? ZERO).plus(d(l.netAmount) ?? ZERO));
    const p = d(l.netPrice);
    if (p === null || p.isNegative()) broken("BR-27", "negative_price", { line: l.id, value: l.netPrice ?? "" });
    if (l.periodEnd && l.periodStart && l.periodEnd < l.periodStart) broken("BR-30", "period_reversed", { line: l.id, end: l.periodEnd, start: l.periodStart });
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
    if (neq(tax, expectedTax)) broken("BR-CO-17", "group_tax_mismatch", { category: b.category, rate: b.rate, amount: tax.toFixed(2), should: expectedTax.toFixed(2) });
    const linesOfGroup = lineGroups.get(key);
    if (linesOfGroup === undefined) broken(`BR-${b.category}-01`, "breakdown_without_lines", { category: b.category, rate: b.rate });
    else if (neq(taxable, linesOfGroup)) broken(`BR-${b.category}-08`, "group_taxable_mismatch", { category: b.category, rate: b.rate, amount: taxable.toFixed(2), should: linesOfGroup.toFixed(2) });
    if (b.category === "S") {
      if (!rate.greaterThan(0)) broken("BR-S-05", "category_rate", { category: "S", rate: b.rate });
      if (!hasVatOrTaxId) broken("BR-S-02", "category_without_seller_tax_id", { category: "S" });
    } else {
      if (!rate.isZero()) broken(`BR-${b.category}-05`, "category_rate", { category: b.category, rate: b.rate });
      if (!tax.isZero()) broken(`BR-${b.category}-09`, "category_vat", { category: b.category, value: b.taxAmount });
    }
    if (b.category === "AE") {
      if (!e.seller.vatId) broken("BR-AE-02", "reverse_charge_without", { term: "BT-31" });
      if (!e.buyer.vatId) broken("BR-AE-02", "reverse_charge_without", { term: "BT-48" });
      if (!b.exemptionReason && !b.exemptionReasonCode) broken("BR-AE-10", "no_exemption_reason", { category: "AE" });
    }
    if (b.category === "E") {
      if (!hasVatOrTaxId) broken("BR-E-02", "category_without_seller_tax_id", { category: "E" });
      if (!b.exemptionReason && !b.exemptionReasonCode) broken("BR-E-10", "no_exemption_reason", { category: "E" });
    }
    if (b.category === "Z" && !hasVatOrTaxId) broken("BR-Z-02", "category_without_seller_tax_id", { category: "Z" });
  }
  for (const key of lineGroups.keys()) {
    if (!seen.has(key)) broken(`BR-${key.split("|")[0]}-08`, "lines_without_breakdown", { category: key.split("|")[0]!, rate: key.split("|")[1]! });
  }

  // --- payment terms (BR-CO-25)
  if (payable.greaterThan(0) && !e.dueDate && !e.paymentTerms) broken("BR-CO-25", "no_due_date");

  // --- German CIUS (XRechnung 3.0)
  if (!XRECHNUNG_TYPE_CODES.has(e.typeCode)) broken("BR-DE-17", "type_code", { value: e.typeCode });
  const c = e.seller.contact;
  if (!c.name && !c.phone && !c.email) broken("BR-DE-2", "missing", { term: "BG-6" });
  if (!c.name) broken("BR-DE-5", "missing", { term: "BT-41" });
  if (!c.phone) broken("BR-DE-6", "missing", { term: "BT-42" });
  else if ((c.phone.match(/\d/g) ?? []).length < 3) broken("BR-DE-27", "phone_digits", { value: c.phone }, "warning");
  if (!c.email) broken("BR-DE-7", "missing", { term: "BT-43" });
  else if (!isPlausibleEmail(c.email)) broken("BR-DE-28", "email_invalid", { value: c.email }, "warning");
  if (!e.seller.address.city) broken("BR-DE-3", "missing", { term: "BT-37" });
  if (!e.seller.address.postcode) broken("BR-DE-4", "missing", { term: "BT-38" });
  if (!e.buyer.address.city) broken("BR-DE-8", "missing", { term: "BT-52" });
  if (!e.buyer.address.postcode) broken("BR-DE-9", "missing", { term: "BT-53" });
  if (!e.buyerReference) broken("BR-DE-15", "missing", { term: "BT-10" });
  if (!hasVatOrTaxId) broken("BR-DE-16", "missing", { term: "BT-31/BT-32" });
  if (!e.seller.electronicAddress.value) broken("BR-DE-ELECTRONIC", "missing", { term: "BT-34" });
  if (!e.buyer.electronicAddress.value) broken("BR-DE-ELECTRONIC", "missing", { term: "BT-49" });
  const pay = e.payment as Partial<Record<string, string>> & { code?: string };
  if (!pay.code) broken("BR-DE-1", "missing", { term: "BG-16" });
  else if (pay.code === "58" || pay.code === "30") {
    if (!pay.iban) broken("BR-DE-23-a", "transfer_without", { term: "BT-84" });
    else if (!isValidIban(pay.iban)) broken("BR-DE-19", "iban_invalid", { term: "BT-84", value: pay.iban }, "warning");
  } else if (pay.code === "59") {
    if (!pay.mandateRef) broken("BR-DE-25-a", "debit_without", { term: "BT-89" });
    if (!pay.creditorId) broken("BR-DE-30", "debit_without", { term: "BT-90" });
    if (!pay.debtorIban) broken("BR-DE-31", "debit_without", { term: "BT-91" });
    else if (!isValidIban(pay.debtorIban)) broken("BR-DE-20", "iban_invalid", { term: "BT-91", value: pay.debtorIban }, "warning");
  } else if (pay.code !== "97") broken("BR-DE-13", "payment_means", { value: pay.code });

  // --- ours: a cancellation or credit note names what it reverses
  if (e.kind === "cancellation" && e.preceding.length === 0) broken("BG-3", "cancellation_without_reference");
  return issues;
}
