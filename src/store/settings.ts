import type { Rules } from "../core/time/rules";
import type { UsageRules } from "../core/usage/rules";
import type { MappingIdCollision } from "./upgrade-v4";

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
  /** Usage pricing rules (validated by core/usage/parse-usage-rules before they are stored). */
  "usage.rules": UsageRules;
  /** Saved time-import profiles (validated by io/time/profile). */
  "time.profiles": unknown[];
  /** DATEV settings (validated by io/export/datev/config when read). */
  datevConfig: unknown;
  /** Company data for invoice documents (validated by io/export/documents/company when read). */
  company: unknown;
  /** SEPA direct debit: creditor name, our IBAN/BIC, creditor id (validated by io/sepa/creditor-settings). */
  sepa: unknown;
  /** When the task pane last saved a backup (ISO timestamp). */
  "taskpane.lastBackupAt": string;
  /**
   * What an upgrade at store open found that the user must see (mapping ids that collided), kept until
   * a host has shown it: the pane until the clerk dismisses it, the CLI until a writing command ran.
   */
  "store.upgradeNotices": StoreUpgradeNotice[];
}

/** One upgrade's report, as {@link SettingTypes}["store.upgradeNotices"] keeps it. */
export interface StoreUpgradeNotice {
  at: string;
  /** The upgrade path (`dexie:4`, `migration:003_mapping_ids`). */
  source: string;
  collisions: MappingIdCollision[];
}

export type SettingKey = keyof SettingTypes;
export type SettingValue<K extends SettingKey> = SettingTypes[K];

/** Prefix of saved export profiles (`exportProfile:<id>`). */
export const EXPORT_PROFILE_PREFIX = "exportProfile:";
