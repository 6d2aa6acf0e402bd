import { Issue, Result, fail, issue } from "../../core/issues";
import { headerKey, isBlankRow, type RawTable } from "../table/raw-table";
import { DETECTED_DELIMITERS, detectDelimiter, readCsvText, type Delimiter } from "../table/read-csv";
import type { SignMode } from "./profile";
import { detectDateOrder, detectDecimalSeparator } from "./formats";
import { readVendorTable } from "./read-vendor";
import { USER_PROFILE_VERSION, compileUserProfile, validateProfile, type ProfileDateFormat, type UserProfile } from "./user-profile";
import type { VendorLine } from "./vendor-line";

/**
 * The vendor profile editor's model (the task pane's step for a file no profile recognises): the
 * clerk assigns the file's columns to fields and says how numbers and dates are written; the draft
 * becomes the same user profile JSON `profile add` takes, checked by the same `validateProfile`.
 */

/** Fields the clerk assigns; `articleKey2` is an optional second part of the article key (`Hersteller:Artikelnummer`). */
export const DRAFT_FIELDS = [
  "customerId", "customerName", "articleKey", "articleKey2", "articleName", "quantity", "unitCost", "amount",
  "periodFrom", "periodTo", "chargeDate", "chargeType", "currency",
] as const;

export type DraftField = (typeof DRAFT_FIELDS)[number];

/** Fields without which no profile can be saved (the article name falls back to the article key). */
export const REQUIRED_DRAFT_FIELDS: readonly DraftField[] = ["customerId", "customerName", "articleKey", "quantity"];

export const DRAFT_DATE_FORMATS: readonly ProfileDateFormat[] = ["DD.MM.YYYY", "YYYY-MM-DD", "M/D/YYYY", "D/M/YYYY", "auto"];

/** Delimiters the clerk can pick for a CSV file (the editor also guesses a pipe). */
export const DRAFT_DELIMITERS: readonly Delimiter[] = [...DETECTED_DELIMITERS, "|"];

/**
 * How signs are read (the profile's `sign.mode`): as in the file (a leading or trailing minus,
 * `12,50-`, and parentheses, `(12,50)`, are negative), all flipped, or the quantity taking the
 * amount's sign (a credit line written `1 × 12,50 = 12,50-` reads as −1).
 */
export const DRAFT_SIGN_MODES: readonly SignMode[] = ["asIs", "flip", "fromAmount"];

export interface ProfileDraft {
  /** The profile's name as the clerk calls the vendor (`Cloudhaus Monatsabrechnung`). */
  name: string;
  /** Header text per field; absent or `""` = not in the file. */
  columns: Partial<Record<DraftField, string>>;
  decimalSeparator: "," | ".";
  dateFormat: ProfileDateFormat;
  /** Currency of the amounts when no currency column is assigned (ISO code). */
  currency?: string;
  /** How credits are signed (absent: `asIs`). */
  signMode?: SignMode;
  /** The CSV delimiter the profile fixes (absent: guessed per file; not for xlsx or a sheet). */
  delimiter?: Delimiter;
}

/** The top of a file as the editor shows it: the header row (the first row with two or more cells) and the rows below it. */
export interface FileHead {
  source: string;
  /** Row number of the header as the user sees it. */
  headerRow: number;
  /** Header texts, trimmed; empty headers are left out of the choices. */
  headers: string[];
  /** Data rows below the header (as read, not trimmed). */
  rows: string[][];
  /** Row number of `rows[0]`. */
  firstDataRow: number;
  /** The first non-blank rows, any of which the clerk can make the header (title lines above it are skipped). */
  headerChoices: HeaderChoice[];
  /** The delimiter the text was split with (CSV only). */
  delimiter?: Delimiter;
}

/** A row the clerk can pick as the header: its number and its first cells. */
export interface HeaderChoice {
  row: number;
  cells: string[];
}

const HEADER_SCAN = 50;
const HEADER_CHOICES = 12;

/**
 * Finds the header of a table no profile recognised: `headerRow` when the clerk picked one, else the
 * first non-blank row (of the first 50) with at least two non-empty cells, so title lines above it
 * are skipped. Null when there is none (or the picked row is blank or not in the table).
 */
