import { readVendorCsv } from "../../../src/io/vendor/read-vendor";
import { TENANT_A, TENANT_B, dailyUsageCsv, legacyCsv, utf8 } from "./fixtures";

describe("Microsoft legacy license-based reconciliation", () => {
  it("reads DurableOfferId as article key, the Partner Center subscription number, dates with time, signed by Subtotal", () => {
    const r = readVendorCsv(utf8(legacyCsv()), { fileName: "legacy.csv" });
    expect(r.issues).toEqual([]);
    expect(r.profile?.id).toBe("microsoft-legacy-license");
    expect(r.periodFound).toEqual({ from: "2019-02-01", to: "2019-02-28" });
    const common = { profileId: "microsoft-legacy-license", source: "legacy.csv", rowCount: 1, vendorCustomerId: TENANT_A, vendorCustomerName: "Müller GmbH", vendorArticleKey: "91FD106F-4B2C-4938-95AC-F54F74E9A239", vendorArticleName: "Office 365 Business Premium", subscriptionId: "00112233-4455-6677-8899-aabbccddeeff", currency: "EUR", vendorUnitPrice: "10.5", billingFrequency: "Monthly", billingCycle: "monthly", subscriptionStart: "2018-06-01", subscriptionEnd: "2019-05-31" };
    expect(r.lines).toEqual([
      { ...common, row: 2, chargeType: "cycle fee", chargeKind: "cycle", changesQuantity: false, chargeFrom: "2019-02-01", chargeTo: "2019-02-28", coveredMonths: "1", quantity: "4", unitCost: "10.5", amount: "42" },
      // 15 – 28 Feb is 14 of 28 days
      { ...common, row: 3, chargeType: "prorate fees when purchase", chargeKind: "purchase", changesQuantity: true, chargeFrom: "2019-02-15", chargeTo: "2019-02-28", coveredMonths: "0.5", quantity: "2", unitCost: "10.5", amount: "10.5" },
      { ...common, row: 4, chargeType: "cancel instance prorate", chargeKind: "cancel", changesQuantity: true, chargeFrom: "2019-02-21", chargeTo: "2019-02-28", coveredMonths: "0.285714", quantity: "-1", unitCost: "10.5", amount: "-3" },
    ]);
  });

  it("German re-export of the legacy file gives the same lines", () => {
    const a = readVendorCsv(utf8(legacyCsv()), { fileName: "legacy.csv" });
    const b = readVendorCsv(utf8(legacyCsv({ locale: "german" })), { fileName: "legacy.csv" });
    expect(b.issues).toEqual([]);
    expect(b.lines).toEqual(a.lines);
  });
});

describe("Microsoft NCE daily rated usage", () => {
  it("sums daily rows per customer, product/SKU and month", () => {
    const r = readVendorCsv(utf8(dailyUsageCsv()), { fileName: "usage.csv" });
    expect(r.issues).toEqual([]);
    expect(r.profile?.id).toBe("microsoft-nce-daily-usage");
    expect(r.rowCount).toBe(5);
    expect(r.periodFound).toEqual({ from: "2026-10-30", to: "2026-11-02" });
    const common = { profileId: "microsoft-nce-daily-usage", source: "usage.csv", vendorArticleKey: "DZH318Z0BQ3Q:0009", vendorArticleName: "Virtual Machines Dv3 Series", chargeType: "usage", chargeKind: "usage", changesQuantity: false, coveredMonths: null, currency: "EUR" };
    expect(r.lines).toEqual([
      { ...common, row: 2, rowCount: 2, vendorCustomerId: TENANT_A, vendorCustomerName: "Müller GmbH", subscriptionId: "c0c0c0c0-0000-4000-8000-000000000001", chargeFrom: "2026-10-30", chargeTo: "2026-10-31", quantity: "47.350007", amount: "0.994118298288481", unitCost: "0.0209951035", vendorUnitPrice: "0.0209951014286867", meter: "D2 v3", unit: "1 Hour", listAmount: "0.9941181996" },
      // two meters with different prices: no single vendor unit price
      { ...common, row: 4, rowCount: 2, vendorCustomerId: TENANT_A, vendorCustomerName: "Müller GmbH", subscriptionId: "c0c0c0c0-0000-4000-8000-000000000001", chargeFrom: "2026-11-01", chargeTo: "2026-11-02", quantity: "36", amount: "1.007764868576962", unitCost: "0.0279934686", meter: "D2 v3; D4 v3", unit: "1 Hour", listAmount: "1.0077648686" },
      { ...common, row: 6, rowCount: 1, vendorCustomerId: TENANT_B, vendorCustomerName: "Schäfer & Söhne KG", subscriptionId: "c0c0c0c0-0000-4000-8000-000000000002", chargeFrom: "2026-11-02", chargeTo: "2026-11-02", quantity: "0.00001", amount: "0", unitCost: "0", vendorUnitPrice: "0.0209951014286867", meter: "D2 v3", unit: "1 Hour", listAmount: "0.00000021" },
    ]);
  });

  it("German re-export of the usage file gives the same lines", () => {
    const a = readVendorCsv(utf8(dailyUsageCsv()), { fileName: "usage.csv" });
    const b = readVendorCsv(utf8(dailyUsageCsv({ locale: "german" })), { fileName: "usage.csv" });
    expect(b.issues).toEqual([]);
    expect(b.decimalSeparator).toBe(",");
    expect(b.lines).toEqual(a.lines);
  });

  it("a usage row without UsageDate is an error naming the column", () => {
    const text = dailyUsageCsv().replace("10/30/2026", "");
    const r = readVendorCsv(utf8(text), { fileName: "usage.csv" });
    expect(r.issues).toEqual([{ code: "parse.required", severity: "error", params: {}, where: { source: "usage.csv", row: 2, column: "UsageDate" } }]);
    expect(r.lines[0]).toMatchObject({ rowCount: 1, quantity: "23.350007" });
    expect(TENANT_B).toBeDefined();
  });
});
