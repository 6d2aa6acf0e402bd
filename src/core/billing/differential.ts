import { pushAll } from "../array";
import { settledOutside } from "../contract/billed-until";
import type { Contract } from "../contract/model";
import { Issue, issue } from "../issues";
import { ZERO, toCentsString } from "../money/decimal";
import { ChargeInput, PositionIndex, indexPositions } from "./charge-input";
import { ChargeLine, TaggedRun, runsToLines } from "./charge-line";
import { LedgerIndex, indexLedger, originalInvoiceRef, standingEntries } from "./ledger";
import { billedAsShaped, monthDelta } from "./month-delta";
import { segmentShapes, withAmounts } from "./segments";

/** Difference lines and the notes about them. */
export interface DifferenceResult {
  lines: ChargeLine[];
  issues: Issue[];
}

/**
 * Differential billing (PRODUCT.md §5.3): every (contract, position, month) in the ledger is charged
 * again from the current versions and contract dates; `current − already billed` (exact amounts)
 * becomes `difference` lines that reference the invoice that first billed the month: positive =
 * debit, negative = credit. Only invoices that still stand count: a month whose invoices are all
 * cancelled is not billed (see {@link standingEntries}) and is billed afresh by the due charges. Billing the lines makes the ledger match again, so a second run finds
 * nothing. Lines whose net rounds to 0.00 are left out (and stay unbilled until a later change).
 * Months up to a contract's `billedUntil` are settled outside this program: no difference for them,
 * whatever the ledger holds (src/core/contract/billed-until.ts).
 *
 * NOTE: with `suppressCredits`, a position and billing period whose difference adds up to a credit
 * is left out entirely (an info issue says so): the customer keeps paying what was billed, and a later
 * increase is first set against the credit that was not given.
 */
export function computeDifferences(
  input: ChargeInput,
  billed: LedgerIndex = indexLedger(standingEntries(input.ledger)),
  index: PositionIndex = indexPositions(input.versions),
): DifferenceResult {
  const contracts = new Map(input.contracts.map((c) => [c.no, c]));
  const lines: ChargeLine[] = [];
  const issues: Issue[] = [];
  for (const contractNo of [...billed.keys()].sort()) {
    const contract = contracts.get(contractNo);
    if (!contract) {
      issues.push(issue("billing.unknown_contract", { contract: contractNo }, undefined, "warning"));
      continue;
    }
    const positions = billed.get(contractNo)!;
    const settled = input.settledThrough?.get(contractNo);
    const outside = settledOutside(contract);
    for (const positionNo of [...positions.keys()].sort((a, b) => a - b)) {
      const history = index.history(contract, positionNo);
      const runs: TaggedRun[] = [];
      for (const [month, entries] of positions.get(positionNo)!) {
        if ((settled !== undefined && month <= settled) || (outside !== undefined && month <= outside)) continue;
        const shapes = segmentShapes(history, month);
        if (billedAsShaped(shapes, entries)) continue;
        const correctsRef = originalInvoiceRef(entries);
        for (const run of monthDelta(month, withAmounts(shapes), entries)) runs.push({ run, correctsRef });
      }
      if (runs.length === 0) continue;
      const own = runsToLines("difference", contract, positionNo, runs);
      pushAll(lines, suppressCredits(contract, positionNo, own, issues).filter((l) => !l.net.isZero()));
    }
  }
  return { lines, issues };
}

function suppressCredits(contract: Contract, positionNo: number, lines: ChargeLine[], issues: Issue[]): ChargeLine[] {
  if (!contract.suppressCredits) return lines;
  const byPeriod = new Map<string, ChargeLine[]>();
  for (const l of lines) {
    const group = byPeriod.get(l.periodStart);
    if (group) group.push(l);
    else byPeriod.set(l.periodStart, [l]);
  }
  const kept: ChargeLine[] = [];
  for (const group of byPeriod.values()) {
    const total = group.reduce((s, l) => s.plus(l.exact), ZERO);
    if (!total.isNegative()) {
      pushAll(kept, group);
      continue;
    }
    const from = group.map((l) => l.serviceFrom).sort()[0]!;
    const to = group.map((l) => l.serviceTo).sort().pop()!;
    const amount = toCentsString(total);
    issues.push(issue("billing.credit_suppressed", { contract: contract.no, position: positionNo, from, to, amount }, undefined, "info"));
  }
  return kept;
}
