import fc from "fast-check";
import { PositionVersion, sameState } from "../../../src/core/contract/model";
import {
  compareVersions,
  contractActiveOn,
  contractStateOnDay,
  groupByPosition,
  versionOnDay,
} from "../../../src/core/contract/state-on-day";
import { addDays } from "../../../src/core/date/iso-date";
import { contract, day, version } from "./builders";

const ids = (vs: readonly PositionVersion[] | undefined) => (vs ?? []).map((v) => v.id);

describe("compareVersions", () => {
  it("orders by validFrom, then by seq", () => {
    const a = version({ validFrom: "2026-01-01", quantity: 1, unitPrice: 1, seq: 5 });
    const b = version({ validFrom: "2026-02-01", quantity: 1, unitPrice: 1, seq: 1 });
    const c = version({ validFrom: "2026-02-01", quantity: 1, unitPrice: 1, seq: 2 });
    expect(compareVersions(a, b)).toBeLessThan(0);
    expect(compareVersions(b, a)).toBeGreaterThan(0);
    expect(compareVersions(b, c)).toBeLessThan(0);
    expect(compareVersions(c, b)).toBeGreaterThan(0);
    expect(compareVersions(c, c)).toBe(0);
    expect(ids([c, a, b].sort(compareVersions))).toEqual([a.id, b.id, c.id]);
  });
});

describe("versionOnDay", () => {
  const v1 = version({ validFrom: "2026-01-01", quantity: 10, unitPrice: "7.90", seq: 1 });
  const v2 = version({ validFrom: "2026-03-20", quantity: 15, unitPrice: "7.90", seq: 2 });
  const v3 = version({ validFrom: "2026-06-01", quantity: 0, unitPrice: "7.90", seq: 3 });
  const all = [v1, v2, v3];

  it("is undefined before the first version", () => {
    expect(versionOnDay(all, day("2025-12-31"))).toBeUndefined();
    expect(versionOnDay([], day("2026-01-01"))).toBeUndefined();
  });

  it("takes effect on its validFrom day", () => {
    expect(versionOnDay(all, day("2026-01-01"))).toBe(v1);
    expect(versionOnDay(all, day("2026-03-19"))).toBe(v1);
    expect(versionOnDay(all, day("2026-03-20"))).toBe(v2);
    expect(versionOnDay(all, day("2026-05-31"))).toBe(v2);
    expect(versionOnDay(all, day("2026-06-01"))).toBe(v3);
    expect(versionOnDay(all, day("2099-01-01"))).toBe(v3);
  });

  it("returns an ended (quantity 0) version too: ending is the caller's business", () => {
    expect(versionOnDay(all, day("2026-06-01"))?.quantity).toBe("0");
  });

  it("on the same validFrom the later entry (higher seq) wins, whatever the input order", () => {
    const early = version({ validFrom: "2026-03-01", quantity: 10, unitPrice: 5, seq: 10 });
    const late = version({ validFrom: "2026-03-01", quantity: 12, unitPrice: 5, seq: 11 });
    expect(versionOnDay([early, late], day("2026-03-01"))).toBe(late);
    expect(versionOnDay([late, early], day("2026-03-01"))).toBe(late);
    expect(versionOnDay([late, early], day("2026-03-31"))).toBe(late);
  });

  it("a later validFrom wins over a higher seq", () => {
    const laterDay = version({ validFrom: "2026-04-01", quantity: 3, unitPrice: 5, seq: 1 });
    const higherSeq = version({ validFrom: "2026-03-01", quantity: 4, unitPrice: 5, seq: 99 });
    expect(versionOnDay([higherSeq, laterDay], day("2026-04-01"))).toBe(laterDay);
    expect(versionOnDay([higherSeq, laterDay], day("2026-03-31"))).toBe(higherSeq);
  });

  it("does not depend on the order of the versions (and matches a naive oracle)", () => {
    const arb = fc.record({
      versions: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 90 }), seq: fc.integer({ min: 1, max: 1000 }) }), {
        minLength: 1,
        maxLength: 10,
      }),
      probe: fc.integer({ min: -5, max: 100 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(arb, ({ versions, probe, seed }) => {
        // unique seqs, as in the store
        const seen = new Set<number>();
        const vs = versions
          .filter(({ seq }) => !seen.has(seq) && seen.add(seq))
          .map(({ offset, seq }) =>
            version({ validFrom: addDays(day("2026-01-01"), offset), quantity: seq, unitPrice: 1, seq, id: `v${seq}` }),
          );
        const on = addDays(day("2026-01-01"), probe);
        const candidates = vs.filter((v) => v.validFrom <= on);
        const expected = candidates.reduce<PositionVersion | undefined>(
          (best, v) =>
            !best || v.validFrom > best.validFrom || (v.validFrom === best.validFrom && v.seq > best.seq) ? v : best,
          undefined,
        );
        const shuffled = [...vs].sort((a, b) => ((a.seq * 7919 + seed) % 101) - ((b.seq * 7919 + seed) % 101));
        expect(versionOnDay(vs, on)).toBe(expected);
        expect(versionOnDay(shuffled, on)).toBe(expected);
        expect(versionOnDay([...vs].reverse(), on)).toBe(expected);
      }),
    );
  });
});

