import * as iconv from "iconv-lite";
import { formatIssue } from "../../../src/core/messages";
import { parseCreditorSettings } from "../../../src/io/sepa/creditor-settings";
import { type MandateRow, readMandatesCsv, readMandatesTable } from "../../../src/io/sepa/read-mandates";
import { mandateRows, writeMandatesCsv } from "../../../src/io/sepa/write-mandates";
import { readCsvText } from "../../../src/io/table/read-csv";
import { d, deIban } from "../../core/sepa/fixtures";

const TODAY = d("2026-01-09");
const utf8 = (text: string) => new TextEncoder().encode(text);

function rows(text: string): MandateRow[] {
  const r = readMandatesCsv(utf8(text), "mandate.csv", TODAY);
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join("\n"));
  return r.value;
}

function problems(text: string): string[] {
  const r = readMandatesCsv(utf8(text), "mandate.csv", TODAY);
  return r.ok ? [] : r.issues.map((i) => formatIssue(i, "de"));
}

describe("mandates CSV", () => {
  it("reads the documented columns, any order, `;` or `,`, with defaults", () => {
    const read = rows(
      "Customer_No;Mandate_Ref;Signature_Date;IBAN;BIC;Scheme;Debtor_Name;Last_Collection_Date;Net_Credits\r\n" +
        "K1;MND-1;15.03.2024;de89 3704 0044 0532 0130 00;cobadeffxxx;b2b;Müller GmbH;2025-12-01;ja\r\n" +
        "\r\n" +
        "K2;MND-2;2025-06-01;DE89370400440532013000;;;Kunde Zwei;;\r\n",
    );
    expect(read).toEqual([
      {
        source: "mandate.csv", row: 2,
        mandate: { customerNo: "K1", mandateRef: "MND-1", signatureDate: "2024-03-15", iban: "DE89370400440532013000", bic: "COBADEFFXXX", scheme: "B2B", debtorName: "Müller GmbH", lastCollectionDate: "2025-12-01" },
        debtor: { paymentMethod: "direct_debit", netCredits: true },
      },
      {
        source: "mandate.csv", row: 4,
        mandate: { customerNo: "K2", mandateRef: "MND-2", signatureDate: "2025-06-01", iban: "DE89370400440532013000", scheme: "CORE", debtorName: "Kunde Zwei" },
        debtor: { paymentMethod: "direct_debit" },
      },
    ]);
    const comma = rows("debtor_name,iban,customer_no,signature_date,mandate_ref,payment_method\nA,DE89370400440532013000,K1,2025-01-01,M1,transfer\n");
    expect(comma[0]!.debtor).toEqual({ paymentMethod: "transfer" });
  });

  it("reads Windows-1252 files as German Excel writes them", () => {
    const bytes = new Uint8Array(iconv.encode("customer_no;mandate_ref;signature_date;iban;debtor_name\r\nK1;M1;01.02.2025;DE89370400440532013000;Bäckerei Schröder\r\n", "win1252"));
    const r = readMandatesCsv(bytes, "mandate.csv", TODAY);
    expect(r.ok && r.value[0]!.mandate.debtorName).toBe("Bäckerei Schröder");
  });

  it("reads an amendment and a revocation", () => {
    const [row] = rows(
      "customer_no;mandate_ref;signature_date;iban;debtor_name;changed_on;previous_mandate_ref;previous_iban;revoked_on\n" +
        `K1;MND-NEU;2024-01-01;${deIban("12030000", 1)};A;2025-11-01;MND-ALT;${deIban("37040044", 1)};2026-06-30\n`,
    );
    expect(row!.mandate).toMatchObject({ amendments: [{ changedOn: "2025-11-01", previousMandateRef: "MND-ALT", previousIban: deIban("37040044", 1) }], revokedOn: "2026-06-30" });
  });

  it("names every bad cell by file, row and column and reads nothing (all or nothing)", () => {
    const text =
      "customer_no;mandate_ref;signature_date;iban;bic;scheme;debtor_name\n" +
      "K1;MND-1;2025-01-01;DE89370400440532013000;;;Gut\n" +
      "K2;MND 2;2025-13-01;DE88370400440532013000;XX;COR1;\n" +
      "K3;MND-3;2027-01-01;TR330006100519786457841326;;;Drei\n";
    expect(problems(text)).toEqual([
      "mandate.csv, Zeile 3, Spalte „signature_date (C)“: „2025-13-01“ ist kein gültiges Datum (erwartet JJJJ-MM-TT oder TT.MM.JJJJ).",
      "mandate.csv, Zeile 3, Spalte „scheme (F)“: „COR1“ ist nicht erlaubt (erlaubt: core, b2b).",
      "mandate.csv, Zeile 3, Spalte „debtor_name (G)“: Pflichtfeld ist leer.",
      "mandate.csv, Zeile 3, Spalte „mandate_ref (B)“: Mandatsreferenz „MND 2“ enthält unzulässige Zeichen (␣); erlaubt sind A–Z, a–z, 0–9 und + ? / - : ( ) . , ' ohne Leerzeichen.",
      "mandate.csv, Zeile 3, Spalte „iban (D)“: IBAN „DE88370400440532013000“: die Prüfziffern stimmen nicht (Tippfehler?).",
      "mandate.csv, Zeile 3, Spalte „bic (E)“: „XX“ ist keine BIC (8 oder 11 Zeichen, z. B. COBADEFFXXX).",
      "mandate.csv, Zeile 4, Spalte „iban (D)“: IBAN „TR330006100519786457841326“: TR gehört nicht zum SEPA-Raum; per SEPA-Lastschrift lässt sich davon nicht einziehen.",
      "mandate.csv, Zeile 4, Spalte „signature_date (C)“: Mandat MND-3 (Kunde K3): das Unterschriftsdatum 01.01.2027 liegt in der Zukunft.",
    ]);
  });

  it("rejects a customer or a mandate reference given twice (case does not count)", () => {
    const text = "customer_no;mandate_ref;signature_date;iban;debtor_name\nK1;MND-1;2025-01-01;DE89370400440532013000;A\nK1;MND-2;2025-01-01;DE89370400440532013000;A\nK2;mnd-1;2025-01-01;DE89370400440532013000;B\n";
    expect(problems(text)).toEqual([
      "mandate.csv, Zeile 3, Spalte „customer_no (A)“: Kunde K1 hat schon in Zeile 2 ein Mandat; je Kunde gilt ein Mandat.",
      "mandate.csv, Zeile 4, Spalte „mandate_ref (B)“: Mandatsreferenz mnd-1 steht schon in Zeile 2 (Groß-/Kleinschreibung zählt nicht).",
    ]);
  });

  it("rejects incomplete or empty amendments and dates out of order", () => {
    const text =
      "customer_no;mandate_ref;signature_date;iban;debtor_name;changed_on;previous_mandate_ref;previous_iban;last_collection_date\n" +
      "K1;M1;2025-01-01;DE89370400440532013000;A;2025-02-01;;;\n" +
      "K2;M2;2025-01-01;DE89370400440532013000;A;;M0;;\n" +
      "K3;M3;2025-01-01;DE89370400440532013000;A;2025-02-01;m3;;\n" +
      "K4;M4;2025-01-01;DE89370400440532013000;A;2024-02-01;M0;;2024-12-31\n";
    expect(problems(text).map((p) => p.replace(/:.*$/, "").replace(/^mandate.csv, /, "") + " " + (/sepa|Änderung|Unterschrift|früher|Mandatsänderung/.test(p) ? "✓" : p))).toEqual([
      "Zeile 2, Spalte „previous_mandate_ref (G)“ ✓",
      "Zeile 3, Spalte „changed_on (F)“ ✓",
      "Zeile 4, Spalte „previous_mandate_ref (G)“ ✓",
      "Zeile 5, Spalte „last_collection_date (I)“ ✓",
      "Zeile 5, Spalte „changed_on (F)“ ✓",
    ]);
  });

  it("names missing columns", () => {
    expect(problems("customer_no;iban\nK1;DE89370400440532013000\n")).toEqual([
      "mandate.csv, Zeile 1, Spalte „mandate_ref“: Spalte „mandate_ref“ fehlt.",
      "mandate.csv, Zeile 1, Spalte „signature_date“: Spalte „signature_date“ fehlt.",
      "mandate.csv, Zeile 1, Spalte „debtor_name“: Spalte „debtor_name“ fehlt.",
    ]);
  });

  it("writes what it reads: the CSV round trip gives the same mandates and settings", () => {
    const text =
      "customer_no;mandate_ref;signature_date;iban;bic;scheme;debtor_name;last_collection_date;changed_on;previous_mandate_ref;previous_iban;revoked_on;payment_method;net_credits\n" +
      `K2;MND-2;2025-06-01;${deIban("12030000", 2)};;B2B;"Zwei; und Co";;2025-11-01;MND-1;${deIban("37040044", 2)};;direct_debit;no\n` +
      "K1;+MND-1;2024-03-15;DE89370400440532013000;COBADEFFXXX;CORE;=Formel GmbH;2025-12-01;;;;2026-12-31;transfer;\n";
    const first = rows(text);
    const csv = writeMandatesCsv(first.map((r) => r.mandate), new Map(first.map((r) => [r.mandate.customerNo, r.debtor])));
    const again = rows(csv);
    const strip = (list: MandateRow[]) => list.map((r) => ({ mandate: r.mandate, debtor: r.debtor })).sort((a, b) => (a.mandate.customerNo < b.mandate.customerNo ? -1 : 1));
    expect(strip(again)).toEqual(strip(first));
    expect(mandateRows(first.map((r) => r.mandate), new Map())[1]![3]).toBe("DE89 3704 0044 0532 0130 00");
  });

  it("reads a sheet's table the same way", () => {
    const table = readCsvText("customer_no,mandate_ref,signature_date,iban,debtor_name\nK1,M1,2025-01-01,DE89370400440532013000,A\n", "Mandate").table;
    const r = readMandatesTable(table, TODAY);
    expect(r.ok && r.value.map((x) => [x.source, x.row, x.mandate.customerNo])).toEqual([["Mandate", 2, "K1"]]);
  });
});

