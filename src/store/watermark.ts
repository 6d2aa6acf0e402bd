import { addMonths, monthOf, type IsoMonth } from "../core/date/iso-month";
import type { Row, RowAccess } from "./row-access";
import type { TableName } from "./tables";

/**
 * Keeps the billing watermark (port.ts `BillingStateRepo`) honest: collects, during a write
 * transaction, which contracts a write may change the billing of, and lowers their watermark before
 * the commit. A change in month m lowers to m − 12, so a billing period around m (at most a year)
 * is charged again whole, as differential billing does it from the full ledger.
 */
export class WatermarkTracker {
  /** Contract → highest month that stays settled (null: nothing stays settled). */
  private readonly lowered = new Map<string, IsoMonth | null>();
  private reset = false;

  watches(table: TableName): boolean {
    return table === "contractVersions" || table === "contracts" || table === "ledger";
  }

  /** Rows inserted or replaced (or, for a delete, the rows removed). */
  written(table: TableName, rows: readonly Row[], op: "write" | "delete" = "write"): void {
    if (table === "contractVersions") {
      for (const r of rows) this.lower(String(r.contractNo), addMonths(monthOf(String(r.validFrom)), -12));
    } else if (table === "contracts") {
      for (const r of rows) this.lower(String(r.no), null);
    } else if (table === "ledger") {
      // Removed entries, and a cancellation's negated ones, leave their months to be billed again.
      for (const r of rows) if (op === "delete" || r.cancelsRef !== undefined) this.lower(String(r.contractNo), addMonths(String(r.month) as IsoMonth, -12));
    }
  }

  cleared(table: TableName): void {
    if (this.watches(table) || table === "billingState") this.reset = true;
  }

  /** The billing run raised these contracts after computing with every change of this transaction. */
  raised(contractNos: readonly string[]): void {
    for (const no of contractNos) this.lowered.delete(no);
  }

  /** The watermarks as they will be after this transaction's changes. */
  applyPending(stored: Map<string, IsoMonth>): Map<string, IsoMonth> {
    if (this.reset) stored.clear();
    for (const [no, month] of this.lowered) {
      const now = stored.get(no);
      if (now === undefined) continue;
      if (month === null) stored.delete(no);
      else if (month < now) stored.set(no, month);
    }
    return stored;
  }

  /** Writes the lowered watermarks (inside the transaction, before it commits). */
  async flush(rows: RowAccess): Promise<void> {
    if (this.reset) {
      await rows.clear("billingState");
      this.reset = false;
      this.lowered.clear();
      return;
    }
    if (this.lowered.size === 0) return;
    const nos = [...this.lowered.keys()];
    const current = await rows.getMany("billingState", nos);
    const drop: string[] = [];
    const put: Row[] = [];
    nos.forEach((no, i) => {
      const now = current[i] as { settledThrough: string } | undefined;
      if (!now) return;
      const month = this.lowered.get(no)!;
      if (month === null) drop.push(no);
      else if (month < now.settledThrough) put.push({ contractNo: no, settledThrough: month });
    });
    if (drop.length > 0) await rows.delete("billingState", drop);
    if (put.length > 0) await rows.put("billingState", put);
    this.lowered.clear();
  }

  private lower(no: string, month: IsoMonth | null): void {
    if (!this.lowered.has(no)) return void this.lowered.set(no, month);
    const known = this.lowered.get(no)!;
    if (known === null) return;
    if (month === null || month < known) this.lowered.set(no, month);
  }
}
