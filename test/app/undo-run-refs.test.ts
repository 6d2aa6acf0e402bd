/**
 * Issue 16.5: `undo --run` names every invoice it voids. The run record, the run's ledger entries
 * and the stored invoices of the run may each list only some of them (usage-only invoices have no
 * ledger entries, run records of older versions listed fewer refs); before the fix an invoice known
 * only to the store was deleted without being named.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBilling } from "../../src/app/bill";
import { importMaster } from "../../src/app/import-master";
import { undoRun } from "../../src/app/undo-run";
import type { CliIo } from "../../src/cli/cli-io";
import { runCli } from "../../src/cli/main";
import type { BillingStore } from "../../src/store/port";
import { openSqliteStore } from "../../src/store/node/sqlite-store";
import { dbOf } from "../support/db-view";
import { FIXED_NOW, testContext, textFile } from "../support/fixtures";

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\n";
const CONTRACTS = [
  "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,1,M365-BP,10,20.60,19,2026-01-01",
  "10002,Schmidt KG,V-2,monthly,advance,2026-01-01,1,M365-BP,3,20.60,19,2026-01-01",
  "10003,Weber AG,V-3,monthly,advance,2026-01-01,1,M365-BP,5,20.60,19,2026-01-01",
].join("\n");

/**
 * Makes the three sources differ: the run record lists only the first invoice, the ledger holds
 * entries of the second only, and the third is known to the invoice store alone.
 */
async function skew(store: BillingStore, runId: string): Promise<string[]> {
  return store.write(async (tx) => {
    const refs = (await tx.invoices.ofRun(runId)).map((i) => i.invoiceRef).sort();
    expect(refs).toHaveLength(3);
    const run = (await tx.runs.get(runId))!;
    await tx.runs.put({ ...run, invoiceRefs: [refs[0]!] });
    const ledger = await tx.ledger.ofRun(runId);
    await tx.ledger.deleteMany(ledger.filter((e) => e.invoiceRef !== refs[1]).map((e) => e.id));
    return refs;
  });
}

describe("undo of a run names every invoice it voids", () => {
  it("app: the union of run record, ledger and invoice store", async () => {
    const ctx = await testContext();
    expect((await importMaster(ctx, [textFile("articles.csv", ARTICLES), textFile("contracts.csv", CONTRACTS)])).ok).toBe(true);
    const bill = await runBilling(ctx, { month: "2026-01", invoiceDate: "2026-01-02" });
    const runId = bill.ok ? bill.value.runId! : "";
    const refs = await skew(ctx.store, runId);
    const r = await undoRun(ctx, runId);
    expect(r.ok && r.value.invoiceRefs).toEqual(refs);
    expect(await dbOf(ctx).invoices.count()).toBe(0);
    // All three numbers are given back: the counter is where it was before the run.
    expect(r.ok && r.value.numbersReturned).toBe(true);
    const audit = (await dbOf(ctx).auditLog.toArray()).find((a) => a.kind === "billing.run.undo")!;
    expect((audit.before as { invoiceRefs: string[] }).invoiceRefs).toEqual(refs);
    await ctx.store.close();
  });

  it("CLI: `undo --run` prints every voided invoice, as text and as JSON", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-undo-refs-"));
    writeFileSync(join(d, "articles.csv"), ARTICLES);
    writeFileSync(join(d, "contracts.csv"), CONTRACTS);
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), now: () => FIXED_NOW, lang: "en" };
      const code = await runCli(argv, io);
      return { code, out: out.join(""), err: err.join("") };
    };
    const setUp = async (ws: string) => {
      expect((await cli("import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv"))).code).toBe(0);
      const bill = await cli("bill", "--workspace", ws, "--period", "2026-01", "--draft", "--invoice-date", "2026-01-02", "--json");
      expect(bill.code).toBe(0);
      const runId = (JSON.parse(bill.out) as { runId: string }).runId;
      const store = await openSqliteStore(ws);
      try {
        return { runId, refs: await skew(store, runId) };
      } finally {
        await store.close();
      }
    };
    const text = await setUp(join(d, "text.db"));
    const undo = await cli("undo", "--workspace", join(d, "text.db"), "--run", text.runId);
    expect(undo.code).toBe(0);
    expect(undo.out).toBe(`undo: run ${text.runId} undone (1 ledger entries removed; invoices ${text.refs.join(", ")} void)\n`);
    const json = await setUp(join(d, "json.db"));
    const undoJson = await cli("undo", "--workspace", join(d, "json.db"), "--run", json.runId, "--json");
    expect(undoJson.code).toBe(0);
    expect(JSON.parse(undoJson.out)).toMatchObject({ runId: json.runId, invoiceRefs: json.refs, numbersReturned: true });
  });
});
