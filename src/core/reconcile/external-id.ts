/**
 * Vendor ids as mappings compare them. Microsoft writes the same tenant GUID in upper case in one
 * file (the documented legacy sample) and in lower case in another (NCE files, API examples), so a
 * GUID-like id matches whatever its case: it is trimmed and lower-cased. Any other id (SKU keys such
 * as `CFQ7TTC0LH18:0001`, account numbers) is only trimmed: its case may carry meaning.
 */

/** A GUID, optionally in braces (`{…}`), in any case. */
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/**
 * The one normal form of an external (vendor) id, used by every mapping lookup, every stored mapping
 * and every review row: GUIDs lower case without braces, other ids trimmed as they are.
 */
export function normalizeExternalId(id: string): string {
  const t = id.trim();
  if (t.length < 36 || t.length > 38 || !GUID.test(t)) return t;
  return (t.startsWith("{") ? t.slice(1, -1) : t).toLowerCase();
}

/** True when the id looks like a GUID (and so matches case-insensitively). */
export function isGuidLike(id: string): boolean {
  return GUID.test(id.trim());
}

/** Key of a mapping (`kind|source|externalId`) with the id in its normal form: the store's mapping id. */
export function mappingKey(kind: string, source: string, externalId: string): string {
  return `${kind}|${source}|${normalizeExternalId(externalId)}`;
}
