/**
 * The names of the sheets the pane and the CLI write, per language (issue 20: one language per
 * user). Written in the user's language; read back under that name first and then under the other
 * language's (a workbook written by a German colleague opened in an English Office). Every name
 * keeps Excel's rules: at most 31 characters, none of `: \ / ? * [ ]`.
 */
import type { SheetLanguage } from "./sheet-vocabulary";

export type SheetKind =
  | "mapping" | "review" | "invoices" | "time" | "meters" | "usage" | "costCheck" | "priceUpdate" | "mandates" | "linksEdit" | "contingents"
  | "customers" | "contracts" | "articles" | "invoiceList";

/** The fixed names and the prefixes of the named-per-month sheets. */
export const SHEET_NAMES: Record<SheetLanguage, Record<SheetKind, string>> = {
  de: {
    mapping: "Zuordnung",
    review: "Abgleich",
    invoices: "Rechnungen",
    time: "Zeiten",
    meters: "Zähler",
    usage: "Verbrauch",
    costCheck: "Kostenprüfung",
    priceUpdate: "Preisaktualisierung",
    mandates: "SEPA-Mandate",
    linksEdit: "Verknüpfungen bearbeiten",
    contingents: "Kontingente",
    customers: "Kunden",
    contracts: "Verträge",
    articles: "Artikel",
    invoiceList: "Rechnungsliste",
  },
  en: {
    mapping: "Mapping",
    review: "Review",
    invoices: "Invoices",
    time: "Time",
    meters: "Meters",
    usage: "Usage",
    costCheck: "Cost check",
    priceUpdate: "Price update",
    mandates: "SEPA mandates",
    linksEdit: "Edit links",
    contingents: "Contingents",
    customers: "Customers",
    contracts: "Contracts",
    articles: "Articles",
    invoiceList: "Invoice list",
  },
};

export const SHEET_LANGUAGES: readonly SheetLanguage[] = ["de", "en"];

/** The other language (where a sheet is looked for second). */
export function otherSheetLanguage(language: SheetLanguage): SheetLanguage {
  return language === "de" ? "en" : "de";
}

const FORBIDDEN = /[:\\/?*[\]]/g;

/** `<prefix> <suffix>` in the language, forbidden characters replaced, cut to 31 characters. */
export function sheetName(kind: SheetKind, language: SheetLanguage, suffix = ""): string {
  const prefix = SHEET_NAMES[language][kind];
  const name = (suffix ? `${prefix} ${suffix}` : prefix).replace(FORBIDDEN, "_").slice(0, 31).trim();
  return name.endsWith("'") ? name.slice(0, -1).trim() : name;
}

/** A month's sheet (`Rechnungen 2026-11`, `Invoices 2026-11`). */
export function monthSheetName(kind: SheetKind, month: string, language: SheetLanguage): string {
  return sheetName(kind, language, month);
}

/** The same sheet under the other language's name: the prefix swapped, the rest kept (cut to 31). */
export function counterpartSheetName(name: string, language: SheetLanguage): string | null {
  const other = otherSheetLanguage(language);
  for (const kind of Object.keys(SHEET_NAMES[language]) as SheetKind[]) {
    const prefix = SHEET_NAMES[language][kind];
    if (name === prefix || name.startsWith(`${prefix} `)) return sheetName(kind, other, name.slice(prefix.length).trim());
  }
  return null;
}

/**
 * The sheet to read: `own` when the workbook has it, else its name in the other language when the
 * workbook has that, else `own` (so a message about a missing sheet names the user's sheet).
 */
export function pickSheet(existing: readonly string[], own: string, language: SheetLanguage): string {
  const lower = new Set(existing.map((s) => s.toLowerCase()));
  if (lower.has(own.toLowerCase())) return own;
  const other = counterpartSheetName(own, language);
  if (other && lower.has(other.toLowerCase())) return existing.find((s) => s.toLowerCase() === other.toLowerCase())!;
  return own;
}

/** Whether a sheet name is a sheet of this kind in either language (`Abgleich 2026-10 …`, `Review 2026-10 …`). */
export function isSheetOfKind(name: string, kind: SheetKind, after: RegExp = /^/): boolean {
  return SHEET_LANGUAGES.some((l) => {
    const prefix = SHEET_NAMES[l][kind];
    return name.startsWith(`${prefix} `) && after.test(name.slice(prefix.length + 1));
  });
}
