import { pushAll } from "../core/array";
import type { IsoDate } from "../core/date/iso-date";
import { dropUndefined } from "./undo-steps";
import type { IsoMonth } from "../core/date/iso-month";
import { Issue, Result, fail, hasErrors, issue, ok } from "../core/issues";
import { type ContingentBalance, contingentBalance } from "../core/time/balance";
import { computeTimeCharges } from "../core/time/bill-time";
import { type TimeEntry, billedSurcharges, isBilled } from "../core/time/model";
import type { MappingRecord } from "../store/records";
import { parseRules } from "../io/time/rules-json";
import type { Rules } from "../core/time/rules";
import { decodeBytes } from "../io/table/decode";
import { toHeaderTable } from "../io/table/header-table";
import { columnLetter, headerKey } from "../io/table/raw-table";
import { readCsvText } from "../io/table/read-csv";
import { type TimeProfile, parseTimeProfiles, profileScore, requiredHeaders } from "../io/time/profile";
import { BUILTIN_TIME_PROFILES } from "../io/time/profiles/builtin";
import { type TimeRow, readTimeTable } from "../io/time/read-time";
import type { StoreTx } from "../store/port";
import { AppContext, InputFile, sha256Hex } from "./context";
import { nextBatchId } from "./numbering";
import { activeRunIds, loadRules } from "./usage-state";

export { activeRunIds, loadRules } from "./usage-state";

export const RULES_KEY = "time.rules";
export const TIME_PROFILES_KEY = "time.profiles";

/** The stored rules, in their own read transaction (for hosts showing what is stored). */
export function storedRules(ctx: AppContext): Promise<Rules | undefined> {
  return ctx.store.read((tx) => tx.settings.get("time.rules"));
}

/**
 * Validates and stores the rules document (replacing the previous one). Errors name the JSON path
 * and store nothing; unknown contracts and articles are warnings.
 */
export async function setRules(ctx: AppContext, text: string, source: string): Promise<Result<{ contracts: number; warnings: Issue[] }>> {
  const parsed = parseRules(text, source);
  if (!parsed.ok) return parsed;
  const rules = parsed.value;
  const warnings: Issue[] = [];
  const fileHash = await sha256Hex(new TextEncoder().encode(text));
  await ctx.store.write(async (tx) => {
    const contracts = new Set(await tx.contracts.keys());
    const articles = new Set(await tx.articles.keys());
    for (const no of Object.keys(rules.contracts)) if (!contracts.has(no)) warnings.push(issue("rules.unknown_contract", { contract: no }, { source }, "warning"));
    for (const [path, article] of articleRefs(rules)) if (!articles.has(article)) warnings.push(issue("rules.unknown_article", { article, path }, { source }, "warning"));
    const before = await tx.settings.get("time.rules");
    await tx.settings.put("time.rules", rules);
    // source: the hash of the rules text (audit sources are a file hash, a batch, a run or `manual`)
    await tx.audit.append([{ at: ctx.now(), kind: "rules.set", source: `sha256:${fileHash}`, entity: `setting:${RULES_KEY}`, before, after: rules }]);
  });
  return ok({ contracts: Object.keys(rules.contracts).length, warnings });
}

function articleRefs(rules: Rules): [string, string][] {
  const out: [string, string][] = [];
  const sets = [["defaults", rules.defaults] as const, ...Object.entries(rules.contracts).map(([no, c]) => [`contracts.${no}`, c] as const)];
  for (const [path, s] of sets) {
    for (const [name, a] of Object.entries(s.activities ?? {})) out.push([`${path}.activities.${name}.articleNo`, a.articleNo]);
    (s.flatFees ?? []).forEach((f, i) => out.push([`${path}.flatFees[${i}].articleNo`, f.articleNo]));
    const click = "click" in s ? s.click : undefined;
    if (click) for (const k of ["articleBw", "articleColor", "articleMinimum"] as const) if (click[k]) out.push([`${path}.click.${k}`, click[k]!]);
  }
  return out;
}

/** Built-in time profiles followed by the saved ones. */
export async function loadTimeProfiles(tx: StoreTx): Promise<TimeProfile[]> {
  const saved = ((await tx.settings.get("time.profiles")) as TimeProfile[] | undefined) ?? [];
  return [...BUILTIN_TIME_PROFILES, ...saved];
}

/** Saves time profiles from JSON (one or a list); a saved profile with the same id is replaced. */
export async function saveTimeProfiles(ctx: AppContext, text: string): Promise<Result<TimeProfile[]>> {
  const parsed = parseTimeProfiles(text, new Set(BUILTIN_TIME_PROFILES.map((p) => p.id)));
  if (!parsed.ok) return parsed;
  await ctx.store.write(async (tx) => {
    const saved = ((await tx.settings.get("time.profiles")) as TimeProfile[] | undefined) ?? [];
    const ids = new Set(parsed.value.map((p) => p.id));
    await tx.settings.put("time.profiles", [...saved.filter((p) => !ids.has(p.id)), ...parsed.value]);
    const before = new Map(saved.map((p) => [p.id, p]));
    await tx.audit.append(parsed.value.map((p) => ({ at: ctx.now(), kind: "time.profile.save", source: "manual", entity: `setting:${TIME_PROFILES_KEY}/${p.id}`, before: before.get(p.id), after: p })));
  });
  return parsed;
}

