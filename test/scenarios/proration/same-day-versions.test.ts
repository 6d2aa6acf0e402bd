/**
 * Scenario: several versions with the same valid-from day; the later entry (higher seq) wins,
 * whatever order they are listed in (PRODUCT.md §5.1, PositionVersion.seq).
 */
import { contract, version } from "../../core/contract/builders";
import { monthCents } from "../../core/proration/helpers";

const c = contract({ start: "2026-01-01" });

describe("same-day versions", () => {
  const first = version({ validFrom: "2026-03-01", quantity: 10, unitPrice: "5.00", seq: 1 });
  const second = version({ validFrom: "2026-03-01", quantity: 12, unitPrice: "5.00", seq: 2 });

  it("the later entry wins: 12 × 5.00 = 60.00 (not 50.00)", () => {
    expect(monthCents(c, [first, second], "2026-03")).toBe("60.00");
    expect(monthCents(c, [second, first], "2026-03")).toBe("60.00");
  });

  it("a correction on the same day replaces a typo: 10 × 50.00 corrected to 10 × 5.00 → 50.00", () => {
    const typo = version({ validFrom: "2026-04-01", quantity: 10, unitPrice: "50.00", seq: 5 });
    const fixed = version({ validFrom: "2026-04-01", quantity: 10, unitPrice: "5.00", seq: 6 });
    expect(monthCents(c, [fixed, typo], "2026-04")).toBe("50.00");
  });

  it("mid-month, 20 seats then quantity 0 on 03-16: the end wins → 60 × 15/31 = 29.032258… → 29.03", () => {
    const more = version({ validFrom: "2026-03-16", quantity: 20, unitPrice: "5.00", seq: 3 });
    const ended = version({ validFrom: "2026-03-16", quantity: 0, unitPrice: "5.00", seq: 4 });
    expect(monthCents(c, [ended, more, second, first], "2026-03")).toBe("29.03");
  });

  it("mid-month, quantity 0 then 20 seats on 03-16: the 20 win → (60 × 15 + 100 × 16)/31 = 2500/31 = 80.645161… → 80.65", () => {
    const ended = version({ validFrom: "2026-03-16", quantity: 0, unitPrice: "5.00", seq: 3 });
    const more = version({ validFrom: "2026-03-16", quantity: 20, unitPrice: "5.00", seq: 4 });
    expect(monthCents(c, [more, first, ended, second], "2026-03")).toBe("80.65");
  });

  it("seq decides, not the id or the list position", () => {
    const a = version({ validFrom: "2026-05-01", quantity: 1, unitPrice: "31.00", seq: 20, id: "zzz" });
    const b = version({ validFrom: "2026-05-01", quantity: 2, unitPrice: "31.00", seq: 21, id: "aaa" });
    expect(monthCents(c, [b, a], "2026-05")).toBe("62.00");
    expect(monthCents(c, [a, b], "2026-05")).toBe("62.00");
  });
});
