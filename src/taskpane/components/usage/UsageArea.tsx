/**
 * Zeiten/Zähler: import time entries and meter readings (undoable), load the rules, review and approve
 * time entries, review the meter readings, write the contingent balances of a month.
 */
import * as React from "react";
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular, TableRegular } from "@fluentui/react-icons";
import { importMeters, importTime, undoBatch } from "../../connection/use-cases";
import { addMonths, lastDayOf, monthOf, parseIsoMonth } from "../../../core/date/iso-month";
import type { Issue } from "../../../core/issues";
import { useHost } from "../../host";
import { settleOutcome, type TaskOutcome, useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { flowStrings } from "../../i18n/flow";
import { useFlow } from "../../hooks/useNextStep";
import { usageNextStep, type UsageDone, type UsageForm, type UsageNext } from "../../usage/next-step";
import { balanceSheetName, balanceSheetRows, balanceWriteOptions } from "../../usage/balance-sheet";
import { readInputFile } from "../../usage/read-file";
import { BatchNotice } from "../common/BatchNotice";
import { ButtonRow } from "../common/ButtonRow";
import { MonthField } from "../common/DateFields";
import { formatDateText } from "../common/date-text";
import { FileButton } from "../common/FileButton";
import { StepSection } from "../common/StepSection";
import { StepStatus } from "../common/StepStatus";
import { MeterReviewSection } from "./MeterReviewSection";
import { RulesSection } from "./RulesSection";
import { TimeReviewSection } from "./TimeReviewSection";
import { UsageReviewSection } from "./UsageReviewSection";

const useStyles = makeStyles({
  area: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
});

type UsageSection = "time" | "meters" | "balance";

interface Imported {
  /** The step that made it: done again after an undo. */
  step: "importTime" | "importMeters";
  title: string;
  batchId: string | null;
  facts: [string, string][];
}

export function UsageArea(): React.ReactElement {
  const styles = useStyles();
  const host = useHost();
  const s = useStrings();
  const u = s.usage;
  const task = useTask();
  const [imported, setImported] = React.useState<Imported | null>(null);
  const [issues, setIssues] = React.useState<Issue[]>([]);
  const [hint, setHint] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [month, setMonth] = React.useState<string>(() => host.today().slice(0, 7));
  // Monthly totals (a file without a date per entry, e.g. Zammad) count on this month's last day.
  const [totalsMonth, setTotalsMonth] = React.useState<string>(() => addMonths(monthOf(host.today()), -1));
  const [at, setAt] = React.useState<UsageSection>("time");
  // One primary button in the area: the next step (issue 20).
  const [flow, flowEvents] = useFlow<UsageDone, UsageNext, UsageForm>();
  const next = usageNextStep(flow);

  const settle = <T,>(outcome: TaskOutcome<T>): outcome is { status: "done"; value: T } =>
    settleOutcome(outcome, () => setNotice(s.common.cancelled), (i) => setIssues([i]));
  const start = () => {
    setIssues([]);
    setHint(undefined);
    setNotice(null);
  };
  const rejected = (list: Issue[]) => {
    setIssues(list);
    setHint(u.fixFileHint);
  };

  const importTimeFile = async ([file]: File[]) => {
    if (!file) return;
    start();
    const totals = parseIsoMonth(totalsMonth);
    const outcome = await task.run(u.importing(file.name), async () => importTime(host.app, await readInputFile(file), totals ? { date: lastDayOf(totals) } : {}));
    if (!settle(outcome)) return;
    const r = outcome.value;
    if (!r.ok) return rejected(r.issues);
    host.storeChanged();
    setIssues(r.value.warnings);
    const v = r.value;
    flowEvents.done("importTime");
    setImported({
      step: "importTime",
      title: u.timeImported,
      batchId: v.batchId,
      facts: [
        [u.profile, u.timeProfile(v.profile, v.profileName)],
        [u.rows, s.formatInteger(v.rows)],
        [u.added, s.formatInteger(v.added)],
        [u.changed, s.formatInteger(v.changed)],
        [u.unchanged, s.formatInteger(v.unchanged)],
        [u.nonBillable, s.formatInteger(v.nonBillable)],
        ...(v.totalsDate ? [[u.totalsDate, formatDateText(v.totalsDate, s.language)] as [string, string]] : []),
      ],
    });
  };

  const importMeterFile = async ([file]: File[]) => {
    if (!file) return;
    start();
    const outcome = await task.run(u.importing(file.name), async () => importMeters(host.app, await readInputFile(file)));
    if (!settle(outcome)) return;
    const r = outcome.value;
    if (!r.ok) return rejected(r.issues);
    host.storeChanged();
    setIssues(r.value.warnings);
    const v = r.value;
    flowEvents.done("importMeters");
    setImported({
      step: "importMeters",
      title: u.metersImported,
      batchId: v.batchId,
      facts: [
        [u.rows, s.formatInteger(v.rows)],
        [u.added, s.formatInteger(v.added)],
        [u.unchanged, s.formatInteger(v.unchanged)],
      ],
    });
  };

  const undo = async (batchId: string) => {
    start();
    const outcome = await task.run(s.common.undo, async () => undoBatch(host.app, batchId));
    if (!settle(outcome)) return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    host.storeChanged();
    if (imported?.batchId === batchId) flowEvents.undone(imported.step);
    setImported(null);
    setNotice(u.undone);
  };

  const writeBalances = async () => {
    start();
    const iso = parseIsoMonth(month);
    if (!iso) return setNotice(s.common.invalidMonth);
    const outcome = await task.run(u.balanceTitle, async ({ signal, progress }) => {
      const table = await balanceSheetRows(host.app, iso, s.language);
      if (table.rows.length <= 1 && table.issues.length === 0) return { written: null, table };
      const written = await host.gateway.writeTable(balanceSheetName(iso, s.language), table.rows, { ...balanceWriteOptions(s.language), signal, onProgress: (d, t) => progress(d, t) });
      return { written, table };
    });
    if (!settle(outcome)) return;
    const { written, table } = outcome.value;
    if (!written) return setNotice(flowStrings[s.language].noContingents);
    if (!written.ok) return setIssues([...table.issues, ...written.issues]);
    setIssues(table.issues);
    flowEvents.done("writeBalance");
    setNotice(u.balanceWritten(written.value.sheet, written.value.rowsWritten, table.negative));
  };

  const busy = task.running;
  // Results and problems appear in the section whose button made them (issue 20), not at the area's end.
  const status = (section: UsageSection) =>
    at === section ? (
      <>
        {imported && section !== "balance" && (
          <BatchNotice
            key={imported.batchId ?? imported.title}
            reveal
            title={imported.title}
            facts={imported.facts}
            batchId={imported.batchId}
            batchLabel={u.batch}
            undoLabel={s.common.undo}
            busy={busy}
            onUndo={(id) => void undo(id)}
            testId="usage-import-result"
          />
        )}
        <StepStatus progress={task.progress} onCancel={task.cancel} issues={issues} hint={hint} notice={notice} noticeTestId="usage-notice" issuesTestId="usage-issues" />
      </>
    ) : null;
  return (
    <div className={styles.area} data-testid="usage-area">
      <Body1 as="p" className={styles.flush}>
        {u.description}
      </Body1>
      <StepSection id="section-time" title={u.timeTitle} intro={u.timeIntro}>
        <MonthField label={u.totalsMonth} value={totalsMonth} onChange={setTotalsMonth} disabled={busy} testId="time-totals-month" />
        <ButtonRow>
          <FileButton label={u.importTime} appearance={next === "importTime" ? "primary" : "secondary"} accept=".csv,.txt,text/csv" disabled={busy} icon={<DocumentArrowUpRegular />} testId="time-file" onFiles={(f) => (setAt("time"), void importTimeFile(f))} />
        </ButtonRow>
        {status("time")}
      </StepSection>
      <RulesSection next={next} flow={flowEvents} />
      <TimeReviewSection next={next} flow={flowEvents} />
      <UsageReviewSection next={next} flow={flowEvents} />
      <StepSection id="section-meters" title={u.metersTitle} intro={u.metersIntro}>
        <ButtonRow>
          <FileButton label={u.importMeters} appearance={next === "importMeters" ? "primary" : "secondary"} accept=".csv,.txt,text/csv" disabled={busy} icon={<DocumentArrowUpRegular />} testId="meters-file" onFiles={(f) => (setAt("meters"), void importMeterFile(f))} />
        </ButtonRow>
        {status("meters")}
      </StepSection>
      <MeterReviewSection next={next} flow={flowEvents} />
      <StepSection id="section-balance" title={u.balanceTitle} intro={u.balanceIntro}>
        <MonthField label={u.month} value={month} onChange={setMonth} disabled={busy} testId="balance-month" />
        <ButtonRow>
          <Button appearance={next === "writeBalance" ? "primary" : "secondary"} icon={<TableRegular />} disabled={busy} onClick={() => (setAt("balance"), void writeBalances())} data-testid="balance-write">
            {u.showBalance}
          </Button>
        </ButtonRow>
        {status("balance")}
      </StepSection>
    </div>
  );
}
