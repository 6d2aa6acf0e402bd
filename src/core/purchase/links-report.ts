import type { Article, Contract, Customer, PositionVersion } from "../contract/model";
import { contractActiveOn, groupByPosition, versionOnDay } from "../contract/state-on-day";
import { IsoDate, addDays } from "../date/iso-date";
import { Decimal, ZERO, toStored } from "../money/decimal";
import { PurchaseContractRecord, purchaseVersionOnDay } from "./model";
import { CostIndex, marginPct, netUnitPrice, salesKey, salesUnitCost } from "./unit-cost";
import { laterWinners } from "./versions";

export interface LinksReportInput {
  day: IsoDate;
  customers: ReadonlyMap<string, Customer>;
  articles: ReadonlyMap<string, Article>;
  contracts: ReadonlyMap<string, Contract>;
  versions: readonly PositionVersion[];
  purchaseContracts: ReadonlyMap<string, PurchaseContractRecord>;
  costs: CostIndex;
}

/**
 * `linked`: a link whose sales position runs on the day; `inactive`: a link to a sales position that
 * has ended or not started; `not_linked`: a purchase position no sales position is linked to;
 * `uncovered`: a running sales position of a purchased article (one that some purchase position
 * buys, or that has a purchase price) whose cost no link covers.
 */
export type LinkStatus = "linked" | "inactive" | "not_linked" | "uncovered";

/** One row of the links report: a (purchase position, sales position) pair, or one side alone. Decimals as strings, "" when absent. */
export interface LinkReportRow {
  status: LinkStatus;
  supplier: string;
  purchaseNo: string;
  supplierRef: string;
  purchasePositionNo: number | null;
  purchaseArticleNo: string;
  object: string;
  purchaseQty: string;
  /** The purchase position's cost per unit and month. */
  unitCost: string;
  /** Sum of the quantities of the running sales positions linked to the purchase position. */
  linkedSalesQty: string;
  customerNo: string;
  customerName: string;
  contractNo: string;
  positionNo: number | null;
  articleNo: string;
  contractStart: string;
  contractEnd: string;
  /** Validity of the sales version in force on the day: its valid_from and the day before the next version. */
  validFrom: string;
  validTo: string;
  quantity: string;
  unitPrice: string;
  discountPct: string;
  netPrice: string;
  /** Cost per unit and month of the sales position: all its linked purchase positions (unit-cost.ts). */
  salesUnitCost: string;
  margin: string;
  marginPct: string;
}

type SalesSide = Pick<LinkReportRow, "customerNo" | "customerName" | "contractNo" | "positionNo" | "articleNo" | "contractStart" | "contractEnd" | "validFrom" | "validTo" | "quantity" | "unitPrice" | "discountPct" | "netPrice" | "salesUnitCost" | "margin" | "marginPct"> & { active: boolean };
type PurchaseSide = Pick<LinkReportRow, "supplier" | "purchaseNo" | "supplierRef" | "purchasePositionNo" | "purchaseArticleNo" | "object" | "purchaseQty" | "unitCost" | "linkedSalesQty">;

const NO_SALES: Omit<SalesSide, "active"> = { customerNo: "", customerName: "", contractNo: "", positionNo: null, articleNo: "", contractStart: "", contractEnd: "", validFrom: "", validTo: "", quantity: "", unitPrice: "", discountPct: "", netPrice: "", salesUnitCost: "", margin: "", marginPct: "" };
const NO_PURCHASE: PurchaseSide = { supplier: "", purchaseNo: "", supplierRef: "", purchasePositionNo: null, purchaseArticleNo: "", object: "", purchaseQty: "", unitCost: "", linkedSalesQty: "" };

/**
 * The links report (PRODUCT.md §5.6) on a day: per purchase position its linked sales positions with
 * customer, contract, validity, price, discount and margin; purchase positions without links; and
 * running sales positions of purchased articles that no link covers. `reverse` orders the same rows
 * by sales position (customer, contract, position) instead of by purchase position.
 */
