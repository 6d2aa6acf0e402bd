import { IsoDate } from "../../core/date/iso-date";
import { Issue, issue } from "../../core/issues";
import { Decimal, toStored } from "../../core/money/decimal";
import { Gunzip } from "fflate";
import { DecodedEncodingName, TextEncodingName, decodeBytes } from "../table/decode";
import { jsonRecordsToTable } from "../table/read-json";
import { FileKind, sniffFileKind } from "../table/sniff";
import { RawTable, headerKey, isBlankRow } from "../table/raw-table";
import { DETECTED_DELIMITERS, Delimiter, detectDelimiter, streamCsvText } from "../table/read-csv";
import { DateOrder } from "../values";
import { ColumnDateEvidence, addDateEvidence, columnDateOrder, detectDateOrder, detectDecimalSeparator, emptyDateEvidence } from "./formats";
import { ColumnDateFormat, DATE_FIELDS, DateField, RowContext, UNIT_COST_DECIMALS, createRowContext, dateFormatLabelOf, mapVendorRowInto } from "./map-row";
import { HeaderIndex, indexHeaders, missingHeaders, recogniseProfile, resolveField } from "./match-profile";
import { VendorProfile, profileColumnAliases } from "./profile";
import { AnyProfile, BUILTIN_PROFILES, builtinProfile, isVendorProfile } from "./profiles/registry";
import { compileUserProfile, validateProfile } from "./user-profile";
import { PeriodFound, VendorLine } from "./vendor-line";

/** Non-blank rows looked at for the header (title lines above it are skipped). */
const MAX_HEADER_SCAN = 50;
/** Data rows buffered to detect decimal separator and date order before mapping starts. */
const SAMPLE_ROWS = 200;
/**
 * Rows buffered at most while a date column has only dates that read both ways (`10/3/2026`): a
 * later row such as `13/3/2026` decides the order of the whole column. Beyond this, mapping starts
 * with the assumed order, and a later deciding row is reported instead (see `vendor.date_order_late`).
 */
const MAX_DATE_SAMPLE_ROWS = 20_000;
/** Issues of one code listed one by one; the rest are counted in an `io.issues_truncated` summary. */
const MAX_ISSUES_PER_CODE = 200;

export interface ReadVendorOptions {
  /** Candidate profiles, built-in and user (compiled or JSON form). Default: the built-in profiles. */
  profiles?: readonly AnyProfile[];
  /** Name shown in issue locations; default: the table's source. */
  fileName?: string;
  /** Use this profile instead of recognising one (CLI `--profile`); looked up in `profiles`, then the built-ins. */
  profileId?: string;
  /** CSV delimiter of the file, a hint for the decimal separator (`;` files use decimal commas). */
  delimiter?: string;
}

export interface ReadVendorResult {
  /** The profile used, or null when none matched. */
  profile: VendorProfile | null;
  lines: VendorLine[];
  /** Every problem with file, row (as the user sees it) and column header. */
  issues: Issue[];
  /** Earliest charge start and latest charge end of the lines; null without lines or dates. */
  periodFound: PeriodFound | null;
  /** Non-blank data rows below the header. */
  rowCount: number;
  /** Row number of the header row, or null. */
  headerRow: number | null;
  /** The decimal separator and slash-date order the file was read with. */
  decimalSeparator: "," | "." | null;
  dateOrder: DateOrder | null;
}

/**
 * Reads a vendor file incrementally: `push` rows in chunks of any size (each with the row number of
 * its first row), then `finish`. Memory holds the lines, not the table, so a host can parse CSV with
 * papaparse chunks or a stream and map as it goes. Nothing here throws on bad input.
 */
export interface VendorReader {
  push(rows: readonly (readonly string[])[], firstRowNumber: number): void;
  finish(): ReadVendorResult;
}

type State = "header" | "sample" | "map" | "failed";

interface Aggregate {
  line: VendorLine;
  quantity: Decimal;
  amount: Decimal | null;
  from: IsoDate | null;
  to: IsoDate | null;
  subscriptions: Set<string>;
  /** The file's unit price when every folded row has the same one. */
  unitPrice: string | undefined;
  meters: Set<string>;
  /** The unit when every folded row has the same one. */
  unit: string | undefined;
  /** Σ list amounts while every folded row has one, else null. */
  listAmount: Decimal | null;
}

