/**
 * The time review sheet ("Zeiten YYYY-MM") as the pane writes and reads it: the rows of
 * `reviewTimeEntries` with the decision column in the user's words (German `abrechnen` Ja/Nein,
 * English `billable` Yes/No, a drop-down), typed number columns, ids as text, status colours; and a
 * short summary of the stored time rules.
 */
import { monthSheetName } from "../../io/table/sheet-names";
import type { SheetLanguage as SheetNameLanguage } from "../../io/table/sheet-vocabulary";
import type { TimeReview } from "../../app/time-review";
import type { IsoMonth } from "../../core/date/iso-month";
import { BUILTIN_TIME_DEFAULTS, type Rules, hasTimeRules } from "../../core/time/rules";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { tableNameFor } from "../../excel/names";
import { type DecisionWords, timeReviewTableRows } from "../../io/time/review-table";
import { TIME_REVIEW_VOCABULARY } from "../../io/sheets/time-words";
import { localizeTable, vocabularyHeader, vocabularyWord } from "../../io/table/sheet-vocabulary";
import type { Language } from "../i18n";

export const TIME_DECISION_WORDS: Record<Language, DecisionWords> = {
  de: { header: "abrechnen", yes: "Ja", no: "Nein" },
  en: { header: "Billable", yes: "Yes", no: "No" },
};

export const TIME_REVIEW_COLUMN_KINDS: Readonly<Record<string, ColumnKind>> = {
  date: "date",
  ticket_no: "id",
  customer_no: "id",
  contract_no: "id",
  minutes: "integer",
  unit_minutes: "integer",
  units: "integer",
  included_units: "integer",
  contingent_units: "integer",
  charged_units: "integer",
  price_per_hour: "money",
  net_amount: "money",
  entry_id: "id",
  source_row: "integer",
};

/** Light fills that keep black text readable: charged blue, covered green, switched off grey, problems red. */
export const TIME_STATUS_COLOURS: Readonly<Record<string, string>> = {
  charged: "#DDEBF7",
  covered: "#E2EFDA",
  not_billable: "#EDEDED",
  problem: "#F8CBAD",
};

/** `Zeiten 2026-11` / `Time 2026-11`. */
export function timeReviewSheetName(month: IsoMonth, language: SheetNameLanguage = "de"): string {
  return monthSheetName("time", month, language);
}

/** Header and rows; issue texts and the decision words in the pane's language. */
export function timeReviewSheetRows(review: Pick<TimeReview, "rows">, language: Language): SheetCell[][] {
  return localizeTable(TIME_REVIEW_VOCABULARY, timeReviewTableRows(review.rows, language, TIME_DECISION_WORDS[language]), language);
}

export function timeReviewWriteOptions(sheet: string, language: Language): WriteTableOptions {
  const words = TIME_DECISION_WORDS[language];
  const header = (c: string) => vocabularyHeader(TIME_REVIEW_VOCABULARY, c, language);
  return {
    tableName: tableNameFor(sheet),
    columns: Object.fromEntries(Object.entries(TIME_REVIEW_COLUMN_KINDS).map(([c, k]) => [header(c), k])),
    status: { column: header("status"), colours: Object.fromEntries(Object.entries(TIME_STATUS_COLOURS).map(([st, c]) => [vocabularyWord(TIME_REVIEW_VOCABULARY, "status", st, language), c])) },
    validation: [{ column: words.header, list: [words.yes, words.no] }],
    replace: true,
  };
}

export interface RulesSummary {
  /** Contracts with time rules of their own (sorted). */
  timeContracts: string[];
  /** Contracts with click rules. */
  clickContracts: string[];
  /** The company's unit size in minutes (the built-in 15 when the rules say nothing). */
  unitMinutes: number;
  /** Activities with a rate in the company defaults. */
  activities: string[];
  holidayRegion: string;
}

/** What the stored rules say, in a few facts (the pane shows them next to the rules file button). */
export function rulesSummary(rules: Rules): RulesSummary {
  const contracts = Object.keys(rules.contracts).sort();
  return {
    timeContracts: contracts.filter((no) => hasTimeRules(rules.contracts[no])),
    clickContracts: contracts.filter((no) => rules.contracts[no]?.click !== undefined),
    unitMinutes: rules.defaults.unitMinutes ?? BUILTIN_TIME_DEFAULTS.unitMinutes,
    activities: Object.keys(rules.defaults.activities ?? {}).sort(),
    holidayRegion: rules.defaults.holidayRegion ?? BUILTIN_TIME_DEFAULTS.holidayRegion,
  };
}
