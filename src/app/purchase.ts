import type { IsoDate } from "../core/date/iso-date";
import { Issue, Result, hasErrors, ok } from "../core/issues";
import { LinkReportRow, linksReport } from "../core/purchase/links-report";
import { PurchaseContractRecord, PurchaseLink, PurchasePositionVersion, purchaseVersionId } from "../core/purchase/model";
import { LinksPlan, planLinksImport } from "../core/purchase/plan-links-import";
import { PurchasePlan, planPurchaseImport } from "../core/purchase/plan-purchase-import";
import { buildCostIndex } from "../core/purchase/unit-cost";
import { readLinksTable, readPurchaseTable } from "../io/purchase/read-purchase";
import { decodeBytes } from "../io/table/decode";
import { readCsvText } from "../io/table/read-csv";
import { appendAudit } from "../store/audit";
import { reserveNumbers } from "../store/counters";
import type { MspDb } from "../store/db";
import type { AuditRecord, KeyedRecord, UndoStep } from "../store/records";
import { AppContext, InputFile, sha256Hex } from "./context";
import { dropUndefined } from "./undo-batch";

/** The rows of the purchaseContracts table split by kind (see core/purchase/model.ts). */
export function splitPurchaseRecords(rows: readonly KeyedRecord[]): { contracts: Map<string, PurchaseContractRecord>; versions: PurchasePositionVersion[] } {
  const contracts = new Map<string, PurchaseContractRecord>();
  const versions: PurchasePositionVersion[] = [];
  for (const r of rows) {
    if (r.kind === "contract") contracts.set(String(r.purchaseNo), r as unknown as PurchaseContractRecord);
    else if (r.kind === "position") versions.push(r as unknown as PurchasePositionVersion);
  }
  return { contracts, versions };
}

/** All links (call inside a transaction that includes purchaseLinks, or alone). */
export async function loadLinks(db: MspDb): Promise<PurchaseLink[]> {
  return (await db.purchaseLinks.toArray()) as unknown as PurchaseLink[];
}

export interface PurchaseImportSummary {
  batchId: string | null;
  contracts: number;
  versions: number;
  unchangedRows: number;
  warnings: Issue[];
}

/**
 * Imports a purchase contracts CSV (PRODUCT.md §8 `purchase import`) with the merge rules of
 * `import-master`. Any error imports nothing; the writes, the batch (undoable) and the audit entries
 * happen in one transaction.
 */
