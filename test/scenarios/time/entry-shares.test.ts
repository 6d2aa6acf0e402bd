import fc from "fast-check";
import { Decimal } from "../../../src/core/money/decimal";
import type { TimeChargeResult } from "../../../src/core/time/bill-time";
import type { TimeEntry } from "../../../src/core/time/model";
import { bill, contract, entry, rules, span } from "./time-fixtures";

/** Per line key: the sum of the entries' shares and of their units. */
function sharesByLine(r: TimeChargeResult): Map<string, { net: Decimal; units: number; entries: string[] }> {
  const out = new Map<string, { net: Decimal; units: number; entries: string[] }>();
  for (const a of r.allocations)
    for (const s of a.shares) {
      const x = out.get(s.lineKey) ?? { net: new Decimal(0), units: 0, entries: [] };
      out.set(s.lineKey, { net: x.net.plus(s.net), units: x.units + s.units, entries: [...x.entries, a.entryId] });
    }
  return out;
}

/** Each entry's amount for the review sheet: an invoice line's net split over the entries that feed it. */
describe("per-entry amounts of the time lines", () => {
  it("three 10-minute units on one ticket: 43.70 split 14.57 / 14.57 / 14.56 (the leftover cents to the earlier entries)", () => {
    const ten = { ...rules("BE"), defaults: { ...rules("BE").defaults, unitMinutes: 10 } };
    const r = bill({
      month: "2026-03",
      entries: [entry({ id: "a", date: "2026-03-03", ...span("09:00", "09:05") }), entry({ id: "b", date: "2026-03-04", ...span("09:00", "09:05") }), entry({ id: "c", date: "2026-03-05", ...span("09:00", "09:05") })],
      rules: ten,
    });
    expect(r.lines.map((l) => l.net.toFixed(2))).toEqual(["43.70"]);
    expect(r.allocations.map((a) => [a.entryId, a.shares.map((s) => s.net.toFixed(2))])).toEqual([["a", ["14.57"]], ["b", ["14.57"]], ["c", ["14.56"]]]);
  });

  it("included hours running out and a surcharge: covered units carry no amount, the evening units their surcharged share", () => {
    const r = bill({
      month: "2026-03",
      entries: [
        entry({ id: "a", date: "2026-03-02", ...span("09:00", "09:45") }), // 3 units, all included
        entry({ id: "b", date: "2026-03-03", ...span("17:30", "18:30") }), // 4 units: 1 included, 1 normal charged, 2 evening charged
        entry({ id: "c", date: "2026-03-04", ...span("19:00", "19:10") }), // 1 evening unit
        entry({ id: "d", date: "2026-03-05", activity: "onsite", ...span("10:00", "10:20") }), // on site: 2 units and the travel fee
      ],
      rules: rules("BE", { "V-100": { includedHoursPerMonth: "1" } }),
      contracts: [contract("V-100", "managed_service")],
    });
    const net = r.lines.map((l) => `${l.articleNo} ${l.quantity.toFixed()} × ${l.unitPrice.toFixed()} = ${l.net.toFixed(2)}`);
    expect(net).toEqual(["SUP-R 0.25 × 87.4 = 21.85", "SUP-R 0.75 × 109.25 = 81.94", "SUP-O 0.5 × 104 = 52.00", "TRAVEL 1 × 45 = 45.00"]);
    const view = r.allocations.map((a) => ({
      id: a.entryId,
      units: [a.units, a.included, a.charged],
      surcharges: a.surcharges.map((s) => `${s.label || "-"} +${s.pct.toFixed()} ${s.units}/${s.charged}`),
      shares: a.shares.map((s) => `${s.articleNo} ${s.label || "-"} ${s.units}:${s.net.toFixed(2)}`),
    }));
    expect(view).toEqual([
      { id: "a", units: [3, 3, 0], surcharges: ["- +0 3/0"], shares: [] },
      { id: "b", units: [4, 1, 3], surcharges: ["- +0 2/1", "Abend +25 2/2"], shares: ["SUP-R - 1:21.85", "SUP-R Abend 2:54.63"] },
      { id: "c", units: [1, 0, 1], surcharges: ["Abend +25 1/1"], shares: ["SUP-R Abend 1:27.31"] },
      { id: "d", units: [2, 0, 2], surcharges: ["- +0 2/2"], shares: ["SUP-O - 2:52.00", "TRAVEL Anfahrt 1:45.00"] },
    ]);
    // 81.94 = 54.63 + 27.31 (2 of 3 units: 5462.67 cents → 54.63 by the larger remainder)
    for (const [key, s] of sharesByLine(r)) expect(s.net.toFixed(2)).toBe(r.lines.find((l) => l.key === key)!.net.toFixed(2));
  });

  it("for any entries, the shares of every line add up to its net and its units; every charged unit is in a share", () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, "0")}`);
    const clock = fc.integer({ min: 0, max: 95 }).map((q) => `${String(Math.floor(q / 4)).padStart(2, "0")}:${String((q % 4) * 15 + 5).padStart(2, "0")}`);
    const anEntry = fc.record({ date: day, start: clock, length: fc.integer({ min: 5, max: 300 }), ticket: fc.constantFrom("1", "2", "3"), activity: fc.constantFrom("remote", "onsite"), customer: fc.constantFrom("10001", "10002") });
    fc.assert(
      fc.property(fc.array(anEntry, { minLength: 1, maxLength: 25 }), fc.constantFrom(10, 15), fc.constantFrom("entry", "ticket_day"), (drafts, unitMinutes, rounding) => {
        const entries: TimeEntry[] = drafts.map((d, i) => {
          const m = Number(d.start.slice(0, 2)) * 60 + Number(d.start.slice(3));
          const endM = (m + d.length) % 1440;
          const end = `${String(Math.floor(endM / 60)).padStart(2, "0")}:${String(endM % 60).padStart(2, "0")}`;
          return entry({ id: `x${String(i).padStart(3, "0")}`, date: d.date, ticketNo: d.ticket, activity: d.activity, customerNo: d.customer, ...span(d.start, end) });
        });
        const base = rules("BE", { "V-100": { includedHoursPerMonth: "2" }, "V-200": { contingent: { credits: [{ date: "2026-03-01", hours: "3" }] } } });
        const r = bill({ month: "2026-03", entries, rules: { ...base, defaults: { ...base.defaults, unitMinutes, rounding: rounding as "entry" | "ticket_day" } }, contracts: [contract("V-100", "managed_service"), contract("V-200", "contingent", "10002")] });
        const byLine = sharesByLine(r);
        for (const l of r.lines) {
          const s = byLine.get(l.key);
          expect(s?.net.toFixed(2)).toBe(l.net.toFixed(2));
          if (l.lineType === "time") expect(new Decimal(s!.units * unitMinutes).dividedBy(60).toFixed(6)).toBe(l.quantity.toFixed(6));
          else expect(s!.units).toBe(l.quantity.toNumber());
          expect([...new Set(s!.entries)].sort()).toEqual(l.trace);
        }
        expect([...byLine.keys()].every((k) => r.lines.some((l) => l.key === k))).toBe(true);
        for (const a of r.allocations) {
          expect(a.included + a.contingent + a.charged).toBe(a.units);
          expect(a.surcharges.reduce((n, s) => n + s.charged, 0)).toBe(a.charged);
          expect(a.shares.filter((s) => s.lineType === "time").reduce((n, s) => n + s.units, 0)).toBe(a.charged);
        }
      }),
      { numRuns: 150, seed: 20260301 },
    );
  });
});
