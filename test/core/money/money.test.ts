import fc from "fast-check";
import { Decimal, dec } from "../../../src/core/money/decimal";
import { Money, add, allocate, equals, money, multiply, round, subtract } from "../../../src/core/money/money";
import { centsReference, decimalText } from "./reference";

/** The amount of money as an integer count of cents (fails when it is not whole cents). */
function cents(m: Money): bigint {
  const c = m.amount.times(100);
  expect(c.isInteger()).toBe(true);
  return BigInt(c.toFixed());
}

function amounts(ms: readonly Money[]): string[] {
  return ms.map((m) => m.amount.toFixed());
}

describe("money", () => {
  it("defaults to EUR and reads canonical decimal strings", () => {
    const m = money("12.34");
    expect(m.currency).toBe("EUR");
    expect(m.amount.toFixed()).toBe("12.34");
    expect(money(5, "USD")).toEqual({ amount: dec(5), currency: "USD" });
  });

  it("accepts a Decimal", () => {
    expect(money(dec("0.1").plus("0.2")).amount.equals(dec("0.3"))).toBe(true);
  });
});

describe("add and subtract", () => {
  it("add exactly", () => {
    expect(add(money("0.1"), money("0.2")).amount.toFixed()).toBe("0.3");
    expect(add(money("-5.5", "CHF"), money("2.25", "CHF"))).toEqual(money("-3.25", "CHF"));
  });

  it("subtract exactly", () => {
    expect(subtract(money("0.3"), money("0.1")).amount.toFixed()).toBe("0.2");
    expect(subtract(money("1"), money("2.5")).amount.toFixed()).toBe("-1.5");
  });

  it("refuse to mix currencies", () => {
    expect(() => add(money("1", "EUR"), money("1", "USD"))).toThrow("[msp-billing] cannot mix EUR and USD");
    expect(() => subtract(money("1", "GBP"), money("1", "EUR"))).toThrow("cannot mix GBP and EUR");
  });

  it("do not change their arguments", () => {
    const a = money("10");
    const b = money("3");
    add(a, b);
    subtract(a, b);
    multiply(a, 3);
    round(money("1.005"));
    expect(a.amount.toFixed()).toBe("10");
    expect(b.amount.toFixed()).toBe("3");
  });

  it("add and subtract are inverse and add is commutative", () => {
    const amount = fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }).map((n) => money(decimalText(n, 6)));
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(equals(subtract(add(a, b), b), a)).toBe(true);
        expect(equals(add(a, b), add(b, a))).toBe(true);
      }),
    );
  });
});

describe("multiply", () => {
  it("is exact and keeps the currency", () => {
    expect(multiply(money("7.90", "USD"), 19)).toEqual(money("150.1", "USD"));
    expect(multiply(money("25.50"), "0.8").amount.toFixed()).toBe("20.4");
    expect(multiply(money("60"), dec(19).dividedBy(28)).amount.toFixed(10)).toBe("40.7142857143");
  });

  it("does not round", () => {
    expect(multiply(money("0.01"), "0.5").amount.toFixed()).toBe("0.005");
  });
});

describe("round", () => {
  it.each([
    ["2.345", "2.35"],
    ["-2.345", "-2.35"],
    ["2.344", "2.34"],
    ["-2.344", "-2.34"],
    ["0.005", "0.01"],
    ["-0.005", "-0.01"],
    ["2.355", "2.36"],
    ["2.365", "2.37"], // no banker's rounding
    ["12", "12"],
  ])("%s → %s", (input, expected) => {
    expect(round(money(input)).amount.toFixed()).toBe(expected);
  });

  it("keeps the currency", () => {
    expect(round(money("1.005", "GBP"))).toEqual(money("1.01", "GBP"));
  });

  it("rounds half away from zero for any amount (integer reference)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), (n, scale) => {
        expect(round(money(decimalText(n, scale))).amount.toFixed()).toBe(dec(centsReference(n, scale)).toFixed());
      }),
    );
  });

  it("rounds every exact half cent away from zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), (c) => {
        // c cents plus (sign) half a cent: x = c.cc5
        const x = dec(decimalText(c * 10n + (c < 0n ? -5n : 5n), 3));
        const expected = dec(decimalText(c < 0n ? c - 1n : c + 1n, 2));
        expect(round(money(x)).amount.equals(expected)).toBe(true);
      }),
    );
  });
});

