import { Decimal } from "../../../src/core/money/decimal";
import type { PurchaseLink, PurchasePositionVersion } from "../../../src/core/purchase/model";
import { purchaseLinkId, purchaseVersionId, purchaseVersionOnDay } from "../../../src/core/purchase/model";
import { buildCostIndex, marginPct, netUnitPrice, salesUnitCost } from "../../../src/core/purchase/unit-cost";

function pv(purchaseNo: string, positionNo: number, validFrom: string, unitCost: string, seq: number, quantity = "1"): PurchasePositionVersion {
  const v = { kind: "position" as const, purchaseNo, supplier: "S", positionNo, validFrom, articleNo: "A", description: "", object: "", quantity, unitCost, interval: "monthly" as const, seq, source: "t" };
  return { ...v, id: purchaseVersionId(v) };
}
function link(purchaseNo: string, purchasePositionNo: number, contractNo: string, positionNo: number): PurchaseLink {
  const l = { purchaseNo, purchasePositionNo, contractNo, positionNo };
  return { ...l, id: purchaseLinkId(l), source: "t" };
}

describe("cost per unit of a sales position", () => {
  const versions = [pv("EK-1", 1, "2026-01-01", "1", 1), pv("EK-1", 1, "2027-01-01", "1.2", 2), pv("EK-2", 1, "2026-01-01", "5", 3), pv("EK-2", 1, "2026-07-01", "5", 4, "0")];
  const index = buildCostIndex([link("EK-1", 1, "V-1", 1), link("EK-1", 1, "V-2", 1), link("EK-2", 1, "V-1", 1)], versions);

  it("is the unit cost of the linked purchase position in force on the day, for every linked customer alike", () => {
    expect(salesUnitCost(index, "V-2", 1, "2026-12-31")!.toFixed()).toBe("1");
    expect(salesUnitCost(index, "V-2", 1, "2027-01-01")!.toFixed()).toBe("1.2");
  });

  it("adds up the purchase positions of a bundle; an ended purchase position (quantity 0) costs nothing", () => {
    expect(salesUnitCost(index, "V-1", 1, "2026-03-01")!.toFixed()).toBe("6");
    expect(salesUnitCost(index, "V-1", 1, "2026-07-01")!.toFixed()).toBe("1");
  });

  it("is null without a link, and an override replaces a purchase position's cost", () => {
    expect(salesUnitCost(index, "V-9", 1, "2026-03-01")).toBeNull();
    expect(salesUnitCost(index, "V-1", 1, "2026-03-01", new Map([["EK-1:1", new Decimal("1.5")]]))!.toFixed()).toBe("6.5");
  });

  it("margin % is over the net price; the later entry wins on the same day", () => {
    expect(netUnitPrice({ unitPrice: "2.5", discountPct: "10" }).toFixed()).toBe("2.25");
    expect(marginPct(new Decimal("2.25"), new Decimal("1"))!.toFixed(2)).toBe("55.56");
    expect(marginPct(new Decimal("0"), new Decimal("1"))).toBeNull();
    expect(purchaseVersionOnDay([pv("EK-1", 1, "2026-01-01", "1", 5), pv("EK-1", 1, "2026-01-01", "2", 3)], "2026-01-01")!.unitCost).toBe("1");
    expect(purchaseVersionOnDay(versions, "2025-12-31")).toBeUndefined();
  });
});
