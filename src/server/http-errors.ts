import type { Issue } from "../core/issues";
import { formatIssue, type Lang } from "../core/messages";

/** An issue as the API returns it: code, params, file/row/column and the rendered text. */
export interface ApiIssue extends Issue {
  text: string;
}

/** The issues of a failed use case, each with its text in the client's language. */
export function apiIssues(issues: readonly Issue[], lang: Lang): ApiIssue[] {
  return issues.map((i) => ({ ...i, text: formatIssue(i, lang) }));
}

/** The language a client asked for (`Accept-Language`), German by default (the product's users). */
export function langOf(acceptLanguage: string | undefined): Lang {
  return acceptLanguage && /^en/i.test(acceptLanguage) ? "en" : "de";
}

/** JSON schema of an API issue (for the OpenAPI document). */
export const ISSUE_SCHEMA = {
  type: "object",
  properties: {
    code: { type: "string" },
    severity: { type: "string", enum: ["error", "warning", "info"] },
    params: { type: "object", additionalProperties: true },
    where: { type: "object", properties: { source: { type: "string" }, row: { type: "integer" }, column: { type: "string" }, cell: { type: "string" } } },
    text: { type: "string" },
  },
  required: ["code", "severity", "params", "text"],
} as const;

export const ERROR_SCHEMA = {
  type: "object",
  properties: { error: { type: "string" }, message: { type: "string" }, issues: { type: "array", items: ISSUE_SCHEMA } },
  required: ["error"],
} as const;
