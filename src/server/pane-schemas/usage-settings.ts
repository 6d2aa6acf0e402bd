/**
 * JSON schemas (draft 2020-12) of the `args` array of the pane calls for Zeiten/Zähler, usage,
 * settings, vendor profiles, backup and restore (`POST /api/pane/NAME`, src/server/routes-pane.ts):
 * the arguments after the context, as the pane sends them (encodeCallJson: files' bytes as
 * `{"$bytes": base64}`). A call whose arguments do not fit is refused before the use case runs.
 */
import type { JsonSchema, PaneArgSchemas } from "./common";

const text = { type: "string" } as const;
const name = { type: "string", minLength: 1 } as const;
const month = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$" } as const;
const isoDate = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" } as const;
const timestamp = { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$" } as const;
const sha256 = { type: "string", pattern: "^[0-9a-f]{64}$" } as const;
const decimal = { type: "string", pattern: "^-?[0-9]+(\\.[0-9]+)?$" } as const;
const nullable = <T extends object>(s: T) => ({ anyOf: [s, { type: "null" }] });

/** A file's bytes as encodeCallJson sends them. */
const bytes = { type: "object", properties: { $bytes: { type: "string", pattern: "^[A-Za-z0-9+/]*={0,2}$" } }, required: ["$bytes"], additionalProperties: false } as const;

/** An uploaded file (InputFile): its name and bytes; its SHA-256 is taken on the server, never sent. */
const file = { type: "object", properties: { name, bytes }, required: ["name", "bytes"], additionalProperties: false } as const;

const where = {
  type: "object",
  properties: { source: text, row: { type: "integer", minimum: 0 }, column: text, cell: text },
  additionalProperties: false,
} as const;

/** Where a sheet of decisions came from (audit source). */
const origin = { type: "object", properties: { name, sha256: text }, required: ["name", "sha256"], additionalProperties: false } as const;

const issue = {
  type: "object",
  properties: { code: name, severity: { enum: ["error", "warning", "info"] }, params: { type: "object", additionalProperties: { anyOf: [{ type: "string" }, { type: "number" }] } }, where },
  required: ["code", "severity", "params"],
} as const;

/** A vendor file line as the pane's reader made it (src/io/vendor/vendor-line.ts): what importUsage reads of it is typed. */
const vendorLine = {
  type: "object",
  properties: {
    profileId: name,
    source: text,
    row: { type: "integer", minimum: 0 },
    rowCount: { type: "integer", minimum: 1 },
    vendorCustomerId: text,
    vendorCustomerName: text,
    vendorArticleKey: text,
    vendorArticleName: text,
    subscriptionId: text,
    chargeType: text,
    chargeKind: text,
    changesQuantity: { type: "boolean" },
    chargeFrom: nullable(isoDate),
    chargeTo: nullable(isoDate),
    coveredMonths: nullable(decimal),
    quantity: decimal,
    unitCost: nullable(decimal),
    amount: nullable(decimal),
    currency: text,
    meter: text,
    unit: text,
    listAmount: decimal,
  },
  required: ["profileId", "source", "row", "vendorCustomerId", "vendorArticleKey", "chargeType", "chargeKind", "quantity", "unitCost", "amount", "currency"],
} as const;

/** A read vendor file (VendorFileRead): name, SHA-256 of its bytes and the reader's result. */
const vendorFileRead = {
  type: "object",
  properties: {
    name,
    sha256,
    result: { type: "object", properties: { lines: { type: "array", items: vendorLine }, issues: { type: "array", items: issue } }, required: ["lines", "issues"] },
  },
  required: ["name", "sha256", "result"],
  additionalProperties: false,
} as const;

/** Exactly these items. */
function tuple(items: readonly object[]): JsonSchema {
  return items.length === 0 ? { type: "array", maxItems: 0 } : { type: "array", prefixItems: items, items: false, minItems: items.length, maxItems: items.length };
}

/**
 * The `args` array: these items, the last `optional` of them may be left out (the pane leaves out
 * trailing undefined arguments). One tuple per allowed length, so Ajv's strict tuple check holds.
 */
function args(items: readonly object[], optional = 0): JsonSchema {
  if (optional === 0) return tuple(items);
  return { type: "array", anyOf: Array.from({ length: optional + 1 }, (_, i) => tuple(items.slice(0, items.length - optional + i))) };
}

export const USAGE_SETTINGS_SCHEMAS: PaneArgSchemas = {
  // Zeiten/Zähler
  importTime: args([file, { type: "object", properties: { profileId: name, date: isoDate }, additionalProperties: false }], 1),
  importMeters: args([file]),
  reviewMeters: args([month]),
  reviewTimeEntries: args([month]),
  applyTimeDecisions: args(
    [{ type: "array", items: { type: "object", properties: { entryId: name, billable: { type: "boolean" }, where }, required: ["entryId", "billable", "where"], additionalProperties: false } }, origin],
    1,
  ),
  setRules: args([text, name]),
  timeBalanceFigures: args([name, month]),
  contractNumbers: args([]),
  // usage (Azure)
  setUsageRules: args([text, name]),
  importUsage: args([{ type: "array", items: vendorFileRead, minItems: 1 }]),
  reviewUsage: args([month]),
  applyUsageDecisions: args(
    [{ type: "array", items: { type: "object", properties: { key: name, decision: { enum: ["approve", "hold"] }, where }, required: ["key", "decision"], additionalProperties: false } }, origin],
    1,
  ),
  // settings and vendor profiles
  saveExportSettingsFile: args([name, text]),
  deleteExportProfile: args([name]),
  saveProfilesFromJson: args([text]),
  exportUserProfiles: args([{ type: "array", items: name }], 1),
  // backup and restore
  backupJson: args([timestamp]),
  pushBackupFile: args([file]),
};
