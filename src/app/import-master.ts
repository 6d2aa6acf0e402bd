import { pushAll } from "../core/array";
import { hasErrors, Issue, Result, ok } from "../core/issues";
import { planMasterImport, type MasterPlan, type MasterSnapshot } from "../core/master/plan-master-import";
import { readMasterTables } from "../io/master/read-master";
import { decodeBytes } from "../io/table/decode";
import { readCsvText } from "../io/table/read-csv";
import type { StoreTx } from "../store/port";
import type { AuditRecord, UndoStep } from "../store/records";
import { dropUndefined } from "./undo-steps";
import { AppContext, InputFile, fileSha256 } from "./context";
import { nextBatchId, reserveVersionSeq } from "./numbering";

export interface ImportMasterSummary {
  batchId: string | null;
  files: { name: string; kind: string }[];
  customers: number;
  articles: number;
  contracts: number;
  versions: number;
  /** Of `versions`, how many correct a stored version with the same valid_from (rows marked `correction`). */
  corrections: number;
  mappings: number;
  unchangedRows: number;
  /** Warnings of the files, then what each correction changes (info issues, old → new). */
  warnings: Issue[];
  /** True for a preview (`dryRun`): nothing was written. */
  dryRun?: boolean;
}

export interface ImportMasterOptions {
  /** Plan only: the summary and notes of what the import would write, and no write. */
  dryRun?: boolean;
}

/**
 * Imports master-data CSV files (contracts, articles, mappings; PRODUCT.md §6.2) with the merge rules
 * of §8. All files are checked first; any error imports nothing. All writes happen in one transaction.
 * A row marked as a correction adds an entry that replaces the stored one with its valid_from
 * (audited as `contract.version.correct` with the replaced entry as before; undoing the batch deletes
 * it, so the replaced entry is in force again). With `dryRun` nothing is written.
 */
export async function importMaster(ctx: AppContext, files: readonly InputFile[], options: ImportMasterOptions = {}): Promise<Result<ImportMasterSummary>> {
  const issues: Issue[] = [];
  const tables = files.map((f) => {
    const read = readCsvText(decodeBytes(f.bytes).text, f.name);
    pushAll(issues, read.issues);
    return read.table;
  });
  const { input, kinds, issues: readIssues, userColumns } = readMasterTables(tables);
  pushAll(issues, readIssues);
  if (hasErrors(issues)) return { ok: false, issues };
  const hashes = await Promise.all(files.map(async (f) => ({ name: f.name, sha256: await fileSha256(f) })));

  const contractNos = [...new Set(input.contracts.map((r) => r.contract.no))];
  let planned: Result<MasterPlan> | undefined;
  let batchId: string | null = null;
  if (options.dryRun) planned = await ctx.store.read(async (tx) => planMasterImport(await snapshotOf(tx, contractNos), input));
  else await ctx.store.write(async (tx) => {
    planned = planMasterImport(await snapshotOf(tx, contractNos), input);
    if (!planned.ok) return;
    const plan = planned.value;
    if (plan.customers.length + plan.articles.length + plan.contracts.length + plan.versions.length + plan.mappings.length === 0) return;
    const at = ctx.now();
    batchId = await nextBatchId(tx, "master");
    const firstSeq = await reserveVersionSeq(tx, plan.versions.length);
    const versions = plan.versions.map(({ version }, i) => ({
      ...version,
      seq: firstSeq + i,
      id: `${version.contractNo}/${version.positionNo}/${version.validFrom}/${firstSeq + i}`,
      source: batchId!,
    }));
    await tx.customers.putMany(plan.customers.map((c) => c.after));
    await tx.articles.putMany(plan.articles.map((c) => c.after));
    await tx.contracts.putMany(plan.contracts.map((c) => c.after));
    await tx.versions.addMany(versions);
    const mappingRows = plan.mappings.map(({ after: m }) => ({ id: `${m.kind}|${m.mappingSource}|${m.externalId}`, kind: m.kind, source: m.mappingSource, externalId: m.externalId, internalNo: m.internalNo, origin: `import:${m.source}` }));
    const mappingBefore = await tx.mappings.getMany(mappingRows.map((m) => m.id));
    await tx.mappings.putMany(mappingRows);
    const undo: UndoStep[] = [
      ...plan.customers.map((c) => ({ table: "customers" as const, key: c.after.no, before: c.before })),
      ...plan.articles.map((c) => ({ table: "articles" as const, key: c.after.no, before: c.before })),
      ...plan.contracts.map((c) => ({ table: "contracts" as const, key: c.after.no, before: c.before })),
      ...versions.map((v) => ({ table: "contractVersions" as const, key: v.id })),
      ...mappingRows.map((m, i) => ({ table: "mappings" as const, key: m.id, before: mappingBefore[i] })),
    ];
    await tx.batches.add({ id: batchId, kind: "import-master", createdAt: at, files: hashes, versionIds: versions.map((v) => v.id), details: { kinds }, undo: dropUndefined(undo) });
    const audit: AuditRecord[] = [
      ...plan.customers.map((c) => ({ at, kind: c.before ? "customer.update" : "customer.add", source: batchId!, entity: `customer:${c.after.no}`, before: c.before, after: c.after })),
      ...plan.articles.map((c) => ({ at, kind: c.before ? "article.update" : "article.add", source: batchId!, entity: `article:${c.after.no}`, before: c.before, after: c.after })),
      ...plan.contracts.map((c) => ({ at, kind: c.before ? "contract.update" : "contract.add", source: batchId!, entity: `contract:${c.after.no}`, before: c.before, after: c.after })),
      // a correction names the entry it replaces (which stays stored) as its before
      ...versions.map((v, i) => {
        const corrects = plan.versions[i]!.corrects;
        return corrects
          ? { at, kind: "contract.version.correct", source: batchId!, entity: `contract:${v.contractNo}/${v.positionNo}`, before: corrects, after: v }
          : { at, kind: "contract.version.add", source: batchId!, entity: `contract:${v.contractNo}/${v.positionNo}`, after: v };
      }),
      // as stored, with the row it replaced (a changed mapping), like apply-review's entries
      ...mappingRows.map((m, i) => ({ at, kind: "mapping.put", source: batchId!, entity: `mapping:${m.kind}:${m.externalId}`, before: mappingBefore[i], after: m })),
    ];
    await tx.audit.append(audit);
  });
  if (!planned) throw new Error("import transaction ended without a plan");
  if (!planned.ok) return { ok: false, issues: userColumns(planned.issues) };
  const p = planned.value;
  return ok({
    batchId,
    files: files.map((f, i) => ({ name: f.name, kind: kinds[i] ?? "unknown" })),
    customers: p.customers.length,
    articles: p.articles.length,
    contracts: p.contracts.length,
    versions: p.versions.length,
    corrections: p.versions.filter((v) => v.corrects).length,
    mappings: p.mappings.length,
    unchangedRows: p.unchangedRows,
    warnings: [...issues, ...userColumns(p.notes)],
    ...(options.dryRun ? { dryRun: true } : {}),
  });
}

async function snapshotOf(tx: StoreTx, contractNos: readonly string[]): Promise<MasterSnapshot> {
  return {
    customers: new Map((await tx.customers.all()).map((c) => [c.no, c])),
    articles: new Map((await tx.articles.all()).map((a) => [a.no, a])),
    contracts: new Map((await tx.contracts.all()).map((c) => [c.no, c])),
    versions: await tx.versions.ofContracts(contractNos),
    mappings: new Map((await tx.mappings.all()).map((m) => [m.id, m.internalNo])),
  };
}
