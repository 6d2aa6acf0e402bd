import { dbOf } from "../support/db-view";
/**
 * Issue 12 "Audit": every change to contracts, mappings, the ledger and settings is in the audit log
 * with time, source (file hash, batch, run, manual) and before/after. Each use case of the catalogue
 * runs once; every row it added, changed or removed in the audited tables must be explained by one of
 * the audit entries it appended: same entity, `after` equal to the row as stored, `before` equal to the
 * row it replaced or removed. Ledger entries are audited per run (entity `run:<id>`, source the run id).
 *
 * Not audited by design: counters (`counter:*` settings, numbering only), batch and run records (they
 * are the log), time entries and meter readings (audited per import file, by ids; an approval per entry). Restore replaces the
 * audit log with the backup's and appends its own entry to it: tested on its own below.
 */
import { sha256Hex } from "../../src/app/context";
import type { AuditRecord, ImportBatchRecord } from "../../src/store/records";
import { BACKUP_TABLES, backupToJson, exportBackup, parseBackup } from "../../src/store/backup";
import { TABLES, TABLE_NAMES, type TableName, rowKey } from "../../src/store/tables";
import { restoreStore } from "../../src/app/restore";
import { verifyIntegrity } from "../../src/app/verify";
import { importLinks } from "../../src/app/purchase";
import { seedDomains } from "../scenarios/purchase/domain-scenario";
import { storeState } from "../support/fail-injection";
import { FIXED_NOW, testContext, textFile } from "../support/fixtures";
import { TIME_RULES } from "../app/time-fixtures";
import { runBilling } from "../../src/app/bill";
import { INVOICE_CHAIN_KEY } from "../../src/app/issue-run";
import { undoRun } from "../../src/app/undo-run";
import { LINKS_UPDATE, USE_CASES, must, seedUsage, type UseCase } from "./use-cases";

const AUDITED: TableName[] = ["customers", "articles", "contracts", "contractVersions", "mappings", "ledger", "settings", "purchaseContracts", "purchaseLinks", "profiles"];

type Row = Record<string, unknown>;
interface Change {
  table: TableName;
  key: string;
  before?: Row;
  after?: Row;
}

void TABLES;

function changes(before: Record<TableName, unknown[]>, after: Record<TableName, unknown[]>): Change[] {
  const out: Change[] = [];
  for (const table of AUDITED) {
    const index = (rows: unknown[] = []) => new Map((rows as Row[]).map((r) => [String(rowKey(table, r)), r]));
    const b = index(before[table]);
    const a = index(after[table]);
    for (const key of new Set([...b.keys(), ...a.keys()])) {
      if (JSON.stringify(b.get(key)) !== JSON.stringify(a.get(key))) out.push({ table, key, before: b.get(key), after: a.get(key) });
    }
  }
  return out;
}

/** Whether an audit entry names the changed row. */
function names(e: AuditRecord, c: Change): boolean {
  const r = (c.after ?? c.before)!;
  switch (c.table) {
    case "customers":
      return e.entity === `customer:${c.key}`;
    case "articles":
      return e.entity === `article:${c.key}`;
    case "contracts":
      return e.entity === `contract:${c.key}`;
    case "contractVersions":
      return e.entity === `contract:${String(r.contractNo)}/${String(r.positionNo)}`;
    case "mappings":
      return e.entity === `mapping:${String(r.kind)}:${String(r.externalId)}`;
    case "ledger":
      return e.entity === `run:${String(r.runId)}` && e.source === r.runId;
    case "settings":
      // The invoice chain's head is recorded by the audit entry of the issue that moved it.
      if (c.key === INVOICE_CHAIN_KEY) return e.kind === "billing.run.issue" && same((e.after as Row | undefined)?.chainHead, r.value);
      return e.entity === `setting:${c.key}` || e.entity.startsWith(`setting:${c.key}/`);
    case "purchaseContracts":
      return e.entity === (r.kind === "position" ? `purchase:${String(r.purchaseNo)}/${String(r.positionNo)}` : `purchase:${String(r.purchaseNo)}`);
    case "purchaseLinks":
      return e.entity === `link:${c.key}`;
    case "profiles":
      return e.entity === `profile:${c.key}`;
    default:
      return false;
  }
}

