import { pushAll } from "../../../core/array";
import { parseJsonText } from "../../json-text";
import { expecting, expectationParams, oneOf } from "../../../core/expectation";
import { Issue, Result, fail, issue, ok } from "../../../core/issues";
import { JsonCheck, isObject, shown } from "./json-check";

/**
 * A user-defined invoice export (PRODUCT.md §6.3, research/domain.md D2 "Sage 100 style"): which
 * columns, in which order, under which header names, with which delimiter, decimal separator, date
 * format and encoding, at which level (one row per invoice line, per invoice, or per invoice and VAT
 * rate, the level of a booking import). Plain JSON, saved in the store's settings under
 * `exportProfile:<id>`, exported and imported as a `.json` file, validated whenever it is loaded.
 */

export const EXPORT_PROFILE_VERSION = 1;
/** `format` of an exported profile file. */
export const EXPORT_PROFILE_FILE_FORMAT = "msp-billing/export-profiles";

export type ExportLevel = "line" | "invoice" | "vat_rate";
export type ExportDateFormat = "YYYY-MM-DD" | "DD.MM.YYYY" | "DD.MM.YY" | "DDMMYYYY" | "DDMM";
export type ExportEncoding = "utf-8" | "utf-8-bom" | "windows-1252";
export type ExportDelimiter = ";" | "," | "\t" | "|";

export const EXPORT_LEVELS: readonly ExportLevel[] = ["line", "invoice", "vat_rate"];
export const EXPORT_DATE_FORMATS: readonly ExportDateFormat[] = ["YYYY-MM-DD", "DD.MM.YYYY", "DD.MM.YY", "DDMMYYYY", "DDMM"];
export const EXPORT_ENCODINGS: readonly ExportEncoding[] = ["utf-8", "utf-8-bom", "windows-1252"];
export const EXPORT_DELIMITERS: readonly ExportDelimiter[] = [";", ",", "\t", "|"];

export type FieldKind = "text" | "number" | "date";

/** A field a column can show: its kind, the levels it exists at, and what it holds. */
export interface ExportFieldInfo {
  kind: FieldKind;
  levels: readonly ExportLevel[];
  description: string;
}

const ALL: readonly ExportLevel[] = ["line", "invoice", "vat_rate"];
const LINE: readonly ExportLevel[] = ["line"];
const RATE: readonly ExportLevel[] = ["vat_rate"];

/**
 * Every source a column can name. Invoice (header) fields exist at every level; line fields only
 * with `level: "line"`; the per-rate and account fields only with `level: "vat_rate"`.
 */
