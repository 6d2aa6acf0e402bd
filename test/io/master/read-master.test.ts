import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatIssue } from "../../../src/core/messages";
import { readMasterTables } from "../../../src/io/master/read-master";
import { readCsvText } from "../../../src/io/table/read-csv";
import { canonicalColumn } from "../../../src/io/table/sheet-vocabulary";
import { CONTRACT_VOCABULARY } from "../../../src/io/sheets/master-words";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, MAPPINGS_CSV } from "../../support/fixtures";

const table = (name: string, text: string) => readCsvText(text, name).table;

describe("readMasterTables", () => {
  it("recognises the three files by header and reads German numbers and dates", () => {
    const r = readMasterTables([table("c.csv", CONTRACTS_CSV_DE), table("a.csv", ARTICLES_CSV), table("m.csv", MAPPINGS_CSV)]);
    expect(r.issues).toEqual([]);
    expect(r.kinds).toEqual(["contracts", "articles", "mappings"]);
    expect(r.input.contracts).toHaveLength(4);
    const second = r.input.contracts[1]!;
    expect(second.validFrom).toBe("2026-03-15");
    expect(second.state.unitPrice).toBe("20.6");
    expect(second.contract).toEqual({ no: "V-1001", customerNo: "10001", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01" });
    // empty valid_from defaults to the contract start, empty discount to 0
    expect(r.input.contracts[2]!.validFrom).toBe("2026-01-01");
    expect(r.input.contracts[3]!.contract.end).toBe("2026-12-31");
    expect(r.input.articles.find((a) => a.article.no === "BOOK")!.article.vatPct).toBe("7");
    expect(r.input.mappings[2]).toMatchObject({ kind: "article", mappingSource: "*", externalId: "0001", internalNo: "BOOK" });
  });

  it("reads the pane's German Verträge and Artikel sheets saved as CSV (headers and words), and names their columns as the file does", () => {
    const contracts = "Kundennummer;Kundenname;Vertragsnummer;Vertragsart;Abrechnungsintervall;Abrechnungsweise;Vertragsbeginn;Position;Artikelnummer;Menge;Einzelpreis;Gültig ab;Korrektur\n10001;Müller GmbH;V-1;Lizenz;vierteljährlich;nachträglich;01.01.2026;1;M365-BP;10;20,60;01.01.2026;ja\n";
    const articles = "Artikelnummer;Beschreibung;Einzelpreis;USt %;Einheit\nM365-BP;Microsoft 365 Business Premium;20,60;19;Lizenz\n";
    const r = readMasterTables([table("vertraege.csv", contracts), table("artikel.csv", articles)]);
    expect(r.issues).toEqual([]);
    expect(r.kinds).toEqual(["contracts", "articles"]);
    expect(r.input.contracts[0]).toMatchObject({ contract: { no: "V-1", type: "license", interval: "quarterly", mode: "arrears", start: "2026-01-01" }, validFrom: "2026-01-01", correction: true });
    expect(r.input.articles[0]!.article).toMatchObject({ no: "M365-BP", unitPrice: "20.6", vatPct: "19", unit: "Lizenz" });
    const bad = readMasterTables([table("vertraege.csv", contracts.replace(";10;20,60;", ";zehn;20,60;"))]);
    expect(bad.issues.map((i) => formatIssue(i, "de"))).toEqual(["vertraege.csv, Zeile 2, Spalte „Menge (J)“: „zehn“ ist keine gültige Zahl."]);
  });

  it("reads 1.000 in a German Excel file (decimal comma elsewhere) as one thousand, and 1,000 in a decimal-point file too", () => {
    // German Excel: `;`, decimal comma; "1.000" seats were read as 1 (a thousandfold under-billing).
    const de = "customer_no;contract_no;contract_start;position_no;article_no;quantity;unit_price\n1;V-1;01.10.2026;1;A;1.000;20,60\n1;V-1;01.10.2026;2;B;2;1.500\n";
    const r = readMasterTables([table("de.csv", de)]);
    expect(r.issues).toEqual([]);
    expect(r.input.contracts.map((c) => [c.state.quantity, c.state.unitPrice])).toEqual([["1000", "20.6"], ["2", "1500"]]);
    const en = 'customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price\n1,V-1,2026-10-01,1,A,"1,000",20.60\n';
    expect(readMasterTables([table("en.csv", en)]).input.contracts[0]!.state.quantity).toBe("1000");
    // 0.008 and 1.234,50 read one way only; articles look at their own price columns
    const art = "article_no;description;unit_price;vat_pct\nCL;Klick;0,008;19\nX;Teuer;1.234,50;19\nY;Mittel;2.500;19\n";
    expect(readMasterTables([table("a.csv", art)]).input.articles.map((a) => a.article.unitPrice)).toEqual(["0.008", "1234.5", "2500"]);
  });

  it("warns, naming row and column, when a file shows no decimal separator but holds 1.000, and imports the row as read so far", () => {
    const csv = "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price\n1,V-1,2026-10-01,1,A,1.000,20\n";
    const r = readMasterTables([table("x.csv", csv)]);
    expect(r.issues.map((i) => [i.code, i.severity, i.where?.row, i.where?.column, i.params.read, i.params.other])).toEqual([["parse.ambiguous_number", "warning", 2, "quantity (F)", "1", "1000"]]);
    expect(r.input.contracts.map((c) => c.state.quantity)).toEqual(["1"]);
    expect(formatIssue(r.issues[0]!, "de")).toContain("„1.000“ ist mehrdeutig");
  });

  it("applies the defaults of §6.2 when optional columns are missing", () => {
    const csv = "contract_no,position_no,customer_no,contract_start,article_no,quantity,unit_price\nV-9,1,9,2026-05-01,X,2,3.5\n";
    const r = readMasterTables([table("min.csv", csv)]);
    expect(r.issues).toEqual([]);
    const row = r.input.contracts[0]!;
    expect(row.contract).toMatchObject({ type: "license", interval: "monthly", mode: "advance" });
    expect(row.state).toMatchObject({ discountPct: "0", vatPct: "19" });
    expect(row.validFrom).toBe("2026-05-01");
  });

  it.each([
    ["valid_from", "31.02.2026", "P", "parse.invalid_date"],
    ["quantity", "zehn", "L", "parse.invalid_number"],
    ["quantity", "-1", "L", "parse.negative_not_allowed"],
    ["discount_pct", "120", "N", "parse.percent_range"],
    ["billing_interval", "weekly", "E", "parse.invalid_choice"],
    ["position_no", "1.5", "I", "parse.invalid_integer"],
  ])("names row and column of a bad %s (%s)", (column, value, letter, code) => {
    const lines = CONTRACTS_CSV_DE.split("\r\n");
    const header = lines[0]!.split(";");
    const cells = lines[2]!.split(";");
    cells[header.indexOf(column)] = value;
    lines[2] = cells.join(";");
    const r = readMasterTables([table("contracts.csv", lines.join("\n"))]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code, where: { source: "contracts.csv", row: 3, column: `${column} (${letter})` } });
  });

  it("reports missing required columns and unknown files", () => {
    const r = readMasterTables([table("x.csv", "contract_no,position_no\nV,1\n"), table("y.csv", "foo,bar\n1,2\n")]);
    expect(r.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["csv.missing_column", "csv.unknown_file_kind"]));
    expect(r.issues.find((i) => i.code === "csv.unknown_file_kind")!.where).toMatchObject({ source: "y.csv", row: 1 });
  });

  it("a distributor's billing file given as master data is named as such, with where it belongs", () => {
    const nce = readFileSync(join(__dirname, "../../../samples/nce-2026-10.csv"), "utf8");
    const r = readMasterTables([table("nce-2026-10.csv", nce)]);
    expect(r.issues.map((i) => formatIssue(i))).toEqual([
      expect.stringMatching(/^nce-2026-10\.csv, row 1: This is a distributor's billing file \(Microsoft .*\), not master data: it is read by reconciliation \(task pane: Reconcile; command line: reconcile --file FILE --period YYYY-MM\)\.$/),
    ]);
  });

  it("reads back text that an export neutralised against formulas", () => {
    const csv = "article_no,description,unit_price\nA1,'=SUM(1),1\n";
    expect(readMasterTables([table("a.csv", csv)]).input.articles[0]!.article.description).toBe("=SUM(1)");
  });
});

describe("customer columns for e-invoices", () => {
  const HEADER = "customer_no,customer_name,contract_no,contract_start,position_no,article_no,quantity,unit_price,customer_street,customer_postcode,customer_city,customer_country,customer_email,buyer_reference,einvoice_format,payment_means,sepa_mandate_ref,sepa_debtor_iban,vat_exemption_reason";
  const ROW = "K-3,Stadt Musterhausen,V-3,2026-01-01,1,X,1,10,Rathausplatz 1,12345,Musterhausen,de,rechnung@musterhausen.de,991-12345-67,XRechnung-UBL,direct_debit,M-7,DE89 3704 0044 0532 0130 00,";

  it("reads them into the customer (country upper case, IBAN without spaces)", () => {
    const r = readMasterTables([table("c.csv", `${HEADER}\n${ROW}\n`)]);
    expect(r.issues).toEqual([]);
    expect(r.input.contracts[0]!.customer).toEqual({
      no: "K-3", name: "Stadt Musterhausen", street: "Rathausplatz 1", postcode: "12345", city: "Musterhausen", countryCode: "DE",
      email: "rechnung@musterhausen.de", buyerReference: "991-12345-67", einvoiceFormat: "xrechnung-ubl", paymentMeans: "direct_debit",
      sepaMandateRef: "M-7", sepaDebtorIban: "DE89370400440532013000",
    });
  });

  it("names the cell of a bad country, format or payment means", () => {
    const bad = ROW.replace(",de,", ",Deutschland,").replace("XRechnung-UBL", "pdf").replace("direct_debit", "cash");
    const r = readMasterTables([table("c.csv", `${HEADER}\n${bad}\n`)]);
    expect(r.issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([
      ["parse.invalid_country", 2, "customer_country (L)"],
      ["parse.invalid_choice", 2, "einvoice_format (O)"],
      ["parse.invalid_choice", 2, "payment_means (P)"],
    ]);
    expect(r.input.contracts).toEqual([]);
  });

  it("reads the refund account (refund_iban, German sheet: Erstattungskonto (IBAN)) checked as an IBAN, and names the cell of a wrong one", () => {
    const header = "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price,refund_iban";
    const good = readMasterTables([table("c.csv", `${header}\nK-1,V-1,2026-01-01,1,X,1,10,de02 1203 0000 0000 2020 51\n`)]);
    expect(good.issues).toEqual([]);
    expect(good.input.contracts[0]!.customer).toEqual({ no: "K-1", name: "K-1", refundIban: "DE02120300000000202051" });
    const typo = readMasterTables([table("c.csv", `${header}\nK-1,V-1,2026-01-01,1,X,1,10,DE02120300000000202052\n`)]);
    expect(typo.issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([["sepa.iban_checksum", 2, "refund_iban (H)"]]);
    expect(typo.input.contracts).toEqual([]);
    expect(canonicalColumn(CONTRACT_VOCABULARY, "Erstattungskonto (IBAN)")).toBe("refund_iban");
  });

  it("old files without the columns read as before", () => {
    const r = readMasterTables([table("c.csv", "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price\nK-1,V-1,2026-01-01,1,X,1,10\n")]);
    expect(r.input.contracts[0]!.customer).toEqual({ no: "K-1", name: "K-1" });
  });
});

describe("billed_until (contract billed by an earlier system)", () => {
  const HEADER = "customer_no,contract_no,contract_start,position_no,article_no,quantity,unit_price,billed_until";
  const read = (...rows: string[]) => readMasterTables([table("c.csv", `${HEADER}\n${rows.join("\n")}\n`)]);

  it("reads the last day of a month in ISO or German form into the contract; an empty cell gives none", () => {
    const r = read("K-1,V-1,2024-03-01,1,X,1,10,2026-11-30", "K-1,V-2,2024-03-15,1,X,1,10,29.02.2024", "K-1,V-3,2024-03-01,1,X,1,10,");
    expect(r.issues).toEqual([]);
    expect(r.input.contracts.map((c) => c.contract.billedUntil)).toEqual(["2026-11-30", "2024-02-29", undefined]);
    expect("billedUntil" in r.input.contracts[2]!.contract).toBe(false);
  });

  it("names file, row and column of a day that is not a month's last, one before the month before the start, and a bad date", () => {
    const r = read("K-1,V-1,2024-03-01,1,X,1,10,2026-11-15", "K-1,V-2,2024-03-15,1,X,1,10,2024-01-31", "K-1,V-3,2024-03-01,1,X,1,10,30.02.2026");
    expect(r.issues.map((i) => [i.code, i.where?.source, i.where?.row, i.where?.column, i.params])).toEqual([
      ["master.billed_until_not_month_end", "c.csv", 2, "billed_until (H)", { date: "2026-11-15" }],
      ["master.billed_until_before_start", "c.csv", 3, "billed_until (H)", { date: "2024-01-31", start: "2024-03-15", earliest: "2024-02-29" }],
      ["parse.invalid_date", "c.csv", 4, "billed_until (H)", { value: "30.02.2026" }],
    ]);
    expect(r.input.contracts).toEqual([]);
    expect(formatIssue(r.issues[0]!, "en")).toBe('c.csv, row 2, column "billed_until (H)": billed_until 2026-11-15 is not the last day of a month; give the last day of the last month the earlier system billed.');
    expect(formatIssue(r.issues[1]!, "de")).toBe("c.csv, Zeile 3, Spalte „billed_until (H)“: Abgerechnet bis 31.01.2024 liegt vor dem Vertragsbeginn 15.03.2024; frühestens 29.02.2024 (nichts anderswo abgerechnet).");
  });
});
