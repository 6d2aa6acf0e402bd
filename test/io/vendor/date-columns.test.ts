/**
 * Issue 19, part 6: each date column is read in one order. A US-dated NCE file (M/D/YYYY, as
 * Microsoft writes it) opened and saved in Excel with German settings: Excel reads `10/3/2026` as
 * 10 March and writes `10.03.2026`, but leaves `10/13/2026` (no 13th month) as text.
 */
import { NCE_INVOICE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { readVendorCsv, readVendorTable } from "../../../src/io/vendor/read-vendor";
import { tableFromValues } from "../../../src/io/table/from-values";
import { DAILY_USAGE_HEADERS } from "../../../src/io/vendor/profiles/microsoft-nce-daily-usage.profile";
import { nceRecords, toCsv, utf8, dailyUsageRecords, type Rec } from "./fixtures";

const DATE_COLUMNS = new Set(["OrderDate", "ChargeStartDate", "ChargeEndDate", "SubscriptionStartDate", "SubscriptionEndDate", "PCToBCExchangeRateDate"]);

/** What German Excel saves from a US CSV: `;`, decimal comma, US dates that read as D/M turned into DD.MM.YYYY. */
function germanExcelSave(records: readonly Rec[]): string {
  const lines = [NCE_INVOICE_HEADERS.join(";")];
  for (const r of records) {
    lines.push(
      NCE_INVOICE_HEADERS.map((h) => {
        const v = r[h] ?? "";
        if (DATE_COLUMNS.has(h) && v !== "") {
          const [y, m, d] = v.split("-").map(Number) as [number, number, number];
          // The US text is M/D/YYYY; Excel (D/M) converts it when "M" can be a day and "D" a month.
          return d <= 12 ? `${String(m).padStart(2, "0")}.${String(d).padStart(2, "0")}.${y}` : `${m}/${d}/${y}`;
        }
        if (/^-?\d+\.\d+$/.test(v)) return v.replace(".", ",");
        return /[;"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
      }).join(";"),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

describe("date columns read in one order (issue 19, part 6)", () => {
  it("a US file mangled by German Excel: every date of a column is read month first, with one warning", () => {
    const expected = readVendorCsv(utf8(toCsv(NCE_INVOICE_HEADERS, nceRecords())), { fileName: "nce.csv" });
    const text = germanExcelSave(nceRecords());
    // the mangled file really mixes both forms in one column
    expect(text).toContain(";11.03.2026;");
    expect(text).toContain(";11.10.2026;");
    expect(text).toContain(";11/20/2026;");
    const r = readVendorCsv(utf8(text), { fileName: "nce.csv" });
    expect(r.issues).toEqual([
      { code: "vendor.date_excel_swapped", severity: "warning", params: { column: "ChargeStartDate", row: 6, value: "11/20/2026" }, where: { source: "nce.csv", row: 6, column: "ChargeStartDate" } },
    ]);
    expect(r.lines.map((l) => [l.chargeFrom, l.chargeTo])).toEqual(expected.lines.map((l) => [l.chargeFrom, l.chargeTo]));
    expect(r.lines[0]).toMatchObject({ chargeFrom: "2026-11-03", chargeTo: "2026-12-02" });
    expect(r.lines.map((l) => l.quantity)).toEqual(expected.lines.map((l) => l.quantity));
  });

  it("a row far below the first rows that only reads D/M decides the whole column (no row read the other way)", () => {
    // 300 daily usage rows on ambiguous days first, then one on the 13th: `3/1/2026` is 3 January.
    const base = dailyUsageRecords()[0]!;
    const recs: Rec[] = [];
    for (let i = 0; i < 300; i++) recs.push({ ...base, UsageDate: "2026-01-03", ChargeStartDate: "2026-01-01", ChargeEndDate: "2026-01-01" });
    recs.push({ ...base, UsageDate: "2026-01-13", ChargeStartDate: "2026-01-01", ChargeEndDate: "2026-01-01" });
    const dmy = (iso: string) => { const [y, m, d] = iso.split("-"); return `${Number(d)}/${Number(m)}/${y}`; };
    const values = [DAILY_USAGE_HEADERS.slice(), ...recs.map((r) => DAILY_USAGE_HEADERS.map((h) => (h === "UsageDate" || h === "ChargeStartDate" || h === "ChargeEndDate" ? dmy(r[h]!) : r[h] ?? "")))];
    const r = readVendorTable(tableFromValues(values, "usage.csv"), { fileName: "usage.csv" });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(["vendor.date_order_column"]);
    expect(r.issues[0]).toMatchObject({ params: { column: "UsageDate", format: "DD.MM.YYYY", row: 302, value: "13/1/2026" } });
    // one month (January), all 301 rows folded into one line
    expect(r.lines.map((l) => [l.chargeFrom, l.chargeTo, l.rowCount])).toEqual([["2026-01-03", "2026-01-13", 301]]);
  });

  it("a column with both kinds is read in the majority's order; the others are invalid dates, never read the other way", () => {
    const recs = nceRecords();
    const text = toCsv(NCE_INVOICE_HEADERS, recs).replace("11/10/2026,12/2/2026", "13/10/2026,12/2/2026");
    const r = readVendorCsv(utf8(text), { fileName: "nce.csv" });
    const codes = r.issues.map((i) => [i.code, i.severity, i.where?.row, i.where?.column]);
    expect(codes).toContainEqual(["vendor.date_order_conflict", "warning", 3, "ChargeStartDate"]);
    expect(codes).toContainEqual(["vendor.invalid_date", "error", 3, "ChargeStartDate"]);
  });
});