export const EXPORT_FIELDS = {
  invoice_ref: { kind: "text", levels: ALL, description: "invoice number" },
  run_id: { kind: "text", levels: ALL, description: "billing run id" },
  document_type: { kind: "text", levels: ALL, description: "invoice | correction" },
  document_title: { kind: "text", levels: ALL, description: "Rechnung | Rechnungskorrektur | Stornorechnung" },
  corrects_refs: { kind: "text", levels: ALL, description: "invoices corrected by lines of the invoice (at vat_rate level: of that rate), comma-separated" },
  customer_no: { kind: "text", levels: ALL, description: "customer number" },
  customer_name: { kind: "text", levels: ALL, description: "customer name" },
  customer_vat_id: { kind: "text", levels: ALL, description: "customer's VAT id (USt-IdNr.)" },
  debtor_account: { kind: "text", levels: ALL, description: "customer's debtor account (from the customer, else the DATEV settings' scheme)" },
  invoice_date: { kind: "date", levels: ALL, description: "invoice date" },
  invoice_service_from: { kind: "date", levels: ALL, description: "earliest service date of the invoice" },
  invoice_service_to: { kind: "date", levels: ALL, description: "latest service date of the invoice" },
  net_total: { kind: "number", levels: ALL, description: "invoice net total" },
  vat_total: { kind: "number", levels: ALL, description: "invoice VAT total" },
  gross_total: { kind: "number", levels: ALL, description: "invoice gross total" },
  currency: { kind: "text", levels: ALL, description: "EUR" },
  line_no: { kind: "number", levels: LINE, description: "line number within the invoice" },
  contract_no: { kind: "text", levels: LINE, description: "contract number" },
  position_no: { kind: "number", levels: LINE, description: "position number" },
  article_no: { kind: "text", levels: LINE, description: "article number" },
  description: { kind: "text", levels: LINE, description: "line description" },
  line_type: { kind: "text", levels: LINE, description: "recurring | difference | time | flat_fee | click | usage" },
  service_from: { kind: "date", levels: LINE, description: "service period start of the line" },
  service_to: { kind: "date", levels: LINE, description: "service period end of the line" },
  quantity: { kind: "number", levels: LINE, description: "quantity" },
  unit_price: { kind: "number", levels: LINE, description: "net unit price per month" },
  discount_pct: { kind: "number", levels: LINE, description: "discount in percent" },
  period_factor: { kind: "number", levels: LINE, description: "months covered (day-exact)" },
  net_amount: { kind: "number", levels: LINE, description: "line net, rounded to cents" },
  corrects_ref: { kind: "text", levels: LINE, description: "invoice the line corrects" },
  vat_pct: { kind: "number", levels: ["line", "vat_rate"], description: "VAT rate in percent" },
  rate_net: { kind: "number", levels: RATE, description: "net of the invoice at this rate" },
  rate_vat: { kind: "number", levels: RATE, description: "VAT of the invoice at this rate" },
  rate_gross: { kind: "number", levels: RATE, description: "gross of the invoice at this rate (negative for a credit)" },
  rate_gross_abs: { kind: "number", levels: RATE, description: "gross at this rate without sign (with debit_credit)" },
  debit_credit: { kind: "text", levels: RATE, description: "S for a debit of the customer, H for a credit" },
  revenue_account: { kind: "text", levels: RATE, description: "revenue account of the rate (DATEV settings)" },
  debit_account: { kind: "text", levels: RATE, description: "Soll: debtor account for an invoice, revenue account for a credit" },
  credit_account: { kind: "text", levels: RATE, description: "Haben: revenue account for an invoice, debtor account for a credit" },
} as const satisfies Record<string, ExportFieldInfo>;

export type ExportField = keyof typeof EXPORT_FIELDS;
export const EXPORT_FIELD_NAMES = Object.keys(EXPORT_FIELDS) as ExportField[];
/** Fields that need account settings (the DATEV settings). */
export const ACCOUNT_FIELDS: readonly ExportField[] = ["revenue_account", "debit_account", "credit_account"];

/** One column: a field, or a fixed text (`source: "literal"` with `value`), under the user's header. */
export type ExportColumn = { source: ExportField; header: string } | { source: "literal"; header: string; value: string };

export interface ExportProfile {
  id: string;
  version: number;
  name: string;
  delimiter: ExportDelimiter;
  decimal: "," | ".";
  dateFormat: ExportDateFormat;
  encoding: ExportEncoding;
  level: ExportLevel;
  /** Write the header names as the first row (default true). */
  headerRow?: boolean;
  columns: ExportColumn[];
}

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
const TOP_FIELDS = ["id", "version", "name", "delimiter", "decimal", "dateFormat", "encoding", "level", "headerRow", "columns"];

/**
 * Checks an export profile (parsed JSON). Every problem is an issue naming the field
 * (`columns[2].source`); `path` prefixes the names (`profiles[1].`).
 */
