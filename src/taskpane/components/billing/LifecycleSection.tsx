import * as React from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { ArchiveRegular, DocumentDismissRegular, LockClosedRegular } from "@fluentui/react-icons";
import { parseIsoDate } from "../../../core/date/iso-date";
import { issue, type Issue, type Result } from "../../../core/issues";
import type { RunRecord } from "../../../store/records";
import { formatMoney } from "../../billing/invoice-sheet";
import { paneFonts } from "../../billing/einvoice-fonts";
import { cancelForPane, cancelRunForPane, eInvoiceZipForPane, finalizeForPane, runLifecycle, type RunLifecycle } from "../../billing/lifecycle";
import { sumReleased } from "../../../app/cancel-invoice";
import { MAX_CANCEL_REASON } from "../../../core/billing/cancellation-reason";
import { Decimal, sum } from "../../../core/money/decimal";
import { lifecycleStrings, type LifecycleStrings } from "../../billing/lifecycle-strings";
import { useHost } from "../../host";
import { settleOutcome, useTask } from "../../hooks/useTask";
import { formatDay, formatTimestamp, useStrings } from "../../i18n";
import { ButtonRow } from "../common/ButtonRow";
import { DateField } from "../common/DateFields";
import { FactList } from "../common/FactList";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import { StepStatus } from "../common/StepStatus";

