import { XMLParser } from "fast-xml-parser";
import iconv from "iconv-lite";
import Papa from "papaparse";
import type { AuditTable, GdpduOptions } from "../../../src/io/audit-export/audit-table";
import { writeGdpduExport } from "../../../src/io/audit-export/write-gdpdu";
import { checkWellFormed } from "../../support/xml-schema";

const INVOICES: AuditTable = {
  fileName: "rechnungen.csv",
  name: "Rechnungen",
  description: "Rechnungsköpfe",
  primaryKeyColumns: 1,
  foreignKeys: [],
  validity: { from: "2026-01-01", to: "2026-12-31" },
  columns: [
    { name: "invoice_ref", type: { kind: "text" } },
    { name: "customer_name", description: "Kunde", type: { kind: "text" } },
    { name: "invoice_date", type: { kind: "date" } },
    { name: "net_total", type: { kind: "numeric", decimals: 2 } },
    { name: "gross_total", type: { kind: "numeric", decimals: 2 } },
  ],
  rows: [
    ["RE-1", "Müller \"Bau\" GmbH; Ost", "2026-03-31", "1234.5", "1469.06"],
    ["RE-2", "=HYPERLINK(1)", "2026-04-01", "-12.5", "-14.88"],
    ["RE-3", "Zeile 1\nZeile 2", "2026-04-02", "0", null],
  ],
};

const LINES: AuditTable = {
  fileName: "positionen.csv",
  name: "Positionen",
  primaryKeyColumns: 2,
  foreignKeys: [{ columns: ["invoice_ref"], references: "Rechnungen" }],
  columns: [
    { name: "invoice_ref", type: { kind: "text" } },
    { name: "line_no", type: { kind: "numeric", decimals: 0 } },
    { name: "quantity", type: { kind: "numeric", decimals: 4 } },
    { name: "net_amount", type: { kind: "numeric", decimals: 2 } },
  ],
  rows: [
    ["RE-1", "1", "2.5", "1234.50"],
    ["RE-2", "1", "0.0001", "-12.5"],
  ],
};

const OPTIONS: GdpduOptions = { mediaName: "Rechnungsdaten 2026", dataSupplier: { name: "Muster IT Service GmbH", location: "Berlin", comment: "Export für die Außenprüfung" } };

function files(tables: AuditTable[], opts = OPTIONS) {
  const r = writeGdpduExport(tables, opts);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return new Map(r.value.files.map((f) => [f.name, f.bytes]));
}

describe("GDPdU CSV files", () => {
  const out = files([INVOICES, LINES]);

  it("returns the CSVs and index.xml", () => {
    expect([...out.keys()]).toEqual(["rechnungen.csv", "positionen.csv", "index.xml"]);
  });

  it("writes Windows-1252, ';', CRLF, quoted text, decimal comma with the column's decimals, DD.MM.YYYY", () => {
    const bytes = out.get("rechnungen.csv")!;
    expect([...bytes].includes(0xfc)).toBe(true); // ü in Windows-1252
    expect(iconv.decode(Buffer.from(bytes), "win1252")).toBe(
      [
        '"invoice_ref";"customer_name";"invoice_date";"net_total";"gross_total"',
        '"RE-1";"Müller ""Bau"" GmbH; Ost";31.03.2026;1234,50;1469,06',
        "\"RE-2\";\"'=HYPERLINK(1)\";01.04.2026;-12,50;-14,88",
        '"RE-3";"Zeile 1 Zeile 2";02.04.2026;0,00;',
        "",
      ].join("\r\n"),
    );
    expect(iconv.decode(Buffer.from(out.get("positionen.csv")!), "win1252")).toBe(
      ['"invoice_ref";"line_no";"quantity";"net_amount"', '"RE-1";1;2,5000;1234,50', '"RE-2";1;0,0001;-12,50', ""].join("\r\n"),
    );
  });

  it("reads back as the same values with the description's delimiter and encapsulator", () => {
    const text = iconv.decode(Buffer.from(out.get("rechnungen.csv")!), "win1252");
    const parsed = Papa.parse<string[]>(text, { delimiter: ";", quoteChar: '"', newline: "\r\n", skipEmptyLines: true }).data;
    expect(parsed[1]).toEqual(["RE-1", 'Müller "Bau" GmbH; Ost', "31.03.2026", "1234,50", "1469,06"]);
    expect(parsed).toHaveLength(4);
  });
});

