import type { Note } from "./issues";

/**
 * What an audit entry says, as a message code with params (rendered per language by the host, the
 * *Protokoll* shows sentences instead of keys like `contract.version.add`). The entity (`contract:V-1/2`,
 * `mapping:customer:<id>`, `setting:company`) gives the object; settings are named by what they hold.
 * Kinds without a sentence of their own get a generic one that still names kind and entity.
 */
export function auditNote(entry: { kind: string; entity: string }): Note {
  const colon = entry.entity.indexOf(":");
  const type = colon >= 0 ? entry.entity.slice(0, colon) : "";
  const id = colon >= 0 ? entry.entity.slice(colon + 1) : entry.entity;
  if (entry.kind === "mapping.put") {
    const [kind, ...rest] = id.split(":");
    return { code: kind === "article" ? "audit.mapping.put.article" : "audit.mapping.put.customer", params: { id: rest.join(":") } };
  }
  if (type === "setting" || type === "settings") {
    const setting = SETTING_CODES.find(([prefix]) => id === prefix || id.startsWith(`${prefix}:`) || id.startsWith(`${prefix}/`));
    if (setting) return { code: kindCode(entry.kind), params: { setting: setting[1], id: id.slice(setting[0].length + 1) } };
  }
  if (entry.kind === "undo.delete" || entry.kind === "undo.restore") return { code: kindCode(entry.kind), params: { id: entry.entity } };
  return AUDIT_KINDS.has(entry.kind) ? { code: kindCode(entry.kind), params: { id } } : { code: "audit.other", params: { kind: entry.kind, id: entry.entity } };
}

/**
 * The object of an audit entry in words (`contract:V-1/2` → "Vertrag/Position V-1/2"), for the auditor export's
 * *Objekt* column; entities of an unknown type are shown as they are.
 */
export function auditObjectNote(entity: string): Note {
  const colon = entity.indexOf(":");
  const type = colon >= 0 ? entity.slice(0, colon) : "";
  const id = colon >= 0 ? entity.slice(colon + 1) : entity;
  if (type === "mapping") {
    const [kind, ...rest] = id.split(":");
    if (kind === "customer" || kind === "article") return { code: `audit.object.mapping.${kind}`, params: { id: rest.join(":") } };
  }
  if (type === "setting" || type === "settings") {
    const setting = SETTING_CODES.find(([prefix]) => id === prefix || id.startsWith(`${prefix}:`) || id.startsWith(`${prefix}/`));
    if (setting) return { code: "audit.object.setting", params: { setting: setting[1], id: id.slice(setting[0].length + 1) } };
  }
  // A position (`contract:V-1/2`, `purchase:EK-1/3`) is named as one, as the sentences do.
  if ((type === "contract" || type === "purchase") && id.includes("/")) return { code: `audit.object.${type}_position`, params: { id } };
  return OBJECT_TYPES.has(type) ? { code: `audit.object.${type.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`, params: { id } } : { code: "audit.object.other", params: { id: entity } };
}

/** Entity types with words of their own (`audit.object.<type>` in messages.ts). */
export const OBJECT_TYPES: ReadonlySet<string> = new Set([
  "customer", "article", "contract", "purchase", "link", "run", "invoice", "sepa", "mandate", "batch", "file", "user", "profile", "time", "usage", "usageMark",
  // rows named by an undo (src/core/undo/batch-dependencies.ts rowEntity)
  "timeEntry", "meterReading", "contractVersion", "purchaseContract",
]);

/** The source of an audit entry in words: `manual` (typed in pane or CLI) has one; ids, batch ids and file hashes stay. */
export function auditSourceNote(source: string): Note {
  return source === "manual" ? { code: "audit.source.manual", params: {} } : { code: "audit.source.other", params: { id: source } };
}

/** Message codes are lower-case: `exportProfile.add` is `audit.export_profile.add`. */
const kindCode = (kind: string): string => `audit.${kind.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

/** Setting keys (prefixes) and the word param naming them in the sentences (`audit.setting.*` codes). */
const SETTING_CODES: readonly (readonly [string, string])[] = [
  ["datevConfig", "datev"],
  ["company", "company"],
  ["exportProfile", "exportProfile"],
  ["taskpane.lastBackupAt", "lastBackup"],
  ["time.rules", "timeRules"],
  ["time.profiles", "timeProfile"],
  ["usage.rules", "usageRules"],
  ["sepa", "sepa"],
];

/** Kinds with a sentence of their own (`audit.<kind>` in messages.ts). */
export const AUDIT_KINDS: ReadonlySet<string> = new Set([
  "customer.add", "customer.update", "article.add", "article.update", "contract.add", "contract.update", "contract.version.add", "contract.version.correct",
  "purchase.add", "purchase.update", "purchase.version.add", "purchase.version.correct", "purchase.link.add", "purchase.link.remove",
  "batch.undo", "billing.run", "billing.run.undo", "billing.run.issue", "invoice.cancel",
  "usage.mark", "usage.billed", "usage.import", "usage.decide", "time.import", "time.approve", "meters.import",
  "profile.add", "profile.update", "mandate.add", "mandate.update", "mandate.used", "sepa.export", "sepa.export.repeat",
  "store.restore", "store.push", "store.migrate", "mapping.normalize", "mapping.id_collision", "server.user.add", "server.user.disable", "server.user.enable",
]);
