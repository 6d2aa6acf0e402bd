import { IsoDate } from "../../core/date/iso-date";
import { Issue, Severity } from "../../core/issues";
import { Decimal, toStored } from "../../core/money/decimal";
import { MAX_DECIMALS, fractionDigits, hasControlCharacter } from "../table/cell-reader";
import { DateOrder, isDateTextOutsideRange, parseDateCell, parseDecimalText } from "../values";
import { ChargeTypeInfo, classifyChargeType } from "./charge-type";
import { coveredMonths } from "./covered-months";
import { HeaderIndex, resolveField } from "./match-profile";
import { ProfileColumns, ProfileField, VendorProfile } from "./profile";
import { TermInfo, parseTermAndBillingCycle } from "./term";
import { VendorLine } from "./vendor-line";

/**
 * Mapping one file row to one canonical vendor line: pure apart from caches, so a host can feed
 * rows in any chunks (Web Worker, stream, batches between UI frames). Aggregation, counting unknown
 * charge types and capping issues happen in read-vendor.ts on top of this.
 *
 * Written for 100,000-row files: numbers already in canonical form (`-19.55`, `7`) stay strings and
 * only the unit cost is computed with Decimal; dates, covered months, charge types, term texts and
 * unit costs are cached per distinct value. The texts a line keeps (ids, names, numbers) are shared
 * per distinct value and detached from the decoded file (see `intern`), so 100,000 lines hold a few
 * thousand strings and the file's text can be freed once it is parsed.
 */

/** A field's columns in the file: indexes in priority order and their header texts. */
interface Resolved {
  idx: number[];
  /** Header text for messages (the first resolved column, or the profile's first alias). */
  header: string;
  /**
   * The field's cell on the previous row and what the field's reader made of it (a shared text, an
   * {@link IdEntry}, a {@link NumberEntry}, a date …): rows often repeat the value above, and
   * comparing with it is cheaper than a lookup. Each field is read by one reader, so one kind of value.
   */
  lastRaw: string | undefined;
  lastValue: unknown;
  /** Date fields: the order the column is read in (one for all its rows), and whether its dotted dates are swapped. */
  dateOrder: DateOrder;
  swapDotted: boolean;
  /** Date fields: parsed values by cell text (bounded), per column because columns may differ in order. */
  dates: Map<string, IsoDate | null> | null;
  /** Shown in this column's date errors: `M/D/YYYY`, `DD.MM.YYYY` … */
  dateFormatLabel: string;
}

/** Fields holding dates; each is read in one order for all its rows (issue 19). */
export const DATE_FIELDS = ["chargeFrom", "chargeTo", "usageDate", "subscriptionStart", "subscriptionEnd"] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** How one date column is read. */
export interface ColumnDateFormat {
  order: DateOrder;
  swapDotted: boolean;
}

interface MonthsEntry {
  /** `from|to` of the charge period. */
  key: string;
  months: Decimal | null;
  text: string | null;
}

/** Everything needed to map rows of one file, prepared once from its header row. */
export interface RowContext {
  profile: VendorProfile;
  source: string;
  fields: Readonly<Record<Exclude<ProfileField, "articleKey">, Resolved>>;
  articleKey: readonly Resolved[];
  decimalSeparator: "," | ".";
  /** The file's date order: the order of columns no date decided (see `dateOrders`). */
  dateOrder: DateOrder;
  /** Caches, nested by input so no per-row key string is built: from → to, term text → frequency, amount → quantity → period. */
  monthsCache: Map<string, Map<string, MonthsEntry>>;
  chargeTypeCache: Map<string, ChargeEntry>;
  termCache: Map<string, Map<string, TermInfo>>;
  unitCostCache: Map<string, Map<string, Map<MonthsEntry | null, string | null>>>;
  /** Entries in the unit cost cache (bounded). */
  unitCostEntries: number;
  /** One shared, detached copy of each distinct text kept in lines (bounded). */
  strings: Map<string, string>;
  /** Article keys by their parts (the root's key is ""). */
  articleKeys: KeyNode;
  /** Id cells: the shared text and whether Excel mangled it (bounded). */
  ids: Map<string, IdEntry>;
  /** Number cells: the canonical text (shared) or what is wrong with the cell (bounded). */
  numbers: Map<string, NumberEntry>;
  /** Which rows are usage lines: every row, the rows meeting a condition, or none. */
  usage: "all" | { column: Resolved; values: ReadonlySet<string> | null }[] | null;
}

