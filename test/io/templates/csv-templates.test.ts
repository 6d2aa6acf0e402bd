import { hasErrors } from "../../../src/core/issues";
import { readMasterTables } from "../../../src/io/master/read-master";
import { readMeterTable } from "../../../src/io/meters/read-meters";
import { readLinksTable, readPurchaseTable } from "../../../src/io/purchase/read-purchase";
import { readMandatesCsv } from "../../../src/io/sepa/read-mandates";
import { toHeaderTable } from "../../../src/io/table/header-table";
import { readCsvText } from "../../../src/io/table/read-csv";
import { TEMPLATE_KINDS, csvTemplate, csvTemplateFileName } from "../../../src/io/templates/csv-templates";
import { GENERIC_TIME_PROFILE } from "../../../src/io/time/profiles/builtin";
import { readTimeTable } from "../../../src/io/time/read-time";

function table(kind: (typeof TEMPLATE_KINDS)[number]) {
  const read = readCsvText(csvTemplate(kind), csvTemplateFileName(kind));
  expect(read.issues).toEqual([]);
  return read.table;
}

describe("CSV templates: each is read by its import without a finding", () => {
  it("has a header and one example row for each of the eight imports", () => {
    expect(TEMPLATE_KINDS).toHaveLength(8);
    for (const kind of TEMPLATE_KINDS) {
      const lines = csvTemplate(kind).split(/\r?\n/).filter((l) => l !== "");
      expect(lines).toHaveLength(2);
      expect(csvTemplateFileName(kind)).toBe(`template-${kind}.csv`);
    }
  });

  it("master data: contracts, articles, mappings are recognised by header and read cleanly", () => {
    const read = readMasterTables([table("contracts"), table("articles"), table("mappings")]);
    expect(read.issues).toEqual([]);
    expect([...read.kinds].sort()).toEqual(["articles", "contracts", "mappings"]);
    expect([read.input.contracts.length, read.input.articles.length, read.input.mappings.length]).toEqual([1, 1, 1]);
  });

  it("purchase and links", () => {
    const p = readPurchaseTable(table("purchase"));
    expect(p.issues).toEqual([]);
    expect(p.rows).toHaveLength(1);
    const l = readLinksTable(table("links"));
    expect(l.issues).toEqual([]);
    expect(l.rows).toHaveLength(1);
  });

  it("time entries (generic time profile) and meter readings", () => {
    const h = toHeaderTable(table("time"));
    expect(h.issues).toEqual([]);
    const t = readTimeTable(h.table!, GENERIC_TIME_PROFILE);
    expect(hasErrors(t.issues)).toBe(false);
    expect(t.rows).toHaveLength(1);
    const m = readMeterTable(table("meters"));
    expect(m.issues).toEqual([]);
    expect(m.rows).toHaveLength(1);
  });

  it("SEPA mandates", () => {
    const r = readMandatesCsv(new TextEncoder().encode(csvTemplate("mandates")), "template-mandates.csv", "2026-11-01");
    expect(r.ok ? r.value.length : r.issues).toBe(1);
  });
});
