import { mappingKey, normalizeExternalId } from "../core/reconcile/external-id";
import { type Issue, issue } from "../core/issues";
import type { StoreTx } from "./port";
import type { AuditRecord, MappingRecord } from "./records";

/**
 * Schema 3 → 4: every stored mapping in the one normal form of its external id
 * ({@link normalizeExternalId}: GUID-like tenant ids lower case without braces). Since schema 4 every
 * lookup compares normal forms, so a mapping stored as `…|3F2504E0-…` would never match again.
 *
 * One function for every path (Dexie `version(4)`, SQL migration `003_mapping_ids`, restore of an
 * older backup), so they cannot disagree. It is idempotent: a store already in normal form is left
 * exactly as it is (no write, no audit entry).
 *
 * Two rows that become one (`…|ABC…` and `…|abc…`, mapping the same tenant) are never merged
 * silently: the row written last stays active — last by the audit log's newest `mapping.*` entry
 * whose `after` is that row; a row the log never saw counts as oldest; then the row already in normal
 * form (only the current program writes that form); then the smaller id — and every row of the group
 * is kept in an audit entry `mapping.id_collision` (before: all rows as they were, after: the row
 * that stays) and returned in the report, so the host can show it.
 */

/** Rows that collapsed into one mapping id. */
export interface MappingIdCollision {
  /** The normal mapping id the rows now share. */
  id: string;
  /** The row that stays, in normal form, and as it was stored. */
  kept: MappingRecord;
  keptWas: MappingRecord;
  /** The other rows as they were stored (removed from the mappings, recorded in the audit log). */
  dropped: MappingRecord[];
  /** True when the rows named different internal numbers (then the user must check the one kept). */
  conflicting: boolean;
  /** What decided which row stays. */
  rule: "newer" | "normal_form" | "id_order";
}

/** What the upgrade changed. */
export interface MappingIdUpgrade {
  /** Rows stored under a new id (or with a new external id), one collision-free row each. */
  renamed: { from: string; to: string }[];
  collisions: MappingIdCollision[];
}

/** A mapping in its normal form (id and external id). */
export function normalMapping(m: MappingRecord): MappingRecord {
  return { ...m, id: mappingKey(m.kind, m.source, m.externalId), externalId: normalizeExternalId(m.externalId) };
}

const isNormal = (m: MappingRecord): boolean => {
  const n = normalMapping(m);
  return n.id === m.id && n.externalId === m.externalId;
};

/** The rows that need work, grouped by their normal id (groups of one row already normal left out). */
export function mappingIdGroups(rows: readonly MappingRecord[]): Map<string, MappingRecord[]> {
  const byId = new Map<string, MappingRecord[]>();
  for (const r of rows) {
    const id = mappingKey(r.kind, r.source, r.externalId);
    const g = byId.get(id);
    if (g) g.push(r);
    else byId.set(id, [r]);
  }
  for (const [id, g] of byId) if (g.length === 1 && isNormal(g[0]!)) byId.delete(id);
  return byId;
}

/** The ids of rows that collide (the audit log is read for these only). */
export function collidingIds(groups: ReadonlyMap<string, MappingRecord[]>): Set<string> {
  const out = new Set<string>();
  for (const g of groups.values()) if (g.length > 1) for (const r of g) out.add(r.id);
  return out;
}

/**
 * The rows to remove and write and the audit entries, for groups from {@link mappingIdGroups};
 * `lastWritten` maps a colliding row's id to the seq of the newest audit entry that wrote it.
 */
