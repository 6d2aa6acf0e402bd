import type { IsoDate } from "../core/date/iso-date";
import { pushAll } from "../core/array";
import { Issue, Result, hasErrors, ok } from "../core/issues";
import { LinkReportRow, linksReport } from "../core/purchase/links-report";
import { PurchaseContractRecord, PurchaseLink, PurchasePositionVersion, purchaseVersionId } from "../core/purchase/model";
import { LinksPlan, planLinksImport } from "../core/purchase/plan-links-import";
import { PurchasePlan, planPurchaseImport } from "../core/purchase/plan-purchase-import";
import { buildCostIndex } from "../core/purchase/unit-cost";
import { readLinksTable, readPurchaseTable } from "../io/purchase/read-purchase";
import { decodeBytes } from "../io/table/decode";
import { readCsvText } from "../io/table/read-csv";
import type { StoreTx } from "../store/port";
import type { AuditRecord, UndoStep } from "../store/records";
import { AppContext, InputFile, sha256Hex } from "./context";
import { nextBatchId, reserveVersionSeq } from "./numbering";
import { dropUndefined } from "./undo-steps";

/** The rows of the purchaseContracts table split by kind (see core/purchase/model.ts). */
export function splitPurchaseRecords(rows: readonly (PurchaseContractRecord | PurchasePositionVersion)[]): { contracts: Map<string, PurchaseContractRecord>; versions: PurchasePositionVersion[] } {
  const contracts = new Map<string, PurchaseContractRecord>();
  const versions: PurchasePositionVersion[] = [];
  for (const r of rows) {
    if (r.kind === "contract") contracts.set(r.purchaseNo, r);
    else if (r.kind === "position") versions.push(r);
  }
  return { contracts, versions };
}

/** All links (inside the caller's transaction). */
export function loadLinks(tx: StoreTx): Promise<PurchaseLink[]> {
  return tx.links.all();
}

export interface PurchaseImportSummary {
  batchId: string | null;
  contracts: number;
  versions: number;
  /** Of `versions`, how many correct a stored version with the same valid_from (rows marked `correction`). */
  corrections: number;
  unchangedRows: number;
  /** Warnings of the file, then what each correction changes (info issues, old → new). */
  warnings: Issue[];
}

/**
 * Imports a purchase contracts CSV (PRODUCT.md §8 `purchase import`) with the merge rules of
 * `import-master`. Any error imports nothing; the writes, the batch (undoable) and the audit entries
 * happen in one transaction. A row marked as a correction adds an entry that replaces the stored one
 * with its valid_from (audited as `purchase.version.correct` with the replaced entry as before; undoing
 * the batch deletes it, so the replaced entry is in force again).
 */
export async function importPurchase(ctx: AppContext, file: InputFile): Promise<Result<PurchaseImportSummary>> {
  const read = readCsvText(decodeBytes(file.bytes).text, file.name);
  const table = readPurchaseTable(read.table);
  const { rows } = table;
  const issues = pushAll([...read.issues], table.issues);
  if (hasErrors(issues)) return { ok: false, issues };
  const sha256 = await sha256Hex(file.bytes);
  let planned: Result<PurchasePlan> | undefined;
  let batchId: string | null = null;
  await ctx.store.write(async (tx) => {
    const nos = [...new Set(rows.map((r) => r.purchaseNo))];
    const { contracts, versions } = splitPurchaseRecords(await tx.purchase.ofPurchaseNos(nos));
    planned = planPurchaseImport({ contracts, versions, articles: new Map((await tx.articles.all()).map((a) => [a.no, a])) }, rows);
    if (!planned.ok || planned.value.contracts.length + planned.value.versions.length === 0) return;
    const plan = planned.value;
    batchId = await nextBatchId(tx, "purchase");
    const firstSeq = await reserveVersionSeq(tx, plan.versions.length);
    const created: PurchasePositionVersion[] = plan.versions.map(({ version }, i) => {
      const v = { ...version, seq: firstSeq + i, source: batchId! };
      return { ...v, id: purchaseVersionId(v) };
    });
    await tx.purchase.putMany(plan.contracts.map((c) => ({ ...c.after })));
    await tx.purchase.addMany(created.map((v) => ({ ...v })));
    const at = ctx.now();
    const undo: UndoStep[] = [
      ...plan.contracts.map((c) => ({ table: "purchaseContracts" as const, key: c.after.id, before: c.before })),
      ...created.map((v) => ({ table: "purchaseContracts" as const, key: v.id })),
    ];
    await tx.batches.add({ id: batchId, kind: "purchase-import", createdAt: at, files: [{ name: file.name, sha256 }], versionIds: [], details: { purchaseVersionIds: created.map((v) => v.id) }, undo: dropUndefined(undo) });
    const audit: AuditRecord[] = [
      ...plan.contracts.map((c) => ({ at, kind: c.before ? "purchase.update" : "purchase.add", source: batchId!, entity: `purchase:${c.after.purchaseNo}`, before: c.before, after: c.after })),
      // a correction names the entry it replaces (which stays stored) as its before
      ...created.map((v, i) => {
        const corrects = plan.versions[i]!.corrects;
        const entity = `purchase:${v.purchaseNo}/${v.positionNo}`;
        return corrects ? { at, kind: "purchase.version.correct", source: batchId!, entity, before: corrects, after: v } : { at, kind: "purchase.version.add", source: batchId!, entity, after: v };
      }),
    ];
    await tx.audit.append(audit);
  });
  if (!planned) throw new Error("purchase import ended without a plan");
  if (!planned.ok) return { ok: false, issues: table.userColumns(planned.issues) };
  const p = planned.value;
  return ok({ batchId, contracts: p.contracts.length, versions: p.versions.length, corrections: p.versions.filter((v) => v.corrects).length, unchangedRows: p.unchangedRows, warnings: [...issues, ...table.userColumns([...p.warnings, ...p.notes])] });
}

