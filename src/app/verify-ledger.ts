import type { LedgerEntry } from "../core/billing/ledger";
import { ledgerMismatch } from "../core/integrity/ledger-consistency";
import { invoiceKey, ledgerDigest } from "../core/integrity/ledger-digest";
import type { StoreTx } from "../store/port";
import type { RunRecord, StoredInvoice } from "../store/records";

/**
 * Why an issued invoice's ledger entries do not verify:
 * - `ledger_changed`: they no longer give the digest the invoice was issued with (an entry edited,
 *   added or removed); `field` and `entry` or `line` name where the entries first disagree with the
 *   invoice's lines when they do (an added or removed entry may agree).
 * - `ledger_inconsistent`: an invoice issued before invoices kept the digest whose entries disagree
 *   with its lines (see core/integrity/ledger-consistency.ts).
 * - `ledger_orphan`: an entry of an issued run (or of no run) that belongs to none of its invoices.
 */
export type LedgerProblem =
  | { reason: "ledger_changed"; expected: string; found: string; entry?: string; line?: number; field?: string }
  | { reason: "ledger_inconsistent"; field: string; line?: number; entry?: string }
  | { reason: "ledger_orphan"; entry: string };

export interface LedgerCheck {
  /** Ledger entries of the issued invoices. */
  entries: number;
  /** Issued invoices checked by their digest, and older ones (no digest) checked against their lines. */
  sealed: number;
  legacy: number;
  /** The first problem: in issue order, then entries that belong to no issued invoice. */
  firstBreak: { record: string; problem: LedgerProblem } | null;
}

/**
 * Checks the ledger entries of the issued invoices (given in issue order): each invoice's entries
 * (those of its run with its number) must give its `ledgerHash`; an invoice without one gets the
 * consistency check against its lines. Entries of draft runs are not checked until issued.
 */
export async function verifyLedger(tx: StoreTx, runs: readonly RunRecord[], issued: readonly StoredInvoice[]): Promise<LedgerCheck> {
  const byInvoice = new Map<string, LedgerEntry[]>(issued.map((i) => [invoiceKey(i), []]));
  const drafts = new Set(runs.filter((r) => !r.issuedAt && !r.undoneAt).map((r) => r.id));
  let orphan: string | undefined;
  let entries = 0;
  await tx.ledger.forEach((e) => {
    const own = byInvoice.get(invoiceKey(e));
    if (own) {
      own.push(e);
      entries++;
    } else if (!drafts.has(e.runId) && (orphan === undefined || e.id < orphan)) orphan = e.id;
  });
  let sealed = 0;
  let firstBreak: LedgerCheck["firstBreak"] = null;
  for (const inv of issued) {
    const own = byInvoice.get(invoiceKey(inv))!;
    if (typeof inv.ledgerHash === "string") {
      sealed++;
      if (firstBreak) continue;
      const found = ledgerDigest(own);
      if (found === inv.ledgerHash) continue;
      const hint = ledgerMismatch(inv, own);
      firstBreak = { record: inv.invoiceRef, problem: { reason: "ledger_changed", expected: inv.ledgerHash, found, ...hint } };
    } else if (!firstBreak) {
      const m = ledgerMismatch(inv, own);
      if (m) firstBreak = { record: inv.invoiceRef, problem: { reason: "ledger_inconsistent", ...m } };
    }
  }
  if (!firstBreak && orphan !== undefined) firstBreak = { record: orphan, problem: { reason: "ledger_orphan", entry: orphan } };
  return { entries, sealed, legacy: issued.length - sealed, firstBreak };
}
