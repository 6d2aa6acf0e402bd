import * as React from "react";
import { Body1, Button, Checkbox, Field, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowUndoRegular, DocumentArrowUpRegular, DocumentTextRegular, EyeRegular, PlayRegular } from "@fluentui/react-icons";
import { billingTotals, formatMoney } from "../../billing/invoice-sheet";
import { previewBillable, useBilling } from "../../hooks/useBilling";
import { formatDay, useStrings } from "../../i18n";
import { formatMonth } from "../../i18n/format";
import { useHost } from "../../host";
import { isFarAhead } from "../../../core/billing/far-ahead";
import { monthOf } from "../../../core/date/iso-month";
import { ButtonRow } from "../common/ButtonRow";
import { DateField, MonthField } from "../common/DateFields";
import { FactList } from "../common/FactList";
import { FileButton } from "../common/FileButton";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import { StepStatus } from "../common/StepStatus";
import { LifecycleSection, UndoRunDialog } from "./LifecycleSection";
import { exportIssueStrings, invoiceNumberRange } from "../../billing/export-issue-strings";
import { SepaSection } from "./SepaSection";
import { InvoiceListSection } from "./InvoiceListSection";

const useStyles = makeStyles({
  area: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  // Side by side only where both fit (a date input needs ~160 px); stacked in a 320–350 px pane.
  fields: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(170px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  // A native select grows to its longest option ("November 2026 – festgeschrieben – run-… – …"): keep it in the pane.
  picker: { width: "100%", maxWidth: "100%", minWidth: 0 },
  pickerSelect: { width: "100%", maxWidth: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

type BillingStep = "preview" | "run" | "export";

/**
 * Abrechnung: month → preview sheet (dry run) → confirm → run → export → undo the latest run; the
 * lifecycle, SEPA and the invoice list below. Step 3's picker *Lauf* (two runs or more) chooses the run
 * that export, print, lifecycle and SEPA act on; undo stays with the latest.
 */
export function BillingArea({ active = true }: { active?: boolean }): React.ReactElement {
  const styles = useStyles();
  const s = useStrings();
  const b = s.billing;
  const x = exportIssueStrings[s.language];
  const bill = useBilling(active);
  const host = useHost();
  const { view, task } = bill;
  const [at, setAt] = React.useState<BillingStep>("preview");
  const busy = task.running;
  // The lifecycle and SEPA steps run tasks of their own on the chosen run: while one runs, the run is
  // not switched under it (its result would be told beside another run) and the latest is not undone.
  const [stepsBusy, setStepsBusy] = React.useState({ lifecycle: false, sepa: false });
  const lifecycleBusy = React.useCallback((b: boolean) => setStepsBusy((m) => (m.lifecycle === b ? m : { ...m, lifecycle: b })), []);
  const sepaBusy = React.useCallback((b: boolean) => setStepsBusy((m) => (m.sepa === b ? m : { ...m, sepa: b })), []);
  const runLocked = busy || stepsBusy.lifecycle || stepsBusy.sepa;
  const act = (step: BillingStep, action: () => unknown) => () => {
    setAt(step);
    void action();
  };
  const status = (step: BillingStep) => (at === step ? <StepStatus progress={task.progress} onCancel={task.cancel} issues={view.issues} notice={view.notice} /> : null);
  const preview = view.preview;
  // As `bill` on the command line: a month more than one ahead is most likely a typo in the year.
  const currentMonth = monthOf(host.today());
  const farAhead = preview !== null && isFarAhead(preview.month, host.today());
  const latest = view.latest;
  const run = view.run;
  const isLatest = run !== null && run.id === latest?.id;
  const runTotals = run ? billingTotals(view.runInvoices) : null;
  // One primary button per stage, the next step (issue 20): preview → run → export; a collection date
  // typed in the SEPA step makes its export the next step.
  const [sepaTyped, setSepaTyped] = React.useState(false);
  const billable = previewBillable(preview);
  const next = sepaTyped ? "sepa" : billable ? "run" : view.justRan ? "export" : "preview";

  return (
    <div className={styles.area}>
      <Body1 as="p" className={styles.flush}>
        {b.description}
      </Body1>

      <StepSection id="step-bill-preview" title={b.previewTitle} intro={b.previewIntro}>
        <div className={styles.fields}>
          <MonthField label={b.month} value={view.month} onChange={bill.setMonth} disabled={busy} testId="billing-month" />
          <DateField label={b.invoiceDate} value={view.invoiceDate} onChange={bill.setInvoiceDate} disabled={busy} testId="invoice-date" />
        </div>
        <ButtonRow>
          <Button appearance={next === "preview" ? "primary" : "secondary"} icon={<EyeRegular />} disabled={busy} onClick={act("preview", bill.previewRun)} data-testid="billing-preview">
            {b.preview}
          </Button>
        </ButtonRow>
        {preview && preview.invoices.length > 0 && (
          <Notice key={`${preview.month}:${preview.sheet}`} reveal intent="info" title={b.previewResultTitle(preview.month)} testId="billing-preview-result">
            <FactList
              facts={[
                [b.sheet, preview.sheet ?? "–"],
                [b.invoices, s.formatInteger(preview.totals.invoices)],
                [b.lines, s.formatInteger(preview.totals.lines)],
                [b.differences, s.formatInteger(preview.totals.differences)],
                [b.net, formatMoney(preview.totals.net, s.language)],
                [b.gross, formatMoney(preview.totals.gross, s.language)],
              ]}
            />
          </Notice>
        )}
        {status("preview")}
      </StepSection>

      <StepSection id="step-bill-run" title={b.runTitle} intro={b.runIntro} inactive={!billable}>
        {!view.confirming ? (
          <ButtonRow>
            <Button appearance={next === "run" ? "primary" : "secondary"} icon={<PlayRegular />} disabled={busy || !billable} onClick={() => bill.confirm(true)} data-testid="billing-run">
              {b.run}
            </Button>
          </ButtonRow>
        ) : (
          preview && (
            <Notice
              intent="warning"
              reveal
              title={b.confirmTitle}
              testId="billing-confirm"
              actions={
                <>
                  <Button appearance="primary" size="small" disabled={busy} onClick={act("run", bill.runNow)} data-testid="billing-confirm-yes">
                    {b.confirmYes}
                  </Button>
                  <Button size="small" disabled={busy} onClick={() => bill.confirm(false)}>
                    {s.common.cancel}
                  </Button>
                </>
              }
            >
              {farAhead && (
                <Body1 as="p" className={styles.flush} data-testid="billing-far-ahead">
                  {b.farAhead(formatMonth(preview.month, s.language), formatMonth(currentMonth, s.language))}
                </Body1>
              )}
              {preview.invoices.length === 0 && preview.usageOnly ? b.confirmUsageOnly(formatMonth(preview.month, s.language), preview.usage) : b.confirmText(preview.totals.invoices, preview.month, formatMoney(preview.totals.net, s.language))}
            </Notice>
          )
        )}
        {status("run")}
      </StepSection>

      <StepSection id="step-bill-export" title={b.exportTitle} intro={b.exportIntro} inactive={!run}>
        {run && view.runs.length > 1 && (
          <Field label={b.runPick}>
            <Select className={styles.picker} select={{ className: styles.pickerSelect }} value={run.id} disabled={runLocked} onChange={(_, d) => void bill.pickRun(d.value)} data-testid="billing-run-pick">
              {view.runs.map((r) => (
                <option key={r.id} value={r.id}>
                  {b.runOption(r.id, formatMonth(r.month, s.language), formatDay(r.invoiceDate, s.language), r.issuedAt != null)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {run && runTotals && (
          <FactList
            testId="latest-run"
            facts={[
              [isLatest ? b.latestRun : b.runPick, run.id],
              [b.month, formatMonth(run.month, s.language)],
              [b.invoiceDate, formatDay(run.invoiceDate, s.language)],
              [b.invoices, s.formatInteger(runTotals.invoices)],
              [b.net, formatMoney(runTotals.net, s.language)],
            ]}
          />
        )}
        {!run && <Body1 as="p" className={styles.flush}>{b.noRuns}</Body1>}
        {run && (
          <>
            <Field label={b.format}>
              <RadioGroup value={view.format} onChange={(_, d) => bill.setFormat(d.value)} layout="vertical" data-testid="export-format">
                <Radio value="generic" label={b.formatGeneric} />
                <Radio value="de" label={b.formatGerman} />
                <Radio value="datev" label={b.formatDatev} disabled={!view.exportSettings.datev} />
                {view.exportSettings.profiles.map((p) => (
                  <Radio key={p.id} value={`custom:${p.id}`} label={b.formatCustom(p.name)} />
                ))}
              </RadioGroup>
            </Field>
            {view.format === "de" && (
              <div data-testid="windows-1252">
                <Checkbox checked={view.windows1252} onChange={(_, d) => bill.setWindows1252(d.checked === true)} label={b.windows1252} />
              </div>
            )}
            <ButtonRow>
              <Button appearance={next === "export" ? "primary" : "secondary"} icon={<ArrowDownloadRegular />} disabled={busy} onClick={act("export", bill.exportFile)} data-testid="billing-export">
                {b.exportCsv}
              </Button>
              <Button icon={<DocumentTextRegular />} disabled={busy || !view.exportSettings.company} onClick={act("export", bill.exportDocuments)} title={b.documentsHint} data-testid="billing-documents">
                {b.documents}
              </Button>
              {isLatest && (
                <Button icon={<ArrowUndoRegular />} disabled={runLocked} onClick={() => (setAt("export"), bill.confirmUndo(true))} data-testid="billing-undo">
                  {b.undoRun}
                </Button>
              )}
            </ButtonRow>
            {!isLatest && (
              <Body1 as="p" className={styles.hint} data-testid="billing-undo-latest-only">
                {b.undoLatestOnly}
              </Body1>
            )}
            {!run.issuedAt && (
              <Body1 as="p" className={styles.hint} data-testid="billing-export-draft-hint">
                {x.draftHint}
              </Body1>
            )}
            {view.confirmingExport?.run.id === run.id && (
              <Notice
                intent="warning"
                reveal
                title={x.confirmTitle[view.confirmingExport.kind]}
                testId="billing-export-confirm"
                actions={
                  <>
                    <Button appearance="primary" size="small" disabled={busy} onClick={act("export", () => (view.confirmingExport!.kind === "file" ? bill.exportFile(true) : bill.exportDocuments(true)))} data-testid="billing-export-yes">
                      {x.confirmYes[view.confirmingExport.kind]}
                    </Button>
                    <Button size="small" disabled={busy} onClick={bill.cancelExport} data-testid="billing-export-cancel">
                      {s.common.cancel}
                    </Button>
                  </>
                }
              >
                {x.confirmText(view.confirmingExport.kind, view.confirmingExport.run.id, view.confirmingExport.run.invoiceRefs.length, invoiceNumberRange(view.confirmingExport.run.invoiceRefs))}
              </Notice>
            )}
            {view.confirmingUndo && isLatest && <UndoRunDialog run={run} busy={runLocked} onUndo={act("export", bill.undoLatest)} onClose={() => bill.confirmUndo(false)} />}
          </>
        )}
        <Body1 as="p" className={styles.hint} data-testid="export-settings-state">
          {b.settingsState(view.exportSettings.datev, view.exportSettings.company, view.exportSettings.profiles.length)}
        </Body1>
        {(!view.exportSettings.datev || !view.exportSettings.company) && run && (
          <Body1 as="p" className={styles.hint}>
            {b.datevMissing}
          </Body1>
        )}
        <FileButton label={b.loadSettings} accept=".json,application/json" disabled={busy} icon={<DocumentArrowUpRegular />} testId="export-settings-file" onFiles={(f) => (setAt("export"), void bill.loadSettingsFile(f[0]!))} />
        <Body1 as="p" className={styles.hint}>
          {b.settingsHint}
        </Body1>
        {status("export")}
      </StepSection>

      <LifecycleSection run={run} latest={isLatest} active={active} revision={busy ? 0 : 1} onChanged={() => void bill.refreshRuns()} onBusy={lifecycleBusy} />

      <SepaSection run={run} active={active} primary={next === "sepa"} onEditing={setSepaTyped} onBusy={sepaBusy} />

      <InvoiceListSection />
    </div>
  );
}