export interface TimeImportOptions {
  /** Profile id; detected from the headers when absent. */
  profileId?: string;
  /** Day for files without a per-entry date (Zammad monthly totals). */
  date?: IsoDate;
}

export interface TimeImportSummary {
  batchId: string | null;
  profile: string;
  /** The profile's name (for people; `profile` is its id). */
  profileName: string;
  rows: number;
  added: number;
  /** Entries re-imported (same ticket-system id) with new content, replacing the unbilled stored one. */
  changed: number;
  unchanged: number;
  nonBillable: number;
  /** The day given to every entry of a file without a per-entry date (monthly totals); absent otherwise. */
  totalsDate?: IsoDate;
  warnings: Issue[];
}

/**
 * Imports a time-entry file (PRODUCT.md §5.4, §8 `time import`) with a profile. Any bad cell makes an
 * issue with file, row and column and nothing is imported. Ids come from the content (or the ticket
 * system's entry id), so importing the same file twice adds nothing. A re-imported entry whose content
 * changed replaces the stored one while it is unbilled; once billed, the change is reported and ignored.
 */
export async function importTime(ctx: AppContext, file: InputFile, opts: TimeImportOptions = {}): Promise<Result<TimeImportSummary>> {
  const read = readCsvText(decodeBytes(file.bytes).text, file.name);
  const header = toHeaderTable(read.table);
  const issues: Issue[] = [...read.issues, ...header.issues];
  const table = header.table;
  if (!table || hasErrors(issues)) return { ok: false, issues };
  const { profiles, customers, maps } = await ctx.store.read(async (tx) => ({
    profiles: await loadTimeProfiles(tx),
    customers: new Set(await tx.customers.keys()),
    maps: await tx.mappings.ofSources("customer", ["*", ...(await loadTimeProfiles(tx)).map((p) => p.id)]),
  }));
  const chosen = chooseProfile(profiles, table.headers, opts.profileId, file.name);
  if (!chosen.ok) return chosen;
  const profile = chosen.value;
  const keys = new Set(table.headers.map(headerKey));
  const missing = requiredHeaders(profile).filter((h) => !keys.has(headerKey(h)));
  if (missing.length > 0) return fail(...missing.map((column) => issue("csv.missing_column", { column }, { source: file.name, row: table.headerRow, column })));
  const rows = readTimeTable(table, profile, opts.date ? { date: opts.date } : {});
  pushAll(issues, rows.issues);
  const resolved = resolveCustomers(customers, maps, rows.rows, profile, table.headers);
  pushAll(issues, resolved.issues);
  if (hasErrors(issues)) return { ok: false, issues };
  const entries = await toEntries(resolved.rows, profile.id);
  const sha256 = await sha256Hex(file.bytes);

  const summary: TimeImportSummary = { batchId: null, profile: profile.id, profileName: profile.name, rows: entries.length, added: 0, changed: 0, unchanged: 0, nonBillable: entries.filter((e) => !e.billable).length, ...(profile.aggregate && opts.date ? { totalsDate: opts.date } : {}), warnings: issues };
  await ctx.store.write(async (tx) => {
    const active = await activeRunIds(tx);
    const stored = await tx.timeEntries.getMany(entries.map((e) => e.id));
    const writes: TimeEntry[] = [];
    entries.forEach((e, i) => {
      const old = stored[i];
      if (!old) return void (summary.added++, writes.push(e));
      if (old.contentHash === e.contentHash) return void summary.unchanged++;
      if (isBilled(old, active)) return void issues.push(issue("time.changed_after_billing", { ticket: e.ticketNo, run: old.billing!.runId }, { source: file.name, row: e.source.row }, "warning"));
      summary.changed++;
      writes.push(e);
    });
    if (writes.length === 0) return;
    const at = ctx.now();
    const batchId = await nextBatchId(tx, "time");
    summary.batchId = batchId;
    await tx.timeEntries.putMany(writes.map((e) => ({ ...e, source: { ...e.source, batchId } })));
    const before = new Map(stored.filter((s): s is TimeEntry => s !== undefined).map((s) => [s.id, s]));
    const undo = dropUndefined(writes.map((e) => ({ table: "timeEntries" as const, key: e.id, before: before.get(e.id) })));
    await tx.batches.add({ id: batchId, kind: "time-import", createdAt: at, files: [{ name: file.name, sha256 }], profileId: profile.id, versionIds: [], details: { added: summary.added, changed: summary.changed, unchanged: summary.unchanged }, undo });
    await tx.audit.append([{ at, kind: "time.import", source: batchId, entity: `file:${file.name}`, after: { profile: profile.id, added: summary.added, changed: summary.changed, ids: writes.map((e) => e.id) } }]);
  });
  return ok(summary);
}

