/**
 * Guessing how a file writes numbers and dates from a sample of its values, once per file: Microsoft
 * writes `-3.87` and `10/3/2020`; German re-exports (CloudCockpit and others, or Excel with German
 * settings) write `-3,87` and `03.10.2020`. Each value is then read with the one format chosen, so
 * `4/5/2026` means the same day on every row.
 */

const BOTH = /^[+-]?\d[\d.,]*$/;

/**
 * Decimal separator of a file from sample cells. A value with both separators, or one separator not
 * followed by exactly three digits (`3,87`, `0.0209`), is evidence; `1,234` and `1.234` are not.
 * Without evidence the delimiter decides (`;` files use decimal commas), else `.`.
 */
export function detectDecimalSeparator(samples: Iterable<string>, delimiterHint?: string): "," | "." {
  const { comma, point } = decimalSeparatorEvidence(samples);
  if (comma > point) return ",";
  if (point > comma) return ".";
  return delimiterHint === ";" ? "," : ".";
}

/**
 * How many sample cells can only be read with a decimal comma, and how many only with a decimal point
 * (the evidence rules of {@link detectDecimalSeparator}); `1,234` and `1.234` count for neither.
 */
export function decimalSeparatorEvidence(samples: Iterable<string>): { comma: number; point: number } {
  let comma = 0;
  let point = 0;
  for (const raw of samples) {
    const s = raw.trim().replace(/^[(]|[)]$|€|EUR|%/g, "").replace(/[\s\u00a0']/g, "");
    if (!BOTH.test(s)) continue;
    const lastComma = s.lastIndexOf(",");
    const lastPoint = s.lastIndexOf(".");
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) comma++;
      else point++;
      continue;
    }
    const sep = lastComma >= 0 ? "," : lastPoint >= 0 ? "." : "";
    if (sep === "") continue;
    const occurrences = s.split(sep).length - 1;
    const decimals = s.length - s.lastIndexOf(sep) - 1;
    if (occurrences > 1) {
      // 1.234.567 → thousands groups, so the other one is the decimal separator
      if (sep === ".") comma++;
      else point++;
    } else if (decimals !== 3) {
      if (sep === ",") comma++;
      else point++;
    }
  }
  return { comma, point };
}

export interface DateOrderGuess {
  /** `dmy` or `mdy` when slash dates say so, else null (no slash dates, or all ambiguous). */
  order: "dmy" | "mdy" | null;
  /** True when there are slash dates but every one has day and month ≤ 12. */
  ambiguous: boolean;
  /** True when the sample has dotted German dates (DD.MM.YYYY). */
  dotted: boolean;
}

const SLASH = /^(\d{1,2})\/(\d{1,2})\/\d{4}/;
const DOTTED = /^\d{1,2}\.\d{1,2}\.\d{2,4}/;

/** Order of slash dates (`M/D/YYYY` or `D/M/YYYY`) from sample cells: a part above 12 decides. */
export function detectDateOrder(samples: Iterable<string>): DateOrderGuess {
  let dmy = 0;
  let mdy = 0;
  let slashes = 0;
  let dotted = false;
  for (const raw of samples) {
    const s = raw.trim();
    if (DOTTED.test(s)) {
      dotted = true;
      continue;
    }
    const m = SLASH.exec(s);
    if (!m) continue;
    slashes++;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dmy++;
    else if (b > 12 && a <= 12) mdy++;
  }
  const order = dmy > mdy ? "dmy" : mdy > dmy ? "mdy" : null;
  return { order, ambiguous: slashes > 0 && dmy === 0 && mdy === 0, dotted };
}

/** What the values of one date column say about their order. */
export interface ColumnDateEvidence {
  /** Slash dates that only read as D/M (`13/3/2026`): count and the first row. */
  dmyOnly: number;
  dmyRow: number | null;
  dmyValue: string;
  /** Slash dates that only read as M/D (`10/13/2026`). */
  mdyOnly: number;
  mdyRow: number | null;
  mdyValue: string;
  /** Slash dates that read both ways (`10/3/2026`). */
  ambiguous: number;
  /** Dotted dates (`10.03.2026`). */
  dotted: number;
}

/** Empty evidence, to be filled by {@link addDateEvidence}. */
export function emptyDateEvidence(): ColumnDateEvidence {
  return { dmyOnly: 0, dmyRow: null, dmyValue: "", mdyOnly: 0, mdyRow: null, mdyValue: "", ambiguous: 0, dotted: 0 };
}

/** Counts one (trimmed) date cell of a column into its evidence. */
export function addDateEvidence(e: ColumnDateEvidence, raw: string, row: number): void {
  if (raw === "") return;
  if (DOTTED.test(raw)) {
    e.dotted++;
    return;
  }
  const m = SLASH.exec(raw);
  if (!m) return;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) {
    if (e.dmyOnly++ === 0) {
      e.dmyRow = row;
      e.dmyValue = raw;
    }
  } else if (b > 12 && a <= 12) {
    if (e.mdyOnly++ === 0) {
      e.mdyRow = row;
      e.mdyValue = raw;
    }
  } else if (a <= 12 && b <= 12) e.ambiguous++;
}

/**
 * The order a date column is read in, decided once for all its rows (issue 19): a slash date that
 * only reads one way decides the whole column; when both kinds occur, the majority decides (the
 * others are then invalid dates, never read the other way). Null when no slash date decides.
 */
export function columnDateOrder(e: ColumnDateEvidence): "dmy" | "mdy" | null {
  if (e.dmyOnly === 0 && e.mdyOnly === 0) return null;
  return e.dmyOnly > e.mdyOnly ? "dmy" : "mdy";
}
