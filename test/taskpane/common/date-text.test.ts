import fc from "fast-check";
import { formatDateText, formatMonthText, parseDateText, parseMonthText } from "../../../src/taskpane/components/common/date-text";
import { isValidYmd, ymdToIso } from "../../../src/core/date/iso-date";

describe("typed months (MonthField)", () => {
  it("accepts German MM.JJJJ, M.JJJJ, MM/JJJJ and ISO", () => {
    expect(parseMonthText("11.2026")).toBe("2026-11");
    expect(parseMonthText("1.2027")).toBe("2027-01");
    expect(parseMonthText(" 03/2026 ")).toBe("2026-03");
    expect(parseMonthText("2026-10")).toBe("2026-10");
  });
  it("rejects what is no month", () => {
    for (const t of ["", "13.2026", "0.2026", "2026-13", "11.26", "November", "2026-1", "11.2026.1"]) expect(parseMonthText(t)).toBeNull();
  });
  it("formats German as MM.JJJJ and English as ISO; a formatted month parses back", () => {
    expect(formatMonthText("2026-11", "de")).toBe("11.2026");
    expect(formatMonthText("2026-11", "en")).toBe("2026-11");
    expect(formatMonthText("11.20", "de")).toBe("11.20");
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom("de" as const, "en" as const), (y, m, lang) => {
        const iso = ymdToIso(y, m, 1).slice(0, 7);
        expect(parseMonthText(formatMonthText(iso, lang))).toBe(iso);
      }),
    );
  });
});

describe("typed days (DateField)", () => {
  it("accepts German TT.MM.JJJJ (one-digit parts too) and ISO", () => {
    expect(parseDateText("02.11.2026")).toBe("2026-11-02");
    expect(parseDateText("2.1.2027")).toBe("2027-01-02");
    expect(parseDateText("2026-11-02")).toBe("2026-11-02");
    expect(parseDateText("29.02.2028")).toBe("2028-02-29");
  });
  it("rejects days that do not exist and other text", () => {
    for (const t of ["", "31.12.1899", "0001-01-01", "31.11.2026", "29.02.2027", "2026-13-45", "02.11.26", "11/02/2026", "heute"]) expect(parseDateText(t)).toBeNull();
  });
  it("round-trips every real day of the accepted range (1900-01-01 … 9999-12-31) in both languages", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom("de" as const, "en" as const), (y, m, d, lang) => {
        fc.pre(isValidYmd(y, m, d));
        const iso = ymdToIso(y, m, d);
        expect(parseDateText(formatDateText(iso, lang))).toBe(iso);
      }),
    );
    expect(formatDateText("2026-11-02", "de")).toBe("02.11.2026");
  });
});
