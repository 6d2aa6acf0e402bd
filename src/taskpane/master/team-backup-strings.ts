/**
 * Pane strings of backup and restore in server mode (the *Verbindung* is a team server): what the
 * download is, who backs the server up, and who may restore. German and English.
 */
import type { Language } from "../i18n";

export interface TeamBackupStrings {
  /** The backup step's intro in server mode. */
  intro: string;
  /** The restore confirmation in server mode. */
  restoreConfirmText(name: string): string;
  /** A restore refused because the user is no administrator. */
  restoreAdminOnly: string;
}

export const teamBackupStrings: Readonly<Record<Language, TeamBackupStrings>> = {
  de: {
    intro:
      "Verbunden mit dem Teamserver: Die Sicherung ist eine Kopie des ganzen Teamdatenbestands. Den Server selbst (pg_dump) sichert der Administrator; " +
      "das Add-in erinnert hier nicht daran. Wiederherstellen ersetzt den Teamdatenbestand für alle und ist dem Administrator vorbehalten.",
    restoreConfirmText: (name) => `Der ganze Teamdatenbestand (für alle Benutzer) wird durch „${name}“ ersetzt; ausgestellte Rechnungen des Servers gehen dabei nie verloren:`,
    restoreAdminOnly: "Nur ein Administrator kann den Teamdatenbestand wiederherstellen. Nichts geändert.",
  },
  en: {
    intro:
      "Connected to the team server: the backup is a copy of the whole team store. The administrator backs up the server itself (pg_dump); " +
      "the add-in does not remind you here. Restoring replaces the team store for everyone and is reserved for the administrator.",
    restoreConfirmText: (name) => `The whole team store (for every user) will be replaced by "${name}"; the server's issued invoices are never lost:`,
    restoreAdminOnly: "Only an administrator can restore the team store. Nothing changed.",
  },
};
