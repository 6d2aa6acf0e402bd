import { CONTRACT_TYPES } from "../core/contract/model";
import { BILLING_INTERVALS, BILLING_MODES } from "../core/date/billing-period";
import { isIsoDate } from "../core/date/iso-date";
import { lastDayOf, monthOf, parseIsoMonth } from "../core/date/iso-month";
import { type Issue, issue } from "../core/issues";
import { ChainWalker } from "../core/integrity/hash-chain";
import { digestOfHashes, invoiceKey, ledgerEntryHash } from "../core/integrity/ledger-digest";
import { type ChainHead, type ChainHeads, INVOICE_CHAIN_KEY } from "./chain-heads";
import { TABLES, type ColumnSpec, type TableName, type TableSpec, rowKey } from "./tables";

const DECIMAL = /^-?\d{1,15}(\.\d{1,20})?$/;
const MAX_ISSUES = 50;
/** Fields of an issued invoice outside its hash (keep equal to INVOICE_MUTABLE_FIELDS in app/issue-run.ts). */
const INVOICE_MUTABLE_FIELDS = ["cancelledBy"];

/**
 * Checks the rows of a backup as an import would check them, before anything is restored: every
 * declared field has its type (decimal strings, real dates, integers), keys are present and unique,
 * references point at rows restored before them (a version's contract, a contract's customer, a
 * ledger entry's run), contract intervals, modes and types are known, and each counter lies past the
 * numbers already used (so no invoice, run or batch number is handed out twice). Issues name the
 * table, the row (1-based, in the order of the document) and the field.
 */
export class BackupChecker {
  private readonly issues: Issue[] = [];
  private readonly keys = new Map<TableName, Set<string | number>>();
  private readonly maxUsed = new Map<string, number>();
  private readonly counters = new Map<string, number>();
  /** Tamper evidence: the audit log is walked as it comes (in seq order), issued invoices at the end in chain order. */
  private readonly audit: { rowNo: number; row: Record<string, unknown> }[] = [];
  private readonly sealedInvoices: { rowNo: number; row: Record<string, unknown> }[] = [];
  /** Each ledger entry's id and hash, by its run and invoice: an issued invoice's entries must give its `ledgerHash`. */
  private readonly ledger = new Map<string, [string, string][]>();
  /** The backup's own record of the invoice chain head (setting `integrity:invoiceChain`). */
  private invoiceHeadSetting: { seq: number; hash: string } | null = null;

  constructor(private readonly source: string) {}

  failed(): boolean {
    return this.issues.length > 0;
  }

  row(table: TableName, row: Record<string, unknown>, rowNo: number): void {
    if (this.issues.length >= MAX_ISSUES) return;
    const spec: TableSpec = TABLES[table];
    for (const c of spec.columns) if (!c.derive) this.checkColumn(table, c, row[c.field], rowNo);
    let key: string | number | undefined;
    try {
      key = rowKey(table, row);
    } catch {
      key = undefined;
    }
    if (key === undefined || key === null || key === "") return this.bad(table, rowNo, spec.key, "the key is missing");
    const seen = this.keys.get(table) ?? new Set();
    this.keys.set(table, seen);
    if (seen.has(key)) return this.bad(table, rowNo, spec.key, `the key ${JSON.stringify(key)} appears twice`);
    seen.add(key);
    if (table === "auditLog") this.audit.push({ rowNo, row });
    if (table === "invoices" && typeof row.hash === "string") this.sealedInvoices.push({ rowNo, row });
    if (table === "ledger") {
      const k = invoiceKey(row);
      const pair: [string, string] = [String(row.id), ledgerEntryHash(row)];
      this.ledger.get(k)?.push(pair) ?? this.ledger.set(k, [pair]);
    }
    if (table === "settings" && row.key === INVOICE_CHAIN_KEY) {
      const v = row.value as { seq?: unknown; hash?: unknown } | null;
      if (v && typeof v.seq === "number" && typeof v.hash === "string") this.invoiceHeadSetting = { seq: v.seq, hash: v.hash };
    }
    this.checkDomain(table, row, rowNo);
  }

