import { Issue, issue } from "../core/issues";
import { auditHash } from "../store/chain-heads";
import type { StoreTx } from "../store/port";
import type { AuditRecord, StoredInvoice } from "../store/records";

interface LiveInvoice {
  hash: string;
  chainSeq: number;
  customer: string;
  date: string;
  amount: string;
}

/**
 * What a restore must not lose (GoBD; README "Issued invoices"): every issued invoice and every audit
 * entry of the live store. Built from the live store before anything is replaced, then fed the
 * backup's invoices and audit entries (whole, or batch by batch while a backup streams in):
 *
 * - An issued invoice of the store that the backup lacks, or holds with other content, refuses the
 *   restore, naming the first one in issue order: restoring would delete it and hand its number out
 *   again. There is no override.
 * - Audit logs: where the backup's log and the store's agree entry for entry, the longer one is kept —
 *   a backup older than the store's log gets the store's later entries (and the restore's own entry)
 *   after its own, so rolling the data back never rolls the log back. A backup whose entry differs
 *   from the store's entry of the same number comes from another store and is refused.
 */
export class RestoreGuard {
  private readonly backupInvoices = new Map<string, string | undefined>();
  private readonly matched = new Set<number>();
  private divergence: Issue | null = null;

  private constructor(
    private readonly liveInvoices: Map<string, LiveInvoice>,
    private readonly liveAudit: Map<number, { hash: string; at: string; kind: string }>,
  ) {}

  /** Reads the live store's issued invoices and audit log (seq, hash) inside the restore's transaction. */
  static async read(tx: StoreTx): Promise<RestoreGuard> {
    const invoices = new Map<string, LiveInvoice>();
    for (const run of await tx.runs.all()) {
      if (!run.issuedAt || run.undoneAt) continue;
      for (const inv of (await tx.invoices.ofRun(run.id)) as StoredInvoice[]) {
        if (typeof inv.hash === "string") invoices.set(inv.invoiceRef, { hash: inv.hash, chainSeq: inv.chainSeq ?? 0, customer: `${inv.customerNo} ${inv.customerName}`, date: inv.invoiceDate, amount: inv.grossTotal });
      }
    }
    const audit = new Map<number, { hash: string; at: string; kind: string }>();
    await tx.audit.forEach((e: AuditRecord) => {
      if (e.seq !== undefined) audit.set(e.seq, { hash: auditHash(e as unknown as Record<string, unknown>), at: e.at, kind: e.kind });
    });
    return new RestoreGuard(invoices, audit);
  }

  /** Notes the backup's invoices (any batch, any order). */
  invoiceRows(rows: readonly unknown[]): void {
    for (const r of rows as { invoiceRef?: unknown; hash?: unknown }[]) if (typeof r.invoiceRef === "string") this.backupInvoices.set(r.invoiceRef, typeof r.hash === "string" ? r.hash : undefined);
  }

  /** Takes the backup's audit entries and returns those to insert: the ones the store does not hold already. */
  auditRows<T>(rows: readonly T[]): T[] {
    const insert: T[] = [];
    for (const row of rows) {
      const seq = (row as { seq?: unknown }).seq;
      const live = typeof seq === "number" ? this.liveAudit.get(seq) : undefined;
      if (!live) {
        insert.push(row);
        continue;
      }
      if (live.hash === auditHash(row as Record<string, unknown>)) this.matched.add(seq as number);
      else this.divergence ??= issue("restore.audit_diverges", { seq: seq as number, at: live.at, kind: live.kind });
    }
    return insert;
  }

  /** Audit entries of the store that the backup lacked and that stay (known once every row was fed). */
  get auditKept(): number {
    return this.liveAudit.size - this.matched.size;
  }

  /** Why the restore is refused (empty: it may go ahead); call after every row was fed. */
  finish(): Issue[] {
    const out: Issue[] = [];
    const lost = [...this.liveInvoices.entries()].sort((a, b) => a[1].chainSeq - b[1].chainSeq).find(([ref, inv]) => this.backupInvoices.get(ref) !== inv.hash);
    if (lost) {
      const [invoice, inv] = lost;
      const params = { invoice, customer: inv.customer, date: inv.date, amount: inv.amount };
      const found = this.backupInvoices.get(invoice);
      out.push(this.backupInvoices.has(invoice) ? issue("restore.invoice_differs", { ...params, expected: inv.hash.slice(0, 12), found: (found ?? "-").slice(0, 12) }) : issue("restore.loses_invoice", params));
    }
    // A live entry between the backup's entries (a gap on the backup's side) is a divergence too.
    if (!this.divergence && this.matched.size > 0) {
      const top = Math.max(...this.matched);
      const missing = [...this.liveAudit.keys()].filter((seq) => seq < top && !this.matched.has(seq)).sort((a, b) => a - b)[0];
      if (missing !== undefined) {
        const live = this.liveAudit.get(missing)!;
        this.divergence = issue("restore.audit_diverges", { seq: missing, at: live.at, kind: live.kind });
      }
    }
    if (this.divergence) out.push(this.divergence);
    return out;
  }
}
