import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TIME_ARTICLES, TIME_CONTRACTS, TIME_CSV, TIME_RULES } from "../app/time-fixtures";
import { runCommand as run } from "../support/cli-io";


/** Sets the `billable` cell of the rows whose ticket and description match. */
function edit(csv: string, ticket: string, description: string, value: string): string {
  const lines = csv.split("\r\n");
  const header = lines[0]!.split(",");
  const at = (name: string) => header.indexOf(name);
  return lines
    .map((line, i) => {
      const cells = line.split(",");
      if (i === 0 || cells[at("ticket_no")] !== ticket || cells[at("description")] !== description) return line;
      cells[at("billable")] = value;
      return cells.join(",");
    })
    .join("\r\n");
}

describe("CLI: time review and time approve", () => {
  it("writes the review CSV, applies the edited decisions, and the run bills only the approved entries", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-time-review-"));
    const ws = join(d, "ws.json");
    const files: Record<string, string> = { "articles.csv": TIME_ARTICLES, "contracts.csv": TIME_CONTRACTS, "rules.json": TIME_RULES, "zeiten.csv": TIME_CSV.replace("Mailserver", "=HYPERLINK(1)") };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
    expect((await run("import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv"))).code).toBe(0);
    expect((await run("rules", "set", "--workspace", ws, join(d, "rules.json"))).code).toBe(0);
    expect((await run("time", "import", "--workspace", ws, join(d, "zeiten.csv"))).code).toBe(0);

    // usage and input errors
    expect((await run("time", "review", "--workspace", ws))).toMatchObject({ code: 2 });
    const badMonth = await run("time", "review", "--workspace", ws, "--month", "2026-13");
    expect(badMonth.code).toBe(1);
    expect(badMonth.err).toContain('"2026-13" is not a valid month');

    // --period as every command names it; --month (its older name) gives the same; both at once is a usage error
    const byPeriod = await run("time", "review", "--workspace", ws, "--period", "2026-06");
    expect((await run("time", "review", "--workspace", ws, "--period", "2026-06", "--month", "2026-06")).code).toBe(2);
    expect((await run("time", "review", "--workspace", ws, "--period", "2026-13")).err).toMatch(/--period.*"2026-13" is not a valid month|"2026-13" is not a valid month.*--period/s);

    // without --out the CSV goes to stdout; formula-like text is neutralised
    const stdout = await run("time", "review", "--workspace", ws, "--month", "2026-06");
    expect(byPeriod).toEqual(stdout);
    expect(stdout.code).toBe(0);
    expect(stdout.out.split("\r\n")[0]).toMatch(/^status,billable,date,start,end,ticket_no,/);
    expect(stdout.out).toContain(",'=HYPERLINK(1),");
    expect(stdout.out.split("\r\n").filter((l) => l.startsWith("charged,")).length).toBe(4);

    const review = join(d, "zeiten-2026-06.csv");
    const written = await run("time", "review", "--workspace", ws, "--month", "2026-06", "--out", review, "--json");
    expect(JSON.parse(written.out)).toEqual({ out: review, month: "2026-06", rows: 5, billable: 4, notBillable: 1, problems: 0, net: "717.10" });
    const csv = readFileSync(review, "utf8");
    expect(csv).toBe(stdout.out);
    // 4720 on site: 1 h × 104 + travel 45 = 149.00 for the entry
    expect(csv).toMatch(/\ncharged,yes,2026-06-08,,,4720,10001,Muster GmbH,V-100,ab,onsite,Drucker,50,15,4,0,0,4,"SUP-O, TRAVEL",104,,Anfahrt 45.00,149.00,,t-[0-9a-f]{24},zeiten.csv,4\r/);

    // a bad cell names file, row and column; nothing changes
    writeFileSync(join(d, "bad.csv"), edit(csv, "4720", "Drucker", "vielleicht"));
    const bad = await run("time", "approve", "--workspace", ws, join(d, "bad.csv"));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.csv, row 6, column "billable (B)": "vielleicht" is not allowed');

    // withdraw the on-site visit, approve the note: the run bills the note and the travel fee, not the visit
    const edited = join(d, "entscheidungen.csv");
    writeFileSync(edited, edit(edit(csv, "4720", "Drucker", "nein"), "4720", "Notiz", "ja"));
    const approved = await run("time", "approve", "--workspace", ws, edited);
    expect(approved).toMatchObject({ code: 0, out: "time approve: 1 switched to billable, 1 to not billable, 3 unchanged\n" });
    expect((await run("time", "approve", "--workspace", ws, edited, "--json")).out).toContain('"unchanged": 5');

    const invoices = join(d, "rechnungen.csv");
    expect((await run("bill", "--workspace", ws, "--period", "2026-06", "--out", invoices, "--invoice-date", "2026-07-01")).code).toBe(0);
    const billed = readFileSync(invoices, "utf8");
    expect(billed).toContain(",SUP-O,");
    expect(billed).toContain(",time,2026-06-08,2026-06-08,0.25,104.00,0,1,26.00,19,");
    expect(billed).not.toContain(",time,2026-06-08,2026-06-08,1,104.00,");

    // the billed note can no longer be withdrawn: the row is named, nothing changes
    const late = await run("time", "approve", "--workspace", ws, review);
    expect(late.code).toBe(1);
    expect(late.err).toMatch(/zeiten-2026-06\.csv, row 5, column "billable \(B\)": Ticket 4720 \(entry t-[0-9a-f]{24}\) was billed in run run-00001 already; its decision can no longer change/);
    expect(late.err).toContain("nothing was changed");
    const after = await run("time", "review", "--workspace", ws, "--month", "2026-06");
    expect(after.out.split("\r\n").filter((l) => /^(charged|covered|not_billable|problem),/.test(l)).map((l) => l.split(",").slice(0, 2).join(","))).toEqual(["not_billable,no"]);
  });
});
