/** Where an expected problem was found, as the user sees it. */
export interface Where {
  /** File name, sheet name or other source label. */
  source?: string;
  /** 1-based row number as the user sees it (the header row counts). */
  row?: number;
  /** Column header text (and/or A1 letter). */
  column?: string;
  /** A1 cell reference including sheet, e.g. `Abgleich 2026-10!G14`. */
  cell?: string;
}

export type Severity = "error" | "warning" | "info";

/** An expected problem (bad row, unmapped id, overlapping version …) as a value. */
export interface Issue {
  /** Machine-readable code, rendered by messages.ts. */
  code: string;
  severity: Severity;
  /** Values interpolated into the message template. */
  params: Record<string, string | number>;
  where?: Where;
}

/** A note on a row (a sheet's note column): a message code with params, rendered per language by the host. */
export interface Note {
  code: string;
  params: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result carrying one or more issues. */
export function fail<T = never>(...issues: Issue[]): Result<T> {
  return { ok: false, issues };
}

/** Builds an error issue. */
export function issue(code: string, params: Issue["params"] = {}, where?: Where, severity: Severity = "error"): Issue {
  return where ? { code, severity, params, where } : { code, severity, params };
}

/** True when any issue is an error (warnings and infos do not block). */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/** Adds location details to issues that lack them (e.g. the file name once a row parser is done). */
export function withWhere(issues: readonly Issue[], where: Where): Issue[] {
  return issues.map((i) => ({ ...i, where: { ...where, ...i.where } }));
}
