import fc from "fast-check";
import { Issue } from "../../../src/core/issues";
import { createRowContext, mapVendorRow } from "../../../src/io/vendor/map-row";
import { indexHeaders } from "../../../src/io/vendor/match-profile";
import { NCE_INVOICE_HEADERS, microsoftNceInvoiceProfile } from "../../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { readVendorCsv } from "../../../src/io/vendor/read-vendor";
import { VendorLine } from "../../../src/io/vendor/vendor-line";

/**
 * The row mapper shares what it reads per distinct cell text (ids, names, numbers, dates, charge
 * types) and compares each cell with the one above before looking it up. None of that may show:
 * every row maps as if it were the only one.
 */

const header = indexHeaders(NCE_INVOICE_HEADERS);
const col = (name: string): number => NCE_INVOICE_HEADERS.indexOf(name);
const options = { source: "f.csv", decimalSeparator: "." as const, dateOrder: "mdy" as const };

/** Values with repeats and bad cells on purpose: mangled ids, bad numbers and dates, blanks. */
const pools: Record<string, string[]> = {
  CustomerId: ["6b3a1f2e-0c1d-4e5f-8a9b-0c1d2e3f4a5b", "0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9", "1.23457E+17", ""],
  CustomerName: ["Müller GmbH", " Schäfer & Söhne KG ", ""],
  ProductId: ["CFQ7TTC0LH18", "CFQ7TTC0LCHC", ""],
  SkuId: ["0001", "1", "2", "0002"],
  SkuName: ["Microsoft 365 Business Basic", ""],
  SubscriptionId: ["a8f1c2d3-0000-4000-8000-000000000001", "a8f1c2d3-0000-4000-8000-000000000002", "", "9.9E+5"],
  ChargeType: ["cycleCharge", "addQuantity", "removeQuantity", "priceAdjustment", ""],
  ChargeStartDate: ["11/1/2026", "11/15/2026", "13/45/2026", ""],
  ChargeEndDate: ["11/30/2026", "12/14/2026", "10/1/2026", ""],
  Quantity: ["1", "3", "007", "x", ""],
  BillableQuantity: ["", "2", "1e3"],
  Subtotal: ["19.55", "-19.55", "0", "1,234.50", "", "1e20"],
  UnitPrice: ["6.00", "", "abc"],
  Currency: ["EUR", "", "USD"],
  TermAndBillingCycle: ["One-Year commitment for monthly/yearly billing", "One-Month commitment for monthly billing", ""],
  BillingFrequency: ["Monthly", "Annual", ""],
};
const fields = Object.keys(pools);

const rowArb = fc.record(Object.fromEntries(fields.map((f) => [f, fc.constantFrom(...pools[f]!)]))).map((rec) => {
  const cells = new Array<string>(NCE_INVOICE_HEADERS.length).fill("");
  for (const f of fields) cells[col(f)] = rec[f]!;
  return cells;
});

const mapAlone = (cells: string[], row: number): { line: VendorLine | null; issues: Issue[] } =>
  mapVendorRow(createRowContext(microsoftNceInvoiceProfile, header, options), cells, row);

describe("row mapping with shared values", () => {
  it("rows mapped one after another with one context give what each row gives alone (property)", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), (rows) => {
        const ctx = createRowContext(microsoftNceInvoiceProfile, header, options);
        rows.forEach((cells, i) => {
          expect(mapVendorRow(ctx, cells, i + 2)).toEqual(mapAlone(cells, i + 2));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("a bad cell repeated on the next rows is reported on every row, naming row and column", () => {
    const row = (subtotal: string, customerId = "1.23457E+17"): string => {
      const cells = new Array<string>(NCE_INVOICE_HEADERS.length).fill("");
      const set = (name: string, v: string): void => void (cells[col(name)] = v);
      set("CustomerId", customerId);
      set("ProductId", "CFQ7TTC0LH18");
      set("SkuId", "0001");
      set("SubscriptionId", "a8f1c2d3-0000-4000-8000-000000000001");
      set("ChargeType", "cycleCharge");
      set("ChargeStartDate", "11/1/2026");
      set("ChargeEndDate", "11/30/2026");
      set("Quantity", "2");
      set("Subtotal", subtotal);
      return cells.join(",");
    };
    const csv = [NCE_INVOICE_HEADERS.join(","), row("x"), row("x"), row("10.2"), row("10.2", "6b3a1f2e-0c1d-4e5f-8a9b-0c1d2e3f4a5b"), row("x")].join("\r\n");
    const r = readVendorCsv(new TextEncoder().encode(csv), { fileName: "nce.csv" });
    const where = (code: string) => r.issues.filter((i) => i.code === code).map((i) => `${i.where?.source}:${i.where?.row}:${i.where?.column}`);
    expect(where("parse.invalid_number")).toEqual(["nce.csv:2:Subtotal", "nce.csv:3:Subtotal", "nce.csv:6:Subtotal"]);
    expect(where("vendor.id_mangled")).toEqual(["nce.csv:2:CustomerId", "nce.csv:3:CustomerId", "nce.csv:4:CustomerId", "nce.csv:6:CustomerId"]);
    expect(r.lines.map((l) => [l.row, l.vendorCustomerId, l.amount, l.quantity])).toEqual([
      [4, "1.23457E+17", "10.2", "2"],
      [5, "6b3a1f2e-0c1d-4e5f-8a9b-0c1d2e3f4a5b", "10.2", "2"],
    ]);
  });
});
