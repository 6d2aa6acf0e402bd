import { runsToLines } from "../../../src/core/billing/charge-line";
import type { DeltaRun } from "../../../src/core/billing/month-delta";
import { Decimal } from "../../../src/core/money/decimal";
import { contract } from "../../support/billing-factories";

const state = { articleNo: "A", description: "d", quantity: "1", unitPrice: "1", discountPct: "0", vatPct: "19" };
const run = (month: string, from: string, to: string, amount: string, over: Partial<DeltaRun> = {}): DeltaRun => ({
  month, from, to, days: Number(to.slice(8)) - Number(from.slice(8)) + 1, daysInMonth: 31, state, amount: new Decimal(amount), ...over,
});

describe("runsToLines", () => {
  it("joins consecutive runs of one period and state, rounds once, spreads the cents over the months", () => {
    const runs = [run("2026-03", "2026-03-01", "2026-03-31", "0.004"), run("2026-01", "2026-01-01", "2026-01-31", "0.004"), run("2026-02", "2026-02-01", "2026-02-28", "0.004", { daysInMonth: 28 })];
    const [line, ...rest] = runsToLines("recurring", contract({ interval: "quarterly" }), 1, runs.map((r) => ({ run: r })));
    expect(rest).toEqual([]);
    expect([line!.serviceFrom, line!.serviceTo, line!.periodFactor.toFixed(), line!.exact.toFixed(), line!.net.toFixed(2)]).toEqual(["2026-01-01", "2026-03-31", "3", "0.012", "0.01"]);
    // Cumulative rounding: round(0.004) − 0, round(0.008) − 0, round(0.012) − 0.01
    expect(line!.parts.map((p) => p.rounded.toFixed(2))).toEqual(["0.00", "0.01", "0.00"]);
  });

  it("keeps periods, states, corrected invoices and gaps apart", () => {
    const c = contract();
    const lines = runsToLines("difference", c, 1, [
      { run: run("2026-01", "2026-01-01", "2026-01-31", "1"), correctsRef: "RE-1" },
      { run: run("2026-02", "2026-02-01", "2026-02-28", "1"), correctsRef: "RE-2" },
      { run: run("2026-03", "2026-03-01", "2026-03-10", "1"), correctsRef: "RE-3" },
    ]);
    expect(lines.map((l) => `${l.serviceFrom}..${l.serviceTo} ${l.correctsRef}`)).toEqual(["2026-01-01..2026-01-31 RE-1", "2026-02-01..2026-02-28 RE-2", "2026-03-01..2026-03-10 RE-3"]);
    const q = contract({ interval: "quarterly" });
    const gap = runsToLines("recurring", q, 1, [{ run: run("2026-01", "2026-01-01", "2026-01-10", "1") }, { run: run("2026-01", "2026-01-12", "2026-01-31", "1") }]);
    expect(gap).toHaveLength(2);
  });

  it("rounds credits half away from zero", () => {
    const [line] = runsToLines("difference", contract(), 1, [{ run: run("2026-01", "2026-01-01", "2026-01-31", "-0.125") }]);
    expect(line!.net.toFixed(2)).toBe("-0.13");
    expect(line!.parts[0]!.rounded.toFixed(2)).toBe("-0.13");
  });
});