/** A condition value as compared: lower case, spaces collapsed. */
const conditionKey = (v: string): string => v.trim().toLowerCase().replace(/\s+/g, " ");

interface ChargeEntry {
  lower: string;
  info: ChargeTypeInfo;
  control: boolean;
}

interface KeyNode {
  /** The parts so far, joined with `:`. */
  key: string;
  next: Map<string, KeyNode> | undefined;
}

interface IdEntry {
  text: string;
  mangled: boolean;
  /** The cell holds a control character (a NUL byte …): refused as the master readers do. */
  control: boolean;
}

interface NumberEntry {
  /** Canonical decimal text, or null when the cell is not a usable number. */
  text: string | null;
  error: "parse.invalid_number" | "vendor.number_out_of_range" | "parse.control_character" | "parse.too_many_decimals" | null;
  /** Digits after the point of `text` (checked against a field's bound where the field is known). */
  decimals: number;
}

const SCALAR_FIELDS = [
  "customerId", "customerName", "articleName", "subscriptionId", "chargeType", "chargeFrom", "chargeTo", "usageDate",
  "quantity", "amount", "unitCost", "unitPrice", "currency", "termAndBillingCycle", "billingFrequency", "subscriptionStart", "subscriptionEnd",
  "meter", "unit", "listPrice", "exchangeRate",
] as const satisfies readonly Exclude<ProfileField, "articleKey">[];

/** Prepares the mapping of a file's rows for a profile and its header row. */
export function createRowContext(
  profile: VendorProfile,
  header: HeaderIndex,
  options: { source: string; decimalSeparator: "," | "."; dateOrder: DateOrder; dateOrders?: Partial<Record<DateField, ColumnDateFormat>> },
): RowContext {
  const resolve = (source: ProfileColumns[ProfileField] | undefined, fallbackName: string): Resolved => {
    const idx = resolveField(header, source as ProfileColumns["customerId"] | undefined);
    const first = idx[0];
    const name = first !== undefined ? (header.headers[first] ?? "").trim() : fallbackName;
    return { idx, header: name, lastRaw: undefined, lastValue: undefined, dateOrder: options.dateOrder, swapDotted: false, dates: null, dateFormatLabel: "" };
  };
  const fields = {} as Record<Exclude<ProfileField, "articleKey">, Resolved>;
  for (const f of SCALAR_FIELDS) {
    const src = profile.columns[f];
    fields[f] = resolve(src, src?.[0]?.[0] ?? f);
  }
  for (const f of DATE_FIELDS) {
    const r = fields[f];
    const own = options.dateOrders?.[f];
    if (own) {
      r.dateOrder = own.order;
      r.swapDotted = own.swapDotted;
    }
    r.dates = new Map();
    r.dateFormatLabel = r.swapDotted ? "M/D/YYYY" : dateFormatLabelOf(r.dateOrder);
  }
  const articleKey = profile.columns.articleKey.map((part) => resolve(part, part[0]?.[0] ?? "articleKey"));
  const rows = profile.usageRows;
  const usage: RowContext["usage"] =
    rows === undefined ? null
    : "all" in rows ? "all"
    : rows.when
        .map((w) => ({ column: resolve(w.column, w.column[0]?.[0] ?? ""), values: w.values ? new Set(w.values.map(conditionKey)) : null }))
        .filter((w) => w.column.idx.length > 0);
  return {
    usage,
    profile,
    source: options.source,
    fields,
    articleKey,
    decimalSeparator: options.decimalSeparator,
    dateOrder: options.dateOrder,
    monthsCache: new Map(),
    chargeTypeCache: new Map(),
    termCache: new Map(),
    unitCostCache: new Map(),
    unitCostEntries: 0,
    strings: new Map(),
    articleKeys: { key: "", next: undefined },
    ids: new Map(),
    numbers: new Map(),
  };
}

