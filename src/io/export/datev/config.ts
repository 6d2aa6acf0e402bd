import { parseJsonText } from "../../json-text";
import type { Customer } from "../../../core/contract/model";
import { isValidYmd } from "../../../core/date/iso-date";
import { Result, fail, issue, ok } from "../../../core/issues";
import { Decimal, toStored } from "../../../core/money/decimal";
import { JsonCheck, isObject } from "../custom-csv/json-check";
import { expecting } from "../../../core/expectation";

/**
 * The DATEV settings of a company (PRODUCT.md §6.3, research/domain.md D1): who the tax advisor's
 * client is, the chart of accounts, and which accounts the bookings go to. Plain JSON, saved in the
 * store's settings (key {@link DATEV_SETTINGS_KEY}) or passed as a file to the CLI.
 */
export interface DatevConfig {
  /** Beraternummer, 1001–9999999. */
  consultantNo: number;
  /** Mandantennummer, 1–99999. */
  clientNo: number;
  /** First day of the fiscal year as `MM-DD` (usually `01-01`). */
  fiscalYearStart: string;
  /** Sachkontenlänge, 4–8; debtor (personal) accounts have one digit more. */
  accountLength: number;
  chart: DatevChart;
  /** Revenue account per VAT rate (`"19": "8400"`); overrides and extends the chart's presets. */
  revenueAccounts?: Record<string, string>;
  /** Debtor account for customers without their own (e.g. a collective debtor `10000`). */
  defaultDebtor?: string;
  /** Use the customer number as debtor account when it is a valid one (e.g. customer 10001 → 10001). */
  debtorFromCustomerNo?: boolean;
  /** Bezeichnung of the batch (≤ 30 characters); default `Rechnungsausgang MM/YYYY` (or `Rechnungen MM/YYYY-MM/YYYY` for several months). */
  label?: string;
}

export type DatevChart = "SKR03" | "SKR04";

export const DATEV_SETTINGS_KEY = "datevConfig";

/**
 * Revenue accounts (Erlöskonten, automatic VAT accounts) per VAT rate for the two standard charts:
 * SKR03 8400 "Erlöse 19 % USt", 8300 "Erlöse 7 % USt"; SKR04 4400 and 4300. No preset for 0 %:
 * the right account depends on why no VAT is charged (SKR03 8336/SKR04 4336 for services taxable in
 * another EU country with reverse charge, 8337/4337 for § 13b UStG, 8120 is export deliveries
 * § 4 Nr. 1a), so it must be configured. Sources: README "Invoice exports".
 */
export const CHART_PRESETS: Record<DatevChart, Record<string, string>> = {
  SKR03: { "19": "8400", "7": "8300" },
  SKR04: { "19": "4400", "7": "4300" },
};

/** The two digits DATEV's header field 27 (Sachkontenrahmen) uses. */
export const CHART_CODES: Record<DatevChart, string> = { SKR03: "03", SKR04: "04" };

const FIELDS = ["consultantNo", "clientNo", "fiscalYearStart", "accountLength", "chart", "revenueAccounts", "defaultDebtor", "debtorFromCustomerNo", "label"];
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Canonical key of a VAT rate (`"19.00"` → `"19"`), or null when it is not a rate. */
export function rateKey(rate: string): string | null {
  if (!/^\d{1,2}(\.\d+)?$/.test(rate.trim())) return null;
  return toStored(new Decimal(rate.trim()));
}

/**
 * A debtor (personal) account is the account length plus one digit, starting with 1–6
 * (with 4-digit accounts: 10000–69999; 7xxxx–9xxxx are creditors).
 */
export function isDebtorAccount(account: string, accountLength: number): boolean {
  return new RegExp(`^[1-6]\\d{${accountLength}}$`).test(account);
}

/** A general-ledger account has at most `accountLength` digits. */
export function isLedgerAccount(account: string, accountLength: number): boolean {
  return new RegExp(`^[1-9]\\d{0,${accountLength - 1}}$`).test(account);
}

/**
 * Checks a DATEV settings document (parsed JSON); every problem is an issue naming its field
 * (`datev.field_*`). `revenueAccounts` and `defaultDebtor` are checked against `accountLength`.
 */
