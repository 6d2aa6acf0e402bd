/**
 * One contract's own surcharges, flat fees and holidays (Zeiten/Zähler → Regeln, form "Vertrag:
 * eigene Zuschläge, Pauschalen und Feiertage"). A contract's list replaces the company's whole
 * (`effectiveTimeRules`), so each list is either "as default" (absent from the contract's entry) or
 * the contract's own — an own list may be empty (no surcharges for this contract at all). The rows
 * are the company forms' rows (rules-form.ts, rules-extra-form.ts); saving sends the whole document
 * through `setRules`, the JSON upload's path and validator, and keeps everything else as stored.
 */
import type { Issue } from "../../core/issues";
import type { ContractRules, Rules } from "../../core/time/rules";
import { extraHolidaysJsonOf, flatFeeFieldOf, flatFeeRowsOf, flatFeesJsonOf, holidayFieldOf, holidayText, type FlatFeeRow } from "./rules-extra-form";
import { surchargeFieldOf, surchargeRowsOf, surchargesJsonOf, withContractEntry, type SurchargeRow } from "./rules-form";

type Lang = "de" | "en";

/** Whether pools cover surcharged time for this contract: "" as default, else its own choice. */
export type PoolsChoice = "" | "yes" | "no";

export interface ContractExtrasForm {
  /** Null: as default; a list (maybe empty): the contract's own. */
  surcharges: SurchargeRow[] | null;
  poolsCoverSurcharged: PoolsChoice;
  flatFees: FlatFeeRow[] | null;
  /** Typed days (`24.12.`, `31.12.2026`); null: as default. */
  extraHolidays: string[] | null;
  /** Package names of public holidays the contract's customer works on; null: as default. */
  holidaysOff: string[] | null;
}

/** The contract keys this form owns; the rest of the contract's entry stays as stored. */
const OWNED = ["surcharges", "poolsCoverSurcharged", "flatFees", "extraHolidays", "holidaysOff"] as const;

export function contractExtrasFormOf(rules: Rules, contractNo: string, lang: Lang): ContractExtrasForm {
  const c: ContractRules = rules.contracts[contractNo] ?? {};
  return {
    surcharges: c.surcharges ? surchargeRowsOf(c.surcharges, lang) : null,
    poolsCoverSurcharged: c.poolsCoverSurcharged === undefined ? "" : c.poolsCoverSurcharged ? "yes" : "no",
    flatFees: c.flatFees ? flatFeeRowsOf(c.flatFees, lang) : null,
    extraHolidays: c.extraHolidays ? c.extraHolidays.map((h) => holidayText(h, lang)) : null,
    holidaysOff: c.holidaysOff ? [...c.holidaysOff] : null,
  };
}

/**
 * A list switched from "as default" to the contract's own starts as a copy of the company's, so the
 * clerk changes what differs (or removes every row: none for this contract).
 */
export function ownListFromDefaults<K extends "surcharges" | "flatFees" | "extraHolidays" | "holidaysOff">(rules: Rules, key: K, lang: Lang): NonNullable<ContractExtrasForm[K]> {
  const d = rules.defaults;
  const lists: { [L in "surcharges" | "flatFees" | "extraHolidays" | "holidaysOff"]: NonNullable<ContractExtrasForm[L]> } = {
    surcharges: surchargeRowsOf(d.surcharges, lang),
    flatFees: flatFeeRowsOf(d.flatFees, lang),
    extraHolidays: (d.extraHolidays ?? []).map((h) => holidayText(h, lang)),
    holidaysOff: [...(d.holidaysOff ?? [])],
  };
  return lists[key];
}

/**
 * The rules document with one contract's own surcharges, flat fees and holidays from the form (its
 * other rules and everything else as stored); a contract left with no rules at all leaves the
 * document, one stored empty stays when saved unchanged.
 */
export function rulesWithContractExtras(rules: Rules, contractNo: string, form: ContractExtrasForm, lang: Lang): Record<string, unknown> {
  const c: Record<string, unknown> = { ...(rules.contracts[contractNo] ?? {}) };
  for (const k of OWNED) delete c[k];
  if (form.surcharges) c.surcharges = surchargesJsonOf(form.surcharges, lang);
  if (form.poolsCoverSurcharged !== "") c.poolsCoverSurcharged = form.poolsCoverSurcharged === "yes";
  if (form.flatFees) c.flatFees = flatFeesJsonOf(form.flatFees, lang);
  if (form.extraHolidays) c.extraHolidays = extraHolidaysJsonOf(form.extraHolidays);
  if (form.holidaysOff) c.holidaysOff = [...form.holidaysOff];
  return { defaults: rules.defaults, contracts: withContractEntry(rules, contractNo, c) };
}

/**
 * The form field a rules issue is about (`surcharges.1.pct`, `flatFees.0.articleNo`, `extra.2`,
 * `off`, `poolsCoverSurcharged`), or null when it is about something else (listed under the button).
 */
export function contractExtrasFieldOf(i: Issue, contractNo: string, form: ContractExtrasForm): string | null {
  const path = typeof i.params.path === "string" ? i.params.path : "";
  const prefix = `contracts.${contractNo}.`;
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  if (rest === "poolsCoverSurcharged") return rest;
  return surchargeFieldOf(rest, form.surcharges ?? [], i.params.value) ?? flatFeeFieldOf(rest, form.flatFees ?? []) ?? holidayFieldOf(rest, form.extraHolidays ?? []);
}
