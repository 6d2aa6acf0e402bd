import type { TableName } from "./tables";

/** The tables of a schema-1 store (backup document or Dexie v1 database). */
export const V1_TABLES = ["customers", "articles", "contracts", "contractVersions", "mappings", "profiles", "importBatches", "ledger", "runs", "timeEntries", "meterReadings", "purchaseContracts", "purchaseLinks", "auditLog", "settings"] as const;

type AnyRow = Record<string, unknown>;

/**
 * Schema 1 → 2, one function for every path (Dexie upgrade, restore of an old backup, migration of
 * a JSON workspace), so they cannot disagree:
 * - settings `counter:<name>` → counters `{ name, value }`;
 * - settings `clicks.billed/<contract>/<month>` → usageMarks (the mark itself);
 * - a run's inline `invoices` → invoices rows (`seqInRun` = position in the run), the run without them;
 * - every other row unchanged; billingState starts empty (the first run reads the whole ledger).
 * Nothing is dropped: a row that does not fit where it goes stays where it was.
 */
export function upgradeV1Tables(v1: Partial<Record<string, unknown[]>>): Record<TableName, AnyRow[]> {
  const rows = (name: string) => ((v1[name] ?? []) as AnyRow[]).map((r) => ({ ...r }));
  const settings: AnyRow[] = [];
  const counters: AnyRow[] = [];
  const usageMarks: AnyRow[] = [];
  for (const s of rows("settings")) {
    const key = String(s.key);
    if (key.startsWith("counter:") && typeof s.value === "number") counters.push({ name: key.slice("counter:".length), value: s.value });
    else if (key.startsWith("clicks.billed/") && isMark(s.value)) usageMarks.push({ ...(s.value as AnyRow) });
    else settings.push(s);
  }
  const invoices: AnyRow[] = [];
  const runs = rows("runs").map((r) => {
    const { invoices: own, ...run } = r;
    if (!Array.isArray(own)) return r;
    own.forEach((inv, i) => invoices.push({ ...(inv as AnyRow), seqInRun: i }));
    return run;
  });
  return {
    customers: rows("customers"),
    articles: rows("articles"),
    contracts: rows("contracts"),
    contractVersions: rows("contractVersions"),
    mappings: rows("mappings"),
    profiles: rows("profiles"),
    importBatches: rows("importBatches"),
    runs,
    invoices,
    ledger: rows("ledger"),
    billingState: [],
    timeEntries: rows("timeEntries"),
    meterReadings: rows("meterReadings"),
    usageMarks,
    purchaseContracts: rows("purchaseContracts"),
    purchaseLinks: rows("purchaseLinks"),
    counters,
    settings,
    mandates: [],
    collections: [],
    usageRecords: [],
    auditLog: rows("auditLog"),
  };
}

function isMark(v: unknown): boolean {
  const m = v as AnyRow | null;
  return typeof m === "object" && m !== null && typeof m.contractNo === "string" && typeof m.month === "string" && typeof m.runId === "string";
}
