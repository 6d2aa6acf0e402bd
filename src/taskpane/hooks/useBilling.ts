/**
 * State and actions of the Abrechnung area: choose a month → preview sheet (dry run) → confirm →
 * run (ledger) → export as a download (generic or German CSV, DATEV Buchungsstapel, a saved export
 * profile, or all invoices as one printable HTML document) → undo of the latest run. Export settings
 * (DATEV, company data, export profiles) are loaded from a JSON file. One run is chosen for the
 * export and the steps below it: the latest, or an earlier one the clerk picks (`pickRun`); a new
 * latest run (a bill, an undo) makes the latest the choice again.
 */
import * as React from "react";
import type { Invoice } from "../../core/billing/invoice";
import { parseIsoDate, type IsoDate } from "../../core/date/iso-date";
import { parseIsoMonth, type IsoMonth } from "../../core/date/iso-month";
import { Issue, issue } from "../../core/issues";
import { localTimestamp, parseExportFormat } from "../../app/export-invoices";
import { backupStatus, exportInvoiceBatch, exportInvoiceBatchDocument, listExportProfiles, listRuns, loadCompanyInfo, loadDatevConfig, loadRunInvoices, runBilling, undoRun } from "../connection/use-cases";
import { saveExportSettingsFile } from "../connection/use-cases";
import type { RunRecord } from "../../store/records";
import type { UsageRecorded } from "../../app/bill";
import { formatMonth } from "../i18n/format";
import { billingTotals, defaultBillingMonth, formatMoney, invoicePrintTitle, invoiceSheetName, invoiceSheetRows, invoiceWriteOptions, pickableRuns, type BillingTotals } from "../billing/invoice-sheet";
import { useHost } from "../host";
import { useStrings, type Language } from "../i18n";
import { downloadNames } from "../i18n/downloads";
import { flowStrings } from "../i18n/flow";
import { useTask, type TaskOutcome } from "./useTask";
import { draftRun, exportRunIssuing, printRunIssuing } from "../billing/export-issue";
import { exportIssueStrings, type ExportKind } from "../billing/export-issue-strings";

export interface BillingPreview {
  month: IsoMonth;
  invoiceDate: IsoDate;
  invoices: Invoice[];
  totals: BillingTotals;
  sheet: string | null;
  /** What the run would record of usage (time entries, click months, vendor usage). */
  usage: UsageRecorded;
  /** No invoice, but usage to record: the run is offered all the same (else these stay open). */
  usageOnly: boolean;
}

/** The preview can be billed: it has invoices, or usage that only a run records. */
export function previewBillable(preview: BillingPreview | null): boolean {
  return preview !== null && (preview.invoices.length > 0 || preview.usageOnly);
}

export interface ExportSettingsState {
  datev: boolean;
  company: boolean;
  profiles: { id: string; name: string }[];
}

/** The file name of an export of a run (the invoice CSV in the pane's language; DATEV's and a profile's as they are). */
export function exportFileName(format: string, month: string, runId: string, language: Language = "de"): string {
  if (format === "datev") return `EXTF_Buchungsstapel_${month}_${runId}.csv`;
  if (format.startsWith("custom:")) return `${format.slice(7).replace(/[^A-Za-z0-9._-]+/g, "_")}-${month}-${runId}.csv`;
  return downloadNames[language].invoiceCsv(month, runId, format === "de");
}

export interface BillingView {
  month: string;
  invoiceDate: string;
  preview: BillingPreview | null;
  confirming: boolean;
  /** The latest run that is not undone (undo acts on it): the first of `runs`. */
  latest: RunRecord | null;
  /** The runs the picker offers (not undone, no cancellation runs), newest first. */
  runs: readonly RunRecord[];
  /** The chosen run (export, print, lifecycle and SEPA act on it): the latest unless an earlier one is picked. */
  run: RunRecord | null;
  /** Its invoices (for its totals). */
  runInvoices: readonly Invoice[];
  /** The run made in this session, when it has invoices (its export is the next step). */
  justRan: string | null;
  /** `generic`, `de`, `datev` or `custom:PROFILE_ID` (as the CLI's `--format`). */
  format: string;
  windows1252: boolean;
  /** What is saved for the exports beyond CSV. */
  exportSettings: ExportSettingsState;
  confirmingUndo: boolean;
  /** The question before the first export or print of a draft run (it issues the run). */
  confirmingExport: { kind: ExportKind; run: RunRecord } | null;
  issues: Issue[];
  notice: string | null;
}

