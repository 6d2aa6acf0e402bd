import { formatIssue } from "../../../src/core/messages";
import { readMeterTable } from "../../../src/io/meters/read-meters";
import { readCsvText } from "../../../src/io/table/read-csv";

describe("readMeterTable", () => {
  it("reads the fixed headers in any order with `;`, German dates and thousands separators", () => {
    const csv = "Reading_Date;device_id;customer_no;contract_no;counter_bw;counter_color\n31.03.2026;D1;10003;K-300;10.800;2150\n2026-03-31;D2;10003;K-300;500;\n";
    const { rows, issues } = readMeterTable(readCsvText(csv, "z.csv").table);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.deviceId, r.readingDate, r.counterBw, r.counterColor])).toEqual([["D1", "2026-03-31", 10800, 2150], ["D2", "2026-03-31", 500, 0]]);
  });

  it("bad counters, dates and final marks name row and column; a missing header is reported", () => {
    const csv = "device_id,customer_no,contract_no,reading_date,counter_bw,counter_color\nD1,10003,K-300,2026-13-01,12.5,-3\n";
    expect(readMeterTable(readCsvText(csv, "z.csv").table).issues.map((i) => formatIssue(i))).toEqual([
      'z.csv, row 2, column "reading_date (D)": "2026-13-01" is not a valid date (expected YYYY-MM-DD or DD.MM.YYYY).',
      'z.csv, row 2, column "counter_bw (E)": "12.5" is not a counter reading (whole number ≥ 0).',
      'z.csv, row 2, column "counter_color (F)": "-3" is not a counter reading (whole number ≥ 0).',
    ]);
    const final = readMeterTable(readCsvText("device_id,customer_no,contract_no,reading_date,counter_bw,counter_color,final_reading\nD1,1,K,2026-03-31,5,0,ja\nD2,1,K,2026-03-31,5,0,\nD3,1,K,2026-03-31,5,0,nein\nD4,1,K,2026-03-31,5,0,vielleicht\n", "z.csv").table);
    expect(final.rows.map((r) => [r.deviceId, r.final ?? false])).toEqual([["D1", true], ["D2", false], ["D3", false]]);
    expect(final.issues.map((i) => formatIssue(i))).toEqual(['z.csv, row 5, column "final_reading (G)": "vielleicht" is not allowed (allowed: yes, no, ja, nein, 1, 0).']);
    const missing = readMeterTable(readCsvText("device_id,customer_no,reading_date,counter_bw,counter_color\n", "z.csv").table);
    expect(missing.issues.map((i) => i.params.column)).toEqual(["contract_no"]);
  });
});
