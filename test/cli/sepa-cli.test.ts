import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { captureIo } from "../support/cli-io";
import { ARTICLES_CSV, CONTRACTS_CSV_DE } from "../support/fixtures";
import { pain008Errors } from "../support/pain008-xsd";
import { deIban } from "../core/sepa/fixtures";
import { SEPA_JSON } from "../app/sepa/sepa-fixtures";

describe("CLI sepa", () => {
  it("settings, mandates import/export, the run's file and report; a second export is refused unless --repeat", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-sepa-"));
    const ws = join(d, "ws.db");
    writeFileSync(join(d, "contracts.csv"), CONTRACTS_CSV_DE);
    writeFileSync(join(d, "articles.csv"), ARTICLES_CSV);
    writeFileSync(join(d, "sepa.json"), SEPA_JSON);
    writeFileSync(join(d, "bad-sepa.json"), SEPA_JSON.replace("DE98ZZZ09999999999", "DE99ZZZ09999999999"));
    writeFileSync(join(d, "mandates.csv"), `customer_no,mandate_ref,signature_date,iban,debtor_name\n10001,MND-10001,2025-06-01,${deIban("37040044", 1)},Müller GmbH\n`);
    const run = async (...argv: string[]) => {
      const io = captureIo();
      const code = await runCli(argv, io.cli);
      return { code, out: io.out(), err: io.err() };
    };
    expect((await run("import-master", "--workspace", ws, join(d, "contracts.csv"), join(d, "articles.csv"))).code).toBe(0);
    expect((await run("bill", "--workspace", ws, "--period", "2026-11", "--invoice-date", "2026-11-20", "--out", join(d, "inv.csv"))).code).toBe(0);

    const bad = await run("sepa", "settings", "--workspace", ws, join(d, "bad-sepa.json"));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/creditor/i);
    expect((await run("sepa", "settings", "--workspace", ws, join(d, "sepa.json"))).code).toBe(0);
    const imported = await run("mandates", "import", "--workspace", ws, join(d, "mandates.csv"));
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.out).toMatch(/1 added/);
    expect((await run("mandates", "export", "--workspace", ws, "--out", join(d, "out-mandates.csv"))).code).toBe(0);
    expect(readFileSync(join(d, "out-mandates.csv"), "utf8")).toContain("MND-10001");

    const xml = join(d, "sdd.xml");
    const first = await run("sepa", "--workspace", ws, "--run", "run-00001", "--collection-date", "2026-12-08", "--out", xml, "--report", join(d, "report.csv"));
    expect(first.err).not.toMatch(/^error/m);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/1 collection\(s\)/);
    expect(await pain008Errors([readFileSync(xml, "utf8")])).toEqual([[]]);
    const report = readFileSync(join(d, "report.csv"), "utf8");
    expect(report).toMatch(/^RE-\d+,10001,.*,collected,/m);
    expect(report).toMatch(/,10002,.*not_direct_debit/);

    const second = await run("sepa", "--workspace", ws, "--run", "run-00001", "--collection-date", "2026-12-08", "--out", join(d, "again.xml"));
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/--repeat/);
    expect(existsSync(join(d, "again.xml"))).toBe(false);
    const repeat = await run("sepa", "--workspace", ws, "--run", "run-00001", "--collection-date", "2026-12-08", "--out", join(d, "again.xml"), "--repeat");
    expect(repeat.code).toBe(0);
    expect(repeat.out).toMatch(/REPEAT/);
    expect(readFileSync(join(d, "again.xml"), "utf8")).toMatch(/<!-- REPEAT of SDD-run-00001-1/);
  });
});
