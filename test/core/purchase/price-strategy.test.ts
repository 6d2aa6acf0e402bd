import fc from "fast-check";
import { Decimal } from "../../../src/core/money/decimal";
import { exactNewPrice, parseRounding, parseStrategy, roundPrice, roundingText, strategyText } from "../../../src/core/purchase/price-strategy";
import { marginPct } from "../../../src/core/purchase/unit-cost";

const d = (v: string) => new Decimal(v);
const input = (discountPct: string) => ({ currentPrice: d("2.50"), discountPct: d(discountPct), currentCost: d("1.00"), newCost: d("1.20") });
const propose = (strategy: string, discountPct: string, rounding = "cents") => {
  const exact = exactNewPrice(input(discountPct), parseStrategy(strategy)!);
  return "price" in exact ? roundPrice(exact.price, parseRounding(rounding)!).toFixed(2) : exact.problem;
};

describe("price strategies: domain cost 1.00 → 1.20, list price 2.50", () => {
  it.each([
    // strategy, discount, rounding, new price
    ["keep-margin", "0", "cents", "3.00"],
    ["keep-margin", "10", "cents", "3.00"],
    ["keep-margin", "20", "cents", "3.00"],
    ["pass-through", "0", "cents", "2.70"],
    ["pass-through", "10", "cents", "2.72"], // 2.50 + 0.20 / 0.9 = 2.7222…
    ["pass-through", "20", "cents", "2.75"], // 2.50 + 0.20 / 0.8
    ["fixed:2.99", "10", "cents", "2.99"],
    ["fixed:2,99", "20", "cents", "2.99"],
    ["percent:10", "10", "cents", "2.75"],
    ["percent:-4", "0", "cents", "2.40"],
    ["percent:3.3", "0", "cents", "2.58"], // 2.5825 → half away from zero
    ["keep-margin", "10", "ending:0.90", "3.90"],
    ["pass-through", "10", "ending:0.90", "2.90"],
    ["fixed:2.90", "0", "ending:0.90", "2.90"],
    ["percent:10", "0", "ending:.99", "2.99"],
    ["percent:10", "0", "ending:0", "3.00"],
  ])("%s with %s %% discount, rounding %s → %s", (strategy, discount, rounding, expected) => {
    expect(propose(strategy, discount, rounding)).toBe(expected);
  });

  it("keep-margin keeps the margin % exactly before rounding (10 % discount: 55.56 %)", () => {
    const exact = exactNewPrice(input("10"), { kind: "keep-margin" });
    if (!("price" in exact)) throw new Error("no price");
    const netNow = d("2.50").times(0.9);
    const netNew = exact.price.times(0.9);
    expect(marginPct(netNow, d("1.00"))!.toFixed(2)).toBe("55.56");
    expect(netNew.minus(1.2).dividedBy(netNew).equals(netNow.minus(1).dividedBy(netNow))).toBe(true);
  });

  it("pass-through moves the net price by exactly the cost difference before rounding", () => {
    const exact = exactNewPrice(input("10"), { kind: "pass-through" });
    if (!("price" in exact)) throw new Error("no price");
    expect(exact.price.times(0.9).minus(d("2.50").times(0.9)).toFixed(20)).toBe(d("0.2").toFixed(20));
  });

  it("keep-margin without a cost and pass-through at 100 % discount have no price", () => {
    expect(exactNewPrice({ ...input("0"), currentCost: d("0") }, { kind: "keep-margin" })).toEqual({ problem: "price.no_cost" });
    expect(exactNewPrice(input("100"), { kind: "pass-through" })).toEqual({ problem: "price.full_discount" });
  });

  it.each(["", "keep", "fixed:", "fixed:-1", "fixed:abc", "percent:-100", "percent:x"])("rejects strategy %j", (text) => {
    expect(parseStrategy(text)).toBeNull();
  });

  it.each(["", "ending", "ending:1.90", "ending:0.901", "dollars"])("rejects rounding %j", (text) => {
    expect(parseRounding(text)).toBeNull();
  });

  it("writes strategy and rounding back as parsed", () => {
    expect(["keep-margin", "pass-through", "fixed:2.99", "percent:10"].map((s) => strategyText(parseStrategy(s)!))).toEqual(["keep-margin", "pass-through", "fixed:2.99", "percent:10"]);
    expect(["cents", "ending:.9", "ending:0,99"].map((s) => roundingText(parseRounding(s)!))).toEqual(["cents", "ending:0.90", "ending:0.99"]);
  });

  it("an ending rounds up to the next price with those cents, never more than 0.99 above the cent price", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (tenths, endingCents) => {
        const exact = new Decimal(tenths).dividedBy(1000);
        const ending = new Decimal(endingCents).dividedBy(100);
        const rounded = roundPrice(exact, { kind: "ending", ending });
        const cents = roundPrice(exact, { kind: "cents" });
        return rounded.gte(cents) && rounded.minus(cents).lt(1) && rounded.minus(rounded.floor()).equals(ending);
      }),
    );
  });
});
