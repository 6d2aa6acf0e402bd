import { unzipSync, zipSync, strToU8 } from "fflate";
import { readXlsx } from "../../src/io/table/read-xlsx";
import { writeXlsxSheet } from "../../src/io/table/write-xlsx";
it("x", async () => {
  const good = await writeXlsxSheet("Abgleich", [["a", "b"], ["x", { number: "1.5" }]]);
  const files = unzipSync(good);
  console.log(Object.keys(files).join(" "), new TextDecoder().decode(files["xl/worksheets/sheet1.xml"]).slice(0, 600));
  const variants: Record<string, (f: Record<string, Uint8Array>) => void> = {
    garbageSheet: (f) => { f["xl/worksheets/sheet1.xml"] = strToU8("garbage <<< >>"); },
    badSharedIndex: (f) => { f["xl/worksheets/sheet1.xml"] = strToU8(new TextDecoder().decode(f["xl/worksheets/sheet1.xml"]).replace(/<v>0<\/v>/, "<v>99999</v>")); },
    noShared: (f) => { delete f["xl/sharedStrings.xml"]; },
    noWorkbook: (f) => { delete f["xl/workbook.xml"]; },
    badStyles: (f) => { f["xl/styles.xml"] = strToU8("<styleSheet><numFmts><numFmt/></numFmts><cellXfs><xf numFmtId='x'/></cellXfs>"); },
    noTypes: (f) => { delete f["[Content_Types].xml"]; },
    badRels: (f) => { f["xl/_rels/workbook.xml.rels"] = strToU8("<<"); },
    badRowNumber: (f) => { f["xl/worksheets/sheet1.xml"] = strToU8(new TextDecoder().decode(f["xl/worksheets/sheet1.xml"]).replace(/r="2"/, 'r="-5"')); },
    hugeRow: (f) => { f["xl/worksheets/sheet1.xml"] = strToU8(new TextDecoder().decode(f["xl/worksheets/sheet1.xml"]).replace(/<row r="2"/, '<row r="2000000"')); },
    badCellRef: (f) => { f["xl/worksheets/sheet1.xml"] = strToU8(new TextDecoder().decode(f["xl/worksheets/sheet1.xml"]).replace(/r="A2"/, 'r="ZZZZZZZZZZ2"')); },
  };
  for (const [name, mutate] of Object.entries(variants)) {
    const f = unzipSync(good); mutate(f);
    const t = Date.now();
    try { const r = await readXlsx(zipSync(f), { source: "r.xlsx", stallMs: 3000 }); console.log(name, Date.now() - t, r.table.rows.length, JSON.stringify(r.issues).slice(0, 300)); }
    catch (e) { console.log(name, "THROW", String(e)); }
  }
}, 60000);
