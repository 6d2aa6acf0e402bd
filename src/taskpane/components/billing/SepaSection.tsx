import * as React from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowUndoRegular, SettingsRegular, TableArrowUpRegular, TableEditRegular } from "@fluentui/react-icons";
import { undoBatch } from "../../connection/use-cases";
import { parseIsoDate } from "../../../core/date/iso-date";
import { issue, type Issue } from "../../../core/issues";
import { Decimal, sum } from "../../../core/money/decimal";
import type { RunRecord } from "../../../store/records";
import { formatMoney } from "../../billing/invoice-sheet";
import { mandatesSheetName, applyMandatesSheet, writeMandatesSheet } from "../../billing/mandates-sheet";
import { exportSepaForPane, saveSepaSettingsForm, sepaSettingsFormOf, type SepaSettingsForm } from "../../billing/sepa-export";
import { sepaStrings } from "../../billing/sepa-strings";
import { useHost } from "../../host";
import { settleOutcome, useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { ButtonRow } from "../common/ButtonRow";
import { DateField } from "../common/DateFields";
import { IssueBars } from "../common/IssueBars";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import { StepStatus } from "../common/StepStatus";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sub: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

const EMPTY_FORM: SepaSettingsForm = { name: "", iban: "", bic: "", creditorId: "" };

/**
 * SEPA-Lastschrift step of the Abrechnung area, for the run chosen in the area: the run's pain.008 download with its report next to
 * the button (a repeat needs a confirmation), the creditor details, and the mandates edited in a sheet.
 */
export interface SepaSectionProps {
  run: RunRecord | null;
  active?: boolean;
  /** Whether the direct debit export is the area's next step (its one primary button, issue 20). */
  primary?: boolean;
  /** Told when the clerk has typed a collection date of their own (the SEPA export is then what they do next). */
  onEditing?: (dirty: boolean) => void;
  /** Told while an export or a mandates task runs, so that the run it acts on is not switched under it. */
  onBusy?: (busy: boolean) => void;
}

export function SepaSection({ run, active = true, primary = false, onEditing, onBusy }: SepaSectionProps): React.ReactElement {
  const styles = useStyles();
  const host = useHost();
  const s = useStrings();
  const t = sepaStrings[s.language];
  const task = useTask();
  const busy = task.running;
  React.useEffect(() => onBusy?.(busy), [busy, onBusy]);
  const [date, setDate] = React.useState<string>(() => host.today());
  React.useEffect(() => onEditing?.(date !== host.today()), [date, host, onEditing]);
  const [form, setForm] = React.useState<SepaSettingsForm>(EMPTY_FORM);
  const [settingsStored, setSettingsStored] = React.useState(false);
  const [showSettings, setShowSettings] = React.useState(false);
  const [report, setReport] = React.useState<Issue[]>([]);
  const [confirmRepeat, setConfirmRepeat] = React.useState(false);
  const [issues, setIssues] = React.useState<Issue[]>([]);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [undoable, setUndoable] = React.useState<string | null>(null);
  // Progress, problems and notices show under the part that produced them (export, settings, mandates).
  const [statusAt, setStatusAt] = React.useState<"settings" | "export" | "mandates">("export");

  React.useEffect(() => {
    if (!active) return;
    let live = true;
    void sepaSettingsFormOf(host.app).then(({ stored, ...f }) => {
      if (!live) return;
      setForm(f);
      setSettingsStored(stored);
    });
    return () => {
      live = false;
    };
  }, [active, host]);

  // Another run chosen in the area: the last run's repeat question and report do not hold for it.
  React.useEffect(() => {
    setConfirmRepeat(false);
    setReport([]);
  }, [run?.id]);

  const start = (part: "settings" | "export" | "mandates") => {
    setStatusAt(part);
    setIssues([]);
    setNotice(null);
  };
  const settle = <T,>(outcome: Parameters<typeof settleOutcome<T>>[0]) =>
    settleOutcome(outcome, () => setNotice(s.common.cancelled), (i) => setIssues([i]));

  const exportRun = async (repeat: boolean) => {
    const collectionDate = parseIsoDate(date);
    if (!run || !collectionDate) return;
    start("export");
    setReport([]);
    setConfirmRepeat(false);
    const outcome = await task.run(t.exportButton, () => exportSepaForPane(host.app, run.id, collectionDate, repeat));
    if (!settle(outcome)) return;
    const r = outcome.value;
    if (r.kind === "confirm_repeat") return setConfirmRepeat(true);
    if (r.kind === "failed") return setIssues(r.issues);
    host.storeChanged();
    try {
      for (const f of r.value.files) host.download(f.name, f.bytes, "application/xml");
    } catch (error) {
      return setIssues([issue("pane.unexpected", { detail: String(error) })]);
    }
    const count = r.value.files.reduce((n, f) => n + f.count, 0);
    const total = sum(r.value.files.map((f) => new Decimal(f.total))).toFixed(2);
    setNotice(t.exported(r.value.files.map((f) => f.name).join(", "), count, formatMoney(total, s.language)));
    setReport(r.value.report);
  };

  const saveSettings = async () => {
    start("settings");
    const outcome = await task.run(t.saveSettings, () => saveSepaSettingsForm(host.app, form));
    if (!settle(outcome)) return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    host.storeChanged();
    setSettingsStored(true);
    setShowSettings(false);
    setStatusAt("export");
    setNotice(t.settingsSaved);
  };

  const writeSheet = async () => {
    start("mandates");
    const outcome = await task.run(t.writeMandates, ({ signal, progress }) => writeMandatesSheet(host.app, host.gateway, { signal, onProgress: (d, n) => progress(d, n) }, s.language));
    if (!settle(outcome)) return;
    const { written, mandates } = outcome.value;
    if (!written.ok) return setIssues(written.issues);
    setNotice(t.mandatesWritten(written.value.sheet, mandates));
  };

  const applySheet = async () => {
    start("mandates");
    setUndoable(null);
    const outcome = await task.run(t.applyMandates, () => applyMandatesSheet(host.app, host.gateway, s.language));
    if (!settle(outcome)) return;
    const r = outcome.value;
    if (!r.ok) return setIssues(r.issues);
    setIssues(r.value.warnings);
    if (r.value.batchId === null) return setNotice(t.mandatesUnchanged);
    host.storeChanged();
    setUndoable(r.value.batchId);
    setNotice(t.mandatesApplied(r.value.added, r.value.changed, r.value.unchanged));
  };

  const undo = async (batchId: string) => {
    start("mandates");
    const outcome = await task.run(s.common.undo, () => undoBatch(host.app, batchId));
    if (!settle(outcome)) return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    host.storeChanged();
    setUndoable(null);
    setNotice(t.undone);
  };

  const field = (key: keyof SepaSettingsForm, label: string) => (
    <Field label={label}>
      <Input value={form[key]} disabled={busy} autoComplete="off" onChange={(_, d) => setForm((f) => ({ ...f, [key]: d.value }))} data-testid={`sepa-${key}`} />
    </Field>
  );

  const status = <StepStatus progress={task.progress} onCancel={task.cancel} issues={issues} notice={notice} />;

  return (
    <StepSection id="step-bill-sepa" title={t.title} intro={t.intro} inactive={!run}>
      {!settingsStored && <Notice intent="warning" testId="sepa-settings-missing">{t.settingsMissing}</Notice>}
      {(showSettings || !settingsStored) && (
        <div className={styles.form} data-testid="sepa-settings">
          {field("name", t.creditorName)}
          {field("iban", t.creditorIban)}
          {field("bic", t.creditorBic)}
          {field("creditorId", t.creditorId)}
          <ButtonRow>
            <Button disabled={busy} onClick={() => void saveSettings()} data-testid="sepa-save-settings">
              {t.saveSettings}
            </Button>
          </ButtonRow>
          {statusAt === "settings" && status}
        </div>
      )}
      {settingsStored && !showSettings && (
        <ButtonRow>
          <Button appearance="subtle" size="small" icon={<SettingsRegular />} onClick={() => setShowSettings(true)} data-testid="sepa-show-settings">
            {t.settingsTitle}
          </Button>
        </ButtonRow>
      )}
      <DateField label={t.collectionDate} value={date} onChange={setDate} disabled={busy} testId="sepa-collection-date" />
      <ButtonRow>
        <Button appearance={primary ? "primary" : "secondary"} icon={<ArrowDownloadRegular />} disabled={busy || !run || !settingsStored || parseIsoDate(date) === null} onClick={() => void exportRun(false)} data-testid="sepa-export">
          {t.exportButton}
        </Button>
      </ButtonRow>
      {confirmRepeat && run && (
        <Notice
          intent="warning"
          title={t.repeatTitle}
          testId="sepa-repeat-confirm"
          actions={
            <>
              <Button appearance="primary" size="small" disabled={busy} onClick={() => void exportRun(true)} data-testid="sepa-repeat-yes">
                {t.repeatYes}
              </Button>
              <Button size="small" disabled={busy} onClick={() => setConfirmRepeat(false)}>
                {s.common.cancel}
              </Button>
            </>
          }
        >
          {t.repeatText(run.id)}
        </Notice>
      )}
      {statusAt === "export" && status}
      <IssueBars issues={report} max={8} testId="sepa-report" />
      <p className={styles.sub}>{t.mandatesTitle}</p>
      <ButtonRow>
        <Button icon={<TableEditRegular />} disabled={busy} onClick={() => void writeSheet()} data-testid="sepa-write-mandates">
          {t.writeMandates}
        </Button>
        <Button icon={<TableArrowUpRegular />} disabled={busy} onClick={() => void applySheet()} title={mandatesSheetName(s.language)} data-testid="sepa-apply-mandates">
          {t.applyMandates}
        </Button>
      </ButtonRow>
      {undoable && (
        <ButtonRow>
          <Button size="small" icon={<ArrowUndoRegular />} disabled={busy} onClick={() => void undo(undoable)} data-testid="sepa-mandates-undo">
            {s.common.undo}
          </Button>
        </ButtonRow>
      )}
      {statusAt === "mandates" && status}
    </StepSection>
  );
}
