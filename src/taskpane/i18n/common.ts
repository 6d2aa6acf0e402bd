/** Task pane strings of the area "common", German and English (composed in ../i18n.ts). */
export interface CommonStrings {
  cancel: string;
  undo: string;
  cancelled: string;
  severity: Record<"error" | "warning" | "info", string>;
  progress(done: number, total: number): string;
  showAll(n: number): string;
  showFewer: string;
  invalidMonth: string;
  invalidDate: string;
  monthPlaceholder: string;
}

export const de: CommonStrings = {
  cancel: "Abbrechen",
  undo: "Rückgängig",
  cancelled: "Abgebrochen. Es wurde nichts geändert.",
  severity: { error: "Fehler", warning: "Warnung", info: "Hinweis" },
  progress: (done, total) => `${new Intl.NumberFormat("de-DE").format(done)} von ${new Intl.NumberFormat("de-DE").format(total)}`,
  showAll: (n) => `Alle ${n} Meldungen zeigen`,
  showFewer: "Weniger zeigen",
  invalidMonth: "Monat als JJJJ-MM eingeben, z. B. 2026-10.",
  invalidDate: "Datum als JJJJ-MM-TT eingeben.",
  monthPlaceholder: "JJJJ-MM",
};

export const en: CommonStrings = {
  cancel: "Cancel",
  undo: "Undo",
  cancelled: "Cancelled. Nothing was changed.",
  severity: { error: "Error", warning: "Warning", info: "Note" },
  progress: (done, total) => `${new Intl.NumberFormat("en-GB").format(done)} of ${new Intl.NumberFormat("en-GB").format(total)}`,
  showAll: (n) => `Show all ${n} messages`,
  showFewer: "Show fewer",
  invalidMonth: "Enter the month as YYYY-MM, e.g. 2026-10.",
  invalidDate: "Enter the date as YYYY-MM-DD.",
  monthPlaceholder: "YYYY-MM",
};
