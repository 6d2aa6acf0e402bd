import * as iconv from "iconv-lite";
import { buildInvoice, type Invoice, type InvoiceLine } from "../../../../src/core/billing/invoice";
import type { Customer } from "../../../../src/core/contract/model";
import { formatIssue } from "../../../../src/core/messages";
import { EXPORT_FIELD_NAMES, ExportProfile, exportProfilesJson, importProfilesJson, validateExportProfile } from "../../../../src/io/export/custom-csv/profile";
import { customCsv, exportFieldList, formatDate } from "../../../../src/io/export/custom-csv/write";
import type { DatevConfig } from "../../../../src/io/export/datev/config";

function line(over: Partial<InvoiceLine> = {}): InvoiceLine {
  return {
    lineNo: 1, lineType: "recurring", contractNo: "V-1", positionNo: 1, articleNo: "A-1", description: "Cloud-Lizenz",
    serviceFrom: "2026-02-01", serviceTo: "2026-02-28", quantity: "10", unitPrice: "20.6", discountPct: "0", periodFactor: "1",
    netAmount: "206.00", exactAmount: "206", vatPct: "19", ...over,
  };
}
const K1: Customer = { no: "10001", name: "Müller GmbH", debtorAccount: "10001", vatId: "DE111111111" };
const customers = new Map([[K1.no, K1]]);
const inv = (ref: string, lines: InvoiceLine[]): Invoice => buildInvoice({ invoiceRef: ref, runId: "run-00001", invoiceDate: "2026-02-02", customer: K1 }, lines);
const INVOICES = [
  inv("RE-1", [line(), line({ lineNo: 2, articleNo: "BOOK", description: "=Handbuch; Teil 1", quantity: "1", unitPrice: "12", netAmount: "12.00", vatPct: "7" })]),
  inv("RE-2", [line({ lineType: "difference", quantity: "-2", netAmount: "-41.20", correctsRef: "RE-0" })]),
];
const ACCOUNTS: DatevConfig = { consultantNo: 1001, clientNo: 1, fiscalYearStart: "01-01", accountLength: 4, chart: "SKR03" };

/** The Sage 100 booking import of research/domain.md D2: Belegdatum;BelegNr;Buchungstext;Soll;Haben;Betrag. */
const SAGE: ExportProfile = {
  id: "sage-buchungen",
  version: 1,
  name: "Sage 100 Buchungsimport",
  delimiter: ";",
  decimal: ",",
  dateFormat: "DD.MM.YYYY",
  encoding: "windows-1252",
  level: "vat_rate",
  columns: [
    { source: "invoice_date", header: "Belegdatum" },
    { source: "invoice_ref", header: "BelegNr" },
    { source: "customer_name", header: "Buchungstext" },
    { source: "debit_account", header: "Soll" },
    { source: "credit_account", header: "Haben" },
    { source: "rate_gross_abs", header: "Betrag" },
  ],
};

const LINES: ExportProfile = {
  id: "zeilen",
  version: 1,
  name: "Rechnungszeilen",
  delimiter: ",",
  decimal: ".",
  dateFormat: "YYYY-MM-DD",
  encoding: "utf-8-bom",
  level: "line",
  columns: [
    { source: "invoice_ref", header: "Beleg" },
    { source: "line_no", header: "Zeile" },
    { source: "description", header: "Text" },
    { source: "quantity", header: "Menge" },
    { source: "unit_price", header: "Preis" },
    { source: "net_amount", header: "Netto" },
    { source: "vat_pct", header: "USt" },
    { source: "service_from", header: "Von" },
    { source: "corrects_ref", header: "Korrigiert" },
    { source: "literal", header: "Mandant", value: "01" },
  ],
};

describe("export profile validation", () => {
  it("accepts the Sage and line profiles unchanged", () => {
    expect(validateExportProfile(SAGE)).toEqual({ ok: true, value: SAGE });
    expect(validateExportProfile(LINES)).toEqual({ ok: true, value: LINES });
  });

  it("names every bad field: unknown source, a field of another level, duplicate header, literal without value", () => {
    const r = validateExportProfile({
      ...SAGE,
      id: "bad id!",
      delimiter: "#",
      colour: 1,
      columns: [
        { source: "invoice_ref", header: "Beleg" },
        { source: "article_no", header: "Artikel" },
        { source: "nettobetrag", header: "Netto" },
        { source: "literal", header: "Fest" },
        { source: "customer_no", header: "beleg" },
        { source: "customer_no" },
      ],
    });
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.field])).toEqual([
      ["profile.field_unknown", "colour"],
      ["profile.field_invalid", "id"],
      ["profile.field_invalid", "delimiter"],
      ["profile.field_invalid", "columns[1].source"],
      ["profile.field_invalid", "columns[2].source"],
      ["profile.field_invalid", "columns[3].value"],
      ["profile.field_invalid", "columns[4].header"],
      ["profile.field_required", "columns[5].header"],
    ]);
    expect(!r.ok && formatIssue(r.issues[3]!, "en")).toBe('Profile field columns[1].source: "article_no" is invalid (expected a field of level vat_rate (article_no exists at line)).');
  });

  it("needs columns and a supported version", () => {
    const r = validateExportProfile({ ...LINES, version: 2, columns: [] });
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["profile.version_unsupported", "profile.field_invalid"]);
  });

  it("export file round-trips; an import is all or nothing and rejects duplicate ids", () => {
    const text = exportProfilesJson([SAGE, LINES]);
    expect(JSON.parse(text).format).toBe("msp-billing/export-profiles");
    expect(importProfilesJson(text)).toEqual({ ok: true, value: [SAGE, LINES] });
    expect(importProfilesJson(JSON.stringify(SAGE))).toEqual({ ok: true, value: [SAGE] });
    const dup = importProfilesJson(JSON.stringify([SAGE, { ...SAGE, name: "again" }]));
    expect(!dup.ok && dup.issues.map((i) => i.code)).toEqual(["profile.duplicate_id"]);
    const bad = importProfilesJson(JSON.stringify([SAGE, { ...LINES, level: "page" }]));
    expect(!bad.ok && bad.issues.map((i) => i.params.field)).toEqual(["[1].level"]);
    expect(!importProfilesJson("{").ok).toBe(true);
  });

  it("documents every field", () => {
    expect(exportFieldList().map((f) => f.source)).toEqual(EXPORT_FIELD_NAMES);
  });
});

