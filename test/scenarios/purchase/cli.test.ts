import { workspaceState } from "../../support/workspace";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../../../src/cli/cli-io";
import { runCli } from "../../../src/cli/main";
import { FIXED_NOW } from "../../support/fixtures";
import { MASTER_ARTICLES, MASTER_CONTRACTS, MASTER_MAPPINGS, octoberCsv } from "../../support/reconcile-scenario";
import { ARTICLES, CONTRACTS, LINKS, PURCHASE } from "./domain-scenario";

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), now: () => FIXED_NOW, lang: "en" };
  return { cli, out: () => out.join(""), err: () => err.join("") };
}

async function run(args: string[]) {
  const r = io();
  const code = await runCli(args, r.cli);
  return { code, out: r.out(), err: r.err() };
}

function workspace() {
  const d = mkdtempSync(join(tmpdir(), "msp-purchase-"));
  const files: Record<string, string> = { "articles.csv": ARTICLES, "contracts.csv": CONTRACTS, "purchase.csv": PURCHASE, "links.csv": LINKS };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return { d, ws: join(d, "ws.json"), f: (name: string) => join(d, name) };
}

describe("CLI: purchase import, links import/report, price-update, apply, undo, cost-check", () => {
  it("purchase import with a correction row lists it old → new and stores it; the links report shows the corrected cost", async () => {
    const { ws, f } = workspace();
    expect((await run(["import-master", "--workspace", ws, f("articles.csv"), f("contracts.csv")])).code).toBe(0);
    expect((await run(["purchase", "import", "--workspace", ws, f("purchase.csv")])).code).toBe(0);
    expect((await run(["links", "import", "--workspace", ws, f("links.csv")])).code).toBe(0);
    const [header, first] = PURCHASE.split("\n");
    writeFileSync(f("fix.csv"), `${header},correction\n${first!.replace(",1.00,annual,", ",0.80,annual,")},ja`);
    const fixed = await run(["purchase", "import", "--workspace", ws, f("fix.csv")]);
    expect([fixed.code, fixed.err]).toEqual([0, 'info: fix.csv, row 2, column "unit_cost": Correction: purchase contract EK-100 position 1 from 2026-01-01, unit_cost 1.00 → 0.80.\n']);
    expect(fixed.out).toBe("purchase import: 0 new or changed purchase contracts, 1 position versions (1 corrections); 0 rows unchanged (batch purchase-00004)\n");
    const rep = await run(["links", "report", "--workspace", ws, "--out", f("report.csv"), "--date", "2026-06-01"]);
    expect(rep.code).toBe(0);
    expect(readFileSync(f("report.csv"), "utf8").split("\r\n")[2]).toBe(
      "linked,DENIC Registrar GmbH,EK-100,KD-4711,1,DOM-DE,.de domains (alpha.de beta.de beta-shop.de gamma.de),4,0.8,4,20002,Beta KG,V-3002,1,DOM-DE,2026-01-01,,2026-01-01,,2,2.5,10,2.25,0.8,1.45,64.44",
    );
  });

  it("runs the price update from the command line end to end", async () => {
    const { ws, f } = workspace();
    expect((await run(["import-master", "--workspace", ws, f("articles.csv"), f("contracts.csv")])).code).toBe(0);
    const p = await run(["purchase", "import", "--workspace", ws, f("purchase.csv")]);
    expect([p.code, p.out]).toEqual([0, "purchase import: 1 new or changed purchase contracts, 2 position versions (0 corrections); 0 rows unchanged (batch purchase-00002)\n"]);
    const l = await run(["links", "import", "--workspace", ws, f("links.csv"), "--json"]);
    expect(l.code).toBe(0);
    expect(JSON.parse(l.out)).toMatchObject({ batchId: "links-00003", added: 3 });

    const rep = await run(["links", "report", "--workspace", ws, "--out", f("report.csv"), "--date", "2026-06-01"]);
    expect([rep.code, rep.out]).toEqual([0, `links report 2026-06-01: 3 linked, 1 not_linked, 1 uncovered → ${f("report.csv")}\n`]);
    expect(readFileSync(f("report.csv"), "utf8").split("\r\n")[2]).toBe(
      "linked,DENIC Registrar GmbH,EK-100,KD-4711,1,DOM-DE,.de domains (alpha.de beta.de beta-shop.de gamma.de),4,1,4,20002,Beta KG,V-3002,1,DOM-DE,2026-01-01,,2026-01-01,,2,2.5,10,2.25,1,1.25,55.56",
    );

    const pu = await run(["price-update", "--workspace", ws, "--purchase", "EK-100:1", "--new-cost", "1,20", "--from", "01.01.2027", "--strategy", "pass-through", "--out", f("proposal.csv")]);
    expect([pu.code, pu.out]).toEqual([0, `price-update EK-100:1 from 2027-01-01: 3 sales positions (3 accept, 0 skip) → ${f("proposal.csv")}\n`]);
    const proposal = readFileSync(f("proposal.csv"), "utf8").split("\r\n");
    expect(proposal[0]).toBe("customer_no,contract_no,position_no,article_no,valid_from,current_price,discount_pct,current_cost,new_cost,new_price,current_margin,new_margin,action,note,purchase,purchase_new_cost,cost_from,customer_name,quantity,current_margin_pct,new_margin_pct,strategy");
    expect(proposal[2]).toBe("20002,V-3002,1,DOM-DE,2027-01-01,2.5,10,1,1.2,2.72,1.25,1.248,accept,,EK-100:1,1.2,2027-01-01,Beta KG,2,55.56,50.98,pass-through cents");

    const before = await workspaceState(ws);
    const a = await run(["apply", "--workspace", ws, "--review", f("proposal.csv")]);
    expect([a.code, a.out]).toEqual([0, "apply: 3 new contract versions, 1 new purchase versions, 0 already applied, 0 skipped (batch price-00004; undo with: undo --batch price-00004)\n"]);
    const afterApply = await workspaceState(ws);
    const again = await run(["apply", "--workspace", ws, "--review", f("proposal.csv"), "--json"]);
    expect(JSON.parse(again.out)).toEqual({ batchId: null, versions: 0, purchaseVersions: 0, unchanged: 3, skipped: 0 });
    expect(await workspaceState(ws)).toBe(afterApply);
    const u = await run(["undo", "--workspace", ws, "--batch", "price-00004"]);
    expect([u.code, u.out]).toEqual([0, "undo: batch price-00004 undone (3 versions removed, 1 rows restored)\n"]);
    const tables = (json: string) => { const t = JSON.parse(json).tables; return JSON.stringify([t.contractVersions, t.purchaseContracts, t.purchaseLinks]); };
    expect(tables(await workspaceState(ws))).toBe(tables(before));
  });

  it("errors name file, row and column and leave the workspace unchanged; bad options are usage errors", async () => {
    const { ws, f } = workspace();
    await run(["import-master", "--workspace", ws, f("articles.csv"), f("contracts.csv")]);
    await run(["purchase", "import", "--workspace", ws, f("purchase.csv")]);
    const before = await workspaceState(ws);
    writeFileSync(f("bad-links.csv"), "purchase_no,purchase_position_no,contract_no,position_no\nEK-100,1,V-3001,1\nEK-100,1,V-3009,1");
    const bad = await run(["links", "import", "--workspace", ws, f("bad-links.csv")]);
    expect([bad.code, bad.err]).toEqual([1, 'error: bad-links.csv, row 3, column "contract_no": Contract V-3009 does not exist.\nlinks import: 1 error(s); nothing was imported, the workspace is unchanged.\n']);
    expect(await workspaceState(ws)).toBe(before);
    expect((await run(["price-update", "--workspace", ws, "--purchase", "EK-100:1", "--new-cost", "1.2", "--from", "2027-01-01", "--strategy", "double", "--out", f("p.csv")])).code).toBe(2);
    expect((await run(["price-update", "--workspace", ws, "--purchase", "EK-100", "--new-cost", "1.2", "--from", "2027-01-01", "--strategy", "keep-margin", "--out", f("p.csv")])).code).toBe(2);
    const cost = await run(["price-update", "--workspace", ws, "--article", "DOM-DE", "--new-cost", "x", "--from", "2027-01-01", "--strategy", "keep-margin", "--out", f("p.csv")]);
    expect([cost.code, cost.err]).toEqual([1, 'error: --new-cost: "x" is not a valid number.\n']);
  });

  it("cost-check writes the findings per customer and article", async () => {
    const { d, ws, f } = workspace();
    writeFileSync(join(d, "a.csv"), MASTER_ARTICLES);
    writeFileSync(join(d, "c.csv"), MASTER_CONTRACTS);
    writeFileSync(join(d, "m.csv"), MASTER_MAPPINGS);
    writeFileSync(join(d, "nce.csv"), octoberCsv());
    await run(["import-master", "--workspace", ws, f("a.csv"), f("c.csv"), f("m.csv")]);
    const r = await run(["cost-check", "--workspace", ws, "--file", f("nce.csv"), "--period", "2026-10", "--out", f("check.csv"), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ month: "2026-10", rows: 8, counts: { unbilled: 3, quantity_drift: 4, ok: 1 } });
    expect(readFileSync(f("check.csv"), "utf8")).toContain("10001,Müller GmbH,M365-BP,V-1001,1,12,18.6,206.4,10,20.6,0.00,2,,quantity_drift,2 vendor seat(s) not in the contract; not billed for October 2026 yet,");
  });
});
