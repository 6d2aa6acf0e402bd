/**
 * `cancel-invoice --run ID`: every invoice of an issued run not cancelled yet, in one cancellation
 * run whose `export` gives the ERP one file with every Stornorechnung.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand as cli } from "../support/cli-io";
import { TWO_CUSTOMERS_ARTICLES, TWO_CUSTOMERS_CONTRACTS } from "../support/two-customers";

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
});
