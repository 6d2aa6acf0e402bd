/**
 * Issue 19, part 5: NCE terms. Term and billing frequency come from TermAndBillingCycle and
 * BillingFrequency (values as Microsoft documents and public parsers see them), the commitment end
 * from SubscriptionEndDate. A reduction after the 168-hour window is not refunded by Microsoft; a
 * position billed annually that is missing from a month's file is not proposed for an end.
 */
import { notesText } from "../../../src/core/messages";
import { toSeatLine } from "../../../src/app/reconcile";
import { addMonths, refundWindowEnd, termStartOn } from "../../../src/core/contract/term";
import type { Contract, PositionVersion } from "../../../src/core/contract/model";
import { formatIssue } from "../../../src/core/messages";
import { planApply } from "../../../src/core/reconcile/plan-apply";
import { reconcileMonth } from "../../../src/core/reconcile/reconcile-month";
import { readReviewTable, reviewTableRows } from "../../../src/io/reconcile/review-table";
import { NCE_INVOICE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { readVendorCsv } from "../../../src/io/vendor/read-vendor";
import { TENANT_A, nceRecords, toCsv, utf8, type Rec } from "../../io/vendor/fixtures";

const annualMonthly = { TermAndBillingCycle: "One-Year commitment for monthly/yearly billing", BillingFrequency: "Monthly", SubscriptionStartDate: "2026-06-01", SubscriptionEndDate: "2027-05-31" };
const monthlyTerm = { TermAndBillingCycle: "One-Month commitment for monthly billing", BillingFrequency: "Monthly" };

/** November 2026: a P1Y/monthly subscription reduced 10 → 8 on 20 Nov (window closed in June); a P1M one bought 18 Nov, reduced 6 → 4 on 20 Nov. */
function records(): Rec[] {
  const a2 = nceRecords()[3]!; // customer A, Business Basic, SUB A2, cycleCharge 1–30 Nov
  const sub = (id: string) => ({ SubscriptionId: id });
  return [
    { ...a2, ...annualMonthly, ...sub("c1c1c1c1-0000-4000-8000-000000000001"), ChargeType: "cycleCharge", Quantity: "10", BillableQuantity: "10", Subtotal: "51", ChargeStartDate: "2026-11-01", ChargeEndDate: "2026-11-30" },
    { ...a2, ...annualMonthly, ...sub("c1c1c1c1-0000-4000-8000-000000000001"), ChargeType: "removeQuantity", Quantity: "10", BillableQuantity: "10", Subtotal: "-18.7", ChargeStartDate: "2026-11-20", ChargeEndDate: "2026-11-30" },
    { ...a2, ...annualMonthly, ...sub("c1c1c1c1-0000-4000-8000-000000000001"), ChargeType: "removeQuantity", Quantity: "8", BillableQuantity: "8", Subtotal: "14.96", ChargeStartDate: "2026-11-20", ChargeEndDate: "2026-11-30" },
    { ...a2, ...monthlyTerm, ProductId: "CFQ7TTC0LH16", SkuId: "0001", SkuName: "Exchange Online (Plan 1)", ...sub("c2c2c2c2-0000-4000-8000-000000000002"), SubscriptionStartDate: "2026-11-18", SubscriptionEndDate: "2026-12-17", ChargeType: "New", Quantity: "6", BillableQuantity: "6", Subtotal: "24", ChargeStartDate: "2026-11-18", ChargeEndDate: "2026-12-17" },
    { ...a2, ...monthlyTerm, ProductId: "CFQ7TTC0LH16", SkuId: "0001", SkuName: "Exchange Online (Plan 1)", ...sub("c2c2c2c2-0000-4000-8000-000000000002"), SubscriptionStartDate: "2026-11-18", SubscriptionEndDate: "2026-12-17", ChargeType: "removeQuantity", Quantity: "6", BillableQuantity: "6", Subtotal: "-22.4", ChargeStartDate: "2026-11-20", ChargeEndDate: "2026-12-17" },
    { ...a2, ...monthlyTerm, ProductId: "CFQ7TTC0LH16", SkuId: "0001", SkuName: "Exchange Online (Plan 1)", ...sub("c2c2c2c2-0000-4000-8000-000000000002"), SubscriptionStartDate: "2026-11-18", SubscriptionEndDate: "2026-12-17", ChargeType: "removeQuantity", Quantity: "4", BillableQuantity: "4", Subtotal: "14.93", ChargeStartDate: "2026-11-20", ChargeEndDate: "2026-12-17" },
  ];
}

const CONTRACT: Contract = { no: "V-1", customerNo: "K-1", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01" };
const version = (positionNo: number, articleNo: string, quantity: string, extra: Partial<PositionVersion> = {}): PositionVersion => ({ id: `v${positionNo}`, contractNo: "V-1", positionNo, validFrom: "2026-01-01", articleNo, description: articleNo, quantity, unitPrice: "6", discountPct: "0", vatPct: "19", seq: positionNo, ...extra });

function review(versions: PositionVersion[]) {
  const read = readVendorCsv(utf8(toCsv(NCE_INVOICE_HEADERS, records())), { fileName: "nce-2026-11.csv" });
  expect(read.issues).toEqual([]);
  const articles: Record<string, string> = { "CFQ7TTC0LH18:0001": "BASIC", "CFQ7TTC0LH16:0001": "EXO" };
  return reconcileMonth({
    month: "2026-11",
    lines: read.lines.map((l) => toSeatLine(l)),
    lookup: (kind, _source, id) => (kind === "customer" ? (id === TENANT_A ? "K-1" : undefined) : articles[id]),
    customers: new Map([["K-1", { no: "K-1", name: "Müller GmbH" }]]),
    articles: new Map(["BASIC", "EXO", "PREMIUM"].map((no) => [no, { no, description: no, unitPrice: "6", vatPct: "19" }])),
    contracts: [CONTRACT],
    versions,
    mappedCustomers: new Set(["K-1"]),
    mappedArticles: new Set(["BASIC", "EXO", "PREMIUM"]),
  });
}

describe("NCE terms (issue 19, part 5)", () => {
  it("term arithmetic: terms run back from the commitment end; the window is the 7 days from the term start", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(termStartOn("2026-11-20", "2027-05-31", "P1Y")).toBe("2026-06-01");
    expect(termStartOn("2026-11-20", "2026-12-17", "P1M")).toBe("2026-11-18");
    expect(termStartOn("2026-11-20", "2027-01-17", "P1M")).toBe("2026-11-18");
    expect(termStartOn("2028-01-05", "2029-05-31", "P3Y")).toBe("2026-06-01");
    expect(termStartOn("2027-06-01", "2027-05-31", "P1Y")).toBeNull();
    expect(refundWindowEnd("2026-11-18")).toBe("2026-11-24");
  });

  it("the review shows term, billing frequency and commitment end; a reduction after the window is not refundable", () => {
    const rows = review([version(1, "BASIC", "10"), version(2, "EXO", "6")]);
    const basic = rows.find((r) => r.articleNo === "BASIC")!;
    expect(basic).toMatchObject({ status: "quantity_changed", vendorQty: "8", delta: "-2", effectiveDate: "2026-11-20", term: "P1Y", billingFrequency: "monthly", commitmentEnd: "2027-05-31", finding: "not_refundable" });
    expect(basic.notices).toEqual([{ code: "reconcile.not_refundable", params: { date: "2026-11-20", windowEnd: "2026-06-07", commitmentEnd: "2027-05-31" } }]);
    expect(formatIssue({ ...basic.notices[0]!, severity: "warning" }, "de")).toContain("Nicht vom Hersteller erstattet");
    // bought 18 Nov, reduced 20 Nov: inside the 168 hours, refunded
    const exo = rows.find((r) => r.articleNo === "EXO")!;
    expect(exo).toMatchObject({ vendorQty: "4", delta: "-2", effectiveDate: "2026-11-20", term: "P1M", billingFrequency: "monthly", commitmentEnd: "2026-12-17", finding: "", notices: [] });
  });

  it("missing_in_file: an annually billed position is said to be billed annually, not proposed for an end; a monthly one is checked against its window", () => {
    const rows = review([
      version(1, "BASIC", "10"), version(2, "EXO", "6"),
      version(3, "PREMIUM", "10", { term: "P1Y", billingFrequency: "annual", termEnd: "2027-11-19" }),
      version(4, "PREMIUM", "2", { term: "P1Y", billingFrequency: "monthly", termEnd: "2027-03-31" }),
    ]);
    const missing = rows.filter((r) => r.status === "missing_in_file");
    expect(missing.map((r) => [r.positionNo, r.finding, r.action, r.billingFrequency, r.commitmentEnd, r.notices.map((n) => n.code)])).toEqual([
      [3, "billed_annually", "skip", "annual", "2027-11-19", ["reconcile.billed_annually"]],
      [4, "not_refundable", "skip", "monthly", "2027-03-31", ["note.reconcile.missing_in_file", "reconcile.not_refundable"]],
    ]);
    expect(notesText(missing[0]!.notices)).toContain("Billed annually");
    expect(notesText(missing[0]!.notices, "de")).toContain("jährlich abgerechnet");
  });

  it("the term columns go to the review table and back; an accepted row carries them to the new version", () => {
    const rows = review([version(1, "BASIC", "10"), version(2, "EXO", "6")]);
    const table = reviewTableRows(rows).map((r) => r.map((c) => (typeof c === "string" ? c : c.number)));
    const header = table[0]!;
    expect(header.slice(-3)).toEqual(["term", "billing_frequency", "commitment_end"]);
    const back = readReviewTable({ source: "Abgleich 2026-11", rows: table, firstRowNumber: 1 });
    expect(back.issues).toEqual([]);
    const plan = planApply({ contracts: new Map([["V-1", CONTRACT]]), articles: new Map(), customers: new Set(["K-1"]), versions: [version(1, "BASIC", "10"), version(2, "EXO", "6")] }, back.decisions, "batch");
    expect(plan.ok && plan.value.versions.map((v) => [v.version.positionNo, v.version.quantity, v.version.term, v.version.billingFrequency, v.version.termEnd])).toEqual([
      [1, "8", "P1Y", "monthly", "2027-05-31"],
      [2, "4", "P1M", "monthly", "2026-12-17"],
    ]);
  });
});
