/** Pane strings of deleting a saved export profile (Stammdaten → Exportprofile), per language. */
import type { Language } from "../i18n";

export interface ExportProfileDeleteStrings {
  /** The button next to saving (shown while a saved profile is chosen). */
  button: string;
  confirmTitle: string;
  /** What deleting does, naming the profile. */
  confirmText: (name: string, id: string) => string;
  yes: string;
  deleted: (name: string, id: string) => string;
}

export const exportProfileDeleteStrings: Record<Language, ExportProfileDeleteStrings> = {
  de: {
    button: "Löschen",
    confirmTitle: "Exportprofil löschen?",
    confirmText: (name, id) =>
      `Das Exportprofil „${name}“ (${id}) wird gelöscht. Abrechnungsläufe und schon exportierte Dateien bleiben, wie sie sind; ein Export mit diesem Profil ist danach nicht mehr möglich. Das Protokoll behält das Profil.`,
    yes: "Ja, löschen",
    deleted: (name, id) => `Exportprofil „${name}“ (${id}) gelöscht.`,
  },
  en: {
    button: "Delete",
    confirmTitle: "Delete export profile?",
    confirmText: (name, id) =>
      `The export profile "${name}" (${id}) is deleted. Billing runs and files already exported stay as they are; exporting with this profile is no longer possible. The audit log keeps the profile.`,
    yes: "Yes, delete",
    deleted: (name, id) => `Export profile "${name}" (${id}) deleted.`,
  },
};
