import type { LedgerEntry } from "../billing/ledger";
import { canonicalJson, sha256Hex } from "./hash-chain";

/**
 * The digest of an issued invoice's ledger entries (GoBD: the ledger drives every later difference,
 * so what an issued invoice booked must not change unnoticed). An invoice keeps it as `ledgerHash`
 * in its hashed content (app/issue-run.ts `sealInvoices`), so the invoice chain covers it.
 *
 * Canonical: each entry is hashed on its own (every field, keys sorted, absent and null fields left
 * out), the entry hashes are sorted by entry id and joined by line breaks, and that text is hashed.
 * So a checker can build it from entries in any order, keeping only an id and a hash per entry. An
 * invoice without ledger entries (time, click and usage lines only) has the digest of the empty
 * list, the SHA-256 of the empty text.
 */
export function ledgerDigest(entries: readonly LedgerEntry[]): string {
  return digestOfHashes(entries.map((e) => [e.id, ledgerEntryHash(e)] as const));
}

/** The hash of one entry as stored (null fields count as absent: an adapter may read a missing optional field as null). */
export function ledgerEntryHash(entry: LedgerEntry | Record<string, unknown>): string {
  const present: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry)) if (v !== undefined && v !== null) present[k] = v;
  return sha256Hex(canonicalJson(present));
}

/** The digest of entries given as (id, entry hash) pairs, any order. */
export function digestOfHashes(pairs: readonly (readonly [string, string])[]): string {
  const sorted = [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256Hex(sorted.map((p) => p[1]).join("\n"));
}

/** Which invoice a ledger entry belongs to: its run and number (an invoice or an entry, or a backup row). */
export const invoiceKey = (x: { runId?: unknown; invoiceRef?: unknown }): string => `${String(x.runId)}\u0000${String(x.invoiceRef)}`;

/** The digest of an invoice without ledger entries. */
export const EMPTY_LEDGER_DIGEST = ledgerDigest([]);
