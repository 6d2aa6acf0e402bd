import { IsoDate, isAcceptedYmd, isValidYmd, ymdToIso } from "../../core/date/iso-date";
import { Issue, issue } from "../../core/issues";
import { toStored } from "../../core/money/decimal";
import { MAX_DECIMALS, MAX_INTEGER_DIGITS, type DecimalKind, fractionDigits } from "../../core/money/decimal-bounds";
import { HeaderTable, cellOf } from "./header-table";
import { columnLetter } from "./raw-table";
import { parseDecimalText } from "../values";
import { unneutralizeFormula } from "./write-csv";
import { decimalSeparatorEvidence } from "../vendor/formats";

/** C0 controls other than tab/CR/LF, and DEL (tab, CR and LF can be quoted into a CSV cell on purpose). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * True when a cell holds a control character that is damage, not data (a NUL byte, other C0
 * controls except tab/CR/LF, DEL): the one guard of every table reader (master, vendor, review
 * files), which then refuse the cell with `parse.control_character`.
 */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

// The bounds live in core (the JSON settings readers use them too); readers of tables take them from here.
export { MAX_DECIMALS, MAX_INTEGER_DIGITS, type DecimalKind, fractionDigits };

/**
 * Reads typed values from one data row and collects an issue, naming file, row and column, for
 * every bad cell. Callers check `issues.length` after reading all fields of the row.
 */
export class CellReader {
  readonly issues: Issue[] = [];
  /**
   * @param decimalSeparator the file's decimal separator as its other number cells show it
   *   ({@link fileDecimalSeparator}); it decides a cell such as `1.000` that reads either way. Null:
   *   the file shows none, so such a cell is read as before with a warning (`parse.ambiguous_number`);
   *   undefined (readers that do not look at the file): read as before, silently.
   */
  constructor(
    private readonly table: HeaderTable,
    private readonly cells: readonly string[],
    readonly row: number,
    private readonly decimalSeparator?: "," | "." | null,
  ) {}

  private where(column: string) {
    const i = this.table.index.get(column);
    const header = i === undefined ? column : this.table.headers[i] ?? column;
    return { source: this.table.source, row: this.row, column: i === undefined ? header : `${header} (${columnLetter(i)})` };
  }

  /** Records an issue for a cell of this row (the column gets its header text and letter). */
  bad(code: string, column: string, params: Record<string, string | number> = {}): undefined {
    this.issues.push(issue(code, params, this.where(column)));
    return undefined;
  }

  /**
   * Trimmed text; an issue when required and empty, or when it holds a control character (a NUL
   * byte in a number or a name is damage, not data: it would be stored and exported invisibly).
   */
  text(column: string, required = false): string {
    const v = unneutralizeFormula(cellOf(this.table, this.cells, column));
    if (v === "" && required) this.bad("parse.required", column);
    if (hasControlCharacter(v)) {
      this.bad("parse.control_character", column);
      return "";
    }
    return v;
  }

  /**
   * A canonical decimal string, or the fallback when empty. `kind` bounds the digits after the
   * point ({@link MAX_DECIMALS}); a percentage must also lie in 0…100.
   */
  decimal(column: string, opts: { kind: Exclude<DecimalKind, "vendor">; required?: boolean; fallback?: string; min0?: boolean }): string | undefined {
    const raw = this.text(column, opts.required && opts.fallback === undefined);
    if (raw === "") return opts.fallback;
    const ambiguous = AMBIGUOUS_NUMBER.test(raw);
    const d = ambiguous && this.decimalSeparator ? parseDecimalText(raw, this.decimalSeparator) : parseDecimalText(raw);
    if (!d) return this.bad("parse.invalid_number", column, { value: raw });
    if (ambiguous && this.decimalSeparator === null) this.issues.push(issue("parse.ambiguous_number", { value: raw, read: toStored(d), other: toStored(parseDecimalText(raw, raw.includes(".") ? "," : ".")!) }, this.where(column), "warning"));
    if (!d.isZero() && d.e >= MAX_INTEGER_DIGITS) return this.bad("parse.number_too_large", column, { value: shortValue(raw), digits: MAX_INTEGER_DIGITS });
    if (opts.min0 && d.isNegative()) return this.bad("parse.negative_not_allowed", column, { value: raw });
    if (opts.kind === "percent" && (d.isNegative() || d.greaterThan(100))) return this.bad("parse.percent_range", column, { value: raw });
    const text = toStored(d);
    const decimals = fractionDigits(text);
    if (decimals > MAX_DECIMALS[opts.kind]) return this.bad("parse.too_many_decimals", column, { value: shortValue(raw), count: decimals, limit: MAX_DECIMALS[opts.kind] });
    return text;
  }

