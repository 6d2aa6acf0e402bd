import { fail, issue, ok, type Result } from "../core/issues";
import { validateExportProfile } from "../io/export/custom-csv/profile";
import { EXPORT_PROFILE_PREFIX } from "../store/settings";
import type { AppContext } from "./context";

/** The profile a deletion removed. */
export interface DeletedExportProfile {
  id: string;
  /** Its name as saved (the id when the saved profile no longer validates). */
  name: string;
}

/**
 * Deletes one saved export profile (`custom:ID` in `bill`/`export --format`), with an audit entry
 * that keeps the whole profile as `before`, so it can be saved again from the Protokoll or an exported
 * profiles file. An unknown id is refused (`export.profile_delete_unknown`, naming the saved ones) and
 * nothing changes. Billing runs, invoices and files already exported with the profile stay as they
 * are: a profile only shapes files written from now on, and an export that still names it afterwards
 * fails with `export.unknown_profile`. No setting stores a chosen profile (the pane's format choice
 * lives in the pane and falls back to the CSV of its language when the profile is gone), so there is
 * nothing else to clear. A saved profile that no longer validates can be deleted too.
 */
export async function deleteExportProfile(ctx: AppContext, id: string): Promise<Result<DeletedExportProfile>> {
  return ctx.store.write(async (tx) => {
    const key = EXPORT_PROFILE_PREFIX + id;
    const before = await tx.settings.getRaw(key);
    if (before === undefined) {
      const saved = (await tx.settings.withPrefix(EXPORT_PROFILE_PREFIX)).map((row) => row.key.slice(EXPORT_PROFILE_PREFIX.length));
      return fail(issue("export.profile_delete_unknown", { profile: id, profiles: saved.join(", ") || "—" }));
    }
    await tx.settings.deleteRaw(key);
    await tx.audit.append([{ at: ctx.now(), kind: "exportProfile.delete", source: "manual", entity: `setting:${key}`, before }]);
    const valid = validateExportProfile(before);
    return ok({ id, name: valid.ok ? valid.value.name : id });
  });
}
