/**
 * Scenario: the quantity or price changes inside a month; each version is billed for its own days
 * (PRODUCT.md §5.1, §5.2).
 */
import { periodContaining } from "../../../src/core/date/billing-period";
import { contract, day, version } from "../../core/contract/builders";
import { monthCents, periodCents } from "../../core/proration/helpers";

const c = contract({ start: "2026-01-01" });

describe("10 seats → 15 seats from 2026-03-20 at 7.90 €", () => {
  const vs = [
    version({ validFrom: "2026-01-01", quantity: 10, unitPrice: "7.90" }),
    version({ validFrom: "2026-03-20", quantity: 15, unitPrice: "7.90" }),
  ];

  it("March: 10 × 7.9 × 19/31 + 15 × 7.9 × 12/31 = (1501 + 1422)/31 = 94.290322… → 94.29", () => {
    expect(monthCents(c, vs, "2026-03")).toBe("94.29");
  });

  it("February before the change: 79.00; April after it: 118.50", () => {
    expect(monthCents(c, vs, "2026-02")).toBe("79.00");
    expect(monthCents(c, vs, "2026-04")).toBe("118.50");
  });

  it("the order in which the versions are listed does not matter", () => {
    expect(monthCents(c, [...vs].reverse(), "2026-03")).toBe("94.29");
  });

  it("billed quarterly: 79 + 79 + 94.290322… = 252.290322… → 252.29", () => {
    expect(periodCents(c, vs, periodContaining(day("2026-03-20"), "quarterly"))).toBe("252.29");
  });
});

describe("other changes", () => {
  it("price 7.90 → 8.50 from 2026-03-20: (79 × 19 + 85 × 12)/31 = 2521/31 = 81.322580… → 81.32", () => {
    const vs = [
      version({ validFrom: "2026-01-01", quantity: 10, unitPrice: "7.90" }),
      version({ validFrom: "2026-03-20", quantity: 10, unitPrice: "8.50" }),
    ];
    expect(monthCents(c, vs, "2026-03")).toBe("81.32");
  });

  it("15 → 10 seats from 2026-03-20: (118.5 × 19 + 79 × 12)/31 = 3199.5/31 = 103.209677… → 103.21", () => {
    const vs = [
      version({ validFrom: "2026-01-01", quantity: 15, unitPrice: "7.90" }),
      version({ validFrom: "2026-03-20", quantity: 10, unitPrice: "7.90" }),
    ];
    expect(monthCents(c, vs, "2026-03")).toBe("103.21");
  });

  it("a change on the first of a month splits nothing: March 79.00, April 118.50", () => {
    const vs = [
      version({ validFrom: "2026-01-01", quantity: 10, unitPrice: "7.90" }),
      version({ validFrom: "2026-04-01", quantity: 15, unitPrice: "7.90" }),
    ];
    expect(monthCents(c, vs, "2026-03")).toBe("79.00");
    expect(monthCents(c, vs, "2026-04")).toBe("118.50");
  });

  it("three versions in one month: 10 (1–9), 12 (10–19), 11 (20–30) × 3.00 € in April = (270 + 360 + 363)/30 = 33.10", () => {
    const vs = [
      version({ validFrom: "2026-01-01", quantity: 10, unitPrice: "3.00" }),
      version({ validFrom: "2026-04-10", quantity: 12, unitPrice: "3.00" }),
      version({ validFrom: "2026-04-20", quantity: 11, unitPrice: "3.00" }),
    ];
    expect(monthCents(c, vs, "2026-04")).toBe("33.10");
  });

  it("a change on the last day: 10 → 15 from 2026-01-31 = (79 × 30 + 118.5)/31 = 2488.5/31 = 80.274193… → 80.27", () => {
    const vs = [
      version({ validFrom: "2026-01-01", quantity: 10, unitPrice: "7.90" }),
      version({ validFrom: "2026-01-31", quantity: 15, unitPrice: "7.90" }),
    ];
    expect(monthCents(c, vs, "2026-01")).toBe("80.27");
  });
});
