/** Task pane strings of the area "audit", German and English (composed in ../i18n.ts). */
export interface AuditStrings {
  description: string;
  filter: string;
  refresh: string;
  empty: string;
  time: string;
  kind: string;
  source: string;
  entity: string;
  shown(n: number, total: number): string;
}

export const de: AuditStrings = {
  description: "Die letzten Änderungen am Datenbestand (nur lesen).",
  filter: "Filter",
  refresh: "Aktualisieren",
  empty: "Keine Einträge.",
  time: "Zeit",
  kind: "Art",
  source: "Quelle",
  entity: "Objekt",
  shown: (n, total) => `${n} von ${total} Einträgen`,
};

export const en: AuditStrings = {
  description: "The latest changes to the data (read-only).",
  filter: "Filter",
  refresh: "Refresh",
  empty: "No entries.",
  time: "Time",
  kind: "Kind",
  source: "Source",
  entity: "Entity",
  shown: (n, total) => `${n} of ${total} entries`,
};
