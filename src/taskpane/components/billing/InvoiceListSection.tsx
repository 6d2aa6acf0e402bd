/**
 * Abrechnung → Rechnungsliste: the invoices of a period (default: this year) with their type,
 * status, amounts and cancellations, written as the sheet "Rechnungsliste" — which Stornorechnung
 * cancelled RE-000123, what to reconcile with accounting. Reads only.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { TableRegular } from "@fluentui/react-icons";
import { listInvoices } from "../../connection/use-cases";
import { parseIsoDate } from "../../../core/date/iso-date";
import { issue, type Issue } from "../../../core/issues";
import { formatMoney } from "../../billing/invoice-sheet";
import { defaultInvoiceListPeriod, invoiceListSheetName, invoiceListSheetRows, invoiceListTotals, invoiceListWriteOptions } from "../../billing/invoice-list-sheet";
import { useHost } from "../../host";
import { settleOutcome, type TaskOutcome, useTask } from "../../hooks/useTask";
import { formatDay, useStrings } from "../../i18n";
import { ButtonRow } from "../common/ButtonRow";
import { DateField } from "../common/DateFields";
import { StepSection } from "../common/StepSection";
import { StepStatus } from "../common/StepStatus";

const useStyles = makeStyles({
  // Side by side only where both fit (a date input needs ~160 px); stacked in a 320–350 px pane.
  fields: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(170px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
});

export function InvoiceListSection(): React.ReactElement {
  const styles = useStyles();
  const host = useHost();
  const s = useStrings();
  const b = s.billing;
  const task = useTask();
  const [from, setFrom] = React.useState<string>(() => defaultInvoiceListPeriod(host.today()).from);
  const [to, setTo] = React.useState<string>(() => defaultInvoiceListPeriod(host.today()).to);
  const [notice, setNotice] = React.useState<{ text: string; intent: "success" | "info" } | null>(null);
  const [issues, setIssues] = React.useState<Issue[]>([]);

  const settle = <T,>(outcome: TaskOutcome<T>): outcome is { status: "done"; value: T } =>
    settleOutcome(outcome, () => setNotice({ text: s.common.cancelled, intent: "info" }), (i) => setIssues([i]));

  const writeList = async () => {
    setIssues([]);
    setNotice(null);
    // An empty field is an open end; anything else must be a date.
    const day = (text: string) => (text.trim() === "" ? undefined : parseIsoDate(text.trim()));
    const start = day(from);
    const end = day(to);
    const invalid = [...(start === null ? [from] : []), ...(end === null ? [to] : [])];
    if (invalid.length > 0) return setIssues(invalid.map((value) => issue("pane.invalid_date", { value })));
    const sheet = invoiceListSheetName(s.language);
    const outcome = await task.run(b.invoiceListTitle, async ({ signal, progress }) => {
      const invoices = await listInvoices(host.app, { ...(start ? { from: start } : {}), ...(end ? { to: end } : {}) });
      // Empty: a sentence instead of an empty sheet.
      if (invoices.length === 0) return { invoices, written: null };
      const written = await host.gateway.writeTable(sheet, invoiceListSheetRows(invoices, s.language), { ...invoiceListWriteOptions(sheet, s.language), signal, onProgress: (d, t) => progress(d, t) });
      return { invoices, written };
    });
    if (!settle(outcome)) return;
    const { invoices, written } = outcome.value;
    if (!written) return setNotice({ text: b.noInvoicesListed(start ? formatDay(start, s.language) : null, end ? formatDay(end, s.language) : null), intent: "info" });
    if (!written.ok) return setIssues(written.issues);
    const totals = invoiceListTotals(invoices);
    setNotice({ text: b.invoiceListWritten(written.value.sheet, totals.invoices, formatMoney(totals.gross, s.language)), intent: "success" });
  };

  const busy = task.running;
  return (
    <StepSection id="section-invoice-list" title={b.invoiceListTitle} intro={b.invoiceListIntro}>
      <div className={styles.fields}>
        <DateField label={b.invoiceListFrom} value={from} onChange={setFrom} disabled={busy} testId="invoice-list-from" />
        <DateField label={b.invoiceListTo} value={to} onChange={setTo} disabled={busy} testId="invoice-list-to" />
      </div>
      <ButtonRow>
        <Button appearance="secondary" icon={<TableRegular />} disabled={busy} onClick={() => void writeList()} data-testid="invoice-list-write">
          {b.writeInvoiceList}
        </Button>
      </ButtonRow>
      <StepStatus progress={task.progress} onCancel={task.cancel} issues={issues} notice={notice?.text ?? null} noticeIntent={notice?.intent} noticeTestId="invoice-list-notice" issuesTestId="invoice-list-issues" />
    </StepSection>
  );
}
