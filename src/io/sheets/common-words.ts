/**
 * Code words several sheets and files share (issue 20): yes/no and the billing intervals, so the
 * master-data sheets and the purchase contracts file read them alike.
 */
import type { WordList } from "../table/sheet-vocabulary";

export const YES_NO: WordList = { yes: { de: "ja", en: "yes" }, no: { de: "nein", en: "no" } };

export const BILLING_INTERVAL_WORDS: WordList = {
  monthly: { de: "monatlich", en: "monthly" }, quarterly: { de: "vierteljährlich", en: "quarterly" }, semiannual: { de: "halbjährlich", en: "semiannual" }, annual: { de: "jährlich", en: "annual" },
};

/** The column marking a row as a correction of stored data (README "Merge rules of `import-master`"), and its German header. */
export const CORRECTION_HEADER = { correction: "Korrektur" } as const;
