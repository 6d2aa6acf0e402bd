/**
 * The DATEV settings form (Stammdaten → DATEV): fields as typed, turned into the same JSON the
 * settings file holds (`datev`), checked by `validateDatevConfig` when saved through
 * `saveExportSettingsFile`. Only typing conventions are translated here (`01.01.` → `01-01`, a
 * checkbox → true/false); every rule is the validator's.
 */
import type { Issue } from "../../core/issues";
import type { DatevConfig } from "../../io/export/datev/config";

export const DATEV_RATES = ["19", "7", "0"] as const;

export interface DatevForm {
  consultantNo: string;
  clientNo: string;
  /** `TT.MM.` in German or `MM-DD`. */
  fiscalYearStart: string;
  accountLength: string;
  chart: "SKR03" | "SKR04";
  /** Revenue account per VAT rate; empty = the chart's preset (none for 0 %). */
  revenueAccounts: Record<(typeof DATEV_RATES)[number], string>;
  /** Accounts of other rates from a settings file: not shown, kept on save. */
  otherRevenueAccounts: Record<string, string>;
  defaultDebtor: string;
  debtorFromCustomerNo: boolean;
  label: string;
}

export type DatevField = "consultantNo" | "clientNo" | "fiscalYearStart" | "accountLength" | "chart" | "defaultDebtor" | "label" | `revenueAccounts.${(typeof DATEV_RATES)[number]}`;

/** The form showing stored settings (defaults for a first setup: 01.01., 4-digit accounts, SKR03). */
export function datevFormOf(config: DatevConfig | null, lang: "de" | "en"): DatevForm {
  const start = config?.fiscalYearStart ?? "01-01";
  return {
    consultantNo: config ? String(config.consultantNo) : "",
    clientNo: config ? String(config.clientNo) : "",
    fiscalYearStart: lang === "de" ? `${start.slice(3)}.${start.slice(0, 2)}.` : start,
    accountLength: String(config?.accountLength ?? 4),
    chart: config?.chart ?? "SKR03",
    revenueAccounts: { "19": config?.revenueAccounts?.["19"] ?? "", "7": config?.revenueAccounts?.["7"] ?? "", "0": config?.revenueAccounts?.["0"] ?? "" },
    otherRevenueAccounts: Object.fromEntries(Object.entries(config?.revenueAccounts ?? {}).filter(([r]) => !(DATEV_RATES as readonly string[]).includes(r))),
    defaultDebtor: config?.defaultDebtor ?? "",
    debtorFromCustomerNo: config?.debtorFromCustomerNo ?? false,
    label: config?.label ?? "",
  };
}

/** `1.7.` / `01.07` → `07-01`; anything else as typed (the validator names it). */
function monthDay(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.?$/.exec(t);
  return m ? `${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : t;
}

/** The form as the DATEV JSON of a settings file. */
export function datevJsonOf(form: DatevForm): Record<string, unknown> {
  const out: Record<string, unknown> = {
    consultantNo: form.consultantNo.trim(),
    clientNo: form.clientNo.trim(),
    fiscalYearStart: monthDay(form.fiscalYearStart),
    accountLength: form.accountLength.trim(),
    chart: form.chart,
  };
  const accounts = { ...form.otherRevenueAccounts, ...Object.fromEntries(DATEV_RATES.map((r) => [r, form.revenueAccounts[r].trim()]).filter(([, v]) => v !== "")) };
  if (Object.keys(accounts).length > 0) out.revenueAccounts = accounts;
  if (form.defaultDebtor.trim() !== "") out.defaultDebtor = form.defaultDebtor.trim();
  if (form.debtorFromCustomerNo) out.debtorFromCustomerNo = true;
  if (form.label.trim() !== "") out.label = form.label.trim();
  return out;
}

/** The field a DATEV issue is about, or null. */
export function datevFieldOf(i: Issue): DatevField | null {
  const f = i.params.field;
  if (typeof f !== "string") return null;
  if (["consultantNo", "clientNo", "fiscalYearStart", "accountLength", "chart", "defaultDebtor", "label"].includes(f)) return f as DatevField;
  const m = /^revenueAccounts\.(\d+)/.exec(f);
  return m && (DATEV_RATES as readonly string[]).includes(m[1]!) ? (`revenueAccounts.${m[1]}` as DatevField) : null;
}