  /**
   * Cross-table checks after the last row; returns every issue found. `heads`: where the header says
   * the chains ended when the backup was taken (backups of earlier versions have none).
   */
  finish(heads?: ChainHeads): Issue[] {
    const audit = this.audit.sort((a, b) => Number(a.row.seq) - Number(b.row.seq));
    const invoices = this.sealedInvoices.sort((a, b) => Number(a.row.chainSeq) - Number(b.row.chainSeq));
    const auditHead = this.checkChain("auditLog", audit, [], "seq");
    const invoiceHead = this.checkChain("invoices", invoices, INVOICE_MUTABLE_FIELDS, "invoiceRef");
    if (invoiceHead !== null) this.checkLedger(invoices);
    // A backup cut after its last records still chains; it no longer ends where it said (or where the
    // store's own invoice head setting says).
    if (auditHead !== null && heads) this.checkHead("auditLog", "seq", audit, auditHead, heads.auditLog);
    if (invoiceHead !== null) {
      if (heads) this.checkHead("invoices", "invoiceRef", invoices, invoiceHead, heads.invoices);
      const setting = this.invoiceHeadSetting;
      if (setting && !this.issues.some((i) => i.code === "backup.chain_cut") && (setting.seq !== invoices.length || setting.hash !== invoiceHead)) {
        const last = invoices.at(-1)?.row.invoiceRef;
        this.issues.push(issue("backup.chain_cut", { chain: "invoices", declared: `${setting.seq} · ${setting.hash.slice(0, 12) || "-"}`, found: `${invoices.length} · ${invoiceHead.slice(0, 12) || "-"}`, last: String(last ?? "-"), where: INVOICE_CHAIN_KEY }, { source: this.source }));
      }
    }
    for (const [name, used] of this.maxUsed) {
      const next = this.counters.get(name);
      if (next === undefined || next <= used) {
        this.issues.push(issue("backup.row_invalid", { table: "counters", row: "-", field: name, detail: `the next number is ${next ?? "missing"}, but ${used} is already used` }, { source: this.source, column: name }));
      }
    }
    return this.issues;
  }

  /**
   * A restore of a tampered backup is refused: the first record whose hash or link does not verify is
   * named. Returns the chain's head hash, or null when it is broken.
   */
  private checkChain(table: TableName, rows: readonly { rowNo: number; row: Record<string, unknown> }[], mutable: readonly string[], idField: string): string | null {
    const walker = new ChainWalker(mutable);
    for (const r of rows) {
      const problem = walker.next(r.row);
      if (problem) {
        const detail = `the hash chain is broken here (${problem.reason}): the record ${idField} ${String(r.row[idField])} was changed, or one before it was removed`;
        this.issues.push(issue("backup.row_invalid", { table, row: r.rowNo, field: "hash", detail }, { source: this.source, row: r.rowNo, column: "hash" }));
        return null;
      }
    }
    return walker.headHash;
  }

  /**
   * Every issued invoice that keeps a ledger digest (`ledgerHash`, covered by its hash) must find it
   * in the backup's ledger: an entry edited, added or removed refuses the restore, naming the first
   * such invoice in issue order.
   */
  private checkLedger(invoices: readonly { rowNo: number; row: Record<string, unknown> }[]): void {
    for (const { rowNo, row } of invoices) {
      if (typeof row.ledgerHash !== "string") continue;
      const found = digestOfHashes(this.ledger.get(invoiceKey(row)) ?? []);
      if (found === row.ledgerHash) continue;
      this.issues.push(issue("backup.ledger_changed", { invoice: String(row.invoiceRef), expected: row.ledgerHash.slice(0, 12), found: found.slice(0, 12) }, { source: this.source, row: rowNo, column: "ledgerHash" }));
      return;
    }
  }

  /** The chain must end where the header says: as many records, the last one with the declared hash. */
  private checkHead(chain: "auditLog" | "invoices", idField: string, rows: readonly { row: Record<string, unknown> }[], found: string, declared: ChainHead): void {
    const lastHash = rows.at(-1)?.row.hash;
    // Entries written before the chain existed carry no hash: then only the count is compared.
    const hashDiffers = declared.hash !== "" && typeof lastHash === "string" && declared.hash !== found;
    if (rows.length === declared.count && !hashDiffers) return;
    const last = rows.at(-1)?.row[idField];
    this.issues.push(
      issue("backup.chain_cut", { chain, declared: `${declared.count} · ${declared.hash.slice(0, 12) || "-"}`, found: `${rows.length} · ${found.slice(0, 12) || "-"}`, last: String(last ?? "-"), where: "chainHeads" }, { source: this.source }),
    );
  }

