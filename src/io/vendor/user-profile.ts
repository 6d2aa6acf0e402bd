import { pushAll } from "../../core/array";
import { parseJsonText } from "../json-text";
import { type Expectation, expecting, expectationParams, oneOf } from "../../core/expectation";
import { Issue, Result, fail, issue, ok } from "../../core/issues";
import type { DateOrder } from "../values";
import type { ColumnAliases, FieldSource, ProfileColumns, SignMode, VendorProfile } from "./profile";

/**
 * A file profile the user defines for a vendor without a built-in profile (SkyKick, Pax8, Ingram,
 * ALSO, Hornetsecurity, TD SYNNEX …): which column holds what, and how numbers and dates are
 * written. Plain JSON, saved in the store, exported and imported as a `.json` file, validated
 * whenever it is loaded. Compiled to a {@link VendorProfile} for reading.
 */

/** Version of the user profile format; a profile with another version is rejected on import. */
export const USER_PROFILE_VERSION = 1;

/** `format` of an exported profile file. */
export const PROFILE_FILE_FORMAT = "msp-billing/vendor-profiles";

export type ProfileDateFormat = "auto" | "YYYY-MM-DD" | "DD.MM.YYYY" | "M/D/YYYY" | "D/M/YYYY";

/** Header texts (as in the file, case-insensitive) that feed each field. */
export interface UserProfileColumns {
  customerId: string;
  customerName: string;
  /** One column, or several joined with `:` (e.g. plan id and resource id). */
  articleKey: string | string[];
  articleName: string;
  quantity: string;
  unitCost?: string;
  amount?: string;
  periodFrom?: string;
  periodTo?: string;
  chargeType?: string;
  subscriptionId?: string;
  currency?: string;
  /** Usage lines: the day of a usage row (the month it falls in is the billing month). */
  usageDate?: string;
  /** Usage lines: meter or product detail. */
  meter?: string;
  /** Usage lines: unit of the quantity (GB, hours …). */
  unit?: string;
  /** Usage lines: list (retail) price per unit, in the file's currency. */
  listPrice?: string;
}

/**
 * The usage role of a profile: which rows are consumption billed by quantity (re-billed through the
 * usage review, never counted as seats): every row, or the rows whose column holds one of the values
 * (case-insensitive), or is not empty when no values are given.
 */
export interface UserProfileUsage {
  rows: "all" | { column: string; values?: string[] };
}

export interface UserProfile {
  id: string;
  /** Format version, {@link USER_PROFILE_VERSION}. */
  version: number;
  name: string;
  /** Shown with the profile: where it comes from, what to check. */
  note?: string;
  /** True for shipped examples built from documentation, not from a real file. */
  example?: boolean;
  /** Headers a file must have to be recognised; every mapped column is required as well. */
  match: { requiredHeaders: string[] };
  csv?: { delimiter?: "," | ";" | "\t" | "|"; encoding?: "utf-8" | "windows-1252" };
  number: { decimalSeparator: "," | "." | "auto" };
  dateFormat: ProfileDateFormat;
  columns: UserProfileColumns;
  sign: { mode: SignMode };
  /** Currency of the amounts when the file has no currency column (ISO code, e.g. `EUR`). */
  currency?: string;
  /** Optional: which rows are usage lines (see {@link UserProfileUsage}). */
  usage?: UserProfileUsage;
}

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
const CURRENCY = /^[A-Z]{3}$/;
const DATE_FORMATS: readonly ProfileDateFormat[] = ["auto", "YYYY-MM-DD", "DD.MM.YYYY", "M/D/YYYY", "D/M/YYYY"];
const SIGN_MODES: readonly SignMode[] = ["asIs", "flip", "fromAmount"];
const REQUIRED_COLUMNS = ["customerId", "customerName", "articleKey", "articleName", "quantity"] as const;
const OPTIONAL_COLUMNS = ["unitCost", "amount", "periodFrom", "periodTo", "chargeType", "subscriptionId", "currency", "usageDate", "meter", "unit", "listPrice"] as const;
const TOP_FIELDS = ["id", "version", "name", "note", "example", "match", "csv", "number", "dateFormat", "columns", "sign", "currency", "usage"];

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function shown(v: unknown): string {
  if (typeof v === "string") return v.length > 60 ? `${v.slice(0, 57)}…` : v;
  try {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  } catch {
    return String(v);
  }
}

/**
 * Checks that `json` (parsed JSON of unknown shape) is a valid user profile. Every problem is its
 * own issue naming the field (`columns.quantity`, `number.decimalSeparator`); `path` prefixes the
 * names (`profiles[2].`). Unknown fields are errors too, so a typo never silently drops a column.
 */
