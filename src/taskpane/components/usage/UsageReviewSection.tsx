/**
 * Zeiten/Zähler → Verbrauch (Azure): usage files of the vendor imported (undoable), the price rules
 * loaded, the usage review of a month written as "Verbrauch YYYY-MM" with the decision drop-down,
 * and the decisions read back ("Entscheidungen übernehmen"): the next billing run bills the approved
 * records as usage lines. The same use cases as `usage import|rules|review|approve`.
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { CheckmarkRegular, DocumentArrowUpRegular, TableRegular } from "@fluentui/react-icons";
import { setUsageRules, undoBatch } from "../../connection/use-cases";
import { addMonths, monthOf, parseIsoMonth } from "../../../core/date/iso-month";
import { issue, type Issue } from "../../../core/issues";
import { formatMoney } from "../../billing/invoice-sheet";
import { useHost } from "../../host";
import { settleOutcome, type TaskOutcome, useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { applyUsageReviewSheet, importUsageFiles, writeUsageReviewSheet } from "../../usage/usage-review-flow";
import { usageReviewSheetName } from "../../usage/usage-review-sheet";
import { USAGE_REVIEW_STRINGS } from "../../usage/usage-review-strings";
import { BatchNotice } from "../common/BatchNotice";
import { ButtonRow } from "../common/ButtonRow";
import { MonthField } from "../common/DateFields";
import { FileButton } from "../common/FileButton";
import { StepSection } from "../common/StepSection";
import { StepStatus } from "../common/StepStatus";
import type { FlowEvents } from "../../hooks/useNextStep";
import type { UsageDone, UsageForm, UsageNext } from "../../usage/next-step";

interface Imported {
  batchId: string | null;
  facts: [string, string][];
}

export function UsageReviewSection({ next = null, flow }: { next?: UsageNext | null; flow?: FlowEvents<UsageDone, UsageNext, UsageForm> }): React.ReactElement {
  const host = useHost();
  const s = useStrings();
  const t = USAGE_REVIEW_STRINGS[s.language];
  const task = useTask();
  // Usage is billed in arrears: the month before today's.
  const [month, setMonth] = React.useState<string>(() => addMonths(monthOf(host.today()), -1));
  const [imported, setImported] = React.useState<Imported | null>(null);
  const [notice, setNotice] = React.useState<{ text: string; intent: "success" | "info" } | null>(null);
  const [issues, setIssues] = React.useState<Issue[]>([]);
  const [hint, setHint] = React.useState<string | undefined>(undefined);

  const settle = <T,>(outcome: TaskOutcome<T>): outcome is { status: "done"; value: T } =>
    settleOutcome(outcome, () => setNotice({ text: s.common.cancelled, intent: "info" }), (i) => setIssues([i]));
  const start = () => {
    setIssues([]);
    setHint(undefined);
    setNotice(null);
  };
  const chosenMonth = () => {
    const iso = parseIsoMonth(month);
    if (!iso) setIssues([issue("pane.invalid_month", { value: month })]);
    return iso;
  };

  const importFiles = async (files: File[]) => {
    if (files.length === 0) return;
    start();
    setImported(null);
    const outcome = await task.run(t.importing(files.map((f) => f.name).join(", ")), async ({ signal, progress }) => {
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      return importUsageFiles(host.app, host.parser, read, { signal, onProgress: (d, n) => progress(d, n) });
    });
    if (!settle(outcome)) return;
    const r = outcome.value;
    if (!r.ok) {
      setIssues(r.issues);
      setHint(t.fixFileHint);
      return;
    }
    const v = r.value;
    if (v.batchId) host.storeChanged();
    flow?.done("importUsage");
    setIssues(r.warnings ?? []);
    setImported({
      batchId: v.batchId,
      facts: [
        [t.lines, s.formatInteger(v.lines)],
        [t.records, s.formatInteger(v.records)],
        [t.added, s.formatInteger(v.added)],
        [t.changed, s.formatInteger(v.changed)],
        [t.unchanged, s.formatInteger(v.unchanged)],
        [t.months, v.months.join(", ")],
      ],
    });
    // The review month follows the file (its latest month).
    const last = v.months.at(-1);
    if (last) setMonth(last);
  };

  const loadRules = async ([file]: File[]) => {
    if (!file) return;
    start();
    const outcome = await task.run(t.loadRules, async () => setUsageRules(host.app, await file.text(), file.name));
    if (!settle(outcome)) return;
    const r = outcome.value;
    if (!r.ok) {
      setIssues(r.issues);
      setHint(t.fixFileHint);
      return;
    }
    host.storeChanged();
    flow?.done("loadUsageRules");
    setIssues(r.value.warnings);
    setNotice({ text: t.rulesStored(r.value.customers, r.value.articles), intent: "success" });
  };

  const undo = async (batchId: string) => {
    start();
    const outcome = await task.run(s.common.undo, async () => undoBatch(host.app, batchId));
    if (!settle(outcome)) return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    host.storeChanged();
    flow?.undone("importUsage");
    setImported(null);
    setNotice({ text: t.undone, intent: "info" });
  };

  const writeReview = async () => {
    start();
    const iso = chosenMonth();
    if (!iso) return;
    const outcome = await task.run(t.writeReview, async ({ signal, progress }) => writeUsageReviewSheet(host.app, host.gateway, iso, s.language, { signal, onProgress: (d, n) => progress(d, n) }));
    if (!settle(outcome)) return;
    const { review, written } = outcome.value;
    if (!written.ok) return setIssues(written.issues);
    setIssues(review.rows.flatMap((r) => r.issues));
    flow?.done("writeUsageReview");
    const x = review.totals;
    setNotice({ text: t.reviewWritten(written.value.sheet, x.rows, x.charged, x.held, x.problems, formatMoney(x.net, s.language), formatMoney(x.cost, s.language)), intent: "info" });
  };

  const applyDecisions = async () => {
    start();
    const iso = chosenMonth();
    if (!iso) return;
    const outcome = await task.run(t.applyDecisions, async () => applyUsageReviewSheet(host.app, host.gateway, iso, s.language));
    if (!settle(outcome)) return;
    const v = outcome.value;
    if ("issues" in v) {
      setIssues(v.issues);
      setHint(t.fixSheetHint(usageReviewSheetName(iso, s.language)));
      return;
    }
    const { approved, held, unchanged } = v.summary;
    flow?.done("applyUsage");
    setIssues(v.below);
    if (approved + held > 0) host.storeChanged();
    setNotice(approved + held > 0 ? { text: t.decisionsApplied(approved, held, unchanged), intent: "success" } : { text: t.nothingChanged, intent: "info" });
  };

  const busy = task.running;
  return (
    <StepSection id="section-usage-review" title={t.title} intro={t.intro}>
      <ButtonRow>
        <FileButton label={t.importFile} appearance={next === "importUsage" ? "primary" : "secondary"} accept=".csv,.txt,.xlsx,.json,.gz,text/csv,application/json" multiple disabled={busy} icon={<DocumentArrowUpRegular />} testId="usage-file" onFiles={(f) => void importFiles(f)} />
        <FileButton label={t.loadRules} accept=".json,application/json" disabled={busy} icon={<DocumentArrowUpRegular />} testId="usage-rules-file" onFiles={(f) => void loadRules(f)} />
      </ButtonRow>
      {imported && (
        <BatchNotice
          title={t.imported}
          facts={imported.facts}
          batchId={imported.batchId}
          batchLabel={t.batch}
          undoLabel={s.common.undo}
          busy={busy}
          onUndo={(id) => void undo(id)}
          testId="usage-review-import"
        />
      )}
      <MonthField label={t.month} value={month} onChange={setMonth} disabled={busy} testId="usage-review-month" />
      <ButtonRow>
        <Button appearance={next === "writeUsageReview" ? "primary" : "secondary"} icon={<TableRegular />} disabled={busy} onClick={() => void writeReview()} data-testid="usage-review-write">
          {t.writeReview}
        </Button>
        <Button appearance={next === "applyUsage" ? "primary" : "secondary"} icon={<CheckmarkRegular />} disabled={busy} onClick={() => void applyDecisions()} data-testid="usage-review-apply">
          {t.applyDecisions}
        </Button>
      </ButtonRow>
      <StepStatus progress={task.progress} onCancel={task.cancel} issues={issues} hint={hint} notice={notice?.text ?? null} noticeIntent={notice?.intent} noticeTestId="usage-review-notice" issuesTestId="usage-review-issues" />
    </StepSection>
  );
}