export function validateExportProfile(json: unknown, path = ""): Result<ExportProfile> {
  const c = new JsonCheck({ required: "profile.field_required", invalid: "profile.field_invalid", unknown: "profile.field_unknown" });
  if (!isObject(json)) {
    c.invalid(path || "(profile)", json, expecting("object"));
    return fail(...c.issues);
  }
  c.onlyKnown(json, TOP_FIELDS, path);
  if (json.version !== EXPORT_PROFILE_VERSION) {
    if (json.version === undefined) c.required(`${path}version`);
    else c.issues.push(issue("profile.version_unsupported", { found: shown(json.version), supported: EXPORT_PROFILE_VERSION }));
  }
  const id = c.text(json, "id", path);
  if (id !== undefined && !ID.test(id)) c.invalid(`${path}id`, id, expecting("id"));
  const name = c.text(json, "name", path);
  const delimiter = c.choice(json, "delimiter", EXPORT_DELIMITERS, path);
  const decimal = c.choice(json, "decimal", [",", "."] as const, path);
  const dateFormat = c.choice(json, "dateFormat", EXPORT_DATE_FORMATS, path);
  const encoding = c.choice(json, "encoding", EXPORT_ENCODINGS, path);
  const level = c.choice(json, "level", EXPORT_LEVELS, path);
  const headerRow = c.boolean(json, "headerRow", path);

  const columns: ExportColumn[] = [];
  const cols = json.columns;
  if (!Array.isArray(cols) || cols.length === 0) {
    if (cols === undefined) c.required(`${path}columns`);
    else c.invalid(`${path}columns`, cols, expecting("export_columns"));
  } else {
    const headers = new Map<string, number>();
    cols.forEach((col: unknown, i) => {
      const p = `${path}columns[${i}].`;
      if (!isObject(col)) {
        c.invalid(`${path}columns[${i}]`, col, expecting("export_column"));
        return;
      }
      c.onlyKnown(col, ["source", "header", "value"], p);
      const header = c.text(col, "header", p);
      const source = col.source;
      if (source === undefined) c.required(`${p}source`);
      else if (source === "literal") {
        const value = col.value;
        if (typeof value !== "string") c.invalid(`${p}value`, value, expecting("literal_text"));
        else if (header !== undefined) columns.push({ source: "literal", header, value });
      } else if (typeof source !== "string" || !(source in EXPORT_FIELDS)) {
        c.invalid(`${p}source`, source, oneOf([...EXPORT_FIELD_NAMES, "literal"]));
      } else {
        const info: ExportFieldInfo = EXPORT_FIELDS[source as ExportField];
        if (col.value !== undefined) c.invalid(`${p}value`, col.value, expecting("no_value"));
        if (level !== undefined && !info.levels.includes(level)) c.invalid(`${p}source`, source, expecting("field_of_level", { level, name: source, levels: info.levels.join(", ") }));
        else if (header !== undefined) columns.push({ source: source as ExportField, header });
      }
      if (header !== undefined) {
        const key = header.trim().toLowerCase();
        const before = headers.get(key);
        if (before !== undefined) c.invalid(`${p}header`, header, expecting("unique_header", { index: before }));
        else headers.set(key, i);
      }
    });
  }
  if (c.issues.length > 0) return fail(...c.issues);
  const profile: ExportProfile = { id: id!, version: EXPORT_PROFILE_VERSION, name: name!, delimiter: delimiter!, decimal: decimal!, dateFormat: dateFormat!, encoding: encoding!, level: level!, columns };
  if (headerRow !== undefined) profile.headerRow = headerRow;
  return ok(profile);
}

/** True when a profile shows account fields (it needs the DATEV settings for the accounts). */
export function needsAccounts(profile: ExportProfile): boolean {
  return profile.columns.some((c) => (ACCOUNT_FIELDS as readonly string[]).includes(c.source));
}

/** Profiles as an export file (JSON text, stable field order). */
export function exportProfilesJson(profiles: readonly ExportProfile[]): string {
  return JSON.stringify({ format: EXPORT_PROFILE_FILE_FORMAT, version: EXPORT_PROFILE_VERSION, profiles }, null, 2) + "\n";
}

/**
 * Reads profiles from JSON text: an exported file (`{format, version, profiles}`), a list, or one
 * profile. All or nothing: any invalid profile or a duplicate id fails the whole import.
 */
export function importProfilesJson(text: string): Result<ExportProfile[]> {
  const parsed = parseJsonText(text, { invalidCode: "profile.invalid_json" });
  if (!parsed.ok) return parsed;
  const json = parsed.value;
  let list: unknown[];
  let prefix = "";
  if (Array.isArray(json)) list = json;
  else if (isObject(json) && json.format === EXPORT_PROFILE_FILE_FORMAT) {
    if (!Array.isArray(json.profiles)) return fail(issue("profile.field_invalid", { field: "profiles", value: shown(json.profiles), ...expectationParams(expecting("profile_list")) }));
    list = json.profiles;
    prefix = "profiles";
  } else list = [json];
  const issues: Issue[] = [];
  const profiles: ExportProfile[] = [];
  const ids = new Set<string>();
  list.forEach((p, i) => {
    const r = validateExportProfile(p, list.length > 1 || prefix ? `${prefix || ""}[${i}].` : "");
    if (!r.ok) pushAll(issues, r.issues);
    else if (ids.has(r.value.id)) issues.push(issue("profile.duplicate_id", { id: r.value.id }));
    else {
      ids.add(r.value.id);
      profiles.push(r.value);
    }
  });
  return issues.length > 0 ? fail(...issues) : ok(profiles);
}
