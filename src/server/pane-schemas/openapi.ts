import { allPaneArgSchemas, type JsonSchema } from "./index";

/** The pane calls' argument schemas for the OpenAPI document's components (`PaneArgs_NAME`). */
export function paneArgComponents(): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(allPaneArgSchemas()).map(([name, schema]) => [`PaneArgs_${name}`, { ...schema, description: `args of POST /api/pane/${name}` }]));
}