  /** A whole number ≥ 1. */
  positiveInt(column: string): number | undefined {
    const raw = this.text(column, true);
    if (raw === "") return undefined;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) return this.bad("parse.invalid_integer", column, { value: raw });
    return Number(raw);
  }

  /** A yes/no cell (`yes/no`, `ja/nein`, `true/false`, `1/0`, `x`); undefined when empty. */
  flag(column: string): boolean | undefined {
    const raw = this.text(column).toLowerCase();
    if (raw === "") return undefined;
    if (["yes", "ja", "true", "wahr", "1", "x", "y", "j"].includes(raw)) return true;
    if (["no", "nein", "false", "falsch", "0", "n"].includes(raw)) return false;
    return this.bad("parse.invalid_choice", column, { value: raw, allowed: "yes, no, ja, nein, 1, 0" });
  }

  /** A date written `YYYY-MM-DD` or `DD.MM.YYYY`; the fallback when empty. */
  date(column: string, opts: { required?: boolean; fallback?: IsoDate } = {}): IsoDate | undefined {
    const raw = this.text(column, opts.required && opts.fallback === undefined);
    if (raw === "") return opts.fallback;
    const parsed = parseStrictDate(raw);
    return parsed ?? this.bad(isStrictDateOutsideRange(raw) ? "parse.date_out_of_range" : "parse.invalid_date", column, { value: raw });
  }

  /** One of the allowed values (case-insensitive); the fallback when empty. */
  /** True when the row has a non-empty cell in the column (false also when the file lacks the column). */
  given(column: string): boolean {
    return unneutralizeFormula(cellOf(this.table, this.cells, column)).trim() !== "";
  }

  choice<T extends string>(column: string, allowed: readonly T[], fallback?: T): T | undefined {
    const raw = this.text(column, fallback === undefined);
    if (raw === "") return fallback;
    const hit = allowed.find((a) => a === raw.toLowerCase());
    return hit ?? this.bad("parse.invalid_choice", column, { value: raw, allowed: allowed.join(", ") });
  }
}

/**
 * A number with one separator followed by exactly three digits and no other separator (`1.000`,
 * `2,500`): a thousands separator in one convention, a decimal separator in the other. A leading
 * `0` (`0.008`) is never a thousands group, so that reads one way only.
 */
const AMBIGUOUS_NUMBER = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

/**
 * The decimal separator a file's number cells agree on: `,` when some cell can only be read with a
 * decimal comma (`20,60`, `1.234,50`) and none only with a decimal point (`20.60`, `1,234.50`), `.`
 * the other way round, else null (no evidence, or both). The evidence is the vendor reader's
 * ({@link decimalSeparatorEvidence}). German Excel writes every number of a file with a decimal comma,
 * so its `1.000` is one thousand.
 */
export function fileDecimalSeparator(table: HeaderTable, columns: readonly string[]): "," | "." | null {
  const indexes = columns.map((c) => table.index.get(c)).filter((i): i is number => i !== undefined);
  const { comma, point } = decimalSeparatorEvidence(table.rows.flatMap(({ cells }) => indexes.map((i) => cells[i] ?? "")));
  return (comma > 0) === (point > 0) ? null : comma > 0 ? "," : ".";
}

/** A cell value as a message shows it: at most 40 characters. */
function shortValue(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
}

/**
 * `YYYY-MM-DD` or `DD.MM.YYYY` (master data, review and time files); null for anything else, a
 * non-day, or a day outside 1900-01-01 … 9999-12-31 ({@link isStrictDateOutsideRange}).
 */
export function parseStrictDate(raw: string): IsoDate | null {
  const ymd = strictYmd(raw);
  return ymd && isAcceptedYmd(ymd.y, ymd.m, ymd.d) ? ymdToIso(ymd.y, ymd.m, ymd.d) : null;
}

/** True for a real day written as {@link parseStrictDate} reads it, but outside the supported dates. */
export function isStrictDateOutsideRange(raw: string): boolean {
  const ymd = strictYmd(raw);
  return ymd !== null && !isAcceptedYmd(ymd.y, ymd.m, ymd.d);
}

function strictYmd(raw: string): { y: number; m: number; d: number } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (m) return isValidYmd(+m[1]!, +m[2]!, +m[3]!) ? { y: +m[1]!, m: +m[2]!, d: +m[3]! } : null;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
  if (m) return isValidYmd(+m[3]!, +m[2]!, +m[1]!) ? { y: +m[3]!, m: +m[2]!, d: +m[1]! } : null;
  return null;
}
