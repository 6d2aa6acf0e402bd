import Database from "better-sqlite3";
import { XMLParser } from "fast-xml-parser";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateEInvoice } from "../../src/core/einvoice/validate-einvoice";
import type { EInvoice } from "../../src/core/einvoice/model";
import { Decimal, HUNDRED, ZERO, roundCents } from "../../src/core/money/decimal";
import type { EInvoiceFile } from "../../src/io/einvoice/generate-einvoice";
import { xmlOf } from "../support/einvoice-check";
import { parseEInvoiceXml } from "../support/einvoice-xml";
import { checkWellFormed, validateAgainstCiiD16B, validateAgainstFacturX } from "../support/xml-schema";
import { runCommand as run } from "../support/cli-io";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\nBOOK,Handbuch,12.00,7\n";
const HEAD =
  "customer_no,customer_name,customer_street,customer_postcode,customer_city,customer_email,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from";
const CONTRACTS = [
  HEAD,
  "10001,Müller GmbH,Hauptstr. 1,20095,Hamburg,ap@mueller.de,V-1,monthly,advance,2026-01-01,1,M365-BP,10,20.60,19,2026-01-01",
  "10001,Müller GmbH,Hauptstr. 1,20095,Hamburg,ap@mueller.de,V-1,monthly,advance,2026-01-01,2,BOOK,1,12.00,7,2026-01-01",
  "10002,Schmidt KG,Marktplatz 2,10115,Berlin,buchhaltung@schmidt.de,V-2,monthly,advance,2026-01-01,1,M365-BP,3,20.60,19,2026-01-01",
].join("\n");
const CHANGE = "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price,valid_from\n10001,V-1,2026-01-01,1,M365-BP,12,20.60,2026-01-16\n";
const COMPANY = {
  name: "Muster IT Service GmbH",
  address: "Musterstraße 1\n10115 Berlin",
  vatId: "DE123456789",
  contactName: "Buchhaltung, Erika Muster",
  phone: "+49 30 1234567",
  email: "rechnung@muster-it.de",
  iban: "DE02120300000000202051",
  paymentTerms: "Zahlbar innerhalb von 14 Tagen ohne Abzug.",
};


/** Net and VAT per invoice from our invoice CSV (generic), VAT per rate rounded once per invoice. */
function csvTotals(csvText: string): Map<string, { net: Decimal; vat: Decimal; rates: Map<string, Decimal> }> {
  const rows = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true }).data;
  const out = new Map<string, { net: Decimal; vat: Decimal; rates: Map<string, Decimal> }>();
  for (const row of rows) {
    const cur = out.get(row.invoice_ref!) ?? { net: ZERO, vat: ZERO, rates: new Map<string, Decimal>() };
    const rate = new Decimal(row.vat_pct!).toFixed();
    cur.rates.set(rate, (cur.rates.get(rate) ?? ZERO).plus(row.net_amount!));
    out.set(row.invoice_ref!, cur);
  }
  for (const t of out.values()) {
    for (const [rate, net] of t.rates) {
      t.net = t.net.plus(net);
      t.vat = t.vat.plus(roundCents(net.times(rate).dividedBy(HUNDRED)));
    }
  }
  return out;
}

const FORMATS = ["xrechnung-cii", "xrechnung-ubl", "zugferd"] as const;

/**
 * Issue 17 "Done when", through the CLI on an SQLite workspace: bill January, issue it, cancel one
 * invoice, bill February after a retroactive change; XRechnung CII/UBL and ZUGFeRD for every invoice
 * and the cancellation, each validated (XSD, our BR-CO/BR-DE rules on the XML read back) and its
 * totals equal to the invoice CSV to the cent; undo of the issued run refused; an audit row edited in
 * the database named by `verify`.
 */
