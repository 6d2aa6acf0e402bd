/**
 * The CLI's store under several processes and under crashes (issue 15 items 3 and 4), with the built
 * CLI (`npm test` builds before jest) as a user runs it:
 * - 20 rounds of two `import-master` and one `bill` started at the same moment on one workspace:
 *   every command succeeds (SQLite serialises the writers), and the store equals the same three
 *   commands run one after another in the order they committed — no lost update, no number twice.
 *   The one-after-another store is made once per commit order and compared with every round that
 *   committed in that order (it depends on nothing else: the clock is fixed);
 * - 20 rounds of a `bill` killed with SIGKILL at a random moment of its work on the store (from
 *   taking the write lock to a little after it would have exited, or just as it starts writing the
 *   invoice file): the store is exactly as before or as after the command (never in between), still
 *   passes SQLite's integrity check, and the invoice file exists only when the run is in the store
 *   (and is begun only after the commit). Kills must have landed before and after the commit, and
 *   inside the write transaction.
 * A soak run multiplies the rounds: `MSP_PROCESS_SOAK=10 npx jest test/cli/store-processes`.
 */
import Database from "better-sqlite3";
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { openSqliteStore } from "../../src/store/node/sqlite-store";
import { workspaceState } from "../support/workspace";

const CLI = join(__dirname, "..", "..", "bin", "msp-billing.js");
const NOW = "2026-02-01T08:00:00.000Z";
/** Rounds ×N for a soak run (CI runs ×1). */
const SOAK = Math.max(1, Math.floor(Number(process.env.MSP_PROCESS_SOAK ?? "1")) || 1);
const PAR_ROUNDS = 20 * SOAK;
const KILL_ROUNDS = 20 * SOAK;

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
  it(`${PAR_ROUNDS} rounds of import, import and bill at once equal the same commands one after another`, async () => {
    // Every round starts from the same store: the articles, imported once.
    const start = join(dir, "articles.db");
    expect((await run(["import-master", "--workspace", start, join(dir, "articles.csv")])).code).toBe(0);
    const commands: Record<string, string[]> = {
      A: ["import-master", "--workspace", "WS", join(dir, "a.csv")],
      B: ["import-master", "--workspace", "WS", join(dir, "b.csv")],
      bill: ["bill", "--workspace", "WS", "--period", "2026-01", "--invoice-date", "2026-02-01", "--out", "OUT"],
    };
    const withWs = (args: string[], ws: string, out: string) => args.map((a) => (a === "WS" ? ws : a === "OUT" ? out : a));
    /** The store after the three commands one after another in `order` (run once per order). */
    const oneAfterAnother = new Map<string, string>();
    const sequential = async (order: string[]): Promise<string> => {
      const key = order.join("-");
      if (!oneAfterAnother.has(key)) {
        const seq = join(dir, `seq-${key}.db`);
        copyFileSync(start, seq);
        for (const name of order) expect((await run(withWs(commands[name]!, seq, join(dir, `seq-${key}.csv`)))).code).toBe(0);
        oneAfterAnother.set(key, await workspaceState(seq));
      }
      return oneAfterAnother.get(key)!;
    };
    for (let n = 0; n < PAR_ROUNDS; n++) {
      const ws = join(dir, `par-${n}.db`);
      copyFileSync(start, ws);
      const results = await Promise.all(Object.values(commands).map((c) => run(withWs(c, ws, join(dir, `par-${n}.csv`)))));
      expect(results.map((r) => [r.code, r.err.split("\n")[0]])).toEqual(results.map(() => [0, expect.anything()]));
      const order = await commitOrder(ws);
      expect([...order].sort()).toEqual(["A", "B", "bill"].sort());
      expect(await workspaceState(ws)).toBe(await sequential(order));
    }
    // (how often each order came up is luck; the point is that every order gave the sequential result)
    expect(oneAfterAnother.size).toBeGreaterThanOrEqual(1);
  }, 600_000 * SOAK);

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

/**
 * A `bill` process on `ws`, with the moments (ms after its start; -1 when it ended first) it took
 * the write lock (`BEGIN IMMEDIATE`: the store writes its writer's note `ws.writer`) and began to
 * write the invoice file (its temp file `.out.csv.*.tmp` appeared).
 */
