import { workspaceState } from "../support/workspace";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { captureIo } from "../support/cli-io";
import { runCli } from "../../src/cli/main";
import { ARTICLES_CSV, CONTRACTS_CSV_DE, MAPPINGS_CSV } from "../support/fixtures";

const io = () => captureIo();

function dir() {
  const d = mkdtempSync(join(tmpdir(), "msp-cli-"));
  writeFileSync(join(d, "contracts.csv"), CONTRACTS_CSV_DE);
  writeFileSync(join(d, "articles.csv"), ARTICLES_CSV);
  writeFileSync(join(d, "mappings.csv"), MAPPINGS_CSV);
  return d;
}

describe("CLI", () => {
  it("import-master creates the workspace; export-master writes §6.2 CSV; --json prints a summary", async () => {
    const d = dir();
    const ws = join(d, "ws.json");
    const a = io();
    expect(await runCli(["import-master", "--workspace", ws, join(d, "contracts.csv"), join(d, "articles.csv"), join(d, "mappings.csv"), "--json"], a.cli)).toBe(0);
    expect(JSON.parse(a.out())).toMatchObject({ versions: 4, customers: 2, batchId: "master-00001" });
    expect(existsSync(ws)).toBe(true);
    const b = io();
    expect(await runCli(["export-master", "--workspace", ws, "--out", join(d, "out.csv"), "--articles", join(d, "art.csv")], b.cli)).toBe(0);
    expect(readFileSync(join(d, "out.csv"), "utf8").split("\r\n")).toHaveLength(6);
    expect(readFileSync(join(d, "art.csv"), "utf8")).toContain("M365-BP,Microsoft 365 Business Premium,20.6,19,Lizenz,16.5");
  });

  it("a bad row fails the whole file with row and column on stderr, exit 1, workspace unchanged", async () => {
    const d = dir();
    const ws = join(d, "ws.json");
    await runCli(["import-master", "--workspace", ws, join(d, "articles.csv")], io().cli);
    const before = await workspaceState(ws);
    writeFileSync(join(d, "bad.csv"), CONTRACTS_CSV_DE.replace(";15.03.2026", ";31.02.2026"));
    const r = io();
    expect(await runCli(["import-master", "--workspace", ws, join(d, "bad.csv")], r.cli)).toBe(1);
    expect(r.err()).toContain('bad.csv, row 3, column "valid_from (P)": "31.02.2026" is not a valid date');
    expect(await workspaceState(ws)).toBe(before);
  });

  it("backup and restore round-trip the workspace", async () => {
    const d = dir();
    const ws = join(d, "ws.json");
    await runCli(["import-master", "--workspace", ws, join(d, "contracts.csv"), join(d, "articles.csv")], io().cli);
    expect(await runCli(["backup", "--workspace", ws, "--out", join(d, "b.json")], io().cli)).toBe(0);
    const ws2 = join(d, "ws2.json");
    expect(await runCli(["restore", "--workspace", ws2, join(d, "b.json")], io().cli)).toBe(0);
    // the same store, and the restore appended to the restored audit log, naming the file by its SHA-256
    const original = JSON.parse(await workspaceState(ws)) as { tables: Record<string, Record<string, unknown>[]> };
    const restored = JSON.parse(await workspaceState(ws2)) as typeof original;
    const entry = restored.tables.auditLog!.pop()!;
    expect(restored).toEqual(original);
    const sha256 = createHash("sha256").update(readFileSync(join(d, "b.json"))).digest("hex");
    expect(entry).toMatchObject({ seq: original.tables.auditLog!.length + 1, kind: "store.restore", source: `sha256:${sha256}`, entity: "file:b.json", before: { tables: { customers: 0, auditLog: 0 } }, after: { tables: { customers: 2, auditLog: original.tables.auditLog!.length } } });
  });

  it("exit code 2 for usage errors, 1 for a missing file or a corrupt workspace", async () => {
    const d = dir();
    const u = io();
    expect(await runCli(["import-master", join(d, "contracts.csv")], u.cli)).toBe(2);
    expect(u.err()).toContain("--workspace is required");
    expect(await runCli(["nope"], io().cli)).toBe(2);
    expect(await runCli([], io().cli)).toBe(2);
    expect(await runCli(["import-master", "--workspace", join(d, "w.json"), "--bogus", "x"], io().cli)).toBe(2);
    const m = io();
    expect(await runCli(["import-master", "--workspace", join(d, "w.json"), join(d, "missing.csv")], m.cli)).toBe(1);
    expect(m.err()).toContain("missing.csv");
    writeFileSync(join(d, "corrupt.json"), '{"format":"msp-billing-backup"');
    const c = io();
    expect(await runCli(["export-master", "--workspace", join(d, "corrupt.json"), "--out", join(d, "o.csv")], c.cli)).toBe(1);
    expect(c.err()).toContain("corrupt.json");
  });
});