it("bill → issue → cancel → retroactive re-bill → e-invoices validated against the CSV → tamper detected", async () => {
  const d = mkdtempSync(join(tmpdir(), "msp-lifecycle-story-"));
  const ws = join(d, "ws.db");
  const files: Record<string, string> = { "articles.csv": ARTICLES, "contracts.csv": CONTRACTS, "change.csv": CHANGE, "company.json": JSON.stringify(COMPANY) };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  expect((await run("import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv"))).code).toBe(0);

  // A draft first (no file): it can still be undone.
  const jan = await run("bill", "--workspace", ws, "--period", "2026-01", "--draft", "--invoice-date", "2026-01-02", "--json");
  expect(jan.code).toBe(0);
  const janRun = (JSON.parse(jan.out) as { runId: string }).runId;
  expect(readdirSync(d)).not.toContain("jan.csv");

  // Without company data: a clear error naming the setting, nothing issued, nothing written.
  const noCompany = await run("einvoice", "--workspace", ws, "--run", janRun, "--out", join(d, "none"));
  expect(noCompany.code).toBe(1);
  expect(noCompany.err).toContain("export-settings --company");
  expect(readdirSync(d)).not.toContain("none");
  expect((await run("undo", "--workspace", ws, "--run", janRun, "--json")).code).toBe(0);
  const jan2 = await run("bill", "--workspace", ws, "--period", "2026-01", "--out", join(d, "jan.csv"), "--invoice-date", "2026-01-02", "--json");
  const janRun2 = (JSON.parse(jan2.out) as { runId: string }).runId;
  // The invoice file for the ERP issued the run.
  expect((JSON.parse(jan2.out) as { issuedAt: string | null }).issuedAt).not.toBeNull();
  expect((await run("export-settings", "--workspace", ws, "--company", join(d, "company.json"))).code).toBe(0);

  expect((await run("finalize", "--workspace", ws, "--run", janRun2)).code).toBe(0);
  const undo = await run("undo", "--workspace", ws, "--run", janRun2);
  expect(undo.code).toBe(1);
  expect(undo.err).toContain("cannot be undone");

  // The reason (with characters XML and CSV must escape) is printed on the Stornorechnung.
  const cancel = await run("cancel-invoice", "--workspace", ws, "--invoice", "RE-000001", "--date", "2026-01-20", "--reason", "Falscher Monat; <Müller & Co> \"Vertrag\"", "--json");
  expect(cancel.code).toBe(0);
  const cancelRun = (JSON.parse(cancel.out) as { runId: string; cancellationRef: string }).runId;
  expect((await run("export", "--workspace", ws, "--run", cancelRun, "--out", join(d, "storno.csv"))).code).toBe(0);

  expect((await run("import-master", "--workspace", ws, join(d, "change.csv"))).code).toBe(0);
  const feb = await run("bill", "--workspace", ws, "--period", "2026-02", "--out", join(d, "feb.csv"), "--invoice-date", "2026-02-02", "--json");
  expect(feb.code).toBe(0);
  const febRun = (JSON.parse(feb.out) as { runId: string }).runId;

  const csv = new Map([...csvTotals(readFileSync(join(d, "jan.csv"), "utf8")), ...csvTotals(readFileSync(join(d, "storno.csv"), "utf8")), ...csvTotals(readFileSync(join(d, "feb.csv"), "utf8"))]);
  expect([...csv.keys()].sort()).toEqual(["RE-000001", "RE-000002", "RE-000003", "RE-000004", "RE-000005"]);

  const checked: string[] = [];
  /** Each invoice read back from CII (schema-validated) and from UBL: they must say the same. */
  const readBack = new Map<string, EInvoice>();
  for (const runId of [janRun2, cancelRun, febRun]) {
    for (const format of FORMATS) {
      const dir = join(d, `e-${runId}-${format}`);
      const r = await run("einvoice", "--workspace", ws, "--run", runId, "--format", format, "--out", dir, "--json");
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      for (const path of (JSON.parse(r.out) as { files: string[] }).files) {
        const bytes = new Uint8Array(readFileSync(path));
        const file = { mimeType: format === "zugferd" ? "application/pdf" : "application/xml", bytes } as EInvoiceFile;
        const xml = await xmlOf(file);
        if (format === "xrechnung-ubl") expect((await checkWellFormed(xml)).errors).toEqual([]);
        else {
          expect((await validateAgainstFacturX(xml, "EN16931")).errors).toEqual([]);
          expect((await validateAgainstFacturX(xml, "EXTENDED")).errors).toEqual([]);
          expect((await validateAgainstCiiD16B(xml)).errors).toEqual([]);
        }
        const parsed = parseEInvoiceXml(xml);
        expect(validateEInvoice(parsed)).toEqual([]);
        const want = csv.get(parsed.number)!;
        const sign = parsed.typeCode === "381" ? -1 : 1;
        const cents = (x: Decimal): string => roundCents(x.times(sign)).toFixed(2).replace(/^-0\.00$/, "0.00");
        expect(parsed.totals.taxExclusive).toBe(cents(want.net));
        expect(parsed.totals.vat).toBe(cents(want.vat));
        expect(parsed.totals.payable).toBe(cents(want.net.plus(want.vat)));
        if (parsed.number === "RE-000003") {
          expect(parsed.typeCode).toBe("381");
          expect(parsed.preceding.map((p) => p.number)).toEqual(["RE-000001"]);
          expect(parsed.notes).toContain('Stornorechnung zu Rechnung RE-000001 vom 02.01.2026. Grund: Falscher Monat; <Müller & Co> "Vertrag"');
        }
        if (format !== "zugferd") {
          const other = readBack.get(parsed.number);
          if (other) expect(parsed).toEqual(other);
          else readBack.set(parsed.number, parsed);
        }
        checked.push(`${parsed.number} ${format}`);
      }
    }
  }
  expect(checked).toHaveLength(15);
  expect(readBack.size).toBe(5);
  // February's invoice file issued its run: undo refused.
  expect((await run("undo", "--workspace", ws, "--run", febRun)).code).toBe(1);

  // Auditor export of the quarter: four CSVs and an index.xml that describes each of them.
  const auditDir = join(d, "gdpdu");
  const exp = await run("export-audit", "--workspace", ws, "--from", "2026-01-01", "--to", "2026-03-31", "--out", auditDir, "--json");
  expect(exp.err).toBe("");
  expect(exp.code).toBe(0);
  const rowsOf = (JSON.parse(exp.out) as { rows: Record<string, number> }).rows;
  expect(rowsOf.Rechnungen).toBe(5);
  expect(readdirSync(auditDir).sort()).toEqual(["abrechnungsjournal.csv", "index.xml", "protokoll.csv", "rechnungen.csv", "rechnungspositionen.csv"]);
  const index = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(auditDir, "index.xml"), "utf8")) as {
    DataSet: { Media: { Table: { URL: string; Name: string; VariableLength: { VariableColumn?: unknown[]; VariablePrimaryKey?: unknown | unknown[] } }[] } };
  };
  const described = index.DataSet.Media.Table;
  expect(described.map((t) => t.URL).sort()).toEqual(["abrechnungsjournal.csv", "protokoll.csv", "rechnungen.csv", "rechnungspositionen.csv"]);
  for (const t of described) {
    const csvRows = Papa.parse<string[]>(iconv.decode(readFileSync(join(auditDir, t.URL)), "windows-1252"), { delimiter: ";", skipEmptyLines: true }).data;
    const keys = t.VariableLength.VariablePrimaryKey;
    const columns = (keys === undefined ? 0 : Array.isArray(keys) ? keys.length : 1) + (t.VariableLength.VariableColumn?.length ?? 0);
    expect(csvRows[0]!.length).toBe(columns);
    // index.xml names the columns in the CSV's order (primary keys first)
    const names = (v: unknown): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((c) => String((c as { Name: string }).Name)));
    expect(csvRows[0]).toEqual([...names(keys), ...names(t.VariableLength.VariableColumn)]);
    for (const r of csvRows) expect(r.length).toBe(columns);
    expect(csvRows.length - 1).toBe(rowsOf[t.Name]);
  }
  const invoiceRows = Papa.parse<Record<string, string>>(iconv.decode(readFileSync(join(auditDir, "rechnungen.csv")), "windows-1252"), { delimiter: ";", header: true, skipEmptyLines: true }).data;
  const storno = invoiceRows.find((r) => r.Rechnungsnummer === "RE-000003")!;
  expect(storno).toMatchObject({ Belegart: "Stornorechnung", Storniert_Rechnung: "RE-000001", Stornogrund: 'Falscher Monat; <Müller & Co> "Vertrag"', Status: "festgeschrieben" });
  // stored UTC moments in German local time: a GDPdU Date and a clock time, the UTC text beside them
  expect(storno.Festgeschrieben_am).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  expect(storno.Festgeschrieben_um).toMatch(/^\d{2}:\d{2}:\d{2}$/);
  expect(storno.Festgeschrieben_UTC).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  const protokoll = described.find((t) => t.URL === "protokoll.csv")!;
  const declared = (protokoll.VariableLength.VariableColumn as { Name: string; Date?: { Format: string } }[]).find((c) => c.Name === "Datum");
  expect(declared?.Date?.Format).toBe("DD.MM.YYYY");
  for (const r of invoiceRows) expect(r.Brutto).toBe(csv.get(r.Rechnungsnummer!)!.net.plus(csv.get(r.Rechnungsnummer!)!.vat).toFixed(2).replace(".", ","));

  expect((await run("verify", "--workspace", ws)).code).toBe(0);
  const db = new Database(ws);
  const row = db.prepare("SELECT seq FROM audit_log WHERE kind = 'billing.run.issue' ORDER BY seq LIMIT 1").get() as { seq: number };
  db.prepare("UPDATE audit_log SET entity = 'run:forged' WHERE seq = ?").run(row.seq);
  db.close();
  const tampered = await run("verify", "--workspace", ws);
  expect(tampered.code).toBe(1);
  expect(tampered.err).toContain(`audit log entry seq ${row.seq}`);
}, 240_000);