export function planMappingIds(
  groups: ReadonlyMap<string, MappingRecord[]>,
  lastWritten: ReadonlyMap<string, number>,
  at: string,
  source: string,
): { remove: string[]; put: MappingRecord[]; audit: AuditRecord[]; report: MappingIdUpgrade } {
  const remove: string[] = [];
  const put: MappingRecord[] = [];
  const audit: AuditRecord[] = [];
  const report: MappingIdUpgrade = { renamed: [], collisions: [] };
  for (const id of [...groups.keys()].sort()) {
    const g = groups.get(id)!;
    for (const r of g) if (r.id !== id) remove.push(r.id);
    if (g.length === 1) {
      const row = normalMapping(g[0]!);
      put.push(row);
      report.renamed.push({ from: g[0]!.id, to: id });
      audit.push({ at, kind: "mapping.normalize", source, entity: `mapping:${row.kind}:${row.externalId}`, before: g[0]!, after: row });
      continue;
    }
    const seq = (r: MappingRecord) => lastWritten.get(r.id) ?? -1;
    const ranked = [...g].sort((a, b) => seq(b) - seq(a) || Number(isNormal(b)) - Number(isNormal(a)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const [first, second] = ranked as [MappingRecord, MappingRecord];
    const rule: MappingIdCollision["rule"] = seq(first) !== seq(second) ? "newer" : isNormal(first) !== isNormal(second) ? "normal_form" : "id_order";
    const kept = normalMapping(first);
    put.push(kept);
    const dropped = ranked.slice(1);
    const conflicting = dropped.some((d) => d.internalNo !== first.internalNo);
    report.collisions.push({ id, kept, keptWas: first, dropped, conflicting, rule });
    audit.push({ at, kind: "mapping.id_collision", source, entity: `mapping:${kept.kind}:${kept.externalId}`, before: ranked, after: { kept, rule, conflicting } });
  }
  return { remove, put, audit, report };
}

/**
 * Brings the mappings of a store to schema 4 inside the caller's write transaction (see the module
 * comment); returns what changed. `source` names the path in the audit entries (`migration:…`,
 * `dexie:4`, `backup:…`).
 */
export async function upgradeMappingIds(tx: StoreTx, at: string, source: string, options: { remember?: boolean } = {}): Promise<MappingIdUpgrade> {
  const groups = mappingIdGroups(await tx.mappings.all());
  if (groups.size === 0) return { renamed: [], collisions: [] };
  const wanted = collidingIds(groups);
  const lastWritten = new Map<string, number>();
  if (wanted.size > 0) {
    await tx.audit.forEach((e) => {
      const after = e.after as { id?: unknown } | undefined;
      if (!e.entity.startsWith("mapping:") || typeof after?.id !== "string" || !wanted.has(after.id) || e.seq === undefined) return;
      lastWritten.set(after.id, Math.max(lastWritten.get(after.id) ?? -1, e.seq));
    });
  }
  const plan = planMappingIds(groups, lastWritten, at, source);
  for (const id of plan.remove) await tx.tables.delete("mappings", id);
  await tx.mappings.putMany(plan.put);
  await tx.audit.append(plan.audit);
  // At store open nobody is there to read the report: keep the collisions until a host shows them.
  if (options.remember && plan.report.collisions.length > 0) {
    const pending = (await tx.settings.get("store.upgradeNotices")) ?? [];
    await tx.settings.put("store.upgradeNotices", [...pending, { at, source, collisions: plan.report.collisions }]);
  }
  return plan.report;
}

/**
 * The report of an upgrade as issues for the hosts: one info with the number of rows renamed, one
 * warning per collision whose rows named different internal numbers (the user must check the one
 * kept), one info per collision that only merged spellings of the same mapping.
 */
export function mappingIdIssues(report: MappingIdUpgrade | undefined, source: string): Issue[] {
  if (!report) return [];
  const out: Issue[] = [];
  const changed = report.renamed.length + report.collisions.length;
  if (changed > 0) out.push(issue("store.mapping_ids_normalized", { count: changed }, { source }, "info"));
  for (const c of report.collisions) {
    const params = { mappingKind: c.kept.kind, externalId: c.kept.externalId, source: c.kept.source, ids: [c.keptWas, ...c.dropped].map((m) => m.externalId).join(", "), keptId: c.keptWas.externalId, keptNo: c.kept.internalNo, keptBy: c.rule, droppedNo: c.dropped.map((d) => d.internalNo).join(", ") };
    out.push(c.conflicting ? issue("store.mapping_id_collision", params, { source }, "warning") : issue("store.mapping_id_merged", params, { source }, "info"));
  }
  return out;
}
