import type { MergedUsage } from "../core/billing/merge-usage";
import type { StoreTx } from "../store/port";
import { type StoredUsage, planUsageCharges } from "./usage";

export { planUsageCharges };

/**
 * The usage records the run bills, each with its billing (run, invoice, line, net, cost); a record of
 * a customer the run could not invoice (unknown customer) stays open. Computes only: a dry run says
 * what a run would record.
 */
export function usageBilledOf(charges: Awaited<ReturnType<typeof planUsageCharges>>, merged: MergedUsage, runId: string): StoredUsage[] {
  const out: StoredUsage[] = [];
  for (const b of charges.billed) {
    const invoiceRef = merged.invoiceOf.get(b.customerNo);
    const place = b.lineKey ? merged.places.get(b.lineKey) : undefined;
    // A record that came to 0.00 has no line: billed all the same (on the customer's invoice, if any).
    if (b.lineKey ? !place : false) continue;
    const r = charges.stored.get(b.key);
    if (!r) continue;
    out.push({ ...r, billing: { runId, invoiceRef: place?.invoiceRef ?? invoiceRef ?? "", ...(place ? { lineNo: place.lineNo } : {}), net: b.net, cost: b.cost } });
  }
  return out;
}

/**
 * Records on each usage record the run billed it ({@link usageBilledOf}), inside the run's
 * transaction, so it is never billed twice. Undoing the run makes the records open again
 * (`notBilled` counts only active runs), without rewriting them.
 */
export async function markUsageBilled(tx: StoreTx, billed: readonly StoredUsage[]): Promise<void> {
  await tx.usageRecords.putMany(billed);
}
