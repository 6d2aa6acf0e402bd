import { IsoDate } from "../../../src/core/date/iso-date";
import { chargeTypeKey, classifyChargeType } from "../../../src/io/vendor/charge-type";
import { anniversary, coveredMonths } from "../../../src/io/vendor/covered-months";
import { detectDateOrder, detectDecimalSeparator } from "../../../src/io/vendor/formats";
import { parseTermAndBillingCycle } from "../../../src/io/vendor/term";
import fc from "fast-check";
import { toStored } from "../../../src/core/money/decimal";
import { simpleDecimal } from "../../../src/io/vendor/map-row";
import { parseDecimalText } from "../../../src/io/values";

describe("classifyChargeType", () => {
  it.each([
    ["New", "purchase", true],
    ["new", "purchase", true],
    ["addQuantity", "add_quantity", true],
    ["ADDQUANTITY", "add_quantity", true],
    ["removeQuantity", "remove_quantity", true],
    ["Cancel", "cancel", true],
    ["cancelImmediate", "cancel", true],
    ["Convert", "convert", true],
    ["trialConversion", "convert", true],
    ["renew", "renew", false],
    ["cycleCharge", "cycle", false],
    ["customerCredit", "credit", false],
    ["creditNote", "credit", false],
    ["Cycle fee", "cycle", false],
    ["Prorate fees when purchase", "purchase", true],
    ["Cancel instance prorate", "cancel", true],
    ["Prorate fees when convert to new offering", "convert", true],
    ["Renew fee", "renew", false],
    ["Offset line item", "credit", false],
    ["Cycle discount", "discount", false],
    ["PURCHASE_FEE", "purchase", true],
    ["CYCLE_USAGEFEE", "usage", false],
    ["Some future discount", "discount", false],
    ["priceAdjustment", "unknown", false],
    ["", "unknown", false],
  ])("%p → %p (changes quantity: %p)", (raw, kind, changes) => {
    const info = classifyChargeType(raw);
    expect(info.kind).toBe(kind);
    expect(info.changesQuantity).toBe(changes);
  });

  it("credits, discounts and usage do not count seats; unknown values do", () => {
    expect(classifyChargeType("customerCredit").countsSeats).toBe(false);
    expect(classifyChargeType("Cycle discount").countsSeats).toBe(false);
    expect(classifyChargeType("whatever").countsSeats).toBe(true);
    expect(chargeTypeKey("Add_Quantity - x")).toBe("addquantityx");
  });
});

