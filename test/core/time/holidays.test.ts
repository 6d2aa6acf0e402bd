import { HolidayCalendar, publicHolidays } from "../../../src/core/time/holidays";

/**
 * Our own regression tests for the pinned holiday package (feiertagejs 1.5.1): the state-specific and
 * recent holidays that decide surcharges. A package upgrade that changes any of these fails here.
 */
describe("public holidays per Bundesland (feiertagejs, pinned)", () => {
  const has = (year: number, region: Parameters<typeof publicHolidays>[1], date: string) => publicHolidays(year, region).has(date);

  it("Fronleichnam is a holiday in Bavaria but not in Berlin", () => {
    expect(has(2026, "BY", "2026-06-04")).toBe(true);
    expect(has(2026, "BE", "2026-06-04")).toBe(false);
    expect(has(2027, "BY", "2027-05-27")).toBe(true);
    for (const state of ["BW", "HE", "NW", "RP", "SL"] as const) expect([state, has(2026, state, "2026-06-04")]).toEqual([state, true]);
  });

  it("Internationaler Frauentag (8 March) in Berlin since 2019, not in Brandenburg or Bavaria", () => {
    expect(has(2026, "BE", "2026-03-08")).toBe(true);
    expect(has(2026, "BB", "2026-03-08")).toBe(false);
    expect(has(2026, "BY", "2026-03-08")).toBe(false);
    expect(has(2018, "BE", "2018-03-08")).toBe(false);
  });

  it("Buß- und Bettag (Wednesday before 23 November) only in Saxony", () => {
    expect(has(2025, "SN", "2025-11-19")).toBe(true);
    expect(has(2026, "SN", "2026-11-18")).toBe(true);
    expect(has(2026, "BY", "2026-11-18")).toBe(false);
    expect(has(2026, "BE", "2026-11-18")).toBe(false);
  });

  it("Reformationstag in the northern and eastern states, not in Bavaria, NRW, BW or Berlin; nationwide in 2017", () => {
    for (const state of ["HB", "HH", "NI", "SH", "BB", "MV", "SN", "ST", "TH"] as const) expect([state, has(2026, state, "2026-10-31")]).toEqual([state, true]);
    for (const state of ["BY", "NW", "BW", "BE"] as const) expect([state, has(2026, state, "2026-10-31")]).toEqual([state, false]);
    expect(has(2017, "BY", "2017-10-31")).toBe(true);
  });

  it("Mariä Himmelfahrt in Saarland and (as the package has it) all of Bavaria; a company can switch it off", () => {
    expect(has(2026, "SL", "2026-08-15")).toBe(true);
    expect(has(2026, "BY", "2026-08-15")).toBe(true);
    expect(has(2026, "BW", "2026-08-15")).toBe(false);
    const protestantTown = new HolidayCalendar({ region: "BY", off: ["MARIAHIMMELFAHRT"] });
    expect(protestantTown.isHoliday("2026-08-15")).toBe(false);
    expect(protestantTown.isHoliday("2026-06-04")).toBe(true);
  });

  it("Weltkindertag in Thuringia, Augsburger Friedensfest only in Augsburg, Easter-based days move", () => {
    expect(has(2026, "TH", "2026-09-20")).toBe(true);
    expect(has(2026, "BY", "2026-08-08")).toBe(false);
    expect(has(2026, "AUGSBURG", "2026-08-08")).toBe(true);
    expect(has(2026, "BE", "2026-04-03")).toBe(true); // Karfreitag 2026
    expect(has(2027, "BE", "2027-03-26")).toBe(true); // Karfreitag 2027
  });

  it("company extra days: 24 and 31 December every year, or a single date", () => {
    const cal = new HolidayCalendar({ region: "BE", extra: ["12-24", "12-31", "2026-05-15"] });
    expect(cal.nameOf("2026-12-24")).toBe("COMPANY");
    expect(cal.isHoliday("2027-12-31")).toBe(true);
    expect(cal.isHoliday("2026-05-15")).toBe(true);
    expect(cal.isHoliday("2027-05-15")).toBe(false);
    expect(cal.nameOf("2026-12-25")).toBe("ERSTERWEIHNACHTSFEIERTAG");
    expect(cal.isHoliday("2026-12-23")).toBe(false);
  });
});