export function validateDatevConfig(json: unknown): Result<DatevConfig> {
  const c = new JsonCheck({ required: "datev.field_required", invalid: "datev.field_invalid", unknown: "datev.field_unknown" });
  if (!isObject(json)) {
    c.invalid("(settings)", json, expecting("object"));
    return fail(...c.issues);
  }
  c.onlyKnown(json, FIELDS);
  const consultantNo = c.integer(json, "consultantNo", 1001, 9999999);
  const clientNo = c.integer(json, "clientNo", 1, 99999);
  const fiscalYearStart = c.text(json, "fiscalYearStart");
  if (fiscalYearStart !== undefined && !(MONTH_DAY.test(fiscalYearStart) && isValidYmd(2001, Number(fiscalYearStart.slice(0, 2)), Number(fiscalYearStart.slice(3)))))
    c.invalid("fiscalYearStart", fiscalYearStart, expecting("month_day"));
  const accountLength = c.integer(json, "accountLength", 4, 8);
  const chart = c.choice(json, "chart", ["SKR03", "SKR04"] as const);
  const label = c.text(json, "label", "", true, 30);
  const debtorFromCustomerNo = c.boolean(json, "debtorFromCustomerNo");
  const defaultDebtor = c.text(json, "defaultDebtor", "", true);
  if (defaultDebtor !== undefined && accountLength !== undefined && !isDebtorAccount(defaultDebtor, accountLength))
    c.invalid("defaultDebtor", defaultDebtor, expecting("debtor_account", { digits: accountLength + 1 }));
  let revenueAccounts: Record<string, string> | undefined;
  const ra = c.object(json, "revenueAccounts", "", true);
  if (ra) {
    revenueAccounts = {};
    for (const [k, v] of Object.entries(ra)) {
      const key = rateKey(k);
      if (key === null) c.invalid(`revenueAccounts.${k}`, k, expecting("vat_rate_key"));
      else if (typeof v !== "string" && typeof v !== "number") c.invalid(`revenueAccounts.${k}`, v, expecting("account_no"));
      else if (accountLength !== undefined && !isLedgerAccount(String(v), accountLength)) c.invalid(`revenueAccounts.${k}`, v, expecting("ledger_account", { digits: accountLength }));
      else revenueAccounts[key] = String(v);
    }
  }
  if (c.issues.length > 0) return fail(...c.issues);
  const config: DatevConfig = { consultantNo: consultantNo!, clientNo: clientNo!, fiscalYearStart: fiscalYearStart!, accountLength: accountLength!, chart: chart! };
  if (revenueAccounts && Object.keys(revenueAccounts).length > 0) config.revenueAccounts = revenueAccounts;
  if (defaultDebtor !== undefined) config.defaultDebtor = defaultDebtor;
  if (debtorFromCustomerNo !== undefined) config.debtorFromCustomerNo = debtorFromCustomerNo;
  if (label !== undefined) config.label = label;
  return ok(config);
}

/** Parses and checks DATEV settings from JSON text. */
export function parseDatevConfig(text: string): Result<DatevConfig> {
  const json = parseJsonText(text, { invalidCode: "datev.invalid_json" });
  return json.ok ? validateDatevConfig(json.value) : json;
}

/**
 * The revenue account for a VAT rate: the configured one, else the chart's preset, widened with
 * trailing zeros to the account length (8400 → 84000 with 5-digit accounts, DATEV's extension of
 * the standard charts). Null when neither exists.
 */
export function revenueAccountFor(config: DatevConfig, rate: string): string | null {
  const key = rateKey(rate);
  if (key === null) return null;
  const own = config.revenueAccounts?.[key];
  if (own !== undefined) return own;
  const preset = CHART_PRESETS[config.chart][key];
  return preset === undefined ? null : preset.padEnd(config.accountLength, "0");
}

/** The debtor account of a customer: its own, its customer number (when enabled), or the default. */
export function debtorAccountFor(config: DatevConfig, customer: Pick<Customer, "no" | "debtorAccount"> | undefined, invoiceRef: string, customerNo: string): Result<string> {
  const own = customer?.debtorAccount?.trim();
  if (own) {
    if (isDebtorAccount(own, config.accountLength)) return ok(own);
    return fail(issue("datev.invalid_debtor", { invoice: invoiceRef, customer: customerNo, account: own, digits: config.accountLength + 1 }));
  }
  if (config.debtorFromCustomerNo && isDebtorAccount(customerNo, config.accountLength)) return ok(customerNo);
  if (config.defaultDebtor) return ok(config.defaultDebtor);
  return fail(issue("datev.no_debtor", { invoice: invoiceRef, customer: customerNo }));
}
