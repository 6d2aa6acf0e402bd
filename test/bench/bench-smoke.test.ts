/**
 * The benchmarks still run (`npm run bench` is not part of CI and once broke unnoticed when the store
 * moved to SQLite): every script under bench/ at a tiny size, in its own process, must exit 0 and
 * print its figures. No time is asserted here (timed assertions are flaky on a shared machine).
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const DIR = join(__dirname, "..", "..", "bench");

/** Each script with the smallest arguments it takes (see its header comment). */
const SMALL: Record<string, string[]> = {
  "billing.js": ["200"],
  "functions.js": ["50", "200"],
  "gateway.js": ["300"],
  "history.js": ["100", "3"],
  "mappings.js": ["2000"],
  "read-vendor.js": ["2000"],
  "reconcile.js": ["2000"],
  "server.js": [],
};

describe("benchmarks (smoke run at a tiny size)", () => {
  it("every bench script is listed here", () => {
    const scripts = readdirSync(DIR).filter((f) => f.endsWith(".js") && f !== "register.js" && !f.startsWith("_")).sort();
    expect(scripts).toEqual(Object.keys(SMALL).sort());
  });

  it.each(Object.entries(SMALL))("%s runs and prints figures", (script, args) => {
    const r = spawnSync(process.execPath, ["--expose-gc", join(DIR, script), ...args], { encoding: "utf8", timeout: 240_000, maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${script} exited ${String(r.status)} (${String(r.signal)}):\n${r.stderr.slice(-3000)}`);
    expect(r.stdout).toMatch(/\d[\d,.]* ?(ms|s)\b/);
    if (script !== "read-vendor.js") expect(r.stdout).toMatch(/^BENCH \{/m);
  }, 300_000);
});
