import { pushAll } from "../../../core/array";
import type { Invoice } from "../../../core/billing/invoice";
import type { Customer } from "../../../core/contract/model";
import { IsoDate, addDays, isoToYmd, ymdToIso } from "../../../core/date/iso-date";
import { firstDayOf, lastDayOf, monthOf } from "../../../core/date/iso-month";
import { expecting, expectationParams } from "../../../core/expectation";
import { Issue, Result, fail, hasErrors, issue, ok } from "../../../core/issues";
import { Decimal } from "../../../core/money/decimal";
import { encodeText, unencodableIn1252 } from "../../table/decode";
import { isFormulaLike, neutralizeLineText } from "../neutralize";
import { COL, DATEV_COLUMNS } from "./columns";
import { CHART_CODES, DatevConfig, debtorAccountFor, revenueAccountFor } from "./config";

/**
 * DATEV-Format "Buchungsstapel" (EXTF, header version 700, format category 21, format version 13):
 * research/domain.md D1. One booking per invoice and VAT rate: the gross amount of that rate on the
 * customer's debtor account against the revenue account of the rate (an automatic VAT account, so
 * no BU-Schlüssel; DATEV derives the VAT). Amounts are always positive: `S` debits the debtor (an
 * invoice), `H` credits it (a correction or credit with a negative total). Windows-1252, CRLF, `;`,
 * decimal comma, texts in quotes, Belegdatum TTMM (the year comes from the header's date range).
 */

/** One line of the Buchungsstapel. */
export interface DatevBooking {
  invoiceRef: string;
  customerNo: string;
  vatPct: string;
  /** Gross at this rate as billed, two decimals, negative for a credit. */
  gross: string;
  /** Umsatz: the gross without sign, two decimals with `.` (written with a decimal comma). */
  amount: string;
  side: "S" | "H";
  /** Konto: the debtor account. */
  account: string;
  /** Gegenkonto: the revenue account of the VAT rate. */
  contraAccount: string;
  documentDate: IsoDate;
  /** Buchungstext: the customer's name, at most 60 characters. */
  text: string;
  /** Invoices that lines of this rate correct (Beleginfo). */
  correctsRefs: string[];
}

export interface DatevExportOptions {
  /** "Erzeugt am": the host's local time as `YYYY-MM-DDTHH:MM:SS.mmm` (no clock is read here). */
  createdAt: string;
  /** Bezeichnung of the batch (≤ 30); default: the config's label, else `Rechnungsausgang MM/YYYY` (one month) or `Rechnungen MM/YYYY-MM/YYYY`. */
  label?: string;
}

export interface DatevFile {
  /** The file as text (before encoding to Windows-1252). */
  text: string;
  bytes: Uint8Array;
  /** The 31 header fields as written (quoted where DATEV quotes them). */
  header: string[];
  bookings: DatevBooking[];
  dateFrom: IsoDate;
  dateTo: IsoDate;
  /** Warnings and notes (skipped zero bookings); errors make the result fail instead. */
  issues: Issue[];
}

/** Belegfeld 1: at most 36 characters of A–Z, a–z, 0–9 and `$ & % * + - /` (DATEV's Rechnungsnummernkreis). */
const DOCUMENT_FIELD_1 = /^[A-Za-z0-9$&%*+\-/]{1,36}$/;
const TEXT_MAX = 60;
const INFO_KIND = "Korrektur zu";
const INFO_MAX = 210;

/**
 * A text field: in quotes, inner quotes doubled, line breaks and tabs as spaces, and guarded against
 * formula injection like every other export (a text starting with `=`, `+`, `-`, `@` gets a leading
 * `'`: tax advisors open these files in Excel).
 */
export function datevText(value: string): string {
  return `"${neutralizeLineText(value).replace(/"/g, '""')}"`;
}

/** An amount with a decimal comma and no thousands separator (`1234.5` → `1234,50`). */
export function datevAmount(value: string): string {
  return new Decimal(value).abs().toFixed(2).replace(".", ",");
}

/** Belegdatum TTMM with leading zeros (`2026-01-02` → `0201`). */
export function datevDayMonth(date: IsoDate): string {
  return `${date.slice(8, 10)}${date.slice(5, 7)}`;
}

const compact = (date: IsoDate): string => date.replace(/-/g, "");

/** `YYYY-MM-DDTHH:MM:SS.mmm` → `YYYYMMDDHHMMSSmmm` (DATEV's "Erzeugt am"); null when malformed. */
export function datevTimestamp(createdAt: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?/.exec(createdAt);
  if (!m) return null;
  return `${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}${m[6]}${(m[7] ?? "").padEnd(3, "0")}`;
}

