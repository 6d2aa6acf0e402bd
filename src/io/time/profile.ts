import { parseJsonText } from "../json-text";
import { type Expectation, expecting, expectationParams, oneOf } from "../../core/expectation";
import { Result, issue, ok, Issue } from "../../core/issues";
import { isCanonicalDecimal } from "../../core/money/decimal";
import { headerKey } from "../table/raw-table";

/** Our fields of a time entry that a profile maps to the file's column headers. */
export const TIME_FIELDS = ["ticket", "customer", "contract", "date", "start", "end", "minutes", "hours", "units", "technician", "activity", "billable", "description", "entryId"] as const;
export type TimeField = (typeof TIME_FIELDS)[number];

/**
 * A time-entry file profile: which column holds which field, and how to read it. JSON-serialisable;
 * saved profiles live in the settings (`time.profiles`) and are validated with {@link parseTimeProfile}.
 */
export interface TimeProfile {
  id: string;
  name: string;
  version: 1;
  /** Field → header text in the file (matched ignoring case, spaces, `_`, `-`, `.`). */
  columns: Partial<Record<TimeField, string>>;
  /** `start`/`end` hold date and time (ISO 8601); `utc` converts them to German local time. */
  dateTime?: "utc" | "local";
  /** Minutes per value of the `units` column (Zammad's time units have no unit of their own). */
  minutesPerUnit?: string;
  /** Extra texts for yes/no in the `billable` column (besides yes/no/ja/nein/1/0/true/false). */
  billableYes?: string[];
  billableNo?: string[];
  /** Rows are monthly totals without day or clock time: no surcharges, and the date comes from `--date`. */
  aggregate?: boolean;
  /** Where the profile came from (shown by `time profile list`). */
  note?: string;
}

/** Fields every profile must map. */
const REQUIRED_FIELDS: readonly TimeField[] = ["ticket", "customer"];

/** Headers a profile needs in a file: ticket, customer, and the date (unless dates come from date-times or `--date`). */
export function requiredHeaders(p: TimeProfile): string[] {
  const fields: TimeField[] = [...REQUIRED_FIELDS];
  if (!p.dateTime && !p.aggregate) fields.push("date");
  return fields.map((f) => p.columns[f]!).filter((h) => h !== undefined);
}

/** How well a profile fits a header row: null when a required header is missing, else the number of mapped headers present. */
export function profileScore(p: TimeProfile, headers: ReadonlySet<string>): number | null {
  if (requiredHeaders(p).some((h) => !headers.has(headerKey(h)))) return null;
  return Object.values(p.columns).filter((h) => h !== undefined && headers.has(headerKey(h))).length;
}

/** Validates a saved or imported time profile (one object or a list). */
export function parseTimeProfiles(text: string, reservedIds: ReadonlySet<string>): Result<TimeProfile[]> {
  const parsed = parseJsonText(text, { invalidCode: "profile.invalid_json" });
  if (!parsed.ok) return parsed;
  const data = parsed.value;
  const list = Array.isArray(data) ? data : [data];
  const issues: Issue[] = [];
  const out: TimeProfile[] = [];
  const ids = new Set<string>();
  list.forEach((item, i) => {
    const prefix = Array.isArray(data) ? `[${i}].` : "";
    const p = parseTimeProfile(item, prefix, issues);
    if (!p) return;
    if (reservedIds.has(p.id)) issues.push(issue("profile.reserved_id", { id: p.id }));
    else if (ids.has(p.id)) issues.push(issue("profile.duplicate_id", { id: p.id }));
    ids.add(p.id);
    out.push(p);
  });
  return issues.length > 0 ? { ok: false, issues } : ok(out);
}

const KNOWN_KEYS = ["id", "name", "version", "columns", "dateTime", "minutesPerUnit", "billableYes", "billableNo", "aggregate", "note"];

function parseTimeProfile(item: unknown, prefix: string, issues: Issue[]): TimeProfile | undefined {
  const bad = (field: string, value: unknown, expected: Expectation) => void issues.push(issue("profile.field_invalid", { field: prefix + field, value: String(JSON.stringify(value)), ...expectationParams(expected) }));
  if (typeof item !== "object" || item === null || Array.isArray(item)) return void bad("(profile)", item, expecting("object"));
  const o = item as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KNOWN_KEYS.includes(k)) issues.push(issue("profile.field_unknown", { field: prefix + k }));
  const before = issues.length;
  const text = (k: string) => (typeof o[k] === "string" && (o[k] as string).trim() !== "" ? (o[k] as string).trim() : void issues.push(issue("profile.field_required", { field: prefix + k })));
  const id = text("id");
  const name = text("name");
  if (o.version !== 1) bad("version", o.version, expecting("exact", { exact: 1 }));
  const columns: Partial<Record<TimeField, string>> = {};
  if (typeof o.columns !== "object" || o.columns === null || Array.isArray(o.columns)) bad("columns", o.columns, expecting("column_map"));
  else
    for (const [k, v] of Object.entries(o.columns)) {
      if (!(TIME_FIELDS as readonly string[]).includes(k)) issues.push(issue("profile.field_unknown", { field: `${prefix}columns.${k}` }));
      else if (typeof v !== "string" || v.trim() === "") bad(`columns.${k}`, v, expecting("header"));
      else columns[k as TimeField] = v.trim();
    }
  for (const f of REQUIRED_FIELDS) if (!columns[f]) issues.push(issue("profile.field_required", { field: `${prefix}columns.${f}` }));
  if ((columns.start === undefined) !== (columns.end === undefined)) bad("columns.end", columns.end, expecting("start_and_end"));
  if (!columns.start && !columns.minutes && !columns.hours && !columns.units) issues.push(issue("profile.field_required", { field: `${prefix}columns.minutes` }));
  if (o.dateTime !== undefined && o.dateTime !== "utc" && o.dateTime !== "local") bad("dateTime", o.dateTime, oneOf(["utc", "local"]));
  if (o.minutesPerUnit !== undefined && (typeof o.minutesPerUnit !== "string" || !isCanonicalDecimal(o.minutesPerUnit))) bad("minutesPerUnit", o.minutesPerUnit, expecting("decimal", { example: "1" }));
  for (const k of ["billableYes", "billableNo"])
    if (o[k] !== undefined && (!Array.isArray(o[k]) || (o[k] as unknown[]).some((v) => typeof v !== "string"))) bad(k, o[k], expecting("text_list"));
  if (o.aggregate !== undefined && typeof o.aggregate !== "boolean") bad("aggregate", o.aggregate, expecting("boolean"));
  if (!o.dateTime && !o.aggregate && !columns.date) issues.push(issue("profile.field_required", { field: `${prefix}columns.date` }));
  if (issues.length > before || !id || !name) return undefined;
  return {
    id,
    name,
    version: 1,
    columns,
    ...(o.dateTime ? { dateTime: o.dateTime as "utc" | "local" } : {}),
    ...(o.minutesPerUnit ? { minutesPerUnit: o.minutesPerUnit as string } : {}),
    ...(o.billableYes ? { billableYes: o.billableYes as string[] } : {}),
    ...(o.billableNo ? { billableNo: o.billableNo as string[] } : {}),
    ...(o.aggregate ? { aggregate: true } : {}),
    ...(typeof o.note === "string" ? { note: o.note } : {}),
  };
}
