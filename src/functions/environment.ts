/**
 * What the custom functions need from their host, injectable for tests: the store, today's date and
 * the UI language. In the add-in (shared runtime) the store is the runtime's one browser database
 * (src/store/browser-db.ts) and "today" is the user's local calendar day; jest swaps in a
 * fake-indexeddb store and a fixed day with {@link configureFunctions}.
 *
 * Reading the clock happens here, in the functions layer, never in src/core: a function whose
 * date argument is omitted asks `today()`.
 */
import type { Lang } from "../core/messages";
import { type IsoDate, ymdToIso } from "../core/date/iso-date";
import { getBrowserStore } from "../store/browser-db";
import type { BillingStore } from "../store/port";

export interface FunctionsEnvironment {
  /** The store the store-backed functions read. */
  store: () => BillingStore | Promise<BillingStore>;
  /** Today's date, used when a function's optional date argument is omitted. */
  today: () => IsoDate;
  /** Language of error messages. */
  language: () => Lang;
  /** How long a call waits for the store (index build) before failing with #N/A, in ms. */
  storeTimeoutMs: number;
}

/** The user's local calendar day (not UTC: just after midnight in Germany, UTC is still yesterday). */
export function localToday(): IsoDate {
  const now = new Date();
  return ymdToIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** German when Office's display language is German, else English (as the task pane decides). */
export function officeLanguage(): Lang {
  try {
    const language = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
    return typeof language === "string" && language.toLowerCase().startsWith("de") ? "de" : "en";
  } catch {
    return "en";
  }
}

const DEFAULTS: FunctionsEnvironment = {
  store: getBrowserStore,
  today: localToday,
  language: officeLanguage,
  storeTimeoutMs: 30_000,
};

let current: FunctionsEnvironment = { ...DEFAULTS };

/** The current environment. */
export function functionsEnvironment(): FunctionsEnvironment {
  return current;
}

/** Replaces parts of the environment (tests, benchmark, a browser preview). */
export function configureFunctions(overrides: Partial<FunctionsEnvironment>): void {
  current = { ...current, ...overrides };
}

/** Back to the add-in defaults. */
export function resetFunctionsEnvironment(): void {
  current = { ...DEFAULTS };
}
