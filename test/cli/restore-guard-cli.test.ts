import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TWO_CUSTOMERS_ARTICLES as ARTICLES, TWO_CUSTOMERS_CONTRACTS as CONTRACTS } from "../support/two-customers";
import { runCommand as run } from "../support/cli-io";


it("restore (streamed) refuses a backup that would lose issued invoices or was cut; verify and backup carry the same chain heads", async () => {
  const d = mkdtempSync(join(tmpdir(), "msp-restore-guard-"));
  const ws = join(d, "ws.db");
  writeFileSync(join(d, "a.csv"), ARTICLES);
  writeFileSync(join(d, "c.csv"), CONTRACTS);
  expect((await run("import-master", "--workspace", ws, join(d, "a.csv"), join(d, "c.csv"))).code).toBe(0);
  expect((await run("backup", "--workspace", ws, "--out", join(d, "b0.json"))).code).toBe(0);
  const jan = await run("bill", "--workspace", ws, "--period", "2026-01", "--out", join(d, "jan.csv"), "--invoice-date", "2026-01-02", "--json");
  const runId = (JSON.parse(jan.out) as { runId: string }).runId;
  expect((await run("finalize", "--workspace", ws, "--run", runId)).code).toBe(0);

  const refused = await run("restore", "--workspace", ws, join(d, "b0.json"));
  expect(refused.code).toBe(1);
  expect(refused.err).toContain("does not hold issued invoice RE-000001 (10001 Müller GmbH, 2026-01-02, 245.14)");
  expect(refused.err).toContain("the store is unchanged");

  const verify = await run("verify", "--workspace", ws);
  expect(verify.code).toBe(0);
  const head = /issued invoices head: 2 invoices, hash ([0-9a-f]{64})/.exec(verify.out);
  expect(head).not.toBeNull();
  const auditHead = /audit log head: (\d+) entries, last seq (\d+), hash ([0-9a-f]{64})/.exec(verify.out)!;
  expect(auditHead).not.toBeNull();

  expect((await run("backup", "--workspace", ws, "--out", join(d, "b1.json"))).code).toBe(0);
  const text = readFileSync(join(d, "b1.json"), "utf8");
  const header = JSON.parse(`${text.split("\n")[0]}}}`) as { chainHeads: { auditLog: { count: number; hash: string }; invoices: { count: number; hash: string } } };
  expect(header.chainHeads.invoices).toEqual({ count: 2, hash: head![1] });
  expect(header.chainHeads.auditLog).toMatchObject({ count: Number(auditHead[1]), hash: auditHead[3] });

  // the backup cut after its first issued invoice (the last invoice row removed) is refused, even into an empty workspace
  const lines = text.split("\n");
  const start = lines.indexOf('"invoices":[');
  const end = lines.indexOf("],", start);
  expect(lines[end - 1]).toContain('"invoiceRef":"RE-000002"');
  const cut = [...lines];
  cut.splice(end - 1, 1);
  cut[end - 2] = cut[end - 2]!.replace(/,$/, "");
  writeFileSync(join(d, "cut.json"), cut.join("\n"));
  const cutRestore = await run("restore", "--workspace", join(d, "fresh.db"), join(d, "cut.json"));
  expect(cutRestore.code).toBe(1);
  expect(cutRestore.err).toContain("does not end where its chain must end (invoices)");

  // a ledger entry of an issued invoice edited in the backup: refused, the store unchanged
  const ledgerLine = lines.findIndex((l) => l.includes('"invoiceRef":"RE-000002"') && l.includes('"roundedAmount":"61.8"'));
  expect(ledgerLine).toBeGreaterThan(0);
  const edited = [...lines];
  edited[ledgerLine] = edited[ledgerLine]!.replace('"roundedAmount":"61.8"', '"roundedAmount":"6.18"');
  writeFileSync(join(d, "edited.json"), edited.join("\n"));
  const editedRestore = await run("restore", "--workspace", ws, join(d, "edited.json"));
  expect(editedRestore.code).toBe(1);
  expect(editedRestore.err).toContain("The ledger entries of issued invoice RE-000002 in the backup do not give the hash it was issued with");
  expect((await run("verify", "--workspace", ws)).code).toBe(0);

  // the current backup restores, and the log is not rolled back
  const ok = await run("restore", "--workspace", ws, join(d, "b1.json"));
  expect(ok.code).toBe(0);
  expect((await run("verify", "--workspace", ws)).code).toBe(0);
});
