import * as feiertage from "feiertagejs";
import type { IsoDate } from "../date/iso-date";

/**
 * German public holidays per Bundesland from the pinned package `feiertagejs` (1.5.1), plus company
 * extra days and minus holidays the company does not observe. Our own regression tests
 * (test/core/time/holidays.test.ts) pin the state-specific days we rely on.
 */

/** The 16 Bundesländer, plus the city of Augsburg (Friedensfest), as the package names them. */
export const HOLIDAY_REGIONS = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH", "AUGSBURG"] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

/** The package's holiday names (e.g. `FRONLEICHNAM`, `MARIAHIMMELFAHRT`), usable in `holidaysOff`. */
export const HOLIDAY_NAMES = [
  "NEUJAHRSTAG", "HEILIGEDREIKOENIGE", "KARFREITAG", "OSTERSONNTAG", "OSTERMONTAG", "TAG_DER_ARBEIT",
  "CHRISTIHIMMELFAHRT", "MARIAHIMMELFAHRT", "PFINGSTSONNTAG", "PFINGSTMONTAG", "FRONLEICHNAM", "DEUTSCHEEINHEIT",
  "REFORMATIONSTAG", "ALLERHEILIGEN", "BUBETAG", "ERSTERWEIHNACHTSFEIERTAG", "ZWEITERWEIHNACHTSFEIERTAG",
  "WELTKINDERTAG", "WELTFRAUENTAG", "AUGSBURGER_FRIEDENSFEST",
] as const;

// NOTE: the package's index.d.ts declares its functions without exporting them, so they are typed here.
interface PackageHoliday {
  name: string;
  dateString: string;
}
const api = feiertage as unknown as { getHolidays: (year: number, region: string) => PackageHoliday[] };

/** The public holidays of a year in a region: ISO date → package name. */
export function publicHolidays(year: number, region: HolidayRegion): Map<IsoDate, string> {
  return new Map(api.getHolidays(year, region).map((h) => [h.dateString as IsoDate, h.name]));
}

export interface HolidaySettings {
  region: HolidayRegion;
  /** Package names not observed, e.g. `MARIAHIMMELFAHRT` outside Bavaria's Catholic municipalities. */
  off?: readonly string[];
  /** Company days: `MM-DD` every year (`12-24`) or one `YYYY-MM-DD`. */
  extra?: readonly string[];
}

/** Answers "is this day a holiday?" for one set of settings; years are computed once and cached. */
export class HolidayCalendar {
  private readonly years = new Map<number, Map<IsoDate, string>>();
  constructor(private readonly settings: HolidaySettings) {}

  /** The holiday's name (package name or `COMPANY`), or undefined on an ordinary day. */
  nameOf(date: IsoDate): string | undefined {
    const year = Number(date.slice(0, 4));
    let days = this.years.get(year);
    if (!days) this.years.set(year, (days = this.yearDays(year)));
    return days.get(date);
  }

  isHoliday(date: IsoDate): boolean {
    return this.nameOf(date) !== undefined;
  }

  private yearDays(year: number): Map<IsoDate, string> {
    const off = new Set(this.settings.off ?? []);
    const days = new Map([...publicHolidays(year, this.settings.region)].filter(([, name]) => !off.has(name)));
    for (const d of this.settings.extra ?? []) {
      const date = (d.length === 5 ? `${String(year).padStart(4, "0")}-${d}` : d) as IsoDate;
      if (date.startsWith(`${String(year).padStart(4, "0")}-`) && !days.has(date)) days.set(date, "COMPANY");
    }
    return days;
  }
}