/** The forms a stored row takes in an audit entry: the row, a setting's value, a saved profile's JSON. */
function forms(table: TableName, row: Row): unknown[] {
  if (table === "settings") return [row, row.value];
  if (table === "profiles") return [row, JSON.parse(String(row.json))];
  return [row];
}
const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v;
// Key order is the adapter's (a database row comes back in column order): compare canonically.
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Why a change is not explained by the entries, or null when it is. */
function unexplained(c: Change, entries: readonly AuditRecord[]): string | null {
  const named = entries.filter((e) => names(e, c));
  if (named.length === 0) return "no audit entry names it";
  if (c.table === "ledger") return null; // audited per run
  if (c.table === "settings" && c.key === INVOICE_CHAIN_KEY) return null; // named by the head it carries
  // a setting holding a collection (saved time profiles) is audited per element: `setting:<key>/<id>`
  if (c.table === "settings" && named.every((e) => e.entity !== `setting:${c.key}`)) return named.every((e) => e.after !== undefined || e.before !== undefined) ? null : "element entries without before/after";
  const beforeOk = c.before === undefined || named.some((e) => forms(c.table, c.before!).some((f) => same(e.before, f)));
  const afterOk = c.after === undefined || named.some((e) => forms(c.table, c.after!).some((f) => same(e.after, f)));
  if (!afterOk) return "no entry has the stored row as `after`";
  if (!beforeOk) return c.after === undefined ? "removed, but no entry has the removed row as `before`" : "overwritten, but no entry has the previous row as `before`";
  return null;
}

/** What each use case's entries name as their source. */
const SOURCE: Record<string, "batch" | "run" | "file-hash" | "manual" | "not-audited"> = {
  "import-master (new, changed and unchanged rows of all three kinds)": "batch",
  "apply (reconcile review)": "batch",
  "apply (price-update proposal)": "batch",
  "bill (recurring, ticket time, flat fees, clicks)": "run",
  "undo batch (a reconcile apply)": "batch",
  "undo batch (a master import that overwrote rows)": "batch",
  "undo run": "run",
  "finalize (issue a billing run)": "run",
  "cancel invoice": "run",
  "cancel run (the invoices of an issued run not cancelled yet)": "run",
  "purchase import (new version, new contract)": "batch",
  "links import (one link added, one removed)": "batch",
  "time import": "batch",
  "meters import": "batch",
  "time approve (the on-site visit withdrawn, the note approved)": "file-hash",
  "restore (an earlier backup of the same store over later changes)": "not-audited",
  "rules set (replacing stored rules)": "file-hash",
  "time profile save (replacing a saved profile)": "manual",
  "vendor profile save": "manual",
  "export settings save (replacing company data, adding DATEV settings)": "manual",
  "export profile save (replacing a saved profile)": "manual",
  "export profile delete": "manual",
};

/** The audit entries of each use case, as `kind entity [before][after]`. */
const ENTRIES: Record<string, string[]> = {
  "import-master (new, changed and unchanged rows of all three kinds)": [
    "article.add article:TEAMS-E A",
    "article.update article:EXO-P1 BA",
    "contract.add contract:V-3001 A",
    "contract.version.add contract:V-1001/1 A",
    "contract.version.add contract:V-3001/1 A",
    "customer.add customer:10003 A",
    "customer.update customer:10002 BA",
    "mapping.put mapping:article:CFQ7TTC0LH16:0001 BA",
    "mapping.put mapping:customer:33333333-cccc-4ccc-8ccc-000000000003 A",
  ],
  "apply (reconcile review)": ["contract.version.add contract:V-1001/1 A", "contract.version.add contract:V-2001/1 A", "contract.version.add contract:V-2001/2 A"],
  "apply (price-update proposal)": ["contract.version.add contract:V-3001/1 A", "contract.version.add contract:V-3002/1 A", "contract.version.add contract:V-3003/1 A", "purchase.version.add purchase:EK-100/1 A"],
  "bill (recurring, ticket time, flat fees, clicks)": ["billing.run run:run-00001 A", "usage.mark usageMark:K-300/2026-06 A"],
  "undo batch (a reconcile apply)": ["batch.undo batch:apply-00002 BA", "undo.delete contract:V-1001/1 B", "undo.delete contract:V-2001/1 B", "undo.delete contract:V-2001/2 B"],
  "undo batch (a master import that overwrote rows)": [
    "batch.undo batch:master-00002 BA",
    "undo.delete article:TEAMS-E B",
    "undo.delete contract:V-1001/1 B",
    "undo.delete contract:V-3001 B",
    "undo.delete contract:V-3001/1 B",
    "undo.delete customer:10003 B",
    "undo.delete mapping:customer:33333333-cccc-4ccc-8ccc-000000000003 B",
    "undo.restore article:EXO-P1 BA",
    "undo.restore customer:10002 BA",
    "undo.restore mapping:article:CFQ7TTC0LH16:0001 BA",
  ],
  "undo run": ["billing.run.undo run:run-00001 BA"],
  "finalize (issue a billing run)": ["billing.run.issue run:run-00001 A"],
  "cancel invoice": ["billing.run.issue run:run-00002 A", "invoice.cancel invoice:RE-000001 BA"],
  "cancel run (the invoices of an issued run not cancelled yet)": ["billing.run.issue run:run-00003 A", "invoice.cancel invoice:RE-000002 BA", "invoice.cancel invoice:RE-000003 BA"],
  "purchase import (new version, new contract)": ["purchase.add purchase:EK-200 A", "purchase.version.add purchase:EK-100/1 A", "purchase.version.add purchase:EK-200/1 A"],
  "links import (one link added, one removed)": ["purchase.link.add link:EK-100/1>V-3004/1 A", "purchase.link.remove link:EK-100/1>V-3003/1 B"],
  "time import": ["time.import file:zeiten-juni.csv A"],
  "meters import": ["meters.import file:zaehler.csv A"],
  // time entries (ids from the content of zeiten-juni.csv): the billable flag before and after
  "time approve (the on-site visit withdrawn, the note approved)": ["time.approve time:t-4a4a08a9a95694586a45262c BA", "time.approve time:t-6e2afe7466dead28df0cf487 BA"],
  "rules set (replacing stored rules)": ["rules.set setting:time.rules BA"],
  "time profile save (replacing a saved profile)": ["time.profile.save setting:time.profiles/halo BA"],
  "vendor profile save": ["profile.add profile:example-ingram-rde-short A"],
  "export settings save (replacing company data, adding DATEV settings)": ["settings.update setting:company BA", "settings.update setting:datevConfig A"],
  "export profile save (replacing a saved profile)": ["exportProfile.update setting:exportProfile:erp-zeilen BA"],
  "export profile delete": ["exportProfile.delete setting:exportProfile:erp-zeilen B"],
};

