import { pushAll } from "../core/array";
import { Issue, Result, ok } from "../core/issues";
import { BUILTIN_PROFILE_IDS } from "../io/vendor/profiles/registry";
import { EXAMPLE_USER_PROFILES } from "../io/vendor/profiles/ingram-rde-short.example";
import { exportProfiles, importProfiles, validateProfile, type UserProfile } from "../io/vendor/user-profile";
import type { AppContext } from "./context";

/** The user-defined vendor profiles saved in the store (invalid saved ones are skipped with an issue). */
export async function loadUserProfiles(ctx: AppContext): Promise<{ profiles: UserProfile[]; issues: Issue[] }> {
  const profiles: UserProfile[] = [];
  const issues: Issue[] = [];
  for (const rec of await ctx.store.read((tx) => tx.profiles.all())) {
    let json: unknown;
    try {
      json = JSON.parse(rec.json);
    } catch {
      json = null;
    }
    const r = validateProfile(json);
    if (r.ok) profiles.push(r.value);
    else pushAll(issues, r.issues.map((i) => ({ ...i, severity: "warning" as const, where: { source: `profile ${rec.id}` } })));
  }
  return { profiles, issues };
}

/** Saves profiles from JSON text (an exported file, a list or one profile); any invalid one saves nothing. */
export async function saveProfilesFromJson(ctx: AppContext, text: string): Promise<Result<UserProfile[]>> {
  const parsed = importProfiles(text, { reservedIds: BUILTIN_PROFILE_IDS });
  if (!parsed.ok) return parsed;
  await ctx.store.write(async (tx) => {
    const before = await tx.profiles.getMany(parsed.value.map((p) => p.id));
    await tx.profiles.putMany(parsed.value.map((p) => ({ id: p.id, name: p.name, json: JSON.stringify(p) })));
    const at = ctx.now();
    await tx.audit.append(parsed.value.map((p, i) => ({ at, kind: before[i] ? "profile.update" : "profile.add", source: "manual", entity: `profile:${p.id}`, before: before[i], after: p })));
  });
  return ok(parsed.value);
}

/** The saved user profiles as an export file (JSON text). */
export async function exportUserProfiles(ctx: AppContext, ids?: readonly string[]): Promise<string> {
  const { profiles } = await loadUserProfiles(ctx);
  return exportProfiles(ids && ids.length > 0 ? profiles.filter((p) => ids.includes(p.id)) : profiles);
}

/** Example profiles shipped with the product (built from vendor documentation, not from real files). */
export const EXAMPLE_PROFILES = EXAMPLE_USER_PROFILES;