describe("equals", () => {
  it("compares amount numerically and currency", () => {
    expect(equals(money("1.50"), money("1.5"))).toBe(true);
    expect(equals(money("1.5", "EUR"), money("1.5", "USD"))).toBe(false);
    expect(equals(money("1.5"), money("1.51"))).toBe(false);
    expect(equals(money("-0"), money("0"))).toBe(true);
  });
});

describe("allocate: examples", () => {
  it("gives leftover cents to the largest remainders, ties to the earlier share", () => {
    expect(amounts(allocate(money("100"), [1, 1, 1]))).toEqual(["33.34", "33.33", "33.33"]);
    expect(amounts(allocate(money("0.02"), [1, 1, 1]))).toEqual(["0.01", "0.01", "0"]);
    expect(amounts(allocate(money("10"), [1, 2]))).toEqual(["3.33", "6.67"]);
    expect(amounts(allocate(money("0.05"), [1, 1, 1, 1, 1, 1]))).toEqual(["0.01", "0.01", "0.01", "0.01", "0.01", "0"]);
  });

  it("splits negative totals symmetrically", () => {
    expect(amounts(allocate(money("-100"), [1, 1, 1]))).toEqual(["-33.34", "-33.33", "-33.33"]);
    expect(amounts(allocate(money("-10"), [1, 2]))).toEqual(["-3.33", "-6.67"]);
  });

  it("accepts decimal, string and number ratios", () => {
    expect(amounts(allocate(money("100"), ["0.7", dec("0.2"), 0.1]))).toEqual(["70", "20", "10"]);
    expect(amounts(allocate(money("1"), ["33.3333", "66.6667"]))).toEqual(["0.33", "0.67"]);
  });

  it("gives nothing to a zero ratio", () => {
    expect(amounts(allocate(money("9.99"), [0, 1, 0, 2]))).toEqual(["0", "3.33", "0", "6.66"]);
  });

  it("rounds the total to cents first", () => {
    expect(amounts(allocate(money("10.005"), [1, 1]))).toEqual(["5.01", "5"]);
    expect(amounts(allocate(money("-10.005"), [1, 1]))).toEqual(["-5.01", "-5"]);
    expect(amounts(allocate(money("0.004"), [1]))).toEqual(["0"]);
  });

  it("keeps the currency", () => {
    expect(allocate(money("1", "CHF"), [1, 3]).map((m) => m.currency)).toEqual(["CHF", "CHF"]);
  });

  it("a single ratio gets the whole rounded total", () => {
    expect(amounts(allocate(money("123.456"), [7]))).toEqual(["123.46"]);
  });

  it("zero over zero ratios is all zeros", () => {
    expect(amounts(allocate(money("0"), [0, 0]))).toEqual(["0", "0"]);
    expect(amounts(allocate(money("0.001"), [0]))).toEqual(["0"]); // rounds to 0.00 first
  });

  it("rejects bad input", () => {
    expect(() => allocate(money("1"), [])).toThrow("[msp-billing] allocate needs at least one ratio");
    expect(() => allocate(money("1"), [1, -1])).toThrow("allocate ratios must not be negative");
    expect(() => allocate(money("1"), [0, 0])).toThrow("cannot allocate a non-zero amount over zero ratios");
  });
});

/** Ratios as integer weights w_i at a common scale: the ratio passed to allocate is w_i / 10^scale. */
interface Ratios {
  weights: bigint[];
  scale: number;
  /** What allocate receives: strings, numbers and Decimals mixed. */
  ratios: Array<Decimal | string | number>;
}