const summary = (e: AuditRecord) => `${e.kind} ${e.entity} ${e.before !== undefined ? "B" : ""}${e.after !== undefined ? "A" : ""}`;

describe("every change to contracts, mappings, the ledger and settings is in the audit log", () => {
  const audited = USE_CASES.filter((u) => SOURCE[u.name] !== "not-audited");

  it("the catalogue and the expectations name the same use cases", () => {
    expect(Object.keys(SOURCE).sort()).toEqual(USE_CASES.map((u) => u.name).sort());
    expect(Object.keys(ENTRIES).sort()).toEqual(audited.map((u) => u.name).sort());
  });

  it.each(audited.map((u) => [u.name, u] as const))("%s", async (_name, useCase: UseCase) => {
    const ctx = await testContext();
    const act = await useCase.prepare(ctx);
    const before = (await exportBackup(ctx.store, "t")).tables;
    const result = (await act(ctx)) as { batchId?: string | null; runId?: string | null } | undefined;
    const after = (await exportBackup(ctx.store, "t")).tables;
    const entries = (after.auditLog as AuditRecord[]).slice(before.auditLog.length);
    // appended, never rewritten
    expect(after.auditLog.slice(0, before.auditLog.length)).toEqual(before.auditLog);

    expect(entries.map(summary).sort()).toEqual([...ENTRIES[useCase.name]!].sort());
    for (const e of entries) expect(e.at).toBe(FIXED_NOW);

    const source = SOURCE[useCase.name];
    const sources = [...new Set(entries.map((e) => e.source))];
    if (source === "batch") {
      expect(sources).toEqual([result!.batchId]);
      // a batch names its files by hash
      const batch = (after.importBatches as ImportBatchRecord[]).find((b) => b.id === result!.batchId)!;
      for (const f of batch.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    } else if (source === "run") expect(sources).toEqual([result!.runId]);
    else if (source === "file-hash") expect(sources).toEqual([expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
    else expect(sources).toEqual(["manual"]);

    const problems = changes(before, after)
      .map((c) => ({ change: `${c.table} ${c.key}`, problem: unexplained(c, entries) }))
      .filter((p) => p.problem !== null);
    expect(problems).toEqual([]);
  });

  it("rules set names the rules file by the hash of its content", async () => {
    const ctx = await testContext();
    const useCase = USE_CASES.find((u) => u.name.startsWith("rules set"))!;
    await (await useCase.prepare(ctx))(ctx);
    const first = (await dbOf(ctx).auditLog.where("kind").equals("rules.set").first())!;
    expect(first.source).toBe(`sha256:${await sha256Hex(new TextEncoder().encode(TIME_RULES))}`);
  });

  it("billing a month again after its run was undone records the click mark it replaces", async () => {
    const ctx = await testContext();
    await seedUsage(ctx);
    const first = must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }));
    must(await undoRun(ctx, first.runId!));
    const again = must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }));
    const mark = (await dbOf(ctx).auditLog.where("source").equals(again.runId!).toArray()).find((e) => e.entity === "usageMark:K-300/2026-06")!;
    expect(mark.before).toMatchObject({ runId: first.runId });
    expect(mark.after).toMatchObject({ runId: again.runId });
  });
});

