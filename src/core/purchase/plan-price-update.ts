import type { Contract, Customer, PositionVersion } from "../contract/model";
import { contractActiveOn, groupByPosition, versionOnDay } from "../contract/state-on-day";
import type { IsoDate } from "../date/iso-date";
import { Issue, Note, Result, issue, ok } from "../issues";
import { Decimal, toStored } from "../money/decimal";
import { purchaseVersionOnDay } from "./model";
import { PriceRounding, PriceStrategy, exactNewPrice, roundPrice, roundingText, strategyText } from "./price-strategy";
import { CostIndex, marginPct, netUnitPrice, salesKey, salesUnitCost } from "./unit-cost";
import { laterWinners } from "./versions";

/** A supplier price change: purchase positions (`NO:POS`), their new unit cost per month, and the day it applies. */
export interface PriceChange {
  refs: readonly string[];
  newCost: Decimal;
  from: IsoDate;
  strategy: PriceStrategy;
  rounding: PriceRounding;
}

export interface PriceUpdateSnapshot {
  customers: ReadonlyMap<string, Customer>;
  contracts: ReadonlyMap<string, Contract>;
  /** Sales versions of (at least) the linked contracts. */
  versions: readonly PositionVersion[];
  costs: CostIndex;
}

/** One row of the proposal (PRODUCT.md §8 `price-update`): one affected sales position. Decimals as strings. */
export interface ProposalRow {
  customerNo: string;
  customerName: string;
  contractNo: string;
  positionNo: number;
  articleNo: string;
  /** The day the new price applies: the change's day, or the position's first day when it starts later. */
  validFrom: IsoDate;
  quantity: string;
  currentPrice: string;
  discountPct: string;
  /** Cost per unit and month before and after the change (all linked purchase positions). */
  currentCost: string;
  newCost: string;
  newPrice: string;
  currentMargin: string;
  newMargin: string;
  currentMarginPct: string | null;
  newMarginPct: string | null;
  action: "accept" | "skip";
  /** Notes as message codes with params (the `note` column, rendered per language). */
  notes: Note[];
  /** The changed purchase positions linked to this sales position (`NO:POS`, space-separated). */
  purchase: string;
  purchaseNewCost: string;
  costFrom: IsoDate;
  strategy: string;
}

/**
 * Lists every sales position linked to the changed purchase positions with the price the strategy
 * proposes (PRODUCT.md §5.6). A position whose contract forbids a price change before a later date
 * (notice period) is proposed with action `skip` and a note. Reads only.
 */
export function planPriceUpdate(snapshot: PriceUpdateSnapshot, change: PriceChange): Result<ProposalRow[]> {
  const issues: Issue[] = [];
  for (const ref of change.refs) {
    const versions = snapshot.costs.purchaseVersions.get(ref);
    if (!versions) issues.push(issue("purchase.unknown_purchase_position", splitRef(ref), { source: "--purchase" }));
    else if (!purchaseVersionOnDay(versions, change.from)) issues.push(issue("price.purchase_not_started", { ...splitRef(ref), date: change.from }, { source: "--from" }));
  }
  if (issues.length > 0) return { ok: false, issues };
  const override = new Map(change.refs.map((r) => [r, change.newCost]));
  const affected = new Map<string, string[]>();
  for (const ref of change.refs) {
    for (const l of snapshot.costs.byPurchase.get(ref) ?? []) {
      const key = salesKey(l.contractNo, l.positionNo);
      affected.set(key, [...(affected.get(key) ?? []), ref]);
    }
  }
  const byContract = new Map<string, PositionVersion[]>();
  for (const v of snapshot.versions) byContract.set(v.contractNo, [...(byContract.get(v.contractNo) ?? []), v]);
  const rows: ProposalRow[] = [];
  for (const [key, refs] of affected) {
    const [contractNo, positionText] = key.split("\u0000") as [string, string];
    const contract = snapshot.contracts.get(contractNo);
    const versions = groupByPosition(byContract.get(contractNo) ?? []).get(Number(positionText)) ?? [];
    if (!contract || versions.length === 0) continue;
    const row = proposeRow(snapshot, change, contract, versions, refs, override);
    if (row) rows.push(row);
  }
  return ok(rows.sort((a, b) => cmp(a.customerNo, b.customerNo) || cmp(a.contractNo, b.contractNo) || a.positionNo - b.positionNo));
}

