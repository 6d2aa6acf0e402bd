import { pushAll } from "../core/array";
import { parseJsonText } from "../io/json-text";
import { Issue, Result, fail, hasErrors, issue, ok } from "../core/issues";
import { importProfilesJson, type ExportProfile } from "../io/export/custom-csv/profile";
import { validateDatevConfig, type DatevConfig } from "../io/export/datev/config";
import { validateCompanyInfo, type CompanyInfo } from "../io/export/documents/company";
import type { AppContext } from "./context";
import { saveExportProfiles, saveExportSettings } from "./export-invoices";

/** What one settings file held and what was saved from it. */
export interface SavedExportSettings {
  datev: boolean;
  company: boolean;
  profiles: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Saves the export settings of one JSON file, recognised by its content: DATEV settings (an object
 * with `consultantNo`), company data (`name` and `address`), export profiles (an exported profiles
 * file, a list, or one profile with `columns`), or several at once as
 * `{"datev": …, "company": …, "profiles": […]}`. The task pane's way to what the CLI does with
 * `export-settings` and `export-profile import`. Everything is validated first; any error saves nothing.
 */
export async function saveExportSettingsFile(ctx: AppContext, fileName: string, text: string): Promise<Result<SavedExportSettings>> {
  const parsed = parseJsonText(text, { invalidCode: "export.settings_invalid_json", params: { file: fileName }, where: { source: fileName } });
  if (!parsed.ok) return parsed;
  const parts = split(parsed.value);
  if (!parts) return fail(issue("export.settings_unknown_file", { file: fileName }, { source: fileName }));
  const issues: Issue[] = [];
  let datev: DatevConfig | undefined;
  let company: CompanyInfo | undefined;
  let profiles: ExportProfile[] = [];
  if (parts.datev !== undefined) {
    const r = validateDatevConfig(parts.datev);
    if (r.ok) datev = r.value;
    else pushAll(issues, r.issues);
  }
  if (parts.company !== undefined) {
    const r = validateCompanyInfo(parts.company);
    if (r.ok) company = r.value;
    else pushAll(issues, r.issues);
  }
  if (parts.profiles !== undefined) {
    const r = importProfilesJson(JSON.stringify(parts.profiles));
    if (r.ok) profiles = r.value;
    else pushAll(issues, r.issues);
  }
  const located = issues.map((i) => (i.where?.source ? i : { ...i, where: { ...i.where, source: fileName } }));
  if (hasErrors(located)) return fail(...located);
  if (datev || company) await saveExportSettings(ctx, { ...(datev ? { datev } : {}), ...(company ? { company } : {}) });
  if (profiles.length > 0) await saveExportProfiles(ctx, profiles);
  return ok({ datev: datev !== undefined, company: company !== undefined, profiles: profiles.map((p) => p.id) });
}

/** The parts of a settings file, or null when it is none of the known kinds. */
function split(json: unknown): { datev?: unknown; company?: unknown; profiles?: unknown } | null {
  if (Array.isArray(json)) return { profiles: json };
  if (!isObject(json)) return null;
  if ("datev" in json || "company" in json || ("profiles" in json && !("format" in json))) {
    const known = ["datev", "company", "profiles"];
    if (Object.keys(json).some((k) => !known.includes(k))) return null;
    return { ...("datev" in json ? { datev: json.datev } : {}), ...("company" in json ? { company: json.company } : {}), ...("profiles" in json ? { profiles: json.profiles } : {}) };
  }
  if ("consultantNo" in json) return { datev: json };
  if ("columns" in json || "format" in json) return { profiles: json };
  if ("name" in json && "address" in json) return { company: json };
  return null;
}
