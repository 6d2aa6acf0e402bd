/**
 * `cancel-invoice --run ID`: every invoice of an issued run not cancelled yet, in one cancellation
 * run whose `export` gives the ERP one file with every Stornorechnung.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand as cli } from "../support/cli-io";
import { TWO_CUSTOMERS_ARTICLES, TWO_CUSTOMERS_CONTRACTS } from "../support/two-customers";
import { METERS_CSV, TIME_ARTICLES, TIME_CONTRACTS, TIME_CSV, TIME_RULES } from "../app/time-fixtures";

async function issuedJanuary(): Promise<{ d: string; ws: string; runId: string }> {
  const d = mkdtempSync(join(tmpdir(), "msp-cancel-run-"));
  writeFileSync(join(d, "articles.csv"), TWO_CUSTOMERS_ARTICLES);
  writeFileSync(join(d, "contracts.csv"), TWO_CUSTOMERS_CONTRACTS);
  const ws = join(d, "ws.db");
  expect((await cli("import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv"))).code).toBe(0);
  const bill = await cli("bill", "--workspace", ws, "--period", "2026-01", "--invoice-date", "2026-01-02", "--out", join(d, "jan.csv"), "--json");
  expect(bill.code).toBe(0);
  return { d, ws, runId: (JSON.parse(bill.out) as { runId: string }).runId };
}

describe("cancel-invoice --run", () => {
  it("cancels every invoice of the issued run; the cancellation run exports as one file with every Stornorechnung", async () => {
    const { d, ws, runId } = await issuedJanuary();
    const r = await cli("cancel-invoice", "--workspace", ws, "--run", runId, "--date", "2026-01-20");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const cancelRunId = /in run (\S+)\n/.exec(r.out)![1]!;
    expect(r.out).toBe(
      `cancel-invoice: run ${runId}: 2 invoices cancelled in run ${cancelRunId}\n` +
        "  RE-000001 cancelled by RE-000003 (gross -245.14)\n" +
        "  RE-000002 cancelled by RE-000004 (gross -73.54)\n" +
        `  the Stornorechnungen for the ERP: export --run ${cancelRunId} --out FILE\n`,
    );
    expect((await cli("export", "--workspace", ws, "--run", cancelRunId, "--out", join(d, "storno.csv"))).code).toBe(0);
    const csv = readFileSync(join(d, "storno.csv"), "utf8");
    expect(csv).toContain("RE-000003");
    expect(csv).toContain("RE-000004");
    expect((await cli("verify", "--workspace", ws)).code).toBe(0);
    // Nothing is left to cancel: a second call says so and changes nothing.
    const again = await cli("cancel-invoice", "--workspace", ws, "--run", runId, "--json");
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/Nothing left to cancel in run/);
  });

  it("--json lists the cancellations; --invoice and --run together, or neither, is a usage error", async () => {
    const { ws, runId } = await issuedJanuary();
    expect((await cli("cancel-invoice", "--workspace", ws, "--invoice", "RE-000001", "--run", runId)).code).toBe(2);
    expect((await cli("cancel-invoice", "--workspace", ws)).code).toBe(2);
    const r = await cli("cancel-invoice", "--workspace", ws, "--run", runId, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ cancelledRun: runId, cancelledBefore: [], cancellations: [{ cancelled: "RE-000001", cancellationRef: "RE-000003" }, { cancelled: "RE-000002", cancellationRef: "RE-000004" }] });
  });

  it("names what a cancellation gives back to the next bill: time entries and click months", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-cancel-usage-"));
    const files = { "articles.csv": TIME_ARTICLES, "contracts.csv": TIME_CONTRACTS, "rules.json": TIME_RULES, "zeiten.csv": TIME_CSV, "zaehler.csv": METERS_CSV };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
    const ws = join(d, "ws.db");
    expect((await cli("import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv"))).code).toBe(0);
    expect((await cli("rules", "set", "--workspace", ws, join(d, "rules.json"))).code).toBe(0);
    expect((await cli("time", "import", "--workspace", ws, join(d, "zeiten.csv"))).code).toBe(0);
    expect((await cli("meters", "import", "--workspace", ws, join(d, "zaehler.csv"))).code).toBe(0);
    const bill = await cli("bill", "--workspace", ws, "--period", "2026-06", "--invoice-date", "2026-07-01", "--out", join(d, "juni.csv"), "--json");
    expect(bill.code).toBe(0);
    const runId = (JSON.parse(bill.out) as { runId: string }).runId;
    // RE-000001 is Muster GmbH's (three time entries billed), RE-000003 Druck KG's (one click month).
    const one = await cli("cancel-invoice", "--workspace", ws, "--invoice", "RE-000001", "--date", "2026-07-10");
    expect(one.out).toMatch(/^cancel-invoice: RE-000001 cancelled by RE-000004 \(run \S+, gross -\S+\)\n {2}open again for the next bill: 3 time entries\n$/);
    const all = await cli("cancel-invoice", "--workspace", ws, "--run", runId, "--date", "2026-07-10");
    expect(all.out).toContain("  cancelled before, left as they are: RE-000001\n  open again for the next bill: 1 time entry, 1 click month\n");
    const json = await cli("bill", "--workspace", ws, "--period", "2026-06", "--invoice-date", "2026-07-11", "--dry-run", "--out", join(d, "vorschau.csv"), "--json");
    expect(JSON.parse(json.out)).toMatchObject({ runId: null, invoices: 3 });
  });
});
