import * as React from "react";
import { Button, Checkbox, Field, Select, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowUndoRegular, CheckmarkRegular, SearchRegular } from "@fluentui/react-icons";
import type { PendingApply, useReconcile } from "../../hooks/useReconcile";
import { useStrings } from "../../i18n";
import { flowStrings } from "../../i18n/flow";
import { CellLink } from "../common/CellLink";
import { ButtonRow } from "../common/ButtonRow";
import { FactList } from "../common/FactList";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";

const useStyles = makeStyles({
  ack: { fontWeight: tokens.fontWeightSemibold },
  block: { display: "block", marginBottom: tokens.spacingVerticalXS },
  callout: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
  rows: { fontWeight: tokens.fontWeightRegular },
});

export interface ApplyStepProps {
  rc: ReturnType<typeof useReconcile>;
  busy: boolean;
  /** Whether Übernehmen is the next step (the area's one primary button). */
  primary: boolean;
  onAct: (action: () => Promise<unknown>) => void;
  status: React.ReactNode;
}

/**
 * Übernehmen: reads the (possibly sorted, filtered, edited) review table back by header names, shows
 * what it would change (ends and reductions called out) and applies it in one transaction once the
 * clerk confirms; unmapped rows block it until acknowledged; the batch can be undone.
 */
export function ApplyStep({ rc, busy, primary, onAct, status }: ApplyStepProps): React.ReactElement {
  const styles = useStyles();
  const s = useStrings();
  const r = s.reconcile;
  const { view } = rc;
  const sheet = view.reviewSheet;
  const blocked = view.unmapped > 0 && !view.acknowledged;
  const applied = view.applied;
  const pending = view.pending;
  return (
    <StepSection id="step-apply" title={r.applyTitle} intro={r.applyIntro} inactive={!sheet}>
      {!view.outcome && (
        <ButtonRow>
          <Button size="small" icon={<SearchRegular />} disabled={busy} onClick={() => onAct(rc.findReviewSheets)}>
            {r.findSheets}
          </Button>
        </ButtonRow>
      )}
      {view.reviewSheets.length > 0 && (
        <Field label={r.reviewSheet}>
          <Select value={sheet ?? ""} onChange={(_, d) => rc.chooseReviewSheet(d.value)} disabled={busy}>
            <option value="">{r.chooseSheet}</option>
            {view.reviewSheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {sheet && <FactList facts={[[r.reviewSheet, sheet]]} />}
      {view.unmapped > 0 && sheet && (
        <div data-testid="acknowledge-unmapped">
          <Checkbox className={styles.ack} checked={view.acknowledged} disabled={busy} onChange={(_, d) => rc.acknowledge(d.checked === true)} label={r.acknowledge(view.unmapped)} />
        </div>
      )}
      {!pending && (
        <ButtonRow>
          <Button appearance={primary ? "primary" : "secondary"} icon={<CheckmarkRegular />} disabled={busy || !sheet || blocked} onClick={() => onAct(rc.apply)} data-testid="apply-review">
            {r.apply}
          </Button>
        </ButtonRow>
      )}
      {pending && <ApplyConfirmation pending={pending} busy={busy} onConfirm={() => onAct(rc.confirmApply)} onCancel={rc.cancelApply} />}
      {applied?.batchId && (
        <Notice
          key={applied.batchId}
          reveal
          title={r.appliedTitle}
          testId="apply-result"
          actions={
            <Button size="small" icon={<ArrowUndoRegular />} disabled={busy} onClick={() => onAct(() => rc.undo(applied.batchId!))} data-testid="undo-apply">
              {s.common.undo}
            </Button>
          }
        >
          <FactList
            facts={[
              [r.batch, applied.batchId],
              [r.newVersions, s.formatInteger(applied.versions)],
              [r.newMappings, s.formatInteger(applied.mappings)],
              [r.unchangedRows, s.formatInteger(applied.unchanged)],
              [r.skippedRows, s.formatInteger(applied.skipped)],
            ]}
          />
        </Notice>
      )}
      {status}
    </StepSection>
  );
}

/**
 * The summary before anything is applied, from the dry run against the store (what would really be
 * stored): how many changes, new positions, ends and reductions, rows already stored;
 * ends (quantity 0) and reductions are called out with links to their rows in the review sheet.
 */
function ApplyConfirmation({ pending, busy, onConfirm, onCancel }: { pending: PendingApply; busy: boolean; onConfirm: () => void; onCancel: () => void }): React.ReactElement {
  const s = useStrings();
  const f = flowStrings[s.language];
  const styles = useStyles();
  const p = pending.preview;
  const n = s.formatInteger;
  const facts: [string, string][] = [
    [f.changes, n(p.changes)],
    [f.newPositions, n(p.newPositions)],
    [f.increases, n(p.increases)],
    [f.reductions, n(p.reductions)],
    [f.ends, n(p.ends)],
    [f.mappings, n(p.mappings)],
    ...(p.unchanged > 0 ? [[f.unchanged, n(p.unchanged)] as [string, string]] : []),
    [f.skipped, n(p.skipped)],
  ];
  const rowLinks = (rows: readonly number[]) => (
    <span className={styles.rows}>
      {rows.slice(0, 12).map((row, k) => (
        <React.Fragment key={row}>
          {k > 0 && ", "}
          <CellLink cell={`${pending.sheet}!A${row}`}>{n(row)}</CellLink>
        </React.Fragment>
      ))}
      {rows.length > 12 && ` … (+${n(rows.length - 12)})`}
    </span>
  );
  return (
    <Notice
      intent={p.ends > 0 || p.reductions > 0 ? "warning" : "info"}
      title={f.confirmTitle}
      testId="apply-confirm"
      reveal
      actions={
        <>
          <Button appearance="primary" size="small" disabled={busy} onClick={onConfirm} data-testid="apply-confirm-yes">
            {f.confirmYes}
          </Button>
          <Button size="small" disabled={busy} onClick={onCancel} data-testid="apply-confirm-cancel">
            {s.common.cancel}
          </Button>
        </>
      }
    >
      <span className={styles.block}>{f.confirmIntro(pending.sheet)}</span>
      <FactList facts={facts} testId="apply-confirm-facts" />
      {p.ends > 0 && (
        <span className={mergeClasses(styles.block, styles.callout)} data-testid="apply-confirm-ends">
          {f.endsCallout(p.ends)} {rowLinks(p.endRows)}
        </span>
      )}
      {p.reductions > 0 && (
        <span className={mergeClasses(styles.block, styles.callout)} data-testid="apply-confirm-reductions">
          {f.reductionsCallout(p.reductions)} {rowLinks(p.reductionRows)}
        </span>
      )}
    </Notice>
  );
}
