/**
 * State and actions of the Stammdaten area: import master CSV files, master data as sheets and back,
 * CSV downloads, backup and restore of the whole store, vendor profiles.
 */
import * as React from "react";
import { readBackup, type BackupDoc } from "../../app/backup";
import type { ImportMasterSummary } from "../../app/import-master";
import type { InputFile } from "../../app/context";
import { exportMaster, exportUserProfiles, importMaster, listCustomers, loadUserProfiles, restoreBackupFile, saveProfilesFromJson, undoBatch } from "../connection/use-cases";
import { ServerCallError } from "../connection/server-connection";
import { teamBackupStrings } from "../master/team-backup-strings";
import { sha256Hex } from "../../app/context";
import { mappingIdIssues } from "../../store/upgrade-v4";
import type { Issue } from "../../core/issues";
import { BUILTIN_PROFILES } from "../../io/vendor/profiles/registry";
import { onProfilesChanged } from "../reconcile/profiles-changed";
import { useHost } from "../host";
import { useStrings } from "../i18n";
import { downloadNames } from "../i18n/downloads";
import { flowStrings } from "../i18n/flow";
import { MASTER_SHEET_NAMES, csvSheetRows, customerSheetRows, masterWriteOptions, type MasterSheet } from "../master/master-sheets";
import { syncMasterSheet } from "../master/sync-master-sheet";
import { saveBackup } from "../storage";
import { useTask, type TaskOutcome } from "./useTask";
import type { FlowEvents } from "./useNextStep";
import type { MasterDone, MasterForm, MasterNext } from "../master/next-step";

export interface ProfileEntry {
  id: string;
  name: string;
  builtin: boolean;
}

export interface PendingRestore {
  name: string;
  /** SHA-256 of the file's bytes: names it in the audit entry of the restore. */
  sha256: string;
  /** The file's bytes: in server mode the server checks and restores the file itself. */
  bytes: Uint8Array;
  doc: BackupDoc;
  counts: { customers: number; contracts: number; versions: number; runs: number };
}

/** What a check (dry run) found, and what *Importieren* then stores: the checked files' bytes, or the sheet read again. */
export interface MasterCheck {
  summary: ImportMasterSummary;
  source: { kind: "files"; files: InputFile[] } | { kind: "sheet"; sheet: "contracts" | "articles"; name: string };
}

export interface MasterView {
  imported: ImportMasterSummary | null;
  /** The result of *Prüfen*, waiting for *Importieren* (or *Verwerfen*); null when nothing is checked. */
  checked: MasterCheck | null;
  profiles: ProfileEntry[];
  pendingRestore: PendingRestore | null;
  issues: Issue[];
  hint: string | null;
  notice: string | null;
}

export type MasterStep = "import" | "sheets" | "backup" | "profiles";