/** How a date order is named in messages. */
export function dateFormatLabelOf(order: DateOrder): string {
  return order === "dmy" ? "DD.MM.YYYY" : order === "mdy" ? "M/D/YYYY" : "YYYY-MM-DD";
}

/** The first non-empty cell of a field on the row (trimmed), or "" when none. */
function pick(cells: readonly string[], r: Resolved): string {
  const idx = r.idx;
  for (let k = 0; k < idx.length; k++) {
    const v = cells[idx[k]!];
    if (v !== undefined && v !== "") {
      const t = v.trim();
      if (t !== "") return t;
    }
  }
  return "";
}

/** Marks a text cell whose value was refused (see {@link textCell}). */
const REFUSED = Symbol("refused");

/**
 * A text cell as a line keeps it: trimmed and shared (see {@link intern}); "" when empty, and ""
 * with an issue when it holds a control character.
 */
function textCell(st: RowState, r: Resolved): string {
  const raw = pick(st.cells, r);
  if (raw !== r.lastRaw) {
    r.lastRaw = raw;
    r.lastValue = hasControlCharacter(raw) ? REFUSED : intern(st.ctx, raw);
  }
  if (r.lastValue === REFUSED) {
    report(st, "parse.control_character", {}, r.header);
    return "";
  }
  return r.lastValue as string;
}

/**
 * The shared copy of a text a line keeps. Cells are substrings of the decoded file, and JavaScript
 * engines may represent a substring as a view of its parent (V8 does from 13 characters on): one
 * kept cell would keep the whole file text alive. The first occurrence of each value is therefore
 * copied (`(" " + s).slice(1)` builds a new string) and reused for every later row with that value.
 */
function intern(ctx: RowContext, s: string): string {
  if (s === "") return "";
  const known = ctx.strings.get(s);
  if (known !== undefined) return known;
  if (ctx.strings.size >= STRING_CACHE_LIMIT) return s;
  const own = (" " + s).slice(1);
  ctx.strings.set(own, own);
  return own;
}

const DIGITS = /^\d+$/;
/** Ids that Excel turned into numbers: `1.23457E+17`. */
const MANGLED_ID = /^\d(?:[.,]\d+)?E\+\d+$/i;
/** A canonical stored decimal (as `toStored` writes it) with at most 15 integer digits. */
const CANONICAL = /^(?:-?[1-9]\d{0,14}(?:\.\d*[1-9])?|-?0\.\d*[1-9]|0)$/;
/** Amounts and quantities from 10^15 on are treated as garbage (or Excel noise), not as numbers. */
const MAX_EXPONENT = 15;
const CACHE_LIMIT = 50_000;
/** Distinct texts shared by {@link intern}; values beyond it are kept as they come. */
const STRING_CACHE_LIMIT = 200_000;
/** Decimals kept in a computed unit cost (usage prices have many: 0.0209951014286867). */
export const UNIT_COST_DECIMALS = 10;

export interface MappedRow {
  line: VendorLine | null;
  issues: Issue[];
}

/** Per-call state, so the helpers below need no closures. */
interface RowState {
  ctx: RowContext;
  cells: readonly string[];
  row: number;
  issues: Issue[];
  error: boolean;
}

