/** The contingent balances of a month as a worksheet ("Kontingente YYYY-MM"), one row per contract with time rules. */
import { monthSheetName } from "../../io/table/sheet-names";
import { pushAll } from "../../core/array";
import type { AppContext } from "../../app/context";
import { storedRules, timeBalanceFigures } from "../connection/use-cases";
import { Decimal } from "../../core/money/decimal";
import { EMPTY_RULES } from "../../core/time/rules";
import type { IsoMonth } from "../../core/date/iso-month";
import type { Issue } from "../../core/issues";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { BALANCE_VOCABULARY } from "../../io/sheets/time-words";
import { localizeTable, vocabularyHeader } from "../../io/table/sheet-vocabulary";
import type { Language } from "../i18n";

export const BALANCE_COLUMNS = ["contract_no", "month", "start_hours", "credited_hours", "used_hours", "remaining_hours", "overrun_hours", "pending_entries"] as const;

/** `Kontingente 2026-11` / `Contingents 2026-11`. */
export function balanceSheetName(month: IsoMonth, language: Language = "de"): string {
  return monthSheetName("contingents", month, language);
}

export async function balanceSheetRows(ctx: AppContext, month: IsoMonth, language: Language = "en"): Promise<{ rows: SheetCell[][]; issues: Issue[]; negative: number }> {
  const rules = (await storedRules(ctx)) ?? EMPTY_RULES;
  const rows: SheetCell[][] = [[...BALANCE_COLUMNS]];
  const issues: Issue[] = [];
  let negative = 0;
  const num = (v: string): SheetCell => ({ number: new Decimal(v).toFixed(2) });
  for (const no of Object.keys(rules.contracts).sort()) {
    const b = await timeBalanceFigures(ctx, no, month);
    if (!b.ok) {
      pushAll(issues, b.issues);
      continue;
    }
    const v = b.value;
    if (new Decimal(v.remaining).isNegative() || !new Decimal(v.overrun).isZero()) negative += 1;
    rows.push([v.contractNo, v.month, num(v.start), num(v.credited), num(v.used), num(v.remaining), num(v.overrun), { number: String(v.pendingEntries) }]);
  }
  return { rows: localizeTable(BALANCE_VOCABULARY, rows, language), issues, negative };
}

const KINDS: Readonly<Record<string, ColumnKind>> = { start_hours: "decimal", credited_hours: "decimal", used_hours: "decimal", remaining_hours: "decimal", overrun_hours: "decimal", pending_entries: "integer" };

export function balanceWriteOptions(language: Language = "en"): WriteTableOptions {
  return { columns: Object.fromEntries(Object.entries(KINDS).map(([c, k]) => [vocabularyHeader(BALANCE_VOCABULARY, c, language), k])), replace: true };
}
