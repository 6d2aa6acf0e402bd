/**
 * `rounding: "ticket_day"`: a late entry of a ticket-day an earlier run billed is charged only the
 * units the whole day needs beyond those already billed (src/core/time/late-ticket-day.ts).
 */
import fc from "fast-check";
import type { Contract } from "../../../src/core/contract/model";
import type { TimeChargeResult } from "../../../src/core/time/bill-time";
import type { TimeEntry } from "../../../src/core/time/model";
import type { Rules } from "../../../src/core/time/rules";
import { rateLateTicketDay } from "../../../src/core/time/late-ticket-day";
import { Decimal } from "../../../src/core/money/decimal";
import { bill, contract, entry, lines, record, rules, span } from "../../scenarios/time/time-fixtures";

const perDay = (over: Rules["defaults"] = {}, contracts: Rules["contracts"] = {}): Rules => {
  const r = rules("BE", contracts);
  return { ...r, defaults: { ...r.defaults, rounding: "ticket_day", ...over } };
};

/** A store of entries billed run after run, as the app records them. */
class Store {
  entries: TimeEntry[] = [];
  active = new Set<string>();
  private n = 0;
  constructor(
    private readonly rules: Rules,
    private readonly contracts: Contract[] = [],
  ) {}
  add(...e: TimeEntry[]): this {
    this.entries.push(...e);
    return this;
  }
  /** Bills the month and records the allocations (the run stays active). */
  run(month: string): TimeChargeResult {
    const runId = `run-${++this.n}`;
    const r = bill({ month, entries: this.entries, rules: this.rules, contracts: this.contracts, activeRuns: this.active });
    this.entries = record(this.entries, r, runId);
    this.active.add(runId);
    return r;
  }
}

const units = (r: TimeChargeResult) => r.allocations.map((a) => [a.units, a.included, a.contingent, a.charged]);

