import { type IsoDate, parseIsoDate } from "../core/date/iso-date";

/** Parsed command-line arguments: `--name value`, `--name=value`, boolean `--flag`, positionals. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

/** Raised for a usage error (exit code 2). */
export class UsageError extends Error {}

/**
 * Parses argv. `booleanFlags` never take a value; every other `--option` takes the next argument.
 * Unknown options are usage errors.
 */
export function parseArgs(argv: readonly string[], valueOptions: readonly string[], booleanFlags: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--") || a === "--") {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (booleanFlags.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.flags.add(name);
    } else if (valueOptions.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
      out.options.set(name, [...(out.options.get(name) ?? []), value]);
    } else throw new UsageError(`unknown option --${name}`);
  }
  return out;
}

/** The single value of a required option. */
export function required(args: ParsedArgs, name: string): string {
  const v = args.options.get(name);
  if (!v || v.length === 0) throw new UsageError(`--${name} is required`);
  if (v.length > 1) throw new UsageError(`--${name} given more than once`);
  return v[0]!;
}

/** The single value of an optional option. */
export function optional(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  if (v && v.length > 1) throw new UsageError(`--${name} given more than once`);
  return v?.[0];
}

/** The date of an optional option (`YYYY-MM-DD`); anything else is a usage error naming the option. */
export function optionalDate(args: ParsedArgs, name: string): IsoDate | undefined {
  const text = optional(args, name);
  if (text === undefined) return undefined;
  const day = parseIsoDate(text);
  if (day === null) throw new UsageError(`--${name}: "${text}" is not a date YYYY-MM-DD`);
  return day;
}

/** The date of a required option (`YYYY-MM-DD`). */
export function requiredDate(args: ParsedArgs, name: string): IsoDate {
  const day = optionalDate(args, name);
  if (day === undefined) throw new UsageError(`--${name} is required`);
  return day;
}

/**
 * The month of a review command: `--period` as every other command names it, or `--month`, which the
 * time and usage reviews took first and still accept. Returns the text and the option it came from.
 */
export function requiredPeriod(args: ParsedArgs): { text: string; option: "--period" | "--month" } {
  const period = optional(args, "period");
  const month = optional(args, "month");
  if (period !== undefined && month !== undefined) throw new UsageError("give --period YYYY-MM once (--month is its older name)");
  if (period === undefined && month === undefined) throw new UsageError("--period is required");
  return period !== undefined ? { text: period, option: "--period" } : { text: month!, option: "--month" };
}
