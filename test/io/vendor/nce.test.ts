import ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import { IsoDate } from "../../../src/core/date/iso-date";
import { Decimal } from "../../../src/core/money/decimal";
import { tableFromValues } from "../../../src/io/table/from-values";
import { readVendorFile } from "../../../src/io/vendor/read-vendor-file";
import { readVendorCsv, readVendorTable } from "../../../src/io/vendor/read-vendor";
import { NCE_INVOICE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { VendorLine } from "../../../src/io/vendor/vendor-line";
import { BASIC, EXO, PREMIUM, TENANT_A, TENANT_B, nceCsv, nceRecords, toCsv, utf8 } from "./fixtures";

const SUB_A1 = "a1a1a1a1-0000-4000-8000-000000000001";
const SUB_A2 = "a1a1a1a1-0000-4000-8000-000000000002";
const monthly = { termAndBillingCycle: "One-Month commitment for monthly billing", billingFrequency: "Monthly", term: "P1M", billingCycle: "monthly" } as const;
const common = { profileId: "microsoft-nce-invoice", source: "nce.csv", rowCount: 1, currency: "EUR" } as const;
const custA = { vendorCustomerId: TENANT_A, vendorCustomerName: "Müller GmbH" };
const custB = { vendorCustomerId: TENANT_B, vendorCustomerName: "Schäfer & Söhne KG" };
const basic = { vendorArticleKey: `${BASIC.ProductId}:${BASIC.SkuId}`, vendorArticleName: BASIC.SkuName };

/** The canonical lines the November 2026 NCE fixture must give (rows as the user sees them, header = row 1). */
const EXPECTED: VendorLine[] = [
  { ...common, row: 2, ...custA, ...basic, subscriptionId: SUB_A1, chargeType: "new", chargeKind: "purchase", changesQuantity: true, chargeFrom: "2026-11-03", chargeTo: "2026-12-02", coveredMonths: "1", quantity: "5", unitCost: "5.1", amount: "25.5", vendorUnitPrice: "5.1", ...monthly, subscriptionStart: "2026-11-03", subscriptionEnd: "2026-12-02" },
  // reversal of the old 5 seats for 10 Nov – 2 Dec: positive Quantity, negative Subtotal → −5
  { ...common, row: 3, ...custA, ...basic, subscriptionId: SUB_A1, chargeType: "addquantity", chargeKind: "add_quantity", changesQuantity: true, chargeFrom: "2026-11-10", chargeTo: "2026-12-02", coveredMonths: "0.766667", quantity: "-5", unitCost: "5.1", amount: "-19.55", vendorUnitPrice: "3.91", ...monthly, subscriptionStart: "2026-11-03", subscriptionEnd: "2026-12-02" },
  // new total of 7 seats for the same charge period
  { ...common, row: 4, ...custA, ...basic, subscriptionId: SUB_A1, chargeType: "addquantity", chargeKind: "add_quantity", changesQuantity: true, chargeFrom: "2026-11-10", chargeTo: "2026-12-02", coveredMonths: "0.766667", quantity: "7", unitCost: "5.1", amount: "27.37", vendorUnitPrice: "3.91", ...monthly, subscriptionStart: "2026-11-03", subscriptionEnd: "2026-12-02" },
  { ...common, row: 5, ...custA, ...basic, subscriptionId: SUB_A2, chargeType: "cyclecharge", chargeKind: "cycle", changesQuantity: false, chargeFrom: "2026-11-01", chargeTo: "2026-11-30", coveredMonths: "1", quantity: "3", unitCost: "5.1", amount: "15.3", vendorUnitPrice: "5.1", termAndBillingCycle: "One-Year commitment for monthly/yearly billing", billingFrequency: "Monthly", term: "P1Y", billingCycle: "monthly", subscriptionStart: "2026-06-01", subscriptionEnd: "2027-05-31" },
  // annual billing: Subtotal is the whole year; unit cost per month = 2640 / 10 / 12
  { ...common, row: 6, ...custB, vendorArticleKey: `${PREMIUM.ProductId}:${PREMIUM.SkuId}`, vendorArticleName: PREMIUM.SkuName, subscriptionId: "b1b1b1b1-0000-4000-8000-000000000001", chargeType: "renew", chargeKind: "renew", changesQuantity: false, chargeFrom: "2026-11-20", chargeTo: "2027-11-19", coveredMonths: "12", quantity: "10", unitCost: "22", amount: "2640", vendorUnitPrice: "264", termAndBillingCycle: "One-Year commitment for yearly billing", billingFrequency: "Annual", term: "P1Y", billingCycle: "annual", subscriptionStart: "2025-11-20", subscriptionEnd: "2027-11-19" },
  { ...common, row: 7, ...custB, vendorArticleKey: `${EXO.ProductId}:${EXO.SkuId}`, vendorArticleName: EXO.SkuName, subscriptionId: "b1b1b1b1-0000-4000-8000-000000000002", chargeType: "cancel", chargeKind: "cancel", changesQuantity: true, chargeFrom: "2026-11-05", chargeTo: "2026-12-04", coveredMonths: "1", quantity: "-2", unitCost: "4", amount: "-8", vendorUnitPrice: "4", ...monthly, subscriptionStart: "2026-11-05", subscriptionEnd: "2026-12-04" },
];

/** PRODUCT.md §5.7: the vendor quantity of a subscription on day D is the sum of the signed quantities of its lines covering D. */
function quantityOn(lines: VendorLine[], subscriptionId: string, day: IsoDate): string {
  return lines
    .filter((l) => l.subscriptionId === subscriptionId && l.chargeFrom! <= day && day <= l.chargeTo!)
    .reduce((s, l) => s.plus(l.quantity), new Decimal(0))
    .toFixed();
}

const withSource = (lines: VendorLine[], source: string, rowShift = 0): VendorLine[] => lines.map((l) => ({ ...l, source, row: l.row + rowShift }));

describe("Microsoft NCE invoice reconciliation", () => {
  it("reads the documented columns into canonical lines", () => {
    const r = readVendorCsv(utf8(nceCsv()), { fileName: "nce.csv" });
    expect(r.issues).toEqual([]);
    expect(r.profile?.id).toBe("microsoft-nce-invoice");
    expect(r.delimiter).toBe(",");
    expect(r.decimalSeparator).toBe(".");
    expect(r.dateOrder).toBe("mdy");
    expect(r.rowCount).toBe(6);
    expect(r.headerRow).toBe(1);
    expect(r.periodFound).toEqual({ from: "2026-11-01", to: "2027-11-19" });
    expect(r.lines).toEqual(EXPECTED);
  });

  it("signed quantities give the vendor quantity of §5.7: paired reversal lines net out, two subscriptions of one SKU stay apart", () => {
    const { lines } = readVendorCsv(utf8(nceCsv()), { fileName: "nce.csv" });
    expect(quantityOn(lines, SUB_A1, "2026-11-05")).toBe("5");
    expect(quantityOn(lines, SUB_A1, "2026-11-30")).toBe("7");
    expect(quantityOn(lines, SUB_A2, "2026-11-30")).toBe("3");
    // per customer and article the subscriptions add up
    const a = lines.filter((l) => l.vendorCustomerId === TENANT_A && l.vendorArticleKey === "CFQ7TTC0LH18:0001" && l.chargeFrom! <= "2026-11-30" && "2026-11-30" <= l.chargeTo!);
    expect(a.reduce((s, l) => s.plus(l.quantity), new Decimal(0)).toFixed()).toBe("10");
    // the cancel line counts negative
    expect(lines.find((l) => l.chargeKind === "cancel")?.quantity).toBe("-2");
  });

  it("keeps ids as text: GUIDs, leading zeros, 18-digit order ids are not numbers", () => {
    const { lines } = readVendorCsv(utf8(nceCsv()), { fileName: "nce.csv" });
    expect(lines.every((l) => l.vendorArticleKey.endsWith(":0001") || l.vendorArticleKey.endsWith(":0002"))).toBe(true);
  });

  it("a German re-export (; decimal comma, DD.MM.YYYY, Windows-1252 or UTF-8) gives identical lines", () => {
    const german = nceCsv({ locale: "german" });
    expect(german).toContain("-19,55");
    expect(german).toContain("10.11.2026");
    const r = readVendorCsv(utf8(german), { fileName: "nce.csv" });
    expect(r.issues).toEqual([]);
    expect(r.delimiter).toBe(";");
    expect(r.decimalSeparator).toBe(",");
    expect(r.lines).toEqual(EXPECTED);

    const cp1252 = new Uint8Array(iconv.encode(german, "win1252"));
    const w = readVendorCsv(cp1252, { fileName: "nce.csv" });
    expect(w.encoding).toBe("windows-1252");
    expect(w.lines).toEqual(EXPECTED);
    expect(w.lines[0]!.vendorCustomerName).toBe("Müller GmbH");
    expect(w.lines[5]!.vendorCustomerName).toBe("Schäfer & Söhne KG");
  });

  it("thousands separators in a German re-export", () => {
    const recs = nceRecords();
    recs[4] = { ...recs[4]!, Subtotal: "2640" };
    const text = toCsv(NCE_INVOICE_HEADERS, recs, { locale: "german" }).replace(";2640;", ";2.640,00;");
    expect(text).toContain(";2.640,00;");
    const r = readVendorCsv(utf8(text), { fileName: "nce.csv" });
    expect(r.issues).toEqual([]);
    expect(r.lines[4]!.amount).toBe("2640");
  });

  it("Windows-1252 file with umlauts (Microsoft layout)", () => {
    const bytes = new Uint8Array(iconv.encode(nceCsv(), "win1252"));
    const r = readVendorCsv(bytes, { fileName: "nce.csv" });
    expect(r.encoding).toBe("windows-1252");
    expect(r.lines).toEqual(EXPECTED);
  });

  it("UTF-8 with BOM, title lines and blank rows above the header, blank rows between data rows", () => {
    const text = nceCsv({ title: ["Partner Center Abrechnung November 2026", "", "Erstellt am 7.12.2026", ""] });
    const withBlank = text.replace(/\r\n(?=[^\r\n]*,cycleCharge,)/, "\r\n\r\n");
    const r = readVendorCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(withBlank)]), { fileName: "nce.csv" });
    expect(r.issues).toEqual([]);
    expect(r.headerRow).toBe(5);
    // rows shift by the 4 title lines and the blank row before the cycleCharge line
    expect(r.lines.map((l) => l.row)).toEqual([6, 7, 8, 10, 11, 12]);
    expect(r.lines.map((l) => ({ ...l, row: 0 }))).toEqual(EXPECTED.map((l) => ({ ...l, row: 0 })));
  });

  it("matches headers case-insensitively, in any order, with spaces and extra columns", () => {
    const headers = [...NCE_INVOICE_HEADERS].reverse().map((h) => (h === "CustomerId" ? "Customer ID" : h === "Subtotal" ? "SUBTOTAL" : h));
    const recs = nceRecords().map((r) => ({ ...r, "Customer ID": r.CustomerId!, SUBTOTAL: r.Subtotal!, NewColumn2027: "x" }));
    const r = readVendorCsv(utf8(toCsv([...headers, "NewColumn2027"], recs)), { fileName: "nce.csv" });
    expect(r.issues).toEqual([]);
    expect(r.lines).toEqual(EXPECTED);
  });

  it("quantity is BillableQuantity where present, else Quantity", () => {
    const recs = nceRecords().map((r, i) => (i === 3 ? { ...r, BillableQuantity: "2.5" } : i === 4 ? { ...r, BillableQuantity: "" } : r));
    const r = readVendorCsv(utf8(nceCsv({}, recs)), { fileName: "nce.csv" });
    expect(r.lines[3]!.quantity).toBe("2.5");
    expect(r.lines[4]!.quantity).toBe("10");
    const noBillable = NCE_INVOICE_HEADERS.filter((h) => h !== "BillableQuantity");
    expect(readVendorCsv(utf8(toCsv(noBillable, nceRecords())), { fileName: "nce.csv" }).lines).toEqual(EXPECTED);
  });

  it("reads the same lines from Excel's Range.values (numbers, dates as serials)", () => {
    const serial = (iso: string): number => (Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const dateCols = new Set(["ChargeStartDate", "ChargeEndDate", "OrderDate", "SubscriptionStartDate", "SubscriptionEndDate", "PCToBCExchangeRateDate"]);
    const numCols = new Set(["UnitPrice", "Quantity", "Subtotal", "BillableQuantity", "EffectiveUnitPrice"]);
    const recs = nceRecords();
    const values: (string | number | boolean)[][] = [[...NCE_INVOICE_HEADERS]];
    for (const rec of recs) values.push(NCE_INVOICE_HEADERS.map((h) => (dateCols.has(h) ? serial(rec[h]!) : numCols.has(h) ? Number(rec[h]) : rec[h] ?? "")));
    const r = readVendorTable(tableFromValues(values, "Tabelle1"), { fileName: "Tabelle1" });
    expect(r.issues).toEqual([]);
    expect(r.lines).toEqual(withSource(EXPECTED, "Tabelle1"));
  });

  it("restores SkuId leading zeros that Excel dropped when the CSV was opened (0001 → 1)", () => {
    const values: (string | number)[][] = [[...NCE_INVOICE_HEADERS]];
    for (const rec of nceRecords()) values.push(NCE_INVOICE_HEADERS.map((h) => (h === "SkuId" ? Number(rec[h]) : rec[h] ?? "")));
    const r = readVendorTable(tableFromValues(values, "Tabelle1"), { fileName: "Tabelle1" });
    expect(values[1]![NCE_INVOICE_HEADERS.indexOf("SkuId")]).toBe(1);
    expect(r.lines.map((l) => l.vendorArticleKey)).toEqual(EXPECTED.map((l) => l.vendorArticleKey));
  });

  it("warns about a duplicated header the profile reads and uses its first occurrence", () => {
    const headers = [...NCE_INVOICE_HEADERS, "Subtotal", "Unused", "Unused"];
    const text = toCsv(headers, nceRecords()).split("\r\n").map((line, i) => (i === 0 || line === "" ? line : `${line},999,,`)).join("\r\n");
    const r = readVendorCsv(utf8(text), { fileName: "nce.csv" });
    expect(r.issues).toEqual([{ code: "csv.duplicate_column", severity: "warning", params: { column: "Subtotal" }, where: { source: "nce.csv", row: 1, column: "Subtotal" } }]);
    expect(r.lines.map((l) => l.amount)).toEqual(EXPECTED.map((l) => l.amount));
  });

  it("reads an .xlsx with a title row above the header (exceljs, dates as date cells)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Recon");
    ws.addRow(["Microsoft Partner Center – Abrechnung November 2026"]);
    ws.addRow([]);
    ws.addRow([...NCE_INVOICE_HEADERS]);
    const dateCols = new Set(["ChargeStartDate", "ChargeEndDate", "OrderDate", "SubscriptionStartDate", "SubscriptionEndDate", "PCToBCExchangeRateDate"]);
    const numCols = new Set(["UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "BillableQuantity", "EffectiveUnitPrice"]);
    for (const rec of nceRecords()) {
      const row = ws.addRow(NCE_INVOICE_HEADERS.map((h) => (dateCols.has(h) ? new Date(`${rec[h]}T00:00:00Z`) : numCols.has(h) ? Number(rec[h]) : rec[h] ?? "")));
      NCE_INVOICE_HEADERS.forEach((h, i) => {
        if (dateCols.has(h)) row.getCell(i + 1).numFmt = "m/d/yyyy";
      });
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await readVendorFile(bytes, { fileName: "recon.xlsx" });
    expect(r.kind).toBe("xlsx");
    expect(r.issues).toEqual([]);
    expect(r.headerRow).toBe(3);
    expect(r.lines).toEqual(withSource(EXPECTED, "recon.xlsx", 2));
  });

  it("reports an unknown charge type once per value as a warning and keeps the lines", () => {
    const recs = nceRecords();
    recs[3] = { ...recs[3]!, ChargeType: "priceAdjustment2027" };
    recs.push({ ...recs[3]!, SubscriptionId: "x" });
    const r = readVendorCsv(utf8(nceCsv({}, recs)), { fileName: "nce.csv" });
    expect(r.lines).toHaveLength(7);
    expect(r.lines[3]).toMatchObject({ chargeType: "priceadjustment2027", chargeKind: "unknown", changesQuantity: false });
    expect(r.issues).toEqual([
      { code: "vendor.unknown_charge_type", severity: "warning", params: { value: "priceadjustment2027", count: 2 }, where: { source: "nce.csv", row: 5, column: "ChargeType" } },
    ]);
  });

  it("charge types are case-insensitive", () => {
    const recs = nceRecords().map((r) => ({ ...r, ChargeType: r.ChargeType!.toUpperCase() }));
    const r = readVendorCsv(utf8(nceCsv({}, recs)), { fileName: "nce.csv" });
    expect(r.issues).toEqual([]);
    expect(r.lines.map((l) => l.chargeKind)).toEqual(EXPECTED.map((l) => l.chargeKind));
  });

  it("bad cells are errors naming file, row and column; the other rows are still read", () => {
    const recs = nceRecords();
    recs[1] = { ...recs[1]!, Subtotal: "abc" };
    recs[2] = { ...recs[2]!, ChargeStartDate: "" };
    recs[3] = { ...recs[3]!, CustomerId: "" };
    const text = nceCsv({}, recs).replace("11/5/2026", "13/45/2026");
    const r = readVendorCsv(utf8(text), { fileName: "nce.csv" });
    expect(r.lines.map((l) => l.row)).toEqual([2, 6]);
    expect(r.issues).toEqual([
      { code: "parse.invalid_number", severity: "error", params: { value: "abc" }, where: { source: "nce.csv", row: 3, column: "Subtotal" } },
      { code: "parse.required", severity: "error", params: {}, where: { source: "nce.csv", row: 4, column: "ChargeStartDate" } },
      { code: "parse.required", severity: "error", params: {}, where: { source: "nce.csv", row: 5, column: "CustomerId" } },
      { code: "vendor.invalid_date", severity: "error", params: { value: "13/45/2026", format: "M/D/YYYY" }, where: { source: "nce.csv", row: 7, column: "ChargeStartDate" } },
    ]);
  });

  it("warns about ids Excel turned into numbers", () => {
    const recs = nceRecords();
    recs[0] = { ...recs[0]!, SubscriptionId: "1.23457E+17" };
    const r = readVendorCsv(utf8(nceCsv({}, recs)), { fileName: "nce.csv" });
    expect(r.lines).toHaveLength(6);
    expect(r.issues).toEqual([expect.objectContaining({ code: "vendor.id_mangled", severity: "warning", where: { source: "nce.csv", row: 2, column: "SubscriptionId" } })]);
  });

  it("ambiguous slash dates in a decimal-comma file: read as M/D/YYYY with a warning; D/M/YYYY detected when a day > 12 shows it", () => {
    const recs = nceRecords().map((r) => ({ ...r, ChargeStartDate: "2026-11-01", ChargeEndDate: "2026-11-01" }));
    const german = toCsv(NCE_INVOICE_HEADERS, recs, { locale: "german" }).replace(/01\.11\.2026/g, "11/1/2026");
    const r = readVendorCsv(utf8(german), { fileName: "nce.csv" });
    expect(r.dateOrder).toBe("mdy");
    expect(r.issues).toEqual([expect.objectContaining({ code: "vendor.date_order_assumed", severity: "warning", params: { format: "M/D/YYYY" } })]);
    const dmy = toCsv(NCE_INVOICE_HEADERS, nceRecords(), { locale: "german" }).replace(/(\d\d)\.(\d\d)\.(\d{4})/g, "$1/$2/$3");
    const d = readVendorCsv(utf8(dmy), { fileName: "nce.csv" });
    expect(d.dateOrder).toBe("dmy");
    expect(d.issues).toEqual([]);
    expect(d.lines).toEqual(EXPECTED);
  });

  it("a forced profile names the columns the file lacks", () => {
    const r = readVendorCsv(utf8("CustomerId,Quantity\nx,1\n"), { fileName: "f.csv", profileId: "microsoft-nce-invoice" });
    expect(r.profile).toBeNull();
    expect(r.issues).toEqual([
      { code: "vendor.missing_columns", severity: "error", params: { profile: "Microsoft NCE invoice reconciliation", columns: "ProductId, SkuId, SubscriptionId, ChargeType, ChargeStartDate, ChargeEndDate, Subtotal" }, where: { source: "f.csv", row: 1 } },
    ]);
    expect(readVendorCsv(utf8("a\n1\n"), { profileId: "nope" }).issues[0]).toMatchObject({ code: "vendor.profile_unknown", params: { profile: "nope" } });
  });

  it("an unknown file names its headers; an empty file says so; a header without rows warns", () => {
    expect(readVendorCsv(utf8("Foo;Bar\n1;2\n"), { fileName: "f.csv" }).issues).toEqual([
      { code: "vendor.no_profile", severity: "error", params: { headers: "Foo, Bar" }, where: { source: "f.csv", row: 1 } },
    ]);
    expect(readVendorCsv(utf8("\n\n"), { fileName: "f.csv" }).issues).toEqual([{ code: "csv.empty_file", severity: "error", params: {}, where: { source: "f.csv" } }]);
    const headerOnly = readVendorCsv(utf8(NCE_INVOICE_HEADERS.join(",") + "\n"), { fileName: "f.csv" });
    expect(headerOnly.profile?.id).toBe("microsoft-nce-invoice");
    expect(headerOnly.issues).toEqual([{ code: "vendor.no_data_rows", severity: "warning", params: {}, where: { source: "f.csv", row: 1 } }]);
  });
});
