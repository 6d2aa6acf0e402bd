import type { Result } from "../../core/issues";
import type { UsageRules } from "../../core/usage/rules";
import { validateUsageRules } from "../../core/usage/parse-usage-rules";
import { parseJsonText } from "../json-text";

/**
 * Reads usage rules from JSON text (bounded like every JSON reader, see {@link parseJsonText}) and
 * validates them ({@link validateUsageRules}).
 */
export function parseUsageRules(text: string, source: string): Result<UsageRules> {
  const json = parseJsonText(text, { invalidCode: "usagerules.invalid_json", where: { source } });
  return json.ok ? validateUsageRules(json.value, source) : json;
}
