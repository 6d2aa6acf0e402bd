import type { Article, Contract, PositionState, PositionVersion } from "../contract/model";
import { sameState } from "../contract/model";
import type { BillingFrequency, TermLength } from "../contract/term";
import { groupByPosition, versionOnDay } from "../contract/state-on-day";
import type { IsoDate } from "../date/iso-date";
import { Issue, Result, issue, ok } from "../issues";
import { Decimal, toStored } from "../money/decimal";
import { mappingKey, normalizeExternalId } from "./external-id";
import type { ReconcileStatus, ReviewAction } from "./review-row";

/** A review row as read back from the sheet or file, after the user's edits (cells already typed). */
export interface ReviewDecision {
  /** Where the row is, for issues (sheet or file name and row). */
  source: string;
  row: number;
  status: ReconcileStatus;
  action: ReviewAction;
  customerNo: string;
  contractNo: string;
  positionNo: number | null;
  articleNo: string;
  externalCustomerId: string;
  externalArticleId: string;
  mappingSource: string;
  contractQty: string | null;
  /** The target position's own quantity at reconcile time; null when the column is absent. */
  positionQty: string | null;
  vendorQty: string;
  effectiveDate: IsoDate;
  /** Vendor commitment from the review's term columns (issue 19); absent when the sheet has none. */
  term?: TermLength;
  termEnd?: IsoDate;
  billingFrequency?: BillingFrequency;
}

export interface ApplySnapshot {
  contracts: ReadonlyMap<string, Contract>;
  articles: ReadonlyMap<string, Article>;
  customers: ReadonlySet<string>;
  versions: readonly PositionVersion[];
  /**
   * Stored mappings by their id (`mappingKey`) → our number; a review row
   * that would store one of them again, unchanged, plans nothing. Absent: every mapping is planned.
   */
  mappings?: ReadonlyMap<string, string>;
}

export interface ApplyPlan {
  /** `before`: the position's quantity on the effective date before this plan; null for a new position. */
  versions: { version: Omit<PositionVersion, "id" | "seq">; row: number; before: string | null }[];
  mappings: { kind: "customer" | "article"; source: string; externalId: string; internalNo: string; row: number }[];
  /** Accepted rows that changed nothing (already applied, or mappings already stored). */
  unchanged: number;
  skipped: number;
}

/** Review column names for issue locations. */
const COL = { contract: "contract_no", customer: "customer_no", article: "article_no", qty: "vendor_qty", date: "effective_date", position: "position_no" } as const;

/**
 * Turns accepted review rows into new contract versions and mappings (PRODUCT.md §3 step 4). Every
 * row is validated; any error fails the whole plan. Applying the same review twice plans nothing new.
 */
