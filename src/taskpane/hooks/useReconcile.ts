/**
 * State and actions of the Abgleich area (PRODUCT.md §3): read → map → prepare → apply → undo.
 * Everything goes through the app layer (reconcileFiles, applyReview, undoBatch) and the workbook
 * port; this hook only sequences the steps and keeps what the pane shows.
 */
import * as React from "react";
import type { ApplySummary } from "../../app/apply-review";
import { sha256Hex } from "../../app/context";
import type { ReconcileOutcome, VendorFileRead } from "../../app/reconcile";
import type { UndoSummary } from "../../app/undo-batch";
import { applyReview, loadUserProfiles, previewApplyReview, proposeMappings, reconcileFiles, undoBatch } from "../connection/use-cases";
import { firstDayOf, parseIsoMonth, type IsoMonth } from "../../core/date/iso-month";
import { Issue, hasErrors, issue } from "../../core/issues";
import { isCancellationToZero, type ApplyPreview } from "../../core/reconcile/apply-preview";
import type { ReviewDecision } from "../../core/reconcile/plan-apply";
import { readReviewTable } from "../../io/reconcile/review-table";
import { isBlankRow, type RawTable } from "../../io/table/raw-table";
import { useHost } from "../host";
import { useStrings } from "../i18n";
import { flowStrings } from "../i18n/flow";
import { locateIssues } from "../issues";
import { rowsBelowWarning } from "../rows-below";
import type { ParsedVendorFile } from "../parse/vendor-parser";
import { MAPPING_VOCABULARY, mappingSheet, mappingSheetName, readMappingSheet } from "../reconcile/mapping-sheet";
import { findSheetToRead } from "../find-sheet";
import { needsProfile, rereadSources, type RawSource } from "../reconcile/profile-editor-source";
import { defaultMonth, reviewCells, reviewOptions, reviewSheetFor, reviewSheetsIn, sha256OfRows, sourceLabel, unmappedLeftOut } from "../reconcile/review";
import { useTask, type TaskOutcome } from "./useTask";
import { REVIEW_VOCABULARY } from "../../io/reconcile/review-words";

export interface SourceFile {
  name: string;
  sha256: string;
  parsed: ParsedVendorFile;
  /** The file itself while no profile recognises it (for the profile editor and the read after it). */
  raw?: RawSource;
}

export interface MappingWritten {
  sheet: string;
  customers: number;
  articles: number;
  prefilled: number;
}

export interface Applied extends ApplySummary {
  sheet: string;
}

/** A review read back and counted, waiting for the clerk's confirmation (issue 20). */
export interface PendingApply {
  sheet: string;
  decisions: ReviewDecision[];
  /** What applying would really store: a dry run of the apply against the store (local or the team server). */
  preview: ApplyPreview;
  /** The review's "file hash" for the import batch. */
  hash: string;
  /** The table read, to name the cells of problems the apply finds. */
  table: RawTable;
}

export interface ReconcileView {
  sources: SourceFile[];
  month: string;
  outcome: ReconcileOutcome | null;
  mapping: MappingWritten | null;
  mappingSaved: ApplySummary | null;
  reviewSheet: string | null;
  reviewRows: number;
  /** Unmapped rows Apply leaves out, as last counted (outcome or read-back review). */
  unmapped: number;
  acknowledged: boolean;
  applied: Applied | null;
  /** Read back and counted; applied only on confirmation. */
  pending: PendingApply | null;
  undone: UndoSummary | null;
  /** Sheets that look like review sheets (offered when this session wrote none). */
  reviewSheets: string[];
  issues: Issue[];
  /** What to do about the issues shown. */
  hint: string | null;
  notice: string | null;
}

const EMPTY: ReconcileView = {
  sources: [],
  month: "",
  outcome: null,
  mapping: null,
  mappingSaved: null,
  reviewSheet: null,
  reviewRows: 0,
  unmapped: 0,
  acknowledged: false,
  applied: null,
  pending: null,
  undone: null,
  reviewSheets: [],
  issues: [],
  hint: null,
  notice: null,
};

