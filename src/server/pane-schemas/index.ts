/**
 * The argument schemas of every pane call (`POST /api/pane/NAME`, body `{ "args": [...] }`), by
 * area. The server checks a call's `args` against its schema before the use case runs, and answers
 * 400 naming the argument (index, name and property path) when they do not fit.
 */
import { PANE_CALLS, type PaneCallName } from "../../app/pane-calls";
import { BILLING_SCHEMAS } from "./billing";
import type { JsonSchema } from "./common";
import { MASTER_SCHEMAS } from "./master";
import { PURCHASE_SCHEMAS } from "./purchase";
import { SEPA_SCHEMAS } from "./sepa";
import { USAGE_SETTINGS_SCHEMAS } from "./usage-settings";

export type { JsonSchema } from "./common";

export const PANE_ARG_SCHEMAS: Partial<Record<PaneCallName, JsonSchema>> = {
  ...MASTER_SCHEMAS,
  ...BILLING_SCHEMAS,
  ...PURCHASE_SCHEMAS,
  ...SEPA_SCHEMAS,
  ...USAGE_SETTINGS_SCHEMAS,
};

/**
 * Calls allowed to run without an argument schema (only their `args` being an array is checked):
 * calls another branch adds before its schemas are merged. The lead empties this list at merge;
 * a test keeps every other call covered.
 */
export const WITHOUT_SCHEMA_YET: readonly string[] = [];

/** The schema of a call's `args`; throws for a call with none that is not on {@link WITHOUT_SCHEMA_YET}. */
export function paneArgSchema(name: PaneCallName): JsonSchema {
  const schema = PANE_ARG_SCHEMAS[name];
  if (schema) return schema;
  if (WITHOUT_SCHEMA_YET.includes(name)) return { type: "array" };
  throw new Error(`pane call ${name} has no argument schema (src/server/pane-schemas)`);
}

/** Every call's schema (for the server's validators and the OpenAPI document). */
export function allPaneArgSchemas(): Record<PaneCallName, JsonSchema> {
  return Object.fromEntries((Object.keys(PANE_CALLS) as PaneCallName[]).map((n) => [n, paneArgSchema(n)])) as Record<PaneCallName, JsonSchema>;
}
