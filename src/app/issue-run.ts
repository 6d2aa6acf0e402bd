import { Result, fail, issue, ok } from "../core/issues";
import { COMPANY_SETTINGS_KEY, validateCompanyInfo, type CompanyInfo } from "../io/export/documents/company";
import type { StoreTx } from "../store/port";
import { CHAIN_START, sealRecord } from "../core/integrity/hash-chain";
import { invoiceKey, ledgerDigest } from "../core/integrity/ledger-digest";
import type { LedgerEntry } from "../core/billing/ledger";
import { INVOICE_CHAIN_KEY } from "../store/chain-heads";
import type { RunRecord, StoredInvoice } from "../store/records";
import type { AppContext } from "./context";
import { debitTermsIn } from "./debit-of-invoices";
import type { IssuedParties } from "../io/export/documents/issued-parties";

/** What issued a run: the explicit `finalize`, or the first export, printed document or e-invoice of it. */
export type IssueReason = "finalize" | "export" | "documents" | "einvoice" | "cancellation";

/**
 * Issues (festschreiben) a billing run inside the caller's transaction: from now on its invoices are
 * immutable (undo is refused; the way back is a cancellation). Earlier runs still in draft are
 * issued with it. Issuing an issued run again changes nothing, so every export path can call it.
 * Returns the run as stored, or a failure for an unknown or undone run.
 */
export async function issueRun(tx: StoreTx, runId: string, reason: IssueReason, at: string, seller?: CompanyInfo): Promise<Result<RunRecord>> {
  const run = await tx.runs.get(runId);
  if (!run || run.undoneAt) return fail(issue("billing.finalize_unknown_run", { run: runId }));
  if (run.issuedAt) return ok(run);
  // Earlier drafts are issued first: their numbers come before this run's (no gap, chain in number
  // order), and they could not be undone any more once a later run exists.
  // The seller every invoice issued now keeps: read once for this run and the earlier drafts.
  const company = seller ?? (await savedCompany(tx));
  const earlier = (await tx.runs.all()).filter((r) => !r.issuedAt && !r.undoneAt && r.id !== runId && (r.createdAt < run.createdAt || (r.createdAt === run.createdAt && r.id < run.id)));
  for (const r of earlier.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id.localeCompare(b.id)))) await issueOne(tx, r, reason, at, company);
  return ok(await issueOne(tx, run, reason, at, company));
}

async function issueOne(tx: StoreTx, run: RunRecord, reason: IssueReason, at: string, seller?: CompanyInfo): Promise<RunRecord> {
  const runId = run.id;
  const issued: RunRecord = { ...run, issuedAt: at, issuedBy: reason };
  await tx.runs.put(issued);
  await tx.invoices.putMany(await sealInvoices(tx, await tx.invoices.ofRun(runId), seller));
  // The invoice chain's head goes into the audit chain: cutting issued invoices then breaks both.
  const chainHead = (await tx.settings.getRaw(INVOICE_CHAIN_KEY)) as InvoiceChainHead | undefined;
  await tx.audit.append([{ at, kind: "billing.run.issue", source: runId, entity: `run:${runId}`, after: { issuedAt: at, issuedBy: reason, invoiceRefs: run.invoiceRefs, ...(chainHead ? { chainHead } : {}) } }]);
  return issued;
}

/**
 * Issues a run in its own transaction (CLI `finalize`, the pane's Festschreiben, and exports).
 * `seller`: the company data the issuing file was made with when not the saved one (`--company`).
 */
export function finalizeRun(ctx: AppContext, runId: string, reason: IssueReason = "finalize", seller?: CompanyInfo): Promise<Result<RunRecord>> {
  return ctx.store.write((tx) => issueRun(tx, runId, reason, ctx.now(), seller));
}

/** Fields of an issued invoice that may change later (lifecycle marks), left out of its hash. */
export const INVOICE_MUTABLE_FIELDS = ["cancelledBy"] as const;

/** Where the chain of issued invoices ends: its length and last hash (a setting, so no table is needed). */
export { INVOICE_CHAIN_KEY };

export interface InvoiceChainHead {
  seq: number;
  hash: string;
}

/**
 * Chains invoices as they are issued (GoBD tamper evidence): each gets the seller's and buyer's data
 * of now (`issuedParties`: `seller`, else the saved company data, the customer record, and its direct
 * debit mandate or null when it pays otherwise), the digest of its ledger entries as stored now
 * (`ledgerHash`: the entries of its run with its number; the caller stores them first), the next
 * `chainSeq`, the previous issued invoice's hash as `prevHash` and its own `hash` over all of it, so
 * a reprint or an e-invoice made later says what the issued invoice said. Returns the sealed
 * invoices for the caller to store; the chain head moves in the same transaction.
 */
export async function sealInvoices(tx: StoreTx, invoices: readonly StoredInvoice[], seller?: CompanyInfo): Promise<StoredInvoice[]> {
  const head = ((await tx.settings.getRaw(INVOICE_CHAIN_KEY)) as InvoiceChainHead | undefined) ?? { seq: 0, hash: CHAIN_START };
  let { seq, hash } = head;
  const company = seller ?? (invoices.length > 0 ? await savedCompany(tx) : undefined);
  const nos = [...new Set(invoices.map((i) => i.customerNo))];
  const customers = new Map((await tx.customers.getMany(nos)).flatMap((c) => (c ? [[c.no, c] as const] : [])));
  const debit = await debitTermsIn(tx, nos);
  const ledger = await ledgerOfInvoices(tx, invoices);
  const out = invoices.map((inv) => {
    const buyer = customers.get(inv.customerNo);
    const issuedParties: IssuedParties = { ...(company ? { seller: company } : {}), ...(buyer ? { buyer } : {}), directDebit: debit.get(inv.customerNo) ?? null };
    const withParties = { ...inv, issuedParties, ledgerHash: ledgerDigest(ledger.get(invoiceKey(inv)) ?? []) };
    const sealed = sealRecord({ ...withParties, chainSeq: ++seq }, hash, INVOICE_MUTABLE_FIELDS);
    hash = sealed.hash;
    return sealed;
  });
  if (out.length > 0) await tx.settings.putRaw(INVOICE_CHAIN_KEY, { seq, hash } satisfies InvoiceChainHead);
  return out;
}

/** The stored ledger entries of the invoices' runs, by invoice ({@link invoiceKey}). */
async function ledgerOfInvoices(tx: StoreTx, invoices: readonly StoredInvoice[]): Promise<Map<string, LedgerEntry[]>> {
  const out = new Map<string, LedgerEntry[]>();
  for (const runId of new Set(invoices.map((i) => i.runId))) for (const e of await tx.ledger.ofRun(runId)) out.get(invoiceKey(e))?.push(e) ?? out.set(invoiceKey(e), [e]);
  return out;
}

/** The saved company data, undefined when none is saved or it no longer passes its checks (then nothing of it is kept). */
async function savedCompany(tx: StoreTx): Promise<CompanyInfo | undefined> {
  const raw = await tx.settings.get(COMPANY_SETTINGS_KEY);
  if (raw === undefined) return undefined;
  const checked = validateCompanyInfo(raw);
  return checked.ok ? checked.value : undefined;
}