/** Creates an incremental reader (see {@link VendorReader}). */
export function createVendorReader(options: ReadVendorOptions & { source?: string } = {}): VendorReader {
  const source = options.fileName ?? options.source ?? "";
  const issues: Issue[] = [];
  const counts = new Map<string, number>();
  const dropped = new Map<string, number>();
  const report = (i: Issue): void => {
    const n = counts.get(i.code) ?? 0;
    counts.set(i.code, n + 1);
    if (n < MAX_ISSUES_PER_CODE) issues.push(i);
    else dropped.set(i.code, (dropped.get(i.code) ?? 0) + 1);
  };
  // User profiles in JSON form are validated here too: a broken saved profile is reported and left out.
  const candidates: VendorProfile[] = [];
  (options.profiles ?? BUILTIN_PROFILES).forEach((p, i) => {
    if (isVendorProfile(p)) {
      candidates.push(p);
      return;
    }
    const id = (p as { id?: unknown }).id;
    const checked = validateProfile(p, `${typeof id === "string" && id !== "" ? id : `profiles[${i}]`}.`);
    if (checked.ok) candidates.push(compileUserProfile(checked.value));
    else for (const x of checked.issues) report({ ...x, severity: "warning", where: { source } });
  });

  let forced: VendorProfile | null = null;
  let state: State = "header";
  if (options.profileId !== undefined) {
    const k = options.profileId.toLowerCase();
    forced = candidates.find((p) => p.id.toLowerCase() === k) ?? builtinProfile(options.profileId) ?? null;
    if (!forced) {
      report(issue("vendor.profile_unknown", { profile: options.profileId }, { source }));
      state = "failed";
    }
  }

  // header search
  let nonBlankSeen = 0;
  let firstNonBlank: { row: number; cells: readonly string[] } | null = null;
  let bestForcedMiss: { row: number; missing: string[] } | null = null;
  // mapping
  let profile: VendorProfile | null = null;
  let header: HeaderIndex | null = null;
  let headerRow: number | null = null;
  let ctx: RowContext | null = null;
  let sample: { cells: readonly string[]; row: number }[] = [];
  let rowCount = 0;
  const lines: VendorLine[] = [];
  const aggregates = new Map<string, Aggregate>();
  const unknownChargeTypes = new Map<string, { count: number; row: number }>();
  let minFrom: IsoDate | null = null;
  let maxTo: IsoDate | null = null;

  const acceptHeader = (cells: readonly string[], row: number): boolean => {
    const index = indexHeaders(cells);
    let chosen: VendorProfile | null = null;
    if (forced) {
      const missing = missingHeaders(forced, index);
      if (missing.length === 0) chosen = forced;
      else if (!bestForcedMiss || missing.length < bestForcedMiss.missing.length) bestForcedMiss = { row, missing };
    } else {
      const r = recogniseProfile(index, candidates);
      chosen = r.profile;
      if (chosen && r.ties.length > 0)
        report(issue("vendor.profile_ambiguous", { profiles: [chosen, ...r.ties].map((p) => p.name).join(", "), chosen: chosen.name }, { source, row }, "warning"));
    }
    if (!chosen) return false;
    profile = chosen;
    header = index;
    headerRow = row;
    // A duplicated header is only worth a word when the profile reads that column (the first one is used).
    const used = new Set(profileColumnAliases(chosen).flatMap((aliases) => aliases.map(headerKey)));
    const told = new Set<string>();
    for (const dup of index.duplicates) {
      const k = headerKey(dup);
      if (!used.has(k) || told.has(k)) continue;
      told.add(k);
      report(issue("csv.duplicate_column", { column: dup }, { source, row, column: dup }, "warning"));
    }
    return true;
  };

  // Evidence on the order of each date column, from every row seen before mapping starts.
  let dateColumns: { field: DateField; cols: number[]; header: string; evidence: ColumnDateEvidence }[] = [];
  const prepareDateEvidence = (): void => {
    const p = profile!;
    const h = header!;
    dateColumns = DATE_FIELDS.map((field) => {
      const cols = resolveField(h, p.columns[field]);
      return { field, cols, header: cols.length > 0 ? (h.headers[cols[0]!] ?? "").trim() : field, evidence: emptyDateEvidence() };
    }).filter((d) => d.cols.length > 0);
  };
  const noteDates = (cells: readonly string[], row: number): void => {
    for (const d of dateColumns) for (const c of d.cols) addDateEvidence(d.evidence, (cells[c] ?? "").trim(), row);
  };
  /** True while a date column has slash dates that read both ways and none that decides. */
  const datesUndecided = (): boolean => dateColumns.some((d) => d.evidence.ambiguous > 0 && columnDateOrder(d.evidence) === null);
  // Columns mapped with an assumed order: a later deciding row is reported once per column.
  const assumed = new Map<DateField, { order: DateOrder; header: string; cols: number[]; told: boolean }>();

  const startMapping = (): void => {
    const p = profile!;
    const h = header!;
    const numberCols = [p.columns.quantity, p.columns.amount, p.columns.unitCost, p.columns.unitPrice].flatMap((f) => resolveField(h, f));
    // The file-level guess looks at the charge and usage dates (subscription dates follow them).
    const dateCols = dateColumns.filter((d) => d.field === "chargeFrom" || d.field === "chargeTo" || d.field === "usageDate").flatMap((d) => d.cols);
    const values = (cols: number[]): string[] => sample.flatMap((s) => cols.map((c) => s.cells[c] ?? ""));
    const decimalSeparator = p.number.decimalSeparator === "auto" ? detectDecimalSeparator(values(numberCols), options.delimiter) : p.number.decimalSeparator;
    const guess = detectDateOrder(values(dateCols));
    // Columns without a deciding date follow the file: the order the deciding columns agree on; else
    // dotted dates (DD.MM.YYYY) say the file is German; else the profile's order.
    const decided = new Set(dateColumns.map((d) => columnDateOrder(d.evidence)).filter((o) => o !== null));
    let dateOrder: DateOrder = decided.size === 1 ? [...decided][0]! : guess.order ?? (guess.dotted ? "dmy" : p.dateOrder);
    if (dateOrder === "auto" && guess.ambiguous) dateOrder = "mdy";
    const orders: Partial<Record<DateField, ColumnDateFormat>> = {};
    let assumedTold = false;
    let orderTold = false;
    let swapTold = false;
    for (const d of dateColumns) {
      const e = d.evidence;
      const own = columnDateOrder(e);
      const order = own ?? dateOrder;
      // Dotted dates next to slash dates that only read month first: Excel with German settings
      // converted the US dates it could read day first. They are read month first too.
      const swapDotted = own === "mdy" && e.dotted > 0;
      orders[d.field] = { order, swapDotted };
      const where = { source, column: d.header };
      if (own !== null && e.dmyOnly > 0 && e.mdyOnly > 0) {
        const minority = own === "dmy" ? { row: e.mdyRow!, value: e.mdyValue } : { row: e.dmyRow!, value: e.dmyValue };
        report(issue("vendor.date_order_conflict", { column: d.header, format: dateFormatLabelOf(own), row: minority.row, value: minority.value }, { ...where, row: minority.row }, "warning"));
      } else if (swapDotted && !swapTold) {
        swapTold = true;
        report(issue("vendor.date_excel_swapped", { column: d.header, row: e.mdyRow!, value: e.mdyValue }, { ...where, row: e.mdyRow! }, "warning"));
      } else if (own !== null && p.dateOrder !== "auto" && own !== p.dateOrder && !(own === "dmy" && decimalSeparator === ",") && !orderTold) {
        // Day first in a decimal-comma file is what a German re-export writes: no news. Otherwise say it once.
        orderTold = true;
        const row = own === "dmy" ? e.dmyRow! : e.mdyRow!;
        report(issue("vendor.date_order_column", { column: d.header, format: dateFormatLabelOf(own), row, value: own === "dmy" ? e.dmyValue : e.mdyValue }, { ...where, row }, "warning"));
      }
      if (own === null && e.ambiguous > 0) {
        assumed.set(d.field, { order, header: d.header, cols: d.cols, told: false });
        // A German-looking file with ambiguous slash dates: say which way they were read (once).
        if (decimalSeparator === "," && !assumedTold) {
          assumedTold = true;
          report(issue("vendor.date_order_assumed", { format: order === "dmy" ? "D/M/YYYY" : "M/D/YYYY" }, { source }, "warning"));
        }
      }
    }
    ctx = createRowContext(p, h, { source, decimalSeparator, dateOrder, dateOrders: orders });
    const buffered = sample;
    sample = [];
    state = "map";
    for (const s of buffered) mapRow(s.cells, s.row);
  };

  /** After mapping started: a row that decides a column read with an assumed order is reported once. */
  const checkLateDates = (cells: readonly string[], row: number): void => {
    for (const a of assumed.values()) {
      if (a.told) continue;
      for (const c of a.cols) {
        const e = emptyDateEvidence();
        addDateEvidence(e, (cells[c] ?? "").trim(), row);
        const own = columnDateOrder(e);
        if (own !== null && own !== a.order) {
          a.told = true;
          report(issue("vendor.date_order_late", { column: a.header, format: dateFormatLabelOf(a.order), rows: MAX_DATE_SAMPLE_ROWS, row }, { source, row, column: a.header }, "error"));
        }
      }
    }
  };

  const rowIssues: Issue[] = [];
  const mapRow = (cells: readonly string[], row: number): void => {
    const c = ctx!;
    const line = mapVendorRowInto(c, cells, row, rowIssues);
    if (rowIssues.length > 0) {
      for (const i of rowIssues) report(i);
      rowIssues.length = 0;
    }
    if (!line) return;
    if (c.profile.reportUnknownChargeTypes && line.chargeKind === "unknown") {
      const u = unknownChargeTypes.get(line.chargeType);
      if (u) u.count++;
      else unknownChargeTypes.set(line.chargeType, { count: 1, row });
    }
    if (c.profile.aggregate === "customer-article-month") {
      fold(line);
      return;
    }
    lines.push(line);
    if (line.chargeFrom && (minFrom === null || line.chargeFrom < minFrom)) minFrom = line.chargeFrom;
    if (line.chargeTo && (maxTo === null || line.chargeTo > maxTo)) maxTo = line.chargeTo;
  };

  const fold = (line: VendorLine): void => {
    const month = line.chargeFrom ? line.chargeFrom.slice(0, 7) : "";
    const key = `${line.vendorCustomerId}\u0001${line.vendorArticleKey}\u0001${line.currency}\u0001${month}`;
    const a = aggregates.get(key);
    const amount = line.amount === null ? null : new Decimal(line.amount);
    if (!a) {
      aggregates.set(key, {
        line,
        quantity: new Decimal(line.quantity),
        amount,
        from: line.chargeFrom,
        to: line.chargeTo,
        subscriptions: new Set(line.subscriptionId ? [line.subscriptionId] : []),
        unitPrice: line.vendorUnitPrice,
        meters: new Set(line.meter ? [line.meter] : []),
        unit: line.unit,
        listAmount: line.listAmount === undefined ? null : new Decimal(line.listAmount),
      });
      return;
    }
    if (line.meter) a.meters.add(line.meter);
    if (a.unit !== line.unit) a.unit = undefined;
    a.listAmount = a.listAmount !== null && line.listAmount !== undefined ? a.listAmount.plus(line.listAmount) : null;
    a.line.rowCount++;
    a.quantity = a.quantity.plus(line.quantity);
    if (amount) a.amount = a.amount ? a.amount.plus(amount) : amount;
    if (line.chargeFrom && (a.from === null || line.chargeFrom < a.from)) a.from = line.chargeFrom;
    if (line.chargeTo && (a.to === null || line.chargeTo > a.to)) a.to = line.chargeTo;
    if (line.subscriptionId) a.subscriptions.add(line.subscriptionId);
    if (a.unitPrice !== line.vendorUnitPrice) a.unitPrice = undefined;
  };

  const push = (rows: readonly (readonly string[])[], firstRowNumber: number): void => {
    for (let i = 0; i < rows.length; i++) {
      if (state === "failed") return;
      const cells = rows[i]!;
      const row = firstRowNumber + i;
      if (state === "map") {
        if (isBlankRow(cells)) continue;
        rowCount++;
        if (assumed.size > 0) checkLateDates(cells, row);
        mapRow(cells, row);
        continue;
      }
      if (isBlankRow(cells)) continue;
      if (state === "header") {
        nonBlankSeen++;
        if (!firstNonBlank) firstNonBlank = { row, cells: cells.slice(0, 30).map((c) => (c.length > 60 ? `${c.slice(0, 57)}…` : c)) };
        if (acceptHeader(cells, row)) {
          state = "sample";
          prepareDateEvidence();
        } else if (nonBlankSeen >= MAX_HEADER_SCAN) state = "failed";
        continue;
      }
      // sample
      rowCount++;
      sample.push({ cells, row });
      noteDates(cells, row);
      if (sample.length >= SAMPLE_ROWS && (sample.length >= MAX_DATE_SAMPLE_ROWS || !datesUndecided())) startMapping();
    }
  };

  const finish = (): ReadVendorResult => {
    if (state === "sample") startMapping();
    if (profile === null && !issues.some((i) => i.code === "vendor.profile_unknown")) {
      if (!firstNonBlank) report(issue("csv.empty_file", {}, { source }));
      else if (forced) {
        const miss = bestForcedMiss as { row: number; missing: string[] } | null;
        report(issue("vendor.missing_columns", { profile: forced.name, columns: (miss?.missing ?? []).join(", ") }, { source, row: miss?.row ?? firstNonBlank.row }));
      } else {
        const f = firstNonBlank as { row: number; cells: readonly string[] };
        // Only printable text goes into the message: a stray binary file must not put raw bytes there.
        // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
        const shown = f.cells.map((c) => c.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, "").trim()).filter((c) => c !== "");
        report(issue("vendor.no_profile", { headers: shown.join(", ") }, { source, row: f.row }));
      }
    }
    for (const a of aggregates.values()) {
      const l = a.line;
      l.quantity = toStored(a.quantity);
      l.amount = a.amount ? toStored(a.amount) : null;
      l.unitCost = a.amount && !a.quantity.isZero() ? toStored(a.amount.div(a.quantity).toDecimalPlaces(UNIT_COST_DECIMALS, Decimal.ROUND_HALF_UP)) : null;
      l.chargeFrom = a.from;
      l.chargeTo = a.to;
      l.coveredMonths = null;
      l.subscriptionId = [...a.subscriptions].sort().join(";");
      l.chargeType = "usage";
      l.chargeKind = "usage";
      l.changesQuantity = false;
      if (a.unitPrice === undefined) delete l.vendorUnitPrice;
      delete l.setsTotal;
      if (a.meters.size > 0) l.meter = [...a.meters].sort().join("; ");
      else delete l.meter;
      if (a.unit !== undefined) l.unit = a.unit;
      else delete l.unit;
      if (a.listAmount !== null) l.listAmount = toStored(a.listAmount);
      else delete l.listAmount;
      lines.push(l);
      if (a.from && (minFrom === null || a.from < minFrom)) minFrom = a.from;
      if (a.to && (maxTo === null || a.to > maxTo)) maxTo = a.to;
    }
    aggregates.clear();
    const chargeTypeHeader = ctx?.fields.chargeType.header ?? "ChargeType";
    for (const [value, u] of unknownChargeTypes)
      report(issue("vendor.unknown_charge_type", { value: value === "" ? "(leer/empty)" : value, count: u.count }, { source, row: u.row, column: chargeTypeHeader }, "warning"));
    if (profile && rowCount === 0) report(issue("vendor.no_data_rows", {}, { source, row: headerRow ?? undefined }, "warning"));
    for (const [code, count] of dropped) issues.push(issue("io.issues_truncated", { count, code }, { source }, "warning"));
    dropped.clear();
    const periodFound = minFrom && maxTo ? { from: minFrom, to: maxTo } : null;
    const c = ctx as RowContext | null;
    return {
      profile,
      lines,
      issues,
      periodFound,
      rowCount,
      headerRow,
      decimalSeparator: c?.decimalSeparator ?? null,
      dateOrder: c?.dateOrder ?? null,
    };
  };

  return { push, finish };
}

