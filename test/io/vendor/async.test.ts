import { readCsvText } from "../../../src/io/table/read-csv";
import { readVendorTable, readVendorTableAsync } from "../../../src/io/vendor/read-vendor";
import { nceCsv } from "./fixtures";

const text = nceCsv() + nceCsv().split("\r\n").slice(1).join("\r\n").repeat(20);
const { table } = readCsvText(text, "f.csv");

describe("readVendorTableAsync", () => {
  it("gives the same result as the synchronous reader and reports progress", async () => {
    const progress: number[] = [];
    const r = await readVendorTableAsync(table, { fileName: "f.csv" }, { batchRows: 40, onProgress: (done) => progress.push(done) });
    expect(r).toEqual(readVendorTable(table, { fileName: "f.csv" }));
    expect(progress.at(-1)).toBe(table.rows.length);
    expect(progress.length).toBe(Math.ceil(table.rows.length / 40));
  });

  it("can be cancelled", async () => {
    const controller = new AbortController();
    const p = readVendorTableAsync(table, {}, { batchRows: 10, signal: controller.signal, onProgress: (done) => done >= 30 && controller.abort() });
    await expect(p).rejects.toBeDefined();
  });
});
