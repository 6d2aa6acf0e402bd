/**
 * The CLI's store under several processes and under crashes (issue 15 items 3 and 4), with the built
 * CLI (`npm test` builds before jest) as a user runs it:
 * - 20 rounds of two `import-master` and one `bill` started at the same moment on one workspace:
 *   every command succeeds (SQLite serialises the writers), and the store equals the same three
 *   commands run one after another in the order they committed — no lost update, no number twice;
 * - 50 rounds of a `bill` killed with SIGKILL at a random moment: the store is exactly as before or
 *   as after the command (never in between), still passes SQLite's integrity check, and the invoice
 *   file exists only when the run is in the store.
 */
import Database from "better-sqlite3";
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../../src/store/node/sqlite-store";
import { workspaceState } from "../support/workspace";

const CLI = join(__dirname, "..", "..", "bin", "msp-billing.js");
const NOW = "2026-02-01T08:00:00.000Z";

function run(args: string[]): Promise<{ code: number; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, MSP_BILLING_NOW: NOW } });
    let err = "";
    child.stderr.on("data", (d) => (err += String(d)));
    child.on("close", (code) => resolve({ code: code ?? -1, err }));
  });
}

function contractsCsv(prefix: string, customers: number, perCustomer: number): string {
  const rows = ["customer_no;customer_name;contract_no;contract_start;position_no;article_no;quantity;unit_price;valid_from"];
  for (let c = 0; c < customers; c++) {
    for (let k = 0; k < perCustomer; k++) rows.push(`${prefix}${c};Kunde ${prefix}${c};${prefix}-V${c}-${k};01.01.2026;1;M365-BP;${1 + ((c + k) % 20)};20,60;`);
  }
  return rows.join("\n") + "\n";
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "msp-processes-"));
  writeFileSync(join(dir, "articles.csv"), "article_no;description;unit_price;vat_pct\nM365-BP;Microsoft 365 Business Premium;20,60;19\n");
  writeFileSync(join(dir, "a.csv"), contractsCsv("A", 40, 3));
  writeFileSync(join(dir, "b.csv"), contractsCsv("B", 40, 3));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The order in which the three commands committed, from the audit log. */
async function commitOrder(ws: string): Promise<string[]> {
  const store = await openSqliteStore(ws);
  try {
    const entries = await store.read((tx) => tx.audit.recent(100_000));
    const order: string[] = [];
    for (const e of [...entries].reverse()) {
      const who = e.kind === "billing.run" ? "bill" : e.kind === "contract.add" ? String((e.after as { no: string }).no).slice(0, 1) : null;
      if (who && !order.includes(who)) order.push(who);
    }
    // a `bill` that committed before both imports found nothing due and left no run behind
    return order.includes("bill") ? order : ["bill", ...order];
  } finally {
    await store.close();
  }
}