describe("groupByPosition", () => {
  it("groups by position number, keeping input order within a group", () => {
    const a = version({ positionNo: 2, validFrom: "2026-01-01", quantity: 1, unitPrice: 1 });
    const b = version({ positionNo: 1, validFrom: "2026-01-01", quantity: 1, unitPrice: 1 });
    const c = version({ positionNo: 2, validFrom: "2025-01-01", quantity: 1, unitPrice: 1 });
    const map = groupByPosition([a, b, c]);
    expect([...map.keys()]).toEqual([2, 1]);
    expect(ids(map.get(2))).toEqual([a.id, c.id]);
    expect(ids(map.get(1))).toEqual([b.id]);
    expect(groupByPosition([]).size).toBe(0);
  });
});

describe("contractActiveOn", () => {
  const open = contract({ start: "2026-02-10" });
  const closed = contract({ start: "2026-02-10", end: "2026-04-15" });

  it("starts on the start day (inclusive)", () => {
    expect(contractActiveOn(open, day("2026-02-09"))).toBe(false);
    expect(contractActiveOn(open, day("2026-02-10"))).toBe(true);
    expect(contractActiveOn(open, day("2099-12-31"))).toBe(true);
  });

  it("ends after the end day (inclusive)", () => {
    expect(contractActiveOn(closed, day("2026-04-15"))).toBe(true);
    expect(contractActiveOn(closed, day("2026-04-16"))).toBe(false);
  });

  it("a one-day contract runs on that day only", () => {
    const oneDay = contract({ start: "2026-02-10", end: "2026-02-10" });
    expect(contractActiveOn(oneDay, day("2026-02-09"))).toBe(false);
    expect(contractActiveOn(oneDay, day("2026-02-10"))).toBe(true);
    expect(contractActiveOn(oneDay, day("2026-02-11"))).toBe(false);
  });
});