export async function importPurchase(ctx: AppContext, file: InputFile): Promise<Result<PurchaseImportSummary>> {
  const read = readCsvText(decodeBytes(file.bytes).text, file.name);
  const { rows, issues } = readPurchaseTable(read.table);
  issues.unshift(...read.issues);
  if (hasErrors(issues)) return { ok: false, issues };
  const sha256 = await sha256Hex(file.bytes);
  const { db } = ctx;
  let planned: Result<PurchasePlan> | undefined;
  let batchId: string | null = null;
  await db.transaction("rw", [db.purchaseContracts, db.articles, db.importBatches, db.auditLog, db.settings], async () => {
    const nos = [...new Set(rows.map((r) => r.purchaseNo))];
    const { contracts, versions } = splitPurchaseRecords(await db.purchaseContracts.where("purchaseNo").anyOf(nos).toArray());
    planned = planPurchaseImport({ contracts, versions, articles: new Map((await db.articles.toArray()).map((a) => [a.no, a])) }, rows);
    if (!planned.ok || planned.value.contracts.length + planned.value.versions.length === 0) return;
    const plan = planned.value;
    batchId = `purchase-${String(await reserveNumbers(db, "batch")).padStart(5, "0")}`;
    const firstSeq = await reserveNumbers(db, "versionSeq", plan.versions.length);
    const created: PurchasePositionVersion[] = plan.versions.map(({ version }, i) => {
      const v = { ...version, seq: firstSeq + i, source: batchId! };
      return { ...v, id: purchaseVersionId(v) };
    });
    await db.purchaseContracts.bulkPut(plan.contracts.map((c) => ({ ...c.after })));
    await db.purchaseContracts.bulkAdd(created.map((v) => ({ ...v })));
    const at = ctx.now();
    const undo: UndoStep[] = [
      ...plan.contracts.map((c) => ({ table: "purchaseContracts" as const, key: c.after.id, before: c.before })),
      ...created.map((v) => ({ table: "purchaseContracts" as const, key: v.id })),
    ];
    await db.importBatches.add({ id: batchId, kind: "purchase-import", createdAt: at, files: [{ name: file.name, sha256 }], versionIds: [], details: { purchaseVersionIds: created.map((v) => v.id) }, undo: dropUndefined(undo) });
    const audit: AuditRecord[] = [
      ...plan.contracts.map((c) => ({ at, kind: c.before ? "purchase.update" : "purchase.add", source: batchId!, entity: `purchase:${c.after.purchaseNo}`, before: c.before, after: c.after })),
      ...created.map((v) => ({ at, kind: "purchase.version.add", source: batchId!, entity: `purchase:${v.purchaseNo}/${v.positionNo}`, after: v })),
    ];
    await appendAudit(db, audit);
  });
  if (!planned) throw new Error("purchase import ended without a plan");
  if (!planned.ok) return planned;
  const p = planned.value;
  return ok({ batchId, contracts: p.contracts.length, versions: p.versions.length, unchangedRows: p.unchangedRows, warnings: [...issues, ...p.warnings] });
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
  const { rows, issues } = readLinksTable(read.table);
  issues.unshift(...read.issues);
  if (hasErrors(issues)) return { ok: false, issues };
  const sha256 = await sha256Hex(file.bytes);
  const { db } = ctx;
  let planned: Result<LinksPlan> | undefined;
  let batchId: string | null = null;
  await db.transaction("rw", [db.purchaseContracts, db.purchaseLinks, db.contracts, db.contractVersions, db.importBatches, db.auditLog, db.settings], async () => {
    const purchaseNos = [...new Set(rows.map((r) => r.purchaseNo))];
    const contractNos = [...new Set(rows.map((r) => r.contractNo))];
    const purchase = splitPurchaseRecords(await db.purchaseContracts.where("purchaseNo").anyOf(purchaseNos).toArray());
    planned = planLinksImport(
      {
        purchaseContracts: purchase.contracts,
        purchaseVersions: purchase.versions,
        contracts: new Map((await db.contracts.bulkGet(contractNos)).filter((c) => c !== undefined).map((c) => [c.no, c])),
        versions: await db.contractVersions.where("contractNo").anyOf(contractNos).toArray(),
        links: new Map((await loadLinks(db)).map((l) => [l.id, l])),
      },
      rows,
    );
    if (!planned.ok || planned.value.added.length + planned.value.removed.length === 0) return;
    const plan = planned.value;
    const id = `links-${String(await reserveNumbers(db, "batch")).padStart(5, "0")}`;
    batchId = id;
    const added: PurchaseLink[] = plan.added.map(({ link }) => ({ ...link, source: id }));
    await db.purchaseLinks.bulkAdd(added.map((l) => ({ ...l })));
    await db.purchaseLinks.bulkDelete(plan.removed.map((r) => r.link.id));
    const at = ctx.now();
    const undo: UndoStep[] = [
      ...added.map((l) => ({ table: "purchaseLinks" as const, key: l.id })),
      ...plan.removed.map((r) => ({ table: "purchaseLinks" as const, key: r.link.id, before: r.link })),
    ];
    // A removal is undone by putting the row back: a "before" restores it.
    await db.importBatches.add({ id, kind: "links-import", createdAt: at, files: [{ name: file.name, sha256 }], versionIds: [], details: { added: added.map((l) => l.id), removed: plan.removed.map((r) => r.link.id) }, undo: dropUndefined(undo) });
    await appendAudit(db, [
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
  const { db } = ctx;
  return db.transaction("r", [db.customers, db.articles, db.contracts, db.contractVersions, db.purchaseContracts, db.purchaseLinks], async () => {
    const purchase = splitPurchaseRecords(await db.purchaseContracts.toArray());
    return linksReport(
      {
        day,
        customers: new Map((await db.customers.toArray()).map((c) => [c.no, c])),
        articles: new Map((await db.articles.toArray()).map((a) => [a.no, a])),
        contracts: new Map((await db.contracts.toArray()).map((c) => [c.no, c])),
        versions: await db.contractVersions.toArray(),
        purchaseContracts: purchase.contracts,
        costs: buildCostIndex(await loadLinks(db), purchase.versions),
      },
      reverse,
    );
  });
}