describe("two processes on one workspace", () => {
  it("20 rounds of import, import and bill at once equal the same commands one after another", async () => {
    const commands: Record<string, string[]> = {
      A: ["import-master", "--workspace", "WS", join(dir, "a.csv")],
      B: ["import-master", "--workspace", "WS", join(dir, "b.csv")],
      bill: ["bill", "--workspace", "WS", "--period", "2026-01", "--invoice-date", "2026-02-01", "--out", "OUT"],
    };
    const withWs = (args: string[], ws: string, out: string) => args.map((a) => (a === "WS" ? ws : a === "OUT" ? out : a));
    const orders = new Set<string>();
    for (let round = 0; round < 20; round++) {
      const ws = join(dir, `par-${round}.db`);
      expect((await run(["import-master", "--workspace", ws, join(dir, "articles.csv")])).code).toBe(0);
      const results = await Promise.all(Object.values(commands).map((c) => run(withWs(c, ws, join(dir, `par-${round}.csv`)))));
      expect(results.map((r) => [r.code, r.err.split("\n")[0]])).toEqual(results.map(() => [0, expect.anything()]));
      const order = await commitOrder(ws);
      expect(order.sort()).toEqual(["A", "B", "bill"].sort());
      const seqOrder = await commitOrder(ws);
      orders.add(seqOrder.join(" "));
      const seq = join(dir, `seq-${round}.db`);
      expect((await run(["import-master", "--workspace", seq, join(dir, "articles.csv")])).code).toBe(0);
      for (const name of (await commitOrder(ws))) expect((await run(withWs(commands[name]!, seq, join(dir, `seq-${round}.csv`)))).code).toBe(0);
      expect(await workspaceState(ws)).toBe(await workspaceState(seq));
    }
    // (how often each order came up is luck; the point is that every order gave the sequential result)
    expect(orders.size).toBeGreaterThanOrEqual(1);
  }, 600_000);

  it("a writer that waits too long is refused with a message naming the process that holds the store", async () => {
    const ws = join(dir, "busy.db");
    expect((await run(["import-master", "--workspace", ws, join(dir, "articles.csv")])).code).toBe(0);
    const holder = await openSqliteStore(ws, { holder: "test-holder" });
    let release!: () => void;
    const held = holder.write(async (tx) => {
      await tx.settings.put("invoicePrefix", "AR-");
      await new Promise<void>((r) => (release = r));
    });
    await new Promise((r) => setTimeout(r, 100));
    const r = await new Promise<{ code: number; err: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, "import-master", "--workspace", ws, join(dir, "a.csv")], { env: { ...process.env, MSP_BILLING_NOW: NOW, MSP_STORE_WAIT_MS: "300" } });
      let err = "";
      child.stderr.on("data", (d) => (err += String(d)));
      child.on("close", (code) => resolve({ code: code ?? -1, err }));
    });
    release();
    await held;
    await holder.close();
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`busy \\(process ${process.pid} \\(test-holder\\)`));
  }, 60_000);
});

describe("a killed command leaves the store before or after, never in between", () => {
  it("50 rounds of `bill` killed with SIGKILL at a random moment", async () => {
    const seed = join(dir, "seed.db");
    expect((await run(["import-master", "--workspace", seed, join(dir, "articles.csv"), join(dir, "a.csv"), join(dir, "b.csv")])).code).toBe(0);
    const before = await workspaceState(seed);
    const done = join(dir, "done.db");
    copyFileSync(seed, done);
    const t0 = Date.now();
    expect((await run(["bill", "--workspace", done, "--period", "2026-12", "--invoice-date", "2027-01-02", "--out", join(dir, "done.csv")])).code).toBe(0);
    const duration = Date.now() - t0;
    const after = await workspaceState(done);
    expect(after).not.toBe(before);
    const seen = { before: 0, after: 0 };
    for (let round = 0; round < 50; round++) {
      const ws = join(dir, `kill-${round}.db`);
      const out = join(dir, `kill-${round}.csv`);
      copyFileSync(seed, ws);
      const child: ChildProcess = spawn(process.execPath, [CLI, "bill", "--workspace", ws, "--period", "2026-12", "--invoice-date", "2027-01-02", "--out", out], { env: { ...process.env, MSP_BILLING_NOW: NOW }, stdio: "ignore" });
      const exited = new Promise((r) => child.on("close", r));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * duration * 1.1)));
      child.kill("SIGKILL");
      await exited;
      const state = await workspaceState(ws);
      expect([before, after]).toContain(state);
      if (state === before) seen.before++;
      else seen.after++;
      if (existsSync(out)) expect(state).toBe(after);
      const db = new Database(ws);
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
      // leftovers of a killed write are only temp files, which the next write removes
      for (const f of readdirSync(dir).filter((f) => f.startsWith(`.kill-${round}.csv.`))) expect(f).toMatch(/\.tmp$/);
    }
    expect(seen.before + seen.after).toBe(50);
    // kills landed on both sides of the commit (else the test would not have tested the transaction)
    expect(seen.before).toBeGreaterThan(0);
    expect(seen.after).toBeGreaterThan(0);
  }, 600_000);
});