describe("customCsv", () => {
  it("Sage style: one booking row per invoice and VAT rate, Soll/Haben swapped for a credit, Windows-1252", () => {
    const r = customCsv(INVOICES, SAGE, { customers, accounts: ACCOUNTS });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(iconv.decode(Buffer.from(r.value.bytes), "win1252")).toBe(
      [
        "Belegdatum;BelegNr;Buchungstext;Soll;Haben;Betrag",
        "02.02.2026;RE-1;Müller GmbH;10001;8400;245,14",
        "02.02.2026;RE-1;Müller GmbH;10001;8300;12,84",
        "02.02.2026;RE-2;Müller GmbH;8400;10001;49,03",
        "",
      ].join("\r\n"),
    );
    expect(r.value.rows).toBe(3);
    expect(Buffer.from(r.value.bytes).includes(Buffer.from([0xfc]))).toBe(true);
  });

  it("line level: RFC 4180 quoting, formula guard on texts, negative numbers untouched, UTF-8 with BOM, literal columns", () => {
    const r = customCsv(INVOICES, LINES, { customers });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect([...r.value.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.value.text).toBe(
      [
        "Beleg,Zeile,Text,Menge,Preis,Netto,USt,Von,Korrigiert,Mandant",
        "RE-1,1,Cloud-Lizenz,10,20.60,206.00,19,2026-02-01,,01",
        "RE-1,2,'=Handbuch; Teil 1,1,12.00,12.00,7,2026-02-01,,01",
        "RE-2,1,Cloud-Lizenz,-2,20.60,-41.20,19,2026-02-01,RE-0,01",
        "",
      ].join("\r\n"),
    );
  });

  it("invoice level with ; as delimiter quotes a text holding it; no header row when switched off", () => {
    const profile: ExportProfile = { ...LINES, id: "kopf", level: "invoice", delimiter: ";", decimal: ",", dateFormat: "DDMM", encoding: "utf-8", headerRow: false, columns: [
      { source: "invoice_ref", header: "Nr" }, { source: "document_title", header: "Art" }, { source: "corrects_refs", header: "Zu" },
      { source: "customer_vat_id", header: "USt-Id" }, { source: "invoice_date", header: "Datum" }, { source: "invoice_service_to", header: "Bis" },
      { source: "gross_total", header: "Brutto" }, { source: "literal", header: "Text", value: "a;b" },
    ] };
    const r = customCsv(INVOICES, profile, { customers });
    expect(r.ok && r.value.text).toBe(["RE-1;Rechnung;;DE111111111;0202;2802;257,98;\"a;b\"", "RE-2;Rechnungskorrektur;RE-0;DE111111111;0202;2802;-49,03;\"a;b\"", ""].join("\r\n"));
  });

  it("a cancellation's document_title is Stornorechnung", () => {
    const profile: ExportProfile = { ...LINES, id: "titel", level: "invoice", columns: [{ source: "invoice_ref", header: "Nr" }, { source: "document_title", header: "Art" }] };
    const storno = { ...INVOICES[1]!, invoiceRef: "RE-3", cancels: { number: "RE-0", issueDate: "2026-01-02" as const } };
    const r = customCsv([storno], profile, { customers });
    expect(r.ok && r.value.text.split("\r\n")[1]).toBe("RE-3,Stornorechnung");
  });

  it("fails before writing: account fields without account settings, characters outside Windows-1252 per invoice", () => {
    const noAccounts = customCsv(INVOICES, SAGE, { customers });
    expect(!noAccounts.ok && noAccounts.issues.map((i) => i.code)).toEqual(["export.accounts_needed"]);
    const pl: Customer = { no: "10002", name: "Łódź Sp. z o.o." };
    const other = buildInvoice({ invoiceRef: "RE-3", runId: "r", invoiceDate: "2026-02-02", customer: pl }, [line()]);
    const r = customCsv([...INVOICES, other], SAGE, { customers: new Map([[K1.no, K1], [pl.no, pl]]), accounts: { ...ACCOUNTS, defaultDebtor: "19999" } });
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.invoice, i.params.chars])).toEqual([["export.unencodable_blocked", "RE-3", "Ł ź"]]);
  });

  it("formats dates in every profile format", () => {
    expect(["YYYY-MM-DD", "DD.MM.YYYY", "DD.MM.YY", "DDMMYYYY", "DDMM"].map((f) => formatDate("2026-03-04", f as never))).toEqual(["2026-03-04", "04.03.2026", "04.03.26", "04032026", "0403"]);
  });
});
