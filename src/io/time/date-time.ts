import { IsoDate, MAX_YEAR, MIN_YEAR, isValidYmd, ymdToIso } from "../../core/date/iso-date";

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** A moment as German local date and minutes since midnight (Europe/Berlin, daylight saving included). */
export interface LocalTime {
  date: IsoDate;
  minutes: number;
  /** Milliseconds since the epoch (for durations). */
  epochMs: number;
}

const berlin = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/**
 * Reads an ISO 8601 date-time (`2026-06-04T19:00:00Z`, `2026-06-04 21:00`, `…+02:00`). With an
 * offset or `Z`, or when `assumeUtc`, the moment is converted to German local time; otherwise the
 * clock time is taken as it is. Null when it is not a valid date-time; "outside" when it is one, but
 * its (German local) day lies outside 1900-01-01 … 9999-12-31.
 */
export function parseDateTime(text: string, assumeUtc: boolean): LocalTime | null | "outside" {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (!isValidYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  // Date.UTC reads years 0–99 as 1900–1999, so a year outside the range must not reach it.
  if (y < MIN_YEAR || y > MAX_YEAR) return "outside";
  const zone = m[7];
  if (!zone && !assumeUtc) return { date: ymdToIso(y, mo, d), minutes: h * 60 + mi, epochMs: Date.UTC(y, mo - 1, d, h, mi, s) };
  let offset = 0;
  if (zone && zone.toUpperCase() !== "Z") {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offset = (z[1] === "-" ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
  }
  const epochMs = Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
  const parts = Object.fromEntries(berlin.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  const localYear = Number(parts.year);
  if (!(localYear >= MIN_YEAR && localYear <= MAX_YEAR)) return "outside";
  return { date: ymdToIso(localYear, Number(parts.month), Number(parts.day)), minutes: Number(parts.hour) * 60 + Number(parts.minute), epochMs };
}

/**
 * A stored moment (ISO 8601 in UTC, `2026-11-23T10:00:00.000Z`; a text without zone is read as UTC)
 * as German local date and clock time, Europe/Berlin with daylight saving: `{ date: "2026-11-23",
 * time: "11:00:00" }` (fractions of a second cut off). Null when it is no date-time or lies outside
 * 1900 … 9999. In the hour that repeats when summer time ends the clock time is ambiguous: keep the
 * UTC text beside it.
 */
export function berlinDateAndTime(iso: string): { date: IsoDate; time: string } | null {
  const moment = parseDateTime(iso, true);
  if (moment === null || moment === "outside") return null;
  // German offsets are whole minutes: the seconds are those of the UTC moment.
  const seconds = ((Math.floor(moment.epochMs / 1000) % 60) + 60) % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return { date: moment.date, time: `${two(Math.floor(moment.minutes / 60))}:${two(moment.minutes % 60)}:${two(seconds)}` };
}
