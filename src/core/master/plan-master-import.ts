import { mappingKey, normalizeExternalId } from "../reconcile/external-id";
import type { Article, Contract, Customer, PositionState, PositionVersion } from "../contract/model";
import { sameState } from "../contract/model";
import { versionOnDay } from "../contract/state-on-day";
import { billedUntilProblem, earliestBilledUntil } from "../contract/billed-until";
import { Issue, Result, issue, ok } from "../issues";
import { correctionNotes, decideVersion, inForceByKey } from "../history/corrections";
import type { ContractRow, MappingRow, MasterInput, RowRef } from "./master-rows";

/** What the store holds that an import can touch. */
export interface MasterSnapshot {
  customers: ReadonlyMap<string, Customer>;
  articles: ReadonlyMap<string, Article>;
  contracts: ReadonlyMap<string, Contract>;
  /** Versions of the contracts named in the input (other contracts are not needed). */
  versions: readonly PositionVersion[];
  /** Mappings by `${kind}|${source}|${externalId}` → internal number. */
  mappings: ReadonlyMap<string, string>;
}

/** A change with its before/after, for the audit log. */
export interface Change<T> {
  before?: T;
  after: T;
  ref: RowRef;
}

/** The writes an import would make; empty lists mean "nothing new" (importing twice is a no-op). */
export interface MasterPlan {
  customers: Change<Customer>[];
  articles: Change<Article>[];
  contracts: Change<Contract>[];
  /**
   * New versions without id/seq; the store assigns them. `corrects`: the stored version with the same
   * valid_from that the new one replaces (a row marked as a correction); the new entry wins by its
   * later seq, the corrected one stays in the history.
   */
  versions: { version: Omit<PositionVersion, "id" | "seq">; ref: RowRef; corrects?: PositionVersion }[];
  mappings: Change<MappingRow>[];
  unchangedRows: number;
  /** What the corrections change, old → new (info issues naming row and column), for the preview and the summary. */
  notes: Issue[];
}

const where = (ref: RowRef, column?: string) => (column ? { source: ref.source, row: ref.row, column } : { source: ref.source, row: ref.row });

/**
 * Merges master data into the store's state (PRODUCT.md §8 `import-master`): a row identical to a
 * stored state is a no-op; a row with a new valid_from adds a version; a row that contradicts a
 * stored version with the same valid_from is an error naming the row, unless the row is marked as a
 * correction: then it adds a correcting entry for that valid_from (and may move the contract start).
 * Any error fails the whole plan.
 */
