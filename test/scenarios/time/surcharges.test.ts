import { ARTICLES, bill, entry, lines, rules, span } from "./time-fixtures";

/** PRODUCT.md §5.4: surcharges by time window and weekday, holidays per Bundesland, exact cents. */
describe("time surcharges", () => {
  it("a late-evening entry on Fronleichnam: holiday +100 % in Bavaria, only the evening +25 % in Berlin", () => {
    const e = [entry({ date: "2026-06-04", ...span("21:00", "23:30") })];
    // BY: 10 units, 2.5 h × 87.40 × 2 = 437.00
    expect(lines(bill({ month: "2026-06", entries: e, rules: rules("BY") }))).toEqual([
      "time - SUP-R 2.5 × 174.8 = 437.00 [2026-06-04..2026-06-04] Remote-Support, Ticket 4711, Zuschlag Sonn-/Feiertag +100 %",
    ]);
    // BE: 21–22 h evening (1 h × 109.25), 22–23:30 h normal (1.5 h × 87.40 = 131.10)
    expect(lines(bill({ month: "2026-06", entries: e, rules: rules("BE") }))).toEqual([
      "time - SUP-R 1.5 × 87.4 = 131.10 [2026-06-04..2026-06-04] Remote-Support, Ticket 4711",
      "time - SUP-R 1 × 109.25 = 109.25 [2026-06-04..2026-06-04] Remote-Support, Ticket 4711, Zuschlag Abend +25 %",
    ]);
  });

  it("an entry crossing midnight is split: Friday 23:10 – Saturday 00:40, rounded once per entry", () => {
    const r = bill({ month: "2026-03", entries: [entry({ date: "2026-03-13", ...span("23:10", "00:40") })], rules: rules("BE") });
    // 90 min → 6 units: Friday 50 min (3 units + rest 5), Saturday 40 min (2 units + rest 10 → the extra unit)
    expect(lines(r)).toEqual([
      "time - SUP-R 0.75 × 87.4 = 65.55 [2026-03-13..2026-03-13] Remote-Support, Ticket 4711",
      "time - SUP-R 0.75 × 131.1 = 98.33 [2026-03-14..2026-03-14] Remote-Support, Ticket 4711, Zuschlag Samstag +50 %",
    ]);
    expect(r.allocations.map((a) => [a.units, a.charged])).toEqual([[6, 6]]);
  });

  it("company extra days (24 December) count as holidays; Sunday wins over the evening window", () => {
    const e = [entry({ date: "2026-12-24", ...span("10:00", "10:20") }), entry({ date: "2026-03-15", ticketNo: "9", ...span("19:00", "19:15") })];
    expect(lines(bill({ month: "2026-12", entries: e, rules: rules("BY") }))).toEqual([
      "time - SUP-R 0.25 × 174.8 = 43.70 [2026-03-15..2026-03-15] Remote-Support, Ticket 9, Zuschlag Sonn-/Feiertag +100 %",
      "time - SUP-R 0.5 × 174.8 = 87.40 [2026-12-24..2026-12-24] Remote-Support, Ticket 4711, Zuschlag Sonn-/Feiertag +100 %",
    ]);
  });

  it("rounding per ticket and day (option) rounds the day's minutes of a ticket once", () => {
    const e = [entry({ date: "2026-03-03", ...span("09:00", "09:05") }), entry({ date: "2026-03-03", ...span("11:00", "11:05") }), entry({ date: "2026-03-04", ...span("11:00", "11:05") })];
    const perEntry = bill({ month: "2026-03", entries: e, rules: rules("BE") });
    expect(lines(perEntry)).toEqual(["time - SUP-R 0.75 × 87.4 = 65.55 [2026-03-03..2026-03-04] Remote-Support, Ticket 4711"]);
    const perDay = bill({ month: "2026-03", entries: e, rules: { ...rules("BE"), defaults: { ...rules("BE").defaults, rounding: "ticket_day" } } });
    expect(lines(perDay)).toEqual(["time - SUP-R 0.5 × 87.4 = 43.70 [2026-03-03..2026-03-04] Remote-Support, Ticket 4711"]);
    expect(perDay.allocations.map((a) => a.units)).toEqual([0, 1, 1]); // the day's unit goes to the later entry
  });

  it("a 10-minute unit size keeps exact amounts (1/6 h) and rounds only the line", () => {
    const r = bill({ month: "2026-03", entries: [entry({ date: "2026-03-03", ...span("09:00", "09:25") })], rules: { ...rules("BE"), defaults: { ...rules("BE").defaults, unitMinutes: 10 } } });
    // 3 units × 10 min = 0.5 h × 87.40
    expect(lines(r)[0]).toContain("0.5 × 87.4 = 43.70");
    const odd = bill({ month: "2026-03", entries: [entry({ date: "2026-03-03", ...span("09:00", "09:05") })], rules: { ...rules("BE"), defaults: { ...rules("BE").defaults, unitMinutes: 10 } } });
    // 1 unit = 1/6 h × 87.40 = 14.5666… → 14.57; the quantity shows six decimals
    expect(lines(odd)[0]).toContain("0.166667 × 87.4 = 14.57");
    expect(ARTICLES.size).toBe(3);
  });

  it("non-billable entries, entries after the run month and unknown activities are not billed", () => {
    const e = [
      entry({ date: "2026-03-03", billable: false, ...span("09:00", "10:00") }),
      entry({ date: "2026-04-01", ...span("09:00", "10:00") }),
      entry({ date: "2026-03-05", activity: "training", ...span("09:00", "10:00") }),
    ];
    expect(lines(bill({ month: "2026-03", entries: [entry({ date: "2026-03-05", activity: "Remote", ...span("09:00", "09:15") })], rules: rules("BE") }))).toEqual([
      "time - SUP-R 0.25 × 87.4 = 21.85 [2026-03-05..2026-03-05] Remote-Support, Ticket 4711",
    ]);
    const r = bill({ month: "2026-03", entries: e, rules: rules("BE") });
    expect(r.lines).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.severity, i.where?.row])).toEqual([["time.unknown_activity", "warning", e[2]!.source.row]]);
  });
});
