/**
 * The workspace file as a user handles it: a JSON workspace of an earlier version is converted on
 * first open (the JSON kept beside it), an output that names the store is refused, a failed command
 * writes no file, and a symlinked output keeps its link and its permissions.
 */
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureIo } from "../support/cli-io";
import { runCli } from "../../src/cli/main";
import { ARTICLES_CSV, CONTRACTS_CSV_DE } from "../support/fixtures";
import { readWorkspace } from "../support/workspace";

const io = () => captureIo();

function dir() {
  const d = mkdtempSync(join(tmpdir(), "msp-wsfile-"));
  writeFileSync(join(d, "contracts.csv"), CONTRACTS_CSV_DE);
  writeFileSync(join(d, "articles.csv"), ARTICLES_CSV);
  return d;
}

describe("the workspace file", () => {
  it("a JSON workspace of schema 1 is converted on first open, verified, and kept as <file>.v1.json", async () => {
    const d = dir();
    const ws = join(d, "ws.json");
    const v1 = readFileSync(join(__dirname, "..", "reliability", "fixtures", "store-v1.json"), "utf8");
    writeFileSync(ws, v1);
    const a = io();
    expect(await runCli(["rules", "show", "--workspace", ws], a.cli)).toBe(0);
    expect(a.err()).toMatch(/converted to a database: \d+ rows verified row for row; the old JSON is kept as .*ws\.json\.v1\.json/);
    expect(readFileSync(`${ws}.v1.json`, "utf8")).toBe(v1);
    expect(readFileSync(ws).subarray(0, 15).toString()).toBe("SQLite format 3");
    const doc = await readWorkspace(ws);
    expect(doc.tables.customers.length).toBe((JSON.parse(v1) as { tables: { customers: unknown[] } }).tables.customers.length);
    // the second open does not convert again
    const b = io();
    expect(await runCli(["rules", "show", "--workspace", ws], b.cli)).toBe(0);
    expect(b.err()).toBe("");
  });

  it("an output that names the store (or its WAL) is refused, and the store stays", async () => {
    const d = dir();
    const ws = join(d, "ws.db");
    expect(await runCli(["import-master", "--workspace", ws, join(d, "contracts.csv"), join(d, "articles.csv")], io().cli)).toBe(0);
    for (const out of [ws, `${ws}-wal`]) {
      const a = io();
      expect(await runCli(["export-master", "--workspace", ws, "--out", out], a.cli)).toBe(1);
      expect(a.err()).toContain("is the store itself");
    }
    const b = io();
    expect(await runCli(["backup", "--workspace", ws, "--out", ws], b.cli)).toBe(1);
    expect((await readWorkspace(ws)).tables.contracts.length).toBe(2);
  });

  it("a failed command writes no output file; a symlinked output keeps link and permissions", async () => {
    const d = dir();
    const ws = join(d, "ws.db");
    expect(await runCli(["import-master", "--workspace", ws, join(d, "contracts.csv"), join(d, "articles.csv")], io().cli)).toBe(0);
    const out = join(d, "never.csv");
    expect(await runCli(["bill", "--workspace", ws, "--period", "2026-01", "--out", out, "--format", "datev"], io().cli)).toBe(1);
    expect(existsSync(out)).toBe(false);
    const target = join(d, "target.csv");
    writeFileSync(target, "old");
    chmodSync(target, 0o640);
    const link = join(d, "link.csv");
    symlinkSync(target, link);
    expect(await runCli(["export-master", "--workspace", ws, "--out", link], io().cli)).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toContain("customer_no");
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });
});
