import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NCE_INVOICE_HEADERS } from "../../src/io/vendor/profiles/microsoft-nce-invoice.profile";
import { ARTICLES_CSV, CONTRACTS_CSV_DE } from "../support/fixtures";
import { TENANT_A, TENANT_B, toCsv } from "../io/vendor/fixtures";
import { USAGE_RULES, azureRecords } from "../app/usage-fixtures";
import { runCommand as run } from "../support/cli-io";


describe("CLI: usage import, usage rules, usage review, usage approve, bill", () => {
  it("imports Azure usage, prices it by the rules, reads back a held decision and bills the approved usage once", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-usage-"));
    const ws = join(d, "ws.db");
    const files: Record<string, string> = {
      "articles.csv": `${ARTICLES_CSV}\nAZURE,Azure-Verbrauch,0,19,,`,
      "contracts.csv": CONTRACTS_CSV_DE,
      "mappings.csv": ["kind,source,external_id,internal_no", `customer,*,${TENANT_A.toUpperCase()},10001`, `customer,*,${TENANT_B},10002`].join("\n"),
      "usage-rules.json": USAGE_RULES,
      "nce.csv": toCsv(NCE_INVOICE_HEADERS, azureRecords()),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
    const master = await run("import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv"), join(d, "mappings.csv"));
    expect(master.err).toBe("");
    expect(master.code).toBe(0);
    const imp = await run("usage", "import", "--workspace", ws, "--file", join(d, "nce.csv"), "--json");
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.out)).toMatchObject({ lines: 3, records: 3, added: 3, months: ["2020-09"] });

    const bad = await run("usage", "rules", "--workspace", ws, join(d, "articles.csv"));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("not valid JSON");
    expect((await run("usage", "rules", "--workspace", ws, join(d, "usage-rules.json"))).code).toBe(0);
    const listed = await run("usage", "rules", "--workspace", ws);
    expect(JSON.parse(listed.out)).toMatchObject({ defaults: { price: { method: "cost_plus", pct: "15" }, articleNo: "AZURE" } });

    const review = join(d, "usage-review.csv");
    const r = await run("usage", "review", "--workspace", ws, "--month", "2020-09", "--out", review);
    expect(r.code).toBe(0);
    expect(r.out).toContain("3 open records (3 to bill, 0 held, 0 with problems), 81.16 net on 70.81 cost");
    // Hold customer 10002's record (edit the decision cell of its row).
    const lines = readFileSync(review, "utf8").split("\r\n");
    const header = lines[0]!.split(",");
    const edited = lines.map((line, i) => {
      const cells = line.split(",");
      if (i > 0 && cells[header.indexOf("customer_no")] === "10002") cells[header.indexOf("decision")] = "hold";
      return cells.join(",");
    });
    writeFileSync(review, edited.join("\r\n"));
    const a = await run("usage", "approve", "--workspace", ws, review);
    expect(a.out).toBe("usage approve: 0 approved, 1 held, 2 unchanged\n");

    const invoices = join(d, "invoices.csv");
    const bill = await run("bill", "--workspace", ws, "--period", "2020-09", "--invoice-date", "2020-10-01", "--out", invoices);
    expect(bill.err).toBe("");
    expect(bill.code).toBe(0);
    const billed = readFileSync(invoices, "utf8");
    expect(billed).toContain("usage");
    expect(billed).toContain("71.51");
    expect(billed).not.toContain("9.65");
    const twice = await run("bill", "--workspace", ws, "--period", "2020-09", "--invoice-date", "2020-10-01", "--out", join(d, "twice.csv"), "--json");
    expect(twice.code).toBe(0);
    expect(JSON.parse(twice.out)).toMatchObject({ invoices: 0 });
    const after = await run("usage", "review", "--workspace", ws, "--month", "2020-09", "--json", "--out", join(d, "again.csv"));
    expect(JSON.parse(after.out)).toMatchObject({ rows: 1, charged: 0, held: 1 });
  });
});