describe("coveredMonths", () => {
  it.each<[string, string, string | null]>([
    ["2026-06-10", "2026-07-09", "1"],
    ["2026-06-01", "2026-06-30", "1"],
    ["2026-02-01", "2026-02-28", "1"],
    ["2026-06-11", "2026-07-09", "0.9666666666666666666666666666666667"],
    ["2026-11-10", "2026-12-02", "0.7666666666666666666666666666666667"],
    ["2026-01-15", "2027-01-14", "12"],
    ["2024-02-29", "2025-02-27", "12"],
    ["2026-01-01", "2028-12-31", "36"],
    ["2026-11-20", "2026-11-20", "0.03333333333333333333333333333333333"],
    ["2026-01-31", "2026-02-27", "1"],
    ["2026-06-10", "2026-06-09", null],
  ])("%s … %s → %s", (from, to, expected) => {
    const m = coveredMonths(from as IsoDate, to as IsoDate);
    expect(m === null ? null : m.toFixed()).toBe(expected);
  });

  it("anniversary clamps to the month's end", () => {
    expect(anniversary("2026-01-31", 1)).toBe("2026-02-28");
    expect(anniversary("2024-01-31", 1)).toBe("2024-02-29");
    expect(anniversary("2026-01-31", 2)).toBe("2026-03-31");
    expect(anniversary("2026-11-15", 14)).toBe("2028-01-15");
  });

  it("k whole anniversary cycles are exactly k months (property)", () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10) as IsoDate);
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 48 }), (from, k) => {
        const end = new Date(Date.parse(`${anniversary(from, k)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) as IsoDate;
        expect(coveredMonths(from, end)!.toFixed()).toBe(String(k));
      }),
    );
  });
});

describe("parseTermAndBillingCycle", () => {
  it.each([
    ["One-Month commitment for monthly billing", "", { term: "P1M", billingCycle: "monthly" }],
    ["One-Year commitment for monthly/yearly billing", "", { term: "P1Y", billingCycle: "annual" }],
    ["One-Year commitment for monthly/yearly billing", "Monthly", { term: "P1Y", billingCycle: "monthly" }],
    ["One-Year commitment for yearly billing", "", { term: "P1Y", billingCycle: "annual" }],
    ["Three-3 Years commitment for monthly/3 Years/yearly billing", "Triennial", { term: "P3Y", billingCycle: "triennial" }],
    ["Three-3 Years commitment for monthly/3 Years/yearly billing", "", { term: "P3Y", billingCycle: "annual" }],
    ["One-Month commitment for trial", "", { term: "trial" }],
    ["1 Month Subscription", "", { term: "P1M", billingCycle: "monthly" }],
    ["", "Annual", { billingCycle: "annual" }],
    ["", "OneTime", { billingCycle: "one_time" }],
    ["something else", "", {}],
  ])("%p / %p", (text, freq, expected) => {
    expect(parseTermAndBillingCycle(text, freq)).toEqual(expected);
  });
});

describe("format detection", () => {
  it.each<[string[], string | undefined, string]>([
    [["-3.87", "5", "0.0209"], undefined, "."],
    [["-3,87", "5", "0,0209"], undefined, ","],
    [["1.234,56"], undefined, ","],
    [["1,234.56"], undefined, "."],
    [["1.234.567"], undefined, ","],
    [["5", "10"], undefined, "."],
    [["5", "10"], ";", ","],
    [["1.234", "1,000"], ";", ","],
    [["12,50 €", "(3,87)"], undefined, ","],
  ])("decimal separator of %p (delimiter %p) → %p", (samples, hint, expected) => {
    expect(detectDecimalSeparator(samples, hint)).toBe(expected);
  });

  it.each<[string[], string | null, boolean, boolean]>([
    [["10/3/2020", "11/25/2026"], "mdy", false, false],
    [["25/11/2026", "3/10/2020"], "dmy", false, false],
    [["1/2/2026", "3/4/2026 0:00"], null, true, false],
    [["03.11.2026"], null, false, true],
    [["2026-11-03"], null, false, false],
  ])("date order of %p → %p (ambiguous %p, dotted %p)", (samples, order, ambiguous, dotted) => {
    expect(detectDateOrder(samples)).toEqual({ order, ambiguous, dotted });
  });
});

describe("simpleDecimal", () => {
  it.each<[string, "," | ".", string | null]>([
    ["127.50", ".", "127.5"],
    ["-0.50", ".", "-0.5"],
    ["-0", ".", "0"],
    ["-0.00", ".", "0"],
    ["007", ".", "7"],
    ["0", ".", "0"],
    ["100", ".", "100"],
    ["10.010", ".", "10.01"],
    ["127,50", ",", "127.5"],
    ["-19,55", ",", "-19.55"],
    ["127,50", ".", null],
    ["1.234,5", ",", null],
    ["1e5", ".", null],
    ["1234567890123456", ".", null],
    ["12-", ".", null],
  ])("%p (%p) → %p", (raw, sep, expected) => {
    expect(simpleDecimal(raw, sep)).toBe(expected);
  });

  it("agrees with parseDecimalText (property)", () => {
    const digits = fc.string({ unit: fc.constantFrom("0", "1", "5", "9"), minLength: 1, maxLength: 15 });
    const frac = fc.option(fc.string({ unit: fc.constantFrom("0", "3", "9"), minLength: 1, maxLength: 12 }), { nil: undefined });
    fc.assert(
      fc.property(fc.boolean(), digits, frac, fc.constantFrom<"," | ".">(",", "."), (neg, int, f, sep) => {
        const raw = `${neg ? "-" : ""}${int}${f === undefined ? "" : sep + f}`;
        const full = parseDecimalText(raw, sep);
        expect(simpleDecimal(raw, sep)).toBe(full === null ? null : toStored(full));
      }),
    );
  });
});