export function planMasterImport(snapshot: MasterSnapshot, input: MasterInput): Result<MasterPlan> {
  const issues: Issue[] = [];
  const plan: MasterPlan = { customers: [], articles: [], contracts: [], versions: [], mappings: [], unchangedRows: 0, notes: [] };

  const articles = new Map(snapshot.articles);
  for (const r of input.articles) {
    const before = articles.get(r.article.no);
    if (before && sameArticle(before, r.article)) plan.unchangedRows++;
    else {
      plan.articles.push({ before, after: r.article, ref: r });
      articles.set(r.article.no, r.article);
    }
  }

  const customers = new Map(snapshot.customers);
  const contracts = new Map(snapshot.contracts);
  const contractSeen = new Map<string, RowRef>();
  const versionKey = (c: string, p: number, d: string) => `${c}\u0000${p}\u0000${d}`;
  const stored = inForceByKey(snapshot.versions, (v) => versionKey(v.contractNo, v.positionNo, v.validFrom));
  const byPosition = new Map<string, PositionVersion[]>();
  for (const v of snapshot.versions) {
    const k = `${v.contractNo}\u0000${v.positionNo}`;
    const list = byPosition.get(k);
    if (list) list.push(v);
    else byPosition.set(k, [v]);
  }
  const pending = new Map<string, { state: PositionState; ref: RowRef }>();
  const earlierStarts: { contract: string; stored: string; ref: RowRef }[] = [];

  for (const r of input.contracts) {
    // Header fields the row left out keep a known contract's values (defaults are for new contracts).
    const c = withKnownHeader(r, contracts.get(r.contract.no));
    // Customer: created when new; updated when the file gives a different name or optional field.
    const knownCustomer = customers.get(r.customer.no);
    const desiredCustomer: Customer = { ...(knownCustomer ?? { no: r.customer.no, name: r.customer.no }), ...r.customer };
    if (!r.hasCustomerName) desiredCustomer.name = knownCustomer?.name ?? r.customer.no;
    if (!knownCustomer || !sameRecord(knownCustomer, desiredCustomer)) {
      plan.customers.push({ before: knownCustomer, after: desiredCustomer, ref: r });
      customers.set(desiredCustomer.no, desiredCustomer);
    }
    // Contract header: every row repeats it; rows must agree. The end date and the optional
    // settings (credits, notice date, billed until) may change; the other fields may not.
    const knownContract = contracts.get(c.no);
    if (!knownContract) {
      contracts.set(c.no, c);
      contractSeen.set(c.no, r);
      plan.contracts.push({ after: c, ref: r });
    } else {
      // The stored contract (not one an earlier row of this file changed): a correction may move its start.
      const fromStore = !contractSeen.has(c.no);
      const correctsStart = r.correction === true && fromStore && knownContract.start !== c.start;
      const conflict = contractConflict(knownContract, correctsStart ? { ...c, start: knownContract.start } : c);
      if (conflict) {
        const code = !fromStore ? "master.conflicting_contract" : r.correction ? "master.correction_not_allowed" : conflict.field === "contract_start" ? "master.conflicting_start" : "master.conflicting_contract";
        issues.push(issue(code, { contract: c.no, field: conflict.field, stored: conflict.stored, value: conflict.value }, where(r, conflict.field)));
        continue;
      }
      const desired: Contract = { ...knownContract, ...c };
      if (c.end === undefined) delete desired.end;
      if (correctsStart) {
        if (desired.billedUntil !== undefined && billedUntilProblem(desired.billedUntil, desired.start) === "before_start") {
          issues.push(issue("master.billed_until_before_start", { date: desired.billedUntil, start: desired.start, earliest: earliestBilledUntil(desired.start) }, where(r, "contract_start")));
          continue;
        }
        plan.notes.push(issue("master.start_corrected", { contract: c.no, stored: knownContract.start, corrected: c.start }, where(r, "contract_start"), "info"));
        if (c.start < knownContract.start) earlierStarts.push({ contract: c.no, stored: knownContract.start, ref: r });
      }
      if (!sameRecord(knownContract, desired)) {
        if (contractSeen.has(c.no)) {
          // Two rows of this import disagree on an updatable contract field.
          const field = CONTRACT_UPDATABLE.find(([k]) => String(knownContract[k] ?? "") !== String(desired[k] ?? "")) ?? ["end", "contract_end"];
          issues.push(issue("master.conflicting_contract", { contract: c.no, field: field[1], stored: String(knownContract[field[0]] ?? ""), value: String(desired[field[0]] ?? "") }, where(r, field[1])));
          continue;
        }
        plan.contracts.push({ before: knownContract, after: desired, ref: r });
        contracts.set(c.no, desired);
      }
      contractSeen.set(c.no, r);
    }
    const article = articles.get(r.state.articleNo);
    if (!article) {
      issues.push(issue("master.unknown_article", { article: r.state.articleNo }, where(r, "article_no")));
      continue;
    }
    const key = versionKey(c.no, r.positionNo, r.validFrom);
    const existing = stored.get(key);
    // An empty description means the article's; default it before comparing so re-imports are no-ops.
    // The file has no columns for the vendor term data, and an empty vendor_key keeps the stored entry's.
    const described = r.state.description ? r.state : { ...r.state, description: article.description };
    const state = existing ? { ...vendorTermOf(existing), ...described } : described;
    const dup = pending.get(key);
    if (dup) {
      if (sameState(dup.state, state)) plan.unchangedRows++;
      else issues.push(issue("master.duplicate_row", { otherRow: dup.ref.row }, where(r, "valid_from")));
      continue;
    }
    pending.set(key, { state, ref: r });
    const decision = decideVersion(existing !== undefined, existing !== undefined && sameState(existing, state), r.correction === true);
    if (decision === "unchanged") {
      plan.unchangedRows++;
      continue;
    }
    // A row dated on the contract start that repeats the entry in force then, stored with an earlier
    // valid_from (a start corrected later): what the export writes for it, so re-importing changes nothing.
    const inForce = !existing && r.validFrom === c.start ? versionOnDay(byPosition.get(`${c.no}\u0000${r.positionNo}`) ?? [], c.start) : undefined;
    if (inForce && sameState(inForce, { ...vendorTermOf(inForce), ...described })) {
      plan.unchangedRows++;
      continue;
    }
    if (r.validFrom < c.start) {
      issues.push(issue("master.valid_from_before_start", { validFrom: r.validFrom, start: c.start }, where(r, "valid_from")));
      continue;
    }
    if (decision === "conflict") {
      issues.push(issue("master.conflicting_version", { contract: c.no, position: r.positionNo, validFrom: r.validFrom, storedQuantity: existing!.quantity, storedPrice: existing!.unitPrice }, where(r, firstDifference(existing!, state))));
      continue;
    }
    plan.versions.push({ version: { contractNo: c.no, positionNo: r.positionNo, validFrom: r.validFrom, ...state, source: `import:${r.source}` }, ref: r, ...(existing ? { corrects: existing } : {}) });
    if (existing) {
      const note = (column: string, stored: string, corrected: string) =>
        issue("master.version_corrected", { contract: c.no, position: r.positionNo, validFrom: r.validFrom, column, stored, corrected }, where(r, column), "info");
      plan.notes.push(...correctionNotes<PositionState>(existing, state, STATE_COLUMNS, ["unitPrice"], note));
    }
  }

  // A start moved earlier gains days only for positions with a state before the old start.
  for (const e of earlierStarts) {
    const covered = (v: { contractNo: string; validFrom: string }) => v.contractNo === e.contract && v.validFrom < e.stored;
    if (!snapshot.versions.some(covered) && !plan.versions.some((p) => covered(p.version))) {
      plan.notes.push(issue("master.start_earlier_uncovered", { contract: e.contract, stored: e.stored }, where(e.ref, "valid_from"), "warning"));
    }
  }

  // Mappings already planned, by key and target: one lookup per row (a scan of the plan per row made
  // a 200,000-row file take minutes).
  const planned = new Set<string>();
  for (const m of input.mappings) planMapping(m, snapshot, customers, articles, plan, planned, issues);
  return issues.length > 0 ? { ok: false, issues } : ok(plan);
}

