import { findHeaderRow, headerKey } from "../table/raw-table";
import { ColumnAliases, FieldSource, VendorProfile, profileColumnAliases } from "./profile";

/** A header row prepared for alias lookups. */
export interface HeaderIndex {
  /** Header cells as in the file. */
  headers: readonly string[];
  /** headerKey → first column index with that key. */
  byKey: ReadonlyMap<string, number>;
  /** Header texts that occur more than once (the first occurrence is used). */
  duplicates: readonly string[];
}

/** Indexes a header row by {@link headerKey}. */
export function indexHeaders(headers: readonly string[]): HeaderIndex {
  const byKey = new Map<string, number>();
  const duplicates: string[] = [];
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (k === "") return;
    if (byKey.has(k)) duplicates.push(h.trim());
    else byKey.set(k, i);
  });
  return { headers, byKey, duplicates };
}

/** Column index of the first alias the header has; -1 when none. */
export function resolveColumn(index: HeaderIndex, aliases: ColumnAliases): number {
  for (const a of aliases) {
    const i = index.byKey.get(headerKey(a));
    if (i !== undefined) return i;
  }
  return -1;
}

/** Indexes of the columns of a field source that the header has, in priority order. */
export function resolveField(index: HeaderIndex, source: FieldSource | undefined): number[] {
  if (!source) return [];
  const out: number[] = [];
  for (const aliases of source) {
    const i = resolveColumn(index, aliases);
    if (i >= 0 && !out.includes(i)) out.push(i);
  }
  return out;
}

/** Required headers of the profile the header lacks (each shown by its first alias). */
export function missingHeaders(profile: VendorProfile, index: HeaderIndex): string[] {
  return profile.requiredHeaders.filter((a) => resolveColumn(index, a) < 0).map((a) => a[0] ?? "");
}

export interface ProfileMatch {
  profile: VendorProfile;
  /** Columns of the profile the header has (required and optional): more is a better match. */
  score: number;
}

/** Profiles whose required headers are all present, best first (stable for equal scores). */
export function matchProfiles(headers: readonly string[] | HeaderIndex, profiles: readonly VendorProfile[]): ProfileMatch[] {
  const index = "byKey" in headers ? headers : indexHeaders(headers);
  const matches: ProfileMatch[] = [];
  for (const profile of profiles) {
    if (missingHeaders(profile, index).length > 0) continue;
    const score = profileColumnAliases(profile).filter((a) => resolveColumn(index, a) >= 0).length;
    matches.push({ profile, score });
  }
  return matches.sort((a, b) => b.score - a.score);
}

export interface Recognition {
  /** The best matching profile, or null. */
  profile: VendorProfile | null;
  /** Other profiles with the same score as the best one (reported as a tie). */
  ties: VendorProfile[];
}

/** Best profile for a header row; ties are the other profiles with the best score. */
export function recogniseProfile(headers: readonly string[] | HeaderIndex, profiles: readonly VendorProfile[]): Recognition {
  const matches = matchProfiles(headers, profiles);
  const best = matches[0];
  if (!best) return { profile: null, ties: [] };
  return { profile: best.profile, ties: matches.slice(1).filter((m) => m.score === best.score).map((m) => m.profile) };
}

/**
 * Finds the header row below any title lines: the first of the first `maxScan` non-blank rows that
 * some profile accepts. Returns its index into `rows` and the recognition, or null.
 */
export function findVendorHeader(
  rows: readonly (readonly string[])[],
  profiles: readonly VendorProfile[],
  maxScan = 50,
): { index: number; recognition: Recognition } | null {
  let recognition: Recognition = { profile: null, ties: [] };
  const index = findHeaderRow(
    rows,
    (row) => {
      recognition = recogniseProfile(row, profiles);
      return recognition.profile !== null;
    },
    maxScan,
  );
  return index < 0 ? null : { index, recognition };
}
