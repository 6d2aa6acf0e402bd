/**
 * `import-master` with a correction row (README "Merge rules of `import-master`"): `--dry-run` shows
 * the correction old → new in the user's language and writes nothing; the import then stores it.
 */
import { workspaceState } from "../support/workspace";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureIo } from "../support/cli-io";
import { runCli } from "../../src/cli/main";
import { ARTICLES_CSV, CONTRACTS_CSV_DE } from "../support/fixtures";

const HEADER = CONTRACTS_CSV_DE.split("\r\n")[0]!;
const CORRECTION = `${HEADER};correction\r\n10001;Müller GmbH;V-1001;license;monthly;advance;01.01.2026;;1;M365-BP;Microsoft 365 Business Premium;10;18,60;0;19;01.01.2026;ja`;

it("import-master --dry-run lists a correction old → new and writes nothing; without it the correction is stored", async () => {
  const d = mkdtempSync(join(tmpdir(), "msp-cli-"));
  const ws = join(d, "ws.json");
  writeFileSync(join(d, "contracts.csv"), CONTRACTS_CSV_DE);
  writeFileSync(join(d, "articles.csv"), ARTICLES_CSV);
  writeFileSync(join(d, "fix.csv"), CORRECTION);
  expect(await runCli(["import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv")], captureIo().cli)).toBe(0);
  const before = await workspaceState(ws);

  const dry = captureIo("de");
  expect(await runCli(["import-master", "--workspace", ws, join(d, "fix.csv"), "--dry-run"], dry.cli)).toBe(0);
  expect(dry.err()).toBe("info: fix.csv, Zeile 2, Spalte „unit_price“: Korrektur: Vertrag V-1001 Position 1 ab 01.01.2026, unit_price 20,60 → 18,60.\n");
  expect(dry.out()).toBe("import-master (dry run): fix.csv (contracts)\n  would write: 0 customers, 0 articles, 0 contracts, 1 position versions (1 corrections), 0 mappings; 0 rows unchanged\n  nothing was written (dry run)\n");
  expect(await workspaceState(ws)).toBe(before);

  const real = captureIo();
  expect(await runCli(["import-master", "--workspace", ws, join(d, "fix.csv")], real.cli)).toBe(0);
  expect(real.out()).toContain("1 position versions (1 corrections)");
  expect(real.out()).toContain("batch master-00002");
});

it("after a start corrected later, export-master writes a file that import-master takes into a new workspace, and again into the old one as a no-op", async () => {
  const d = mkdtempSync(join(tmpdir(), "msp-cli-"));
  const ws = join(d, "ws.json");
  writeFileSync(join(d, "contracts.csv"), CONTRACTS_CSV_DE);
  writeFileSync(join(d, "articles.csv"), ARTICLES_CSV);
  // V-1001 from 01.01.2026 corrected to start on 01.02.2026; its entries of January no longer count
  writeFileSync(join(d, "fix.csv"), `${HEADER};correction\r\n10001;Müller GmbH;V-1001;license;monthly;advance;01.02.2026;;1;M365-BP;Microsoft 365 Business Premium;10;20,60;0;19;01.01.2026;ja`);
  expect(await runCli(["import-master", "--workspace", ws, join(d, "articles.csv"), join(d, "contracts.csv")], captureIo().cli)).toBe(0);
  expect(await runCli(["import-master", "--workspace", ws, join(d, "fix.csv")], captureIo().cli)).toBe(0);
  const out = captureIo();
  expect(await runCli(["export-master", "--workspace", ws, "--out", join(d, "out.csv"), "--articles", join(d, "out-articles.csv")], out.cli)).toBe(0);
  const exported = readFileSync(join(d, "out.csv"), "utf8");
  expect(exported.split("\r\n").filter((l) => l.includes("V-1001")).map((l) => l.split(",").slice(8, 16).join(" "))).toEqual([
    "1 M365-BP Microsoft 365 Business Premium 10 20.6 0 19 2026-02-01",
    "1 M365-BP Microsoft 365 Business Premium 12 20.6 0 19 2026-03-15",
    "2 M365-E3 Microsoft 365 E3 3 33.7 10 19 2026-02-01",
  ]);

  const fresh = captureIo();
  expect(await runCli(["import-master", "--workspace", join(d, "new.json"), join(d, "out-articles.csv"), join(d, "out.csv")], fresh.cli)).toBe(0);
  expect(fresh.err()).toBe("");
  const before = await workspaceState(ws);
  const again = captureIo();
  expect(await runCli(["import-master", "--workspace", ws, join(d, "out-articles.csv"), join(d, "out.csv")], again.cli)).toBe(0);
  expect(again.out()).toContain("nothing new");
  expect(await workspaceState(ws)).toBe(before);
});
