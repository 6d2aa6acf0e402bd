/**
 * Issue 19, parts 1 and 3: Microsoft's documented legacy license-based sample (CustomerId written in
 * upper case, `12ABCD34-001A-BCD2-987C-3210ABCD5678`; DurableOfferId, OfferName, UnitPrice 6.82 and the
 * `M/D/YYYY H:MM` dates of license-based-recon-files.md) as a March 2019 file with a licence change in
 * February: 501 → 517 seats on 14 Feb. Microsoft bills the correction on the next invoice: a "Cancel
 * instance prorate" refund of the old 501 and a "Cycle instance prorate" charge ("prorated charges
 * assessed from the customer when associated licenses are changed") for the new total, both 14–28 Feb.
 */
import { toSeatLine } from "../../../src/app/reconcile";
import type { Contract, PositionVersion } from "../../../src/core/contract/model";
import type { IsoMonth } from "../../../src/core/date/iso-month";
import { mappingKey, normalizeExternalId } from "../../../src/core/reconcile/external-id";
import { reconcileMonth, type ReconcileInput } from "../../../src/core/reconcile/reconcile-month";
import { planApply } from "../../../src/core/reconcile/plan-apply";
import { readVendorCsv } from "../../../src/io/vendor/read-vendor";
import { LEGACY_LICENSE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-legacy-license.profile";
import { toCsv, utf8, type Rec } from "../../io/vendor/fixtures";

const TENANT = "12ABCD34-001A-BCD2-987C-3210ABCD5678";
const OFFER = "1017D7F3-6D7F-4BFA-BDD8-79BC8F104E0C";
const SUBSCRIPTION = "fb977ab5-test-test-test-24c8d9591708";

function marchRecords(): Rec[] {
  const common = {
    PartnerId: "8ddd03642-test-test-test-46b58d356b4e", CustomerId: TENANT, CustomerName: "Test Customer A", MpnId: "4390934", Tier2MpnId: "-1",
    OrderId: "566890604832738111", SubscriptionId: "usCBMgAAAAAAAAIA", SyndicationPartnerSubscriptionNumber: SUBSCRIPTION, OfferId: "FE616D64-E9A8-40EF-843F-152E9BBEF3D1",
    DurableOfferId: OFFER, OfferName: "Microsoft Office 365 (Plan E3)", SubscriptionStartDate: "2018-06-01", SubscriptionEndDate: "2019-05-31",
    UnitPrice: "6.82", TotalOtherDiscount: "0", Tax: "0", Currency: "EUR", DomainName: "example.onmicrosoft.com", SubscriptionName: "Microsoft Office 365 (Plan E3)",
    SubscriptionDescription: "Microsoft Office 365 (Plan E3)", BillingCycleType: "Monthly",
  };
  return [
    { ...common, ChargeStartDate: "2019-03-01", ChargeEndDate: "2019-03-31", ChargeType: "Cycle fee", Quantity: "517", Amount: "3525.94", Subtotal: "3525.94", TotalForCustomer: "3525.94" },
    { ...common, ChargeStartDate: "2019-02-14", ChargeEndDate: "2019-02-28", ChargeType: "Cancel instance prorate", Quantity: "501", Amount: "-1830.44", Subtotal: "-1830.44", TotalForCustomer: "-1830.44" },
    { ...common, ChargeStartDate: "2019-02-14", ChargeEndDate: "2019-02-28", ChargeType: "Cycle instance prorate", Quantity: "517", Amount: "1888.9", Subtotal: "1888.9", TotalForCustomer: "1888.9" },
  ];
}

const CONTRACT: Contract = { no: "V-1", customerNo: "K-1", type: "license", interval: "monthly", mode: "advance", start: "2018-06-01" };
const VERSION: PositionVersion = { id: "v1", contractNo: "V-1", positionNo: 1, validFrom: "2018-06-01", articleNo: "O365E3", description: "Office 365 E3", quantity: "501", unitPrice: "8.9", discountPct: "0", vatPct: "19", seq: 1 };

/** Mappings as the store holds them today: ids in lower case (as a user or an NCE file wrote them). */
function input(month: IsoMonth, csv: string): ReconcileInput {
  const read = readVendorCsv(utf8(csv), { fileName: "legacy-2019-03.csv" });
  expect(read.issues).toEqual([]);
  const stored = new Map([
    [`customer|microsoft-legacy-license|${TENANT.toLowerCase()}`, "K-1"],
    [`article|*|${OFFER.toLowerCase()}`, "O365E3"],
  ]);
  const byKey = new Map([...stored].map(([id, no]) => { const [kind, source, ext] = id.split("|"); return [mappingKey(kind!, source!, ext!), no]; }));
  return {
    month,
    lines: read.lines.map((l) => toSeatLine(l)),
    lookup: (kind, source, id) => byKey.get(mappingKey(kind, source, id)) ?? byKey.get(mappingKey(kind, "*", id)),
    customers: new Map([["K-1", { no: "K-1", name: "Test Customer A" }]]),
    articles: new Map([["O365E3", { no: "O365E3", description: "Office 365 E3", unitPrice: "8.9", vatPct: "19" }]]),
    contracts: [CONTRACT],
    versions: [VERSION],
    mappedCustomers: new Set(["K-1"]),
    mappedArticles: new Set(["O365E3"]),
  };
}

describe("tenant ids in any case (issue 19, part 1)", () => {
  it("normalizeExternalId lower-cases GUIDs (with or without braces) and leaves other ids as they are", () => {
    expect(normalizeExternalId(TENANT)).toBe("12abcd34-001a-bcd2-987c-3210abcd5678");
    expect(normalizeExternalId(` {${TENANT}} `)).toBe("12abcd34-001a-bcd2-987c-3210abcd5678");
    expect(normalizeExternalId("CFQ7TTC0LH18:0001")).toBe("CFQ7TTC0LH18:0001");
    expect(normalizeExternalId("usCBMgAAAAAAAAIA")).toBe("usCBMgAAAAAAAAIA");
    expect(normalizeExternalId("fb977ab5-test-test-test-24c8d9591708")).toBe("fb977ab5-test-test-test-24c8d9591708");
  });

  it("the upper-case legacy sample matches mappings stored in lower case; the review shows the normal form", () => {
    const rows = reconcileMonth(input("2019-03", toCsv(LEGACY_LICENSE_HEADERS, marchRecords(), { withTime: true })));
    expect(rows.map((r) => [r.status, r.customerNo, r.articleNo, r.externalCustomerId, r.externalArticleId])).toEqual([
      ["quantity_changed", "K-1", "O365E3", TENANT.toLowerCase(), OFFER.toLowerCase()],
    ]);
  });

  it("accepted mappings from the review are stored in the normal form, whatever case the sheet shows", () => {
    const plan = planApply({ contracts: new Map(), articles: new Map([["O365E3", { no: "O365E3", description: "E3", unitPrice: "1", vatPct: "19" }]]), customers: new Set(["K-1"]), versions: [] }, [
      { source: "Abgleich", row: 2, status: "unmapped_customer", action: "accept", customerNo: "K-1", contractNo: "", positionNo: null, articleNo: "O365E3", externalCustomerId: TENANT, externalArticleId: OFFER, mappingSource: "microsoft-legacy-license", contractQty: null, positionQty: null, vendorQty: "517", effectiveDate: "2019-03-01" },
    ], "batch");
    expect(plan.ok && plan.value.mappings.map((m) => [m.kind, m.externalId])).toEqual([["customer", TENANT.toLowerCase()], ["article", OFFER.toLowerCase()]]);
  });
});

describe("legacy Cycle instance prorate (issue 19, part 3)", () => {
  const csv = toCsv(LEGACY_LICENSE_HEADERS, marchRecords(), { withTime: true });

  it("reads the prorate as a licence change that sets the total", () => {
    const r = readVendorCsv(utf8(csv), { fileName: "legacy-2019-03.csv" });
    expect(r.lines.map((l) => [l.chargeType, l.chargeKind, l.changesQuantity, l.setsTotal ?? false, l.quantity, l.chargeFrom])).toEqual([
      ["cycle fee", "cycle", false, false, "517", "2019-03-01"],
      ["cancel instance prorate", "cancel", true, false, "-501", "2019-02-14"],
      ["cycle instance prorate", "instance_change", true, true, "517", "2019-02-14"],
    ]);
  });

  it("the March file alone, read for February: 517 seats from 14 Feb (not 16 from the month's first day)", () => {
    const [row] = reconcileMonth(input("2019-02", csv));
    expect(row).toMatchObject({ status: "quantity_changed", contractQty: "501", vendorQty: "517", delta: "16", effectiveDate: "2019-02-14" });
  });

  it("the same file read for March: 517 seats from the cycle, effective on the month's first day", () => {
    const [row] = reconcileMonth(input("2019-03", csv));
    expect(row).toMatchObject({ vendorQty: "517", delta: "16", effectiveDate: "2019-03-01" });
  });

  it("the February file and the March file together still give 517 for February", () => {
    const feb = { ...marchRecords()[0]!, ChargeStartDate: "2019-02-01", ChargeEndDate: "2019-02-28", Quantity: "501", Amount: "3416.82", Subtotal: "3416.82", TotalForCustomer: "3416.82" };
    const both = toCsv(LEGACY_LICENSE_HEADERS, [feb, ...marchRecords()], { withTime: true });
    const [row] = reconcileMonth(input("2019-02", both));
    expect(row).toMatchObject({ vendorQty: "517", effectiveDate: "2019-02-14" });
  });
});