const ratiosArb: fc.Arbitrary<Ratios> = fc
  .record({
    weights: fc.array(
      fc.oneof(fc.bigInt({ min: 0n, max: 3n }), fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 10n ** 12n })),
      { minLength: 1, maxLength: 12 },
    ),
    scale: fc.integer({ min: 0, max: 6 }),
    kinds: fc.array(fc.constantFrom("string", "decimal", "number"), { minLength: 12, maxLength: 12 }),
  })
  .filter(({ weights }) => weights.some((w) => w > 0n))
  .map(({ weights, scale, kinds }) => ({
    weights,
    scale,
    ratios: weights.map((w, i) => {
      const text = decimalText(w, scale);
      const kind = kinds[i];
      if (kind === "decimal") return dec(text);
      if (kind === "number" && w < 2n ** 40n) return Number(text);
      return text;
    }),
  }));

const centsArb = fc.oneof(
  fc.constant(0n),
  fc.bigInt({ min: -100n, max: 100n }),
  fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
);

describe("allocate: properties", () => {
  it("preserves the total for any cents amount and any non-negative ratios with a positive sum", () => {
    fc.assert(
      fc.property(centsArb, ratiosArb, (total, { ratios }) => {
        const shares = allocate(money(decimalText(total, 2)), ratios);
        expect(shares).toHaveLength(ratios.length);
        expect(shares.map(cents).reduce((a, b) => a + b, 0n)).toBe(total);
      }),
      { numRuns: 500 },
    );
  });

  it("each share differs from its exact share by less than one cent", () => {
    fc.assert(
      fc.property(centsArb, ratiosArb, (total, { weights }) => {
        const ratios = weights.map((w) => w.toString());
        const shares = allocate(money(decimalText(total, 2)), ratios).map(cents);
        const weightSum = weights.reduce((a, b) => a + b, 0n);
        shares.forEach((share, i) => {
          // |share − total × w / W| < 1  ⇔  |share × W − total × w| < W (exact in integers)
          const diff = share * weightSum - total * weights[i]!;
          expect(diff < weightSum && -diff < weightSum).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("equal ratios give shares that differ by at most one cent", () => {
    fc.assert(
      fc.property(centsArb, fc.integer({ min: 1, max: 50 }), fc.constantFrom("1", "0.5", "3", "12.345"), (total, n, r) => {
        const shares = allocate(money(decimalText(total, 2)), Array(n).fill(r)).map(cents);
        const max = shares.reduce((a, b) => (a > b ? a : b));
        const min = shares.reduce((a, b) => (a < b ? a : b));
        expect(max - min <= 1n).toBe(true);
      }),
    );
  });

  it("shares have the sign of the total and a larger ratio never gets less", () => {
    fc.assert(
      fc.property(centsArb, ratiosArb, (total, { weights, ratios }) => {
        const shares = allocate(money(decimalText(total, 2)), ratios).map(cents);
        for (const s of shares) expect(total >= 0n ? s >= 0n : s <= 0n).toBe(true);
        for (let i = 0; i < weights.length; i++) {
          for (let j = 0; j < weights.length; j++) {
            if (weights[i]! > weights[j]!) {
              const a = total >= 0n ? shares[i]! : -shares[i]!;
              const b = total >= 0n ? shares[j]! : -shares[j]!;
              expect(a >= b).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a negative total is the mirror image of the positive one", () => {
    fc.assert(
      fc.property(centsArb, ratiosArb, (total, { ratios }) => {
        const pos = allocate(money(decimalText(total, 2)), ratios).map(cents);
        const neg = allocate(money(decimalText(-total, 2)), ratios).map(cents);
        expect(neg).toEqual(pos.map((c) => -c));
      }),
    );
  });

  it("scaling all ratios by the same factor changes nothing", () => {
    fc.assert(
      fc.property(centsArb, ratiosArb, fc.integer({ min: 1, max: 1000 }), (total, { weights }, factor) => {
        const t = money(decimalText(total, 2));
        const a = allocate(t, weights.map(String)).map(cents);
        const b = allocate(t, weights.map((w) => (w * BigInt(factor)).toString())).map(cents);
        expect(b).toEqual(a);
      }),
    );
  });
});