describe("contractStateOnDay", () => {
  const c = contract({ start: "2026-02-10", end: "2026-12-31" });
  const p1 = version({ positionNo: 1, validFrom: "2026-01-01", quantity: 5, unitPrice: "12.00" }); // before contract start
  const p1b = version({ positionNo: 1, validFrom: "2026-05-01", quantity: 6, unitPrice: "12.00" });
  const p2 = version({ positionNo: 2, validFrom: "2026-03-01", quantity: 1, unitPrice: "49" });
  const p2end = version({ positionNo: 2, validFrom: "2026-06-16", quantity: "0", unitPrice: "49" });
  const p3 = version({ positionNo: 3, validFrom: "2026-02-10", quantity: "0.00", unitPrice: "10" }); // created ended
  const p3on = version({ positionNo: 3, validFrom: "2026-08-01", quantity: "2", unitPrice: "10" });
  const all = [p3on, p2end, p1b, p3, p2, p1];

  it("is empty before the contract starts, even when a version is already valid", () => {
    expect(contractStateOnDay(c, all, day("2026-02-09"))).toEqual([]);
    expect(contractStateOnDay(c, all, day("2026-01-15"))).toEqual([]);
  });

  it("a version valid before the contract start is in force from the start day", () => {
    expect(ids(contractStateOnDay(c, all, day("2026-02-10")))).toEqual([p1.id]);
  });

  it("omits positions that have not started yet", () => {
    expect(ids(contractStateOnDay(c, all, day("2026-02-28")))).toEqual([p1.id]);
    expect(ids(contractStateOnDay(c, all, day("2026-03-01")))).toEqual([p1.id, p2.id]);
  });

  it("follows version changes", () => {
    expect(ids(contractStateOnDay(c, all, day("2026-04-30")))).toEqual([p1.id, p2.id]);
    expect(ids(contractStateOnDay(c, all, day("2026-05-01")))).toEqual([p1b.id, p2.id]);
  });

  it("omits positions with quantity 0 (ended), and brings them back when a later version has a quantity", () => {
    expect(ids(contractStateOnDay(c, all, day("2026-06-15")))).toEqual([p1b.id, p2.id]);
    expect(ids(contractStateOnDay(c, all, day("2026-06-16")))).toEqual([p1b.id]);
    expect(ids(contractStateOnDay(c, all, day("2026-07-31")))).toEqual([p1b.id]);
    expect(ids(contractStateOnDay(c, all, day("2026-08-01")))).toEqual([p1b.id, p3on.id]);
  });

  it.each(["0", "0.00", "-0", "0.0000"])("treats quantity %j as ended", (quantity) => {
    const v = version({ positionNo: 7, validFrom: "2026-03-01", quantity, unitPrice: "10" });
    expect(contractStateOnDay(c, [v], day("2026-03-01"))).toEqual([]);
  });

  it("keeps a fractional quantity", () => {
    const v = version({ positionNo: 7, validFrom: "2026-03-01", quantity: "0.5", unitPrice: "10" });
    expect(ids(contractStateOnDay(c, [v], day("2026-03-01")))).toEqual([v.id]);
  });

  it("is empty after the contract end, even with open versions", () => {
    expect(ids(contractStateOnDay(c, all, day("2026-12-31")))).toEqual([p1b.id, p3on.id]);
    expect(contractStateOnDay(c, all, day("2027-01-01"))).toEqual([]);
  });

  it("on the same day the later entry wins, also when it ends the position", () => {
    const first = version({ positionNo: 4, validFrom: "2026-03-01", quantity: 3, unitPrice: 1, seq: 500 });
    const ends = version({ positionNo: 4, validFrom: "2026-03-01", quantity: 0, unitPrice: 1, seq: 501 });
    const reopens = version({ positionNo: 4, validFrom: "2026-03-01", quantity: 4, unitPrice: 1, seq: 502 });
    expect(contractStateOnDay(c, [ends, first], day("2026-03-05"))).toEqual([]);
    expect(ids(contractStateOnDay(c, [reopens, first, ends], day("2026-03-05")))).toEqual([reopens.id]);
  });

  it("is sorted by position number whatever the input order", () => {
    const vs = [5, 3, 9, 1, 4].map((n) => version({ positionNo: n, validFrom: "2026-03-01", quantity: 1, unitPrice: 1 }));
    expect(contractStateOnDay(c, vs, day("2026-03-01")).map((v) => v.positionNo)).toEqual([1, 3, 4, 5, 9]);
  });

  it("an open-ended contract runs on", () => {
    const open = contract({ start: "2026-02-10" });
    expect(ids(contractStateOnDay(open, [p1], day("2040-01-01")))).toEqual([p1.id]);
  });

  it("does not modify its input", () => {
    const copy = JSON.parse(JSON.stringify(all));
    contractStateOnDay(c, all, day("2026-06-01"));
    expect(JSON.parse(JSON.stringify(all))).toEqual(copy);
  });
});

describe("sameState", () => {
  const base = version({ validFrom: "2026-01-01", quantity: 10, unitPrice: "7.90", vendorKey: "P:S" });

  it("ignores identity and provenance", () => {
    const other = { ...base, id: "other", seq: 999, validFrom: day("2027-01-01"), source: "batch-7" };
    expect(sameState(base, other)).toBe(true);
  });

  it.each(["articleNo", "description", "quantity", "unitPrice", "discountPct", "vatPct", "vendorKey"] as const)(
    "sees a change of %s",
    (field) => {
      expect(sameState(base, { ...base, [field]: `${base[field] ?? ""}x` })).toBe(false);
    },
  );

  it("treats a missing vendor key like an empty one", () => {
    const { vendorKey: _omit, ...noKey } = base;
    expect(sameState({ ...noKey }, { ...noKey, vendorKey: "" })).toBe(true);
    expect(sameState(noKey, base)).toBe(false);
  });

  it("compares decimal strings textually (stored values are canonical)", () => {
    expect(sameState(base, { ...base, unitPrice: "7.9" })).toBe(false);
  });
});