type Ordered = Record<string, unknown>[];
const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false, trimValues: true });
const tagOf = (n: Record<string, unknown>): string => Object.keys(n).find((k) => k !== ":@")!;
const children = (n: Record<string, unknown>): Ordered => (n[tagOf(n)] as Ordered).filter((c) => tagOf(c) !== "#text");
const textOf = (n: Record<string, unknown>): string => String(((n[tagOf(n)] as Ordered)[0] ?? {})["#text"] ?? "");

/**
 * The content models of gdpdu-01-08-2002.dtd for the elements we write, as regular expressions over
 * the child element names (our reading of the published DTD; no npm package ships the DTD itself,
 * so xmllint cannot validate against it here).
 */
const CONTENT: Record<string, RegExp> = {
  DataSet: /^Version (DataSupplier )?(Command )*(Media )+(Command )*$/,
  DataSupplier: /^Name Location Comment $/,
  Media: /^Name (Command )*(Table )+(Command )*$/,
  Table: /^URL (Name )?(Description )?(Validity )?((UTF16|UTF7|UTF8|ANSI|Macintosh|OEM) )?(DecimalSymbol DigitGroupingSymbol )?(SkipNumBytes )?(Range )?(Epoch )?(VariableLength |FixedLength )$/,
  Validity: /^Range (Format )?$/,
  Range: /^From ((To|Length) )?$/,
  VariableLength: /^(ColumnDelimiter )?(RecordDelimiter )?(TextEncapsulator )?((VariablePrimaryKey )+(VariableColumn )*|(VariableColumn )+)(ForeignKey )*$/,
  VariablePrimaryKey: /^Name (Description )?(Numeric |AlphaNumeric (MaxLength )?|Date )(Map )*$/,
  VariableColumn: /^Name (Description )?(Numeric |AlphaNumeric (MaxLength )?|Date )(Map )*$/,
  Numeric: /^((ImpliedAccuracy|Accuracy) )?$/,
  Date: /^(Format )?$/,
  AlphaNumeric: /^$/,
  UTF8: /^$/,
  ForeignKey: /^(Name )+References (Alias )*$/,
};

function checkStructure(node: Record<string, unknown>, path: string, errors: string[]): void {
  const tag = tagOf(node);
  const kids = children(node);
  const model = CONTENT[tag];
  if (model && !model.test(kids.map((k) => `${tagOf(k)} `).join(""))) errors.push(`${path}/${tag}: ${kids.map(tagOf).join(", ")}`);
  kids.forEach((k) => checkStructure(k, `${path}/${tag}`, errors));
}

