/**
 * `runs` and `invoices`: what the clerk looks up before exporting, issuing or cancelling — the runs
 * with their state and number ranges, the invoices of a run, a customer or a period with status.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand as cli } from "../support/cli-io";
import { TWO_CUSTOMERS_ARTICLES, TWO_CUSTOMERS_CONTRACTS } from "../support/two-customers";

/** January issued by its export, RE-000001 cancelled, February a draft, March undone. */
async function story(): Promise<{ d: string; ws: string }> {
  const d = mkdtempSync(join(tmpdir(), "msp-invoice-list-"));
  writeFileSync(join(d, "articles.csv"), TWO_CUSTOMERS_ARTICLES);
  writeFileSync(join(d, "contracts.csv"), TWO_CUSTOMERS_CONTRACTS);
  const ws = join(d, "ws.db");
  const steps: string[][] = [
    ["import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv")],
    ["bill", "--workspace", ws, "--period", "2026-01", "--invoice-date", "2026-01-02", "--out", join(d, "jan.csv")],
    ["cancel-invoice", "--workspace", ws, "--invoice", "RE-000001", "--date", "2026-01-20", "--reason", "falscher Preis"],
    ["bill", "--workspace", ws, "--period", "2026-02", "--invoice-date", "2026-02-02", "--draft"],
    ["bill", "--workspace", ws, "--period", "2026-03", "--invoice-date", "2026-03-02", "--draft"],
    ["undo", "--workspace", ws, "--run", "run-00004"],
  ];
  for (const argv of steps) expect((await cli(...argv)).code).toBe(0);
  return { d, ws };
}

describe("runs and invoices", () => {
  it("an empty store says so", async () => {
    const ws = join(mkdtempSync(join(tmpdir(), "msp-invoice-list-")), "ws.db");
    expect((await cli("runs", "--workspace", ws)).out).toBe("runs: no billing run yet\n");
    expect((await cli("invoices", "--workspace", ws)).out).toBe("invoices: none match\n");
  });

  it("runs lists each run with state, number range, cancellations and totals; an undone run has none", async () => {
    const { ws } = await story();
    const r = await cli("runs", "--workspace", ws);
    expect(r.err).toBe("");
    expect(r.out).toBe(
      [
        "run        kind          month    invoice date  state                                   invoices                                 net    gross",
        "run-00001  billing       2026-01  2026-01-02    issued 2026-11-23 10:00 (export)        2 RE-000001–RE-000002 (1 cancelled)   267.80   318.68",
        "run-00002  cancellation  2026-01  2026-01-20    issued 2026-11-23 10:00 (cancellation)  1 RE-000003                          -206.00  -245.14",
        "run-00003  billing       2026-02  2026-02-02    draft                                   2 RE-000004–RE-000005                 473.80   563.82",
        "run-00004  billing       2026-03  2026-03-02    undone 2026-11-23 10:00",
        "",
      ].join("\n"),
    );
    const json = JSON.parse((await cli("runs", "--workspace", ws, "--json")).out) as { runId: string; state: string; invoices: number; cancelled: number }[];
    expect(json.map((x) => [x.runId, x.state, x.invoices, x.cancelled])).toEqual([
      ["run-00001", "issued", 2, 1],
      ["run-00002", "issued", 1, 0],
      ["run-00003", "draft", 2, 0],
      ["run-00004", "undone", 0, 0],
    ]);
  });

  it("invoices lists every invoice in number order with title, state, totals and what cancels what", async () => {
    const { ws } = await story();
    expect((await cli("invoices", "--workspace", ws)).out).toBe(
      [
        "invoice    date        customer           title           state       net    gross  status",
        "RE-000001  2026-01-02  10001 Müller GmbH  Rechnung        issued   206.00   245.14  cancelled by RE-000003",
        "RE-000002  2026-01-02  10002 Schmidt KG   Rechnung        issued    61.80    73.54",
        "RE-000003  2026-01-20  10001 Müller GmbH  Stornorechnung  issued  -206.00  -245.14  cancels RE-000001 (falscher Preis)",
        "RE-000004  2026-02-02  10001 Müller GmbH  Rechnung        draft    412.00   490.28",
        "RE-000005  2026-02-02  10002 Schmidt KG   Rechnung        draft     61.80    73.54",
        "",
      ].join("\n"),
    );
  });

  it("filters by run, customer and invoice dates, all that are given", async () => {
    const { ws } = await story();
    const refs = async (...filter: string[]): Promise<string[]> => {
      const r = await cli("invoices", "--workspace", ws, ...filter, "--json");
      expect(r.code).toBe(0);
      return (JSON.parse(r.out) as { invoiceRef: string }[]).map((i) => i.invoiceRef);
    };
    expect(await refs("--run", "run-00001")).toEqual(["RE-000001", "RE-000002"]);
    expect(await refs("--customer", "10001")).toEqual(["RE-000001", "RE-000003", "RE-000004"]);
    expect(await refs("--customer", "10001", "--to", "2026-01-31")).toEqual(["RE-000001", "RE-000003"]);
    expect(await refs("--from", "2026-01-03", "--to", "2026-01-31")).toEqual(["RE-000003"]);
    expect(await refs("--from", "2026-02-01")).toEqual(["RE-000004", "RE-000005"]);
    expect(await refs("--to", "2026-01-19")).toEqual(["RE-000001", "RE-000002"]);
    expect(await refs("--run", "run-00003", "--customer", "10002")).toEqual(["RE-000005"]);
    expect(await refs("--run", "run-00004")).toEqual([]);
  });

  it("--out writes the list as CSV for a spreadsheet", async () => {
    const { d, ws } = await story();
    const r = await cli("invoices", "--workspace", ws, "--customer", "10001", "--out", join(d, "liste.csv"));
    expect(r.code).toBe(0);
    expect(r.out).toBe(`invoices: 3 → ${join(d, "liste.csv")}\n`);
    const lines = readFileSync(join(d, "liste.csv"), "utf8").trim().split(/\r?\n/);
    expect(lines).toEqual([
      "invoice_ref,invoice_date,customer_no,customer_name,document_title,state,net_total,vat_total,gross_total,cancelled_by,cancels,reason,run_id",
      "RE-000001,2026-01-02,10001,Müller GmbH,Rechnung,issued,206.00,39.14,245.14,RE-000003,,,run-00001",
      "RE-000003,2026-01-20,10001,Müller GmbH,Stornorechnung,issued,-206.00,-39.14,-245.14,,RE-000001,falscher Preis,run-00002",
      "RE-000004,2026-02-02,10001,Müller GmbH,Rechnung,draft,412.00,78.28,490.28,,,,run-00003",
    ]);
  });

  it("a bad date, --from after --to or a stray argument is a usage error naming it", async () => {
    const ws = join(mkdtempSync(join(tmpdir(), "msp-invoice-list-")), "ws.db");
    const bad = await cli("invoices", "--workspace", ws, "--from", "2026-13-01");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--from: "2026-13-01" is not a date YYYY-MM-DD');
    const reversed = await cli("invoices", "--workspace", ws, "--from", "2026-02-01", "--to", "2026-01-01");
    expect(reversed.code).toBe(2);
    expect(reversed.err).toContain("--from 2026-02-01 is after --to 2026-01-01");
    expect((await cli("runs", "--workspace", ws, "extra")).code).toBe(2);
  });
});
