import type { Result } from "../../core/issues";
import type { Rules } from "../../core/time/rules";
import { validateRules } from "../../core/time/parse-rules";
import { parseJsonText } from "../json-text";

/**
 * Reads a rules document from JSON text (bounded like every JSON reader, see {@link parseJsonText})
 * and validates it ({@link validateRules}).
 */
export function parseRules(text: string, source: string): Result<Rules> {
  const json = parseJsonText(text, { invalidCode: "rules.invalid_json", where: { source } });
  return json.ok ? validateRules(json.value, source) : json;
}
