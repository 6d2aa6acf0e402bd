import { workspaceState } from "../support/workspace";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../../src/cli/cli-io";
import { runCli } from "../../src/cli/main";
import { FIXED_NOW } from "../support/fixtures";
import { MASTER_ARTICLES, MASTER_CONTRACTS, MASTER_MAPPINGS, octoberCsv } from "../support/reconcile-scenario";

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), now: () => FIXED_NOW, lang: "en" };
  return { cli, out: () => out.join(""), err: () => err.join("") };
}

async function workspace() {
  const d = mkdtempSync(join(tmpdir(), "msp-rec-"));
  const files = { articles: MASTER_ARTICLES, contracts: MASTER_CONTRACTS, mappings: MASTER_MAPPINGS };
  for (const [k, v] of Object.entries(files)) writeFileSync(join(d, `${k}.csv`), v);
  writeFileSync(join(d, "nce.csv"), octoberCsv());
  const ws = join(d, "ws.json");
  expect(await runCli(["import-master", "--workspace", ws, ...Object.keys(files).map((k) => join(d, `${k}.csv`))], io().cli)).toBe(0);
  return { d, ws };
}

describe("CLI reconcile → apply → undo", () => {
  it("runs the whole cycle as PRODUCT.md §8 describes", async () => {
    const { d, ws } = await workspace();
    const r = io();
    expect(await runCli(["reconcile", "--workspace", ws, "--file", join(d, "nce.csv"), "--period", "2026-10", "--out", join(d, "review.csv"), "--json"], r.cli)).toBe(0);
    expect(JSON.parse(r.out()).counts).toEqual({ quantity_changed: 2, new_position: 1, missing_in_file: 2, unmapped_customer: 1, unmapped_article: 1, unchanged: 1 });
    const review = readFileSync(join(d, "review.csv"), "utf8");
    expect(review.split("\r\n")[0]).toMatch(/^status,customer_no,contract_no,position_no,article_no,external_customer_id,external_article_id,contract_qty,vendor_qty,delta,effective_date,unit_cost,unit_price,action,/);
    // in English the file keeps the codes of PRODUCT.md §8 (an English sheet in the pane has words)
    expect(review).toContain("quantity_changed,");
    expect(review).toMatch(/,accept,/);
    expect(review).not.toContain("Quantity changed");
    const a = io();
    expect(await runCli(["apply", "--workspace", ws, "--review", join(d, "review.csv")], a.cli)).toBe(0);
    expect(a.out()).toContain("3 new contract versions");
    const again = io();
    expect(await runCli(["reconcile", "--workspace", ws, "--file", join(d, "nce.csv"), "--period", "2026-10", "--out", join(d, "review2.xlsx"), "--json"], again.cli)).toBe(0);
    expect(JSON.parse(again.out()).counts).toMatchObject({ unchanged: 4 });
    const u = io();
    expect(await runCli(["undo", "--workspace", ws, "--batch", "apply-00002"], u.cli)).toBe(0);
    expect(u.out()).toContain("3 versions removed");
  });

  it("writes the review in the --lang language and apply reads the German file", async () => {
    const { d, ws } = await workspace();
    expect(await runCli(["--lang", "de", "reconcile", "--workspace", ws, "--file", join(d, "nce.csv"), "--period", "2026-10", "--out", join(d, "pruefung.csv")], io().cli)).toBe(0);
    const lines = readFileSync(join(d, "pruefung.csv"), "utf8").split("\r\n");
    expect(lines[0]).toMatch(/^Status,Kundennummer,Vertragsnummer,Position,Artikelnummer,/);
    expect(lines.slice(1).join("\n")).toContain("Menge geändert");
    expect(lines.slice(1).join("\n")).not.toMatch(/quantity_changed|new_position|missing_in_file|,accept,|,skip,/);
    const a = io();
    expect(await runCli(["apply", "--workspace", ws, "--review", join(d, "pruefung.csv")], a.cli)).toBe(0);
    expect(a.out()).toContain("3 new contract versions");
  });

  it("names the xlsx review's sheet in the --lang language, and apply reads the German workbook", async () => {
    const { d, ws } = await workspace();
    expect(await runCli(["--lang", "de", "reconcile", "--workspace", ws, "--file", join(d, "nce.csv"), "--period", "2026-10", "--out", join(d, "pruefung.xlsx")], io().cli)).toBe(0);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(d, "pruefung.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Abgleich 2026-10"]);
    const a = io();
    expect(await runCli(["apply", "--workspace", ws, "--review", join(d, "pruefung.xlsx")], a.cli)).toBe(0);
    expect(a.out()).toContain("3 new contract versions");
  });

  it("apply reads an edited xlsx review back and names a bad cell", async () => {
    const { d, ws } = await workspace();
    expect(await runCli(["reconcile", "--workspace", ws, "--file", join(d, "nce.csv"), "--period", "2026-10", "--out", join(d, "review.xlsx")], io().cli)).toBe(0);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(d, "review.xlsx"));
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe("Review 2026-10");
    sheet.getCell("K2").value = "2026-13-01";
    await wb.xlsx.writeFile(join(d, "edited.xlsx"));
    const before = await workspaceState(ws);
    const a = io();
    expect(await runCli(["apply", "--workspace", ws, "--review", join(d, "edited.xlsx")], a.cli)).toBe(1);
    expect(a.err()).toContain('edited.xlsx, row 2, column "effective_date (K)": "2026-13-01" is not a valid date');
    expect(await workspaceState(ws)).toBe(before);
  });

  it("profile add/list/export/import round-trips a user profile", async () => {
    const { d, ws } = await workspace();
    const profile = {
      id: "pax8-test", version: 1, name: "Pax8 test", match: { requiredHeaders: ["Company Id", "Sku", "Qty"] },
      number: { decimalSeparator: "." }, dateFormat: "YYYY-MM-DD",
      columns: { customerId: "Company Id", customerName: "Company Id", articleKey: "Sku", articleName: "Sku", quantity: "Qty" },
      sign: { mode: "asIs" },
    };
    writeFileSync(join(d, "p.json"), JSON.stringify(profile));
    const add = io();
    const code = await runCli(["profile", "add", "--workspace", ws, join(d, "p.json")], add.cli);
    expect(add.err()).toBe("");
    expect(code).toBe(0);
    const list = io();
    await runCli(["profile", "list", "--workspace", ws, "--json"], list.cli);
    expect(JSON.parse(list.out()).map((p: { id: string }) => p.id)).toContain("pax8-test");
    expect(await runCli(["profile", "export", "--workspace", ws, "--out", join(d, "export.json")], io().cli)).toBe(0);
    const ws2 = join(d, "ws2.json");
    expect(await runCli(["profile", "import", "--workspace", ws2, join(d, "export.json")], io().cli)).toBe(0);
    const list2 = io();
    await runCli(["profile", "list", "--workspace", ws2, "--json"], list2.cli);
    expect(JSON.parse(list2.out()).find((p: { id: string }) => p.id === "pax8-test")).toMatchObject({ kind: "user", name: "Pax8 test" });
    writeFileSync(join(d, "pax8.csv"), "Company Id,Sku,Qty\nC-1,SKU-9,3\n");
    const rec = io();
    expect(await runCli(["reconcile", "--workspace", ws2, "--file", join(d, "pax8.csv"), "--period", "2026-10", "--out", join(d, "r.csv"), "--json"], rec.cli)).toBe(0);
    expect(JSON.parse(rec.out()).files[0].profileId).toBe("pax8-test");
  });
});
