import { dbOf } from "../../support/db-view";
/** A DATEV Buchungsstapel written from a billing scenario, checked field by field (issue 10). */
import * as iconv from "iconv-lite";
import { exportInvoiceBatch, loadRunInvoices, saveExportSettings } from "../../../src/app/export-invoices";
import { Decimal } from "../../../src/core/money/decimal";
import { DATEV_COLUMNS } from "../../../src/io/export/datev/columns";
import { DATEV_CONFIG, billedScenario } from "./scenario";

const CREATED = "2026-11-23T10:15:30.042";

async function datevFile() {
  const s = await billedScenario();
  const invoices = [...s.january, ...s.february];
  const r = await exportInvoiceBatch(s.ctx, invoices, { format: { kind: "datev" }, datev: DATEV_CONFIG, createdAt: CREATED });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const text = iconv.decode(Buffer.from(r.value.bytes), "win1252");
  const lines = text.split("\r\n");
  return { s, invoices, bytes: r.value.bytes, text, lines, records: r.value.records };
}

/** Splits a DATEV line at `;` outside quotes. */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

describe("DATEV Buchungsstapel from the billing scenario", () => {
  it("line 1 is the EXTF header with 31 fields", async () => {
    const { lines } = await datevFile();
    const h = fields(lines[0]!);
    expect(h).toHaveLength(31);
    expect(h).toEqual([
      '"EXTF"', "700", "21", '"Buchungsstapel"', "13", "20261123101530042", "", '"RE"', '""', '""',
      "1234567", "10001", "20260101", "4", "20260101", "20260228", '"Rechnungen 01/2026-02/2026"', '""', "1", "0",
      "0", '"EUR"', "", '""', "", "", '"03"', "", "", '""', '""',
    ]);
  });

  it("line 2 holds the 125 column headings", async () => {
    const { lines } = await datevFile();
    const names = lines[1]!.split(";");
    expect(names).toHaveLength(125);
    expect(names).toEqual([...DATEV_COLUMNS]);
    expect(names.slice(0, 14)).toEqual([
      "Umsatz (ohne Soll/Haben-Kz)", "Soll/Haben-Kennzeichen", "WKZ Umsatz", "Kurs", "Basis-Umsatz", "WKZ Basis-Umsatz", "Konto",
      "Gegenkonto (ohne BU-Schlüssel)", "BU-Schlüssel", "Belegdatum", "Belegfeld 1", "Belegfeld 2", "Skonto", "Buchungstext",
    ]);
    expect(names[113]).toBe("Festschreibung");
    expect(names[124]).toBe("Abw. Skontokonto");
  });

  it("one booking per invoice and VAT rate: amount, S/H, accounts, TTMM, Belegfeld 1, text", async () => {
    const { lines, records } = await datevFile();
    const bookings = lines.slice(2, -1).map(fields);
    expect(records).toBe(6);
    expect(bookings).toHaveLength(6);
    for (const b of bookings) expect(b).toHaveLength(125);
    const shown = bookings.map((b) => [b[0], b[1], b[2], b[6], b[7], b[8], b[9], b[10], b[13], b[20], b[21]]);
    expect(shown).toEqual([
      ["245,14", '"S"', '"EUR"', "10001", "8400", "", "0201", '"RE-000001"', '"Müller GmbH"', "", ""],
      ["12,84", '"S"', '"EUR"', "10001", "8300", "", "0201", '"RE-000001"', '"Müller GmbH"', "", ""],
      ["220,63", '"S"', '"EUR"', "10002", "8400", "", "0201", '"RE-000002"', '"Schmidt & Söhne KG"', "", ""],
      ["245,14", '"S"', '"EUR"', "10001", "8400", "", "0202", '"RE-000003"', '"Müller GmbH"', "", ""],
      ["12,84", '"S"', '"EUR"', "10001", "8300", "", "0202", '"RE-000003"', '"Müller GmbH"', "", ""],
      // the Rechnungskorrektur: a credit, so the debtor is credited (H), amount without sign
      ["98,06", '"H"', '"EUR"', "10002", "8400", "", "0202", '"RE-000004"', '"Schmidt & Söhne KG"', '"Korrektur zu"', '"RE-000002"'],
    ]);
    // every other field is empty
    for (const b of bookings) expect(b.filter((_, i) => ![0, 1, 2, 6, 7, 9, 10, 13, 20, 21].includes(i)).every((f) => f === "")).toBe(true);
  });

  it("totals per revenue account (= VAT rate), signed by S/H, equal the invoices' gross per rate", async () => {
    const { lines, invoices } = await datevFile();
    const byAccount = new Map<string, Decimal>();
    for (const b of lines.slice(2, -1).map(fields)) {
      const amount = new Decimal(b[0]!.replace(",", ".")).times(b[1] === '"H"' ? -1 : 1);
      byAccount.set(b[7]!, (byAccount.get(b[7]!) ?? new Decimal(0)).plus(amount));
    }
    const byRate = new Map<string, Decimal>();
    for (const t of invoices.flatMap((i) => i.vatTotals)) byRate.set(t.vatPct, (byRate.get(t.vatPct) ?? new Decimal(0)).plus(t.gross));
    expect(byAccount.get("8400")!.toFixed(2)).toBe(byRate.get("19")!.toFixed(2));
    expect(byAccount.get("8300")!.toFixed(2)).toBe(byRate.get("7")!.toFixed(2));
    expect(byAccount.get("8400")!.toFixed(2)).toBe("612.85"); // 245.14 + 220.63 + 245.14 − 98.06
    expect(byAccount.get("8300")!.toFixed(2)).toBe("25.68");
  });

  it("is Windows-1252 with CRLF line ends: ü is the single byte 0xFC, no UTF-8, no bare LF, ends with CRLF", async () => {
    const { bytes, text } = await datevFile();
    const buf = Buffer.from(bytes);
    const mueller = buf.indexOf(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72])); // "Müller"
    expect(mueller).toBeGreaterThan(0);
    expect(buf.includes(Buffer.from([0xc3, 0xbc]))).toBe(false); // UTF-8 ü
    expect(buf[0]).toBe(0x22); // no BOM: starts with "EXTF" in quotes
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
    expect(text.replace(/\r\n/g, "").includes("\r")).toBe(false);
    expect(iconv.encode(text, "win1252").equals(buf)).toBe(true);
  });

  it("re-exports a stored run exactly as billed, with the saved DATEV settings", async () => {
    const s = await billedScenario();
    await saveExportSettings(s.ctx, { datev: { ...DATEV_CONFIG, chart: "SKR04", label: "Februar" } });
    const run = await loadRunInvoices(s.ctx, "run-00002");
    if (!run.ok) throw new Error("no run");
    expect(run.value.invoices.map((i) => i.invoiceRef)).toEqual(["RE-000003", "RE-000004"]);
    const r = await exportInvoiceBatch(s.ctx, run.value.invoices, { format: { kind: "datev" }, createdAt: CREATED });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const lines = iconv.decode(Buffer.from(r.value.bytes), "win1252").split("\r\n");
    const h = fields(lines[0]!);
    expect([h[14], h[15], h[16], h[26]]).toEqual(["20260201", "20260228", '"Februar"', '"04"']);
    expect(lines.slice(2, -1).map((l) => fields(l).slice(0, 8).join(";"))).toEqual([
      '245,14;"S";"EUR";;;;10001;4400',
      '12,84;"S";"EUR";;;;10001;4300',
      '98,06;"H";"EUR";;;;10002;4400',
    ]);
  });

  it("an unknown or undone run cannot be exported", async () => {
    const s = await billedScenario();
    const r = await loadRunInvoices(s.ctx, "run-00009");
    expect(!r.ok && r.issues[0]!.code).toBe("export.unknown_run");
    await dbOf(s.ctx).runs.update("run-00002", { undoneAt: "2026-11-23T10:00:00.000Z" });
    const u = await loadRunInvoices(s.ctx, "run-00002");
    expect(!u.ok && u.issues[0]!.code).toBe("export.run_undone");
  });

  it("without DATEV settings the export fails with a message saying where to give them", async () => {
    const s = await billedScenario();
    const r = await exportInvoiceBatch(s.ctx, s.january, { format: { kind: "datev" }, createdAt: CREATED });
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["export.no_datev_config"]);
  });
});
