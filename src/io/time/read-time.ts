import { pushAll } from "../../core/array";
import { type IsoDate, MAX_DATE } from "../../core/date/iso-date";
import { MINUTES_PER_DAY, formatClock, parseClock } from "../../core/time/clock";
import { Issue, issue } from "../../core/issues";
import { Decimal } from "../../core/money/decimal";
import { CellReader } from "../table/cell-reader";
import type { HeaderTable } from "../table/header-table";
import { headerKey } from "../table/raw-table";
import { parseDecimalText } from "../values";
import { parseDateTime } from "./date-time";
import { TIME_FIELDS, type TimeProfile } from "./profile";

/** One row of a time-entry file, read and checked, before the customer id is resolved. */
export interface TimeRow {
  ticketNo: string;
  /** The customer as the file names it: our number, or an external id to map. */
  customerKey: string;
  contractNo?: string;
  date: IsoDate;
  start?: string;
  end?: string;
  minutes: number;
  technician: string;
  activity: string;
  billable: boolean;
  description: string;
  externalId?: string;
  aggregate?: boolean;
  source: { file: string; row: number };
}

const YES = ["yes", "ja", "1", "true", "y", "j", "x", "wahr"];
const NO = ["no", "nein", "0", "false", "n", "falsch"];

/**
 * Reads the rows of a time-entry table with a profile. Every bad cell is an issue with file, row and
 * column; a row with issues is left out (the caller imports nothing when there are any).
 * `date` is the day for profiles whose rows have none (Zammad monthly totals).
 */
export function readTimeTable(table: HeaderTable, profile: TimeProfile, opts: { date?: IsoDate } = {}): { rows: TimeRow[]; issues: Issue[] } {
  const byKey = new Map<string, number>();
  table.headers.forEach((h, i) => byKey.has(headerKey(h)) || byKey.set(headerKey(h), i));
  const index = new Map<string, number>();
  for (const f of TIME_FIELDS) {
    const header = profile.columns[f];
    const i = header !== undefined ? byKey.get(headerKey(header)) : undefined;
    if (i !== undefined) index.set(f, i);
  }
  const fields: HeaderTable = { ...table, index };
  const issues: Issue[] = [];
  if (profile.aggregate && !opts.date) {
    issues.push(issue("time.date_required", { profile: profile.id }, { source: table.source }));
    return { rows: [], issues };
  }
  const rows: TimeRow[] = [];
  for (const { row, cells } of table.rows) {
    const r = new CellReader(fields, cells, row);
    const value = readRow(r, profile, opts.date, table.source);
    if (r.issues.length > 0 || !value) pushAll(issues, r.issues);
    else rows.push(value);
  }
  return { rows, issues };
}

function readRow(r: CellReader, p: TimeProfile, fixedDate: IsoDate | undefined, file: string): TimeRow | null {
  const ticketNo = r.text("ticket", true);
  const customerKey = r.text("customer", true);
  const contractNo = r.text("contract");
  const times = p.dateTime ? readDateTimes(r, p) : readClockTimes(r, p, fixedDate);
  const technician = r.text("technician");
  const activity = r.text("activity");
  const billable = readBillable(r, p);
  const description = r.text("description");
  const externalId = r.text("entryId");
  if (r.issues.length > 0 || !times || billable === undefined) return null;
  return {
    ticketNo,
    customerKey,
    ...(contractNo ? { contractNo } : {}),
    ...times,
    technician,
    activity,
    billable,
    description,
    ...(externalId ? { externalId } : {}),
    ...(p.aggregate ? { aggregate: true } : {}),
    source: { file, row: r.row },
  };
}

type Times = { date: IsoDate; start?: string; end?: string; minutes: number };

