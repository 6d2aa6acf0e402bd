import fc from "fast-check";
import { IsoDate, addDays, fromExcelSerial, toDayNumber, toExcelSerial } from "../../../src/core/date/iso-date";
import { isoDateArb, jsIsoDate } from "./arbitraries";

const d = (s: string) => s as IsoDate;
/** Excel serial of 1970-01-01 (above 60 a serial is days since 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25569;
const MAX_SERIAL = 2958465; // 9999-12-31

describe("Excel serial numbers (1900 date system)", () => {
  it.each([
    [1, "1900-01-01"],
    [2, "1900-01-02"],
    [31, "1900-01-31"],
    [32, "1900-02-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [62, "1900-03-02"],
    [366, "1900-12-31"],
    [367, "1901-01-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [36585, "2000-02-29"],
    [45658, "2025-01-01"],
    [46023, "2026-01-01"],
    [46063, "2026-02-10"],
    [MAX_SERIAL, "9999-12-31"],
  ])("serial %i = %s", (serial, date) => {
    expect(fromExcelSerial(serial)).toBe(date);
    expect(toExcelSerial(d(date))).toBe(serial);
  });

  it("serial 60 is Excel's phantom 1900-02-29 and is rejected", () => {
    expect(fromExcelSerial(60)).toBeNull();
    expect(fromExcelSerial(60.25)).toBeNull();
    expect(fromExcelSerial(60.999)).toBeNull();
  });

  it("the days around the phantom day are one real day apart but two serials apart", () => {
    expect(toExcelSerial(d("1900-03-01")) - toExcelSerial(d("1900-02-28"))).toBe(2);
    expect(toDayNumber(fromExcelSerial(61)!) - toDayNumber(fromExcelSerial(59)!)).toBe(1);
  });

  it("drops a time of day", () => {
    expect(fromExcelSerial(45658.0001)).toBe("2025-01-01");
    expect(fromExcelSerial(45658.5)).toBe("2025-01-01");
    expect(fromExcelSerial(45658.99999)).toBe("2025-01-01");
    expect(fromExcelSerial(59.75)).toBe("1900-02-28");
    expect(fromExcelSerial(1.5)).toBe("1900-01-01");
    expect(fromExcelSerial(MAX_SERIAL + 0.5)).toBe("9999-12-31");
  });

  it.each([0, 0.5, 0.999, -1, -45658, MAX_SERIAL + 1, 1e12, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "rejects serial %d",
    (serial) => {
      expect(fromExcelSerial(serial)).toBeNull();
    },
  );

  it("serials after 60 agree with JS Date (days since 1970 + 25569)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_SERIAL }), (serial) => {
        expect(fromExcelSerial(serial)).toBe(jsIsoDate(serial - UNIX_EPOCH_SERIAL));
      }),
      { numRuns: 1000 },
    );
  });

  it("serials 1–59 are one day later than the plain count from 1899-12-30", () => {
    for (let serial = 1; serial <= 59; serial++) {
      expect(fromExcelSerial(serial)).toBe(addDays(d("1899-12-31"), serial));
    }
  });

  it("toExcelSerial(fromExcelSerial(s)) = s for every valid whole serial", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_SERIAL }).filter((s) => s !== 60),
        (serial) => {
          expect(toExcelSerial(fromExcelSerial(serial)!)).toBe(serial);
        },
      ),
      { numRuns: 1000 },
    );
    for (let serial = 1; serial <= 200; serial++) {
      if (serial !== 60) expect(toExcelSerial(fromExcelSerial(serial)!)).toBe(serial);
    }
  });

  it("fromExcelSerial(toExcelSerial(d)) = d for every date from 1900-01-01 on", () => {
    fc.assert(
      fc.property(isoDateArb(1900, 9999), (date) => {
        expect(fromExcelSerial(toExcelSerial(date))).toBe(date);
      }),
      { numRuns: 1000 },
    );
  });

  it("toExcelSerial is strictly increasing and never yields the phantom serial 60", () => {
    fc.assert(
      fc.property(isoDateArb(1900, 9999), (date) => {
        const s = toExcelSerial(date);
        expect(s).not.toBe(60);
        if (date < "9999-12-31") expect(toExcelSerial(addDays(date, 1))).toBeGreaterThan(s);
      }),
    );
  });
});
