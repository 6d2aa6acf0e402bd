/**
 * Issue 17: the invoice file of `bill --out` goes to the ERP, so it issues the run like the first
 * `export`; `--draft` stores a run to be checked without a file, `--dry-run --out` previews.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../../src/store/node/sqlite-store";
import { runCommand } from "../support/cli-io";
import { FIXED_NOW } from "../support/fixtures";
import { TWO_CUSTOMERS_ARTICLES as ARTICLES, TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "../support/two-customers";

const cli = runCommand;

async function workspace(): Promise<{ d: string; ws: string }> {
  const d = mkdtempSync(join(tmpdir(), "msp-bill-issues-"));
  writeFileSync(join(d, "articles.csv"), ARTICLES);
  writeFileSync(join(d, "contracts.csv"), CONTRACTS);
  const ws = join(d, "ws.db");
  expect((await cli("import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv"))).code).toBe(0);
  return { d, ws };
}

async function storedRuns(ws: string) {
  const store = await openSqliteStore(ws);
  try {
    return await store.read((tx) => tx.runs.all());
  } finally {
    await store.close();
  }
}

const JAN = ["--period", "2026-01", "--invoice-date", "2026-01-02"];

describe("bill: the invoice file issues the run (issue 17)", () => {
  it("a month more than one ahead (a typo in the year) bills nothing without --allow-future; next month and a preview are fine", async () => {
    const { d, ws } = await workspace();
    // the clock says November 2026
    const typo = await cli("bill", "--workspace", ws, "--period", "2027-01", "--invoice-date", "2026-12-01", "--out", join(d, "typo.csv"));
    expect(typo.code).toBe(1);
    expect(typo.err).toContain("--period: Billing month January 2027 is more than one month after the current month November 2026: a typo in the year? Nothing was billed.");
    expect(await storedRuns(ws)).toEqual([]);
    expect(existsSync(join(d, "typo.csv"))).toBe(false);
    expect((await cli("bill", "--workspace", ws, "--period", "2027-01", "--dry-run", "--out", join(d, "preview.csv"))).code).toBe(0);
    expect((await cli("bill", "--workspace", ws, "--period", "2026-12", "--invoice-date", "2026-11-30", "--out", join(d, "dec.csv"))).code).toBe(0);
    expect((await cli("bill", "--workspace", ws, "--period", "2027-01", "--invoice-date", "2026-11-30", "--allow-future", "--out", join(d, "jan.csv"))).code).toBe(0);
    expect((await storedRuns(ws)).map((r) => r.month)).toEqual(["2026-12", "2027-01"]);
  });

  it("--out issues the run: undo is refused, the file equals the preview of --dry-run and a later export of the run", async () => {
    const { d, ws } = await workspace();
    const preview = await cli("bill", "--workspace", ws, ...JAN, "--dry-run", "--out", join(d, "preview.csv"));
    expect(preview.code).toBe(0);
    expect(await storedRuns(ws)).toEqual([]);

    const bill = await cli("bill", "--workspace", ws, ...JAN, "--out", join(d, "jan.csv"), "--json");
    expect(bill.code).toBe(0);
    const summary = JSON.parse(bill.out) as { runId: string; issuedAt: string | null; draft: boolean };
    expect(summary.draft).toBe(false);
    expect(summary.issuedAt).toBe(FIXED_NOW);
    const [run] = await storedRuns(ws);
    expect(run).toMatchObject({ id: summary.runId, issuedAt: FIXED_NOW, issuedBy: "export" });
    // The preview showed the same invoices with the same numbers.
    expect(readFileSync(join(d, "jan.csv"), "utf8")).toBe(readFileSync(join(d, "preview.csv"), "utf8"));
    expect(readFileSync(join(d, "jan.csv"), "utf8")).toContain("RE-000002");

    const undo = await cli("undo", "--workspace", ws, "--run", summary.runId);
    expect(undo.code).toBe(1);
    expect(undo.err).toMatch(/issued/);
    const again = await cli("export", "--workspace", ws, "--run", summary.runId, "--out", join(d, "again.csv"));
    expect(again.code).toBe(0);
    expect(readFileSync(join(d, "again.csv"), "utf8")).toBe(readFileSync(join(d, "jan.csv"), "utf8"));
  });

  it("the text output says the run is issued and how to correct it", async () => {
    const { d, ws } = await workspace();
    const bill = await cli("bill", "--workspace", ws, ...JAN, "--out", join(d, "jan.csv"));
    expect(bill.code).toBe(0);
    expect(bill.out).toMatch(/run \S+ issued \(festgeschrieben\) with this file: it can no longer be undone; correct an invoice with: cancel-invoice/);
    expect(bill.out).not.toMatch(/undo with/);
  });

  it("--draft stores a draft without a file; it can be undone (numbers back) or issued later by export", async () => {
    const { d, ws } = await workspace();
    const draft = await cli("bill", "--workspace", ws, ...JAN, "--draft", "--json");
    expect(draft.code).toBe(0);
    const first = JSON.parse(draft.out) as { runId: string; issuedAt: string | null; draft: boolean; out: string | null };
    expect(first).toMatchObject({ draft: true, issuedAt: null, out: null });
    expect((await storedRuns(ws))[0]!.issuedAt).toBeUndefined();
    expect((await cli("undo", "--workspace", ws, "--run", first.runId)).code).toBe(0);

    const text = await cli("bill", "--workspace", ws, ...JAN, "--draft");
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/\(draft\): 2 invoices/);
    const runId = /run (\S+) stored as a draft/.exec(text.out)![1]!;
    expect(text.out).toContain(`undo with: undo --run ${runId}`);
    const exported = await cli("export", "--workspace", ws, "--run", runId, "--out", join(d, "jan.csv"));
    expect(exported.code).toBe(0);
    // The undone draft gave its numbers back: the issued run starts at RE-000001 again.
    expect(readFileSync(join(d, "jan.csv"), "utf8")).toContain("RE-000001");
    expect((await storedRuns(ws)).find((r) => r.id === runId)!.issuedAt).toBe(FIXED_NOW);
  });

  it("--draft with a file, or with --dry-run, is refused before anything is stored", async () => {
    const { d, ws } = await workspace();
    const withOut = await cli("bill", "--workspace", ws, ...JAN, "--draft", "--out", join(d, "jan.csv"));
    expect(withOut.code).not.toBe(0);
    expect(withOut.err).toMatch(/--draft writes no invoice file/);
    const withDocs = await cli("bill", "--workspace", ws, ...JAN, "--draft", "--documents", join(d, "docs"));
    expect(withDocs.code).not.toBe(0);
    const withDry = await cli("bill", "--workspace", ws, ...JAN, "--draft", "--dry-run");
    expect(withDry.code).not.toBe(0);
    expect(withDry.err).toMatch(/give one of them/);
    expect(existsSync(join(d, "jan.csv"))).toBe(false);
    expect(await storedRuns(ws)).toEqual([]);
  });

  it("a month with nothing due issues nothing and stores no run", async () => {
    const { d, ws } = await workspace();
    expect((await cli("bill", "--workspace", ws, ...JAN, "--out", join(d, "jan.csv"))).code).toBe(0);
    const again = await cli("bill", "--workspace", ws, ...JAN, "--out", join(d, "jan-again.csv"), "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ runId: null, issuedAt: null, invoices: 0, out: null });
    expect(await storedRuns(ws)).toHaveLength(1);
    // no header-only file for the ERP, and the clerk is told why (in the language of the command line)
    expect(existsSync(join(d, "jan-again.csv"))).toBe(false);
    const text = await cli("bill", "--workspace", ws, ...JAN, "--out", join(d, "jan-3.csv"));
    expect(text.code).toBe(0);
    expect(text.out).toBe("bill 2026-01: Nothing to bill for January 2026: everything due by the end of the month is billed already. No run was stored and no file was written.\n");
    const preview = await cli("bill", "--workspace", ws, ...JAN, "--dry-run", "--out", join(d, "preview.csv"), "--lang", "de");
    expect(preview.out).toContain("Nichts abzurechnen für Januar 2026:");
    expect(existsSync(join(d, "jan-3.csv")) || existsSync(join(d, "preview.csv"))).toBe(false);
    expect(await storedRuns(ws)).toHaveLength(1);
  });

  it("time covered by included hours alone: a run records it, without an invoice or a file", async () => {
    const { d, ws } = await workspace();
    expect((await cli("bill", "--workspace", ws, ...JAN, "--out", join(d, "jan.csv"))).code).toBe(0);
    writeFileSync(join(d, "sup.csv"), "article_no,description,unit_price,vat_pct\nSUP-R,Remote-Support,90.00,19\n");
    expect((await cli("import-master", "--workspace", ws, join(d, "sup.csv"))).code).toBe(0);
    const rules = { defaults: { unitMinutes: 15, activities: { remote: { articleNo: "SUP-R" } }, defaultActivity: "remote" }, contracts: { "V-1": { includedHoursPerMonth: "1" } } };
    writeFileSync(join(d, "rules.json"), JSON.stringify(rules));
    expect((await cli("rules", "set", "--workspace", ws, join(d, "rules.json"))).code).toBe(0);
    writeFileSync(join(d, "time.csv"), "ticket_no,customer_no,contract_no,date,start,end,minutes,technician,activity,billable,description\n1,10001,V-1,2026-01-14,09:00,09:30,,jm,remote,ja,Drucker\n");
    expect((await cli("time", "import", "--workspace", ws, join(d, "time.csv"))).code).toBe(0);
    // the preview says a run would record the entry (not "nothing to bill"), and stores nothing
    const dry = await cli("bill", "--workspace", ws, ...JAN, "--dry-run", "--out", join(d, "preview.csv"));
    expect(dry.code).toBe(0);
    expect(dry.out).toBe(
      "bill 2026-01 (dry run): No invoice for January 2026: a run would only record time entries, click months or usage without an amount (covered by included hours, a contingent or included pages; time entries: 1, click months: 0, usage records: 0). Without a run they stay open; without --dry-run it is stored.\n",
    );
    const dryJson = await cli("bill", "--workspace", ws, ...JAN, "--dry-run", "--out", join(d, "preview.csv"), "--json");
    expect(JSON.parse(dryJson.out)).toMatchObject({ runId: null, invoices: 0, recordsUsageOnly: true, usageRecorded: { timeEntries: 1, clickMonths: 0, usageRecords: 0 } });
    expect(await storedRuns(ws)).toHaveLength(1);
    const covered = await cli("bill", "--workspace", ws, ...JAN, "--out", join(d, "covered.csv"));
    expect(covered.code).toBe(0);
    expect(covered.out).toBe("bill 2026-01: No invoice for January 2026: run run-00002 only records time entries or click months without an amount (covered by included hours, a contingent or included pages). No file was written.\n");
    expect(existsSync(join(d, "covered.csv"))).toBe(false);
    expect((await storedRuns(ws)).map((r) => [r.id, r.invoiceRefs.length, r.issuedAt !== undefined])).toEqual([["run-00001", 2, true], ["run-00002", 0, true]]);
  });
});
