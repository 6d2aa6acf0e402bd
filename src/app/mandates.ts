import type { IsoDate } from "../core/date/iso-date";
import { Issue, Result, ok } from "../core/issues";
import type { Mandate } from "../core/sepa/mandate";
import type { DebtorSettings, PaymentMethod } from "../core/sepa/plan";
import { type MandateRow as MandateFileRow, readMandatesCsv, readMandatesTable } from "../io/sepa/read-mandates";
import { mandateRows, writeMandatesCsv } from "../io/sepa/write-mandates";
import type { RawTable } from "../io/table/raw-table";
import type { StoreTx } from "../store/port";
import type { AuditRecord, MandateRow, UndoStep } from "../store/records";
import { type AppContext, type InputFile, fileSha256 } from "./context";
import { nextBatchId } from "./numbering";
import { dropUndefined } from "./undo-steps";

/** The object without its undefined fields (rows must come back deep-equal from every store). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export interface ImportMandatesSummary {
  /** Undo with `undo BATCH`; null when nothing changed. */
  batchId: string | null;
  added: number;
  changed: number;
  unchanged: number;
  warnings: Issue[];
}

/**
 * The stored row of a mandate file row: the mandate, plus how the customer pays (`paymentMethod`,
 * `netCredits`, kept as extra fields of the mandate row).
 */
function toStored(r: MandateFileRow, before: MandateRow | undefined): MandateRow {
  const m = r.mandate;
  // What the export wrote into the row (sequence type of the next collection) is kept unless the
  // mandate itself changed.
  const same = before !== undefined && before.mandateRef === m.mandateRef && before.iban === m.iban;
  return compact({
    ...m,
    paymentMethod: r.debtor.paymentMethod,
    ...(r.debtor.netCredits !== undefined ? { netCredits: r.debtor.netCredits } : {}),
    ...(same && before.nextSequenceType !== undefined ? { nextSequenceType: before.nextSequenceType, lastExportedCollection: before.lastExportedCollection } : {}),
  });
}

const canon = (v: unknown): string => JSON.stringify(v, Object.keys((v ?? {}) as object).sort());

/**
 * Imports mandates from a CSV file (or a sheet's table): all or nothing, every problem named by row
 * and column; one undoable batch (`undo BATCH` restores the rows it replaced and removes the new ones),
 * audited in the same transaction. Customers not in the file keep their mandates.
 */
export async function importMandates(ctx: AppContext, file: InputFile | { name: string; table: RawTable }): Promise<Result<ImportMandatesSummary>> {
  const today = ctx.now().slice(0, 10) as IsoDate;
  const read = "table" in file ? readMandatesTable(file.table, today) : readMandatesCsv(file.bytes, file.name, today);
  if (!read.ok) return read;
  const sha256 = "table" in file ? "-" : await fileSha256(file);
  return ctx.store.write(async (tx) => {
    const keys = read.value.map((r) => r.mandate.customerNo);
    const before = await tx.mandates.getMany(keys);
    const rows = read.value.map((r, i) => toStored(r, before[i]));
    const changedIdx = rows.map((_, i) => i).filter((i) => before[i] === undefined || canon(before[i]) !== canon(rows[i]));
    const summary: ImportMandatesSummary = {
      batchId: null,
      added: changedIdx.filter((i) => before[i] === undefined).length,
      changed: changedIdx.filter((i) => before[i] !== undefined).length,
      unchanged: rows.length - changedIdx.length,
      warnings: [],
    };
    if (changedIdx.length === 0) return ok(summary);
    const at = ctx.now();
    const batchId = await nextBatchId(tx, "mandates");
    await tx.mandates.putMany(changedIdx.map((i) => rows[i]!));
    const undo: UndoStep[] = dropUndefined(changedIdx.map((i) => ({ table: "mandates" as const, key: rows[i]!.customerNo, before: before[i] })));
    await tx.batches.add({ id: batchId, kind: "import-mandates", createdAt: at, files: [{ name: file.name, sha256 }], versionIds: [], details: { added: summary.added, changed: summary.changed }, undo });
    const audit: AuditRecord[] = changedIdx.map((i) => ({ at, kind: before[i] ? "mandate.update" : "mandate.add", source: batchId, entity: `mandate:${rows[i]!.customerNo}`, before: before[i], after: rows[i] }));
    await tx.audit.append(audit);
    return ok({ ...summary, batchId });
  });
}

/** A stored mandate row as the core's mandate (without the extra fields). */
export function mandateOfRow(row: MandateRow): Mandate {
  const { customerNo, mandateRef, signatureDate, iban, bic, scheme, debtorName, lastCollectionDate, amendments, revokedOn } = row;
  return compact({ customerNo, mandateRef, signatureDate, iban, bic, scheme, debtorName, lastCollectionDate, amendments, revokedOn }) as Mandate;
}

/** How the customer of a stored mandate row pays (`direct_debit` unless the row says otherwise). */
export function debtorOfRow(row: MandateRow): DebtorSettings {
  const method: PaymentMethod = row.paymentMethod === "transfer" ? "transfer" : "direct_debit";
  return { paymentMethod: method, ...(typeof row.netCredits === "boolean" ? { netCredits: row.netCredits } : {}) };
}

/** Every stored mandate and the customers' payment settings. */
export async function mandatesIn(tx: StoreTx): Promise<{ mandates: Mandate[]; debtors: Map<string, DebtorSettings>; rows: MandateRow[] }> {
  const rows = await tx.mandates.all();
  return { rows, mandates: rows.map(mandateOfRow), debtors: new Map(rows.map((r) => [r.customerNo, debtorOfRow(r)])) };
}

/** The mandates as CSV (the import's columns; reading it back changes nothing). */
export async function exportMandatesCsv(ctx: AppContext): Promise<{ csv: string; count: number }> {
  return ctx.store.read(async (tx) => {
    const { mandates, debtors } = await mandatesIn(tx);
    return { csv: writeMandatesCsv(mandates, debtors), count: mandates.length };
  });
}

/** The mandates as sheet rows with a header (for the pane's mandates sheet). */
export async function mandateSheetRows(ctx: AppContext): Promise<string[][]> {
  return ctx.store.read(async (tx) => {
    const { mandates, debtors } = await mandatesIn(tx);
    return mandateRows(mandates, debtors);
  });
}
