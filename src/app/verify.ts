import { ChainWalker, type ChainBreak } from "../core/integrity/hash-chain";
import type { ChainHeads } from "../store/chain-heads";
import type { AuditRecord, StoredInvoice } from "../store/records";
import type { AppContext } from "./context";
import { INVOICE_CHAIN_KEY, INVOICE_MUTABLE_FIELDS, type InvoiceChainHead } from "./issue-run";
import { verifyLedger, type LedgerCheck, type LedgerProblem } from "./verify-ledger";

/** The first record of a chain that does not verify. */
export interface BrokenRecord {
  /** `auditLog` entry (by `seq`), issued invoice (by number), or the `ledger` of an issued invoice (by its number; a stray entry by its id). */
  chain: "auditLog" | "invoices" | "ledger";
  record: string;
  /** `head_mismatch`: the chain does not end, or no longer passes, where the stored head (or the audit entry `auditSeq`) says. */
  problem: ChainBreak | { reason: "head_mismatch"; expected: string; found: string; auditSeq?: number } | LedgerProblem;
}

export interface VerifyReport {
  auditEntries: number;
  issuedInvoices: number;
  /** The issued invoices' ledger entries: how many, and how many invoices were checked by digest and (issued before it was kept) against their lines. */
  ledger: Omit<LedgerCheck, "firstBreak">;
  /** Null when both chains and the ledger verify. */
  firstBreak: BrokenRecord | null;
  /** Every break, audit log first, the ledger last (at most one per chain: after a break a chain is not trusted). */
  breaks: BrokenRecord[];
  /**
   * Where both chains end as walked (count and last hash; the audit log also its last `seq`): write
   * them down outside the program and compare later — a store cut after its last records still
   * verifies, but ends elsewhere.
   */
  heads: ChainHeads;
}

/**
 * Checks the hash chains (GoBD tamper evidence): every audit entry in `seq` order and every issued
 * invoice in issue order must carry the hash of its own content and its predecessor's hash, the
 * invoice chain must end where the stored head says (so removing the last issued invoices shows), and
 * pass through every head an issue recorded in the audit log (so it shows even with the head reset),
 * and every issued invoice's ledger entries must give the digest it was issued with (app/verify-ledger.ts).
 * Names the first broken record of each chain. Reads only.
 */
export async function verifyIntegrity(ctx: AppContext): Promise<VerifyReport> {
  return ctx.store.read(async (tx) => {
    const breaks: BrokenRecord[] = [];
    const audit = new ChainWalker();
    let lastSeq = 0;
    // The invoice chain's head as each issue left it, recorded in the (chained) audit log.
    const recorded: { auditSeq: number; head: InvoiceChainHead }[] = [];
    await tx.audit.forEach((e: AuditRecord) => {
      audit.next(e as unknown as Record<string, unknown>);
      lastSeq = e.seq ?? lastSeq;
      const head = e.kind === "billing.run.issue" ? (e.after as { chainHead?: InvoiceChainHead } | undefined)?.chainHead : undefined;
      if (head && typeof head.seq === "number" && typeof head.hash === "string") recorded.push({ auditSeq: e.seq ?? 0, head });
    });
    if (audit.firstBreak) breaks.push({ chain: "auditLog", record: String(audit.firstBreak.record.seq), problem: audit.firstBreak.problem });

    const issued: StoredInvoice[] = [];
    const runs = await tx.runs.all();
    for (const run of runs) if (run.issuedAt && !run.undoneAt) issued.push(...(await tx.invoices.ofRun(run.id)));
    issued.sort((a, b) => (a.chainSeq ?? Number.MAX_SAFE_INTEGER) - (b.chainSeq ?? Number.MAX_SAFE_INTEGER));
    const invoices = new ChainWalker(INVOICE_MUTABLE_FIELDS);
    const walked = new Map<number, { ref: string; hash: string }>();
    // Issued invoices are chained from the first one on: a missing hash is a break, not a legacy record.
    for (const inv of issued) {
      const problem = typeof inv.hash === "string" ? invoices.next(inv as unknown as Record<string, unknown>) : { reason: "hash_missing" as const };
      if (problem && !breaks.some((b) => b.chain === "invoices")) breaks.push({ chain: "invoices", record: inv.invoiceRef, problem });
      walked.set(invoices.records, { ref: inv.invoiceRef, hash: invoices.headHash });
    }
    // Every head an issue recorded must still be on the chain: removing the last issued invoices
    // and resetting the stored head together still shows, as long as the audit log was not cut too.
    for (const { auditSeq, head } of recorded) {
      if (breaks.some((b) => b.chain === "invoices")) break;
      const at = walked.get(head.seq);
      if (at?.hash !== head.hash) breaks.push({ chain: "invoices", record: at?.ref ?? `#${head.seq}`, problem: { reason: "head_mismatch", expected: head.hash, found: at?.hash ?? "", auditSeq } });
    }
    const head = (await tx.settings.getRaw(INVOICE_CHAIN_KEY)) as InvoiceChainHead | undefined;
    if (!breaks.some((b) => b.chain === "invoices") && (head?.hash ?? "") !== invoices.headHash) {
      breaks.push({ chain: "invoices", record: issued.at(-1)?.invoiceRef ?? "-", problem: { reason: "head_mismatch", expected: head?.hash ?? "", found: invoices.headHash } });
    }
    const { firstBreak: ledgerBreak, ...ledger } = await verifyLedger(tx, runs, issued);
    if (ledgerBreak) breaks.push({ chain: "ledger", ...ledgerBreak });
    const heads: ChainHeads = { auditLog: { count: audit.records, lastSeq, hash: audit.headHash }, invoices: { count: issued.length, hash: invoices.headHash } };
    return { auditEntries: audit.records, issuedInvoices: issued.length, ledger, firstBreak: breaks[0] ?? null, breaks, heads };
  });
}
