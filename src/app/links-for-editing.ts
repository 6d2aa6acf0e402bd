import type { PositionVersion } from "../core/contract/model";
import { compareVersions } from "../core/contract/state-on-day";
import type { PurchasePositionVersion } from "../core/purchase/model";
import type { AppContext } from "./context";
import { loadLinks, splitPurchaseRecords } from "./purchase";

/** A stored link with what a clerk needs to recognise both ends. */
export interface LinkForEditing {
  purchaseNo: string;
  purchasePositionNo: number;
  contractNo: string;
  positionNo: number;
  supplier: string;
  /** Latest state of the purchase position: its object (domain, certificate) and article. */
  object: string;
  purchaseArticleNo: string;
  customerNo: string;
  customerName: string;
  /** Latest state of the sales position. */
  articleNo: string;
  description: string;
}

/** The latest entry per key, in the order of `compareVersions` (sales and purchase histories alike). */
function latestBy<T extends { validFrom: string; seq: number }>(rows: readonly T[], key: (r: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const r of rows) {
    const k = key(r);
    const seen = out.get(k);
    if (!seen || compareVersions(r, seen) > 0) out.set(k, r);
  }
  return out;
}

/**
 * Every stored link (not only those running on a day, unlike the links report), ordered by purchase
 * position and sales position, for the task pane's links sheet that is edited and imported back
 * through `importLinks`. Reads only.
 */
export async function linksForEditing(ctx: AppContext): Promise<LinkForEditing[]> {
  return ctx.store.read(async (tx) => {
    const links = await loadLinks(tx);
    const purchase = splitPurchaseRecords(await tx.purchase.all());
    const purchaseLatest = latestBy<PurchasePositionVersion>(purchase.versions, (v) => `${v.purchaseNo}/${v.positionNo}`);
    const contractNos = [...new Set(links.map((l) => l.contractNo))];
    const contracts = new Map((await tx.contracts.getMany(contractNos)).flatMap((c) => (c ? [[c.no, c] as const] : [])));
    const salesLatest = latestBy<PositionVersion>(await tx.versions.ofContracts(contractNos), (v) => `${v.contractNo}/${v.positionNo}`);
    const customers = new Map((await tx.customers.all()).map((c) => [c.no, c]));
    const rows = links.map((l): LinkForEditing => {
      const p = purchaseLatest.get(`${l.purchaseNo}/${l.purchasePositionNo}`);
      const s = salesLatest.get(`${l.contractNo}/${l.positionNo}`);
      const customerNo = contracts.get(l.contractNo)?.customerNo ?? "";
      return {
        purchaseNo: l.purchaseNo,
        purchasePositionNo: l.purchasePositionNo,
        contractNo: l.contractNo,
        positionNo: l.positionNo,
        supplier: purchase.contracts.get(l.purchaseNo)?.supplier ?? p?.supplier ?? "",
        object: p?.object ?? "",
        purchaseArticleNo: p?.articleNo ?? "",
        customerNo,
        customerName: customers.get(customerNo)?.name ?? "",
        articleNo: s?.articleNo ?? "",
        description: s?.description ?? "",
      };
    });
    const natural = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });
    return rows.sort((a, b) => natural(a.purchaseNo, b.purchaseNo) || a.purchasePositionNo - b.purchasePositionNo || natural(a.contractNo, b.contractNo) || a.positionNo - b.positionNo);
  });
}
