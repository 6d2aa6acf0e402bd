/**
 * Scenario: a version with quantity 0 ends a position (PRODUCT.md §5.1); a later version with a
 * quantity starts it again. 3 × 20.00 € = 60.00 € per month.
 */
import { prorateMonth } from "../../../src/core/billing/proration";
import { periodContaining } from "../../../src/core/date/billing-period";
import { IsoMonth } from "../../../src/core/date/iso-month";
import { contract, day, version } from "../../core/contract/builders";
import { monthCents, periodCents } from "../../core/proration/helpers";

const c = contract({ start: "2026-01-01" });
const vs = [
  version({ validFrom: "2026-01-01", quantity: 3, unitPrice: "20.00" }),
  version({ validFrom: "2026-06-16", quantity: 0, unitPrice: "20.00" }),
  version({ validFrom: "2026-08-10", quantity: 2, unitPrice: "20.00" }),
];

describe("position ended with quantity 0 from 2026-06-16, restarted with 2 from 2026-08-10", () => {
  it("May: 60.00", () => {
    expect(monthCents(c, vs, "2026-05")).toBe("60.00");
  });

  it("June: 60 × 15/30 = 30.00", () => {
    expect(monthCents(c, vs, "2026-06")).toBe("30.00");
  });

  it("July: 0.00, with no charge segment at all", () => {
    const july = prorateMonth(c, vs, "2026-07" as IsoMonth);
    expect(july.amount.isZero()).toBe(true);
    expect(july.segments).toEqual([]);
  });

  it("August: 40 × 22/31 = 28.387096… → 28.39", () => {
    expect(monthCents(c, vs, "2026-08")).toBe("28.39");
  });

  it("Q3 quarterly: 0 + 28.387096… + 40 = 68.387096… → 68.39", () => {
    expect(periodCents(c, vs, periodContaining(day("2026-08-10"), "quarterly"))).toBe("68.39");
  });

  it("Q2 quarterly: 60 + 60 + 30 = 150.00", () => {
    expect(periodCents(c, vs, periodContaining(day("2026-04-01"), "quarterly"))).toBe("150.00");
  });
});

describe("other endings", () => {
  it("quantity 0 on the first of a month bills nothing for that month", () => {
    const ending = [vs[0]!, version({ validFrom: "2026-09-01", quantity: "0.00", unitPrice: "20.00" })];
    expect(monthCents(c, ending, "2026-08")).toBe("60.00");
    expect(monthCents(c, ending, "2026-09")).toBe("0.00");
  });

  it("quantity 0 on the last day of a month: 60 × 30/31 = 58.064516… → 58.06", () => {
    const ending = [vs[0]!, version({ validFrom: "2026-10-31", quantity: 0, unitPrice: "20.00" })];
    expect(monthCents(c, ending, "2026-10")).toBe("58.06");
  });

  it("a position that starts with quantity 0 bills nothing until it gets a quantity", () => {
    const later = [
      version({ positionNo: 2, validFrom: "2026-01-01", quantity: 0, unitPrice: "20.00" }),
      version({ positionNo: 2, validFrom: "2026-02-15", quantity: 1, unitPrice: "20.00" }),
    ];
    expect(monthCents(c, later, "2026-01")).toBe("0.00");
    expect(monthCents(c, later, "2026-02")).toBe("10.00"); // 20 × 14/28
  });
});
