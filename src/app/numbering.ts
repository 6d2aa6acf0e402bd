import type { IsoDate } from "../core/date/iso-date";
import { Issue, issue } from "../core/issues";
import type { StoreTx } from "../store/port";

/** `prefix-00042`: ids of batches (`master-00001`) and runs (`run-00001`). */
export function sequenceId(prefix: string, n: number, width = 5): string {
  return `${prefix}-${String(n).padStart(width, "0")}`;
}

/** Reserves the next batch number and returns the batch id `kind-NNNNN`. */
export async function nextBatchId(tx: StoreTx, kind: string): Promise<string> {
  return sequenceId(kind, await tx.counters.reserve("batch"));
}

/** Reserves `count` version sequence numbers (shared by sales and purchase versions) and returns the first. */
export function reserveVersionSeq(tx: StoreTx, count: number): Promise<number> {
  return tx.counters.reserve("versionSeq", count);
}

/**
 * Invoice numbers rise with the invoice date: a new invoice (or Stornorechnung) dated before an
 * invoice that already has a number would put a later number on an earlier date, which an auditor
 * reads as a back-dated invoice (§ 14 Abs. 4 Nr. 4 UStG, GoBD). The issue names the latest-dated
 * invoice of the runs that are not undone, drafts included (their numbers are taken); else undefined.
 */
export async function datedBeforeNumbered(tx: StoreTx, date: IsoDate): Promise<Issue | undefined> {
  let latest: { date: IsoDate; invoice: string; run: string } | undefined;
  for (const r of await tx.runs.all()) {
    if (r.undoneAt || r.invoiceRefs.length === 0) continue;
    if (!latest || r.invoiceDate > latest.date) latest = { date: r.invoiceDate, invoice: r.invoiceRefs[r.invoiceRefs.length - 1]!, run: r.id };
  }
  return latest && date < latest.date ? issue("billing.invoice_date_before_numbered", { date, lastDate: latest.date, invoice: latest.invoice, run: latest.run }) : undefined;
}
