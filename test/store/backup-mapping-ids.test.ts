/**
 * Store schema 4 and backups: a backup written before schema 4 (mapping ids in any spelling) comes
 * out of every restore path with its mappings in normal form, collisions decided and recorded as the
 * store upgrade does (test/store/contract/mapping-id-upgrade.ts); a schema-4 backup is restored as
 * it is. Plus the invariants of the plan itself.
 */
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { restoreStore } from "../../src/app/restore";
import { runCli } from "../../src/cli/main";
import { migrateJsonWorkspace } from "../../src/cli/store";
import { formatIssue } from "../../src/core/messages";
import { backupToJson, exportBackup, parseBackup } from "../../src/store/backup";
import { openSqliteStore } from "../../src/store/node/sqlite-store";
import type { MappingRecord } from "../../src/store/records";
import { mappingIdGroups, mappingIdIssues, normalMapping, planMappingIds } from "../../src/store/upgrade-v4";
import { captureIo } from "../support/cli-io";
import { FIXED_NOW } from "../support/fixtures";
import { testStore } from "../support/fixtures-store";
import { V3_MAPPINGS, expectUpgraded, expectedV4Mappings, seedV3 } from "./contract/mapping-id-upgrade";

/** The text of a backup of the seeded store, as the program of schema 3 wrote it (same layout). */
async function v3BackupText(): Promise<string> {
  const store = await testStore();
  await store.write(seedV3);
  const text = backupToJson(await exportBackup(store, "2026-11-30T18:00:00.000Z")).replace('"schemaVersion":4', '"schemaVersion":3');
  await store.close();
  return text;
}

