import type { Contract } from "../contract/model";
import { compareNatural } from "../billing/invoice";
import type { IsoDate } from "../date/iso-date";
import { Issue, issue } from "../issues";
import { type Rules, hasTimeRules } from "./rules";

/** The customer's contracts, for finding the contract a time entry is billed on. */
export type ContractsByCustomer = Map<string, Contract[]>;

export function contractsByCustomer(contracts: readonly Contract[]): ContractsByCustomer {
  const out: ContractsByCustomer = new Map();
  for (const c of [...contracts].sort((a, b) => compareNatural(a.no, b.no))) {
    const own = out.get(c.customerNo);
    if (own) own.push(c);
    else out.set(c.customerNo, [c]);
  }
  return out;
}

const TYPE_ORDER: Record<string, number> = { managed_service: 0, contingent: 1 };

/**
 * The contract a time entry is billed on: the entry's own `contractNo` when given (it must belong to
 * the customer); otherwise the customer's contract running on the entry's day that has time rules,
 * managed-service contracts first, then contingents, then others (by number); failing that, its running
 * managed-service or contingent contract. None: billed without a contract under the company defaults.
 */
export function assignContract(
  entry: { customerNo: string; contractNo?: string; date: IsoDate },
  byCustomer: ContractsByCustomer,
  rules: Rules,
): { contract?: Contract; issue?: Issue } {
  const own = byCustomer.get(entry.customerNo) ?? [];
  if (entry.contractNo) {
    const c = own.find((x) => x.no === entry.contractNo);
    return c ? { contract: c } : { issue: issue("time.unknown_contract", { contract: entry.contractNo, customer: entry.customerNo }) };
  }
  const running = own.filter((c) => c.start <= entry.date && (c.end === undefined || c.end >= entry.date));
  const withRules = running.filter((c) => hasTimeRules(rules.contracts[c.no]));
  const pool = withRules.length > 0 ? withRules : running.filter((c) => c.type in TYPE_ORDER);
  pool.sort((a, b) => (TYPE_ORDER[a.type] ?? 9) - (TYPE_ORDER[b.type] ?? 9));
  return pool[0] ? { contract: pool[0] } : {};
}
