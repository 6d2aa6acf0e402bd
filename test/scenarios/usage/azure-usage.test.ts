/**
 * Issue 19, part 2, end to end in the core: a usage month from a vendor file → usage records →
 * usage review → invoice usage lines → invoices (buildInvoice) → DATEV Buchungsstapel.
 *
 * The file is an NCE invoice reconciliation file with Microsoft's documented Azure plan sample line
 * (modern-invoice-reconciliation-file.md: ProductId DZH318Z0BNZ5, SkuId 006G "Tables - LRS",
 * ChargeType New, UnitPrice 0.045, EffectiveUnitPrice 0.03825, BillableQuantity 0.005001, Subtotal 0,
 * UnitType "1 GB/Month", MeterDescription "Tables - LRS Data Stored (GB/Month)", SubscriptionDescription
 * "Azure plan", TermAndBillingCycle "Data Stored (GB/Month)", BillingFrequency NA, PricingCurrency
 * USD, PCToBCExchangeRate 0.846202666, September 2020), two virtual machine meters priced the same
 * way (Subtotal = ROUNDDOWN(ROUNDDOWN(EffectiveUnitPrice × BillableQuantity, 2) × rate, 2)) and one
 * licence line that must stay a seat line.
 */
import { toSeatLine } from "../../../src/app/reconcile";
import { buildInvoice } from "../../../src/core/billing/invoice";
import type { Article, Customer } from "../../../src/core/contract/model";
import type { IsoMonth } from "../../../src/core/date/iso-month";
import { mappingKey } from "../../../src/core/reconcile/external-id";
import { reconcileMonth } from "../../../src/core/reconcile/reconcile-month";
import { costCheck } from "../../../src/core/purchase/cost-check";
import { buildCostIndex } from "../../../src/core/purchase/unit-cost";
import { aggregateUsage } from "../../../src/core/usage/aggregate";
import type { UsageMark } from "../../../src/core/usage/model";
import { parseUsageRules } from "../../../src/io/usage/usage-rules-json";
import { type UsageInput, buildUsageReview, computeUsageCharges } from "../../../src/core/usage/review";
import { usageInvoiceLine } from "../../../src/core/time/usage-line";
import { datevExtf } from "../../../src/io/export/datev/extf";
import { readUsageReviewTable, usageReviewTableRows } from "../../../src/io/usage/review-table";
import { NCE_INVOICE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { readVendorCsv } from "../../../src/io/vendor/read-vendor";
import { TENANT_A, TENANT_B, nceRecords, toCsv, utf8, type Rec } from "../../io/vendor/fixtures";

const MONTH = "2020-09" as IsoMonth;

function records(): Rec[] {
  const seat = nceRecords()[3]!; // customer A, Business Basic, cycle charge
  const azure = {
    ...seat, ProductId: "DZH318Z0BNZ5", SkuId: "006G", AvailabilityId: "DZH318Z08B80", SkuName: "Tables - LRS", ProductName: "Tables", ChargeType: "New", UnitPrice: "0.045", Quantity: "1",
    Subtotal: "0", TaxTotal: "0", Total: "0", PublisherName: "Microsoft", SubscriptionDescription: "Azure plan", SubscriptionId: "307628f1-d9d2-f09c-ea1f-4183f0cae308",
    ChargeStartDate: "2020-09-01", ChargeEndDate: "2020-09-30", TermAndBillingCycle: "Data Stored (GB/Month)", EffectiveUnitPrice: "0.03825", UnitType: "1 GB/Month", BillableQuantity: "0.005001",
    BillingFrequency: "NA", PricingCurrency: "USD", PCToBCExchangeRate: "0.846202666", PCToBCExchangeRateDate: "2020-09-30", MeterDescription: "Tables - LRS Data Stored (GB/Month)",
    SubscriptionStartDate: "", SubscriptionEndDate: "", ProductQualifiers: "", PriceAdjustmentDescription: '["15.0% Partner earned credit for services managed"]',
  };
  const vm = { ProductId: "DZH318Z0BQ3Q", SkuId: "0009", SkuName: "Virtual Machines Dv3 Series", ProductName: "Virtual Machines Dv3 Series", UnitPrice: "0.12", EffectiveUnitPrice: "0.102", UnitType: "1 Hour", MeterDescription: "Virtual Machines Dv3 Series - D2 v3 - EU West" };
  return [
    { ...seat, ChargeStartDate: "2020-09-01", ChargeEndDate: "2020-09-30", SubscriptionStartDate: "2020-06-01", SubscriptionEndDate: "2021-05-31" },
    azure,
    { ...azure, ...vm, BillableQuantity: "720.5", Subtotal: "62.18" },
    { ...azure, ...vm, CustomerId: TENANT_B, CustomerName: "Schäfer & Söhne KG", SubscriptionId: "407628f1-d9d2-f09c-ea1f-4183f0cae309", BillableQuantity: "100", Subtotal: "8.63" },
  ];
}

const customers = new Map<string, Customer>([
  ["10001", { no: "10001", name: "Müller GmbH", debtorAccount: "10001" }],
  ["10002", { no: "10002", name: "Schäfer & Söhne KG", debtorAccount: "10002" }],
]);
const articles = new Map<string, Article>([
  ["AZURE", { no: "AZURE", description: "Azure-Verbrauch", unitPrice: "0", vatPct: "19" }],
  ["BASIC", { no: "BASIC", description: "Microsoft 365 Business Basic", unitPrice: "6", vatPct: "19" }],
]);
const mappings = new Map([
  [mappingKey("customer", "*", TENANT_A.toUpperCase()), "10001"],
  [mappingKey("customer", "*", TENANT_B), "10002"],
  [mappingKey("article", "*", "CFQ7TTC0LH18:0001"), "BASIC"],
]);
const lookup: UsageInput["lookup"] = (kind, source, id) => mappings.get(mappingKey(kind, source, id)) ?? mappings.get(mappingKey(kind, "*", id));

const RULES = `{
  "defaults": { "method": "cost_plus", "pct": "15", "articleNo": "AZURE" },
  "customers": { "10002": { "method": "list_price", "discountPct": "5" } }
}`;

function read() {
  const r = readVendorCsv(utf8(toCsv(NCE_INVOICE_HEADERS, records())), { fileName: "nce-2020-09.csv" });
  expect(r.issues).toEqual([]);
  return r;
}

function usageInput(held: string[] = [], billed: string[] = []): UsageInput {
  const rules = parseUsageRules(RULES, "usage-rules.json");
  if (!rules.ok) throw new Error(JSON.stringify(rules.issues));
  const { records: usage, undated } = aggregateUsage(read().lines.filter((l) => l.chargeKind === "usage"));
  expect(undated).toEqual([]);
  return { runMonth: MONTH, records: usage, lookup, customers, articles, rules: rules.value, billed: new Set(billed), held: new Set(held) };
}

describe("Azure usage from the NCE invoice file to DATEV (issue 19, part 2)", () => {
  it("Azure plan lines are usage lines, never seats: the licence line alone is reconciled", () => {
    const r = read();
    expect(r.lines.map((l) => [l.chargeKind, l.quantity, l.coveredMonths, l.unit ?? "", l.listAmount ?? ""])).toEqual([
      ["cycle", "3", "1", "", ""],
      ["usage", "0.005001", null, "1 GB/Month", "0.0001904337"],
      ["usage", "720.5", null, "1 Hour", "73.1626825024"],
      ["usage", "100", null, "1 Hour", "10.154431992"],
    ]);
    expect(r.lines[1]).not.toHaveProperty("term");
    const rows = reconcileMonth({ month: MONTH, lines: r.lines.map((l) => toSeatLine(l)), lookup, customers, articles, contracts: [], versions: [], mappedCustomers: new Set(), mappedArticles: new Set() });
    expect(rows.map((x) => [x.status, x.customerNo, x.articleNo, x.vendorQty])).toEqual([["new_position", "10001", "BASIC", "3"]]);
  });

  it("usage records per customer, product and month; the review prices them to the cent", () => {
    const review = buildUsageReview(usageInput());
    expect(review.rows.map((r) => [r.status, r.customerNo, r.articleNo, r.vendorArticleKey, r.quantity, r.cost, r.rule, r.price, r.unitPrice, r.net, r.margin])).toEqual([
      ["charged", "10001", "AZURE", "DZH318Z0BNZ5:006G", "0.005001", "0", "defaults", "cost + 15 %", "0", "0.00", "0.00"],
      ["charged", "10001", "AZURE", "DZH318Z0BQ3Q:0009", "720.5", "62.18", "defaults", "cost + 15 %", "0.099246", "71.51", "9.33"],
      ["charged", "10002", "AZURE", "DZH318Z0BQ3Q:0009", "100", "8.63", "customers.10002", "list − 5 %", "0.096467", "9.65", "1.02"],
    ]);
    expect(review.totals).toEqual({ rows: 3, charged: 3, held: 0, problems: 0, net: "81.16", cost: "70.81" });
    expect(review.rows[1]).toMatchObject({ description: "Azure-Verbrauch: Virtual Machines Dv3 Series September 2020", meters: ["Virtual Machines Dv3 Series - D2 v3 - EU West"], unit: "1 Hour" });
  });

  it("invoice usage lines → invoices → DATEV with the right amounts", () => {
    const charges = computeUsageCharges(usageInput());
    expect(charges.lines.map((l) => [l.customerNo, l.lineType, l.net.toFixed(2), l.serviceFrom, l.serviceTo])).toEqual([
      ["10001", "usage", "71.51", "2020-09-01", "2020-09-30"],
      ["10002", "usage", "9.65", "2020-09-01", "2020-09-30"],
    ]);
    // the Tables record comes to 0.00: no invoice line, but marked billed so it is not offered again
    expect(charges.billed.map((b) => [b.customerNo, b.net, b.lineKey === null])).toEqual([["10001", "0.00", true], ["10001", "71.51", false], ["10002", "9.65", false]]);
    const invoices = ["10001", "10002"].map((no, i) =>
      buildInvoice({ invoiceRef: `RE-2020-${i + 1}`, runId: "run-1", invoiceDate: "2020-10-01", customer: customers.get(no)! }, charges.lines.filter((l) => l.customerNo === no).map((l, k) => usageInvoiceLine(l, k + 1))),
    );
    expect(invoices.map((i) => [i.netTotal, i.vatTotal, i.grossTotal, i.lines[0]!.lineType, i.lines[0]!.quantity, i.lines[0]!.unitPrice])).toEqual([
      ["71.51", "13.59", "85.10", "usage", "720.5", "0.099246"],
      ["9.65", "1.83", "11.48", "usage", "100", "0.096467"],
    ]);
    const datev = datevExtf(invoices, customers, { consultantNo: 1001, clientNo: 1, fiscalYearStart: "01-01", accountLength: 4, chart: "SKR03" }, { createdAt: "2020-10-01T08:00:00.000" });
    if (!datev.ok) throw new Error(JSON.stringify(datev.issues));
    expect(datev.value.bookings.map((b) => [b.invoiceRef, b.account, b.contraAccount, b.side, b.amount])).toEqual([
      ["RE-2020-1", "10001", "8400", "S", "85.10"],
      ["RE-2020-2", "10002", "8400", "S", "11.48"],
    ]);
    expect(datev.value.text).toContain('85,10;"S";"EUR"');
  });

  it("the review table round-trips the decisions; a held record is not billed, a billed one not offered again", () => {
    const review = buildUsageReview(usageInput());
    const table = usageReviewTableRows(review.rows, "de").map((r) => r.map((c) => (typeof c === "string" ? c : c.number)));
    const keyCol = table[0]!.indexOf("key");
    table[3]![1] = "hold";
    const back = readUsageReviewTable({ source: "Verbrauch 2020-09", rows: table, firstRowNumber: 1 });
    expect(back.issues).toEqual([]);
    const held = back.decisions.filter((d) => d.decision === "hold").map((d) => d.key);
    expect(held).toEqual([table[3]![keyCol]]);
    const charges = computeUsageCharges(usageInput(held));
    expect(charges.lines.map((l) => l.customerNo)).toEqual(["10001"]);
    expect(charges.open.map((o) => o.status)).toEqual(["held"]);
    const again = computeUsageCharges(usageInput([], charges.billed.map((b) => b.key)));
    expect(again.lines.map((l) => l.customerNo)).toEqual(["10002"]);
  });

  it("cost check: usage compared with what was billed, not flagged as unbilled seats", () => {
    const input = usageInput();
    const charges = computeUsageCharges(input);
    const marks: UsageMark[] = charges.billed.map((b, i) => ({ ...b, runId: "run-1", invoiceRef: `RE-${i}`, lineNo: 1 }));
    const base = { month: MONTH, review: [], contracts: new Map(), ledger: [], costs: buildCostIndex([], []), amountByRow: new Map<number, string>() };
    const unbilled = costCheck({ ...base, usage: { records: input.records, lookup, customers, marks: [] } });
    expect(unbilled.map((r) => [r.customerNo, r.externalArticleId, r.vendorAmount, r.billedAmount, r.finding])).toEqual([
      ["10001", "dzh318z0bnz5:006g".toUpperCase(), "0", "0.00", "usage_unbilled"],
      ["10001", "DZH318Z0BQ3Q:0009", "62.18", "0.00", "usage_unbilled"],
      ["10002", "DZH318Z0BQ3Q:0009", "8.63", "0.00", "usage_unbilled"],
    ]);
    const billed = costCheck({ ...base, usage: { records: input.records, lookup, customers, marks } });
    expect(billed.map((r) => [r.billedAmount, r.margin, r.finding])).toEqual([["0.00", "0", "ok"], ["71.51", "9.33", "ok"], ["9.65", "1.02", "ok"]]);
    const below = costCheck({ ...base, usage: { records: input.records, lookup, customers, marks: marks.map((m) => ({ ...m, net: "5.00" })) } });
    expect(below.map((r) => r.finding)).toEqual(["ok", "usage_below_cost", "usage_below_cost"]);
  });
});