describe("late entries of a billed ticket-day (rounding per ticket and day)", () => {
  it("20 min billed as 2 units in June, 5 late minutes in July: the day's 25 min are 2 units, July charges nothing but marks the entry billed", () => {
    const s = new Store(perDay()).add(entry({ date: "2026-06-02", ...span("09:00", "09:20") }));
    const june = s.run("2026-06");
    expect(lines(june)).toEqual(["time - SUP-R 0.5 × 87.4 = 43.70 [2026-06-02..2026-06-02] Remote-Support, Ticket 4711"]);
    s.add(entry({ date: "2026-06-02", ...span("14:00", "14:05") }));
    const july = s.run("2026-07");
    expect(july.lines).toEqual([]);
    expect(units(july)).toEqual([[0, 0, 0, 0]]);
    expect(july.allocations[0]!.ticketDay).toEqual({ billedUnits: 2, dayUnits: 2 });
    // marked billed: the next run has nothing open
    expect(s.run("2026-08").allocations).toEqual([]);
  });

  it("a late entry that takes the day over a unit boundary is charged the missing unit only", () => {
    const s = new Store(perDay()).add(entry({ date: "2026-06-02", ...span("09:00", "09:20") }));
    s.run("2026-06");
    s.add(entry({ date: "2026-06-02", ...span("14:00", "14:15") }));
    const july = s.run("2026-07");
    // 35 min = 3 units, 2 billed: 1 unit (not the late entry's own 1 unit plus a rounded-up second one)
    expect(lines(july)).toEqual(["time - SUP-R 0.25 × 87.4 = 21.85 [2026-06-02..2026-06-02] Remote-Support, Ticket 4711"]);
    expect(july.allocations[0]!.ticketDay).toEqual({ billedUnits: 2, dayUnits: 3 });
  });

  it("per entry (the default) a late entry is still rounded on its own", () => {
    const r = rules("BE");
    const s = new Store(r).add(entry({ date: "2026-06-02", ...span("09:00", "09:20") }));
    s.run("2026-06");
    s.add(entry({ date: "2026-06-02", ...span("14:00", "14:05") }));
    const july = s.run("2026-07");
    expect(lines(july)).toEqual(["time - SUP-R 0.25 × 87.4 = 21.85 [2026-06-02..2026-06-02] Remote-Support, Ticket 4711"]);
    expect(july.allocations[0]!.ticketDay).toBeUndefined();
  });

  it("another ticket, another day or another activity is another rounding group", () => {
    const s = new Store(perDay()).add(entry({ date: "2026-06-02", ...span("09:00", "09:20") }));
    s.run("2026-06");
    s.add(
      entry({ date: "2026-06-02", ticketNo: "4712", ...span("14:00", "14:05") }),
      entry({ date: "2026-06-03", ...span("14:00", "14:05") }),
      entry({ date: "2026-06-02", activity: "onsite", ...span("15:00", "15:05") }),
    );
    const july = s.run("2026-07");
    expect(units(july)).toEqual([[1, 0, 0, 1], [1, 0, 0, 1], [1, 0, 0, 1]]);
    expect(july.allocations.map((a) => a.ticketDay)).toEqual([undefined, undefined, undefined]);
  });

  it("the extra units fall into the surcharge the whole day gives them: 17:30–17:50 billed, 18:00–18:20 late is one evening unit", () => {
    const s = new Store(perDay()).add(entry({ date: "2026-06-02", ...span("17:30", "17:50") }));
    s.run("2026-06");
    s.add(entry({ date: "2026-06-02", ...span("18:00", "18:20") }));
    const july = s.run("2026-07");
    // the whole day: 20 normal + 20 evening minutes = 3 units, 1 normal and 2 evening (the rounded-up rest to the later segment); billed 2 normal
    expect(lines(july)).toEqual(["time - SUP-R 0.25 × 109.25 = 27.31 [2026-06-02..2026-06-02] Remote-Support, Ticket 4711, Zuschlag Abend +25 %"]);
    expect(july.allocations[0]!.surcharges.map((x) => [x.label, x.pct.toFixed(), x.units, x.charged])).toEqual([["Abend", "25", 1, 1]]);
    expect(s.entries[1]!.billing!.surcharges).toEqual([{ label: "Abend", pct: "25", units: 1, charged: 1 }]);
  });

  it("a surcharge already holding more units than the whole day gives it still counts against the day's total", () => {
    const s = new Store(perDay()).add(entry({ date: "2026-06-02", ...span("17:30", "17:50") }));
    s.run("2026-06");
    s.add(entry({ date: "2026-06-02", ...span("18:00", "18:10") }));
    const july = s.run("2026-07");
    // 20 + 10 min = 2 units (1 normal, 1 evening); 2 normal units are billed: nothing more
    expect(july.lines).toEqual([]);
    expect(july.allocations[0]!.ticketDay).toEqual({ billedUnits: 2, dayUnits: 2 });
  });

  it("with a unit already in a surcharge the whole day no longer gives one, the missing units go to the lowest surcharge first", () => {
    // Friday: 1 min at 10:00 and 1 min at 18:00 billed together = 1 unit, the evening one (the later segment)
    const s = new Store(perDay()).add(entry({ date: "2026-06-05", ...span("10:00", "10:01") }), entry({ date: "2026-06-05", ...span("18:00", "18:01") }));
    expect(s.run("2026-06").allocations.map((a) => a.surcharges.map((x) => x.label))).toEqual([[], ["Abend"]]);
    // late: 22:30–22:43 and 23:47–00:13 (13 normal minutes, 13 on Saturday): the day is 41 min = 3 units, 2 normal + 1 Saturday,
    // none in the evening; 1 evening unit is billed, so 2 more: both normal (not the Saturday one at +50 %)
    s.add(entry({ date: "2026-06-05", ...span("22:30", "22:43") }), entry({ date: "2026-06-05", ...span("23:47", "00:13") }));
    const july = s.run("2026-07");
    expect(july.allocations[0]!.ticketDay).toEqual({ billedUnits: 1, dayUnits: 3 });
    expect(lines(july)).toEqual(["time - SUP-R 0.5 × 87.4 = 43.70 [2026-06-05..2026-06-05] Remote-Support, Ticket 4711"]);
  });

  it("a unit the day needs in a surcharge no late entry worked in goes to the last late entry at that surcharge's rate", () => {
    // billed together: 7 + 7 min = 1 unit (to the later entry); a late 2-minute evening entry makes the day 16 min = 2 normal units
    const s = new Store(perDay()).add(entry({ date: "2026-06-02", ...span("09:00", "09:07") }), entry({ date: "2026-06-02", ...span("10:00", "10:07") }));
    const june = s.run("2026-06");
    expect(units(june)).toEqual([[0, 0, 0, 0], [1, 0, 0, 1]]);
    s.add(entry({ date: "2026-06-02", ...span("19:00", "19:02") }));
    const july = s.run("2026-07");
    expect(lines(july)).toEqual(["time - SUP-R 0.25 × 87.4 = 21.85 [2026-06-02..2026-06-02] Remote-Support, Ticket 4711"]);
  });

  it("records without the split per surcharge (older runs) are spread over their own surcharges by minutes", () => {
    const withSplit = new Store(perDay()).add(entry({ id: "a", date: "2026-06-02", ...span("17:40", "18:20") }));
    withSplit.run("2026-06");
    const legacy = new Store(perDay());
    legacy.entries = withSplit.entries.map((e) => {
      const { surcharges: _s, ...billing } = e.billing!;
      return { ...e, billing };
    });
    legacy.active = new Set(withSplit.active);
    for (const s of [withSplit, legacy]) s.add(entry({ id: "b", date: "2026-06-02", ...span("19:00", "19:20") }));
    // 17:40–18:20 = 20 normal + 20 evening min: 3 units, 1 normal + 2 evening either way
    expect(withSplit.entries[0]!.billing!.surcharges).toEqual([{ label: "", pct: "0", units: 1, charged: 1 }, { label: "Abend", pct: "25", units: 2, charged: 2 }]);
    const a = withSplit.run("2026-07");
    const b = legacy.run("2026-07");
    // the day: 20 normal + 40 evening min = 4 units, 1 normal + 3 evening: 1 more evening unit
    expect(lines(a)).toEqual(["time - SUP-R 0.25 × 109.25 = 27.31 [2026-06-02..2026-06-02] Remote-Support, Ticket 4711, Zuschlag Abend +25 %"]);
    expect(lines(b)).toEqual(lines(a));
  });

  it("units billed with another unit size count as the started units of today's size their minutes fill", () => {
    const s = new Store(perDay({ unitMinutes: 10 })).add(entry({ date: "2026-06-02", ...span("09:00", "09:20") }));
    s.run("2026-06"); // 2 units of 10 min
    const later = new Store(perDay({ unitMinutes: 15 }));
    later.entries = s.entries;
    later.active = s.active;
    later.add(entry({ date: "2026-06-02", ...span("14:00", "14:05") }));
    // 25 min = 2 units of 15; the billed 20 min fill 2 started units of 15: nothing more
    expect(later.run("2026-07").lines).toEqual([]);
  });

  it("late units are covered by what is left of the day's month in included hours, then charged", () => {
    const ms = contract("V-100", "managed_service");
    const s = new Store(perDay({}, { "V-100": { includedHoursPerMonth: "0.75" } }), [ms]).add(entry({ date: "2026-06-02", ...span("09:00", "09:20") }));
    expect(units(s.run("2026-06"))).toEqual([[2, 2, 0, 0]]);
    s.add(entry({ date: "2026-06-02", ...span("14:00", "14:15") }), entry({ date: "2026-06-02", ...span("15:00", "15:15") }));
    // the day: 50 min = 4 units, 2 billed; June has 1 included unit left: 1 included, 1 charged
    const july = s.run("2026-07");
    expect(units(july)).toEqual([[1, 1, 0, 0], [1, 0, 0, 1]]);
    expect(lines(july)).toEqual(["time V-100 SUP-R 0.25 × 87.4 = 21.85 [2026-06-02..2026-06-02] Remote-Support, Ticket 4711"]);
  });

  it("the day's travel fee is not charged again for a late on-site entry", () => {
    const s = new Store(perDay()).add(entry({ date: "2026-06-02", activity: "onsite", ...span("09:00", "09:20") }));
    expect(lines(s.run("2026-06"))).toContain("flat_fee - TRAVEL 1 × 45 = 45.00 [2026-06-02..2026-06-02] Anfahrtspauschale");
    s.add(entry({ date: "2026-06-02", activity: "onsite", ...span("14:00", "14:30") }));
    expect(lines(s.run("2026-07"))).toEqual(["time - SUP-O 0.5 × 104 = 52.00 [2026-06-02..2026-06-02] Vor-Ort-Service, Ticket 4711"]);
  });

  it("an undone run's entries are open again and rated with the day as a whole", () => {
    const s = new Store(perDay()).add(entry({ date: "2026-06-02", ...span("09:00", "09:20") }));
    s.run("2026-06");
    s.add(entry({ date: "2026-06-02", ...span("14:00", "14:15") }));
    s.run("2026-07"); // run-2: the missing unit
    s.active.delete("run-1"); // undo (or cancel) June: its entry is open, the late one stays billed with its 1 unit
    const again = s.run("2026-07");
    // the day: 35 min = 3 units, 1 still billed: the June entry brings 2
    expect(units(again)).toEqual([[2, 0, 0, 2]]);
    expect(again.allocations[0]!.ticketDay).toEqual({ billedUnits: 1, dayUnits: 3 });
  });

  it("units the day needs while its open entries have no minutes (start = end) go to such an entry, on the day's date", () => {
    const billed = { ...entry({ date: "2026-06-02", ...span("09:00", "09:10") }), billing: { runId: "r", invoiceRef: "", contractNo: "", unitMinutes: 15, units: 0, included: 0, contingent: 0, charged: 0, lineNos: [], flatFeeKeys: [] } };
    const seg = { entryId: billed.id, date: billed.date, from: 540, to: 550, minutes: 10, pct: new Decimal(0), label: "" };
    const p = { entry: entry({ date: "2026-06-02", start: "12:00", end: "12:00", minutes: 0 }), activity: "remote", article: { no: "SUP-R", description: "", unitPrice: "87.40", vatPct: "19" }, pricePerHour: new Decimal("87.40") };
    const late = rateLateTicketDay([], [p], [{ entry: billed, segments: [seg] }], 15);
    expect([late.billedUnits, late.dayUnits]).toEqual([0, 1]);
    expect(late.chunks.map((c) => [c.p.entry.id, c.seg.date, c.seg.minutes, c.seg.pct.toFixed(), c.units])).toEqual([[p.entry.id, "2026-06-02", 0, "0", 1]]);
  });

  it("known limit: billed entries released and then withdrawn leave the late entry with the units it was billed", () => {
    const s = new Store(perDay()).add(entry({ id: "june", date: "2026-06-02", ...span("09:00", "09:20") }));
    s.run("2026-06");
    s.add(entry({ id: "late", date: "2026-06-02", ...span("14:00", "14:05") }));
    expect(units(s.run("2026-07"))).toEqual([[0, 0, 0, 0]]);
    // the June invoice cancelled (its entry released), the entry then switched off: nothing open, the 5 late minutes stay at 0 units
    s.entries = s.entries.map((e) => (e.id === "june" ? (({ billing: _b, ...rest }) => ({ ...rest, billable: false }))(e) : e));
    expect(s.run("2026-08").allocations).toEqual([]);
  });
});

