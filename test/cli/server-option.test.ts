/**
 * The CLI on the team server (`--server URL --token T`): a real server (HTTP on a loopback port) on
 * the embedded store — PostgreSQL with MSP_TEST_STORE=postgres — and the month's commands give the
 * same exit codes, stdout, stderr and files as on a local workspace; the files are written here only
 * after success; no token → refused; an auditor cannot write.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { takeServerOption } from "../../src/cli/remote-client";
import { captureIo } from "../support/cli-io";
import { MASTER_ARTICLES, MASTER_CONTRACTS, MASTER_MAPPINGS, octoberCsv } from "../support/reconcile-scenario";
import { listeningServer, testServer } from "../server/server-fixture";

jest.setTimeout(120_000);

const server = listeningServer();
let inputs: string;

beforeAll(() => {
  inputs = mkdtempSync(join(tmpdir(), "msp-server-opt-"));
  const files = { articles: MASTER_ARTICLES, contracts: MASTER_CONTRACTS, mappings: MASTER_MAPPINGS };
  for (const [k, v] of Object.entries(files)) writeFileSync(join(inputs, `${k}.csv`), v);
  writeFileSync(join(inputs, "nce.csv"), octoberCsv());
});

async function token(user: string): Promise<string> {
  return (await server.login(user)).authorization.slice("Bearer ".length);
}

async function cli(argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io.cli);
  return { code, out: io.out(), err: io.err() };
}

/** The month on one store: stdout, stderr and exit code per step, then the files written. */
async function month(outDir: string, store: string[]) {
  mkdirSync(outDir, { recursive: true });
  const steps: string[][] = [
    ["import-master", ...store, ...["articles", "contracts", "mappings"].map((k) => join(inputs, `${k}.csv`))],
    ["reconcile", ...store, "--file", join(inputs, "nce.csv"), "--period", "2026-10", "--out", join(outDir, "review.csv")],
    ["apply", ...store, "--review", join(outDir, "review.csv")],
    ["bill", ...store, "--period", "2026-10", "--invoice-date", "2026-11-01", "--out", join(outDir, "invoices.csv")],
    ["export", ...store, "--run", "run-00001", "--format", "de", "--out", join(outDir, "export-de.csv")],
    ["backup", ...store, "--out", join(outDir, "backup.json")],
  ];
  const log: { step: string; code: number; out: string; err: string }[] = [];
  for (const argv of steps) {
    const r = await cli(argv);
    log.push({ step: argv[0]!, code: r.code, out: r.out.split(outDir).join("OUT"), err: r.err.split(outDir).join("OUT") });
  }
  const files = Object.fromEntries(readdirSync(outDir).sort().map((f) => [f, readFileSync(join(outDir, f), "utf8")]));
  return { log, files };
}

/** A backup's rows; audit entries without their user and chain hashes (the server's name the user who acted). */
function rows(backupJson: string): Record<string, unknown[]> {
  const tables: Record<string, unknown[]> = {};
  const doc = JSON.parse(backupJson) as { tables: Record<string, Record<string, unknown>[]> };
  for (const [t, list] of Object.entries(doc.tables)) {
    tables[t] = t === "auditLog" ? list.map(({ user: _u, hash: _h, prevHash: _p, ...rest }) => rest) : list;
  }
  return tables;
}

