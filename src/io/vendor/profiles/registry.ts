import type { VendorProfile } from "../profile";
import { compileUserProfile, type UserProfile } from "../user-profile";
import { microsoftLegacyLicenseProfile } from "./microsoft-legacy-license.profile";
import { microsoftNceDailyUsageProfile } from "./microsoft-nce-daily-usage.profile";
import { microsoftNceInvoiceProfile } from "./microsoft-nce-invoice.profile";

/** The built-in profiles, in the order a tie between them is resolved. */
export const BUILTIN_PROFILES: readonly VendorProfile[] = [microsoftNceInvoiceProfile, microsoftLegacyLicenseProfile, microsoftNceDailyUsageProfile];

/** Ids the built-in profiles use (user profiles may not take them). */
export const BUILTIN_PROFILE_IDS: readonly string[] = BUILTIN_PROFILES.map((p) => p.id);

/** A built-in profile by id (case-insensitive). */
export function builtinProfile(id: string): VendorProfile | undefined {
  const k = id.toLowerCase();
  return BUILTIN_PROFILES.find((p) => p.id.toLowerCase() === k);
}

/** A user profile (JSON form) or an already compiled profile. */
export type AnyProfile = VendorProfile | UserProfile;

/** True for the reader's compiled form. */
export function isVendorProfile(p: AnyProfile): p is VendorProfile {
  return typeof p === "object" && p !== null && "origin" in p && Array.isArray((p as VendorProfile).requiredHeaders);
}

/** Compiles user profiles; compiled profiles pass through. */
export function toVendorProfile(p: AnyProfile): VendorProfile {
  return isVendorProfile(p) ? p : compileUserProfile(p);
}

/** Built-in profiles followed by the given user profiles, all compiled (the default candidate list). */
export function allProfiles(userProfiles: readonly UserProfile[] = []): VendorProfile[] {
  return [...BUILTIN_PROFILES, ...userProfiles.map(compileUserProfile)];
}