/** Units per surcharge (`label pct`) of the entries active runs billed, from their stored records. */
function billedBuckets(s: Store): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of s.entries) {
    if (!e.billing || !s.active.has(e.billing.runId)) continue;
    for (const b of e.billing.surcharges!) out.set(`${b.label} ${b.pct}`, (out.get(`${b.label} ${b.pct}`) ?? 0) + b.units);
  }
  return out;
}

/** Units per surcharge of rating the entries at once, all open. */
function wholeDay(entries: readonly TimeEntry[], r: Rules): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of bill({ month: "2026-06", entries: entries.map(({ billing: _b, ...e }) => e), rules: r }).allocations)
    for (const b of a.surcharges) out.set(`${b.label} ${b.pct.toFixed()}`, (out.get(`${b.label} ${b.pct.toFixed()}`) ?? 0) + b.units);
  return out;
}

const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

describe("property: a ticket-day billed over several runs", () => {
  const work = fc.record({
    start: fc.integer({ min: 0, max: 1439 }),
    minutes: fc.integer({ min: 1, max: 150 }),
    clock: fc.boolean(),
    batch: fc.integer({ min: 0, max: 3 }),
  });
  const day = fc.record({
    work: fc.array(work, { minLength: 1, maxLength: 7 }),
    // after the run of each batch: give back one active run's entries (a Stornorechnung or an undo), or not
    release: fc.array(fc.option(fc.record({ pick: fc.nat(), undo: fc.boolean() }), { nil: undefined }), { minLength: 4, maxLength: 4 }),
    unitMinutes: fc.constantFrom(10, 15),
    saturday: fc.boolean(),
  });

  it("charges over all runs the units of rating the day at once (per surcharge while no run put a unit where the whole day has none), and nothing when billed again", () => {
    fc.assert(
      fc.property(day, ({ work, release, unitMinutes, saturday }) => {
        const r = perDay({ unitMinutes });
        const date = saturday ? "2026-06-06" : "2026-06-02";
        const entries = work.map((w, i) =>
          entry({ id: `w${i}`, date, ...(w.clock ? { start: hhmm(w.start), end: hhmm(w.start + w.minutes), minutes: w.minutes } : { minutes: w.minutes }) }),
        );
        const s = new Store(r);
        const known: TimeEntry[] = [];
        const runAndCheck = () => {
          const before = billedBuckets(s);
          const whole = wholeDay(known, r);
          s.run("2026-06");
          const after = billedBuckets(s);
          // every known entry is billed, and the active runs hold the whole day's units
          expect(s.entries.every((e) => e.billing && s.active.has(e.billing.runId))).toBe(true);
          expect(total(after)).toBe(total(whole));
          const buckets = new Set([...before.keys(), ...whole.keys(), ...after.keys()]);
          // a run adds to a surcharge only up to the whole day's units in it
          for (const b of buckets) expect(after.get(b) ?? 0).toBeLessThanOrEqual(Math.max(whole.get(b) ?? 0, before.get(b) ?? 0));
          // while no surcharge holds more than the whole day gives it, the run makes every surcharge exact
          if ([...buckets].every((b) => (before.get(b) ?? 0) <= (whole.get(b) ?? 0))) for (const b of buckets) expect(after.get(b) ?? 0).toBe(whole.get(b) ?? 0);
        };
        for (let batch = 0; batch < 4; batch++) {
          const added = entries.filter((_, i) => work[i]!.batch === batch);
          known.push(...added);
          s.add(...added);
          runAndCheck();
          const rel = release[batch];
          const runs = [...s.active].sort();
          if (!rel || runs.length === 0) continue;
          const runId = runs[rel.pick % runs.length]!;
          if (rel.undo) s.active.delete(runId);
          else s.entries = s.entries.map((e) => (e.billing?.runId === runId ? (({ billing: _b, ...rest }) => rest)(e) : e));
        }
        runAndCheck();
        expect(s.run("2026-06").allocations).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