export function validateProfile(json: unknown, path = ""): Result<UserProfile> {
  const issues: Issue[] = [];
  const f = (name: string): string => `${path}${name}`;
  const required = (name: string): Issue => issue("profile.field_required", { field: f(name) });
  const invalid = (name: string, value: unknown, expected: Expectation): Issue => issue("profile.field_invalid", { field: f(name), value: shown(value), ...expectationParams(expected) });
  const unknownFields = (o: Obj, allowed: readonly string[], prefix: string): void => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) issues.push(issue("profile.field_unknown", { field: f(prefix + k) }));
  };
  const text = (o: Obj, name: string, prefix: string, optional = false): string | undefined => {
    const v = o[name];
    if (v === undefined || v === null || v === "") {
      if (!optional) issues.push(required(prefix + name));
      return undefined;
    }
    if (typeof v !== "string" || v.trim() === "") {
      issues.push(invalid(prefix + name, v, expecting("text")));
      return undefined;
    }
    return v;
  };
  const choice = <T extends string>(o: Obj, name: string, prefix: string, allowed: readonly T[], optional = false): T | undefined => {
    const v = o[name];
    if (v === undefined) {
      if (!optional) issues.push(required(prefix + name));
      return undefined;
    }
    if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
      issues.push(invalid(prefix + name, v, oneOf(allowed)));
      return undefined;
    }
    return v as T;
  };
  const object = (o: Obj, name: string, optional = false): Obj | undefined => {
    const v = o[name];
    if (v === undefined && optional) return undefined;
    if (!isObject(v)) {
      issues.push(v === undefined ? required(name) : invalid(name, v, expecting("object")));
      return undefined;
    }
    return v;
  };

  if (!isObject(json)) return fail(invalid("", json, expecting("object")));
  unknownFields(json, TOP_FIELDS, "");

  if (json.version !== USER_PROFILE_VERSION) {
    if (json.version === undefined) issues.push(required("version"));
    else issues.push(issue("profile.version_unsupported", { found: shown(json.version), supported: USER_PROFILE_VERSION }));
  }
  const id = text(json, "id", "");
  if (id !== undefined && !ID.test(id)) issues.push(invalid("id", id, expecting("id")));
  const name = text(json, "name", "");
  const note = text(json, "note", "", true);
  if (json.example !== undefined && typeof json.example !== "boolean") issues.push(invalid("example", json.example, expecting("boolean")));

  const match = object(json, "match");
  const requiredHeaders: string[] = [];
  if (match) {
    unknownFields(match, ["requiredHeaders"], "match.");
    const rh = match.requiredHeaders;
    if (!Array.isArray(rh) || rh.length === 0) issues.push(rh === undefined ? required("match.requiredHeaders") : invalid("match.requiredHeaders", rh, expecting("header_list")));
    else
      rh.forEach((h, i) => {
        if (typeof h !== "string" || h.trim() === "") issues.push(invalid(`match.requiredHeaders[${i}]`, h, expecting("header")));
        else requiredHeaders.push(h);
      });
  }

  let csv: UserProfile["csv"];
  const csvObj = object(json, "csv", true);
  if (csvObj) {
    unknownFields(csvObj, ["delimiter", "encoding"], "csv.");
    const delimiter = choice(csvObj, "delimiter", "csv.", [",", ";", "\t", "|"] as const, true);
    const encoding = choice(csvObj, "encoding", "csv.", ["utf-8", "windows-1252"] as const, true);
    csv = {};
    if (delimiter) csv.delimiter = delimiter;
    if (encoding) csv.encoding = encoding;
  }

  let decimalSeparator: UserProfile["number"]["decimalSeparator"] | undefined;
  const numberObj = object(json, "number");
  if (numberObj) {
    unknownFields(numberObj, ["decimalSeparator"], "number.");
    decimalSeparator = choice(numberObj, "decimalSeparator", "number.", [",", ".", "auto"] as const);
  }
  const dateFormat = choice(json, "dateFormat", "", DATE_FORMATS);

  let mode: SignMode | undefined;
  const signObj = object(json, "sign");
  if (signObj) {
    unknownFields(signObj, ["mode"], "sign.");
    mode = choice(signObj, "mode", "sign.", SIGN_MODES);
  }

  const currency = text(json, "currency", "", true);
  if (currency !== undefined && !CURRENCY.test(currency)) issues.push(invalid("currency", currency, expecting("currency")));

  let columns: UserProfileColumns | undefined;
  const colObj = object(json, "columns");
  if (colObj) {
    unknownFields(colObj, [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS], "columns.");
    const out: Partial<UserProfileColumns> = {};
    for (const k of REQUIRED_COLUMNS) {
      if (k === "articleKey" && Array.isArray(colObj.articleKey)) {
        const parts = colObj.articleKey as unknown[];
        if (parts.length === 0) issues.push(required("columns.articleKey"));
        parts.forEach((p, i) => {
          if (typeof p !== "string" || p.trim() === "") issues.push(invalid(`columns.articleKey[${i}]`, p, expecting("header")));
        });
        if (parts.length > 0 && parts.every((p) => typeof p === "string" && p.trim() !== "")) out.articleKey = parts as string[];
        continue;
      }
      const v = text(colObj, k, "columns.");
      if (v !== undefined) (out as Record<string, string>)[k] = v;
    }
    for (const k of OPTIONAL_COLUMNS) {
      const v = text(colObj, k, "columns.", true);
      if (v !== undefined) (out as Record<string, string>)[k] = v;
    }
    if (mode === "fromAmount" && out.amount === undefined) issues.push(invalid("sign.mode", mode, expecting("sign_without_amount")));
    columns = out as UserProfileColumns;
  }

  let usage: UserProfileUsage | undefined;
  const usageObj = object(json, "usage", true);
  if (usageObj) {
    unknownFields(usageObj, ["rows"], "usage.");
    const rows = usageObj.rows;
    if (rows === "all") usage = { rows: "all" };
    else if (isObject(rows)) {
      unknownFields(rows, ["column", "values"], "usage.rows.");
      const column = text(rows, "column", "usage.rows.");
      const values = rows.values;
      let list: string[] | undefined;
      if (values !== undefined) {
        if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== "string" || v.trim() === "")) issues.push(invalid("usage.rows.values", values, expecting("text_list")));
        else list = values as string[];
      }
      if (column !== undefined) usage = { rows: { column, ...(list ? { values: list } : {}) } };
    } else issues.push(rows === undefined ? required("usage.rows") : invalid("usage.rows", rows, expecting("usage_rows")));
  }

  if (issues.length > 0) return fail(...issues);
  const profile: UserProfile = {
    id: id!,
    version: USER_PROFILE_VERSION,
    name: name!,
    match: { requiredHeaders },
    number: { decimalSeparator: decimalSeparator! },
    dateFormat: dateFormat!,
    columns: columns!,
    sign: { mode: mode! },
  };
  if (note !== undefined) profile.note = note;
  if (json.example === true) profile.example = true;
  if (csv && Object.keys(csv).length > 0) profile.csv = csv;
  if (currency !== undefined) profile.currency = currency;
  if (usage) profile.usage = usage;
  return ok(profile);
}

