/** The contingent balances of a month as a worksheet ("Kontingente YYYY-MM"), one row per contract with time rules. */
import { pushAll } from "../../core/array";
import type { AppContext } from "../../app/context";
import { storedRules, timeBalance } from "../../app/time";
import { EMPTY_RULES } from "../../core/time/rules";
import type { IsoMonth } from "../../core/date/iso-month";
import type { Issue } from "../../core/issues";
import type { SheetCell, WriteTableOptions } from "../../excel/gateway";

export const BALANCE_COLUMNS = ["contract_no", "month", "start_hours", "credited_hours", "used_hours", "remaining_hours", "overrun_hours", "pending_entries"] as const;

export function balanceSheetName(month: IsoMonth): string {
  return `Kontingente ${month}`;
}

export async function balanceSheetRows(ctx: AppContext, month: IsoMonth): Promise<{ rows: SheetCell[][]; issues: Issue[]; negative: number }> {
  const rules = (await storedRules(ctx)) ?? EMPTY_RULES;
  const rows: SheetCell[][] = [[...BALANCE_COLUMNS]];
  const issues: Issue[] = [];
  let negative = 0;
  const num = (v: { toFixed(n: number): string }): SheetCell => ({ number: v.toFixed(2) });
  for (const no of Object.keys(rules.contracts).sort()) {
    const b = await timeBalance(ctx, no, month);
    if (!b.ok) {
      pushAll(issues, b.issues);
      continue;
    }
    const v = b.value;
    if (v.remaining.isNegative() || !v.overrun.isZero()) negative += 1;
    rows.push([v.contractNo, v.month, num(v.start), num(v.credited), num(v.used), num(v.remaining), num(v.overrun), { number: String(v.pendingEntries) }]);
  }
  return { rows, issues, negative };
}

export const balanceWriteOptions: WriteTableOptions = {
  columns: { start_hours: "decimal", credited_hours: "decimal", used_hours: "decimal", remaining_hours: "decimal", overrun_hours: "decimal", pending_entries: "integer" },
  replace: true,
};