function must<T>(r: { ok: true; value: T } | { ok: false; issues: unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("a backup of schema 3 restored into schema 4", () => {
  it("restore (whole document): mappings normalised, collisions kept in the audit log and reported", async () => {
    const doc = parseBackup(await v3BackupText(), "b.json");
    if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
    expect(doc.value.fromSchemaVersion).toBe(3);
    const store = await testStore();
    const summary = must(await restoreStore({ store, now: () => FIXED_NOW }, doc.value, { name: "b.json", sha256: "x" }));
    await expectUpgraded(store);
    const log = await store.read((tx) => tx.audit.recent(1));
    expect(log[0]!.kind).toBe("store.restore");
    expect(summary.mappingIds?.collisions.map((c) => [c.kept.internalNo, c.dropped.map((d) => d.internalNo), c.conflicting])).toEqual([
      ["10002", ["10001"], true],
      ["40001", ["40001"], false],
      ["20002", ["20001"], true],
    ]);
    const issues = mappingIdIssues(summary.mappingIds, "b.json");
    expect(issues.map((i) => `${i.severity} ${i.code}`)).toEqual(["info store.mapping_ids_normalized", "warning store.mapping_id_collision", "info store.mapping_id_merged", "warning store.mapping_id_collision"]);
    expect(formatIssue(issues[1]!, "en")).toContain(`(${V3_MAPPINGS.g1Lower.externalId}, ${V3_MAPPINGS.g1Upper.externalId}): ${V3_MAPPINGS.g1Lower.externalId} → 10002 stays active (newest write in the audit log); 10001 is kept`);
    expect(formatIssue(issues[0]!, "de")).toContain("4 Zuordnungen");
    await store.close();
  });

  it("restore (CLI, streamed one row per line): the same, with the collisions on stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "msp-v3-backup-"));
    try {
      writeFileSync(join(dir, "b.json"), await v3BackupText());
      const io = captureIo("en");
      expect(await runCli(["restore", "--workspace", join(dir, "ws.db"), join(dir, "b.json")], io.cli)).toBe(0);
      const warnings = io.err().split("\n").filter((l) => l.startsWith("warning: "));
      expect(warnings.map((l) => / → (\d+) stays active/.exec(l)?.[1])).toEqual(["10002", "20002"]);
      expect(io.err()).toContain("4 mappings converted");
      const store = await openSqliteStore(join(dir, "ws.db"));
      await expectUpgraded(store);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a JSON workspace of schema 3 converts to the database with its mappings upgraded, verified row for row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "msp-v3-ws-"));
    try {
      writeFileSync(join(dir, "ws.json"), await v3BackupText());
      const r = await migrateJsonWorkspace(join(dir, "ws.json"), join(dir, "ws.db"), FIXED_NOW);
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const store = await openSqliteStore(join(dir, "ws.db"));
      await expectUpgraded(store);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a backup of schema 4 is restored exactly as written (no upgrade)", async () => {
    const doc = parseBackup((await v3BackupText()).replace('"schemaVersion":3', '"schemaVersion":4'), "b.json");
    if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
    expect(doc.value.fromSchemaVersion).toBeUndefined();
    const store = await testStore();
    const summary = must(await restoreStore({ store, now: () => FIXED_NOW }, doc.value, { name: "b.json", sha256: "x" }));
    expect(summary.mappingIds).toBeUndefined();
    expect((await store.read((tx) => tx.mappings.all())).length).toBe(Object.keys(V3_MAPPINGS).length);
    await store.close();
  });
});

describe("the mapping id plan", () => {
  const guid = fc.uuid().chain((u) => fc.constantFrom(u, u.toUpperCase(), `{${u.toUpperCase()}}`));
  const row = fc.record({ kind: fc.constantFrom("customer" as const, "article" as const), source: fc.constantFrom("*", "nce"), externalId: fc.oneof(guid, fc.constantFrom("SKU-a", "SKU-A")), internalNo: fc.constantFrom("1", "2", "3") });
  const rows = fc.uniqueArray(row.map((r): MappingRecord => ({ ...r, id: `${r.kind}|${r.source}|${r.externalId}` })), { selector: (r) => r.id, maxLength: 12 });
  const apply = (list: MappingRecord[], seqs: Map<string, number>) => {
    const plan = planMappingIds(mappingIdGroups(list), seqs, "t", "test");
    const gone = new Set(plan.remove);
    const out = new Map(list.filter((r) => !gone.has(r.id)).map((r) => [r.id, r]));
    for (const p of plan.put) out.set(p.id, p);
    return { plan, rows: [...out.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
  };

  it("normal, one row per normal id, every input row either kept or recorded, whatever the order; a second pass changes nothing", () => {
    fc.assert(
      fc.property(rows, fc.func(fc.nat(5)), (list, seqOf) => {
        const seqs = new Map(list.map((r) => [r.id, seqOf(r.id)]));
        const a = apply(list, seqs);
        const b = apply([...list].reverse(), seqs);
        expect(b.rows).toEqual(a.rows);
        expect(a.rows.every((r) => normalMapping(r).id === r.id && normalMapping(r).externalId === r.externalId)).toBe(true);
        expect(new Set(list.map((r) => normalMapping(r).id)).size).toBe(a.rows.length);
        const recorded = new Set(a.plan.audit.flatMap((e) => (Array.isArray(e.before) ? e.before : [e.before]).map((x) => (x as MappingRecord).id)));
        for (const r of list) expect(a.rows.some((x) => x.id === r.id && x.internalNo === r.internalNo) || recorded.has(r.id)).toBe(true);
        expect(mappingIdGroups(a.rows).size).toBe(0);
      }),
    );
  });

  it("the newest write stays, whatever its case", () => {
    const up = { id: "customer|*|ABCDEF01-0000-4000-8000-000000000001", kind: "customer" as const, source: "*", externalId: "ABCDEF01-0000-4000-8000-000000000001", internalNo: "1" };
    const low = { ...up, id: up.id.toLowerCase(), externalId: up.externalId.toLowerCase(), internalNo: "2" };
    expect(apply([up, low], new Map([[up.id, 7], [low.id, 3]])).rows).toEqual([{ ...low, internalNo: "1" }]);
    expect(apply([up, low], new Map([[up.id, 3], [low.id, 7]])).rows).toEqual([low]);
    expect(apply([up, low], new Map()).rows).toEqual([low]);
    expect(expectedV4Mappings().length).toBe(5);
  });
});
