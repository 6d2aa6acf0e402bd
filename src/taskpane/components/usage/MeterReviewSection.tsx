/**
 * Zeiten/Zähler → Zähler prüfen: the click contracts' devices in the open months up to a month, rated
 * as the billing run would rate them, written as "Zähler YYYY-MM". Reads only: a wrong reading is
 * corrected by undoing its import and importing the corrected file.
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { TableRegular } from "@fluentui/react-icons";
import { reviewMeters } from "../../connection/use-cases";
import { addMonths, monthOf, parseIsoMonth } from "../../../core/date/iso-month";
import { issue, type Issue } from "../../../core/issues";
import { formatMoney } from "../../billing/invoice-sheet";
import { useHost } from "../../host";
import { settleOutcome, type TaskOutcome, useTask } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { formatMonth } from "../../i18n/format";
import { meterReviewSheetName, meterReviewSheetRows, meterReviewWriteOptions } from "../../usage/meter-review-sheet";
import { ButtonRow } from "../common/ButtonRow";
import { MonthField } from "../common/DateFields";
import { StepSection } from "../common/StepSection";
import { StepStatus } from "../common/StepStatus";
import type { UsageFlowProps } from "./TimeReviewSection";

export function MeterReviewSection({ next = null, flow }: UsageFlowProps): React.ReactElement {
  const host = useHost();
  const s = useStrings();
  const u = s.usage;
  const task = useTask();
  // Clicks are billed in arrears: the month before today's.
  const [month, setMonth] = React.useState<string>(() => addMonths(monthOf(host.today()), -1));
  const [notice, setNotice] = React.useState<{ text: string; intent: "success" | "info" } | null>(null);
  const [issues, setIssues] = React.useState<Issue[]>([]);

  const settle = <T,>(outcome: TaskOutcome<T>): outcome is { status: "done"; value: T } =>
    settleOutcome(outcome, () => setNotice({ text: s.common.cancelled, intent: "info" }), (i) => setIssues([i]));

  const writeReview = async () => {
    setIssues([]);
    setNotice(null);
    const iso = parseIsoMonth(month);
    if (!iso) return setIssues([issue("pane.invalid_month", { value: month })]);
    const sheet = meterReviewSheetName(iso, s.language);
    const outcome = await task.run(u.meterReviewTitle, async ({ signal, progress }) => {
      const review = await reviewMeters(host.app, iso);
      // Empty state: say what to do first instead of writing an empty sheet.
      if (review.totals.rows === 0 && review.issues.length === 0) return { review, written: null };
      const written = await host.gateway.writeTable(sheet, meterReviewSheetRows(review, s.language), { ...meterReviewWriteOptions(sheet, s.language), signal, onProgress: (d, t) => progress(d, t) });
      return { review, written };
    });
    if (!settle(outcome)) return;
    const { review, written } = outcome.value;
    if (!written) return setNotice({ text: u.noClickContracts(formatMonth(iso, s.language)), intent: "info" });
    if (!written.ok) return setIssues([...review.issues, ...written.issues]);
    setIssues(review.issues);
    flow?.done("writeMeterReview");
    const t = review.totals;
    setNotice({ text: u.meterReviewWritten(written.value.sheet, t.contracts, t.noReading, t.problems, formatMoney(t.net, s.language)), intent: "info" });
  };

  const busy = task.running;
  return (
    <StepSection id="section-meter-review" title={u.meterReviewTitle} intro={u.meterReviewIntro}>
      <MonthField label={u.month} value={month} onChange={setMonth} disabled={busy} testId="meter-review-month" />
      <ButtonRow>
        <Button appearance={next === "writeMeterReview" ? "primary" : "secondary"} icon={<TableRegular />} disabled={busy} onClick={() => void writeReview()} data-testid="meter-review-write">
          {u.writeMeterReview}
        </Button>
      </ButtonRow>
      <StepStatus progress={task.progress} onCancel={task.cancel} issues={issues} notice={notice?.text ?? null} noticeIntent={notice?.intent} noticeTestId="meter-review-notice" issuesTestId="meter-review-issues" />
    </StepSection>
  );
}