export function planApply(snapshot: ApplySnapshot, decisions: readonly ReviewDecision[], batchSource: string): Result<ApplyPlan> {
  const issues: Issue[] = [];
  const plan: ApplyPlan = { versions: [], mappings: [], unchanged: 0, skipped: 0 };
  const byContract = new Map<string, PositionVersion[]>();
  const add = (v: PositionVersion) => {
    const list = byContract.get(v.contractNo);
    if (list) list.push(v);
    else byContract.set(v.contractNo, [v]);
  };
  snapshot.versions.forEach(add);
  let pseudoSeq = Number.MAX_SAFE_INTEGER - decisions.length;

  for (const d of decisions) {
    if (d.action !== "accept") {
      plan.skipped++;
      continue;
    }
    const bad = (code: string, column: string, params: Record<string, string | number> = {}) =>
      issues.push(issue(code, params, { source: d.source, row: d.row, column }));
    if (d.status === "unmapped_customer" || d.status === "unmapped_article") {
      planMappings(d, snapshot, plan, bad);
      continue;
    }
    const contract = snapshot.contracts.get(d.contractNo);
    if (!d.contractNo) {
      bad("review.contract_required", COL.contract);
      continue;
    }
    if (!contract) {
      bad("review.unknown_contract", COL.contract, { contract: d.contractNo });
      continue;
    }
    if (contract.customerNo !== d.customerNo) {
      bad("review.contract_of_other_customer", COL.contract, { contract: d.contractNo, customer: d.customerNo });
      continue;
    }
    if (d.effectiveDate < contract.start || (contract.end !== undefined && d.effectiveDate > contract.end)) {
      bad("review.date_outside_contract", COL.date, { date: d.effectiveDate, start: contract.start, end: contract.end ?? "" });
      continue;
    }
    const positions = groupByPosition(byContract.get(contract.no) ?? []);
    let positionNo = d.positionNo;
    let otherQty = new Decimal(0);
    if (positionNo === null) {
      // A new position — unless an earlier apply already created one for this article.
      const existing = [...positions].find(([, list]) => versionOnDay(list, d.effectiveDate)?.articleNo === d.articleNo);
      if (existing) positionNo = existing[0];
    } else if (!positions.has(positionNo)) {
      bad("review.unknown_position", COL.position, { contract: contract.no, position: positionNo });
      continue;
    } else if (d.contractQty !== null && d.positionQty !== null) {
      // Several positions of one article: the change goes to this one, the others keep their seats.
      otherQty = new Decimal(d.contractQty).minus(d.positionQty);
    }
    const quantity = new Decimal(d.vendorQty).minus(otherQty);
    if (quantity.isNegative()) {
      bad("review.negative_quantity", COL.qty, { value: toStored(quantity) });
      continue;
    }
    let state: PositionState;
    let before: string | null = null;
    if (positionNo === null) {
      const article = snapshot.articles.get(d.articleNo);
      if (!article) {
        bad("master.unknown_article", COL.article, { article: d.articleNo });
        continue;
      }
      positionNo = Math.max(0, ...positions.keys()) + 1;
      state = { articleNo: article.no, description: article.description, quantity: toStored(quantity), unitPrice: article.unitPrice, discountPct: "0", vatPct: article.vatPct, ...(d.externalArticleId && !d.externalArticleId.includes(" ") ? { vendorKey: d.externalArticleId } : {}), ...termOf(d, undefined) };
    } else {
      const current = versionOnDay(positions.get(positionNo) ?? [], d.effectiveDate);
      if (!current) {
        bad("review.position_not_started", COL.date, { contract: contract.no, position: positionNo, date: d.effectiveDate });
        continue;
      }
      before = current.quantity;
      state = { articleNo: current.articleNo, description: current.description, quantity: toStored(quantity), unitPrice: current.unitPrice, discountPct: current.discountPct, vatPct: current.vatPct, ...(current.vendorKey ? { vendorKey: current.vendorKey } : {}), ...termOf(d, current) };
      if (sameState(current, state)) {
        plan.unchanged++;
        continue;
      }
    }
    const version = { contractNo: contract.no, positionNo, validFrom: d.effectiveDate, ...state, source: batchSource };
    plan.versions.push({ version, row: d.row, before });
    add({ ...version, id: `pending-${d.row}`, seq: pseudoSeq++ });
  }
  return issues.length > 0 ? { ok: false, issues } : ok(plan);
}

function planMappings(
  d: ReviewDecision,
  snapshot: ApplySnapshot,
  plan: ApplyPlan,
  bad: (code: string, column: string, params?: Record<string, string | number>) => void,
): void {
  const customerNeeded = d.status === "unmapped_customer";
  if (customerNeeded && !d.customerNo) return void bad("review.mapping_required", COL.customer);
  if (customerNeeded && !snapshot.customers.has(d.customerNo)) return void bad("master.unknown_customer", COL.customer, { customer: d.customerNo });
  if (!d.articleNo && !customerNeeded) return void bad("review.mapping_required", COL.article);
  if (d.articleNo && !snapshot.articles.has(d.articleNo)) return void bad("master.unknown_article", COL.article, { article: d.articleNo });
  // Mappings are stored with the id in its normal form, whatever case the sheet shows it in.
  const wanted: ApplyPlan["mappings"] = [];
  if (customerNeeded) wanted.push({ kind: "customer", source: d.mappingSource, externalId: normalizeExternalId(d.externalCustomerId), internalNo: d.customerNo, row: d.row });
  if (d.articleNo) for (const ext of d.externalArticleId.split(" ").filter(Boolean)) wanted.push({ kind: "article", source: d.mappingSource, externalId: normalizeExternalId(ext), internalNo: d.articleNo, row: d.row });
  // One already stored as it is is not stored again; a row whose mappings all are changes nothing.
  const fresh = wanted.filter((m) => snapshot.mappings?.get(mappingKey(m.kind, m.source, m.externalId)) !== m.internalNo);
  if (wanted.length > 0 && fresh.length === 0) plan.unchanged++;
  plan.mappings.push(...fresh);
}

/** The commitment a new version carries: the review's values where it has them, else the current version's. */
function termOf(d: ReviewDecision, current: PositionState | undefined): Pick<PositionState, "term" | "termEnd" | "billingFrequency"> {
  const term = d.term ?? current?.term;
  const termEnd = d.termEnd ?? current?.termEnd;
  const billingFrequency = d.billingFrequency ?? current?.billingFrequency;
  return { ...(term ? { term } : {}), ...(termEnd ? { termEnd } : {}), ...(billingFrequency ? { billingFrequency } : {}) };
}
