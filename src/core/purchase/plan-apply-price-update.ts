import type { Contract, PositionVersion } from "../contract/model";
import { groupByPosition, versionOnDay } from "../contract/state-on-day";
import type { IsoDate } from "../date/iso-date";
import { Issue, Result, issue, ok } from "../issues";
import { Decimal, toStored } from "../money/decimal";
import { PurchasePositionVersion, groupPurchaseVersions, purchaseVersionOnDay } from "./model";
import { laterWinners } from "./versions";

/** A proposal row as read back from the sheet or file, after the user's edits (cells already typed). */
export interface PriceDecision {
  source: string;
  row: number;
  action: "accept" | "skip";
  customerNo: string;
  contractNo: string;
  positionNo: number;
  validFrom: IsoDate;
  /** The price the proposal was made against; null when the cell is empty (no staleness check). */
  currentPrice: string | null;
  newPrice: string;
  /** Changed purchase positions (`NO:POS`). */
  purchase: string[];
  purchaseNewCost: string | null;
  costFrom: IsoDate | null;
}

export interface PriceApplySnapshot {
  contracts: ReadonlyMap<string, Contract>;
  /** Sales versions of the contracts named in the decisions. */
  versions: readonly PositionVersion[];
  /** Versions of the purchase positions named in the decisions. */
  purchaseVersions: readonly PurchasePositionVersion[];
}

export interface PriceApplyPlan {
  versions: { version: Omit<PositionVersion, "id" | "seq">; row: number }[];
  purchaseVersions: { version: Omit<PurchasePositionVersion, "id" | "seq" | "source">; row: number }[];
  /** Accepted rows that changed nothing (already applied). */
  unchanged: number;
  skipped: number;
}

const COL = { contract: "contract_no", position: "position_no", date: "valid_from", price: "current_price", purchase: "purchase", cost: "purchase_new_cost" } as const;

/**
 * Turns a price-update proposal into new versions (PRODUCT.md §5.6): for every accepted row a sales
 * version from its valid_from with the new price, and for every changed purchase position one version
 * with the new cost from the change's day (whatever the rows' actions: the supplier's price changes
 * anyway). Later versions that still carry the old price or cost are re-priced on their own day. A
 * row made against a price that has changed since is an error; applying the same proposal twice
 * plans nothing. Any error fails the whole plan.
 */
