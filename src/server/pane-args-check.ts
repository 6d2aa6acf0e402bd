/**
 * Checks the arguments of a pane call against its schema (src/server/pane-schemas) with Ajv
 * (JSON Schema 2020-12, no type coercion: a number is not a string), and words what does not fit,
 * naming the argument by index and name and the property path inside it.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import type { PaneCallName } from "../app/pane-calls";
import { allPaneArgSchemas, type JsonSchema } from "./pane-schemas";

export interface ArgsProblem {
  message: string;
  /** The argument's index (absent when the number of arguments is wrong). */
  argument?: number;
  /** The property path inside the argument (`lines.0.name`), "" for the argument itself. */
  path?: string;
}

export class PaneArgsChecker {
  private readonly validators: Record<PaneCallName, ValidateFunction>;
  private readonly schemas: Record<PaneCallName, JsonSchema>;

  constructor() {
    // strictTuples off: optional trailing arguments make a tuple shorter than its prefixItems on purpose.
    const ajv = new Ajv2020({ strict: true, strictTuples: false, allowUnionTypes: true, allErrors: false });
    this.schemas = allPaneArgSchemas();
    this.validators = Object.fromEntries(Object.entries(this.schemas).map(([name, schema]) => [name, ajv.compile(schema)])) as Record<PaneCallName, ValidateFunction>;
  }

  /** null when the arguments fit, else what is wrong. */
  check(name: PaneCallName, args: unknown): ArgsProblem | null {
    const validate = this.validators[name];
    if (validate(args)) return null;
    return describe(name, this.schemas[name], args, validate.errors?.[0]);
  }
}

function titles(schema: JsonSchema): string[] {
  return ((schema.prefixItems as { title?: string }[] | undefined) ?? []).map((s, i) => s.title ?? `#${i}`);
}

function describe(name: string, schema: JsonSchema, args: unknown, error: ErrorObject | undefined): ArgsProblem {
  const names = titles(schema);
  const count = Array.isArray(args) ? args.length : 0;
  const expected = `${String(schema.minItems ?? 0)}${schema.maxItems !== schema.minItems ? `–${String(schema.maxItems ?? "")}` : ""} argument(s) (${names.join(", ") || "none"})`;
  if (!error) return { message: `${name}: arguments do not fit` };
  const parts = error.instancePath.split("/").slice(1);
  if (parts.length === 0) {
    if (error.keyword === "minItems") return { message: `${name}: argument ${count} (${names[count] ?? "?"}) is missing; expects ${expected}, got ${count}` };
    if (error.keyword === "maxItems" || error.keyword === "items") return { message: `${name}: too many arguments; expects ${expected}, got ${count}` };
    return { message: `${name}: args ${error.message ?? "do not fit"}` };
  }
  const index = Number(parts[0]);
  const inner = parts.slice(1);
  const missing = error.keyword === "required" ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  const path = [...inner, ...(missing ? [missing] : [])].join(".");
  const what = missing ? "is missing" : (error.message ?? "does not fit");
  return { message: `${name}: argument ${index} (${names[index] ?? "?"})${path ? ` property ${path}` : ""} ${what}`, argument: index, path };
}