describe("index.xml", () => {
  const xml = new TextDecoder().decode(files([INVOICES, LINES]).get("index.xml")!);

  it("is well-formed, refers to the DTD and follows the DTD's content models", async () => {
    expect((await checkWellFormed(xml)).errors).toEqual([]);
    expect(xml).toContain('<!DOCTYPE DataSet SYSTEM "gdpdu-01-08-2002.dtd">');
    const doc = orderedParser.parse(xml) as Ordered;
    const root = doc.find((n) => tagOf(n) === "DataSet")!;
    const errors: string[] = [];
    checkStructure(root, "", errors);
    expect(errors).toEqual([]);
  });

  it("the structure check rejects a misordered Table", () => {
    const bad = xml.replace("<DecimalSymbol>,</DecimalSymbol>", "").replace("<URL>rechnungen.csv</URL>", "<URL>rechnungen.csv</URL><DecimalSymbol>,</DecimalSymbol>");
    const errors: string[] = [];
    checkStructure((orderedParser.parse(bad) as Ordered).find((n) => tagOf(n) === "DataSet")!, "", errors);
    expect(errors).toEqual(["/DataSet/Media/Table: URL, DecimalSymbol, Name, Description, Validity, DigitGroupingSymbol, Range, VariableLength"]);
  });

  it("describes every file, column type, accuracy, date format, keys and the header row to skip", () => {
    const doc = orderedParser.parse(xml) as Ordered;
    const media = children(doc.find((n) => tagOf(n) === "DataSet")!).find((n) => tagOf(n) === "Media")!;
    const tables = children(media).filter((n) => tagOf(n) === "Table");
    const describe = (t: Record<string, unknown>) => {
      const kids = children(t);
      const vl = kids.find((k) => tagOf(k) === "VariableLength")!;
      return {
        url: textOf(kids.find((k) => tagOf(k) === "URL")!),
        skipFrom: textOf(children(kids.find((k) => tagOf(k) === "Range")!)[0]!),
        columns: children(vl)
          .filter((k) => tagOf(k).startsWith("Variable"))
          .map((c) => {
            const parts = children(c);
            const type = parts.find((p) => ["Numeric", "AlphaNumeric", "Date"].includes(tagOf(p)))!;
            const detail = children(type)[0];
            return `${tagOf(c) === "VariablePrimaryKey" ? "PK " : ""}${textOf(parts[0]!)}:${tagOf(type)}${detail ? `(${textOf(detail)})` : ""}`;
          }),
        foreignKeys: children(vl).filter((k) => tagOf(k) === "ForeignKey").map((k) => children(k).map(textOf).join("→")),
      };
    };
    expect(tables.map(describe)).toEqual([
      { url: "rechnungen.csv", skipFrom: "2", columns: ["PK invoice_ref:AlphaNumeric", "customer_name:AlphaNumeric", "invoice_date:Date(DD.MM.YYYY)", "net_total:Numeric(2)", "gross_total:Numeric(2)"], foreignKeys: [] },
      { url: "positionen.csv", skipFrom: "2", columns: ["PK invoice_ref:AlphaNumeric", "PK line_no:Numeric(0)", "quantity:Numeric(4)", "net_amount:Numeric(2)"], foreignKeys: ["invoice_ref→Rechnungen"] },
    ]);
    expect(xml).toContain("<Validity><Range><From>01.01.2026</From><To>31.12.2026</To></Range><Format>DD.MM.YYYY</Format></Validity>");
    expect(xml).toContain("<RecordDelimiter>&#13;&#10;</RecordDelimiter>");
    expect(xml).toContain("<DataSupplier><Name>Muster IT Service GmbH</Name><Location>Berlin</Location><Comment>Export für die Außenprüfung</Comment></DataSupplier>");
    expect(xml).not.toContain("<UTF8/>");
  });

  it("declares UTF-8 when asked and then writes any character", () => {
    const t: AuditTable = { ...INVOICES, rows: [["RE-9", "Łódź Sp. z o.o.", "2026-01-05", "1", "1.19"]] };
    const out = files([t], { ...OPTIONS, encoding: "utf-8" });
    expect(new TextDecoder().decode(out.get("index.xml")!)).toContain("<UTF8/>");
    expect(new TextDecoder().decode(out.get("rechnungen.csv")!)).toContain('"Łódź Sp. z o.o."');
  });
});

describe("bad input names table, row and column; nothing is written", () => {
  const fail = (tables: AuditTable[], encoding?: "utf-8") => {
    const r = writeGdpduExport(tables, { ...OPTIONS, ...(encoding ? { encoding } : {}) });
    if (r.ok) throw new Error("expected failure");
    return r.issues.map((i) => [i.code, i.params.table, i.params.row, i.params.column, i.params.chars ?? i.params.value ?? i.params.detail]);
  };

  it("a character Windows-1252 lacks", () => {
    expect(fail([{ ...INVOICES, rows: [["RE-9", "Łódź", "2026-01-05", "1", "1"]] }])).toEqual([["audit.unencodable", "Rechnungen", 2, "customer_name", "Ł ź"]]);
  });

  it("values that do not fit their column", () => {
    expect(fail([{ ...INVOICES, rows: [["RE-9", "X", "05.01.2026", "1.234", "1,5"]] }])).toEqual([
      ["audit.bad_value", "Rechnungen", 2, "invoice_date", "05.01.2026"],
      ["audit.bad_value", "Rechnungen", 2, "net_total", "1.234"],
      ["audit.bad_value", "Rechnungen", 2, "gross_total", "1,5"],
    ]);
  });

  it("a row of the wrong length", () => {
    expect(fail([{ ...INVOICES, rows: [["RE-9", "X"]] }])).toEqual([["audit.row_length", "Rechnungen", 2, undefined, undefined]]);
  });

  it("bad table definitions", () => {
    expect(fail([{ ...INVOICES, fileName: "../x.csv" }, { ...LINES, foreignKeys: [{ columns: ["nope"], references: "Kunden" }] }])).toEqual([
      ["audit.bad_table", "Rechnungen", undefined, undefined, 'file name "../x.csv" must be a plain relative .csv name'],
      ["audit.bad_table", "Positionen", undefined, undefined, "foreign key column nope does not exist"],
      ["audit.bad_table", "Positionen", undefined, undefined, "foreign key references unknown table Kunden"],
    ]);
  });
});