export function planApplyPriceUpdate(snapshot: PriceApplySnapshot, decisions: readonly PriceDecision[], batchSource: string): Result<PriceApplyPlan> {
  const issues: Issue[] = [];
  const plan: PriceApplyPlan = { versions: [], purchaseVersions: [], unchanged: 0, skipped: 0 };
  planPurchaseChanges(snapshot, decisions, plan, issues);
  const byContract = new Map<string, PositionVersion[]>();
  const add = (v: PositionVersion) => byContract.set(v.contractNo, [...(byContract.get(v.contractNo) ?? []), v]);
  snapshot.versions.forEach(add);
  let pseudoSeq = Number.MAX_SAFE_INTEGER - 2 * decisions.length - 2;
  for (const d of decisions) {
    if (d.action !== "accept") {
      plan.skipped++;
      continue;
    }
    const bad = (code: string, column: string, params: Record<string, string | number> = {}) => issues.push(issue(code, params, { source: d.source, row: d.row, column }));
    const contract = snapshot.contracts.get(d.contractNo);
    if (!contract) {
      bad("review.unknown_contract", COL.contract, { contract: d.contractNo });
      continue;
    }
    if (d.customerNo && contract.customerNo !== d.customerNo) {
      bad("review.contract_of_other_customer", COL.contract, { contract: d.contractNo, customer: d.customerNo });
      continue;
    }
    if (d.validFrom < contract.start || (contract.end !== undefined && d.validFrom > contract.end)) {
      bad("review.date_outside_contract", COL.date, { date: d.validFrom, start: contract.start, end: contract.end ?? "" });
      continue;
    }
    if (contract.noPriceChangeBefore !== undefined && d.validFrom < contract.noPriceChangeBefore) {
      bad("price.notice_period", COL.date, { contract: contract.no, date: d.validFrom, earliest: contract.noPriceChangeBefore });
      continue;
    }
    const versions = groupByPosition(byContract.get(contract.no) ?? []).get(d.positionNo);
    if (!versions) {
      bad("review.unknown_position", COL.position, { contract: contract.no, position: d.positionNo });
      continue;
    }
    const current = versionOnDay(versions, d.validFrom);
    if (!current) {
      bad("review.position_not_started", COL.date, { contract: contract.no, position: d.positionNo, date: d.validFrom });
      continue;
    }
    const newPrice = new Decimal(d.newPrice);
    if (newPrice.equals(current.unitPrice)) {
      plan.unchanged++;
      continue;
    }
    if (d.currentPrice !== null && !new Decimal(d.currentPrice).equals(current.unitPrice)) {
      bad("price.stale_row", COL.price, { contract: contract.no, position: d.positionNo, date: d.validFrom, stored: current.unitPrice, proposed: d.currentPrice });
      continue;
    }
    if (new Decimal(current.quantity).isZero()) {
      bad("price.position_ended", COL.date, { contract: contract.no, position: d.positionNo, date: d.validFrom });
      continue;
    }
    const price = toStored(newPrice);
    const repriced = [{ ...current, validFrom: d.validFrom }, ...laterWinners(versions, d.validFrom).filter((v) => v.unitPrice === current.unitPrice)];
    for (const v of repriced) {
      const { id: _id, seq: _seq, ...state } = v;
      const version = { ...state, unitPrice: price, source: batchSource };
      plan.versions.push({ version, row: d.row });
      add({ ...version, id: `pending-${d.row}-${v.validFrom}`, seq: pseudoSeq++ });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : ok(plan);
}

/** One new purchase version per changed purchase position (plus later ones still at the old cost). */
function planPurchaseChanges(snapshot: PriceApplySnapshot, decisions: readonly PriceDecision[], plan: PriceApplyPlan, issues: Issue[]): void {
  const changes = new Map<string, { cost: string; from: IsoDate; d: PriceDecision }>();
  for (const d of decisions) {
    if (d.purchase.length === 0) continue;
    if (d.purchaseNewCost === null || d.costFrom === null) {
      issues.push(issue("parse.required", {}, { source: d.source, row: d.row, column: d.purchaseNewCost === null ? COL.cost : "cost_from" }));
      continue;
    }
    for (const ref of d.purchase) {
      const seen = changes.get(ref);
      if (!seen) changes.set(ref, { cost: d.purchaseNewCost, from: d.costFrom, d });
      else if (!new Decimal(seen.cost).equals(d.purchaseNewCost) || seen.from !== d.costFrom)
        issues.push(issue("price.conflicting_purchase_change", { purchase: ref, otherRow: seen.d.row }, { source: d.source, row: d.row, column: COL.cost }));
    }
  }
  const grouped = groupPurchaseVersions(snapshot.purchaseVersions);
  for (const [ref, { cost, from, d }] of changes) {
    const versions = grouped.get(ref);
    const where = { source: d.source, row: d.row, column: COL.purchase };
    const [purchase, position] = [ref.slice(0, ref.lastIndexOf(":")), ref.slice(ref.lastIndexOf(":") + 1)];
    const current = versions ? purchaseVersionOnDay(versions, from) : undefined;
    if (!versions) issues.push(issue("purchase.unknown_purchase_position", { purchase, position }, where));
    else if (!current) issues.push(issue("price.purchase_not_started", { purchase, position, date: from }, where));
    if (!versions || !current || new Decimal(cost).equals(current.unitCost)) continue;
    const unitCost = toStored(new Decimal(cost));
    for (const v of [{ ...current, validFrom: from }, ...laterWinners(versions, from).filter((l) => l.unitCost === current.unitCost)]) {
      const { id: _id, seq: _seq, source: _source, ...state } = v;
      plan.purchaseVersions.push({ version: { ...state, unitCost }, row: d.row });
    }
  }
}