const useStyles = makeStyles({
  part: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sub: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  // A native select grows to its longest option ("RE-… – customer – storniert durch RE-…"): keep it in the pane.
  picker: { width: "100%", maxWidth: "100%", minWidth: 0 },
  pickerSelect: { width: "100%", maxWidth: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

/** The picker's value for every open invoice of the run at once (`cancel-invoice --run`). */
const ALL_OPEN = "*";

/** The id of the invoice picker: the undo dialog of an issued run sends the clerk there. */
export const CANCEL_PICKER_ID = "lifecycle-cancel-invoice";

type Part = "finalize" | "cancel" | "zip";

/** "issued on 02.01.2026 10:00 (export)" / "draft …" for a run's state. */
function stateText(t: LifecycleStrings, state: RunLifecycle, language: "de" | "en"): string {
  return state.issuedAt ? t.issued(formatTimestamp(state.issuedAt, language), t.issuedBy[state.issuedBy ?? "finalize"] ?? state.issuedBy ?? "") : t.draft;
}

/**
 * Festschreiben und Storno step of the Abrechnung area, for the run chosen in the area's run picker
 * (the latest, or an earlier one: an invoice of two months ago is cancelled here too): its state (draft or
 * issued), *Festschreiben* with a confirmation that says what it does, *Stornieren* of one invoice of
 * an issued run or of all its open invoices at once (choose, confirm naming number, customer and amount
 * or count and total; the Stornorechnung's number shows next to the button), and *E-Rechnungen herunterladen* (one ZIP). Results and problems show
 * under the part that produced them. `revision` changes when the area changed the store (an export
 * may have issued the run), so the state is read again. `latest`: whether the run is the area's latest (its label says so).
 */
/** `onBusy` tells the area while a task of this step runs, so that the run it acts on is not switched under it. */
export function LifecycleSection({ run, latest = true, active = true, revision = 0, onChanged, onBusy }: { run: RunRecord | null; latest?: boolean; active?: boolean; revision?: number; onChanged?: () => void; onBusy?: (busy: boolean) => void }): React.ReactElement {
  const styles = useStyles();
  const host = useHost();
  const s = useStrings();
  const t = lifecycleStrings[s.language];
  const task = useTask();
  const busy = task.running;
  React.useEffect(() => onBusy?.(busy), [busy, onBusy]);
  const [state, setState] = React.useState<RunLifecycle | null>(null);
  const [confirm, setConfirm] = React.useState<"finalize" | "cancel" | null>(null);
  const [choice, setChoice] = React.useState("");
  const [date, setDate] = React.useState<string>(() => host.today());
  const [reason, setReason] = React.useState("");
  const [statusAt, setStatusAt] = React.useState<Part>("finalize");
  const [issues, setIssues] = React.useState<Issue[]>([]);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [reload, setReload] = React.useState(0);

  React.useEffect(() => {
    if (!active || !run) return setState(null);
    let live = true;
    runLifecycle(host.app, run.id).then(
      (st) => live && setState(st),
      (error: unknown) => live && setIssues([issue("pane.unexpected", { detail: String(error) })]),
    );
    return () => {
      live = false;
    };
  }, [active, host, run, revision, reload]);

  React.useEffect(() => {
    setConfirm(null);
    setChoice("");
    setIssues([]);
    setNotice(null);
  }, [run?.id]);

  const start = (part: Part) => {
    setStatusAt(part);
    setIssues([]);
    setNotice(null);
    setConfirm(null);
  };
  const settle = <T,>(outcome: Parameters<typeof settleOutcome<T>>[0]) => settleOutcome(outcome, () => setNotice(s.common.cancelled), (i) => setIssues([i]));
  const changed = () => {
    host.storeChanged();
    setReload((n) => n + 1);
    onChanged?.();
  };

  const finalize = async () => {
    if (!run) return;
    start("finalize");
    const outcome = await task.run(t.finalizeYes, () => finalizeForPane(host.app, run.id));
    if (!settle(outcome)) return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    changed();
    setNotice(t.finalized(run.id, outcome.value.value.invoiceRefs.length));
  };

  const chosen = state?.invoices.find((i) => i.invoiceRef === choice) ?? null;
  const cancelDate = parseIsoDate(date);
  const open = state?.invoices.filter((i) => i.cancelledBy === null) ?? [];
  const allChosen = choice === ALL_OPEN && open.length > 1;
  const openTotal = formatMoney(sum(open.map((i) => new Decimal(i.grossTotal))).toFixed(2), s.language);

  /** One invoice or all open ones: the same task, then the store changed and the result named. */
  const cancelWith = async <T,>(call: () => Promise<Result<T>>, done: (value: T) => string) => {
    start("cancel");
    const outcome = await task.run(t.cancelYes, call);
    if (!settle(outcome)) return;
    if (!outcome.value.ok) return setIssues(outcome.value.issues);
    changed();
    setChoice("");
    setReason("");
    setNotice(done(outcome.value.value));
  };

  const cancel = async () => {
    if (!cancelDate) return;
    if (allChosen && run)
      return cancelWith(
        () => cancelRunForPane(host.app, run.id, cancelDate, reason),
        (r) =>
          t.cancelledAll(r.cancellations.length, r.cancellations[0]!.cancellationRef, r.cancellations[r.cancellations.length - 1]!.cancellationRef, r.runId) +
          t.releasedNote(sumReleased(r.cancellations.map((c) => c.released))),
      );
    if (!chosen) return;
    return cancelWith(
      () => cancelForPane(host.app, chosen.invoiceRef, cancelDate, reason),
      (r) => t.cancelled(r.cancelled, r.cancellationRef, formatMoney(r.grossTotal, s.language)) + t.releasedNote(r.released),
    );
  };

  const downloadZip = async () => {
    if (!run) return;
    start("zip");
    const outcome = await task.run(t.zipButton, () => eInvoiceZipForPane(host.app, run, paneFonts, s.language));
    if (!settle(outcome)) return;
    const r = outcome.value;
    if (!r.ok) return setIssues(r.issues);
    if (r.value.issuedNow) changed();
    const skipped = r.value.skipped.join(", ");
    if (r.value.files.length === 0) return setNotice(t.zipEmpty(skipped));
    try {
      host.download(r.value.name, r.value.bytes, "application/zip");
    } catch (error) {
      return setIssues([issue("pane.unexpected", { detail: String(error) })]);
    }
    setIssues(r.value.issues);
    setNotice([t.zipSaved(r.value.name, r.value.files.length), skipped ? t.zipSkipped(skipped) : "", r.value.issuedNow ? t.zipIssued(run.id) : ""].filter(Boolean).join(" "));
  };

  const status = (part: Part) => (statusAt === part ? <StepStatus progress={task.progress} onCancel={task.cancel} issues={issues} notice={notice} /> : null);
  const issued = state?.issuedAt != null;

  return (
    <StepSection id="step-bill-lifecycle" title={t.title} intro={t.intro} inactive={!run}>
      {run && state && <FactList testId="lifecycle-state" facts={[[latest ? s.billing.latestRun : s.billing.runPick, run.id], [t.state, stateText(t, state, s.language)]]} />}

      {run && state && !issued && (
        <div className={styles.part}>
          <ButtonRow>
            <Button icon={<LockClosedRegular />} disabled={busy} onClick={() => (start("finalize"), setConfirm("finalize"))} data-testid="lifecycle-finalize">
              {t.finalizeButton}
            </Button>
          </ButtonRow>
          {confirm === "finalize" && (
            <Notice
              intent="warning"
              title={t.finalizeTitle}
              testId="lifecycle-finalize-confirm"
              actions={
                <>
                  <Button appearance="primary" size="small" disabled={busy} onClick={() => void finalize()} data-testid="lifecycle-finalize-yes">
                    {t.finalizeYes}
                  </Button>
                  <Button size="small" disabled={busy} onClick={() => setConfirm(null)}>
                    {s.common.cancel}
                  </Button>
                </>
              }
            >
              {t.finalizeText(run.id, state.invoices.length)}
            </Notice>
          )}
        </div>
      )}
      {status("finalize")}

      {run && state && (
        <div className={styles.part}>
          <p className={styles.sub}>{t.cancelTitle}</p>
          {!issued ? (
            <p className={styles.hint} data-testid="lifecycle-cancel-needs-issued">
              {t.cancelNeedsIssued}
            </p>
          ) : (
            <>
              <Field label={t.cancelInvoice}>
                <Select id={CANCEL_PICKER_ID} className={styles.picker} select={{ className: styles.pickerSelect }} value={choice} disabled={busy} onChange={(_, d) => (setChoice(d.value), setConfirm(null))} data-testid="lifecycle-cancel-invoice">
                  <option value="">{t.cancelChoose}</option>
                  {open.length > 1 && (
                    <option value={ALL_OPEN} data-testid="lifecycle-cancel-all">
                      {t.cancelAllOption(open.length, openTotal)}
                    </option>
                  )}
                  {state.invoices.map((i) =>
                    i.cancelledBy === null ? (
                      <option key={i.invoiceRef} value={i.invoiceRef}>
                        {t.cancelOption(i.invoiceRef, i.customerName, formatMoney(i.grossTotal, s.language))}
                      </option>
                    ) : (
                      <option key={i.invoiceRef} value={i.invoiceRef} disabled>
                        {t.cancelledOption(i.invoiceRef, i.customerName, i.cancelledBy)}
                      </option>
                    ),
                  )}
                </Select>
              </Field>
              <DateField label={t.cancelDate} value={date} onChange={setDate} disabled={busy} testId="lifecycle-cancel-date" />
              <Field label={t.cancelReason} hint={t.cancelReasonHint}>
                <Input value={reason} maxLength={MAX_CANCEL_REASON} disabled={busy} onChange={(_, d) => setReason(d.value)} data-testid="lifecycle-cancel-reason" />
              </Field>
              <ButtonRow>
                <Button icon={<DocumentDismissRegular />} disabled={busy || !(allChosen || (chosen && chosen.cancelledBy === null)) || !cancelDate || open.length === 0} onClick={() => (start("cancel"), setConfirm("cancel"))} data-testid="lifecycle-cancel">
                  {t.cancelButton}
                </Button>
              </ButtonRow>
              {confirm === "cancel" && (chosen || allChosen) && cancelDate && run && (
                <Notice
                  intent="warning"
                  title={t.cancelConfirmTitle}
                  testId="lifecycle-cancel-confirm"
                  actions={
                    <>
                      <Button appearance="primary" size="small" disabled={busy} onClick={() => void cancel()} data-testid="lifecycle-cancel-yes">
                        {t.cancelYes}
                      </Button>
                      <Button size="small" disabled={busy} onClick={() => setConfirm(null)}>
                        {s.common.cancel}
                      </Button>
                    </>
                  }
                >
                  {chosen
                    ? t.cancelConfirmText(chosen.invoiceRef, chosen.customerName, formatMoney(chosen.grossTotal, s.language), formatDay(cancelDate, s.language))
                    : t.cancelAllConfirmText(run.id, open.length, openTotal, formatDay(cancelDate, s.language))}
                  {reason.trim() ? t.cancelReasonConfirm(reason.trim()) : ""}
                </Notice>
              )}
            </>
          )}
          {status("cancel")}
        </div>
      )}

      {run && (
        <div className={styles.part}>
          <p className={styles.sub}>{t.zipTitle}</p>
          <ButtonRow>
            <Button icon={<ArchiveRegular />} disabled={busy} onClick={() => void downloadZip()} data-testid="lifecycle-einvoice-zip">
              {t.zipButton}
            </Button>
          </ButtonRow>
          <p className={styles.hint}>{t.zipHint}</p>
          {status("zip")}
        </div>
      )}
    </StepSection>
  );
}

/**
 * The undo dialog of the area's latest run: for a draft it says what undo does (how many invoices,
 * that their numbers are given back); for an issued run undo is not offered — it says why and offers
 * cancellation instead. The run's state is read when the dialog opens.
 */
export function UndoRunDialog({ run, busy, onUndo, onClose }: { run: RunRecord; busy: boolean; onUndo: () => void; onClose: () => void }): React.ReactElement {
  const host = useHost();
  const s = useStrings();
  const t = lifecycleStrings[s.language];
  const [state, setState] = React.useState<RunLifecycle | null | "loading">("loading");
  React.useEffect(() => {
    let live = true;
    runLifecycle(host.app, run.id).then(
      (st) => live && setState(st),
      () => live && setState(null),
    );
    return () => {
      live = false;
    };
  }, [host, run.id]);

  const toCancel = () => {
    onClose();
    const picker = document.getElementById(CANCEL_PICKER_ID);
    picker?.scrollIntoView({ block: "center" });
    picker?.focus();
  };
  const close = (
    <Button size="small" disabled={busy} onClick={onClose}>
      {s.common.cancel}
    </Button>
  );

  if (state === "loading") return <Notice intent="info" testId="billing-undo-confirm">{t.undoLoading}</Notice>;
  if (state?.issuedAt) {
    return (
      <Notice
        intent="warning"
        title={t.undoIssuedTitle}
        testId="billing-undo-confirm"
        actions={
          <>
            <Button appearance="primary" size="small" disabled={busy} onClick={toCancel} data-testid="billing-undo-to-cancel">
              {t.undoToCancel}
            </Button>
            {close}
          </>
        }
      >
        {t.undoIssuedText(run.id, formatTimestamp(state.issuedAt, s.language), t.issuedBy[state.issuedBy ?? "finalize"] ?? state.issuedBy ?? "")}
      </Notice>
    );
  }
  const refs = state?.invoices.map((i) => i.invoiceRef) ?? run.invoiceRefs;
  const numbers = refs.length === 0 ? "–" : refs.length === 1 ? refs[0]! : `${refs[0]} … ${refs[refs.length - 1]}`;
  return (
    <Notice
      intent="warning"
      title={t.undoDraftTitle}
      testId="billing-undo-confirm"
      actions={
        <>
          <Button appearance="primary" size="small" disabled={busy} onClick={onUndo} data-testid="billing-undo-yes">
            {s.billing.undoConfirmYes}
          </Button>
          {close}
        </>
      }
    >
      {t.undoDraftText(run.id, run.month, refs.length, numbers)}
    </Notice>
  );
}
