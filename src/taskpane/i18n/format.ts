/**
 * Number, plural and month formatting for the pane's strings, on the platform's Intl (no library:
 * de and en need nothing Intl lacks). Formatters are made once per language.
 */
export type Lang = "de" | "en";

const LOCALE: Record<Lang, string> = { de: "de-DE", en: "en-GB" };
const plurals = { de: new Intl.PluralRules("de-DE"), en: new Intl.PluralRules("en-GB") };
const integers = { de: new Intl.NumberFormat("de-DE"), en: new Intl.NumberFormat("en-GB") };
const months = {
  de: new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
};

/** `one` or `many` by the language's plural rules (1 → one; 0, 2, 1.5 → many in de and en). */
export function plural(n: number, one: string, many: string, lang: Lang = "de"): string {
  return plurals[lang].select(n) === "one" ? one : many;
}

/** A count with its noun: "1 Zeile", "2 Zeilen", "1.234 Zeilen" / "1 row", "1,234 rows". */
export function formatCount(n: number, one: string, many: string, lang: Lang): string {
  return `${integers[lang].format(n)} ${plural(n, one, many, lang)}`;
}

/** A number with the language's separators: 1.234,5 / 1,234.5. */
export function formatNumber(n: number, lang: Lang, fractionDigits?: number): string {
  return new Intl.NumberFormat(LOCALE[lang], fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(n);
}

/**
 * A decimal given as text (money and quantities are never JS numbers): "1234.5" → "1.234,5" in
 * German. Text that is not a plain decimal is returned unchanged.
 */
export function formatDecimal(text: string, lang: Lang): string {
  if (lang === "en" || !/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [int, frac] = text.split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return frac === undefined ? grouped : `${grouped},${frac}`;
}

/** An ISO month as words: "2026-11" → "November 2026" (both languages). Other text unchanged. */
export function formatMonth(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return months[lang].format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}