function shorten(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 37)}…` : raw;
}

function report(st: RowState, code: string, params: Issue["params"], column: string, severity: Severity = "error"): void {
  // Two fields may read one column (NCE's UnitPrice is unit and list price): one issue per cell.
  const last = st.issues[st.issues.length - 1];
  if (last !== undefined && last.code === code && last.where?.row === st.row && last.where.column === column && last.where.source === st.ctx.source) return;
  st.issues.push({ code, severity, params, where: { source: st.ctx.source, row: st.row, column } });
  if (severity === "error") st.error = true;
}

/** An id cell (trimmed, shared per distinct value; see {@link intern}); "" when empty. */
function idText(st: RowState, r: Resolved, required: boolean): string {
  const v = pick(st.cells, r);
  if (v === "") {
    if (required) report(st, "parse.required", {}, r.header);
    return v;
  }
  let id: IdEntry | undefined;
  if (v === r.lastRaw) id = r.lastValue as IdEntry;
  else {
    const ids = st.ctx.ids;
    id = ids.get(v);
    if (id === undefined) {
      const control = hasControlCharacter(v);
      id = { text: control ? "" : intern(st.ctx, v), mangled: !control && MANGLED_ID.test(v), control };
      if (ids.size < STRING_CACHE_LIMIT) ids.set(id.text, id);
    }
    r.lastRaw = v;
    r.lastValue = id;
  }
  if (id.control) report(st, "parse.control_character", {}, r.header);
  else if (id.mangled) report(st, "vendor.id_mangled", { value: id.text }, r.header, "warning");
  return id.text;
}

/** A number cell as canonical decimal text (`-19.55`), or null when absent or bad (then reported). */
function numberText(st: RowState, r: Resolved, required: boolean): string | null {
  if (r.idx.length === 0) return null;
  const raw = pick(st.cells, r);
  if (raw === "") {
    if (required) report(st, "parse.required", {}, r.header);
    return null;
  }
  let n: NumberEntry | undefined;
  if (raw === r.lastRaw) n = r.lastValue as NumberEntry;
  else {
    const numbers = st.ctx.numbers;
    n = numbers.get(raw);
    if (n === undefined) {
      n = readNumber(st.ctx, raw);
      if (numbers.size < STRING_CACHE_LIMIT) numbers.set(intern(st.ctx, raw), n);
    }
    r.lastRaw = raw;
    r.lastValue = n;
  }
  if (n.error !== null) {
    const params: Issue["params"] = n.error === "parse.control_character" ? {} : n.error === "parse.too_many_decimals" ? { value: shorten(raw), count: n.decimals, limit: MAX_DECIMALS.vendor } : { value: shorten(raw) };
    report(st, n.error, params, r.header);
  }
  return n.text;
}

/** What a (non-empty, trimmed) number cell means, computed once per distinct cell text. */
function readNumber(ctx: RowContext, raw: string): NumberEntry {
  const sep = ctx.decimalSeparator;
  let text: string | null = sep === "." && CANONICAL.test(raw) ? raw : simpleDecimal(raw, sep);
  if (text === null) {
    const value = parseDecimalText(raw, sep);
    if (value === null) return { text: null, error: hasControlCharacter(raw) ? "parse.control_character" : "parse.invalid_number", decimals: 0 };
    if (!value.isZero() && value.e >= MAX_EXPONENT) return { text: null, error: "vendor.number_out_of_range", decimals: 0 };
    // An exponent of up to three digits (`1E-300`) would give hundreds of decimals.
    if (value.decimalPlaces() > MAX_DECIMALS.vendor) return { text: null, error: "parse.too_many_decimals", decimals: value.decimalPlaces() };
    text = toStored(value);
  }
  const decimals = fractionDigits(text);
  if (decimals > MAX_DECIMALS.vendor) return { text: null, error: "parse.too_many_decimals", decimals };
  return { text: intern(ctx, text), error: null, decimals };
}

const SIMPLE_POINT = /^(-?)(\d{1,15})(?:\.(\d{1,30}))?$/;
const SIMPLE_COMMA = /^(-?)(\d{1,15})(?:,(\d{1,30}))?$/;

/**
 * Canonical text of a plain machine-written number (`127.50`, `-0,50`, `007`) without building a
 * Decimal: leading zeros and trailing fraction zeros dropped, `-0` → `0`. Null for anything else
 * (thousands separators, signs at the end, exponents …), which the full parser then reads.
 */
export function simpleDecimal(raw: string, sep: "," | "."): string | null {
  const m = (sep === "." ? SIMPLE_POINT : SIMPLE_COMMA).exec(raw);
  if (!m) return null;
  let int = m[2]!;
  let i = 0;
  while (i < int.length - 1 && int.charCodeAt(i) === 48) i++;
  if (i > 0) int = int.slice(i);
  let frac = m[3] ?? "";
  let j = frac.length;
  while (j > 0 && frac.charCodeAt(j - 1) === 48) j--;
  if (j < frac.length) frac = frac.slice(0, j);
  const body = frac === "" ? int : `${int}.${frac}`;
  return m[1] === "-" && body !== "0" ? `-${body}` : body;
}

function dateValue(st: RowState, r: Resolved, required: boolean): IsoDate | null {
  if (r.idx.length === 0) return null;
  const raw = pick(st.cells, r);
  if (raw === "") {
    if (required) report(st, "parse.required", {}, r.header);
    return null;
  }
  let value: IsoDate | null | undefined;
  if (raw === r.lastRaw) value = r.lastValue as IsoDate | null;
  else {
    const cache = r.dates!;
    value = cache.get(raw);
    if (value === undefined) {
      value = parseDateCell(raw, r.dateOrder, r.swapDotted);
      if (cache.size < CACHE_LIMIT) cache.set(raw, value);
    }
    r.lastRaw = raw;
    r.lastValue = value;
  }
  if (value === null) {
    if (hasControlCharacter(raw)) report(st, "parse.control_character", {}, r.header);
    else if (isDateTextOutsideRange(raw, r.dateOrder)) report(st, "parse.date_out_of_range", { value: shorten(raw) }, r.header);
    else report(st, "vendor.invalid_date", { value: shorten(raw), format: r.dateFormatLabel }, r.header);
  }
  return value;
}

const negate = (t: string): string => (t === "0" ? t : t.charCodeAt(0) === 45 ? t.slice(1) : `-${t}`);
const abs = (t: string): string => (t.charCodeAt(0) === 45 ? t.slice(1) : t);
const isNegative = (t: string): boolean => t.charCodeAt(0) === 45;

function monthsOf(ctx: RowContext, from: IsoDate, to: IsoDate): MonthsEntry {
  let byTo = ctx.monthsCache.get(from);
  if (!byTo) {
    byTo = new Map();
    ctx.monthsCache.set(from, byTo);
  }
  let entry = byTo.get(to);
  if (!entry) {
    const months = coveredMonths(from, to);
    entry = { key: `${from}|${to}`, months, text: months ? toStored(months.toDecimalPlaces(6, Decimal.ROUND_HALF_UP)) : null };
    if (byTo.size < CACHE_LIMIT) byTo.set(to, entry);
  }
  return entry;
}

/** amount ÷ quantity ÷ months, rounded to {@link UNIT_COST_DECIMALS}; cached per distinct input. */
function unitCostOf(ctx: RowContext, amount: string, quantity: string, months: MonthsEntry | null): string | null {
  if (quantity === "0") return null;
  let byQuantity = ctx.unitCostCache.get(amount);
  let byMonths = byQuantity?.get(quantity);
  const cached = byMonths?.get(months);
  if (cached !== undefined) return cached;
  let cost = new Decimal(amount).div(new Decimal(quantity));
  if (months?.months && !months.months.isZero()) cost = cost.div(months.months);
  const text = toStored(cost.toDecimalPlaces(UNIT_COST_DECIMALS, Decimal.ROUND_HALF_UP));
  if (ctx.unitCostEntries < CACHE_LIMIT) {
    if (!byQuantity) ctx.unitCostCache.set(amount, (byQuantity = new Map()));
    if (!byMonths) byQuantity.set(quantity, (byMonths = new Map()));
    byMonths.set(months, text);
    ctx.unitCostEntries++;
  }
  return text;
}

function termOf(ctx: RowContext, termText: string, frequency: string): TermInfo {
  let byFrequency = ctx.termCache.get(termText);
  if (!byFrequency) {
    byFrequency = new Map();
    if (ctx.termCache.size < CACHE_LIMIT) ctx.termCache.set(termText, byFrequency);
  }
  let term = byFrequency.get(frequency);
  if (!term) {
    term = parseTermAndBillingCycle(termText, frequency);
    if (byFrequency.size < CACHE_LIMIT) byFrequency.set(frequency, term);
  }
  return term;
}

/** True when the profile reads the row as a usage line (see VendorProfile.usageRows). */
function isUsageRow(ctx: RowContext, cells: readonly string[]): boolean {
  const u = ctx.usage;
  if (u === null) return false;
  if (u === "all") return true;
  for (const w of u) {
    const v = pick(cells, w.column);
    if (v !== "" && (w.values === null || w.values.has(conditionKey(v)))) return true;
  }
  return false;
}

/**
 * Maps one data row. Errors (a missing id, a bad number or date) drop the row and are returned as
 * issues naming row and column; warnings (an id Excel shortened) keep it. Unknown charge types are
 * not reported here (the reader counts them per value).
 */
export function mapVendorRow(ctx: RowContext, cells: readonly string[], row: number): MappedRow {
  const issues: Issue[] = [];
  const line = mapVendorRowInto(ctx, cells, row, issues);
  return { line, issues };
}

/**
 * {@link mapVendorRow} for bulk use: appends the row's issues to `issues` and returns the line (or
 * null), without allocating a result object per row.
 */
export function mapVendorRowInto(ctx: RowContext, cells: readonly string[], row: number, issues: Issue[]): VendorLine | null {
  const { profile, fields: F } = ctx;
  const st: RowState = { ctx, cells, row, issues, error: false };

  const customerId = idText(st, F.customerId, true);
  const parts = ctx.articleKey;
  const pad = profile.articleKeyPad;
  // The key is found part by part in a tree of the (shared) part texts, not joined on every row.
  let node = ctx.articleKeys;
  for (let k = 0; k < parts.length; k++) {
    let part = idText(st, parts[k]!, true);
    const width = pad?.[k];
    if (width && part.length < width && DIGITS.test(part)) part = part.padStart(width, "0");
    let next = node.next?.get(part);
    if (next === undefined) {
      next = { key: intern(ctx, k === 0 ? part : `${node.key}:${part}`), next: undefined };
      if (ctx.strings.size < STRING_CACHE_LIMIT) (node.next ??= new Map()).set(part, next);
    }
    node = next;
  }
  const articleKey = node.key;
  const subscriptionId = idText(st, F.subscriptionId, false);
  const usageProfile = profile.aggregate === "customer-article-month";
  const listPrice = numberText(st, F.listPrice, false);
  const exchangeRate = numberText(st, F.exchangeRate, false);
  const usageDate = dateValue(st, F.usageDate, usageProfile);
  const chargeFrom = dateValue(st, F.chargeFrom, !usageProfile);
  const chargeTo = dateValue(st, F.chargeTo, !usageProfile);
  if (chargeFrom && chargeTo && chargeTo < chargeFrom) report(st, "vendor.period_reversed", { from: chargeFrom, to: chargeTo }, F.chargeTo.header);
  const subscriptionStart = dateValue(st, F.subscriptionStart, false);
  const subscriptionEnd = dateValue(st, F.subscriptionEnd, false);
  const fileQuantity = numberText(st, F.quantity, true);
  const fileAmount = numberText(st, F.amount, true);
  let quantity = fileQuantity;
  let amount = fileAmount;
  const fileUnitCost = numberText(st, F.unitCost, false);
  const unitPrice = numberText(st, F.unitPrice, false);
  if (st.error || quantity === null) return null;

  // Signs (profile.sign): Microsoft's reversal lines carry a positive quantity and a negative Subtotal.
  if (profile.sign === "flip") {
    quantity = negate(quantity);
    if (amount !== null) amount = negate(amount);
  } else if (profile.sign === "fromAmount" && amount !== null && amount !== "0") {
    quantity = isNegative(amount) ? negate(abs(quantity)) : abs(quantity);
  }
  // numberText's texts are shared already; only a sign change made new ones.
  if (quantity !== fileQuantity) quantity = intern(ctx, quantity);
  if (amount !== fileAmount && amount !== null) amount = intern(ctx, amount);

  const usageLine = isUsageRow(ctx, cells);
  // Seat counts become contract quantities through a review: bounded as quantities, not as usage.
  if (!usageLine && fractionDigits(quantity) > MAX_DECIMALS.quantity) {
    report(st, "parse.too_many_decimals", { value: shorten(quantity), count: fractionDigits(quantity), limit: MAX_DECIMALS.quantity }, F.quantity.header);
    return null;
  }
  // A usage line's term text is its meter's unit (`Data Stored (GB/Month)`), no commitment.
  const termText = usageLine ? "" : textCell(st, F.termAndBillingCycle);
  const frequency = usageLine ? "" : textCell(st, F.billingFrequency);
  const term = termText !== "" || frequency !== "" ? termOf(ctx, termText, frequency) : undefined;

  // Covered months: usage rows have none; one-time charges neither.
  const months = !usageLine && chargeFrom && chargeTo && term?.billingCycle !== "one_time" ? monthsOf(ctx, chargeFrom, chargeTo) : null;

  let unitCost: string | null = null;
  if (fileUnitCost !== null) {
    unitCost = fileUnitCost;
    if (amount === null) {
      let a = new Decimal(fileUnitCost).times(quantity);
      if (months?.months && !months.months.isZero()) a = a.times(months.months);
      amount = toStored(a);
    }
  } else if (amount !== null) {
    unitCost = unitCostOf(ctx, amount, quantity, months);
  }

  const rawChargeType = pick(cells, F.chargeType);
  let charge: ChargeEntry | undefined;
  if (rawChargeType === F.chargeType.lastRaw) charge = F.chargeType.lastValue as ChargeEntry;
  else {
    charge = ctx.chargeTypeCache.get(rawChargeType);
    if (!charge) {
      const control = hasControlCharacter(rawChargeType);
      charge = { lower: control ? "" : intern(ctx, rawChargeType.toLowerCase()), info: classifyChargeType(control ? "" : rawChargeType), control };
      if (ctx.chargeTypeCache.size < CACHE_LIMIT) ctx.chargeTypeCache.set(rawChargeType, charge);
    }
    F.chargeType.lastRaw = rawChargeType;
    F.chargeType.lastValue = charge;
  }
  if (charge.control) report(st, "parse.control_character", {}, F.chargeType.header);

  const line: VendorLine = {
    profileId: profile.id,
    source: ctx.source,
    row,
    rowCount: 1,
    vendorCustomerId: customerId,
    vendorCustomerName: textCell(st, F.customerName),
    vendorArticleKey: articleKey,
    vendorArticleName: textCell(st, F.articleName),
    subscriptionId,
    chargeType: charge.lower,
    chargeKind: usageLine ? "usage" : charge.info.kind,
    changesQuantity: usageLine ? false : charge.info.changesQuantity,
    // A usage row's day is its usage date where the file has one (daily usage; user profiles that map it).
    chargeFrom: usageProfile || (usageLine && usageDate) ? usageDate : chargeFrom,
    chargeTo: usageProfile || (usageLine && usageDate) ? usageDate : chargeTo,
    coveredMonths: months ? months.text : null,
    quantity,
    unitCost,
    amount,
    currency: textCell(st, F.currency) || profile.defaultCurrency || "",
  };
  if (charge.info.setsTotal && !usageLine) line.setsTotal = true;
  if (usageLine) {
    const meter = textCell(st, F.meter);
    const unit = textCell(st, F.unit);
    if (meter !== "") line.meter = meter;
    if (unit !== "") line.unit = unit;
    if (listPrice !== null) {
      let list = new Decimal(listPrice).times(quantity);
      if (exchangeRate !== null) list = list.times(exchangeRate);
      line.listAmount = toStored(list.toDecimalPlaces(UNIT_COST_DECIMALS, Decimal.ROUND_HALF_UP));
    }
  }
  if (unitPrice !== null) line.vendorUnitPrice = unitPrice;
  if (termText !== "") line.termAndBillingCycle = termText;
  if (frequency !== "") line.billingFrequency = frequency;
  if (term?.term) line.term = term.term;
  if (term?.billingCycle) line.billingCycle = term.billingCycle;
  if (subscriptionStart) line.subscriptionStart = subscriptionStart;
  if (subscriptionEnd) line.subscriptionEnd = subscriptionEnd;
  // A text cell read above (a name, the currency, the meter …) may have been refused.
  return st.error ? null : line;
}
