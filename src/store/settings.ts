import type { Rules } from "../core/time/rules";

/**
 * The typed settings of the store: one value type per key. Keyed families (export profiles) are
 * reached through `withPrefix` / `getRaw` / `putRaw` and validated by their readers (src/io).
 * Counters and billed click months are not settings (see CounterRepo, UsageMarkRepo).
 */
export interface SettingTypes {
  /** Prefix of invoice numbers (`RE-`). */
  invoicePrefix: string;
  /** Time and click rules (validated by core/time/parse-rules before they are stored). */
  "time.rules": Rules;
  /** Saved time-import profiles (validated by io/time/profile). */
  "time.profiles": unknown[];
  /** DATEV settings (validated by io/export/datev/config when read). */
  datevConfig: unknown;
  /** Company data for invoice documents (validated by io/export/documents/company when read). */
  company: unknown;
  /** When the task pane last saved a backup (ISO timestamp). */
  "taskpane.lastBackupAt": string;
}

export type SettingKey = keyof SettingTypes;
export type SettingValue<K extends SettingKey> = SettingTypes[K];

/** Prefix of saved export profiles (`exportProfile:<id>`). */
export const EXPORT_PROFILE_PREFIX = "exportProfile:";