function readClockTimes(r: CellReader, p: TimeProfile, fixedDate: IsoDate | undefined): Times | null {
  let date = fixedDate;
  if (!p.aggregate) {
    // Only ISO or DD.MM.YYYY, as the message says: 01/02/2026 is 1 February or 2 January.
    if (r.text("date", true) === "") return null;
    date = r.date("date");
  }
  const startText = r.text("start");
  const endText = r.text("end");
  if (startText !== "" || endText !== "") {
    const start = startText === "" ? r.bad("time.start_end_pair", "start") : parseClock(startText) ?? r.bad("time.invalid_time", "start", { value: startText });
    const end = endText === "" ? r.bad("time.start_end_pair", "end") : parseClock(endText, true) ?? r.bad("time.invalid_time", "end", { value: endText });
    if (start === undefined || end === undefined || !date) return null;
    const endMin = end === MINUTES_PER_DAY ? 0 : end;
    // Past midnight of the last supported day the entry would need a day that has no date.
    if (date === MAX_DATE && endMin > 0 && endMin < start) return r.bad("time.ends_after_max_date", "end") ?? null;
    return { date, start: formatClock(start), end: formatClock(endMin), minutes: (endMin - start + MINUTES_PER_DAY) % MINUTES_PER_DAY };
  }
  const minutes = readDuration(r, p);
  return minutes === undefined || !date ? null : { date, minutes };
}

function readDateTimes(r: CellReader, p: TimeProfile): Times | null {
  const startText = r.text("start", true);
  const endText = r.text("end");
  if (startText === "") return null;
  const start = parseDateTime(startText, p.dateTime === "utc");
  if (start === "outside") return r.bad("parse.date_out_of_range", "start", { value: startText }) ?? null;
  if (!start) return r.bad("time.invalid_date_time", "start", { value: startText }) ?? null;
  if (endText === "") {
    const minutes = readDuration(r, p);
    return minutes === undefined ? null : { date: start.date, minutes };
  }
  const end = parseDateTime(endText, p.dateTime === "utc");
  if (end === "outside") return r.bad(endText >= startText ? "time.ends_after_max_date" : "parse.date_out_of_range", "end", { value: endText }) ?? null;
  if (!end) return r.bad("time.invalid_date_time", "end", { value: endText }) ?? null;
  const minutes = Math.round((end.epochMs - start.epochMs) / 60_000);
  if (minutes <= 0 || minutes > MINUTES_PER_DAY) return r.bad("time.invalid_span", "end", { start: startText, end: endText }) ?? null;
  return { date: start.date, start: formatClock(start.minutes), end: formatClock(end.minutes), minutes };
}

/** Minutes from the `minutes`, `hours` or `units` column (whole minutes, rounded half up). */
function readDuration(r: CellReader, p: TimeProfile): number | undefined {
  const column = (["minutes", "hours", "units"] as const).find((c) => r.text(c) !== "");
  if (!column) return r.bad("time.duration_required", p.columns.minutes ? "minutes" : p.columns.hours ? "hours" : "units");
  const raw = r.text(column);
  const d = parseDecimalText(raw);
  if (!d) return r.bad("parse.invalid_number", column, { value: raw });
  if (d.isNegative()) return r.bad("parse.negative_not_allowed", column, { value: raw });
  const factor = column === "minutes" ? new Decimal(1) : column === "hours" ? new Decimal(60) : new Decimal(p.minutesPerUnit ?? "1");
  const minutes = d.times(factor).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return minutes > 100_000 ? r.bad("time.invalid_span", column, { start: raw, end: "" }) : minutes;
}

function readBillable(r: CellReader, p: TimeProfile): boolean | undefined {
  const raw = r.text("billable");
  if (raw === "") return true;
  const v = raw.toLowerCase();
  if (YES.includes(v) || (p.billableYes ?? []).some((y) => y.toLowerCase() === v)) return true;
  if (NO.includes(v) || (p.billableNo ?? []).some((n) => n.toLowerCase() === v)) return false;
  return r.bad("parse.invalid_choice", "billable", { value: raw, allowed: [...YES.slice(0, 3), ...NO.slice(0, 3), ...(p.billableYes ?? []), ...(p.billableNo ?? [])].join(", ") });
}
