import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Decimal } from "../../src/core/money/decimal";
import { readCsvText } from "../../src/io/table/read-csv";
import { readXlsx } from "../../src/io/table/read-xlsx";
import { REMOTE_COMMANDS } from "../../src/server/routes-cli";
import { METERS_CSV, TIME_ARTICLES, TIME_CONTRACTS, TIME_RULES } from "../app/time-fixtures";
import { runCommand as run } from "../support/cli-io";


/** Net of the click lines in an invoice batch CSV (generic format). */
function clickNet(csv: string): string {
  const [header, ...rows] = readCsvText(csv, "rechnungen.csv").table.rows;
  const type = header!.indexOf("line_type");
  const net = header!.indexOf("net_amount");
  return rows.filter((r) => r[type] === "click").reduce((t, r) => t.plus(r[net]!), new Decimal(0)).toFixed(2);
}

async function workspace() {
  const d = mkdtempSync(join(tmpdir(), "msp-meters-review-"));
  const ws = join(d, "ws.json");
  const more = "\nD2,10003,K-300,2026-06-12,500,0\nD2,10003,K-300,2026-06-30,900,60\nD1,10003,K-300,2026-07-31,12000,2300";
  const files: Record<string, string> = { "articles.csv": TIME_ARTICLES, "contracts.csv": TIME_CONTRACTS, "rules.json": TIME_RULES, "zaehler.csv": METERS_CSV + more };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  expect((await run("import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv"))).code).toBe(0);
  expect((await run("rules", "set", "--workspace", ws, join(d, "rules.json"))).code).toBe(0);
  expect((await run("meters", "import", "--workspace", ws, join(d, "zaehler.csv"))).code).toBe(0);
  return { d, ws };
}

describe("CLI: meters review", () => {
  it("writes the review CSV (stdout or --out), its total is what `bill` bills for the clicks, and it writes nothing to the workspace", async () => {
    const { d, ws } = await workspace();
    expect(await run("meters", "review", "--workspace", ws)).toMatchObject({ code: 2 });
    expect(await run("meters", "review", "--workspace", ws, "--period", "2026-06", "extra")).toMatchObject({ code: 2 });
    const bad = await run("meters", "review", "--workspace", ws, "--period", "2026-13");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('"2026-13" is not a valid month');

    const before = readFileSync(ws, "utf8");
    const stdout = await run("meters", "review", "--workspace", ws, "--period", "2026-06");
    expect(stdout.code).toBe(0);
    const lines = stdout.out.split("\r\n");
    expect(lines[0]).toBe(
      "status,month,contract_no,customer_no,customer_name,device_id,previous_date,previous_bw,previous_color,reading_dates,reading_bw,reading_color,pages_bw,pages_color,included_bw,included_color,over_bw,over_color,price_bw,price_color,net_amount,issues",
    );
    expect(lines.slice(1, 4)).toEqual([
      'charged,2026-06,K-300,10003,Druck KG,D1,,,,"2026-06-12, 2026-06-30",10800,2150,800,150,633,127,567,83,0.008,0.06,6.59,',
      'charged,2026-06,K-300,10003,Druck KG,D2,,,,"2026-06-12, 2026-06-30",900,60,400,60,633,127,567,83,0.008,0.06,2.93,',
      'minimum_fee,2026-06,K-300,10003,Druck KG,,,,,,,,,,633,127,567,83,0.008,0.06,6.32,"Minimum fee 15.83 (prorated), pages come to 9.52: topped up by 6.32."',
    ]);
    expect(readFileSync(ws, "utf8")).toBe(before);

    const out = join(d, "zaehler-2026-06.csv");
    const written = await run("meters", "review", "--workspace", ws, "--period", "2026-06", "--out", out, "--json");
    expect(JSON.parse(written.out)).toEqual({ out, month: "2026-06", rows: 3, contracts: 1, charged: 2, noReading: 0, baselines: 0, problems: 0, net: "15.84" });
    expect(readFileSync(out, "utf8")).toBe(stdout.out);

    // the run bills the same 15.84 for the clicks of K-300
    const invoices = join(d, "rechnungen.csv");
    expect((await run("bill", "--workspace", ws, "--period", "2026-06", "--invoice-date", "2026-07-01", "--dry-run", "--out", invoices)).code).toBe(0);
    expect(clickNet(readFileSync(invoices, "utf8"))).toBe("15.84");
  });

  it("an xlsx in the --lang language: sheet Zähler YYYY-MM; July after the June run shows D2 without a reading", async () => {
    const { d, ws } = await workspace();
    expect((await run("bill", "--workspace", ws, "--period", "2026-06", "--invoice-date", "2026-07-01", "--out", join(d, "juni.csv"))).code).toBe(0);
    const file = join(d, "zaehler.xlsx");
    const text = await run("--lang", "de", "meters", "review", "--workspace", ws, "--period", "2026-07", "--out", file);
    expect(text).toMatchObject({ code: 0, out: `meters review 2026-07: 1 click contract, 3 rows (1 charged, 1 without a reading, 0 baselines, 0 with problems), 25.00 net → ${file}\n` });
    const read = await readXlsx(new Uint8Array(readFileSync(file)), { source: "zaehler.xlsx" });
    expect(read.sheet).toBe("Zähler 2026-07");
    const rows = read.table.rows;
    expect(rows.map((r) => [r[0], r[5], r[20]])).toEqual([
      ["status", "device_id", "net_amount"],
      ["charged", "D1", "1.6"],
      ["no_reading", "D2", "0"],
      ["minimum_fee", "", "23.4"],
    ]);
    expect(rows[2]![21]).toBe("Gerät D2 hat im Juli 2026 keine Ablesung; seine Seiten zählen im Monat seiner nächsten Ablesung.");
  });

  it("any role may run it on a team server (it reads only)", () => {
    expect(REMOTE_COMMANDS["meters review"]).toEqual(REMOTE_COMMANDS["runs"]);
  });
});