/** Start of the fiscal year that contains `date`, for a fiscal year starting on `MM-DD`. */
export function fiscalYearStartFor(date: IsoDate, monthDay: string): IsoDate {
  const { y } = isoToYmd(date);
  const m = Number(monthDay.slice(0, 2));
  const d = Number(monthDay.slice(3, 5));
  const thisYear = ymdToIso(y, m, d);
  return thisYear <= date ? thisYear : ymdToIso(y - 1, m, d);
}

function fiscalYearEnd(start: IsoDate): IsoDate {
  const { y, m, d } = isoToYmd(start);
  return addDays(ymdToIso(y + 1, m, d), -1);
}

const minOf = (dates: IsoDate[]): IsoDate => dates.reduce((a, b) => (b < a ? b : a));
const maxOf = (dates: IsoDate[]): IsoDate => dates.reduce((a, b) => (b > a ? b : a));

/**
 * The bookings of a batch: one per invoice and VAT rate, in invoice order (highest rate first).
 * A rate whose gross is 0.00 gives no booking (a note). Missing or invalid accounts and invoice
 * numbers that do not fit Belegfeld 1 are errors naming the invoice.
 */
export function datevBookings(invoices: readonly Invoice[], customers: ReadonlyMap<string, Customer>, config: DatevConfig): { bookings: DatevBooking[]; issues: Issue[] } {
  const bookings: DatevBooking[] = [];
  const issues: Issue[] = [];
  for (const inv of invoices) {
    // A number starting with + or - is valid for DATEV, but a spreadsheet would compute it, and
    // Belegfeld 1 has no room for the guard's apostrophe.
    if (!DOCUMENT_FIELD_1.test(inv.invoiceRef) || isFormulaLike(inv.invoiceRef)) issues.push(issue("datev.invalid_ref", { invoice: inv.invoiceRef }));
    const debtor = debtorAccountFor(config, customers.get(inv.customerNo), inv.invoiceRef, inv.customerNo);
    if (!debtor.ok) pushAll(issues, debtor.issues);
    for (const t of inv.vatTotals) {
      const gross = new Decimal(t.gross);
      if (gross.isZero()) {
        issues.push(issue("datev.zero_booking", { invoice: inv.invoiceRef, rate: t.vatPct }, undefined, "info"));
        continue;
      }
      const contra = revenueAccountFor(config, t.vatPct);
      if (contra === null) {
        issues.push(issue("datev.no_revenue_account", { invoice: inv.invoiceRef, rate: t.vatPct }));
        continue;
      }
      const rate = new Decimal(t.vatPct);
      const correctsRefs = [...new Set(inv.lines.filter((l) => l.correctsRef !== undefined && new Decimal(l.vatPct).equals(rate)).map((l) => l.correctsRef!))];
      bookings.push({
        invoiceRef: inv.invoiceRef,
        customerNo: inv.customerNo,
        vatPct: t.vatPct,
        gross: t.gross,
        amount: gross.abs().toFixed(2),
        side: gross.isNegative() ? "H" : "S",
        account: debtor.ok ? debtor.value : "",
        contraAccount: contra,
        documentDate: inv.invoiceDate,
        text: neutralizeLineText(inv.customerName).slice(0, TEXT_MAX),
        correctsRefs,
      });
    }
  }
  return { bookings, issues };
}

function bookingLine(b: DatevBooking): string {
  const cells: string[] = new Array<string>(DATEV_COLUMNS.length).fill("");
  cells[COL.amount] = datevAmount(b.amount);
  cells[COL.side] = datevText(b.side);
  cells[COL.currency] = datevText("EUR");
  cells[COL.account] = b.account;
  cells[COL.contraAccount] = b.contraAccount;
  cells[COL.documentDate] = datevDayMonth(b.documentDate);
  cells[COL.documentField1] = datevText(b.invoiceRef);
  cells[COL.text] = datevText(b.text);
  if (b.correctsRefs.length > 0) {
    cells[COL.infoKind1] = datevText(INFO_KIND);
    cells[COL.infoContent1] = datevText(b.correctsRefs.join(", ").slice(0, INFO_MAX));
  }
  return cells.join(";");
}