/** Header texts a user profile reads; a file must have all of them (and the required headers). */
export function userProfileHeaders(p: UserProfile): string[] {
  const c = p.columns;
  const usageColumn = p.usage && p.usage.rows !== "all" ? p.usage.rows.column : undefined;
  const mapped = [c.customerId, c.customerName, ...(Array.isArray(c.articleKey) ? c.articleKey : [c.articleKey]), c.articleName, c.quantity, c.unitCost, c.amount, c.periodFrom, c.periodTo, c.chargeType, c.subscriptionId, c.currency, c.usageDate, c.meter, c.unit, c.listPrice, usageColumn];
  const out: string[] = [];
  for (const h of [...p.match.requiredHeaders, ...mapped]) if (h !== undefined && !out.some((o) => o.toLowerCase() === h.toLowerCase())) out.push(h);
  return out;
}

function dateOrderOf(format: ProfileDateFormat): DateOrder {
  if (format === "DD.MM.YYYY" || format === "D/M/YYYY") return "dmy";
  if (format === "M/D/YYYY") return "mdy";
  return "auto";
}

/** The reader's form of a (validated) user profile. */
export function compileUserProfile(p: UserProfile): VendorProfile {
  const one = (h: string | undefined): FieldSource | undefined => (h === undefined ? undefined : [[h] as ColumnAliases]);
  const c = p.columns;
  const columns: ProfileColumns = {
    customerId: one(c.customerId)!,
    customerName: one(c.customerName),
    articleKey: (Array.isArray(c.articleKey) ? c.articleKey : [c.articleKey]).map((h) => one(h)!),
    articleName: one(c.articleName),
    quantity: one(c.quantity)!,
  };
  const optional: [keyof ProfileColumns, string | undefined][] = [
    ["amount", c.amount], ["unitCost", c.unitCost], ["chargeFrom", c.periodFrom], ["chargeTo", c.periodTo],
    ["chargeType", c.chargeType], ["subscriptionId", c.subscriptionId], ["currency", c.currency],
    ["usageDate", c.usageDate], ["meter", c.meter], ["unit", c.unit], ["listPrice", c.listPrice],
  ];
  for (const [field, header] of optional) if (header !== undefined) (columns as unknown as Record<string, FieldSource>)[field] = one(header)!;
  const compiled: VendorProfile = {
    id: p.id,
    version: p.version,
    name: p.name,
    origin: "user",
    requiredHeaders: userProfileHeaders(p).map((h) => [h]),
    columns,
    number: { decimalSeparator: p.number.decimalSeparator },
    dateOrder: dateOrderOf(p.dateFormat),
    sign: p.sign.mode,
    reportUnknownChargeTypes: false,
  };
  if (p.example) compiled.example = true;
  if (p.note !== undefined) compiled.note = p.note;
  if (p.currency !== undefined) compiled.defaultCurrency = p.currency;
  if (p.csv) compiled.csv = { ...p.csv };
  if (p.usage) compiled.usageRows = p.usage.rows === "all" ? { all: true } : { when: [{ column: [[p.usage.rows.column]], ...(p.usage.rows.values ? { values: p.usage.rows.values } : {}) }] };
  return compiled;
}

