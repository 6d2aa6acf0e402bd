/**
 * Zeiten/Zähler → Zeiten prüfen: the open entries of a month rated as the billing run would rate them,
 * written as "Zeiten YYYY-MM" with the decision drop-down; "Entscheidungen übernehmen" reads the sheet
 * back by header names and sets each entry's billable flag (approved = billed by the next run).
 */
import { findSheetToRead } from "../../find-sheet";
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { CheckmarkRegular, TableRegular } from "@fluentui/react-icons";
import { applyTimeDecisions, reviewTimeEntries } from "../../connection/use-cases";
import { addMonths, monthOf, parseIsoMonth } from "../../../core/date/iso-month";
import { issue, type Issue } from "../../../core/issues";
import { readTimeReviewTable } from "../../../io/time/review-table";
import { formatMoney } from "../../billing/invoice-sheet";
import { useHost } from "../../host";
import { settleOutcome, type TaskOutcome, useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { flowStrings } from "../../i18n/flow";
import { formatMonth } from "../../i18n/format";
import { locateIssues } from "../../issues";
import { rowsBelowWarning } from "../../rows-below";
import { sha256OfRows } from "../../reconcile/review";
import { timeReviewSheetName, timeReviewSheetRows, timeReviewWriteOptions } from "../../usage/time-review-sheet";
import { ButtonRow } from "../common/ButtonRow";
import { MonthField } from "../common/DateFields";
import { StepSection } from "../common/StepSection";
import { StepStatus } from "../common/StepStatus";
import { TIME_REVIEW_VOCABULARY } from "../../../io/sheets/time-words";
import type { FlowEvents } from "../../hooks/useNextStep";
import type { UsageDone, UsageForm, UsageNext } from "../../usage/next-step";

/** The Zeiten/Zähler area's next step (its button is the one primary button) and what a section tells it. */
export interface UsageFlowProps {
  next?: UsageNext | null;
  flow?: FlowEvents<UsageDone, UsageNext, UsageForm>;
}

export function TimeReviewSection({ next = null, flow }: UsageFlowProps): React.ReactElement {
  const host = useHost();
  const s = useStrings();
  const u = s.usage;
  const task = useTask();
  // Time is billed in arrears: the month before today's.
  const [month, setMonth] = React.useState<string>(() => addMonths(monthOf(host.today()), -1));
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

  const writeReview = async () => {
    start();
    const iso = chosenMonth();
    if (!iso) return;
    const sheet = timeReviewSheetName(iso, s.language);
    const outcome = await task.run(u.reviewTitle, async ({ signal, progress }) => {
      const review = await reviewTimeEntries(host.app, iso);
      // Empty state: say what to do first instead of writing an empty sheet.
      if (review.totals.rows === 0 && review.issues.length === 0) return { review, written: null };
      const written = await host.gateway.writeTable(sheet, timeReviewSheetRows(review, s.language), { ...timeReviewWriteOptions(sheet, s.language), signal, onProgress: (d, t) => progress(d, t) });
      return { review, written };
    });
    if (!settle(outcome)) return;
    const { review, written } = outcome.value;
    if (!written) return setNotice({ text: flowStrings[s.language].noTimeEntries(formatMonth(iso, s.language)), intent: "info" });
    if (!written.ok) return setIssues([...review.issues, ...written.issues]);
    setIssues(review.issues);
    flow?.done("writeTimeReview");
    const t = review.totals;
    setNotice({ text: u.reviewWritten(written.value.sheet, t.rows, t.billable, t.problems, formatMoney(t.net, s.language)), intent: "info" });
  };

  const applyDecisions = async () => {
    start();
    const iso = chosenMonth();
    if (!iso) return;
    const outcome = await task.run(u.applyDecisions, async () => {
      // The user's-language sheet, else a colleague's in the other language.
      const found = await findSheetToRead(host.gateway, timeReviewSheetName(iso, s.language), s.language);
      if (!found.ok) return { issues: found.issues };
      const sheet = found.value;
      const read = await host.gateway.readTableByHeaders(sheet);
      if (!read.ok) return { issues: read.issues };
      const below = await rowsBelowWarning(host.gateway, sheet);
      const { decisions, issues: bad } = readTimeReviewTable(read.value.table);
      if (bad.length > 0) return { issues: [...locateIssues(bad, read.value.table, read.value.sheet, TIME_REVIEW_VOCABULARY), ...below], hint: u.fixSheetHint(sheet) };
      const applied = await applyTimeDecisions(host.app, decisions, { name: sheet, sha256: await sha256OfRows(read.value.table.rows) });
      if (!applied.ok) return { issues: [...locateIssues(applied.issues, read.value.table, read.value.sheet, TIME_REVIEW_VOCABULARY), ...below], hint: u.fixSheetHint(sheet) };
      return { summary: applied.value, below };
    });
    if (!settle(outcome)) return;
    const v = outcome.value;
    if (v.issues) {
      setIssues(v.issues);
      setHint(v.hint);
      return;
    }
    const { approved, withdrawn, unchanged } = v.summary;
    setIssues(v.below);
    flow?.done("applyTime");
    if (approved + withdrawn > 0) host.storeChanged();
    setNotice(approved + withdrawn > 0 ? { text: u.decisionsApplied(approved, withdrawn, unchanged), intent: "success" } : { text: u.nothingChanged, intent: "info" });
  };

  const busy = task.running;
  return (
    <StepSection id="section-time-review" title={u.reviewTitle} intro={u.reviewIntro}>
      <MonthField label={u.month} value={month} onChange={setMonth} disabled={busy} testId="time-review-month" />
      <ButtonRow>
        <Button appearance={next === "writeTimeReview" ? "primary" : "secondary"} icon={<TableRegular />} disabled={busy} onClick={() => void writeReview()} data-testid="time-review-write">
          {u.writeReview}
        </Button>
        <Button appearance={next === "applyTime" ? "primary" : "secondary"} icon={<CheckmarkRegular />} disabled={busy} onClick={() => void applyDecisions()} data-testid="time-review-apply">
          {u.applyDecisions}
        </Button>
      </ButtonRow>
      <StepStatus progress={task.progress} onCancel={task.cancel} issues={issues} hint={hint} notice={notice?.text ?? null} noticeIntent={notice?.intent} noticeTestId="time-review-notice" issuesTestId="time-review-issues" />
    </StepSection>
  );
}