export function useReconcile() {
  const host = useHost();
  const s = useStrings();
  const r = s.reconcile;
  const task = useTask();
  const [view, setView] = React.useState<ReconcileView>(EMPTY);
  const latest = React.useRef(view);
  latest.current = view;
  const update = React.useCallback((patch: Partial<ReconcileView>) => setView((v) => ({ ...v, ...patch })), []);

  /** Shows a failed or cancelled task; true when the task completed. */
  const settle = React.useCallback(
    <T>(outcome: TaskOutcome<T>): outcome is { status: "done"; value: T } => {
      if (outcome.status === "cancelled") update({ notice: s.common.cancelled, issues: [], hint: null });
      if (outcome.status === "failed") update({ issues: [outcome.issue], hint: null, notice: null });
      return outcome.status === "done";
    },
    [update, s],
  );

  const reconcileWith = React.useCallback(
    async (sources: readonly SourceFile[], monthText: string): Promise<Partial<ReconcileView>> => {
      const month = parseIsoMonth(monthText);
      if (!month) return { outcome: null, issues: monthText ? [issue("pane.invalid_month", { value: monthText })] : [] };
      // Files with errors stop the reconciliation; their problems are listed with each file above.
      if (sources.some((f) => hasErrors(f.parsed.issues))) return { outcome: null, unmapped: 0, issues: [], hint: null, notice: r.fileErrors };
      const reads: VendorFileRead[] = sources.map((f) => ({ name: f.name, sha256: f.sha256, result: f.parsed }));
      const result = await reconcileFiles(host.app, reads, month);
      if (!result.ok) return { outcome: null, issues: result.issues, hint: r.fixFileHint };
      return { outcome: result.value, unmapped: unmappedLeftOut(result.value.rows), acknowledged: false, issues: [], hint: null, notice: null };
    },
    [host, r],
  );

  const takeSources = React.useCallback(
    async (sources: SourceFile[]) => {
      const lines = sources.flatMap((f) => f.parsed.lines);
      const month = defaultMonth(lines, host.today());
      const patch = await reconcileWith(sources, month);
      update({ ...EMPTY, reviewSheets: latest.current.reviewSheets, sources, month, ...patch });
    },
    [host, reconcileWith, update],
  );

  const userProfiles = React.useCallback(async () => (await loadUserProfiles(host.app)).profiles, [host]);

  /** Rows typed under a table but outside it: a warning naming the first such cell (a read-back would miss them). */
  const rowsBelow = React.useCallback((sheet: string) => rowsBelowWarning(host.gateway, sheet), [host]);

  const readActiveSheet = React.useCallback(async () => {
    const outcome = await task.run(r.readingSheet, async ({ signal, progress }) => {
      const read = await host.gateway.readActiveSheet();
      if (!read.ok) return { issues: read.issues };
      const { sheet, table } = read.value;
      if (table.rows.every(isBlankRow)) return { issues: [issue("pane.empty_sheet", { sheet })] };
      progress(0, table.rows.length, r.readingRows(sheet));
      const parsed = await host.parser.parseTable(table, { name: sheet, userProfiles: await userProfiles() }, { signal, onProgress: (d, t) => progress(d, t) });
      return { source: { name: sheet, sha256: await sha256OfRows(table.rows), parsed, ...(needsProfile(parsed) ? { raw: { kind: "table", table } } : {}) } as SourceFile };
    });
    if (!settle(outcome)) return;
    if ("issues" in outcome.value) return update({ issues: outcome.value.issues ?? [], hint: null, notice: null });
    await takeSources([outcome.value.source]);
  }, [host, task, r, settle, update, takeSources, userProfiles]);

  const openFiles = React.useCallback(
    async (files: File[]) => {
      const outcome = await task.run(r.readingFiles(files.length), async ({ signal, progress }) => {
        const profiles = await userProfiles();
        const sources: SourceFile[] = [];
        for (const file of files) {
          signal.throwIfAborted();
          progress(0, null, r.readingFile(file.name));
          const bytes = new Uint8Array(await file.arrayBuffer());
          const parsed = await host.parser.parseBytes(bytes, { name: file.name, userProfiles: profiles }, { signal, onProgress: (d, t) => progress(d, t) });
          sources.push({ name: file.name, sha256: await sha256Hex(bytes), parsed, ...(needsProfile(parsed) ? { raw: { kind: "bytes" as const, bytes } } : {}) });
        }
        return sources;
      });
      if (settle(outcome)) await takeSources(outcome.value);
    },
    [host, task, r, settle, takeSources, userProfiles],
  );

  /** After a vendor profile was saved: reads the files that had none again, then reconciles. */
  const rereadWithProfiles = React.useCallback(async () => {
    const outcome = await task.run(r.readingFiles(latest.current.sources.length), async ({ signal }) => rereadSources(latest.current.sources, host.parser, await userProfiles(), signal));
    if (settle(outcome)) await takeSources(outcome.value);
  }, [host, task, r, settle, takeSources, userProfiles]);

  const setMonth = React.useCallback(
    async (text: string) => {
      update({ month: text });
      if (!parseIsoMonth(text) || latest.current.sources.length === 0) return;
      const patch = await reconcileWith(latest.current.sources, text);
      update({ notice: null, ...patch, mapping: null, mappingSaved: null, reviewSheet: null, applied: null, pending: null, undone: null });
    },
    [reconcileWith, update],
  );

  /** Reconciles again after a store change (the sources stay). */
  const refresh = React.useCallback(async () => {
    const v = latest.current;
    if (v.sources.length === 0) return {};
    const patch = await reconcileWith(v.sources, v.month);
    return patch.outcome ? { outcome: patch.outcome, unmapped: patch.unmapped } : {};
  }, [reconcileWith]);

  const writeMappingSheet = React.useCallback(async () => {
    const v = latest.current;
    if (!v.outcome) return;
    const outcome = await task.run(r.writingMapping, async ({ signal, progress }) => {
      const sheet = mappingSheet(await proposeMappings(host.app, v.outcome!.rows), s.language);
      const written = await host.gateway.writeTable(mappingSheetName(s.language), sheet.rows, { ...sheet.options, signal, onProgress: (d, t) => progress(d, t) });
      return { written, sheet };
    });
    if (!settle(outcome)) return;
    const { written, sheet } = outcome.value;
    if (!written.ok) return update({ issues: written.issues, hint: null, notice: null });
    const name = mappingSheetName(s.language);
    update({ mapping: { sheet: name, customers: sheet.customers, articles: sheet.articles, prefilled: sheet.prefilled }, issues: [], hint: null, notice: r.mappingWritten(name, sheet.customers, sheet.articles, sheet.prefilled) });
  }, [host, task, r, s, settle, update]);

  const saveMappings = React.useCallback(async () => {
    const v = latest.current;
    const month = parseIsoMonth(v.month);
    if (!month) return;
    const outcome = await task.run(r.savingMappings, async () => {
      const found = await findSheetToRead(host.gateway, mappingSheetName(s.language), s.language);
      if (!found.ok) return { issues: found.issues };
      const MAPPING_SHEET = found.value;
      const read = await host.gateway.readTableByHeaders(MAPPING_SHEET);
      if (!read.ok) return { issues: read.issues };
      const warnings = await rowsBelow(MAPPING_SHEET);
      const { decisions, issues } = readMappingSheet(read.value.table, firstDayOf(month));
      if (issues.length > 0) return { issues: [...locateIssues(issues, read.value.table, read.value.sheet, MAPPING_VOCABULARY), ...warnings] };
      if (decisions.length === 0) return { issues: [issue("pane.mapping_sheet_empty", { sheet: MAPPING_SHEET }), ...warnings] };
      const applied = await applyReview(host.app, decisions, { name: MAPPING_SHEET, sha256: await sha256OfRows(read.value.table.rows) }, { kind: "mapping-sheet" });
      if (!applied.ok) return { issues: locateIssues(applied.issues, read.value.table, read.value.sheet, MAPPING_VOCABULARY) };
      host.storeChanged();
      return { saved: applied.value, warnings, ...(await refresh()) };
    });
    if (!settle(outcome)) return;
    const value = outcome.value;
    if ("issues" in value && value.issues) return update({ issues: value.issues, hint: r.fixMappingHint, notice: null });
    const { saved, warnings, ...rest } = value as { saved: ApplySummary; warnings: Issue[] } & Partial<ReconcileView>;
    update({ ...rest, mappingSaved: saved.batchId ? saved : null, issues: warnings, hint: null, notice: saved.batchId ? null : r.mappingsUnchanged });
  }, [host, task, r, s, settle, update, refresh, rowsBelow]);

  const writeReview = React.useCallback(async () => {
    const v = latest.current;
    const month = parseIsoMonth(v.month) as IsoMonth | null;
    if (!v.outcome || !month) return;
    const label = sourceLabel(v.sources.flatMap((f) => (f.parsed.profile ? [{ id: f.parsed.profile.id, name: f.parsed.profile.name }] : [])), s.language);
    const sheet = reviewSheetFor(month, label, s.language);
    const outcome = await task.run(r.writingReview(sheet), ({ signal, progress }) =>
      host.gateway.writeTable(sheet, reviewCells(v.outcome!.rows, s.language), reviewOptions(sheet, s.language, { signal, onProgress: (d, t) => progress(d, t) })),
    );
    if (!settle(outcome)) return;
    if (!outcome.value.ok) return update({ issues: outcome.value.issues, hint: null, notice: null });
    const cancellations = v.outcome!.rows.filter(isCancellationToZero).length;
    const notice = r.reviewWritten(sheet, outcome.value.value.rowsWritten) + (cancellations > 0 ? ` ${flowStrings[s.language].cancellationsSkipped(cancellations)}` : "");
    update({ reviewSheet: sheet, reviewRows: outcome.value.value.rowsWritten, applied: null, pending: null, undone: null, acknowledged: false, issues: [], hint: null, notice });
  }, [host, task, r, s, settle, update]);

  const findReviewSheets = React.useCallback(async () => {
    const outcome = await task.run(r.findingSheets, () => host.gateway.listSheets());
    if (!settle(outcome)) return;
    const sheets = reviewSheetsIn(outcome.value);
    update({ reviewSheets: sheets, notice: sheets.length === 0 ? r.noReviewSheets : null, issues: [] });
  }, [host, task, r, settle, update]);

  const chooseReviewSheet = React.useCallback((sheet: string) => update({ reviewSheet: sheet || null, applied: null, pending: null, undone: null, acknowledged: false }), [update]);

  const acknowledge = React.useCallback((checked: boolean) => update({ acknowledged: checked }), [update]);

  /**
   * Übernehmen, step 1: reads the review back, checks every cell, and counts what applying would
   * really store by a dry run against the store; applies nothing. Nothing new to store: says so
   * instead of asking.
   */
  const apply = React.useCallback(async () => {
    const v = latest.current;
    const chosen = v.reviewSheet;
    if (!chosen) return;
    const outcome = await task.run(r.readingReview(chosen), async () => {
      // The chosen sheet, else the same review under the other language's name.
      const found = await findSheetToRead(host.gateway, chosen, s.language);
      if (!found.ok) return { issues: found.issues };
      const sheet = found.value;
      const read = await host.gateway.readTableByHeaders(sheet);
      if (!read.ok) return { issues: read.issues };
      const warnings = await rowsBelow(sheet);
      const { decisions, issues } = readReviewTable(read.value.table);
      if (issues.length > 0) return { issues: [...locateIssues(issues, read.value.table, read.value.sheet, REVIEW_VOCABULARY), ...warnings], hint: r.fixCellHint };
      const leftOut = unmappedLeftOut(decisions);
      if (leftOut > 0 && !(v.acknowledged && v.unmapped === leftOut)) return { blocked: leftOut, warnings };
      const preview = await previewApplyReview(host.app, decisions);
      if (!preview.ok) return { issues: [...locateIssues(preview.issues, read.value.table, read.value.sheet, REVIEW_VOCABULARY), ...warnings], hint: r.fixCellHint };
      const hash = v.sources.length > 0 ? await sha256Hex(new TextEncoder().encode(v.sources.map((f) => f.sha256).join(","))) : await sha256OfRows(read.value.table.rows);
      return { pending: { sheet: read.value.sheet, decisions, preview: preview.value, hash, table: read.value.table } as PendingApply, warnings };
    });
    if (!settle(outcome)) return;
    const value = outcome.value as { issues?: Issue[]; hint?: string; blocked?: number; pending?: PendingApply; warnings?: Issue[] };
    if (value.issues) return update({ pending: null, issues: value.issues, hint: value.hint ?? null, notice: null });
    if (value.blocked !== undefined) return update({ pending: null, unmapped: value.blocked, acknowledged: false, issues: value.warnings ?? [], hint: null, notice: r.acknowledgeFirst(value.blocked) });
    const pending = value.pending!;
    // Nothing new to store: said now, not after a confirmation; the last batch (and its Rückgängig) stays.
    if (pending.preview.changes === 0) return update({ pending: null, issues: value.warnings ?? [], hint: null, notice: r.nothingToApply(pending.preview.unchanged) });
    // The last batch's result (and its Rückgängig) stays until a new one replaces it: Abbrechen keeps it.
    update({ pending, issues: value.warnings ?? [], hint: null, notice: null });
  }, [host, task, r, s, settle, update, rowsBelow]);

  /** Übernehmen, step 2 (confirmed): applies exactly the rows the clerk confirmed, in one transaction. */
  const confirmApply = React.useCallback(async () => {
    const v = latest.current;
    const pending = v.pending;
    if (!pending) return;
    const outcome = await task.run(r.applying(pending.sheet), async () => {
      const applied = await applyReview(host.app, pending.decisions, { name: pending.sheet, sha256: pending.hash }, { sheet: pending.sheet, files: v.sources.map((f) => ({ name: f.name, sha256: f.sha256, profile: f.parsed.profile?.id ?? null })) });
      if (!applied.ok) return { issues: locateIssues(applied.issues, pending.table, pending.sheet, REVIEW_VOCABULARY) };
      if (applied.value.batchId) host.storeChanged();
      return { applied: { ...applied.value, sheet: pending.sheet }, ...(await refresh()) };
    });
    if (!settle(outcome)) return;
    const value = outcome.value as { issues?: Issue[]; applied?: Applied } & Partial<ReconcileView>;
    if (value.issues) return update({ pending: null, issues: value.issues, hint: r.fixCellHint, notice: null });
    const { applied, ...rest } = value;
    // Nothing new (all already in the store): the previous batch stays shown, with its Rückgängig.
    const shown = applied!.batchId ? applied! : (v.applied ?? applied!);
    update({ ...rest, pending: null, applied: shown, undone: null, issues: [], hint: null, notice: applied!.batchId ? null : r.nothingToApply(applied!.unchanged) });
  }, [host, task, r, settle, update, refresh]);

  const cancelApply = React.useCallback(() => update({ pending: null }), [update]);

  const undo = React.useCallback(
    async (batchId: string) => {
      const outcome = await task.run(r.undoing(batchId), async () => {
        const result = await undoBatch(host.app, batchId);
        if (result.ok) host.storeChanged();
        return { result, ...(await refresh()) };
      });
      if (!settle(outcome)) return;
      const { result, ...rest } = outcome.value;
      if (!result.ok) return update({ issues: result.issues, hint: null, notice: null });
      const patch: Partial<ReconcileView> = { ...rest, undone: result.value, issues: [], hint: null, notice: r.undone(result.value.batchId, result.value.versionsRemoved, result.value.rowsRestored) };
      if (latest.current.applied?.batchId === batchId) patch.applied = null;
      if (latest.current.mappingSaved?.batchId === batchId) patch.mappingSaved = null;
      update(patch);
    },
    [host, task, r, settle, update, refresh],
  );

  return {
    view,
    task,
    readActiveSheet,
    openFiles,
    rereadWithProfiles,
    setMonth,
    writeMappingSheet,
    saveMappings,
    writeReview,
    findReviewSheets,
    chooseReviewSheet,
    acknowledge,
    apply,
    confirmApply,
    cancelApply,
    undo,
  };
}
