/**
 * The layer rules of eslint.config.mjs bite: a file of each layer importing what its layer may not
 * is an error, and the allowed imports pass.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";

// ESLint loads its flat config with a dynamic import, which jest's VM does not allow: run the CLI.
const bin = join(process.cwd(), "node_modules", ".bin", "eslint");
const lint = (filePath: string, code: string) =>
  new Promise<number>((resolve, reject) => {
    const child = execFile(bin, ["--stdin", "--stdin-filename", filePath, "-f", "json"], (error, stdout) => {
      try {
        const [r] = JSON.parse(stdout) as { messages: { ruleId: string | null }[] }[];
        resolve(r!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").length);
      } catch {
        reject(error ?? new Error(stdout));
      }
    });
    child.stdin!.end(code);
  });

describe("layer rules", () => {
  it.each([
    ["src/core/x.ts", 'import { BillingStore } from "../store/port";\nexport type X = BillingStore;\n'],
    ["src/core/x.ts", 'import { readCsvText } from "../io/table/read-csv";\nexport const x = readCsvText;\n'],
    ["src/io/x.ts", 'import { runBilling } from "../app/bill";\nexport const x = runBilling;\n'],
    ["src/app/x.ts", 'import { DexieStore } from "../store/dexie/dexie-store";\nexport const x = DexieStore;\n'],
    ["src/app/x.ts", 'import { reportIssues } from "../cli/report";\nexport const x = reportIssues;\n'],
    ["src/taskpane/x.ts", 'import { createTx } from "../store/repos";\nexport const x = createTx;\n'],
    ["src/functions/x.ts", 'import Dexie from "dexie";\nexport const x = Dexie;\n'],
  ])("%s: %s is refused", async (file, code) => {
    expect(await lint(file, code)).toBe(1);
  }, 60000);

  it.each([
    ["src/app/x.ts", 'import type { BillingStore } from "../store/port";\nexport type X = BillingStore;\n'],
    ["src/io/x.ts", 'import { issue } from "../core/issues";\nexport const x = issue;\n'],
    ["src/taskpane/x.ts", 'import { getBrowserStore } from "../store/browser-db";\nexport const x = getBrowserStore;\n'],
  ])("%s: %s is allowed", async (file, code) => {
    expect(await lint(file, code)).toBe(0);
  }, 60000);
});
