import type { Contract, PositionVersion } from "../../../src/core/contract/model";
import type { PurchasePositionVersion } from "../../../src/core/purchase/model";
import { purchaseVersionId } from "../../../src/core/purchase/model";
import { PriceDecision, planApplyPriceUpdate } from "../../../src/core/purchase/plan-apply-price-update";

const contract: Contract = { no: "V-1", customerNo: "K1", type: "flatrate", interval: "monthly", mode: "advance", start: "2026-01-01" };
const sales = (validFrom: string, unitPrice: string, seq: number, quantity = "1"): PositionVersion => ({ id: `V-1/1/${validFrom}/${seq}`, contractNo: "V-1", positionNo: 1, validFrom, articleNo: "DOM", description: "Domain", quantity, unitPrice, discountPct: "0", vatPct: "19", seq });
const purchase = (validFrom: string, unitCost: string, seq: number): PurchasePositionVersion => {
  const v = { kind: "position" as const, purchaseNo: "EK-1", supplier: "S", positionNo: 1, validFrom, articleNo: "DOM", description: "Domain", object: "a.de", quantity: "1", unitCost, interval: "annual" as const, seq, source: "t" };
  return { ...v, id: purchaseVersionId(v) };
};
const decision = (over: Partial<PriceDecision> = {}): PriceDecision => ({ source: "p.csv", row: 2, action: "accept", customerNo: "K1", contractNo: "V-1", positionNo: 1, validFrom: "2027-01-01", currentPrice: "2.5", newPrice: "3", purchase: ["EK-1:1"], purchaseNewCost: "1.2", costFrom: "2027-01-01", ...over });
const snapshot = { contracts: new Map([["V-1", contract]]), versions: [sales("2026-01-01", "2.5", 1)], purchaseVersions: [purchase("2026-01-01", "1", 2), purchase("2027-06-01", "1", 3)] };

describe("planApplyPriceUpdate", () => {
  it("plans the sales version and re-costs the later purchase version that still has the old cost", () => {
    const r = planApplyPriceUpdate(snapshot, [decision()], "b");
    expect(r.ok && r.value.versions.map((v) => [v.version.validFrom, v.version.unitPrice, v.version.source])).toEqual([["2027-01-01", "3", "b"]]);
    expect(r.ok && r.value.purchaseVersions.map((v) => [v.version.validFrom, v.version.unitCost, v.version.object])).toEqual([["2027-01-01", "1.2", "a.de"], ["2027-06-01", "1.2", "a.de"]]);
  });

  it("rejects two rows that disagree on the purchase change, an ended position and an unknown purchase position", () => {
    const conflicting = planApplyPriceUpdate(snapshot, [decision(), decision({ row: 3, action: "skip", purchaseNewCost: "1.3" })], "b");
    expect(!conflicting.ok && conflicting.issues.map((i) => [i.code, i.where?.row, i.params.otherRow])).toEqual([["price.conflicting_purchase_change", 3, 2]]);
    const ended = planApplyPriceUpdate({ ...snapshot, versions: [...snapshot.versions, sales("2026-12-01", "2.5", 9, "0")] }, [decision()], "b");
    expect(!ended.ok && ended.issues.map((i) => i.code)).toEqual(["price.position_ended"]);
    const unknown = planApplyPriceUpdate(snapshot, [decision({ purchase: ["EK-1:7"] })], "b");
    expect(!unknown.ok && unknown.issues.map((i) => [i.code, i.params.purchase, i.params.position])).toEqual([["purchase.unknown_purchase_position", "EK-1", "7"]]);
    const early = planApplyPriceUpdate(snapshot, [decision({ costFrom: "2025-01-01" })], "b");
    expect(!early.ok && early.issues.map((i) => i.code)).toEqual(["price.purchase_not_started"]);
  });

  it("checks contract, customer, term and position of accepted rows, and ignores skipped ones", () => {
    const r = planApplyPriceUpdate(
      snapshot,
      [
        decision({ row: 2, contractNo: "V-9", purchase: [] }),
        decision({ row: 3, customerNo: "K2", purchase: [] }),
        decision({ row: 4, validFrom: "2025-12-31", purchase: [] }),
        decision({ row: 5, positionNo: 4, purchase: [] }),
        decision({ row: 6, action: "skip", contractNo: "V-9", purchase: [] }),
      ],
      "b",
    );
    expect(!r.ok && r.issues.map((i) => [i.code, i.where?.row, i.where?.column])).toEqual([
      ["review.unknown_contract", 2, "contract_no"],
      ["review.contract_of_other_customer", 3, "contract_no"],
      ["review.date_outside_contract", 4, "valid_from"],
      ["review.unknown_position", 5, "position_no"],
    ]);
  });
});
