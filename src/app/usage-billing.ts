import type { MergedUsage } from "../core/billing/merge-usage";
import type { StoreTx } from "../store/port";
import { type StoredUsage, planUsageCharges } from "./usage";

export { planUsageCharges };

/**
 * Records on each usage record the run billed it (run, invoice, line, net, cost), inside the run's
 * transaction, so it is never billed twice; a record of a customer the run could not invoice
 * (unknown customer) stays open. Undoing the run makes the records open again (`notBilled` counts
 * only active runs), without rewriting them.
 */
export async function markUsageBilled(tx: StoreTx, charges: Awaited<ReturnType<typeof planUsageCharges>>, merged: MergedUsage, runId: string): Promise<StoredUsage[]> {
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
  await tx.usageRecords.putMany(out);
  return out;
}