  private checkColumn(table: TableName, c: ColumnSpec, v: unknown, rowNo: number): void {
    if (v === undefined || v === null) {
      if (!c.optional) this.bad(table, rowNo, c.field, "is missing");
      return;
    }
    const problem =
      c.type === "text" ? (typeof v !== "string" ? "must be text" : v.includes("\u0000") ? "contains a NUL character" : null)
      : c.type === "numeric" ? (typeof v !== "string" || !DECIMAL.test(v) ? `must be a decimal number as text (at most 15 digits before and 20 after the point), not ${JSON.stringify(v)}` : null)
      : c.type === "date" ? (typeof v !== "string" || !isIsoDate(v) ? `must be a date YYYY-MM-DD, not ${JSON.stringify(v)}` : null)
      : c.type === "int" || c.type === "bigint" ? (typeof v !== "number" || !Number.isSafeInteger(v) ? `must be a whole number, not ${JSON.stringify(v)}` : null)
      : c.type === "bool" ? (typeof v !== "boolean" ? "must be true or false" : null)
      : null;
    if (problem) this.bad(table, rowNo, c.field, problem);
  }

  private checkDomain(table: TableName, row: Record<string, unknown>, rowNo: number): void {
    const has = (t: TableName, key: unknown) => this.keys.get(t)?.has(key as string) ?? false;
    const ref = (field: string, t: TableName) => {
      if (row[field] !== undefined && !has(t, row[field])) this.bad(table, rowNo, field, `names ${JSON.stringify(row[field])}, which the backup's ${t} do not hold`);
    };
    const month = (field: string) => {
      if (typeof row[field] !== "string" || parseIsoMonth(row[field] as string) === null) this.bad(table, rowNo, field, `must be a month YYYY-MM, not ${JSON.stringify(row[field])}`);
    };
    const used = (counter: string, value: unknown, pattern: RegExp) => {
      const m = typeof value === "string" ? pattern.exec(value) : typeof value === "number" ? [String(value), String(value)] : null;
      if (m) this.maxUsed.set(counter, Math.max(this.maxUsed.get(counter) ?? 0, Number(m[1])));
    };
    switch (table) {
      case "contracts":
        ref("customerNo", "customers");
        if (!(BILLING_INTERVALS as readonly unknown[]).includes(row.interval)) this.bad(table, rowNo, "interval", `must be one of ${BILLING_INTERVALS.join(", ")}, not ${JSON.stringify(row.interval)}`);
        if (!(BILLING_MODES as readonly unknown[]).includes(row.mode)) this.bad(table, rowNo, "mode", `must be one of ${BILLING_MODES.join(", ")}, not ${JSON.stringify(row.mode)}`);
        if (!(CONTRACT_TYPES as readonly unknown[]).includes(row.type)) this.bad(table, rowNo, "type", `must be one of ${CONTRACT_TYPES.join(", ")}, not ${JSON.stringify(row.type)}`);
        if (typeof row.end === "string" && typeof row.start === "string" && row.end < row.start) this.bad(table, rowNo, "end", "lies before the start");
        if (row.billedUntil !== undefined && (typeof row.billedUntil !== "string" || !isIsoDate(row.billedUntil) || lastDayOf(monthOf(row.billedUntil)) !== row.billedUntil)) this.bad(table, rowNo, "billedUntil", `must be the last day of a month YYYY-MM-DD, not ${JSON.stringify(row.billedUntil)}`);
        break;
      case "contractVersions":
        ref("contractNo", "contracts");
        if (typeof row.positionNo === "number" && row.positionNo < 1) this.bad(table, rowNo, "positionNo", "must be 1 or more");
        used("versionSeq", row.seq, /^(\d+)$/);
        break;
      case "purchaseContracts":
        if (row.kind === "position") used("versionSeq", row.seq, /^(\d+)$/);
        break;
      case "importBatches":
        used("batch", row.id, /-(\d+)$/);
        break;
      case "runs":
        month("month");
        used("run", row.id, /-(\d+)$/);
        break;
      case "invoices":
        ref("runId", "runs");
        used("invoice", row.invoiceRef, /(\d+)$/);
        break;
      case "ledger":
        ref("runId", "runs");
        month("month");
        break;
      case "usageMarks":
        month("month");
        break;
      case "counters":
        if (typeof row.name === "string" && typeof row.value === "number") {
          if (row.value < 1) this.bad(table, rowNo, "value", "must be 1 or more");
          this.counters.set(row.name, row.value);
        }
        break;
      case "timeEntries":
        if (typeof row.minutes === "number" && row.minutes < 0) this.bad(table, rowNo, "minutes", "must not be negative");
        break;
    }
  }

  private bad(table: TableName, row: number, field: string, detail: string): void {
    if (this.issues.length >= MAX_ISSUES) return;
    this.issues.push(issue("backup.row_invalid", { table, row, field, detail }, { source: this.source, row, column: field }));
  }
}