/**
 * Reads a whole table (CSV, xlsx or an Excel range) into canonical vendor lines: finds the header
 * below any title lines, recognises the profile by its headers (or uses `profileId`), detects decimal
 * separator and date order, maps every row. Never throws on bad input; every problem is an issue.
 */
export function readVendorTable(table: RawTable, options: ReadVendorOptions = {}): ReadVendorResult {
  const reader = createVendorReader({ ...options, source: options.fileName ?? table.source });
  reader.push(table.rows, table.firstRowNumber);
  return reader.finish();
}

export interface AsyncReadOptions {
  /** Rows per step (default 5,000); the host regains control between steps. */
  batchRows?: number;
  /** Called after every step with rows done and total rows. */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the read: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * {@link readVendorTable} in steps that give the event loop back between batches, for the task pane:
 * a progress bar can move and a cancel button works while 100,000 rows are mapped.
 */
export async function readVendorTableAsync(table: RawTable, options: ReadVendorOptions = {}, run: AsyncReadOptions = {}): Promise<ReadVendorResult> {
  const batch = Math.max(1, run.batchRows ?? 5000);
  const reader = createVendorReader({ ...options, source: options.fileName ?? table.source });
  const total = table.rows.length;
  for (let start = 0; start < total; start += batch) {
    run.signal?.throwIfAborted();
    reader.push(table.rows.slice(start, start + batch), table.firstRowNumber + start);
    run.onProgress?.(Math.min(total, start + batch), total);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  run.signal?.throwIfAborted();
  return reader.finish();
}

export interface ReadVendorCsvOptions extends ReadVendorOptions {
  /** Force an encoding; default: UTF-8 when the bytes are valid UTF-8, else Windows-1252 (or the forced profile's). */
  encoding?: TextEncodingName;
  /** Rows per batch handed from the CSV parser to the reader (default 256). */
  batchRows?: number;
  /** Largest file (unpacked) read, in bytes (default {@link MAX_FILE_BYTES}; smaller in tests). */
  maxBytes?: number;
}

/**
 * The largest vendor file read as text, unpacked: JavaScript strings end at about 536 million
 * characters, so a larger file could not be decoded at all (an exception, not a message). A small
 * gzip file may unpack to gigabytes (a "zip bomb"): it is unpacked in steps and stopped here.
 */
export const MAX_FILE_BYTES = 500_000_000;

/** Unpacks gzip data in steps, stopping once the output passes `max` bytes (then "too_large"). */
function gunzipBounded(bytes: Uint8Array, max: number): Uint8Array | "too_large" {
  // Header (10), an empty deflate block (2) and trailer (8): the streaming unpacker would read a
  // shorter, truncated header as an empty file instead of failing.
  if (bytes.length < 20) throw new Error("unexpected end of data");
  const chunks: Uint8Array[] = [];
  let total = 0;
  const gunzip = new Gunzip((chunk) => {
    total += chunk.length;
    if (total <= max) chunks.push(chunk);
  });
  const step = 1 << 20;
  for (let at = 0; at < bytes.length && total <= max; at += step) gunzip.push(bytes.subarray(at, at + step), at + step >= bytes.length);
  if (total > max) return "too_large";
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Rows handed from the CSV parser to the reader at a time. Small, so the row arrays die young: with
 * batches of 5,000 rows (7 MB of cells) they outlived the young generation and cost time and memory.
 */
const CSV_BATCH_ROWS = 256;

export interface ReadVendorCsvResult extends ReadVendorResult {
  encoding: DecodedEncodingName;
  delimiter: Delimiter;
  /** How the data was written: delimited text, or JSON records (Partner Center API v2). */
  format: "csv" | "json";
  /** Set when the file was gzip-compressed (and unpacked here). */
  compressed?: "gzip";
}

/** Messages for files that are no table this reader can read, by kind. */
const NOT_A_TABLE: Partial<Record<FileKind, string>> = {
  zip: "file.is_zip",
  pdf: "file.is_pdf",
  xls: "file.is_xls",
  binary: "file.is_binary",
  gzip: "file.is_binary",
};

/** A result with no lines and one issue (a file this reader cannot read). */
function unreadable(source: string, code: string, params: Record<string, string | number>, extra: Partial<ReadVendorCsvResult> = {}): ReadVendorCsvResult {
  return { profile: null, lines: [], issues: [issue(code, { file: source, ...params }, { source })], periodFound: null, rowCount: 0, headerRow: null, decimalSeparator: null, dateOrder: null, encoding: "utf-8", delimiter: ",", format: "csv", ...extra };
}

/**
 * Reads the bytes of a vendor file that is not an `.xlsx` workbook: CSV (UTF-8 with or without BOM,
 * else Windows-1252; delimiter detected, parsed with papaparse row by row, each batch mapped as it
 * comes), JSON records (Partner Center reconciliation API v2: one object per line or a list, see
 * read-json.ts), and either of them gzip-compressed (unpacked with fflate, here and in the browser).
 * UTF-16 text (Excel "Unicode text", by its BOM) is decoded like any CSV. Any other binary file (zip,
 * PDF, old `.xls`, random bytes) gets one clear issue, never
 * its bytes in a message. A forced profile's CSV settings (delimiter, encoding) apply.
 */
export function readVendorCsv(bytes: Uint8Array, options: ReadVendorCsvOptions = {}): ReadVendorCsvResult {
  const source = options.fileName ?? "";
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  let kind = sniffFileKind(bytes);
  let compressed: "gzip" | undefined;
  if (kind === "gzip") {
    let unpacked: Uint8Array | "too_large";
    try {
      unpacked = gunzipBounded(bytes, maxBytes);
    } catch (e) {
      return unreadable(source, "file.gzip_invalid", { detail: e instanceof Error ? e.message : String(e) });
    }
    if (unpacked === "too_large") return unreadable(source, "file.too_large", { limit: maxBytes }, { compressed: "gzip" });
    bytes = unpacked;
    compressed = "gzip";
    kind = sniffFileKind(bytes);
  }
  if (bytes.length > maxBytes) return unreadable(source, "file.too_large", { limit: maxBytes }, compressed ? { compressed } : {});
  const notTable = NOT_A_TABLE[kind];
  if (notTable) return unreadable(source, notTable, {}, compressed ? { compressed } : {});
  if (kind === "json") {
    const reader = createVendorReader({ ...options, source });
    const json = jsonRecordsToTable(new TextDecoder("utf-8").decode(bytes), source);
    if (json.table) reader.push(json.table.rows, json.table.firstRowNumber);
    const result = reader.finish();
    const issues = json.table ? [...json.issues, ...result.issues] : json.issues;
    return { ...result, issues, encoding: "utf-8", delimiter: ",", format: "json", ...(compressed ? { compressed } : {}) };
  }
  return { ...readDelimited(bytes, options, source), ...(compressed ? { compressed } : {}) };
}

function readDelimited(bytes: Uint8Array, options: ReadVendorCsvOptions, source: string): ReadVendorCsvResult {
  const wanted = options.profileId?.toLowerCase();
  const forced = wanted === undefined ? undefined : ((options.profiles ?? []).find((p) => typeof p.id === "string" && p.id.toLowerCase() === wanted) ?? builtinProfile(wanted));
  const decoded = decodeBytes(bytes, options.encoding ?? forced?.csv?.encoding);
  // A user profile's own delimiter (a pipe) joins the guess, so later files of that vendor are recognised.
  const own = (options.profiles ?? []).map((p) => p.csv?.delimiter).filter((d): d is Delimiter => d !== undefined && !DETECTED_DELIMITERS.includes(d));
  const delimiter = forced?.csv?.delimiter ?? detectDelimiter(decoded.text, [...DETECTED_DELIMITERS, ...new Set(own)]);
  const reader = createVendorReader({ ...options, source, delimiter });
  const csv = streamCsvText(decoded.text, { source, delimiter, batchRows: options.batchRows ?? CSV_BATCH_ROWS }, (rows, first) => reader.push(rows, first));
  const result = reader.finish();
  return { ...result, issues: [...csv.issues, ...result.issues], encoding: decoded.encoding, delimiter, format: "csv" };
}
