import { differenceText, isRateDifference, monthlyDifference } from "../../../src/core/einvoice/difference-text";

/** The words a difference line says what it bills with (document and e-invoice note alike). */
const diff = (quantity: string, unitPrice: string, discountPct = "0") => ({ lineType: "difference" as const, quantity, unitPrice, discountPct });

describe("differenceText", () => {
  it("states the change of the monthly net with its sign, for every way delta-state shows a change", () => {
    expect(differenceText(diff("1", "88"))).toBe("Differenz +88,00 EUR/Monat"); // quantity and price together
    expect(differenceText(diff("1", "-30.5"))).toBe("Differenz -30,50 EUR/Monat");
    expect(differenceText(diff("-2", "20.6"))).toBe("Differenz -41,20 EUR/Monat"); // quantity
    expect(differenceText(diff("10", "2.5"))).toBe("Differenz +25,00 EUR/Monat"); // price
    expect(differenceText(diff("3", "20.6", "7.5"))).toBe("Differenz +57,165 EUR/Monat"); // exact, not rounded
  });

  it("a Stornorechnung's line (negated quantity) states the change as billed", () => {
    expect(differenceText(diff("-1", "88"), true)).toBe("Differenz +88,00 EUR/Monat");
    expect(monthlyDifference(diff("2", "20.6"), true)!.toFixed(2)).toBe("-41.20");
  });

  it("says nothing for other lines", () => {
    expect(differenceText({ lineType: "recurring", quantity: "1", unitPrice: "88", discountPct: "0" })).toBeNull();
  });

  it("a rate difference is 1 (or −1 cancelled) × the change without discount", () => {
    expect(isRateDifference(diff("1", "88"))).toBe(true);
    expect(isRateDifference(diff("-1", "88"))).toBe(true);
    expect(isRateDifference(diff("2", "44"))).toBe(false);
    expect(isRateDifference(diff("1", "88", "10"))).toBe(false);
    expect(isRateDifference({ lineType: "recurring", quantity: "1", discountPct: "0" })).toBe(false);
  });
});
