import { billingView } from "../contract/billed-until";
import type { Contract } from "../contract/model";
import { dueDate, periodContaining } from "../date/billing-period";
import { maxDate, minDate } from "../date/iso-date";
import { firstDayOf, type IsoMonth } from "../date/iso-month";
import type { ChargeLine } from "./charge-line";

/**
 * True for a recurring line whose billing period fell due before the billed month began (PRODUCT.md
 * §5.2: periods not yet in the ledger are caught up, *Nachberechnung*): the clerk should see it as
 * clearly as a difference. The due date is the one {@link duePeriods} uses: the cut period's first
 * day in advance, the day after its last day in arrears (a contract with `billedUntil` starting the
 * day after it).
 */
export function isCatchUp(line: Pick<ChargeLine, "lineType" | "periodStart">, contract: Pick<Contract, "interval" | "mode" | "start" | "end" | "billedUntil">, runMonth: IsoMonth): boolean {
  if (line.lineType !== "recurring") return false;
  contract = billingView(contract);
  const period = periodContaining(line.periodStart, contract.interval);
  const cut = { start: maxDate(period.start, contract.start), end: contract.end !== undefined ? minDate(period.end, contract.end) : period.end };
  const due = dueDate(cut, contract.mode);
  return due !== null && due < firstDayOf(runMonth);
}