function proposeRow(
  snapshot: PriceUpdateSnapshot,
  change: PriceChange,
  contract: Contract,
  versions: readonly PositionVersion[],
  refs: readonly string[],
  override: ReadonlyMap<string, Decimal>,
): ProposalRow | null {
  // A position that starts after the change gets the new price from its first day.
  const first = versions.reduce((a, b) => (b.validFrom < a ? b.validFrom : a), versions[0]!.validFrom);
  const day = first > change.from ? first : change.from;
  const current = versionOnDay(versions, day);
  if (!current || !contractActiveOn(contract, day) || new Decimal(current.quantity).isZero()) return null;
  const currentCost = salesUnitCost(snapshot.costs, contract.no, current.positionNo, day) ?? new Decimal(0);
  const newCost = salesUnitCost(snapshot.costs, contract.no, current.positionNo, day, override) ?? new Decimal(0);
  const price = new Decimal(current.unitPrice);
  const exact = exactNewPrice({ currentPrice: price, discountPct: new Decimal(current.discountPct), currentCost, newCost }, change.strategy);
  const notes: Note[] = [];
  let action: ProposalRow["action"] = "accept";
  let newPrice = price;
  if ("problem" in exact) {
    action = "skip";
    notes.push({ code: exact.problem === "price.no_cost" ? "note.price.no_cost" : "note.price.full_discount", params: {} });
  } else newPrice = roundPrice(exact.price, change.rounding);
  if (newPrice.equals(price) && action === "accept") {
    action = "skip";
    notes.push({ code: "note.price.unchanged", params: {} });
  }
  if (contract.noPriceChangeBefore !== undefined && day < contract.noPriceChangeBefore) {
    action = "skip";
    notes.push({ code: "note.price.notice_period", params: { date: contract.noPriceChangeBefore } });
  }
  for (const later of laterWinners(versions, day)) {
    notes.push(later.unitPrice === current.unitPrice ? { code: "note.price.later_version_too", params: { date: later.validFrom } } : { code: "note.price.later_version_own", params: { date: later.validFrom, price: later.unitPrice } });
  }
  const netNow = netUnitPrice(current);
  const netNew = netUnitPrice({ unitPrice: toStored(newPrice), discountPct: current.discountPct });
  const pct = (v: Decimal | null) => (v === null ? null : v.toFixed(2));
  return {
    customerNo: contract.customerNo,
    customerName: snapshot.customers.get(contract.customerNo)?.name ?? "",
    contractNo: contract.no,
    positionNo: current.positionNo,
    articleNo: current.articleNo,
    validFrom: day,
    quantity: current.quantity,
    currentPrice: current.unitPrice,
    discountPct: current.discountPct,
    currentCost: toStored(currentCost),
    newCost: toStored(newCost),
    newPrice: newPrice.toFixed(2),
    currentMargin: toStored(netNow.minus(currentCost)),
    newMargin: toStored(netNew.minus(newCost)),
    currentMarginPct: pct(marginPct(netNow, currentCost)),
    newMarginPct: pct(marginPct(netNew, newCost)),
    action,
    notes,
    purchase: [...refs].sort().join(" "),
    purchaseNewCost: toStored(change.newCost),
    costFrom: change.from,
    strategy: `${strategyText(change.strategy)} ${roundingText(change.rounding)}`,
  };
}

function splitRef(ref: string): { purchase: string; position: string } {
  const i = ref.lastIndexOf(":");
  return { purchase: ref.slice(0, i), position: ref.slice(i + 1) };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
