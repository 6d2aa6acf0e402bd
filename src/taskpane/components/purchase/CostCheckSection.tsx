/** Cost check: a vendor billing file and a month → the sheet "Kostenprüfung YYYY-MM" with findings coloured. */
import * as React from "react";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { sha256Hex } from "../../../app/context";
import { costCheckFile, loadUserProfiles } from "../../connection/use-cases";
import { parseIsoMonth } from "../../../core/date/iso-month";
import { issue, type Issue } from "../../../core/issues";
import { useHost } from "../../host";
import { settleOutcome, type TaskOutcome, useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { costCheckSheetName, costCheckSheetRows, costCheckWriteOptions } from "../../purchase/cost-check-sheet";
import { ButtonRow } from "../common/ButtonRow";
import { MonthField } from "../common/DateFields";
import { FactList } from "../common/FactList";
import { FileButton } from "../common/FileButton";
import { IssueBars } from "../common/IssueBars";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import { TaskProgress } from "../common/TaskProgress";

export function CostCheckSection(): React.ReactElement {
  const host = useHost();
  const s = useStrings();
  const c = s.costCheck;
  const task = useTask();
  const [month, setMonth] = React.useState<string>(() => host.today().slice(0, 7));
  const [result, setResult] = React.useState<{ sheet: string; rows: number; counts: Record<string, number> } | null>(null);
  const [issues, setIssues] = React.useState<Issue[]>([]);
  const [notice, setNotice] = React.useState<string | null>(null);

  const settle = <T,>(outcome: TaskOutcome<T>): outcome is { status: "done"; value: T } =>
    settleOutcome(outcome, () => setNotice(s.common.cancelled), (i) => setIssues([i]));

  const check = async ([file]: File[]) => {
    if (!file) return;
    setIssues([]);
    setNotice(null);
    setResult(null);
    const iso = parseIsoMonth(month);
    if (!iso) return setIssues([issue("parse.invalid_date", { value: month }, { source: c.month })]);
    const outcome = await task.run(c.checking(file.name), async ({ signal, progress }) => {
      const { profiles } = await loadUserProfiles(host.app);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const parsed = await host.parser.parseBytes(bytes, { name: file.name, userProfiles: profiles }, { signal, onProgress: (d, t) => progress(d, t) });
      const checked = await costCheckFile(host.app, { name: file.name, sha256: await sha256Hex(bytes), result: parsed }, iso);
      if (!checked.ok) return { issues: checked.issues };
      const sheet = costCheckSheetName(iso, s.language);
      const written = await host.gateway.writeTable(sheet, costCheckSheetRows(checked.value.rows, s.language), { ...costCheckWriteOptions(s.language), signal, onProgress: (d, t) => progress(d, t, s.purchase.writing) });
      if (!written.ok) return { issues: written.issues };
      return { result: { sheet, rows: checked.value.rows.length, counts: checked.value.counts }, warnings: checked.value.warnings };
    });
    if (!settle(outcome)) return;
    const v = outcome.value;
    if (v.issues) return setIssues(v.issues);
    setResult(v.result);
    setIssues(v.warnings);
  };

  const busy = task.running;
  return (
    <StepSection id="section-cost-check" title={c.title} intro={c.intro}>
      <MonthField label={c.month} value={month} onChange={setMonth} disabled={busy} testId="cost-month" />
      <ButtonRow>
        <FileButton label={c.openFile} accept=".csv,.txt,.xlsx,text/csv" disabled={busy} icon={<DocumentArrowUpRegular />} testId="cost-file" onFiles={(f) => void check(f)} />
      </ButtonRow>
      <TaskProgress progress={task.progress} onCancel={task.cancel} />
      {result && (
        <Notice title={result.sheet} testId="cost-result">
          <FactList facts={[[c.rows, s.formatInteger(result.rows)], ...Object.entries(result.counts).map(([k, n]): [string, string] => [c.findings[k] ?? k, s.formatInteger(n)])]} />
        </Notice>
      )}
      {notice && (
        <Notice intent="info" testId="cost-notice">
          {notice}
        </Notice>
      )}
      <IssueBars issues={issues} testId="cost-issues" />
    </StepSection>
  );
}
