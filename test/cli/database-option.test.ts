/**
 * The CLI on the team store with `--database postgres://…` (MSP_TEST_PG_URL; fails, never skips,
 * without it): the month's commands print the same and write the same files as on a workspace file.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { runCli } from "../../src/cli/main";
import { withDatabaseOption } from "../../src/cli/team-store";
import { captureIo } from "../support/cli-io";
import { pgTestUrl } from "../support/postgres";
import { MASTER_ARTICLES, MASTER_CONTRACTS, MASTER_MAPPINGS, octoberCsv } from "../support/reconcile-scenario";

jest.setTimeout(120_000);

async function freshDatabase(): Promise<string> {
  const base = pgTestUrl();
  const name = `dbopt_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const c = new Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The month on one store: import, reconcile, apply, bill, an export; stdout, exit codes and files per step. */
async function month(inputs: string, outDir: string, store: string[]) {
  mkdirSync(outDir, { recursive: true });
  const steps: string[][] = [
    ["import-master", ...store, ...["articles", "contracts", "mappings"].map((k) => join(inputs, `${k}.csv`))],
    ["reconcile", ...store, "--file", join(inputs, "nce.csv"), "--period", "2026-10", "--out", join(outDir, "review.csv")],
    ["apply", ...store, "--review", join(outDir, "review.csv")],
    ["bill", ...store, "--period", "2026-10", "--invoice-date", "2026-11-01", "--out", join(outDir, "invoices.csv")],
    ["export", ...store, "--run", "run-00001", "--format", "de", "--out", join(outDir, "export-de.csv")],
  ];
  const log: { step: string; code: number; out: string; err: string }[] = [];
  for (const argv of steps) {
    const io = captureIo();
    const code = await runCli(argv, io.cli);
    log.push({ step: argv[0]!, code, out: io.out().split(outDir).join("OUT"), err: io.err().split(outDir).join("OUT") });
  }
  const files = Object.fromEntries(readdirSync(outDir).sort().map((f) => [f, readFileSync(join(outDir, f)).toString("base64")]));
  return { log, files };
}

describe("--database: the CLI on the team store", () => {
  it("rewrites --database to the store argument; commands with their own --database keep it", () => {
    expect(withDatabaseOption("bill", ["--database", "postgres://h/db", "--period", "2026-10"], {})).toEqual(["--period", "2026-10", "--workspace", "postgres://h/db"]);
    expect(withDatabaseOption("bill", ["--period", "2026-10"], { MSP_BILLING_DATABASE: "postgres://h/db" })).toEqual(["--period", "2026-10", "--workspace", "postgres://h/db"]);
    expect(withDatabaseOption("bill", ["--workspace", "ws.db"], { MSP_BILLING_DATABASE: "postgres://h/db" })).toEqual(["--workspace", "ws.db"]);
    expect(withDatabaseOption("push", ["--database", "postgres://h/db"], {})).toEqual(["--database", "postgres://h/db"]);
  });

  it("import-master, reconcile, apply, bill and export print and write the same on PostgreSQL as on a workspace file", async () => {
    const inputs = mkdtempSync(join(tmpdir(), "msp-dbopt-"));
    const files = { articles: MASTER_ARTICLES, contracts: MASTER_CONTRACTS, mappings: MASTER_MAPPINGS };
    for (const [k, v] of Object.entries(files)) writeFileSync(join(inputs, `${k}.csv`), v);
    writeFileSync(join(inputs, "nce.csv"), octoberCsv());
    const local = await month(inputs, join(inputs, "local"), ["--workspace", join(inputs, "ws.db")]);
    const team = await month(inputs, join(inputs, "team"), ["--database", await freshDatabase()]);
    expect(local.log.map((s) => [s.step, s.code, s.err])).toEqual(local.log.map((s) => [s.step, 0, ""]));
    expect(team.log).toEqual(local.log);
    expect(Object.keys(local.files)).toEqual(["export-de.csv", "invoices.csv", "review.csv"]);
    expect(team.files).toEqual(local.files);
  });
});
