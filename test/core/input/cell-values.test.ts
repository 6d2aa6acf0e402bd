/** Reading custom-function arguments as Excel passes them (serials, text dates, months, keys, amounts). */
import fc from "fast-check";
import { fromExcelSerial, toExcelSerial } from "../../../src/core/date/iso-date";
import { EXCEL_SERIAL_MAX, dateFromSerial, isMissing, readAmount, readDate, readKey, readMonth, readOptionalDate } from "../../../src/core/input/cell-values";
import type { Result } from "../../../src/core/issues";

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const code = (r: Result<unknown>): string | undefined => (r.ok ? undefined : r.issues[0]!.code);

describe("dates", () => {
  it("converts serials across Excel's 1900 leap-year bug and ignores a time of day", () => {
    expect(value(dateFromSerial(1, "d"))).toBe("1900-01-01");
    expect(value(dateFromSerial(59, "d"))).toBe("1900-02-28");
    expect(value(dateFromSerial(61, "d"))).toBe("1900-03-01");
    expect(value(dateFromSerial(36526, "d"))).toBe("2000-01-01");
    expect(value(dateFromSerial(46023.75, "d"))).toBe("2026-01-01");
    expect(value(dateFromSerial(EXCEL_SERIAL_MAX, "d"))).toBe("9999-12-31");
  });

  it("refuses serial 60, serials out of range and non-finite numbers, naming the argument", () => {
    expect(dateFromSerial(60, "from")).toEqual({ ok: false, issues: [expect.objectContaining({ code: "functions.serial_nonexistent", params: { label: "from" } })] });
    expect(code(dateFromSerial(0, "d"))).toBe("functions.serial_out_of_range");
    expect(code(dateFromSerial(0.5, "d"))).toBe("functions.serial_out_of_range");
    expect(code(dateFromSerial(EXCEL_SERIAL_MAX + 1, "d"))).toBe("functions.serial_out_of_range");
    expect(code(dateFromSerial(Number.NaN, "d"))).toBe("functions.not_a_date_value");
  });

  it("agrees with the core serial conversion for every serial in range but 60", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: EXCEL_SERIAL_MAX }).filter((n) => n !== 60), (n) => {
        const day = value(dateFromSerial(n, "d"));
        return day === fromExcelSerial(n) && toExcelSerial(day) === n;
      }),
    );
  });

  it("parses ISO and German text dates, and says what is wrong with others", () => {
    expect(value(readDate("2026-1-5", "d"))).toBe("2026-01-05");
    expect(value(readDate(" 5.1.2026 ", "d"))).toBe("2026-01-05");
    expect(value(readDate("29.02.2024", "d"))).toBe("2024-02-29");
    expect(code(readDate("2026-02-30", "d"))).toBe("functions.invalid_calendar_date");
    expect(code(readDate("31.04.2026", "d"))).toBe("functions.invalid_calendar_date");
    expect(code(readDate("1899-12-31", "d"))).toBe("functions.invalid_calendar_date");
    expect(code(readDate("01/02/2026", "d"))).toBe("functions.not_a_date");
    expect(code(readDate("", "d"))).toBe("functions.value_missing");
    expect(code(readDate(null, "d"))).toBe("functions.value_missing");
    expect(code(readDate(true, "d"))).toBe("functions.not_a_date_value");
  });

  it("falls back for an omitted optional date only", () => {
    expect(value(readOptionalDate(undefined, "d", () => "2026-02-10"))).toBe("2026-02-10");
    expect(value(readOptionalDate(" ", "d", () => "2026-02-10"))).toBe("2026-02-10");
    expect(value(readOptionalDate("2026-03-01", "d", () => "2026-02-10"))).toBe("2026-03-01");
    expect(isMissing(0)).toBe(false);
  });
});

describe("months, keys and amounts", () => {
  it("reads months as text or as any date in the month", () => {
    expect(value(readMonth("2026-3", "m"))).toBe("2026-03");
    expect(value(readMonth("03.2026", "m"))).toBe("2026-03");
    expect(value(readMonth("2026-03-31", "m"))).toBe("2026-03");
    expect(value(readMonth(46023, "m"))).toBe("2026-01");
    expect(code(readMonth("2026-13", "m"))).toBe("functions.not_a_month");
    expect(code(readMonth("März", "m"))).toBe("functions.not_a_month");
  });

  it("reads keys as text or whole numbers", () => {
    expect(value(readKey(" V-1 ", "k"))).toBe("V-1");
    expect(value(readKey(10001, "k"))).toBe("10001");
    expect(code(readKey(1.5, "k"))).toBe("functions.invalid_key");
    expect(code(readKey("", "k"))).toBe("functions.value_missing");
  });

  it("reads amounts as the decimal Excel shows", () => {
    expect(value(readAmount(12.34, "a")).toString()).toBe("12.34");
    expect(value(readAmount(" -.5 ", "a")).toString()).toBe("-0.5");
    expect(code(readAmount("1,5", "a"))).toBe("functions.not_a_number");
    expect(code(readAmount(Number.POSITIVE_INFINITY, "a"))).toBe("functions.not_a_number");
  });
});