/** Canonical key order for exported profiles, so exports diff cleanly. */
function ordered(p: UserProfile): UserProfile {
  const out: UserProfile = { id: p.id, version: p.version, name: p.name } as UserProfile;
  if (p.note !== undefined) out.note = p.note;
  if (p.example) out.example = true;
  out.match = { requiredHeaders: [...p.match.requiredHeaders] };
  if (p.csv) out.csv = { ...p.csv };
  out.number = { decimalSeparator: p.number.decimalSeparator };
  out.dateFormat = p.dateFormat;
  const c = p.columns;
  const cols: Record<string, string | string[]> = {};
  for (const k of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
    const v = c[k];
    if (v !== undefined) cols[k] = Array.isArray(v) ? [...v] : v;
  }
  out.columns = cols as unknown as UserProfileColumns;
  out.sign = { mode: p.sign.mode };
  if (p.currency !== undefined) out.currency = p.currency;
  if (p.usage) out.usage = p.usage.rows === "all" ? { rows: "all" } : { rows: { column: p.usage.rows.column, ...(p.usage.rows.values ? { values: [...p.usage.rows.values] } : {}) } };
  return out;
}

/** User profiles as the text of a `.json` file: `{ format, version, profiles: [...] }`, pretty-printed. */
export function exportProfiles(profiles: readonly UserProfile[]): string {
  return JSON.stringify({ format: PROFILE_FILE_FORMAT, version: USER_PROFILE_VERSION, profiles: profiles.map(ordered) }, null, 2) + "\n";
}

export interface ImportProfilesOptions {
  /** Ids that imported profiles must not use (the built-in profiles'). */
  reservedIds?: readonly string[];
}

/**
 * Reads profiles from JSON text: an exported file (`{ format, version, profiles }`), a list of
 * profiles, or a single profile. Every profile is validated; any problem fails the whole import with
 * issues naming `profiles[i].field`, so a bad file never adds half of its profiles.
 */
export function importProfiles(text: string, options: ImportProfilesOptions = {}): Result<UserProfile[]> {
  const parsed = parseJsonText(text, { invalidCode: "profile.invalid_json" });
  if (!parsed.ok) return parsed;
  const json = parsed.value;
  let list: unknown[];
  let prefix = (i: number): string => `profiles[${i}].`;
  if (Array.isArray(json)) list = json;
  else if (isObject(json) && "profiles" in json) {
    if (json.format !== undefined && json.format !== PROFILE_FILE_FORMAT) return fail(issue("profile.field_invalid", { field: "format", value: shown(json.format), ...expectationParams(expecting("exact", { exact: PROFILE_FILE_FORMAT })) }));
    if (json.version !== undefined && json.version !== USER_PROFILE_VERSION) return fail(issue("profile.version_unsupported", { found: shown(json.version), supported: USER_PROFILE_VERSION }));
    if (!Array.isArray(json.profiles)) return fail(issue("profile.field_invalid", { field: "profiles", value: shown(json.profiles), ...expectationParams(expecting("profile_list")) }));
    list = json.profiles;
  } else {
    list = [json];
    prefix = () => "";
  }
  // An empty list saves nothing; refusing it keeps a save from committing (and rewriting) the store.
  if (list.length === 0) return fail(issue("profile.field_invalid", { field: "profiles", value: "[]", ...expectationParams(expecting("one_profile")) }));
  const issues: Issue[] = [];
  const profiles: UserProfile[] = [];
  const ids = new Set<string>();
  const reserved = new Set((options.reservedIds ?? []).map((r) => r.toLowerCase()));
  list.forEach((item, i) => {
    const r = validateProfile(item, prefix(i));
    if (!r.ok) {
      pushAll(issues, r.issues);
      return;
    }
    const key = r.value.id.toLowerCase();
    if (reserved.has(key)) issues.push(issue("profile.reserved_id", { id: r.value.id }));
    else if (ids.has(key)) issues.push(issue("profile.duplicate_id", { id: r.value.id }));
    ids.add(key);
    profiles.push(r.value);
  });
  return issues.length > 0 ? fail(...issues) : ok(profiles);
}