function startBill(ws: string, out: string): { child: ChildProcess; locked: Promise<number>; writingFile: Promise<number>; exited: Promise<number> } {
  const t0 = Date.now();
  let locked!: (ms: number) => void;
  let writingFile!: (ms: number) => void;
  const lock = new Promise<number>((r) => (locked = r));
  const file = new Promise<number>((r) => (writingFile = r));
  const watcher = watch(dirname(ws), (_, name) => {
    if (name === `${basename(ws)}.writer`) locked(Date.now() - t0);
    if (name?.startsWith(`.${basename(out)}.`)) writingFile(Date.now() - t0);
  });
  const child: ChildProcess = spawn(process.execPath, [CLI, "bill", "--workspace", ws, "--period", "2026-12", "--invoice-date", "2027-01-02", "--allow-future", "--out", out], { env: { ...process.env, MSP_BILLING_NOW: NOW }, stdio: "ignore" });
  const exited = new Promise<number>((r) =>
    child.on("close", () => {
      watcher.close();
      locked(-1);
      writingFile(-1);
      r(Date.now() - t0);
    }),
  );
  return { child, locked: lock, writingFile: file, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.floor(ms)));

describe("a killed command leaves the store before or after, never in between", () => {
  it(`${KILL_ROUNDS} rounds of \`bill\` killed with SIGKILL at a random moment of its work on the store`, async () => {
    const seed = join(dir, "seed.db");
    expect((await run(["import-master", "--workspace", seed, join(dir, "articles.csv"), join(dir, "a.csv"), join(dir, "b.csv")])).code).toBe(0);
    const before = await workspaceState(seed);
    const roundDir = (name: string) => {
      const d = join(dir, name);
      mkdirSync(d);
      copyFileSync(seed, join(d, "ws.db"));
      return d;
    };
    // A whole run: how long it works once it holds the lock, and the store after it.
    const done = roundDir("done");
    const bill = startBill(join(done, "ws.db"), join(done, "out.csv"));
    const locked = await bill.locked;
    const span = (await bill.exited) - locked;
    expect([bill.child.exitCode, locked >= 0, (await bill.writingFile) > locked]).toEqual([0, true, true]);
    const after = await workspaceState(join(done, "ws.db"));
    expect(after).not.toBe(before);
    const seen = { before: 0, after: 0, inTransaction: 0 };
    const broad = Math.ceil(KILL_ROUNDS / 2);
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const d = roundDir(`kill-${round}`);
      const ws = join(d, "ws.db");
      const bill = startBill(ws, join(d, "out.csv"));
      // Even rounds die anywhere from taking the lock to a little after the exit (the i-th of n in
      // the i-th n-th of that time); odd rounds within 30 ms of starting the invoice file, which is
      // written only after the commit: the store must hold the run then.
      const atFile = round % 2 === 1;
      if (atFile ? (await bill.writingFile) >= 0 : (await bill.locked) >= 0) await sleep(atFile ? Math.random() * 30 : ((Math.floor(round / 2) + Math.random()) / broad) * span * 1.1);
      // the writer's note exists from BEGIN IMMEDIATE until just after COMMIT or ROLLBACK
      const writing = existsSync(`${ws}.writer`);
      bill.child.kill("SIGKILL");
      await bill.exited;
      const state = await workspaceState(ws);
      expect([before, after]).toContain(state);
      if (state === before) seen.before++;
      else seen.after++;
      if (writing && state === before) seen.inTransaction++;
      if (existsSync(join(d, "out.csv")) || atFile) expect(state).toBe(after);
      const db = new Database(ws);
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
      // leftovers of a killed write are only temp files, which the next write removes
      for (const f of readdirSync(d).filter((f) => f.startsWith(".out.csv."))) expect(f).toMatch(/\.tmp$/);
    }
    expect(seen.before + seen.after).toBe(KILL_ROUNDS);
    // kills landed on both sides of the commit, and in the middle of the write transaction (rolled
    // back), else the test would not have tested the transaction
    expect(seen.before).toBeGreaterThan(0);
    expect(seen.after).toBeGreaterThan(0);
    expect(seen.inTransaction).toBeGreaterThan(0);
  }, 600_000 * SOAK);
});
