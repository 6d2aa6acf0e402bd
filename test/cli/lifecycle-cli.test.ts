import Database from "better-sqlite3";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FIXED_NOW } from "../support/fixtures";
import { TWO_CUSTOMERS_ARTICLES as ARTICLES, TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "../support/two-customers";
import { runCommand as run } from "../support/cli-io";

/** A new workspace in a temp folder with the two customers' articles and contracts imported. */
async function workspaceWithMasterData(): Promise<{ d: string; ws: string }> {
  const d = mkdtempSync(join(tmpdir(), "msp-lifecycle-cli-"));
  const ws = join(d, "ws.db");
  writeFileSync(join(d, "articles.csv"), ARTICLES);
  writeFileSync(join(d, "contracts.csv"), CONTRACTS);
  expect((await run("import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv"))).code).toBe(0);
  return { d, ws };
}

describe("CLI: finalize, cancel-invoice, verify", () => {
  it("issues a run, refuses its undo, cancels one invoice, and verify names an edited audit row", async () => {
    const { d, ws } = await workspaceWithMasterData();
    const bill = await run("bill", "--workspace", ws, "--period", "2026-01", "--out", join(d, "jan.csv"), "--invoice-date", "2026-01-02", "--json");
    expect(bill.code).toBe(0);
    const runId = (JSON.parse(bill.out) as { runId: string }).runId;
    expect(runId).toBeTruthy();

    // usage errors
    expect((await run("finalize", "--workspace", ws)).code).toBe(2);
    expect((await run("cancel-invoice", "--workspace", ws, "--invoice", "RE-000001", "--date", "2026-13-01")).code).toBe(2);
    const unknown = await run("finalize", "--workspace", ws, "--run", "no-such-run");
    expect(unknown.code).toBe(1);

    const fin = await run("finalize", "--workspace", ws, "--run", runId, "--json");
    expect(fin.code).toBe(0);
    expect((JSON.parse(fin.out) as { issuedAt: string }).issuedAt).toBe(FIXED_NOW);
    // finalizing again changes nothing and succeeds
    expect((await run("finalize", "--workspace", ws, "--run", runId)).code).toBe(0);

    const undo = await run("undo", "--workspace", ws, "--run", runId);
    expect(undo.code).toBe(1);
    expect(undo.err).toMatch(/issued/i);

    const cancel = await run("cancel-invoice", "--workspace", ws, "--invoice", "RE-000001", "--date", "2026-01-20", "--json");
    expect(cancel.code).toBe(0);
    expect(JSON.parse(cancel.out)).toMatchObject({ cancelled: "RE-000001", cancellationRef: "RE-000003" });
    const again = await run("cancel-invoice", "--workspace", ws, "--invoice", "RE-000001");
    expect(again.code).toBe(1);

    const ok = await run("verify", "--workspace", ws, "--json");
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.out) as { firstBreak: unknown; issuedInvoices: number; auditEntries: number };
    expect(report.firstBreak).toBeNull();
    expect(report.issuedInvoices).toBe(3);
    expect(report.auditEntries).toBeGreaterThan(2);

    // Edit one audit row in the SQLite workspace behind the program's back.
    const db = new Database(ws);
    const row = db.prepare("SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 1").get() as { seq: number };
    db.prepare("UPDATE audit_log SET source = 'edited' WHERE seq = ?").run(row.seq);
    db.close();
    const broken = await run("verify", "--workspace", ws);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`audit log entry seq ${row.seq}: content_changed`);
  });

  it("verify covers the ledger of issued invoices: an edited rounded amount is named, in English and German", async () => {
    const { d, ws } = await workspaceWithMasterData();
    const bill = await run("bill", "--workspace", ws, "--period", "2026-01", "--out", join(d, "jan.csv"), "--invoice-date", "2026-01-02", "--json");
    const runId = (JSON.parse(bill.out) as { runId: string }).runId;
    expect((await run("finalize", "--workspace", ws, "--run", runId)).code).toBe(0);
    const ok = await run("verify", "--workspace", ws);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("verify: ledger ok: 2 entries of the issued invoices (2 invoices checked against their ledger digest)\n");
    expect((await run("verify", "--workspace", ws, "--lang", "de")).out).toContain("verify: Abrechnungsjournal in Ordnung: 2 Buchungen");

    const db = new Database(ws);
    db.prepare("UPDATE ledger SET rounded_amount = '1.00' WHERE invoice_ref = 'RE-000002'").run();
    db.close();
    const broken = await run("verify", "--workspace", ws);
    expect(broken.code).toBe(1);
    expect(broken.err).toBe(`verify: chain broken at ledger of issued invoice RE-000002: ledger_changed — line 1, field roundedAmount\n`);
    const de = await run("verify", "--workspace", ws, "--lang", "de");
    expect(de.err).toBe(`verify: Kette gebrochen bei Abrechnungsjournal der festgeschriebenen Rechnung RE-000002: ledger_changed – Position 1, Feld roundedAmount\n`);
  });
});
