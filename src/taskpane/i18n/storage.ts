/** Task pane strings of the area "storage", German and English (composed in ../i18n.ts). */
export interface StorageStrings {
  notPersistedTitle: string;
  notPersistedBody: string;
  backupTitle: string;
  backupNever: string;
  backupLast(when: string): string;
  backupNow: string;
  dismiss: string;
}

export const de: StorageStrings = {
  notPersistedTitle: "Speicher nicht dauerhaft",
  notPersistedBody:
    "Der Browser darf die Daten dieses Add-ins löschen, wenn der Speicher knapp wird oder der Office-Cache geleert wird. Laden Sie regelmäßig eine Sicherung herunter.",
  backupTitle: "Sicherung empfohlen",
  backupNever: "Von diesen Daten gibt es noch keine Sicherung.",
  backupLast: (when) => `Die letzte Sicherung ist vom ${when}.`,
  backupNow: "Jetzt sichern",
  dismiss: "Ausblenden",
};

export const en: StorageStrings = {
  notPersistedTitle: "Storage is not persistent",
  notPersistedBody: "The browser may delete this add-in's data when storage runs low or the Office cache is cleared. Download a backup regularly.",
  backupTitle: "Backup recommended",
  backupNever: "There is no backup of this data yet.",
  backupLast: (when) => `The last backup is from ${when}.`,
  backupNow: "Back up now",
  dismiss: "Dismiss",
};
