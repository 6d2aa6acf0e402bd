/**
 * Einkauf's one primary button (issue 20): contracts, then links, then the links report; a links
 * sheet written is read back next, a price proposal applied next; typing a price update makes its
 * proposal the next step. See hooks/useNextStep.ts.
 */
import { nextOf, type FlowState } from "../hooks/useNextStep";

export type PurchaseDone = "importContracts" | "importLinks" | "writeEditSheet" | "applyEditSheet" | "report" | "proposePrice" | "applyPrice";
export type PurchaseNext = "importContracts" | "importLinks" | "applyEditSheet" | "report" | "proposePrice" | "applyPrice";
export type PurchaseForm = "price";
export type PurchaseFlow = FlowState<PurchaseDone, PurchaseNext, PurchaseForm>;

const AFTER: Readonly<Record<PurchaseDone | "start", PurchaseNext | null>> = {
  start: "importContracts",
  importContracts: "importLinks",
  importLinks: "report",
  writeEditSheet: "applyEditSheet",
  applyEditSheet: "report",
  report: null,
  proposePrice: "applyPrice",
  applyPrice: null,
};

export function purchaseNextStep(flow: PurchaseFlow): PurchaseNext | null {
  return nextOf(flow, AFTER, { price: "proposePrice" });
}
