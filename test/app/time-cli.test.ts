import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../../src/cli/cli-io";
import { runCli } from "../../src/cli/main";
import { FIXED_NOW } from "../support/fixtures";
import { METERS_CSV, TIME_ARTICLES, TIME_CONTRACTS, TIME_CSV, TIME_RULES } from "./time-fixtures";

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), now: () => FIXED_NOW, lang: "en" };
  return { cli, out: () => out.join(""), err: () => err.join("") };
}

describe("CLI: rules set, time import, meters import, time balance, bill", () => {
  it("runs the documented commands with exit codes 0 / 1 / 2", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-time-"));
    const ws = join(d, "ws.json");
    const files: Record<string, string> = { "articles.csv": TIME_ARTICLES, "contracts.csv": TIME_CONTRACTS, "rules.json": TIME_RULES, "zeiten.csv": TIME_CSV, "zaehler.csv": METERS_CSV };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
    const run = async (...argv: string[]) => {
      const x = io();
      const code = await runCli(argv, x.cli);
      return { code, out: x.out(), err: x.err() };
    };
    expect((await run("import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv"))).code).toBe(0);

    writeFileSync(join(d, "bad-rules.json"), JSON.stringify({ defaults: { unitMinutes: "15" } }));
    const badRules = await run("rules", "set", "--workspace", ws, join(d, "bad-rules.json"));
    expect(badRules).toMatchObject({ code: 1 });
    expect(badRules.err).toContain('defaults.unitMinutes: "15" is invalid (expected a whole number ≥ 1)');
    expect(await run("rules", "set", "--workspace", ws, join(d, "rules.json"))).toMatchObject({ code: 0, out: "rules set: company defaults and rules for 3 contract(s) stored\n" });

    const t1 = await run("time", "import", "--workspace", ws, join(d, "zeiten.csv"), "--json");
    expect(t1.code).toBe(0);
    expect(JSON.parse(t1.out)).toMatchObject({ profile: "time-generic", added: 5, rows: 5 });
    expect((await run("time", "import", "--workspace", ws, join(d, "zeiten.csv"))).out).toContain("nothing new to import");
    expect((await run("time", "import", "--workspace", ws))).toMatchObject({ code: 2 });

    writeFileSync(join(d, "zaehler-falsch.csv"), "device_id,customer_no,contract_no,reading_date,counter_bw,counter_color\nD1,10003,K-300,2026-06-12,10000,2000\nD1,10003,K-300,2026-06-30,9000,2150\n");
    const badMeters = await run("meters", "import", "--workspace", ws, join(d, "zaehler-falsch.csv"));
    expect(badMeters.code).toBe(1);
    expect(badMeters.err).toContain('zaehler-falsch.csv, row 3, column "counter_bw": Device D1: counter 9000 is lower than 10000');
    expect((await run("meters", "import", "--workspace", ws, join(d, "zaehler.csv"))).code).toBe(0);

    const balance = await run("time", "balance", "--workspace", ws, "--contract", "V-200", "--period", "2026-06", "--json");
    expect(JSON.parse(balance.out)).toMatchObject({ start: "0.00", credited: "2.00", used: "2.00", remaining: "0.00", overrun: "1.00", pendingEntries: 1 });

    const out = join(d, "rechnungen.csv");
    expect((await run("bill", "--workspace", ws, "--period", "2026-06", "--out", out, "--invoice-date", "2026-07-01")).code).toBe(0);
    const csv = readFileSync(out, "utf8");
    expect(csv).toContain(",time,2026-06-04,2026-06-04,2.5,174.80,0,1,437.00,19,");
    expect(csv).toContain(",flat_fee,2026-06-08,2026-06-08,1,45.00,0,1,45.00,19,");
    expect(csv).toContain(",click,2026-06-12,2026-06-30,1,13.12,0,1,13.12,19,");
    const again = await run("bill", "--workspace", ws, "--period", "2026-06", "--out", join(d, "leer.csv"), "--invoice-date", "2026-07-01");
    expect(again.out).toContain("Nothing to bill for June 2026");
    expect(existsSync(join(d, "leer.csv"))).toBe(false);
    expect((await run("rules", "show", "--workspace", ws)).out).toContain('"includedHoursPerMonth": "1"');
  });
});
