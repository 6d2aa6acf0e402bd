/**
 * Typed months and days for the pane's text fields. Safari/WKWebView (Excel on Mac) has no
 * `<input type="month">` and an unreliable `type="date"`, so the pane uses plain text fields: the
 * clerk types `11.2026` / `02.11.2026` (German) or ISO (`2026-11` / `2026-11-02`); the components
 * hand ISO to their callers.
 */
import { isValidYmd, parseIsoDate, ymdToIso } from "../../../core/date/iso-date";
import { parseIsoMonth } from "../../../core/date/iso-month";
import type { Language } from "../../i18n";

const DE_MONTH = /^(\d{1,2})\s*[./]\s*(\d{4})$/;
const DE_DATE = /^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})$/;

/** `MM.JJJJ`, `M.JJJJ`, `MM/JJJJ` or ISO `YYYY-MM` as ISO; null when it is no month. */
export function parseMonthText(text: string): string | null {
  const t = text.trim();
  const iso = parseIsoMonth(t);
  if (iso !== null) return iso;
  const m = DE_MONTH.exec(t);
  if (!m) return null;
  const month = Number(m[1]);
  const year = Number(m[2]);
  if (month < 1 || month > 12 || year < 1) return null;
  // the same range as every other date the program accepts
  return parseIsoMonth(`${m[2]}-${String(month).padStart(2, "0")}`);
}

/** `TT.MM.JJJJ` (one-digit day/month too) or ISO `YYYY-MM-DD` as ISO; null when it is no real day. */
export function parseDateText(text: string): string | null {
  const t = text.trim();
  const iso = parseIsoDate(t);
  if (iso !== null) return iso;
  const m = DE_DATE.exec(t);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  return isValidYmd(y, mo, d) ? parseIsoDate(ymdToIso(y, mo, d)) : null;
}

/** An ISO month as the clerk reads it (`11.2026` in German); anything else unchanged. */
export function formatMonthText(iso: string, language: Language): string {
  if (parseIsoMonth(iso) === null || language !== "de") return iso;
  return `${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** An ISO day as the clerk reads it (`02.11.2026` in German); anything else unchanged. */
export function formatDateText(iso: string, language: Language): string {
  if (parseIsoDate(iso) === null || language !== "de") return iso;
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}
