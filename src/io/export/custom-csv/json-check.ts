import { type Expectation, expecting, expectationParams, oneOf } from "../../../core/expectation";
import { Issue, issue } from "../../../core/issues";

/**
 * A small checker for settings documents of unknown shape (parsed JSON): export profiles, the DATEV
 * settings, the company data of invoice documents. Every problem becomes its own issue naming the
 * field (`columns[2].source`, `revenueAccounts.19`); unknown fields are errors too, so a typo never
 * silently drops a setting. The issue codes are the caller's (`profile.field_*`, `datev.field_*` …).
 */
export interface FieldCodes {
  /** Params: `field`. */
  required: string;
  /** Params: `field`, `value`, `expected`. */
  invalid: string;
  /** Params: `field`. */
  unknown: string;
}

export type Obj = Record<string, unknown>;

export function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A value as shown in a message (cut to 60 characters). */
export function shown(v: unknown): string {
  let s: string;
  if (typeof v === "string") s = v;
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = String(v);
    }
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

export class JsonCheck {
  readonly issues: Issue[] = [];

  constructor(private readonly codes: FieldCodes) {}

  required(field: string): void {
    this.issues.push(issue(this.codes.required, { field }));
  }

  invalid(field: string, value: unknown, expected: Expectation): void {
    this.issues.push(issue(this.codes.invalid, { field, value: shown(value), ...expectationParams(expected) }));
  }

  /** Reports every key of `o` that is not in `allowed`. */
  onlyKnown(o: Obj, allowed: readonly string[], prefix = ""): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.issues.push(issue(this.codes.unknown, { field: prefix + k }));
  }

  /** A non-blank text; `undefined` (and an issue unless optional) when missing or not text. */
  text(o: Obj, name: string, prefix = "", optional = false, maxLength?: number): string | undefined {
    const v = o[name];
    if (v === undefined || v === null || v === "") {
      if (!optional) this.required(prefix + name);
      return undefined;
    }
    if (typeof v !== "string" || v.trim() === "") {
      this.invalid(prefix + name, v, expecting("text"));
      return undefined;
    }
    if (maxLength !== undefined && v.length > maxLength) {
      this.invalid(prefix + name, v, expecting("max_chars", { max: maxLength }));
      return undefined;
    }
    return v;
  }

  /** One of `allowed`. */
  choice<T extends string>(o: Obj, name: string, allowed: readonly T[], prefix = "", optional = false): T | undefined {
    const v = o[name];
    if (v === undefined) {
      if (!optional) this.required(prefix + name);
      return undefined;
    }
    if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
      this.invalid(prefix + name, v, oneOf(allowed));
      return undefined;
    }
    return v as T;
  }

  /** A whole number in [min, max], given as a JSON number or as a text of digits. */
  integer(o: Obj, name: string, min: number, max: number, prefix = "", optional = false): number | undefined {
    const v = o[name];
    if (v === undefined || v === null || v === "") {
      if (!optional) this.required(prefix + name);
      return undefined;
    }
    const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      this.invalid(prefix + name, v, expecting("whole_range", { min, max }));
      return undefined;
    }
    return n;
  }

  boolean(o: Obj, name: string, prefix = ""): boolean | undefined {
    const v = o[name];
    if (v === undefined) return undefined;
    if (typeof v !== "boolean") {
      this.invalid(prefix + name, v, expecting("boolean"));
      return undefined;
    }
    return v;
  }

  /** A nested object. */
  object(o: Obj, name: string, prefix = "", optional = false): Obj | undefined {
    const v = o[name];
    if (v === undefined && optional) return undefined;
    if (!isObject(v)) {
      if (v === undefined) this.required(prefix + name);
      else this.invalid(prefix + name, v, expecting("object"));
      return undefined;
    }
    return v;
  }
}