export interface LinksImportSummary {
  batchId: string | null;
  added: number;
  removed: number;
  unchangedRows: number;
  warnings: Issue[];
}

/**
 * Imports a links CSV (PRODUCT.md §8 `links import`): every number must exist, else nothing is
 * imported. One transaction, one undoable batch, audit entries per link.
 */
export async function importLinks(ctx: AppContext, file: InputFile): Promise<Result<LinksImportSummary>> {
  const read = readCsvText(decodeBytes(file.bytes).text, file.name);
  const table = readLinksTable(read.table);
  const { rows } = table;
  const issues = pushAll([...read.issues], table.issues);
  if (hasErrors(issues)) return { ok: false, issues };
  const sha256 = await sha256Hex(file.bytes);
  let planned: Result<LinksPlan> | undefined;
  let batchId: string | null = null;
  await ctx.store.write(async (tx) => {
    const purchaseNos = [...new Set(rows.map((r) => r.purchaseNo))];
    const contractNos = [...new Set(rows.map((r) => r.contractNo))];
    const purchase = splitPurchaseRecords(await tx.purchase.ofPurchaseNos(purchaseNos));
    planned = planLinksImport(
      {
        purchaseContracts: purchase.contracts,
        purchaseVersions: purchase.versions,
        contracts: new Map((await tx.contracts.getMany(contractNos)).filter((c) => c !== undefined).map((c) => [c.no, c])),
        versions: await tx.versions.ofContracts(contractNos),
        links: new Map((await loadLinks(tx)).map((l) => [l.id, l])),
      },
      rows,
    );
    if (!planned.ok || planned.value.added.length + planned.value.removed.length === 0) return;
    const plan = planned.value;
    const id = await nextBatchId(tx, "links");
    batchId = id;
    const added: PurchaseLink[] = plan.added.map(({ link }) => ({ ...link, source: id }));
    await tx.links.addMany(added.map((l) => ({ ...l })));
    await tx.links.deleteMany(plan.removed.map((r) => r.link.id));
    const at = ctx.now();
    const undo: UndoStep[] = [
      ...added.map((l) => ({ table: "purchaseLinks" as const, key: l.id })),
      ...plan.removed.map((r) => ({ table: "purchaseLinks" as const, key: r.link.id, before: r.link })),
    ];
    // A removal is undone by putting the row back: a "before" restores it.
    await tx.batches.add({ id, kind: "links-import", createdAt: at, files: [{ name: file.name, sha256 }], versionIds: [], details: { added: added.map((l) => l.id), removed: plan.removed.map((r) => r.link.id) }, undo: dropUndefined(undo) });
    await tx.audit.append([
      ...added.map((l) => ({ at, kind: "purchase.link.add", source: id, entity: `link:${l.id}`, after: l })),
      ...plan.removed.map((r) => ({ at, kind: "purchase.link.remove", source: id, entity: `link:${r.link.id}`, before: r.link })),
    ]);
  });
  if (!planned) throw new Error("links import ended without a plan");
  if (!planned.ok) return planned;
  const p = planned.value;
  return ok({ batchId, added: p.added.length, removed: p.removed.length, unchangedRows: p.unchangedRows, warnings: issues });
}

/** The links report on a day (PRODUCT.md §5.6), by purchase position or (`reverse`) by sales position. Reads only. */
export async function purchaseLinksReport(ctx: AppContext, day: IsoDate, reverse = false): Promise<LinkReportRow[]> {
  return ctx.store.read(async (tx) => {
    const purchase = splitPurchaseRecords(await tx.purchase.all());
    return linksReport(
      {
        day,
        customers: new Map((await tx.customers.all()).map((c) => [c.no, c])),
        articles: new Map((await tx.articles.all()).map((a) => [a.no, a])),
        contracts: new Map((await tx.contracts.all()).map((c) => [c.no, c])),
        versions: await tx.versions.all(),
        purchaseContracts: purchase.contracts,
        costs: buildCostIndex(await loadLinks(tx), purchase.versions),
      },
      reverse,
    );
  });
}
