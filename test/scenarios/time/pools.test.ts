import { contingentBalance } from "../../../src/core/time/balance";
import { bill, contract, entry, lines, record, rules, span } from "./time-fixtures";

const MS = contract("V-100", "managed_service");
const CT = contract("V-200", "contingent", "10002");

/** PRODUCT.md §5.4: included hours (consumed first, no carry-over), contingents (balance carried, overage billed). */
describe("included hours and contingents", () => {
  it("included hours run out mid-month: the rest of the month is charged; the next month starts afresh", () => {
    const r = rules("BE", { "V-100": { includedHoursPerMonth: "2" } });
    const march = [
      entry({ date: "2026-03-03", ...span("09:00", "10:00") }), // 4 units: included
      entry({ date: "2026-03-10", ...span("10:00", "11:15") }), // 5 units: 4 included, 1 charged
      entry({ date: "2026-03-20", ticketNo: "4712", ...span("14:00", "14:20") }), // 2 units: charged
    ];
    const run1 = bill({ month: "2026-03", entries: march, rules: r, contracts: [MS] });
    expect(lines(run1)).toEqual([
      "time V-100 SUP-R 0.25 × 87.4 = 21.85 [2026-03-10..2026-03-10] Remote-Support, Ticket 4711",
      "time V-100 SUP-R 0.5 × 87.4 = 43.70 [2026-03-20..2026-03-20] Remote-Support, Ticket 4712",
    ]);
    expect(run1.allocations.map((a) => [a.included, a.contingent, a.charged, a.lineKeys.length])).toEqual([[4, 0, 0, 0], [4, 0, 1, 1], [0, 0, 2, 1]]);

    // April: a late March entry finds March used up; April's own hour is included again (no carry-over)
    const stored = [...record(march, run1, "run-1"), entry({ date: "2026-03-31", ticketNo: "4713", ...span("09:00", "09:30") }), entry({ date: "2026-04-07", ...span("09:00", "10:00") })];
    const run2 = bill({ month: "2026-04", entries: stored, rules: r, contracts: [MS], activeRuns: new Set(["run-1"]) });
    expect(lines(run2)).toEqual(["time V-100 SUP-R 0.5 × 87.4 = 43.70 [2026-03-31..2026-03-31] Remote-Support, Ticket 4713"]);
    expect(run2.allocations.map((a) => [a.included, a.charged])).toEqual([[0, 2], [4, 0]]);

    // undoing run 1 makes its entries open again: the same lines come back
    const again = bill({ month: "2026-03", entries: record(march, run1, "run-1"), rules: r, contracts: [MS], activeRuns: new Set() });
    expect(lines(again)).toEqual(lines(run1));
  });

  it("a contingent runs into overage; the balance report shows start, used, remaining, overrun; later credits carry", () => {
    const r = rules("BE", { "V-200": { contingent: { credits: [{ date: "2026-01-01", hours: "10" }, { date: "2026-03-01", hours: "5" }] } } });
    const jan = [
      entry({ customerNo: "10002", date: "2026-01-12", ...span("08:00", "12:00") }),
      entry({ customerNo: "10002", date: "2026-01-13", ...span("08:00", "12:00") }),
    ];
    const run1 = bill({ month: "2026-01", entries: jan, rules: r, contracts: [CT] });
    expect(run1.lines).toEqual([]);
    let stored = record(jan, run1, "run-1");
    const feb = [entry({ customerNo: "10002", date: "2026-02-02", ticketNo: "5000", ...span("13:00", "16:00") })];
    const run2 = bill({ month: "2026-02", entries: [...stored, ...feb], rules: r, contracts: [CT], activeRuns: new Set(["run-1"]) });
    // 12 units: 8 left in the contingent, 4 charged = 1 h × 87.40
    expect(lines(run2)).toEqual(["time V-200 SUP-R 1 × 87.4 = 87.40 [2026-02-02..2026-02-02] Remote-Support, Ticket 5000"]);
    stored = record([...stored, ...feb], run2, "run-2");
    const mar = [entry({ customerNo: "10002", date: "2026-03-05", ticketNo: "5001", ...span("09:00", "10:00") })];
    const run3 = bill({ month: "2026-03", entries: [...stored, ...mar], rules: r, contracts: [CT], activeRuns: new Set(["run-1", "run-2"]) });
    expect(run3.lines).toEqual([]);
    stored = record([...stored, ...mar], run3, "run-3");

    const active = new Set(["run-1", "run-2", "run-3"]);
    const report = (month: string) => {
      const b = contingentBalance(CT, r, stored, active, month);
      return [b.start, b.credited, b.used, b.remaining, b.overrun].map((d) => d.toFixed(2)).join(" / ");
    };
    expect(report("2026-01")).toBe("0.00 / 10.00 / 8.00 / 2.00 / 0.00");
    expect(report("2026-02")).toBe("2.00 / 0.00 / 2.00 / 0.00 / 1.00");
    expect(report("2026-03")).toBe("0.00 / 5.00 / 1.00 / 4.00 / 0.00");
    expect(report("2026-04")).toBe("4.00 / 0.00 / 0.00 / 4.00 / 0.00");
  });

  it("monthly contingent credits accrue from the contract start; surcharged units can be kept out of the pools", () => {
    const r = rules("BE", { "V-200": { contingent: { monthlyHours: "1" }, poolsCoverSurcharged: false } });
    const e = [
      entry({ customerNo: "10002", date: "2026-03-07", ...span("10:00", "11:00") }), // Saturday: charged with +50 %
      entry({ customerNo: "10002", date: "2026-03-09", ...span("10:00", "13:00") }), // 12 units; Jan–Mar credited 3 h = 12 units
    ];
    const out = bill({ month: "2026-03", entries: e, rules: r, contracts: [CT] });
    expect(lines(out)).toEqual(["time V-200 SUP-R 1 × 131.1 = 131.10 [2026-03-07..2026-03-07] Remote-Support, Ticket 4711, Zuschlag Samstag +50 %"]);
    expect(out.allocations.map((a) => [a.contingent, a.charged])).toEqual([[0, 4], [12, 0]]);
  });

  it("travel is charged once per contract and day, also across runs", () => {
    const r = rules("BE", { "V-100": { includedHoursPerMonth: "10" } });
    const e = [
      entry({ date: "2026-03-03", activity: "onsite", ...span("09:00", "10:00") }),
      entry({ date: "2026-03-03", activity: "onsite", ticketNo: "4712", technician: "ab", ...span("13:00", "14:00") }),
      entry({ date: "2026-03-04", activity: "onsite", ...span("09:00", "09:30") }),
    ];
    const run1 = bill({ month: "2026-03", entries: e, rules: r, contracts: [MS] });
    expect(lines(run1)).toEqual(["flat_fee V-100 TRAVEL 2 × 45 = 90.00 [2026-03-03..2026-03-04] Anfahrtspauschale"]);
    const late = entry({ date: "2026-03-04", activity: "onsite", ticketNo: "4714", ...span("15:00", "15:30") });
    const run2 = bill({ month: "2026-03", entries: [...record(e, run1, "run-1"), late], rules: r, contracts: [MS], activeRuns: new Set(["run-1"]) });
    expect(run2.lines).toEqual([]);
  });
});