function planMapping(
  m: MappingRow,
  snapshot: MasterSnapshot,
  customers: ReadonlyMap<string, Customer>,
  articles: ReadonlyMap<string, Article>,
  plan: MasterPlan,
  planned: Set<string>,
  issues: Issue[],
): void {
  const exists = m.kind === "customer" ? customers.has(m.internalNo) : articles.has(m.internalNo);
  if (!exists) {
    const code = m.kind === "customer" ? "master.unknown_customer" : "master.unknown_article";
    issues.push(issue(code, m.kind === "customer" ? { customer: m.internalNo } : { article: m.internalNo }, where(m, "internal_no")));
    return;
  }
  // Stored with the id in its normal form, so a GUID matches in any case (the snapshot is keyed so too).
  const normal = { ...m, externalId: normalizeExternalId(m.externalId) };
  const key = mappingKey(m.kind, m.mappingSource, m.externalId);
  // One Set lookup per row: a scan of the planned mappings per row made a 200,000-row file take minutes.
  const withTarget = `${key}\u0000${m.internalNo}`;
  if (snapshot.mappings.get(key) === m.internalNo || planned.has(withTarget)) {
    plan.unchangedRows++;
    return;
  }
  planned.add(withTarget);
  plan.mappings.push({ after: normal, ref: m });
}

function sameArticle(a: Article, b: Article): boolean {
  return a.description === b.description && a.unitPrice === b.unitPrice && a.vatPct === b.vatPct && (a.unit ?? "") === (b.unit ?? "") && (a.purchasePrice ?? "") === (b.purchasePrice ?? "");
}

const CONTRACT_FIELDS: [keyof Contract, string][] = [
  ["customerNo", "customer_no"],
  ["type", "contract_type"],
  ["interval", "billing_interval"],
  ["mode", "billing_mode"],
  ["start", "contract_start"],
];

const CONTRACT_UPDATABLE: [keyof Contract, string][] = [
  ["end", "contract_end"],
  ["suppressCredits", "suppress_credits"],
  ["noPriceChangeBefore", "no_price_change_before"],
  ["billedUntil", "billed_until"],
];

/** Same fields with the same values (absent and undefined are the same). */
function sameRecord<T extends object>(a: T, b: T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}

function withKnownHeader(r: ContractRow, known: Contract | undefined): Contract {
  if (!known || !r.defaulted) return r.contract;
  const c = { ...r.contract };
  for (const field of r.defaulted) c[field] = known[field] as never;
  return c;
}

function contractConflict(stored: Contract, incoming: Contract): { field: string; stored: string; value: string } | null {
  for (const [key, column] of CONTRACT_FIELDS) {
    if (stored[key] !== incoming[key]) return { field: column, stored: String(stored[key]), value: String(incoming[key]) };
  }
  return null;
}

/** The position fields a contracts row sets, with their columns (the order the notes of a correction list them). */
const STATE_COLUMNS: readonly (readonly [keyof PositionState, string])[] = [
  ["articleNo", "article_no"],
  ["description", "description"],
  ["quantity", "quantity"],
  ["unitPrice", "unit_price"],
  ["discountPct", "discount_pct"],
  ["vatPct", "vat_pct"],
  ["vendorKey", "vendor_key"],
];

function vendorTermOf(v: PositionVersion): Pick<PositionState, "vendorKey" | "term" | "termEnd" | "billingFrequency"> {
  return { ...(v.vendorKey ? { vendorKey: v.vendorKey } : {}), ...(v.term ? { term: v.term } : {}), ...(v.termEnd ? { termEnd: v.termEnd } : {}), ...(v.billingFrequency ? { billingFrequency: v.billingFrequency } : {}) };
}

function firstDifference(a: PositionVersion, b: MasterInput["contracts"][number]["state"]): string {
  if (a.quantity !== b.quantity) return "quantity";
  if (a.unitPrice !== b.unitPrice) return "unit_price";
  if (a.discountPct !== b.discountPct) return "discount_pct";
  if (a.vatPct !== b.vatPct) return "vat_pct";
  if (a.articleNo !== b.articleNo) return "article_no";
  return "description";
}