export function linksReport(input: LinksReportInput, reverse = false): LinkReportRow[] {
  const byContract = new Map<string, Map<number, PositionVersion[]>>();
  for (const [no, list] of groupVersionsByContract(input.versions)) byContract.set(no, groupByPosition(list));
  const sales = (contractNo: string, positionNo: number): SalesSide | null => salesSide(input, byContract.get(contractNo)?.get(positionNo), contractNo);

  const rows: LinkReportRow[] = [];
  const purchasedArticles = new Set<string>();
  for (const a of input.articles.values()) if (a.purchasePrice !== undefined) purchasedArticles.add(a.no);
  for (const [ref, versions] of input.costs.purchaseVersions) {
    const pv = purchaseVersionOnDay(versions, input.day) ?? [...versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0]!;
    purchasedArticles.add(pv.articleNo);
    const links = input.costs.byPurchase.get(ref) ?? [];
    const pairs = links.map((l) => sales(l.contractNo, l.positionNo)).filter((s): s is SalesSide => s !== null);
    const linkedQty = pairs.filter((s) => s.active).reduce((sum, s) => sum.plus(s.quantity), ZERO);
    const header = input.purchaseContracts.get(pv.purchaseNo);
    const purchase: PurchaseSide = {
      supplier: header?.supplier ?? pv.supplier,
      purchaseNo: pv.purchaseNo,
      supplierRef: header?.supplierRef ?? "",
      purchasePositionNo: pv.positionNo,
      purchaseArticleNo: pv.articleNo,
      object: pv.object,
      purchaseQty: pv.quantity,
      unitCost: pv.unitCost,
      linkedSalesQty: toStored(linkedQty),
    };
    if (pairs.length === 0) rows.push({ status: "not_linked", ...purchase, ...NO_SALES });
    for (const { active, ...s } of pairs) rows.push({ status: active ? "linked" : "inactive", ...purchase, ...s });
  }
  for (const [contractNo, positions] of byContract) {
    for (const [positionNo, versions] of positions) {
      if (input.costs.bySales.has(salesKey(contractNo, positionNo))) continue;
      const v = versionOnDay(versions, input.day);
      if (!v || !purchasedArticles.has(v.articleNo)) continue;
      const s = sales(contractNo, positionNo);
      if (s?.active) rows.push({ status: "uncovered", ...NO_PURCHASE, ...(({ active: _a, ...rest }) => rest)(s) });
    }
  }
  return rows.sort(reverse ? bySales : byPurchase);
}

function salesSide(input: LinksReportInput, versions: readonly PositionVersion[] | undefined, contractNo: string): SalesSide | null {
  const contract = input.contracts.get(contractNo);
  if (!contract || !versions || versions.length === 0) return null;
  const v = versionOnDay(versions, input.day) ?? [...versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.seq - b.seq))[0]!;
  const active = v.validFrom <= input.day && contractActiveOn(contract, input.day) && !new Decimal(v.quantity).isZero();
  const next = laterWinners(versions, v.validFrom)[0];
  const cost = salesUnitCost(input.costs, contractNo, v.positionNo, input.day);
  const net = netUnitPrice(v);
  const pct = cost === null ? null : marginPct(net, cost);
  return {
    active,
    customerNo: contract.customerNo,
    customerName: input.customers.get(contract.customerNo)?.name ?? "",
    contractNo,
    positionNo: v.positionNo,
    articleNo: v.articleNo,
    contractStart: contract.start,
    contractEnd: contract.end ?? "",
    validFrom: v.validFrom,
    validTo: next ? addDays(next.validFrom, -1) : contract.end ?? "",
    quantity: v.quantity,
    unitPrice: v.unitPrice,
    discountPct: v.discountPct,
    netPrice: toStored(net),
    salesUnitCost: cost === null ? "" : toStored(cost),
    margin: cost === null ? "" : toStored(net.minus(cost)),
    marginPct: pct === null ? "" : pct.toFixed(2),
  };
}

function groupVersionsByContract(versions: readonly PositionVersion[]): Map<string, PositionVersion[]> {
  const map = new Map<string, PositionVersion[]>();
  for (const v of versions) map.set(v.contractNo, [...(map.get(v.contractNo) ?? []), v]);
  return map;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const STATUS_ORDER: Record<LinkStatus, number> = { linked: 0, inactive: 0, not_linked: 1, uncovered: 2 };
const purchaseOrder = (a: LinkReportRow, b: LinkReportRow) => cmp(a.purchaseNo, b.purchaseNo) || (a.purchasePositionNo ?? 0) - (b.purchasePositionNo ?? 0);
const salesOrder = (a: LinkReportRow, b: LinkReportRow) => cmp(a.customerNo, b.customerNo) || cmp(a.contractNo, b.contractNo) || (a.positionNo ?? 0) - (b.positionNo ?? 0);

function byPurchase(a: LinkReportRow, b: LinkReportRow): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || purchaseOrder(a, b) || salesOrder(a, b);
}

function bySales(a: LinkReportRow, b: LinkReportRow): number {
  const rank = (s: LinkStatus) => (s === "not_linked" ? 1 : 0);
  return rank(a.status) - rank(b.status) || salesOrder(a, b) || purchaseOrder(a, b);
}