/** What the hook stores: the view but for `latest`, which is derived from `runs`. */
type BillingState = Omit<BillingView, "latest">;

/** The earlier drafts an export issued together with `runId` (drafts before, issued after). */
function issuedWith(before: readonly RunRecord[], after: readonly RunRecord[] | undefined, runId: string): string[] {
  const now = new Map((after ?? []).map((r) => [r.id, r]));
  return before.filter((r) => r.id !== runId && !r.issuedAt && now.get(r.id)?.issuedAt).map((r) => r.id).reverse();
}

/** The state's part that `loadRuns` gives (all but the month). */
function runsOf(loaded: Pick<BillingState, "runs" | "run" | "runInvoices">): Pick<BillingState, "runs" | "run" | "runInvoices"> {
  return { runs: loaded.runs, run: loaded.run, runInvoices: loaded.runInvoices };
}

/** `active`: the area is shown; the latest run is read again then (another area may have restored or imported). */
export function useBilling(active = true) {
  const host = useHost();
  const s = useStrings();
  const b = s.billing;
  const task = useTask();
  const [state, setView] = React.useState<BillingState>(() => ({
    month: "",
    invoiceDate: host.today(),
    preview: null,
    confirming: false,
    runs: [],
    run: null,
    runInvoices: [],
    justRan: null,
    format: s.language === "de" ? "de" : "generic",
    windows1252: false,
    exportSettings: { datev: false, company: false, profiles: [] },
    confirmingUndo: false,
    confirmingExport: null,
    issues: [],
    notice: null,
  }));
  const view: BillingView = { ...state, latest: state.runs[0] ?? null };
  const latestView = React.useRef(view);
  latestView.current = view;
  const update = React.useCallback((patch: Partial<BillingState>) => setView((v) => ({ ...v, ...patch })), []);

  const settle = React.useCallback(
    <T>(outcome: TaskOutcome<T>): outcome is { status: "done"; value: T } => {
      if (outcome.status === "cancelled") update({ notice: s.common.cancelled, issues: [] });
      if (outcome.status === "failed") update({ issues: [outcome.issue], notice: null });
      return outcome.status === "done";
    },
    [update, s],
  );

  /**
   * The runs read again, with the chosen one and its invoices. `keep`: the view's choice, kept while
   * it still exists and the latest run is the same; without it (a bill, an undo) the latest is chosen.
   */
  const loadRuns = React.useCallback(
    async (keep?: { run: RunRecord | null; latest: RunRecord | null }) => {
      const all = await listRuns(host.app);
      const runs = pickableRuns(all);
      const latest = runs[0] ?? null;
      const kept = keep && keep.latest?.id === latest?.id ? runs.find((r) => r.id === keep.run?.id) : undefined;
      const run = kept ?? latest;
      const invoices = run ? await loadRunInvoices(host.app, run.id) : null;
      return { runs, run, runInvoices: invoices?.ok ? invoices.value.invoices : [], month: defaultBillingMonth(all, host.today()) };
    },
    [host],
  );
  /** The view's current choice, for `loadRuns` to keep. */
  const keepRun = React.useCallback(() => ({ run: latestView.current.run, latest: latestView.current.latest }), []);

  const loadExportSettings = React.useCallback(async (): Promise<ExportSettingsState> => {
    const [datev, company, { profiles }] = await Promise.all([loadDatevConfig(host.app), loadCompanyInfo(host.app), listExportProfiles(host.app)]);
    return { datev: datev.ok && datev.value !== null, company: company.ok && company.value !== null, profiles: profiles.map((p) => ({ id: p.id, name: p.name })) };
  }, [host]);

  React.useEffect(() => {
    if (!active) return;
    let live = true;
    Promise.all([loadRuns(keepRun()), loadExportSettings()]).then(
      ([{ month, ...runs }, exportSettings]) =>
        live &&
        setView((v) => ({
          ...v,
          ...runs,
          month: v.month || month,
          exportSettings,
          // a profile deleted or replaced elsewhere: back to the CSV of the language
          format: v.format.startsWith("custom:") && !exportSettings.profiles.some((p) => `custom:${p.id}` === v.format) ? (s.language === "de" ? "de" : "generic") : v.format,
        })),
      (error: unknown) => live && setView((v) => ({ ...v, issues: [issue("pane.unexpected", { detail: String(error) })] })),
    );
    return () => {
      live = false;
    };
  }, [loadRuns, keepRun, loadExportSettings, active, s.language]);

  const inputs = (): { month: IsoMonth; invoiceDate: IsoDate } | Issue => {
    const v = latestView.current;
    const month = parseIsoMonth(v.month);
    if (!month) return issue("pane.invalid_month", { value: v.month });
    const invoiceDate = parseIsoDate(v.invoiceDate);
    if (!invoiceDate) return issue("pane.invalid_date", { value: v.invoiceDate });
    return { month, invoiceDate };
  };

  const previewRun = React.useCallback(async () => {
    const input = inputs();
    if ("code" in input) return update({ issues: [input], notice: null });
    const outcome = await task.run(b.computing(input.month), async ({ signal, progress }) => {
      const result = await runBilling(host.app, { ...input, dryRun: true });
      if (!result.ok) return { issues: result.issues };
      const { invoices, issues, usageRecorded: usage, recordsUsageOnly: usageOnly } = result.value;
      const facts = { ...input, invoices, totals: billingTotals(invoices), usage, usageOnly };
      // Empty state: with no contracts at all, say to import them first (not "nothing due").
      if (invoices.length === 0) return { preview: { ...facts, sheet: null }, warnings: issues, noContracts: !usageOnly && (await backupStatus(host.app)).contracts === 0 };
      const sheet = invoiceSheetName(input.month, s.language);
      progress(0, null, b.writingSheet(sheet));
      const written = await host.gateway.writeTable(sheet, invoiceSheetRows(invoices, s.language), invoiceWriteOptions(sheet, { signal, onProgress: (d, t) => progress(d, t) }, s.language));
      if (!written.ok) return { issues: written.issues };
      return { preview: { ...facts, sheet }, warnings: issues };
    });
    if (!settle(outcome)) return;
    const value = outcome.value;
    if ("issues" in value) return update({ issues: value.issues ?? [], notice: null, preview: null });
    const p = value.preview;
    // No invoice but time or click months to record: said, and the run is offered (else they stay open).
    const empty = p.invoices.length > 0 ? null : p.usageOnly ? b.usageOnlyDue(formatMonth(p.month, s.language), p.usage) : "noContracts" in value && value.noContracts ? flowStrings[s.language].noContracts : b.nothingDue(p.month);
    update({ preview: value.preview, confirming: false, issues: value.warnings, notice: empty });
  }, [host, task, b, s, settle, update]);

  const confirm = React.useCallback((on: boolean) => update({ confirming: on }), [update]);

  const runNow = React.useCallback(async () => {
    const preview = latestView.current.preview;
    if (!preview) return;
    const outcome = await task.run(b.running(preview.month), async () => {
      const result = await runBilling(host.app, { month: preview.month, invoiceDate: preview.invoiceDate });
      if (result.ok && result.value.runId) host.storeChanged();
      return { result, runs: await loadRuns() };
    });
    if (!settle(outcome)) return;
    const { result, runs } = outcome.value;
    if (!result.ok) return update({ issues: result.issues, notice: null, confirming: false });
    const { runId, invoices } = result.value;
    update({
      ...runsOf(runs),
      // a run without an invoice (usage recorded only) has nothing to export: the next step stays the preview
      justRan: invoices.length > 0 ? runId : null,
      confirming: false,
      preview: null,
      issues: result.value.issues,
      notice: !runId ? b.nothingDue(preview.month) : result.value.recordsUsageOnly ? b.ranUsageOnly(runId, result.value.usageRecorded) : b.ran(runId, invoices.length, formatMoney(billingTotals(invoices).net, s.language)),
    });
  }, [host, task, b, s, settle, update, loadRuns]);

  // The first export or print of a draft run issues it (issue 17): the clerk is asked first
  // (`confirmed` is the answer), the app use case makes the file and issues the run, and the file is
  // offered only after that committed. An issued run's file is made again without the question.
  const exportFile = React.useCallback(async (confirmed = false) => {
    const v = latestView.current;
    const run = v.run;
    const format = parseExportFormat(v.format);
    if (!run || !format) return;
    update({ confirmingExport: null });
    // No DATEV label of its own: the saved one, else the CLI's default ("Rechnungsausgang MM/YYYY"), so the file is the CLI's.
    const request = {
      format,
      ...(format.kind === "de" && v.windows1252 ? { encoding: "windows-1252" as const } : {}),
      createdAt: localTimestamp(host.app.now()),
    };
    const outcome = await task.run(b.exportCsv, async () => {
      const draft = await draftRun(host.app, run.id);
      if (draft && !confirmed) return { ask: true as const, run: draft };
      if (draft) {
        const result = await exportRunIssuing(host.app, run.id, request);
        return { result, invoices: result.ok ? result.value.invoices : 0, issuedNow: result.ok && result.value.issuedNow, runs: result.ok ? await loadRuns(keepRun()) : null };
      }
      const loaded = await loadRunInvoices(host.app, run.id);
      if (!loaded.ok) return { result: loaded, invoices: 0, issuedNow: false, runs: null };
      return { result: await exportInvoiceBatch(host.app, loaded.value.invoices, request), invoices: loaded.value.invoices.length, issuedNow: false, runs: null };
    });
    if (!settle(outcome)) return;
    if (outcome.value.ask) return update({ confirmingExport: { kind: "file", run: outcome.value.run }, confirmingUndo: false, issues: [], notice: null });
    const { result, invoices, issuedNow, runs } = outcome.value;
    if (!result.ok) return update({ issues: result.issues, notice: null });
    if (issuedNow) host.storeChanged();
    const name = exportFileName(v.format, run.month, run.id, s.language);
    const issued = issuedNow ? { ...(runs ? runsOf(runs) : {}), confirmingUndo: false } : {};
    try {
      host.download(name, result.value.bytes, "text/csv");
      const csv = format.kind === "generic" || format.kind === "de";
      const notice = csv ? b.exported(name, invoices) : b.exportedBookings(name, result.value.records);
      update({ ...issued, issues: result.value.issues, notice: issuedNow ? `${notice} ${exportIssueStrings[s.language].issuedNow(run.id, issuedWith(v.runs, runs?.runs, run.id))}` : notice });
    } catch (error) {
      update({ ...issued, issues: [issue("pane.unexpected", { detail: String(error) })], notice: null });
    }
  }, [host, task, b, s, settle, update, loadRuns, keepRun]);

  const exportDocuments = React.useCallback(async (confirmed = false) => {
    const v = latestView.current;
    const run = v.run;
    if (!run) return;
    update({ confirmingExport: null });
    const title = invoicePrintTitle(run.month, run.id, s.language);
    const outcome = await task.run(b.documents, async () => {
      const draft = await draftRun(host.app, run.id);
      if (draft && !confirmed) return { ask: true as const, run: draft };
      if (draft) {
        const result = await printRunIssuing(host.app, run.id, title);
        return { result, invoices: result.ok ? result.value.invoices : 0, issuedNow: result.ok && result.value.issuedNow, runs: result.ok ? await loadRuns(keepRun()) : null };
      }
      const loaded = await loadRunInvoices(host.app, run.id);
      if (!loaded.ok) return { result: loaded, invoices: 0, issuedNow: false, runs: null };
      return { result: await exportInvoiceBatchDocument(host.app, loaded.value.invoices, title), invoices: loaded.value.invoices.length, issuedNow: false, runs: null };
    });
    if (!settle(outcome)) return;
    if (outcome.value.ask) return update({ confirmingExport: { kind: "documents", run: outcome.value.run }, confirmingUndo: false, issues: [], notice: null });
    const { result, invoices, issuedNow, runs } = outcome.value;
    if (!result.ok) return update({ issues: result.issues, notice: null });
    if (issuedNow) host.storeChanged();
    const name = downloadNames[s.language].invoiceDocuments(run.month, run.id);
    const issued = issuedNow ? { ...(runs ? runsOf(runs) : {}), confirmingUndo: false } : {};
    try {
      host.download(name, new TextEncoder().encode(result.value.html), "text/html");
      const notice = b.documentsExported(name, invoices);
      update({ ...issued, issues: result.value.issues, notice: issuedNow ? `${notice} ${exportIssueStrings[s.language].issuedNow(run.id, issuedWith(v.runs, runs?.runs, run.id))}` : notice });
    } catch (error) {
      update({ ...issued, issues: [issue("pane.unexpected", { detail: String(error) })], notice: null });
    }
  }, [host, task, b, s, settle, update, loadRuns, keepRun]);

  const loadSettingsFile = React.useCallback(
    async (file: File) => {
      const outcome = await task.run(b.loadSettings, async () => {
        const result = await saveExportSettingsFile(host.app, file.name, await file.text());
        return { result, state: await loadExportSettings() };
      });
      if (!settle(outcome)) return;
      const { result, state } = outcome.value;
      if (!result.ok) return update({ issues: result.issues, notice: null });
      const saved = result.value;
      const names = [saved.datev && b.settingsNames.datev, saved.company && b.settingsNames.company, saved.profiles.length > 0 && b.settingsNames.profiles(saved.profiles.join(", "))].filter(Boolean) as string[];
      update({ exportSettings: state, issues: [], notice: b.settingsSaved(names.join(", ")) });
    },
    [host, task, b, settle, update, loadExportSettings],
  );

  const undoLatest = React.useCallback(async () => {
    const run = latestView.current.latest;
    // Only the latest run is undone (the area offers undo only while it is the chosen one).
    if (!run || latestView.current.run?.id !== run.id) return;
    const outcome = await task.run(b.undoing(run.id), async () => {
      const result = await undoRun(host.app, run.id);
      if (result.ok) host.storeChanged();
      return { result, runs: await loadRuns() };
    });
    if (!settle(outcome)) return;
    const { result, runs } = outcome.value;
    if (!result.ok) return update({ issues: result.issues, notice: null, confirmingUndo: false });
    update({ ...runsOf(runs), month: result.value.runId ? latestView.current.month : runs.month, justRan: null, confirmingUndo: false, issues: [], notice: b.undone(result.value.runId, result.value.ledgerEntriesRemoved) });
  }, [host, task, b, settle, update, loadRuns]);

  /** The clerk chooses a run in the picker: its invoices are read for the facts; open questions go. */
  const pickRun = React.useCallback(
    async (id: string) => {
      const v = latestView.current;
      const run = v.runs.find((r) => r.id === id);
      if (!run || run.id === v.run?.id) return;
      update({ run, runInvoices: [], confirmingExport: null, confirmingUndo: false, issues: [], notice: null });
      const invoices = await loadRunInvoices(host.app, run.id).catch((error: unknown) => ({ ok: false as const, issues: [issue("pane.unexpected", { detail: String(error) })] }));
      if (latestView.current.run?.id !== run.id) return;
      update(invoices.ok ? { runInvoices: invoices.value.invoices } : { issues: invoices.issues });
    },
    [host, update],
  );

  return {
    view,
    task,
    setMonth: (month: string) => update({ month, preview: null, confirming: false }),
    setInvoiceDate: (invoiceDate: string) => update({ invoiceDate, preview: null, confirming: false }),
    setFormat: (format: string) => update({ format }),
    setWindows1252: (windows1252: boolean) => update({ windows1252 }),
    confirmUndo: (on: boolean) => update({ confirmingUndo: on, confirmingExport: null }),
    cancelExport: () => update({ confirmingExport: null }),
    /** Reads the runs again, keeping the choice (another step issued or cancelled: the export question and the undo depend on it). */
    refreshRuns: () => loadRuns(keepRun()).then((runs) => update(runsOf(runs)), (error: unknown) => update({ issues: [issue("pane.unexpected", { detail: String(error) })] })),
    pickRun,
    previewRun,
    confirm,
    runNow,
    exportFile,
    exportDocuments,
    loadSettingsFile,
    undoLatest,
  };
}
