import { isBillingInterval, isBillingMode } from "../date/billing-period";
import { isIsoDate } from "../date/iso-date";
import { lastDayOf, monthOf } from "../date/iso-month";
import type { Contract } from "./model";

/** What is wrong with a contract header, by its column in the contracts CSV. */
export interface ContractProblem {
  field: "billing_interval" | "billing_mode" | "contract_start" | "contract_end" | "billed_until";
  value: string;
}

/**
 * The first field of a contract the billing cannot work with: an unknown billing interval or mode,
 * a start or end outside the accepted dates (1900-01-01 … 9999-12-31), or a billed_until that is no
 * such date or not the last day of a month. The readers refuse such
 * values, but a store restored from an edited backup may hold them; billing and the worksheet
 * functions refuse the contract instead of computing with it. Null when the contract is usable.
 */
export function contractProblem(c: Contract): ContractProblem | null {
  if (!isBillingInterval(c.interval)) return { field: "billing_interval", value: String(c.interval) };
  if (!isBillingMode(c.mode)) return { field: "billing_mode", value: String(c.mode) };
  if (typeof c.start !== "string" || !isIsoDate(c.start)) return { field: "contract_start", value: String(c.start) };
  if (c.end !== undefined && (typeof c.end !== "string" || !isIsoDate(c.end))) return { field: "contract_end", value: String(c.end) };
  if (c.billedUntil !== undefined && (typeof c.billedUntil !== "string" || !isIsoDate(c.billedUntil) || lastDayOf(monthOf(c.billedUntil)) !== c.billedUntil)) return { field: "billed_until", value: String(c.billedUntil) };
  return null;
}