describe("--server: the CLI on the team server", () => {
  it("takes --server/--token (or MSP_BILLING_SERVER/MSP_BILLING_TOKEN) out of the arguments", () => {
    expect(takeServerOption("bill", ["--server", "http://h:1", "--token", "t", "--period", "2026-10"], {})).toEqual({ args: ["--period", "2026-10"], server: { url: "http://h:1", token: "t" } });
    expect(takeServerOption("bill", ["--period", "2026-10"], { MSP_BILLING_SERVER: "http://h:1/", MSP_BILLING_TOKEN: "t" })).toEqual({ args: ["--period", "2026-10"], server: { url: "http://h:1", token: "t" } });
    // An explicit workspace wins over the environment's server.
    expect(takeServerOption("bill", ["--workspace", "ws.db"], { MSP_BILLING_SERVER: "http://h:1", MSP_BILLING_TOKEN: "t" }).server).toBeNull();
    expect(() => takeServerOption("bill", ["--server", "http://h:1"], {})).toThrow(/token/);
    expect(() => takeServerOption("bill", ["--server", "http://h:1", "--token", "t", "--workspace", "ws.db"], {})).toThrow(/exclude/);
  });

  it("import-master, reconcile, apply, bill, export and backup print and write the same through the server as on a workspace file", async () => {
    const local = await month(join(inputs, "local"), ["--workspace", join(inputs, "ws.db")]);
    const remote = await month(join(inputs, "remote"), ["--server", server.url, "--token", await token("clara")]);
    expect(local.log.map((s) => [s.step, s.code, s.err])).toEqual(local.log.map((s) => [s.step, 0, ""]));
    expect(remote.log).toEqual(local.log);
    expect(Object.keys(local.files)).toEqual(["backup.json", "export-de.csv", "invoices.csv", "review.csv"]);
    const { "backup.json": localBackup, ...localRest } = local.files;
    const { "backup.json": remoteBackup, ...remoteRest } = remote.files;
    expect(remoteRest).toEqual(localRest);
    expect(rows(remoteBackup!)).toEqual(rows(localBackup!));
    // The team store's audit log names the clerk who did the work.
    const audit = JSON.parse(remoteBackup!).tables.auditLog as { kind: string; user?: string }[];
    expect(audit.filter((e) => e.kind === "billing.run").map((e) => e.user)).toEqual(["clara"]);
  });

  it("a failing command writes no file and reports as locally; a path not uploaded is not read on the server", async () => {
    const out = join(inputs, "fail");
    mkdirSync(out, { recursive: true });
    const t = await token("clara");
    const r = await cli(["reconcile", "--server", server.url, "--token", t, "--file", join(inputs, "missing.csv"), "--period", "2026-10", "--out", join(out, "review.csv")]);
    const l = await cli(["reconcile", "--workspace", join(inputs, "ws.db"), "--file", join(inputs, "missing.csv"), "--period", "2026-10", "--out", join(out, "review.csv")]);
    expect(r).toEqual(l);
    expect(r.code).toBe(1);
    // A file on the server's disk that the client did not upload is not there for the command.
    const onServer = join(inputs, "articles.csv");
    const apply = await server.inject({ method: "POST", url: "/api/cli", headers: { authorization: `Bearer ${t}` }, payload: { argv: ["import-master", onServer], lang: "en" } });
    expect(apply.statusCode).toBe(200);
    expect(apply.json()).toMatchObject({ code: 1, stdout: "", files: [] });
    expect(apply.json().stderr).toMatch(/There is no file .*articles\.csv/);
    const own = await server.inject({ method: "POST", url: "/api/cli", headers: { authorization: `Bearer ${t}` }, payload: { argv: ["bill", "--workspace", "/tmp/x.db", "--period", "2026-10"] } });
    expect(own.statusCode).toBe(400);
    const bad = await cli(["bill", "--server", server.url, "--token", t, "--period", "2026-13", "--out", join(out, "inv.csv")]);
    expect(bad.code).not.toBe(0);
    expect(existsSync(join(out, "inv.csv"))).toBe(false);
  });

  it("refuses without a valid token (401) and an auditor writing (403); an auditor may read and export", async () => {
    const noToken = await cli(["bill", "--server", server.url, "--token", "wrong", "--period", "2026-10", "--out", join(inputs, "x.csv")]);
    expect(noToken.code).toBe(1);
    expect(noToken.err).toMatch(/refused the token/);
    const otto = await token("otto");
    const write = await cli(["import-master", "--server", server.url, "--token", otto, join(inputs, "articles.csv")]);
    expect(write.code).toBe(1);
    expect(write.err).toMatch(/refused \(403\).*auditor may not run import-master/);
    const backup = await cli(["backup", "--server", server.url, "--token", otto, "--out", join(inputs, "auditor-backup.json")]);
    expect(backup.code).toBe(0);
    expect(existsSync(join(inputs, "auditor-backup.json"))).toBe(true);
    const runs = await cli(["runs", "--server", server.url, "--token", otto, "--json"]);
    expect(runs.code).toBe(0);
    expect((JSON.parse(runs.out) as { runId: string; state: string }[])[0]).toMatchObject({ runId: "run-00001", state: "issued" });
    const list = await cli(["invoices", "--server", server.url, "--token", otto, "--run", "run-00001", "--out", join(inputs, "auditor-invoices.csv")]);
    expect(list.code).toBe(0);
    expect(readFileSync(join(inputs, "auditor-invoices.csv"), "utf8")).toMatch(/^invoice_ref,invoice_date,/);
    // Settings are the admin's.
    const rules = await cli(["rules", "set", "--server", server.url, "--token", await token("clara"), join(inputs, "articles.csv")]);
    expect(rules.err).toMatch(/refused \(403\).*clerk may not run rules set/);
  });

  it("an auditor's export that would issue a draft run is refused before anything changes", async () => {
    const t = await token("clara");
    // A second month's draft run (October was issued by the export above).
    const bill = await cli(["bill", "--server", server.url, "--token", t, "--period", "2026-11", "--invoice-date", "2026-12-01", "--draft"]);
    expect(bill.code).toBe(0);
    const revision = await server.store.revision();
    const r = await cli(["export", "--server", server.url, "--token", await token("otto"), "--run", "run-00002", "--out", join(inputs, "nov-export.csv")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/403.*auditor may not change the store/);
    expect(existsSync(join(inputs, "nov-export.csv"))).toBe(false);
    expect(await server.store.revision()).toBe(revision);
  });
});

describe("push --server: a single-user store into the team store through the server", () => {
  type Doc = { tables: Record<string, Record<string, unknown>[]> };

  it("a workspace and a backup arrive row for row (push, then backup via --server); admin only; a store holding data needs --replace", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-push-server-"));
    const ws = join(d, "ws.db");
    expect((await cli(["import-master", "--workspace", ws, ...["articles", "contracts", "mappings"].map((k) => join(inputs, `${k}.csv`))])).code).toBe(0);
    expect((await cli(["bill", "--workspace", ws, "--period", "2026-10", "--invoice-date", "2026-11-01", "--out", join(d, "inv.csv")])).code).toBe(0);
    expect((await cli(["backup", "--workspace", ws, "--out", join(d, "src.json")])).code).toBe(0);
    const source = JSON.parse(readFileSync(join(d, "src.json"), "utf8")) as Doc;
    expect(source.tables.invoices!.length).toBeGreaterThan(0);

    const team = await testServer();
    try {
      const teamUrl = team.url;
      const ada = (await team.login("ada")).authorization.slice(7);
      const clara = (await team.login("clara")).authorization.slice(7);
      const byClerk = await cli(["push", "--from", ws, "--server", teamUrl, "--token", clara]);
      expect(byClerk.code).toBe(1);
      expect(byClerk.err).toMatch(/refused \(403\)/);

      const pushed = await cli(["push", "--from", ws, "--server", teamUrl, "--token", ada]);
      expect(pushed.err).toBe("");
      expect(pushed.code).toBe(0);
      expect(pushed.out).toMatch(/^push: .*ws\.db → http:\/\/127\.0\.0\.1:\d+ \(.*invoices/);

      const roundTrip = async (name: string) => {
        expect((await cli(["backup", "--server", teamUrl, "--token", ada, "--out", join(d, name)])).code).toBe(0);
        return JSON.parse(readFileSync(join(d, name), "utf8")) as Doc;
      };
      const expectSameRows = (target: Doc, extraAuditKinds: string[]) => {
        const n = source.tables.auditLog!.length;
        expect(target.tables.auditLog!.slice(0, n)).toEqual(source.tables.auditLog);
        expect(target.tables.auditLog!.slice(n).map((e) => e.kind)).toEqual(extraAuditKinds);
        for (const [name, list] of Object.entries(source.tables)) if (name !== "auditLog") expect([name, target.tables[name]]).toEqual([name, list]);
        expect(Object.keys(target.tables).sort()).toEqual(Object.keys(source.tables).sort());
      };
      const afterWorkspace = await roundTrip("team1.json");
      expectSameRows(afterWorkspace, ["store.push"]);
      expect(afterWorkspace.tables.auditLog!.at(-1)).toMatchObject({ kind: "store.push", user: "ada", entity: "file:ws.db" });

      // The team store holds data now: refused, nothing changes; --replace replaces (with the backup file).
      const revision = await team.store.revision();
      const again = await cli(["push", "--from", join(d, "src.json"), "--server", teamUrl, "--token", ada]);
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/409.*not empty/);
      expect(await team.store.revision()).toBe(revision);
      const replaced = await cli(["push", "--from", join(d, "src.json"), "--server", teamUrl, "--token", ada, "--replace", "--json"]);
      expect(replaced.code).toBe(0);
      const summary = JSON.parse(replaced.out) as { sha256: string; counts: Record<string, number> };
      expect(summary.sha256).toBe(createHash("sha256").update(readFileSync(join(d, "src.json"))).digest("hex"));
      expectSameRows(await roundTrip("team2.json"), ["store.push"]);
    } finally {
      await team.close();
    }
  });
});