export function fileHead(table: RawTable, options: { headerRow?: number; maxRows?: number } = {}): FileHead | null {
  const maxRows = options.maxRows ?? 200;
  const choices: HeaderChoice[] = [];
  let at = -1;
  let seen = 0;
  for (let i = 0; i < table.rows.length && seen < HEADER_SCAN; i++) {
    const row = table.rows[i]!;
    if (isBlankRow(row)) continue;
    seen++;
    const number = table.firstRowNumber + i;
    if (choices.length < HEADER_CHOICES) choices.push({ row: number, cells: row.map((c) => c.trim()).filter((c) => c !== "").slice(0, 4) });
    if (at < 0 && (options.headerRow === undefined ? row.filter((c) => c.trim() !== "").length >= 2 : number === options.headerRow)) at = i;
    if (at >= 0 && choices.length >= HEADER_CHOICES) break;
  }
  if (at < 0) return null;
  const header = table.rows[at]!;
  if (!choices.some((c) => c.row === table.firstRowNumber + at)) choices.push({ row: table.firstRowNumber + at, cells: header.map((c) => c.trim()).filter((c) => c !== "").slice(0, 4) });
  return {
    source: table.source,
    headerRow: table.firstRowNumber + at,
    headers: header.map((c) => c.replace(/^\uFEFF/, "").trim()),
    rows: table.rows.slice(at + 1, at + 1 + maxRows),
    firstDataRow: table.firstRowNumber + at + 1,
    headerChoices: choices,
  };
}

/**
 * The head of CSV text split with `delimiter` (guessed among {@link DRAFT_DELIMITERS} when absent,
 * so a pipe file is split right too) at the picked header row.
 */
export function csvHead(text: string, source: string, options: { delimiter?: Delimiter; headerRow?: number } = {}): { head: FileHead | null; delimiter: Delimiter } {
  const delimiter = options.delimiter ?? detectDelimiter(text, DRAFT_DELIMITERS);
  const head = fileHead(readCsvText(text, source, delimiter).table, options.headerRow === undefined ? {} : { headerRow: options.headerRow });
  return { head: head && { ...head, delimiter }, delimiter };
}

/** Header words per field, German and English (header keys: lower case, without spaces, `_`, `-`, `.`). */
const GUESSES: readonly [DraftField, RegExp][] = [
  ["customerId", /^(end)?(customer|kunden?|tenant|client|mandant|endkunden?)(id|nr|no|nummer|number|account)|^(tenantid|customerid|kdnr)$/],
  ["customerName", /^(end)?(customer|kunden?|client|company|firma|endkunden?)(name)?$/],
  ["articleKey", /^(sku|skuid|artikel(nr|nummer|code|id)|article(no|number|code|id|key)|product(id|code|no)|produkt(id|nr|code)|partnumber|offerid|artnr)$/],
  ["articleName", /^(product|produkt|artikel|article|item|leistung|offer)(name|bezeichnung|description|beschreibung)?$|^(bezeichnung|beschreibung|description)$/],
  ["quantity", /^(qty|quantity|menge|anzahl|stück|stk|seats|lizenzen|licenses|billablequantity)$/],
  ["unitCost", /^(unit(cost|price)|einzelpreis|stückpreis|ekpreis|ek(netto)?|preisjestück|einkaufspreis)$/],
  ["amount", /^(total|amount|betrag|summe|gesamt|subtotal|gesamtpreis|betragnetto|nettobetrag|totalprice)$/],
  ["periodFrom", /^(period|leistungs|abrechnungs|charge)?(start|from|von|beginn)(date|datum)?$|^(leistungsbeginn|startdatum)$/],
  ["periodTo", /^(period|leistungs|abrechnungs|charge)?(end|to|bis|ende)(date|datum)?$|^(leistungsende|enddatum)$/],
  ["chargeDate", /^(charge|invoice|rechnungs|buchungs|order|bestell)?(date|datum)$/],
  ["chargeType", /^(charge|buchungs|vorgangs)?(type|typ|art)$|^vorgang$/],
  ["currency", /^(currency|währung|waehrung|cur)$/],
];

