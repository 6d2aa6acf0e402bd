/**
 * `push` into the team store on PostgreSQL (MSP_TEST_PG_URL; fails, never skips, without it): a
 * populated workspace and its backup arrive row for row; a store holding data is refused unless
 * --replace; the first admin's `user add` entry survives the push.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { runCli } from "../../src/cli/main";
import { captureIo } from "../support/cli-io";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, MAPPINGS_CSV } from "../support/fixtures";
import { pgTestUrl } from "../support/postgres";

jest.setTimeout(60_000);

/** A fresh database on the test cluster, so each test starts from an empty team store. */
async function freshDatabase(): Promise<string> {
  const base = pgTestUrl();
  const name = `push_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const c = new Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

async function populated(): Promise<{ d: string; ws: string }> {
  const d = mkdtempSync(join(tmpdir(), "msp-push-"));
  writeFileSync(join(d, "contracts.csv"), CONTRACTS_CSV_DE);
  writeFileSync(join(d, "articles.csv"), ARTICLES_CSV);
  writeFileSync(join(d, "mappings.csv"), MAPPINGS_CSV);
  const ws = join(d, "ws.db");
  expect(await runCli(["import-master", "--workspace", ws, join(d, "contracts.csv"), join(d, "articles.csv"), join(d, "mappings.csv")], captureIo().cli)).toBe(0);
  const b = captureIo();
  expect(await runCli(["bill", "--workspace", ws, "--period", "2026-01", "--invoice-date", "2026-02-01", "--out", join(d, "inv.csv")], b.cli)).toBe(0);
  return { d, ws };
}

type Doc = { tables: Record<string, Record<string, unknown>[]> };
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Doc;

/** The team store's backup equals the source's; its audit log is the source's plus the kept and push entries. */
function expectSameRows(source: Doc, target: Doc, extraAuditKinds: string[]) {
  const n = source.tables.auditLog!.length;
  expect(target.tables.auditLog!.slice(0, n)).toEqual(source.tables.auditLog);
  expect(target.tables.auditLog!.slice(n).map((e) => e.kind)).toEqual(extraAuditKinds);
  for (const [name, rows] of Object.entries(source.tables)) if (name !== "auditLog") expect([name, target.tables[name]]).toEqual([name, rows]);
  expect(Object.keys(target.tables).sort()).toEqual(Object.keys(source.tables).sort());
}

describe("push into the team store (PostgreSQL)", () => {
  it("a populated workspace arrives row for row: push, then backup from PostgreSQL equals the workspace's backup", async () => {
    const { d, ws } = await populated();
    const db = await freshDatabase();
    expect(await runCli(["backup", "--workspace", ws, "--out", join(d, "src.json")], captureIo().cli)).toBe(0);
    const p = captureIo();
    const code = await runCli(["push", "--from", ws, "--database", db], p.cli);
    expect(p.err()).toBe("");
    expect(code).toBe(0);
    expect(p.out()).toMatch(/^push: .*ws\.db → postgres:\/\/.*invoices/);
    const { openPostgresStore } = await import("../../src/store/node/postgres-store");
    const { writeBackup } = await import("../../src/store/backup");
    const store = await openPostgresStore(db);
    let text = "";
    try {
      await writeBackup(store, "2026-11-23T10:00:00.000Z", (c) => void (text += c));
    } finally {
      await store.close();
    }
    const source = read(join(d, "src.json"));
    expect(source.tables.invoices!.length).toBeGreaterThan(0);
    expect(source.tables.contracts!.length).toBeGreaterThan(0);
    expectSameRows(source, JSON.parse(text) as Doc, ["store.push"]);
  });

  it("a backup JSON pushes the same rows; the first admin's entry is kept; a second push is refused, --replace replaces", async () => {
    const { d, ws } = await populated();
    const db = await freshDatabase();
    expect(await runCli(["backup", "--workspace", ws, "--out", join(d, "src.json")], captureIo().cli)).toBe(0);
    process.env.MSP_BILLING_PASSWORD = "correct horse battery";
    try {
      expect(await runCli(["user", "add", "--name", "ada", "--role", "admin", "--database", db], captureIo().cli)).toBe(0);
    } finally {
      delete process.env.MSP_BILLING_PASSWORD;
    }
    expect(await runCli(["push", "--from", join(d, "src.json"), "--database", db], captureIo().cli)).toBe(0);
    const { openPostgresStore } = await import("../../src/store/node/postgres-store");
    const { writeBackup } = await import("../../src/store/backup");
    const snapshot = async () => {
      const s = await openPostgresStore(db);
      let text = "";
      try {
        await writeBackup(s, "2026-11-23T10:00:00.000Z", (c) => void (text += c));
        return JSON.parse(text) as Doc;
      } finally {
        await s.close();
      }
    };
    const first = await snapshot();
    expectSameRows(read(join(d, "src.json")), first, ["server.user.add", "store.push"]);
    const again = captureIo();
    expect(await runCli(["push", "--from", ws, "--database", db], again.cli)).toBe(1);
    expect(again.err()).toMatch(/not empty \(\d+ rows\); nothing was pushed/);
    expect(await snapshot()).toEqual(first);
    expect(await runCli(["push", "--from", ws, "--database", db, "--replace"], captureIo().cli)).toBe(0);
    const replaced = await snapshot();
    // --replace: the source's rows; the users stay, and so do the entries that created them.
    expectSameRows(read(join(d, "src.json")), replaced, ["server.user.add", "store.push"]);
  });

  it("--replace never drops the team store's issued invoices: an older backup is refused naming the first one", async () => {
    const { d, ws } = await populated();
    const db = await freshDatabase();
    const empty = join(d, "empty.db");
    expect(await runCli(["import-master", "--workspace", empty, join(d, "contracts.csv"), join(d, "articles.csv"), join(d, "mappings.csv")], captureIo().cli)).toBe(0);
    expect(await runCli(["finalize", "--workspace", ws, "--run", "run-00001"], captureIo().cli)).toBe(0);
    expect(await runCli(["push", "--from", ws, "--database", db], captureIo().cli)).toBe(0);
    const r = captureIo();
    expect(await runCli(["push", "--from", empty, "--database", db, "--replace"], r.cli)).toBe(1);
    expect(r.err()).toMatch(/does not hold issued invoice RE-000001/);
  });

  it("a missing source or a bad backup changes nothing and says why", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-push-"));
    const db = await freshDatabase();
    const m = captureIo();
    expect(await runCli(["push", "--from", join(d, "nope.db"), "--database", db], m.cli)).toBe(1);
    expect(m.err()).toMatch(/nope\.db does not exist/);
    writeFileSync(join(d, "bad.json"), '{"format":"something else"}');
    const b = captureIo();
    expect(await runCli(["push", "--from", join(d, "bad.json"), "--database", db], b.cli)).toBe(1);
    expect(b.err()).toMatch(/backup/i);
  });
});