describe("direct debit settings (JSON)", () => {
  it("reads and normalises them", () => {
    const r = parseCreditorSettings(JSON.stringify({ name: "Systemhaus GmbH", iban: "de89 3704 0044 0532 0130 00", creditorId: "de98zzz09999999999", bic: "cobadeffxxx", leadDays: 2, batchBooking: true, firstSequenceType: "RCUR" }));
    expect(r).toEqual({ ok: true, value: { name: "Systemhaus GmbH", iban: "DE89370400440532013000", creditorId: "DE98ZZZ09999999999", bic: "COBADEFFXXX", firstSequenceType: "RCUR", leadDays: 2, batchBooking: true } });
  });

  it("names every problem", () => {
    const r = parseCreditorSettings(JSON.stringify({ name: "X", iban: "DE88370400440532013000", creditorId: "DE97ZZZ09999999999", leadDays: 0, colour: "red" }));
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["sepa.settings.field_unknown", "sepa.settings.field_invalid"]);
    const r2 = parseCreditorSettings(JSON.stringify({ name: "X", iban: "DE88370400440532013000", creditorId: "DE97ZZZ09999999999" }));
    expect(r2.ok ? [] : r2.issues.map((i) => i.code)).toEqual(["sepa.iban_checksum", "sepa.creditor_id_checksum"]);
    expect(parseCreditorSettings("{").ok).toBe(false);
  });
});
