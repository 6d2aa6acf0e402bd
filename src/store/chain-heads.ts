/**
 * Where the two hash chains end (GoBD tamper evidence): the audit log's length and last hash, and
 * the issued invoices' count and last hash. `verify` prints them and every backup carries them in its
 * header, so they can be written down outside the program (e.g. with the monthly closing) and
 * compared later: a store or backup cut after its last records still verifies as a chain, but no
 * longer ends at the recorded head.
 */
import { canonicalJson, sha256Hex } from "../core/integrity/hash-chain";
import type { StoreTx } from "./port";

/** The setting that holds the issued invoices' chain head (written by app/issue-run.ts `sealInvoices`). */
export const INVOICE_CHAIN_KEY = "integrity:invoiceChain";

export interface ChainHead {
  /** Records in the chain (audit entries; issued invoices). */
  count: number;
  /** The last record's hash ("" for an empty chain). */
  hash: string;
}

export interface ChainHeads {
  auditLog: ChainHead & { /** The last entry's `seq` (0 when empty). */ lastSeq: number };
  invoices: ChainHead;
}

/** The heads of both chains, read inside the caller's transaction. */
export async function readChainHeads(tx: StoreTx): Promise<ChainHeads> {
  const count = await tx.audit.count();
  const last = (await tx.audit.recent(1))[0];
  const invoices = (await tx.settings.getRaw(INVOICE_CHAIN_KEY)) as { seq: number; hash: string } | undefined;
  return {
    // An entry written before the chain existed has no hash: then only the count can be compared.
    auditLog: { count, lastSeq: last?.seq ?? 0, hash: last?.hash ?? "" },
    invoices: { count: invoices?.seq ?? 0, hash: invoices?.hash ?? "" },
  };
}

/** An audit entry's identity for comparing two logs: its chain hash, or (written before the chain) a hash of its content. */
export function auditHash(entry: Record<string, unknown>): string {
  return typeof entry.hash === "string" ? entry.hash : sha256Hex(canonicalJson(entry));
}

/** `12 · 3fa4c1d2e5b6` — a head short enough to write down (the first 12 hex digits of the hash). */
export function headText(head: ChainHead): string {
  return `${head.count} · ${head.hash.slice(0, 12) || "-"}`;
}
