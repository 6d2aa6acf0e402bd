import { parse, stringify } from "lossless-json";
import { Issue, issue } from "../../core/issues";
import type { RawTable } from "./raw-table";
import { JSON_MAX_DEPTH, depthExceededAt } from "../json-text";

/**
 * JSON records as a table: what Partner Center's reconciliation API v2 exports (one JSON object per
 * line, "JSON Lines", or a list of objects; attribute names in camelCase) and what other tools save
 * as JSON. The header row is the union of the attribute names in the order they first occur; each
 * record is a row. Numbers keep their exact text (`0.0209951014286867`, no float rounding), `null` is
 * an empty cell, nested objects and lists are kept as their JSON text.
 *
 * Row numbers: the header is row 0 and record n is row n, which for JSON Lines is its line number,
 * so issues point at the line in the file.
 */
export interface JsonTableResult {
  table: RawTable | null;
  issues: Issue[];
  /** `lines` for one record per line, `array` for a list. */
  layout: "lines" | "array" | null;
}

const keepNumberText = (text: string): string => text;

/** Reads JSON text (BOM allowed) into a table; an unreadable document is an issue naming its line. */
export function jsonRecordsToTable(text: string, source: string): JsonTableResult {
  const body = text.replace(/^\uFEFF/, "");
  const trimmed = body.trimStart();
  const records: Record<string, unknown>[] = [];
  const issues: Issue[] = [];
  let layout: JsonTableResult["layout"] = null;
  const lines = trimmed.startsWith("[") || !looksLikeJsonLines(body) ? null : body.split(/\r?\n/);
  // The parser recurses per level: deep nesting would be a stack overflow, shown as its text. Records
  // are flat (a list of objects with a few nested lists), so the bound of the settings files fits.
  const deepAt = depthExceededAt(body, JSON_MAX_DEPTH);
  if (deepAt >= 0) {
    const line = body.slice(0, deepAt).split("\n").length;
    return { table: null, issues: [issue("json.records_too_deep", { limit: JSON_MAX_DEPTH, line }, { source, row: line })], layout: lines ? "lines" : "array" };
  }
  if (lines === null) {
    layout = "array";
    let value: unknown;
    try {
      value = parse(body, null, keepNumberText);
    } catch (e) {
      return { table: null, issues: [jsonIssue(e, body, source)], layout };
    }
    const list = Array.isArray(value) ? value : recordList(value);
    if (list === null) return { table: null, issues: [issue("json.not_records", {}, { source })], layout };
    list.forEach((item, i) => {
      if (isRecord(item)) records.push(item);
      else issues.push(issue("json.not_a_record", { index: i + 1 }, { source, row: i + 1 }));
    });
  } else {
    layout = "lines";
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === "") {
        records.push({});
        continue;
      }
      try {
        const value = parse(line, null, keepNumberText);
        if (isRecord(value)) records.push(value);
        else {
          issues.push(issue("json.not_a_record", { index: i + 1 }, { source, row: i + 1 }));
          records.push({});
        }
      } catch (e) {
        issues.push(issue("json.invalid", { line: i + 1, detail: detailOf(e) }, { source, row: i + 1 }));
        records.push({});
      }
    }
  }
  const headers: string[] = [];
  const index = new Map<string, number>();
  for (const r of records) for (const k of Object.keys(r)) if (!index.has(k)) index.set(k, headers.push(k) - 1);
  const rows: string[][] = [headers];
  for (const r of records) {
    const row = new Array<string>(headers.length).fill("");
    for (const [k, v] of Object.entries(r)) row[index.get(k)!] = cellText(v);
    rows.push(row);
  }
  return { table: { source, rows, firstRowNumber: 0 }, issues, layout };
}

/** True when the text holds more than one top-level object, one per line. */
function looksLikeJsonLines(text: string): boolean {
  let objects = 0;
  for (const line of text.split(/\r?\n/, 3)) if (line.trimStart().startsWith("{")) objects++;
  return objects >= 2;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A wrapper object with exactly one list of records (`{ "value": [...] }`), else the object itself as one record. */
function recordList(v: unknown): unknown[] | null {
  if (!isRecord(v)) return null;
  const lists = Object.values(v).filter((x): x is unknown[] => Array.isArray(x) && x.length > 0 && x.every(isRecord));
  if (lists.length === 1) return lists[0]!;
  return [v];
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "object") return stringify(v, null, undefined) ?? "";
  return String(v);
}

function detailOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 120 ? `${m.slice(0, 117)}…` : m;
}

/** An issue for a broken JSON document, with the line of the error where the parser tells its position. */
function jsonIssue(e: unknown, text: string, source: string): Issue {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : "");
  const line = m ? text.slice(0, Number(m[1])).split("\n").length : undefined;
  return issue("json.invalid", { line: line ?? 1, detail: detailOf(e) }, { source, ...(line !== undefined ? { row: line } : {}) });
}