function chooseProfile(profiles: readonly TimeProfile[], headers: readonly string[], id: string | undefined, source: string): Result<TimeProfile> {
  if (id !== undefined) {
    const p = profiles.find((x) => x.id === id);
    return p ? ok(p) : fail(issue("time.profile_unknown", { profile: id, known: profiles.map((x) => x.id).join(", ") }, { source }));
  }
  const keys = new Set(headers.map(headerKey));
  let best: { p: TimeProfile; score: number } | undefined;
  for (const p of profiles) {
    const score = profileScore(p, keys);
    if (score !== null && (!best || score > best.score)) best = { p, score };
  }
  return best ? ok(best.p) : fail(issue("time.no_profile", { headers: headers.join(", ") }, { source }));
}

/** Our customer number per row: the file's value when it is a customer number, else its mapping (source = profile id, or `*`). */
function resolveCustomers(customers: ReadonlySet<string>, all: readonly MappingRecord[], rows: readonly TimeRow[], profile: TimeProfile, headers: readonly string[]) {
  const maps = all.filter((m) => m.source === profile.id || m.source === "*");
  const mapped = new Map<string, string>();
  for (const m of maps.sort((a, b) => (a.source === "*" ? 0 : 1) - (b.source === "*" ? 0 : 1))) mapped.set(m.externalId, m.internalNo);
  const at = headers.findIndex((h) => headerKey(h) === headerKey(profile.columns.customer ?? ""));
  const headerText = at < 0 ? "customer" : `${headers[at]} (${columnLetter(at)})`;
  const issues: Issue[] = [];
  const out: (TimeRow & { customerNo: string })[] = [];
  for (const r of rows) {
    const customerNo = customers.has(r.customerKey) ? r.customerKey : mapped.get(r.customerKey);
    if (customerNo === undefined) issues.push(issue("time.unknown_customer", { customer: r.customerKey, profile: profile.id }, { ...r.source, source: r.source.file, column: headerText }));
    else out.push({ ...r, customerNo });
  }
  return { rows: out, issues };
}

/** Stored entries with stable ids: from the ticket system's entry id, else from the content (n-th equal row of the file). */
async function toEntries(rows: readonly (TimeRow & { customerNo: string })[], profileId: string): Promise<(TimeEntry & { contentHash: string })[]> {
  const seen = new Map<string, number>();
  return Promise.all(
    rows.map(async (r) => {
      const content = JSON.stringify([r.ticketNo, r.customerNo, r.contractNo ?? "", r.date, r.start ?? "", r.end ?? "", r.minutes, r.technician, r.activity, r.billable, r.description, r.aggregate ?? false]);
      const n = seen.get(content) ?? 0;
      seen.set(content, n + 1);
      const contentHash = await hashText(content);
      const id = r.externalId !== undefined ? `t-${(await hashText(JSON.stringify(["ext", profileId, r.externalId]))).slice(0, 24)}` : `t-${(await hashText(JSON.stringify([content, n]))).slice(0, 24)}`;
      const { customerKey: _k, ...rest } = r;
      return { ...rest, id, contentHash, source: { ...r.source, profile: profileId } };
    }),
  );
}

async function hashText(text: string): Promise<string> {
  return sha256Hex(new TextEncoder().encode(text));
}

/**
 * The balance report of a contract for a month (start, credited, used, remaining, overrun), counting
 * billed entries and, provisionally, the entries the next run for that month would bill.
 */
export async function timeBalance(ctx: AppContext, contractNo: string, month: IsoMonth): Promise<Result<ContingentBalance & { pendingEntries: number }>> {
  return ctx.store.read((tx) => balanceIn(tx, contractNo, month));
}

async function balanceIn(tx: StoreTx, contractNo: string, month: IsoMonth): Promise<Result<ContingentBalance & { pendingEntries: number }>> {
  const contract = await tx.contracts.get(contractNo);
  if (!contract) return fail(issue("functions.unknown_contract", { contract: contractNo }));
  const entries = await tx.timeEntries.ofCustomers([contract.customerNo]);
  const active = await activeRunIds(tx);
  const rules = await loadRules(tx);
  const preview = computeTimeCharges({ runMonth: month, entries, activeRuns: active, rules, contracts: await tx.contracts.all(), articles: new Map((await tx.articles.all()).map((a) => [a.no, a])) });
  const pending = new Map(preview.allocations.map((a) => [a.entryId, a]));
  const PREVIEW = "(preview)";
  const merged = entries.map((e) => {
    const a = pending.get(e.id);
    return a ? { ...e, billing: { runId: PREVIEW, invoiceRef: "", contractNo: a.contractNo, unitMinutes: a.unitMinutes, units: a.units, included: a.included, contingent: a.contingent, charged: a.charged, lineNos: [], flatFeeKeys: a.flatFeeKeys, surcharges: billedSurcharges(a.surcharges) } } : e;
  });
  const report = contingentBalance(contract, rules, merged, new Set([...active, PREVIEW]), month);
  return ok({ ...report, pendingEntries: preview.allocations.filter((a) => a.contractNo === contractNo).length });
}
