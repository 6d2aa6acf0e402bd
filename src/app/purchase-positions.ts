import { purchaseRef } from "../core/purchase/model";
import type { AppContext } from "./context";
import { splitPurchaseRecords } from "./purchase";

/** `NO:POS` of every purchase position in the store, sorted (the price update's picker). */
export async function purchasePositionRefs(ctx: AppContext): Promise<string[]> {
  const { versions } = splitPurchaseRecords(await ctx.store.read((tx) => tx.purchase.all()));
  return [...new Set(versions.map((v) => purchaseRef(v.purchaseNo, v.positionNo)))].sort();
}