/** Whether `field` holds a date. */
export const isDateField = (field: DraftField): boolean => field === "periodFrom" || field === "periodTo" || field === "chargeDate";
const NUMBER_FIELDS: readonly DraftField[] = ["quantity", "unitCost", "amount"];

/**
 * A first draft for a file: columns guessed from their header words (each column at most once, in
 * field order), the decimal separator and date format guessed from the values of the columns chosen,
 * the currency EUR.
 * Everything is a proposal the clerk changes in the editor.
 */
export function suggestDraft(head: FileHead, name = ""): ProfileDraft {
  const columns: Partial<Record<DraftField, string>> = {};
  const used = new Set<string>();
  for (const [field, pattern] of GUESSES) {
    const header = head.headers.find((h) => h !== "" && !used.has(h) && pattern.test(headerKey(h)));
    if (header !== undefined) {
      columns[field] = header;
      used.add(header);
    }
  }
  // Amounts in euros unless the file has a currency column (the clerk can change it).
  const draft: ProfileDraft = { name, columns, decimalSeparator: ",", dateFormat: "DD.MM.YYYY", currency: "EUR", signMode: "asIs", ...(head.delimiter ? { delimiter: head.delimiter } : {}) };
  return { ...draft, ...formatsOf(head, draft) };
}

/** Decimal separator and date format read from the values of the assigned number and date columns. */
export function formatsOf(head: FileHead, draft: ProfileDraft): Pick<ProfileDraft, "decimalSeparator" | "dateFormat"> {
  const values = (fields: readonly DraftField[]): string[] => {
    const idx = fields.map((f) => draft.columns[f]).filter((h): h is string => !!h).map((h) => head.headers.indexOf(h)).filter((i) => i >= 0);
    return head.rows.flatMap((r) => idx.map((i) => r[i] ?? "")).filter((v) => v.trim() !== "");
  };
  const numbers = values(NUMBER_FIELDS);
  const dates = values(DRAFT_FIELDS.filter(isDateField));
  const decimalSeparator = detectDecimalSeparator(numbers, draft.decimalSeparator === "," && numbers.length === 0 ? ";" : undefined);
  const order = detectDateOrder(dates);
  const iso = dates.some((d) => /^\d{4}-\d{2}-\d{2}/.test(d.trim()));
  const dateFormat: ProfileDateFormat = order.dotted ? "DD.MM.YYYY" : order.order === "dmy" ? "D/M/YYYY" : order.order === "mdy" ? "M/D/YYYY" : iso ? "YYYY-MM-DD" : dates.length === 0 ? draft.dateFormat : "auto";
  return { decimalSeparator, dateFormat };
}

/**
 * A profile id from the name (`Cloudhaus Monatsabrechnung` → `cloudhaus-monatsabrechnung`), made
 * unique against the ids taken (built-in and saved profiles) with `-2`, `-3` …
 */
