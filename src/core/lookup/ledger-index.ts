/**
 * The ledger part of the custom functions' lookup index: billed sums per contract and month, summed
 * while the host streams the ledger (no array of entries is kept). Pure.
 */
import type { LedgerEntry } from "../billing/ledger";
import type { IsoMonth } from "../date/iso-month";
import { Decimal, ZERO, toStored } from "../money/decimal";

/** Billed totals of one contract and month. */
export interface BilledMonth {
  /** Sum of the rounded amounts (what was invoiced), recurring and difference lines. */
  rounded: Decimal;
  /** Sum of the exact amounts. */
  exact: Decimal;
  entries: number;
}

/** One contract and month of the index as plain data (decimals as text), e.g. to send the sums over HTTP. */
export interface BilledSumRow {
  contractNo: string;
  month: IsoMonth;
  rounded: string;
  exact: string;
  entries: number;
}

/** The ledger part of the index: billed sums per contract and month. */
export class LedgerIndex {
  private readonly sums = new Map<string, Map<IsoMonth, BilledMonth>>();

  /** An index of sums made elsewhere ({@link LedgerIndex.rows} of another index): the same answers as that index. */
  static fromRows(rows: readonly BilledSumRow[]): LedgerIndex {
    const index = new LedgerIndex();
    for (const r of rows) {
      let months = index.sums.get(r.contractNo);
      if (!months) index.sums.set(r.contractNo, (months = new Map()));
      const m = months.get(r.month);
      const add = { rounded: new Decimal(r.rounded), exact: new Decimal(r.exact), entries: r.entries };
      months.set(r.month, m ? { rounded: m.rounded.plus(add.rounded), exact: m.exact.plus(add.exact), entries: m.entries + add.entries } : add);
    }
    return index;
  }

  /** The sums as plain rows, by contract and month. */
  rows(): BilledSumRow[] {
    const out: BilledSumRow[] = [];
    for (const [contractNo, months] of [...this.sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      for (const month of [...months.keys()].sort()) {
        const m = months.get(month)!;
        out.push({ contractNo, month, rounded: toStored(m.rounded), exact: toStored(m.exact), entries: m.entries });
      }
    return out;
  }

  /** Adds one ledger entry (used while streaming the ledger table). */
  add(e: Pick<LedgerEntry, "contractNo" | "month" | "roundedAmount" | "exactAmount">): void {
    let months = this.sums.get(e.contractNo);
    if (!months) this.sums.set(e.contractNo, (months = new Map()));
    const m = months.get(e.month);
    if (m) {
      m.rounded = m.rounded.plus(e.roundedAmount);
      m.exact = m.exact.plus(e.exactAmount);
      m.entries++;
    } else {
      months.set(e.month, { rounded: new Decimal(e.roundedAmount), exact: new Decimal(e.exactAmount), entries: 1 });
    }
  }

  /** True when the ledger has any entry of the contract (it may be a contract deleted since). */
  hasContract(contractNo: string): boolean {
    return this.sums.has(contractNo);
  }

  /** Billed totals of a contract in a month; zero when nothing was billed. */
  billed(contractNo: string, month: IsoMonth): BilledMonth {
    return this.sums.get(contractNo)?.get(month) ?? { rounded: ZERO, exact: ZERO, entries: 0 };
  }

  /** The months billed for a contract, in order. */
  months(contractNo: string): IsoMonth[] {
    return [...(this.sums.get(contractNo)?.keys() ?? [])].sort();
  }
}
