import { berlinDateAndTime } from "../../../src/io/time/date-time";

describe("berlinDateAndTime: a stored UTC moment as German date and clock time", () => {
  it("winter time is UTC+1, summer time UTC+2; the German day may be the next one", () => {
    expect(berlinDateAndTime("2026-11-23T10:00:00.000Z")).toEqual({ date: "2026-11-23", time: "11:00:00" });
    expect(berlinDateAndTime("2026-06-30T22:30:15.999Z")).toEqual({ date: "2026-07-01", time: "00:30:15" });
    expect(berlinDateAndTime("2025-12-31T23:00:00Z")).toEqual({ date: "2026-01-01", time: "00:00:00" });
  });

  it("around the changes of daylight saving time; the repeated hour in October reads the same twice", () => {
    expect(berlinDateAndTime("2026-03-29T00:59:59Z")).toEqual({ date: "2026-03-29", time: "01:59:59" });
    expect(berlinDateAndTime("2026-03-29T01:00:00Z")).toEqual({ date: "2026-03-29", time: "03:00:00" });
    expect(berlinDateAndTime("2026-10-25T00:30:00Z")).toEqual({ date: "2026-10-25", time: "02:30:00" });
    expect(berlinDateAndTime("2026-10-25T01:30:00Z")).toEqual({ date: "2026-10-25", time: "02:30:00" });
  });

  it("null for what is no date-time", () => {
    expect(berlinDateAndTime("gestern")).toBeNull();
    expect(berlinDateAndTime("2026-02-30T10:00:00Z")).toBeNull();
  });
});
