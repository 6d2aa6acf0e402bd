/**
 * Building blocks of the `/api/pane` argument schemas (JSON Schema 2020-12; checked with Ajv before
 * a use case runs). A call's schema describes its `args` array as it arrives: files are
 * `{ "$bytes": base64 }` (see encodeCallJson in src/app/pane-calls.ts).
 */
import type { PaneCallName } from "../../app/pane-calls";

export type JsonSchema = { [keyword: string]: unknown };

/** The argument schemas of one area of the pane. */
export type PaneArgSchemas = Partial<Record<PaneCallName, JsonSchema>>;

export const str: JsonSchema = { type: "string" };
export const nonEmpty: JsonSchema = { type: "string", minLength: 1 };
export const bool: JsonSchema = { type: "boolean" };
export const int: JsonSchema = { type: "integer" };
export const isoDate: JsonSchema = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
export const isoMonth: JsonSchema = { type: "string", pattern: "^\\d{4}-\\d{2}$" };
/** A decimal as stored (`12.50`, `-3`). */
export const decimal: JsonSchema = { type: "string", pattern: "^-?\\d+(\\.\\d+)?$" };
export const bytes: JsonSchema = { type: "object", properties: { $bytes: { type: "string" } }, required: ["$bytes"], additionalProperties: false };
/** An uploaded file (InputFile). */
export const inputFile: JsonSchema = obj({ name: nonEmpty, bytes }, ["name", "bytes"]);
/** The file a review or proposal was read from (its name and checksum). */
export const fileRef: JsonSchema = obj({ name: nonEmpty, sha256: str }, ["name", "sha256"]);
/** A table read from a sheet or file (RawTable). */
export const rawTable: JsonSchema = obj({ source: str, rows: { type: "array", items: { type: "array", items: str } }, firstRowNumber: int }, ["source", "rows", "firstRowNumber"]);
export const anyObject: JsonSchema = { type: "object" };

/** An object with these properties (more are allowed: the use case ignores what it does not know). */
export function obj(properties: Record<string, JsonSchema>, required: readonly string[] = []): JsonSchema {
  return { type: "object", properties, required: [...required] };
}

export function arrayOf(items: JsonSchema, minItems = 0): JsonSchema {
  return { type: "array", items, ...(minItems > 0 ? { minItems } : {}) };
}

export function oneOfStrings(...values: string[]): JsonSchema {
  return { type: "string", enum: values };
}

/**
 * The `args` array of a call: the named arguments in order, the first `required` of them required
 * (default: all), none beyond them.
 */
export function args(named: readonly [title: string, schema: JsonSchema][], required = named.length): JsonSchema {
  return {
    type: "array",
    ...(named.length > 0 ? { prefixItems: named.map(([title, schema]) => ({ title, ...schema })) } : {}),
    items: false,
    minItems: required,
    maxItems: named.length,
  };
}

/** A call without arguments. */
export const noArgs: JsonSchema = args([]);