/** The 31 fields of header line 1. */
export function datevHeader(config: DatevConfig, fields: { createdAt: string; fiscalYearStart: IsoDate; dateFrom: IsoDate; dateTo: IsoDate; label: string }): string[] {
  return [
    datevText("EXTF"), // 1 Kennzeichen
    "700", // 2 Versionsnummer
    "21", // 3 Formatkategorie: Buchungsstapel
    datevText("Buchungsstapel"), // 4 Formatname
    "13", // 5 Formatversion
    fields.createdAt, // 6 Erzeugt am
    "", // 7 Importiert (set by DATEV)
    datevText("RE"), // 8 Herkunft
    datevText(""), // 9 Exportiert von
    datevText(""), // 10 Importiert von
    String(config.consultantNo), // 11 Beraternummer
    String(config.clientNo), // 12 Mandantennummer
    compact(fields.fiscalYearStart), // 13 WJ-Beginn
    String(config.accountLength), // 14 Sachkontenlänge
    compact(fields.dateFrom), // 15 Datum von
    compact(fields.dateTo), // 16 Datum bis
    datevText(fields.label), // 17 Bezeichnung
    datevText(""), // 18 Diktatkürzel
    "1", // 19 Buchungstyp: Finanzbuchführung
    "0", // 20 Rechnungslegungszweck: unabhängig
    "0", // 21 Festschreibung: no, the tax advisor reviews first
    datevText("EUR"), // 22 WKZ
    "", // 23 reserviert
    datevText(""), // 24 Derivatskennzeichen
    "", // 25 reserviert
    "", // 26 reserviert
    datevText(CHART_CODES[config.chart]), // 27 Sachkontenrahmen
    "", // 28 ID der Branchenlösung
    "", // 29 reserviert
    datevText(""), // 30 reserviert
    datevText(""), // 31 Anwendungsinformation
  ];
}

/**
 * Writes the Buchungsstapel for a batch of invoices. Fails (nothing written) when an invoice has no
 * usable debtor or revenue account, an invoice number does not fit Belegfeld 1, the invoice dates
 * span two fiscal years, or a text holds characters Windows-1252 cannot represent: each such
 * problem is an issue naming the invoice, reported before any byte is produced (never a `?`).
 */
export function datevExtf(invoices: readonly Invoice[], customers: ReadonlyMap<string, Customer>, config: DatevConfig, options: DatevExportOptions): Result<DatevFile> {
  if (invoices.length === 0) return fail(issue("datev.no_invoices"));
  const createdAt = datevTimestamp(options.createdAt);
  if (createdAt === null) return fail(issue("datev.field_invalid", { field: "createdAt", value: options.createdAt, ...expectationParams(expecting("date_time_seconds")) }));
  const { bookings, issues } = datevBookings(invoices, customers, config);

  const dates = invoices.map((i) => i.invoiceDate);
  const first = minOf(dates);
  const last = maxOf(dates);
  const fyStart = fiscalYearStartFor(first, config.fiscalYearStart);
  const fyEnd = fiscalYearEnd(fyStart);
  if (last > fyEnd) issues.push(issue("datev.fiscal_years", { from: first, to: last, fiscalYearStart: fyStart }));
  const dateFrom = maxOf([fyStart, firstDayOf(monthOf(first))]);
  const dateTo = minOf([fyEnd, lastDayOf(monthOf(last))]);
  const mmYyyy = (d: IsoDate): string => `${d.slice(5, 7)}/${d.slice(0, 4)}`;
  const label = options.label ?? config.label ?? (monthOf(first) === monthOf(last) ? `Rechnungsausgang ${mmYyyy(first)}` : `Rechnungen ${mmYyyy(first)}-${mmYyyy(last)}`);
  if (neutralizeLineText(label).length > 30) issues.push(issue("datev.field_invalid", { field: "label", value: label, ...expectationParams(expecting("max_chars", { max: 30 })) }));

  const labelChars = unencodableIn1252(label);
  if (labelChars.length > 0) issues.push(issue("datev.label_unencodable", { label, chars: labelChars.join(" ") }));
  for (const b of invoiceTexts(invoices, bookings)) {
    const chars = unencodableIn1252(b.texts.join(""));
    if (chars.length > 0) issues.push(issue("export.unencodable_blocked", { invoice: b.invoiceRef, chars: chars.join(" ") }));
  }
  if (hasErrors(issues)) return fail(...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity !== "error"));

  const header = datevHeader(config, { createdAt, fiscalYearStart: fyStart, dateFrom, dateTo, label });
  const lines = [header.join(";"), DATEV_COLUMNS.join(";"), ...bookings.map(bookingLine)];
  const text = lines.join("\r\n") + "\r\n";
  const headingChars = unencodableIn1252(text);
  if (headingChars.length > 0) return fail(issue("export.unencodable_blocked", { invoice: "(header)", chars: headingChars.join(" ") }));
  return ok({ text, bytes: encodeText(text, "windows-1252"), header, bookings, dateFrom, dateTo, issues });
}

/** The texts each invoice puts into the file. */
function invoiceTexts(invoices: readonly Invoice[], bookings: readonly DatevBooking[]): { invoiceRef: string; texts: string[] }[] {
  const refs = new Map<string, string[]>();
  for (const b of bookings) refs.set(b.invoiceRef, [...(refs.get(b.invoiceRef) ?? []), ...b.correctsRefs]);
  return invoices.map((inv) => ({ invoiceRef: inv.invoiceRef, texts: [inv.invoiceRef, inv.customerName, ...(refs.get(inv.invoiceRef) ?? [])] }));
}
