/**
 * The export profile form (Stammdaten → Exportprofile): one profile's formats and its columns as
 * typed, turned into the JSON of a profile file, which `saveExportSettingsFile` checks with
 * `validateExportProfile` and stores (as `export-profile import` does). The form has no checks of
 * its own but one: a new profile may not take the id of a saved one unnoticed.
 */
import type { Issue } from "../../core/issues";
import { EXPORT_FIELDS, EXPORT_PROFILE_VERSION, type ExportField, type ExportLevel, type ExportProfile } from "../../io/export/custom-csv/profile";

export interface ColumnRow {
  /** An export field, `literal`, or empty (not chosen yet). */
  source: string;
  header: string;
  /** The fixed text of a literal column. */
  value: string;
}

export interface ProfileForm {
  id: string;
  name: string;
  level: string;
  delimiter: string;
  decimal: string;
  dateFormat: string;
  encoding: string;
  headerRow: boolean;
  /** Whether the stored profile says `headerRow` (absent means true): kept so an unchanged form stores the same. */
  headerRowSaid: boolean;
  columns: ColumnRow[];
}

/** A new profile: German CSV conventions Excel opens directly, one row per invoice. */
export function newProfileForm(label: (f: ExportField) => string): ProfileForm {
  const cols: ExportField[] = ["invoice_ref", "invoice_date", "customer_no", "customer_name", "net_total", "vat_total", "gross_total"];
  return {
    id: "",
    name: "",
    level: "invoice",
    delimiter: ";",
    decimal: ",",
    dateFormat: "DD.MM.YYYY",
    encoding: "utf-8-bom",
    headerRow: true,
    headerRowSaid: false,
    columns: cols.map((source) => ({ source, header: label(source), value: "" })),
  };
}

/** The form showing a saved profile. */
export function profileFormOf(p: ExportProfile): ProfileForm {
  return {
    id: p.id,
    name: p.name,
    level: p.level,
    delimiter: p.delimiter,
    decimal: p.decimal,
    dateFormat: p.dateFormat,
    encoding: p.encoding,
    headerRow: p.headerRow ?? true,
    headerRowSaid: p.headerRow !== undefined,
    columns: p.columns.map((c) => ({ source: c.source, header: c.header, value: c.source === "literal" ? c.value : "" })),
  };
}

/** Indexes of the column rows a form sends (rows left wholly empty are no column). */
export const keptColumns = (rows: readonly ColumnRow[]): number[] => rows.flatMap((r, i) => (r.source === "" && r.header.trim() === "" && r.value === "" ? [] : [i]));

/** The form as the JSON of one export profile (for a settings file `{"profiles": [ … ]}`). */
export function profileJsonOf(form: ProfileForm): Record<string, unknown> {
  const columns = keptColumns(form.columns).map((i) => {
    const c = form.columns[i]!;
    return {
      ...(c.source !== "" ? { source: c.source } : {}),
      ...(c.header.trim() !== "" ? { header: c.header.trim() } : {}),
      // a literal's text is kept as typed: spaces may be what the importing program expects
      ...(c.source === "literal" ? { value: c.value } : {}),
    };
  });
  const out: Record<string, unknown> = {
    id: form.id.trim(),
    version: EXPORT_PROFILE_VERSION,
    name: form.name.trim(),
    delimiter: form.delimiter,
    decimal: form.decimal,
    dateFormat: form.dateFormat,
    encoding: form.encoding,
    level: form.level,
  };
  if (!form.headerRow || form.headerRowSaid) out.headerRow = form.headerRow;
  out.columns = columns;
  return out;
}

/** The fields a column can show at a level (in the validator's order). */
export function fieldsAt(level: string): ExportField[] {
  return (Object.keys(EXPORT_FIELDS) as ExportField[]).filter((f) => (EXPORT_FIELDS[f].levels as readonly string[]).includes(level as ExportLevel));
}

/**
 * The form field a profile issue is about: `id`, `level`, `columns.2.header` (row 2 of the form,
 * empty rows counted) …, or null (listed under the save button).
 */
export function profileFieldOf(i: Issue, rows: readonly ColumnRow[]): string | null {
  const f = typeof i.params.field === "string" ? i.params.field : null;
  if (f === null) return null;
  const col = /^columns\[(\d+)\](?:\.(source|header|value))?$/.exec(f);
  if (col) {
    const row = keptColumns(rows)[Number(col[1])];
    return row === undefined ? null : `columns.${row}.${col[2] ?? "source"}`;
  }
  return ["columns", "id", "name", "delimiter", "decimal", "dateFormat", "encoding", "level", "headerRow"].includes(f) ? f : null;
}
