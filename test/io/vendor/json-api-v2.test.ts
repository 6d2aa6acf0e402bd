/**
 * Issue 19, part 4: Partner Center's billed/unbilled reconciliation API v2 delivers JSON (one object
 * per line, or a list), often gzip-compressed, with camelCase attribute names. Files the program
 * cannot read get one clear message, never their bytes.
 */
import { gzipSync, zipSync } from "fflate";
import { formatIssue } from "../../../src/core/messages";
import { readVendorCsv } from "../../../src/io/vendor/read-vendor";
import { readVendorFile } from "../../../src/io/vendor/read-vendor-file";
import { NCE_INVOICE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { DAILY_USAGE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-nce-daily-usage.profile";
import { dailyUsageRecords, nceRecords, toCsv, utf8, type Rec } from "./fixtures";

const NUMERIC = new Set(["UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "EffectiveUnitPrice", "BillableQuantity", "PCToBCExchangeRate", "BillingPreTaxTotal", "PricingPreTaxTotal"]);
const DATE = new Set(["OrderDate", "ChargeStartDate", "ChargeEndDate", "SubscriptionStartDate", "SubscriptionEndDate", "PCToBCExchangeRateDate", "UsageDate"]);
const camel = (h: string) => h.charAt(0).toLowerCase() + h.slice(1);

/** A record as the API writes it: camelCase names, numbers as JSON numbers, ISO-8601 UTC timestamps. */
function apiRecord(headers: readonly string[], r: Rec): string {
  const parts = headers.map((h) => {
    const v = r[h] ?? "";
    const value = v === "" ? "null" : NUMERIC.has(h) ? v : DATE.has(h) ? JSON.stringify(`${v}T00:00:00Z`) : JSON.stringify(v);
    return `${JSON.stringify(camel(h))}:${value}`;
  });
  return `{${parts.join(",")}}`;
}

const jsonLines = (headers: readonly string[], recs: readonly Rec[]) => recs.map((r) => apiRecord(headers, r)).join("\n") + "\n";
const jsonArray = (headers: readonly string[], recs: readonly Rec[]) => `[\n${recs.map((r) => apiRecord(headers, r)).join(",\n")}\n]`;
const withoutSource = <T extends { source: string; row: number }>(lines: T[]) => lines.map(({ source: _s, row: _r, ...rest }) => rest);

describe("Partner Center reconciliation API v2 JSON (issue 19, part 4)", () => {
  const csv = readVendorCsv(utf8(toCsv(NCE_INVOICE_HEADERS, nceRecords())), { fileName: "nce.csv" });

  it("JSON Lines with camelCase attributes read as the NCE invoice profile, the same lines as the CSV; rows are line numbers", () => {
    const r = readVendorCsv(utf8(jsonLines(NCE_INVOICE_HEADERS, nceRecords())), { fileName: "billed.json" });
    expect(r.issues).toEqual([]);
    expect(r.format).toBe("json");
    expect(r.profile?.id).toBe("microsoft-nce-invoice");
    expect(withoutSource(r.lines)).toEqual(withoutSource(csv.lines));
    expect(r.lines.map((l) => l.row)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("a JSON list, gzip-compressed, gives the same lines; numbers keep every digit", () => {
    const usage = dailyUsageRecords();
    const gz = gzipSync(utf8(jsonArray(DAILY_USAGE_HEADERS, usage)));
    const r = readVendorCsv(gz, { fileName: "usage.json.gz" });
    expect(r.issues).toEqual([]);
    expect(r.compressed).toBe("gzip");
    expect(r.profile?.id).toBe("microsoft-nce-daily-usage");
    const fromCsv = readVendorCsv(utf8(toCsv(DAILY_USAGE_HEADERS, usage)), { fileName: "usage.csv" });
    expect(withoutSource(r.lines)).toEqual(withoutSource(fromCsv.lines));
    expect(r.lines[0]).toMatchObject({ amount: "0.994118298288481", vendorUnitPrice: "0.0209951014286867" });
  });

  it("the CLI path (readVendorFile) reads gzip JSON too", async () => {
    const r = await readVendorFile(gzipSync(utf8(jsonLines(NCE_INVOICE_HEADERS, nceRecords()))), { fileName: "billed.json.gz" });
    expect(r.issues).toEqual([]);
    expect(r.lines).toHaveLength(6);
  });

  it("a broken JSON line is an error naming its line; the other lines are read", () => {
    const text = jsonLines(NCE_INVOICE_HEADERS, nceRecords()).split("\n");
    text[2] = text[2]!.slice(0, 40);
    const r = readVendorCsv(utf8(text.join("\n")), { fileName: "billed.json" });
    expect(r.issues.map((i) => [i.code, i.severity, i.where?.row])).toEqual([["json.invalid", "error", 3]]);
    expect(r.lines).toHaveLength(5);
  });
});

describe("files that are no table: one clear message, never their bytes (issue 19, part 4)", () => {
  const cases: [string, Uint8Array, string][] = [
    ["a zip archive", zipSync({ "a.csv": utf8("x,y\n1,2\n") }), "file.is_zip"],
    ["a PDF", utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >>\nendobj\n"), "file.is_pdf"],
    ["an old .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 1, 2, 3]), "file.is_xls"],
    ["random bytes", new Uint8Array(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256)), "file.is_binary"],
    ["a broken gzip", new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]), "file.gzip_invalid"],
    ["a gzip of a PDF", gzipSync(utf8("%PDF-1.4\n")), "file.is_pdf"],
  ];
  it.each(cases)("%s", (_name, bytes, code) => {
    const r = readVendorCsv(bytes, { fileName: "upload.bin" });
    expect(r.lines).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.severity, i.where?.source])).toEqual([[code, "error", "upload.bin"]]);
    for (const lang of ["de", "en"] as const) {
      const text = formatIssue(r.issues[0]!, lang);
      expect(text).toContain("upload.bin");
      // eslint-disable-next-line no-control-regex -- the test looks for raw control bytes
      expect(text).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });
});
