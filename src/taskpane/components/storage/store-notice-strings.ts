import { formatCount } from "../../i18n/format";

/** Strings of the store-upgrade notice (StoreNotices.tsx). */
export const storeNoticeStrings = {
  de: {
    title: (n: number) => `Speicher aktualisiert: ${formatCount(n, "Zuordnung", "Zuordnungen", "de")} zusammengeführt`,
    body: "Dieselbe Hersteller-ID war in mehreren Schreibweisen gespeichert. Bitte vor dem nächsten Abgleich prüfen, ob die gültige Zuordnung stimmt (Stammdaten → Zuordnungen); alle alten Werte stehen im Protokoll.",
    seen: "Gesehen",
  },
  en: {
    title: (n: number) => `Store updated: ${formatCount(n, "mapping", "mappings", "en")} merged`,
    body: "The same vendor id was stored in several spellings. Before the next reconcile, check that the mapping kept is right (Master data → Mappings); every old value is in the audit log.",
    seen: "Got it",
  },
} as const;