export function profileIdFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 56) || "profil";
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base)) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base}-${n}`)) return `${base}-${n}`;
}

const col = (draft: ProfileDraft, f: DraftField): string | undefined => {
  const v = draft.columns[f]?.trim();
  return v ? v : undefined;
};

/**
 * The draft as user profile JSON (exactly what `profile add` reads). A charge date column becomes the
 * period start (a one-day charge has no end); the article name is the article key's column when
 * none is assigned. Nothing is checked here: {@link profileFromDraft} runs the profile validator.
 */
export function draftToProfileJson(draft: ProfileDraft, id: string): Record<string, unknown> {
  const key1 = col(draft, "articleKey");
  const key2 = col(draft, "articleKey2");
  const columns: Record<string, unknown> = {
    customerId: col(draft, "customerId"),
    customerName: col(draft, "customerName"),
    articleKey: key1 !== undefined && key2 !== undefined ? [key1, key2] : key1,
    articleName: col(draft, "articleName") ?? key1,
    quantity: col(draft, "quantity"),
  };
  const optional: [string, string | undefined][] = [
    ["unitCost", col(draft, "unitCost")],
    ["amount", col(draft, "amount")],
    ["periodFrom", col(draft, "periodFrom") ?? col(draft, "chargeDate")],
    ["periodTo", col(draft, "periodTo")],
    ["chargeType", col(draft, "chargeType")],
    ["currency", col(draft, "currency")],
  ];
  for (const [k, v] of optional) if (v !== undefined) columns[k] = v;
  const mapped = [...new Set(Object.values(columns).flat().filter((v): v is string => typeof v === "string"))];
  const json: Record<string, unknown> = {
    id,
    version: USER_PROFILE_VERSION,
    name: draft.name.trim(),
    match: { requiredHeaders: mapped },
    number: { decimalSeparator: draft.decimalSeparator },
    dateFormat: draft.dateFormat,
    columns,
    sign: { mode: draft.signMode ?? "asIs" },
  };
  if (draft.delimiter) json.csv = { delimiter: draft.delimiter };
  if (draft.currency?.trim() && !col(draft, "currency")) json.currency = draft.currency.trim().toUpperCase();
  return json;
}

/**
 * The user profile of a draft, checked by `validateProfile` (issues name `columns.quantity` etc.).
 * The one check of the draft's own: a charge date and a period start cannot both be assigned.
 */
export function profileFromDraft(draft: ProfileDraft, id: string): Result<UserProfile> {
  const own: Issue[] = [];
  if (col(draft, "chargeDate") !== undefined && (col(draft, "periodFrom") !== undefined || col(draft, "periodTo") !== undefined))
    own.push(issue("profile.draft_date_and_period", { field: "columns.chargeDate" }));
  const r = validateProfile(draftToProfileJson(draft, id));
  if (!r.ok) return fail(...own, ...r.issues);
  return own.length > 0 ? fail(...own) : r;
}

/** The editor field an issue of {@link profileFromDraft} belongs to (`columns.articleKey[1]` → `articleKey2`), or null. */
export function draftFieldOf(i: Issue): DraftField | "name" | "currency" | "decimalSeparator" | "dateFormat" | "signMode" | "delimiter" | null {
  const field = typeof i.params.field === "string" ? i.params.field : "";
  if (field === "name" || field === "id") return "name";
  if (field === "currency") return "currency";
  if (field === "number.decimalSeparator") return "decimalSeparator";
  if (field === "dateFormat") return "dateFormat";
  if (field === "sign.mode") return "signMode";
  if (field === "csv.delimiter") return "delimiter";
  const m = /^columns\.([A-Za-z]+)(\[(\d+)\])?$/.exec(field);
  if (!m) return null;
  const name = m[1]!;
  if (name === "articleKey") return m[3] === "1" ? "articleKey2" : "articleKey";
  if (name === "periodFrom") return "periodFrom";
  return (DRAFT_FIELDS as readonly string[]).includes(name) ? (name as DraftField) : null;
}

export interface DraftPreview {
  /** The profile the draft makes, or null while it is invalid. */
  profile: UserProfile | null;
  /** The first lines as the reader reads them with that profile. */
  lines: VendorLine[];
  /** The draft's problems (invalid profile) or the reader's (bad cells in the rows shown). */
  issues: Issue[];
}

/**
 * The first `rows` data rows of the file read with the draft's profile, exactly as the reconciliation
 * will read them (same reader, same profile), with the reader's issues.
 */
export function previewDraft(draft: ProfileDraft, id: string, head: FileHead, rows = 8): DraftPreview {
  const r = profileFromDraft(draft, id);
  if (!r.ok) return { profile: null, lines: [], issues: r.issues };
  const table: RawTable = { source: head.source, rows: [head.headers, ...head.rows.slice(0, rows)], firstRowNumber: head.headerRow };
  // Rows skipped as blank still count: the rows shown are the first `rows` of the file, not of the lines.
  const read = readVendorTable(table, { profiles: [compileUserProfile(r.value)], profileId: r.value.id, fileName: head.source });
  return { profile: r.value, lines: read.lines, issues: read.issues };
}
