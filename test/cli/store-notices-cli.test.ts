/**
 * A CLI store of schema 3 whose mapping ids collide when the current program opens it: the CLI says
 * so on stderr (in the user's language) at every command until a writing command has run, and then
 * no more; the audit log keeps every collision.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main";
import { openSqliteStore } from "../../src/store/node/sqlite-store";
import { captureIo } from "../support/cli-io";
import { ARTICLES_CSV } from "../support/fixtures";
import { seedV3 } from "../store/contract/mapping-id-upgrade";
import { sqliteAtV3 } from "../store/contract/v3-stores";

describe("CLI: what the schema-4 upgrade found at open", () => {
  it("is printed until a writing command committed", async () => {
    const d = mkdtempSync(join(tmpdir(), "msp-notices-"));
    const ws = join(d, "ws.db");
    await sqliteAtV3(ws, seedV3, (p) => openSqliteStore(p));
    writeFileSync(join(d, "articles.csv"), ARTICLES_CSV);

    const first = captureIo("de");
    expect(await runCli(["rules", "show", "--workspace", ws], first.cli)).toBe(0);
    expect(first.err()).toMatch(/^warning: .*Kunden-Zuordnung 3f2504e0-4f89-11d3-9a0c-0305e82c3301 .*gültig bleibt .*→ 10002 \(zuletzt geschrieben laut Prüfprotokoll\)/m);
    expect(first.err().match(/^warning: /gm)).toHaveLength(2);

    // A read-only command does not clear them.
    const read = captureIo("en");
    expect(await runCli(["rules", "show", "--workspace", ws], read.cli)).toBe(0);
    expect(read.err()).toMatch(/^warning: .*Customer mapping .*stays active \(newest write in the audit log\)/m);

    // A failed writing command rolls back, the notices stay.
    const failed = captureIo();
    expect(await runCli(["import-master", "--workspace", ws, join(d, "missing.csv")], failed.cli)).not.toBe(0);
    const after = captureIo();
    expect(await runCli(["rules", "show", "--workspace", ws], after.cli)).toBe(0);
    expect(after.err()).toMatch(/^warning: /m);

    const write = captureIo();
    expect(await runCli(["import-master", "--workspace", ws, join(d, "articles.csv")], write.cli)).toBe(0);
    expect(write.err()).toMatch(/^warning: /m);
    const last = captureIo();
    expect(await runCli(["rules", "show", "--workspace", ws], last.cli)).toBe(0);
    expect(last.err()).toBe("");

    const store = await openSqliteStore(ws);
    try {
      const kinds: string[] = [];
      await store.read((tx) => tx.audit.forEach((e) => void kinds.push(e.kind)));
      expect(kinds.filter((k) => k === "mapping.id_collision")).toHaveLength(3);
    } finally {
      await store.close();
    }
  });
});