/** `flow`: told each step that succeeded, so the area's primary button is the next one (issue 20). */
export function useMasterData(onBackup?: () => void, flow?: FlowEvents<MasterDone, MasterNext, MasterForm>) {
  const host = useHost();
  const s = useStrings();
  const m = s.master;
  const task = useTask();
  const [view, setView] = React.useState<MasterView>({ imported: null, checked: null, profiles: [], pendingRestore: null, issues: [], hint: null, notice: null });
  const update = React.useCallback((patch: Partial<MasterView>) => setView((v) => ({ ...v, ...patch })), []);
  const names = MASTER_SHEET_NAMES[s.language];

  const settle = React.useCallback(
    <T>(outcome: TaskOutcome<T>): outcome is { status: "done"; value: T } => {
      if (outcome.status === "cancelled") update({ notice: s.common.cancelled, issues: [], hint: null });
      if (outcome.status === "failed") update({ issues: [outcome.issue], notice: null, hint: null });
      return outcome.status === "done";
    },
    [update, s],
  );

  const loadProfiles = React.useCallback(async () => {
    const { profiles, issues } = await loadUserProfiles(host.app);
    const list: ProfileEntry[] = [...BUILTIN_PROFILES.map((p) => ({ id: p.id, name: p.name, builtin: true })), ...profiles.map((p) => ({ id: p.id, name: p.name, builtin: false }))];
    return { list, issues };
  }, [host]);

  // A profile saved by the Abgleich area's editor joins the list.
  React.useEffect(() => onProfilesChanged(() => void loadProfiles().then(({ list }) => setView((v) => ({ ...v, profiles: list })), () => undefined)), [loadProfiles]);

  React.useEffect(() => {
    let live = true;
    loadProfiles().then(
      ({ list, issues }) => live && setView((v) => ({ ...v, profiles: list, issues: [...v.issues, ...issues] })),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [loadProfiles]);

  /** Imports the checked files; all or nothing, one undoable batch. */
  const importInputs = React.useCallback(
    async (inputs: InputFile[]) => {
      const outcome = await task.run(m.importing(inputs.length), async () => {
        const result = await importMaster(host.app, inputs);
        if (result.ok && result.value.batchId) host.storeChanged();
        return result;
      });
      if (!settle(outcome)) return;
      const result = outcome.value;
      if (!result.ok) return update({ issues: result.issues, hint: m.fixImportHint, notice: null, imported: null, checked: null });
      flow?.done("import");
      update({ imported: result.value, checked: null, issues: result.value.warnings, hint: null, notice: result.value.batchId ? null : m.importUnchanged });
    },
    [host, task, m, settle, update, flow],
  );

  /**
   * *Prüfen*: what importing the files would store (counts, corrections old → new, warnings) or the
   * errors that import nothing, named by file, row and column; nothing is stored.
   */
  const checkFiles = React.useCallback(
    async (files: File[]) => {
      const outcome = await task.run(m.checking(files.length), async () => {
        const inputs = await readInputs(files);
        return { inputs, result: await importMaster(host.app, inputs, { dryRun: true }) };
      });
      if (!settle(outcome)) return;
      const { inputs, result } = outcome.value;
      if (!result.ok) return update({ issues: result.issues, hint: m.fixCheckHint, notice: null, checked: null });
      const changes = changesOf(result.value) > 0;
      update({ checked: changes ? { summary: result.value, source: { kind: "files", files: inputs } } : null, issues: result.value.warnings, hint: null, notice: changes ? null : m.checkUnchanged });
    },
    [host, task, m, settle, update],
  );

  const discardCheck = React.useCallback(() => update({ checked: null, issues: [], hint: null, notice: m.checkDiscarded }), [update, m]);

  const undoImport = React.useCallback(
    async (batchId: string) => {
      const outcome = await task.run(m.undoing(batchId), async () => {
        const result = await undoBatch(host.app, batchId);
        if (result.ok) host.storeChanged();
        return result;
      });
      if (!settle(outcome)) return;
      if (!outcome.value.ok) return update({ issues: outcome.value.issues, notice: null, hint: null });
      flow?.undone("import");
      update({ imported: null, issues: [], hint: null, notice: m.undone(batchId) });
    },
    [host, task, m, settle, update, flow],
  );

  const writeSheets = React.useCallback(async () => {
    const outcome = await task.run(m.writingSheets, async ({ signal, progress }) => {
      const exported = await exportMaster(host.app);
      const parts: [MasterSheet, ReturnType<typeof csvSheetRows>][] = [
        ["customers", customerSheetRows(await listCustomers(host.app), s.language)],
        ["contracts", csvSheetRows(exported.contracts, names.contracts, "contracts", s.language)],
        ["articles", csvSheetRows(exported.articles, names.articles, "articles", s.language)],
      ];
      // Empty state: nothing stored yet is said, not written as three empty sheets.
      if (parts.every(([, rows]) => rows.length <= 1)) return { empty: true as const };
      const written: string[] = [];
      for (const [kind, rows] of parts) {
        const sheet = names[kind];
        progress(0, null, m.writingSheet(sheet));
        const result = await host.gateway.writeTable(sheet, rows, { ...masterWriteOptions(kind, sheet, s.language), activate: kind === "contracts", signal, onProgress: (d, t) => progress(d, t) });
        if (!result.ok) return { issues: result.issues };
        written.push(`${sheet} (${result.value.rowsWritten})`);
      }
      return { written };
    });
    if (!settle(outcome)) return;
    if ("issues" in outcome.value) return update({ issues: outcome.value.issues ?? [], notice: null, hint: null });
    if ("empty" in outcome.value) return update({ issues: [], hint: null, notice: flowStrings[s.language].noMasterData });
    flow?.done("writeSheets");
    update({ issues: [], hint: null, notice: m.sheetsWritten(outcome.value.written!.join(", ")) });
  }, [host, task, m, s, names, settle, update, flow]);

  const syncSheet = React.useCallback(
    async (kind: "contracts" | "articles") => {
      const outcome = await task.run(m.syncing(names[kind]), async () => {
        // The sheet under the user's name, else a colleague's under the other language's (sync-master-sheet.ts).
        const synced = await syncMasterSheet(host.app, host.gateway, kind, s.language);
        if (synced.ok && synced.summary.batchId) host.storeChanged();
        return synced;
      });
      if (!settle(outcome)) return;
      const value = outcome.value;
      if (!value.ok) return update({ issues: value.issues, hint: value.missing ? null : m.fixSheetHint, notice: null, checked: null });
      const summary = value.summary;
      flow?.done("sync");
      update({ imported: summary.batchId ? summary : null, checked: null, issues: [...summary.warnings, ...value.below], hint: null, notice: summary.batchId ? null : m.syncUnchanged(value.sheet) });
    },
    [host, task, m, s, names, settle, update, flow],
  );

  /** *Prüfen* of a sheet: what writing it back would store, or its bad cells; nothing is stored. */
  const checkSheet = React.useCallback(
    async (kind: "contracts" | "articles") => {
      const outcome = await task.run(m.checkingSheet(names[kind]), () => syncMasterSheet(host.app, host.gateway, kind, s.language, { dryRun: true }));
      if (!settle(outcome)) return;
      const value = outcome.value;
      if (!value.ok) return update({ issues: value.issues, hint: value.missing ? null : m.fixSheetCheckHint, notice: null, checked: null });
      const changes = changesOf(value.summary) > 0;
      update({ checked: changes ? { summary: value.summary, source: { kind: "sheet", sheet: kind, name: value.sheet } } : null, issues: [...value.summary.warnings, ...value.below], hint: null, notice: changes ? null : m.syncUnchanged(value.sheet) });
    },
    [host, task, m, s, names, settle, update],
  );

  /** *Importieren* after *Prüfen*: stores what was checked (the files as read then; a sheet as it is now). */
  const importChecked = React.useCallback(async () => {
    const checked = view.checked;
    if (!checked) return;
    return checked.source.kind === "files" ? importInputs(checked.source.files) : syncSheet(checked.source.sheet);
  }, [view.checked, importInputs, syncSheet]);

  const downloadCsv = React.useCallback(
    async (which: "contracts" | "articles" | "mappings") => {
      const outcome = await task.run(m.exporting, () => exportMaster(host.app));
      if (!settle(outcome)) return;
      const name = downloadNames[s.language].master[which];
      host.download(name, new TextEncoder().encode(outcome.value[which]), "text/csv");
      update({ issues: [], hint: null, notice: m.downloaded(name) });
    },
    [host, task, m, s, settle, update],
  );

  const downloadBackup = React.useCallback(async () => {
    const outcome = await task.run(m.backingUp, () => saveBackup(host));
    if (!settle(outcome)) return;
    onBackup?.();
    update({ issues: [], hint: null, notice: m.backupSaved(outcome.value) });
  }, [host, task, m, settle, update, onBackup]);

  const chooseRestore = React.useCallback(
    async (files: File[]) => {
      const file = files[0];
      if (!file) return;
      const outcome = await task.run(m.checkingBackup, async () => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        return { parsed: readBackup(new TextDecoder().decode(bytes), file.name), sha256: await sha256Hex(bytes), bytes };
      });
      if (!settle(outcome)) return;
      const { parsed, sha256 } = outcome.value;
      if (!parsed.ok) return update({ issues: parsed.issues, hint: null, notice: null, pendingRestore: null });
      const t = parsed.value.tables;
      update({
        pendingRestore: { name: file.name, sha256, bytes: outcome.value.bytes, doc: parsed.value, counts: { customers: t.customers.length, contracts: t.contracts.length, versions: t.contractVersions.length, runs: t.runs.length } },
        issues: [],
        hint: null,
        notice: null,
      });
    },
    [task, m, settle, update],
  );

  const restore = React.useCallback(
    async (confirmed: boolean) => {
      const pending = view.pendingRestore;
      if (!pending || !confirmed) return update({ pendingRestore: null, notice: confirmed ? null : m.restoreCancelled });
      const outcome = await task.run(m.restoring, async () => {
        let restored;
        try {
          restored = await restoreBackupFile(host.app, { name: pending.name, bytes: pending.bytes, sha256: pending.sha256 }, pending.doc);
        } catch (e) {
          // On a team server only an administrator replaces the store (push --replace): say so plainly.
          if (e instanceof ServerCallError && e.status === 403) return { forbidden: true as const };
          throw e;
        }
        if (!restored.ok) return { refused: restored.issues };
        host.storeChanged();
        return { profiles: await loadProfiles(), notes: mappingIdIssues(restored.value.mappingIds, pending.name) };
      });
      if (!settle(outcome)) return;
      // refused (it would lose issued invoices or audit entries): the store is unchanged, the reason shows
      if ("refused" in outcome.value) return update({ pendingRestore: null, issues: outcome.value.refused, hint: null, notice: null });
      if ("forbidden" in outcome.value) return update({ pendingRestore: null, issues: [], hint: null, notice: teamBackupStrings[s.language].restoreAdminOnly });
      // A backup older than schema 4: mapping ids were normalised; colliding rows are shown (store/upgrade-v4.ts).
      update({ pendingRestore: null, profiles: outcome.value.profiles.list, issues: outcome.value.notes, hint: null, notice: m.restored(pending.name) });
    },
    [host, task, m, s, view.pendingRestore, settle, update, loadProfiles],
  );

  const importProfiles = React.useCallback(
    async (files: File[]) => {
      const file = files[0];
      if (!file) return;
      const outcome = await task.run(m.importingProfiles, async () => {
        const saved = await saveProfilesFromJson(host.app, await file.text());
        return { saved, profiles: await loadProfiles() };
      });
      if (!settle(outcome)) return;
      const { saved, profiles } = outcome.value;
      if (!saved.ok) return update({ issues: saved.issues.map((i) => (i.where ? i : { ...i, where: { source: file.name } })), hint: null, notice: null });
      update({ profiles: profiles.list, issues: [], hint: null, notice: m.profilesImported(saved.value.map((p) => p.name).join(", ")) });
    },
    [host, task, m, settle, update, loadProfiles],
  );

  const exportProfiles = React.useCallback(async () => {
    const outcome = await task.run(m.exportingProfiles, () => exportUserProfiles(host.app));
    if (!settle(outcome)) return;
    const name = downloadNames[s.language].vendorProfiles;
    host.download(name, new TextEncoder().encode(outcome.value), "application/json");
    update({ issues: [], hint: null, notice: m.downloaded(name) });
  }, [host, task, m, s, settle, update]);

  return { view, task, names, checkFiles, checkSheet, importChecked, discardCheck, undoImport, writeSheets, syncSheet, downloadCsv, downloadBackup, chooseRestore, restore, importProfiles, exportProfiles };
}

/** The chosen files as the app reads them. */
async function readInputs(files: readonly File[]): Promise<InputFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** How many rows an import stores (0: everything is stored already). */
function changesOf(s: ImportMasterSummary): number {
  return s.customers + s.articles + s.contracts + s.versions + s.mappings;
}