describe("a restore is in the audit log it brings back", () => {
  const counts = (tables: Record<TableName, unknown[]>) => Object.fromEntries(BACKUP_TABLES.map((t: TableName) => [t, tables[t]!.length]));

  it("one entry after the store's log, which is never rolled back: the file's SHA-256, rows per table before and after; later entries follow it", async () => {
    const ctx = await testContext();
    await seedDomains(ctx);
    const text = backupToJson(await exportBackup(ctx.store, "2026-11-01T08:00:00.000Z"));
    const parsed = parseBackup(text, "sicherung.json");
    if (!parsed.ok) throw new Error("backup unreadable");
    const doc = parsed.value;
    const sha256 = await sha256Hex(new TextEncoder().encode(text));

    await seedUsage(ctx);
    must(await runBilling(ctx, { month: "2026-06", invoiceDate: "2026-07-01" }));
    const before = (await exportBackup(ctx.store, "t")).tables;
    // the store holds more audit entries than the backup: they stay, the restore's entry follows them
    const kept = before.auditLog.length - doc.tables.auditLog.length;
    expect(kept).toBeGreaterThan(0);
    expect(before.auditLog.slice(0, doc.tables.auditLog.length)).toEqual(doc.tables.auditLog);

    const summary = must(await restoreStore(ctx, doc, { name: "sicherung.json", sha256 }));
    const after = (await exportBackup(ctx.store, "t")).tables;
    for (const t of TABLE_NAMES) if (t !== "auditLog") expect({ t, rows: after[t] }).toEqual({ t, rows: doc.tables[t] });
    expect(after.auditLog.slice(0, -1)).toEqual(before.auditLog);
    const lastSeq = (before.auditLog as AuditRecord[]).at(-1)!.seq!;
    expect(after.auditLog.at(-1)).toEqual({
      seq: lastSeq + 1,
      at: FIXED_NOW,
      kind: "store.restore",
      source: `sha256:${sha256}`,
      entity: "file:sicherung.json",
      before: { tables: counts(before) },
      after: { tables: { ...counts(doc.tables), auditLog: before.auditLog.length }, schemaVersion: 4, exportedAt: "2026-11-01T08:00:00.000Z", auditKept: kept },
      // sealed into the audit chain after the store's last entry
      prevHash: (before.auditLog as AuditRecord[]).at(-1)!.hash,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(summary).toEqual({ file: "sicherung.json", sha256, before: counts(before), after: { ...counts(doc.tables), auditLog: before.auditLog.length }, auditKept: kept });
    expect((await verifyIntegrity(ctx)).firstBreak).toBeNull();

    must(await importLinks(ctx, textFile("links-neu.csv", LINKS_UPDATE)));
    const log = (await exportBackup(ctx.store, "t")).tables.auditLog as AuditRecord[];
    // (IndexedDB's key generator is not reset by a restore: later numbers may leave a gap, never go back)
    expect(log.slice(-3).map((e) => e.kind)).toEqual(["store.restore", "purchase.link.add", "purchase.link.remove"]);
    expect(log.at(-3)!.seq).toBe(lastSeq + 1);
    expect(log.at(-2)!.seq).toBeGreaterThan(lastSeq + 1);
  });

  it("a backup of another store over a filled one is refused naming the first audit entry it would lose; nothing changes", async () => {
    const source = await testContext();
    await seedDomains(source);
    const doc = await exportBackup(source.store, "t");
    const ctx = await testContext();
    await seedUsage(ctx);
    const state = await storeState(ctx);
    const first = (await exportBackup(ctx.store, "t")).tables.auditLog[0] as AuditRecord;
    const r = await restoreStore(ctx, doc, { name: "fremd.json", sha256: "0".repeat(64) });
    expect(!r.ok && r.issues.map((i) => [i.code, i.params.seq, i.params.kind])).toEqual([["restore.audit_diverges", first.seq, first.kind]]);
    expect(await storeState(ctx)).toBe(state);
  });

  it("a restore that fails (a key twice in a late table) leaves the store as it was, without an entry", async () => {
    const ctx = await testContext();
    await seedDomains(ctx);
    const doc = await exportBackup(ctx.store, "t");
    const broken = { ...doc, tables: { ...doc.tables, settings: [...doc.tables.settings, doc.tables.settings[0]!] } };
    await seedUsage(ctx);
    const before = await storeState(ctx);
    await expect(restoreStore(ctx, broken, { name: "kaputt.json", sha256: "0".repeat(64) })).rejects.toThrow();
    expect(await storeState(ctx)).toBe(before);
  });
});
