import { workspaceState } from "../../support/workspace";
/** The export commands end to end: `bill --format datev`, `export`, `export-settings`, `export-profile`. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as iconv from "iconv-lite";
import type { CliIo } from "../../../src/cli/cli-io";
import { runCli } from "../../../src/cli/main";
import { FIXED_NOW } from "../../support/fixtures";
import { COMPANY } from "./scenario";

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), now: () => FIXED_NOW, lang: "en" };
  return { cli, out: () => out.join(""), err: () => err.join("") };
}

const ARTICLES = "article_no,description,unit_price,vat_pct\nM365-BP,Microsoft 365 Business Premium,20.60,19\nBOOK,Handbuch,12.00,7\n";
const CONTRACTS = [
  "customer_no,customer_name,contract_no,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,vat_pct,valid_from",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,1,M365-BP,10,20.60,19,2026-01-01",
  "10001,Müller GmbH,V-1,monthly,advance,2026-01-01,2,BOOK,1,12.00,7,2026-01-01",
].join("\n");
const DATEV = { consultantNo: 1234567, clientNo: 42, fiscalYearStart: "01-01", accountLength: 4, chart: "SKR03", debtorFromCustomerNo: true };

async function workspace() {
  const d = mkdtempSync(join(tmpdir(), "msp-exports-"));
  writeFileSync(join(d, "articles.csv"), ARTICLES);
  writeFileSync(join(d, "contracts.csv"), CONTRACTS);
  writeFileSync(join(d, "datev.json"), JSON.stringify(DATEV));
  writeFileSync(join(d, "company.json"), JSON.stringify(COMPANY));
  const ws = join(d, "ws.json");
  expect(await runCli(["import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv")], io().cli)).toBe(0);
  return { d, ws };
}

describe("export commands", () => {
  it("bill --format datev writes the Buchungsstapel in Windows-1252 and keeps the run", async () => {
    const { d, ws } = await workspace();
    const r = io();
    const code = await runCli(["bill", "--workspace", ws, "--period", "2026-01", "--invoice-date", "2026-01-02", "--out", join(d, "EXTF_Rechnungen.csv"), "--format", "datev", "--datev-config", join(d, "datev.json")], r.cli);
    expect([code, r.err()]).toEqual([0, ""]);
    expect(r.out()).toContain("1 invoices, 2 lines, net 218.00 → ");
    expect(r.out()).toContain("(2 DATEV bookings)");
    const text = iconv.decode(readFileSync(join(d, "EXTF_Rechnungen.csv")), "win1252");
    const lines = text.split("\r\n");
    expect(lines[0]).toMatch(/^"EXTF";700;21;"Buchungsstapel";13;\d{17};;"RE";"";"";1234567;42;20260101;4;20260101;20260131;"Rechnungsausgang 01\/2026";"";1;0;0;"EUR";;"";;;"03";;;"";""$/);
    expect(lines.slice(2, 4).map((l) => l.split(";").slice(0, 14).join(";"))).toEqual([
      '245,14;"S";"EUR";;;;10001;8400;;0201;"RE-000001";;;"Müller GmbH"',
      '12,84;"S";"EUR";;;;10001;8300;;0201;"RE-000001";;;"Müller GmbH"',
    ]);
    // the run was kept: billing again bills nothing and writes no DATEV file
    const again = io();
    expect(await runCli(["bill", "--workspace", ws, "--period", "2026-01", "--out", join(d, "again.csv"), "--format", "datev", "--datev-config", join(d, "datev.json")], again.cli)).toBe(0);
    expect(again.out()).toContain("Nothing to bill for January 2026");
    expect(existsSync(join(d, "again.csv"))).toBe(false);
  });

  it("an invalid DATEV settings file stops before billing and names the field; a failing export bills nothing", async () => {
    const { d, ws } = await workspace();
    writeFileSync(join(d, "bad.json"), JSON.stringify({ ...DATEV, chart: "SKR05" }));
    const before = await workspaceState(ws);
    const r = io();
    expect(await runCli(["bill", "--workspace", ws, "--period", "2026-01", "--out", join(d, "x.csv"), "--format", "datev", "--datev-config", join(d, "bad.json")], r.cli)).toBe(1);
    expect(r.err()).toContain('bad.json: DATEV settings: field chart: "SKR05" is invalid (expected one of SKR03, SKR04).');
    // valid settings, but no debtor account: the run is not kept and nothing is written
    writeFileSync(join(d, "nodebtor.json"), JSON.stringify({ ...DATEV, debtorFromCustomerNo: false }));
    const n = io();
    expect(await runCli(["bill", "--workspace", ws, "--period", "2026-01", "--out", join(d, "x.csv"), "--format", "datev", "--datev-config", join(d, "nodebtor.json")], n.cli)).toBe(1);
    expect(n.err()).toContain("error: Invoice RE-000001: customer 10001 has no debtor account.");
    expect(n.err()).toContain("the export failed, so nothing was billed");
    expect(existsSync(join(d, "x.csv"))).toBe(false);
    expect(await workspaceState(ws)).toBe(before);
    // without any DATEV settings
    const none = io();
    expect(await runCli(["bill", "--workspace", ws, "--period", "2026-01", "--out", join(d, "x.csv"), "--format", "datev"], none.cli)).toBe(1);
    expect(none.err()).toContain("No DATEV settings: save them (task pane: Billing → Load export settings; CLI: export-settings) or give a file (--datev-config).");
  });

  it("export re-exports a stored run with saved settings and profiles, plus invoice documents", async () => {
    const { d, ws } = await workspace();
    expect(await runCli(["bill", "--workspace", ws, "--period", "2026-01", "--invoice-date", "2026-01-02", "--out", join(d, "inv.csv")], io().cli)).toBe(0);
    const s = io();
    expect(await runCli(["export-settings", "--workspace", ws, "--datev-config", join(d, "datev.json"), "--company", join(d, "company.json")], s.cli)).toBe(0);
    expect(s.out()).toContain("saved DATEV settings and company data");
    const profile = { id: "sage", version: 1, name: "Sage", delimiter: ";", decimal: ",", dateFormat: "DD.MM.YYYY", encoding: "utf-8", level: "vat_rate", columns: [{ source: "invoice_ref", header: "BelegNr" }, { source: "debit_account", header: "Soll" }, { source: "credit_account", header: "Haben" }, { source: "rate_gross_abs", header: "Betrag" }] };
    writeFileSync(join(d, "profile.json"), JSON.stringify(profile));
    expect(await runCli(["export-profile", "import", "--workspace", ws, join(d, "profile.json")], io().cli)).toBe(0);
    const list = io();
    expect(await runCli(["export-profile", "list", "--workspace", ws], list.cli)).toBe(0);
    expect(list.out()).toBe("sage\tvat_rate\t4 columns\tSage\n");

    // The customer has no address yet: the 257.98 € invoice is no Kleinbetragsrechnung, so no document (nor file) is made.
    const noAddress = io();
    expect(await runCli(["export", "--workspace", ws, "--run", "run-00001", "--out", join(d, "sage.csv"), "--format", "custom:sage", "--documents", join(d, "docs")], noAddress.cli)).toBe(1);
    expect(noAddress.err()).toContain("error: Invoice RE-000001 for 257.98 € gross: customer 10001 has no address. § 14 (4) no. 1 UStG requires the recipient's full address");
    expect(existsSync(join(d, "sage.csv")) || existsSync(join(d, "docs"))).toBe(false);
    writeFileSync(join(d, "address.csv"), CONTRACTS.replace("valid_from\n", "valid_from,customer_address\n").replace(/2026-01-01$/gm, '2026-01-01,"Lindenallee 12\n22041 Hamburg"'));
    expect(await runCli(["import-master", "--workspace", ws, join(d, "address.csv")], io().cli)).toBe(0);

    const e = io();
    expect(await runCli(["export", "--workspace", ws, "--run", "run-00001", "--out", join(d, "sage.csv"), "--format", "custom:sage", "--documents", join(d, "docs")], e.cli)).toBe(0);
    expect(e.out()).toBe(`export run-00001: 1 invoices, 2 rows → ${join(d, "sage.csv")}, 1 documents → ${join(d, "docs")}\n`);
    expect(readFileSync(join(d, "sage.csv"), "utf8")).toBe("BelegNr;Soll;Haben;Betrag\r\nRE-000001;10001;8400;245,14\r\nRE-000001;10001;8300;12,84\r\n");
    expect(readdirSync(join(d, "docs"))).toEqual(["RE-000001.html"]);
    expect(readFileSync(join(d, "docs", "RE-000001.html"), "utf8")).toContain("<h1>Rechnung</h1>");
    expect(readFileSync(join(d, "docs", "RE-000001.html"), "utf8")).toContain("Lindenallee 12<br>22041 Hamburg");
    expect(e.err()).not.toContain("no address");

    const datev = io();
    expect(await runCli(["export", "--workspace", ws, "--run", "run-00001", "--out", join(d, "EXTF.csv"), "--format", "datev", "--label", "Januar", "--json"], datev.cli)).toBe(0);
    expect(JSON.parse(datev.out())).toMatchObject({ runId: "run-00001", invoices: 1, records: 2 });
    expect(iconv.decode(readFileSync(join(d, "EXTF.csv")), "win1252").split("\r\n")[0]).toContain(';"Januar";');

    const exported = io();
    expect(await runCli(["export-profile", "export", "--workspace", ws], exported.cli)).toBe(0);
    expect(JSON.parse(exported.out()).profiles).toEqual([profile]);
  });

  it("usage errors: an unknown format, --encoding with datev, export without --out or --documents, an unknown run", async () => {
    const { d, ws } = await workspace();
    const f = io();
    expect(await runCli(["bill", "--workspace", ws, "--period", "2026-01", "--out", join(d, "x.csv"), "--format", "lexoffice"], f.cli)).toBe(2);
    expect(f.err()).toContain("--format must be generic, de, datev or custom:PROFILE_ID");
    expect(await runCli(["bill", "--workspace", ws, "--period", "2026-01", "--out", join(d, "x.csv"), "--format", "datev", "--encoding", "utf-8"], io().cli)).toBe(2);
    expect(await runCli(["export", "--workspace", ws, "--run", "run-00001"], io().cli)).toBe(2);
    const u = io();
    expect(await runCli(["export", "--workspace", ws, "--run", "run-00007", "--out", join(d, "x.csv")], u.cli)).toBe(1);
    expect(u.err()).toContain("Billing run run-00007 does not exist.");
  });
});
