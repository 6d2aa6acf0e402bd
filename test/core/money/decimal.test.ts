import DecimalBase from "decimal.js";
import fc from "fast-check";
import {
  Decimal,
  HUNDRED,
  ONE,
  ZERO,
  dec,
  isCanonicalDecimal,
  roundCents,
  sum,
  toCentsString,
  toStored,
} from "../../../src/core/money/decimal";
import { centsReference, decimalText } from "./reference";

describe("Decimal", () => {
  it("keeps 34 significant digits", () => {
    expect(dec(1).dividedBy(3).toFixed()).toBe("0." + "3".repeat(34));
    expect(dec(2).dividedBy(3).toFixed()).toBe("0." + "6".repeat(33) + "7");
  });

  it("is a clone: changing the global decimal.js settings does not change our arithmetic", () => {
    const saved = { precision: DecimalBase.precision, rounding: DecimalBase.rounding };
    try {
      DecimalBase.set({ precision: 5, rounding: DecimalBase.ROUND_DOWN });
      expect(dec(1).dividedBy(3).toFixed()).toBe("0." + "3".repeat(34));
      expect(roundCents(dec("2.345")).toFixed()).toBe("2.35");
    } finally {
      DecimalBase.set(saved);
    }
  });

  it("has the constants 0, 1 and 100", () => {
    expect(ZERO.toFixed()).toBe("0");
    expect(ONE.toFixed()).toBe("1");
    expect(HUNDRED.toFixed()).toBe("100");
  });

  it("dec accepts strings, integers and decimals", () => {
    expect(dec("12.345").toFixed()).toBe("12.345");
    expect(dec(-7).toFixed()).toBe("-7");
    const d = dec("0.1");
    expect(dec(d).equals(d)).toBe(true);
    expect(dec(d)).not.toBe(d);
  });

  it("adds decimal fractions exactly (0.1 + 0.2 = 0.3)", () => {
    expect(dec("0.1").plus("0.2").equals(dec("0.3"))).toBe(true);
  });
});

describe("roundCents", () => {
  it.each([
    ["2.345", "2.35"],
    ["-2.345", "-2.35"],
    ["2.344", "2.34"],
    ["-2.344", "-2.34"],
    ["2.3449999999", "2.34"],
    ["0.005", "0.01"],
    ["-0.005", "-0.01"],
    ["0.004", "0"],
    ["0.015", "0.02"],
    ["0.025", "0.03"], // not banker's rounding (that would give 0.02)
    ["1.5", "1.5"],
    ["40.7142857142857142857142857142857", "40.71"],
    ["999999999.995", "1000000000"],
    ["0", "0"],
  ])("%s → %s (half away from zero)", (input, expected) => {
    expect(roundCents(dec(input)).toFixed()).toBe(expected);
  });

  it("matches an integer reference implementation for any decimal with up to 8 places", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 8 }), (n, scale) => {
        expect(roundCents(dec(decimalText(n, scale))).toFixed()).toBe(dec(centsReference(n, scale)).toFixed());
      }),
    );
  });

  it("is symmetric, idempotent and at most half a cent away", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 8 }), (n, scale) => {
        const x = dec(decimalText(n, scale));
        const r = roundCents(x);
        expect(roundCents(x.negated()).equals(r.negated())).toBe(true);
        expect(roundCents(r).equals(r)).toBe(true);
        expect(r.minus(x).abs().lte("0.005")).toBe(true);
        expect(r.decimalPlaces()).toBeLessThanOrEqual(2);
        // an exact half cent always moves away from zero
        if (r.minus(x).abs().equals("0.005")) expect(r.abs().gt(x.abs())).toBe(true);
      }),
    );
  });
});

describe("toStored", () => {
  it.each([
    ["12.50", "12.5"],
    ["-0.125", "-0.125"],
    ["3", "3"],
    ["3.000", "3"],
    ["-0", "0"],
    ["-0.000", "0"],
    ["1e-35", "0.00000000000000000000000000000000001"],
    ["1e39", "1" + "0".repeat(39)],
    ["1.5e45", "15" + "0".repeat(44)],
  ])("%s → %s", (input, expected) => {
    expect(toStored(dec(input))).toBe(expected);
  });

  it("round-trips through dec and is always canonical", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }), (n, scale) => {
        const x = dec(decimalText(n, scale));
        const stored = toStored(x);
        expect(isCanonicalDecimal(stored)).toBe(true);
        expect(dec(stored).equals(x)).toBe(true);
        expect(stored).not.toMatch(/\.\d*0$/); // no trailing zeros
      }),
    );
  });
});

describe("toCentsString", () => {
  it.each([
    ["12.5", "12.50"],
    ["12", "12.00"],
    ["2.345", "2.35"],
    ["-2.345", "-2.35"],
    ["-0.001", "0.00"],
    ["0.004", "0.00"],
    ["1234567.891", "1234567.89"],
  ])("%s → %s", (input, expected) => {
    expect(toCentsString(dec(input))).toBe(expected);
  });

  it("never prints a negative zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: -4999, max: 0 }), (n) => {
        expect(toCentsString(dec(n).dividedBy(1_000_000))).toBe("0.00");
      }),
    );
  });
});

describe("sum", () => {
  it("is 0 for no values", () => {
    expect(sum([]).toFixed()).toBe("0");
  });

  it("adds exactly and accepts any iterable", () => {
    function* values() {
      yield dec("0.1");
      yield dec("0.2");
      yield dec("-0.3");
    }
    expect(sum(values()).isZero()).toBe(true);
    expect(sum(new Set([dec("1.25"), dec("2.5")])).toFixed()).toBe("3.75");
  });

  it("equals the integer sum of the scaled values", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), { maxLength: 30 }), (ns) => {
        const total = ns.reduce((a, b) => a + b, 0n);
        expect(sum(ns.map((n) => dec(decimalText(n, 4)))).toFixed()).toBe(dec(decimalText(total, 4)).toFixed());
      }),
    );
  });
});

describe("isCanonicalDecimal", () => {
  it.each(["0", "12", "-12.345", "0.5", "-0.001", "123456789012345678901234567890.123"])("accepts %s", (text) => {
    expect(isCanonicalDecimal(text)).toBe(true);
  });

  it.each(["", "1e5", "12,5", "1.234,5", "1,234.5", ".5", "5.", "+5", " 5", "5 ", "--5", "0x10", "NaN", "Infinity", "€5"])(
    "rejects %j",
    (text) => {
      expect(isCanonicalDecimal(text)).toBe(false);
    },
  );
});

describe("Decimal type", () => {
  it("is the clone's instance type", () => {
    const d: Decimal = new Decimal("1.5");
    expect(d).toBeInstanceOf(Decimal);
  });
});
