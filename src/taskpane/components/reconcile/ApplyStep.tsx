import * as React from "react";
import { Button, Checkbox, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUndoRegular, CheckmarkRegular, SearchRegular } from "@fluentui/react-icons";
import type { useReconcile } from "../../hooks/useReconcile";
import { useStrings } from "../../i18n";
import { ButtonRow } from "../common/ButtonRow";
import { FactList } from "../common/FactList";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";

const useStyles = makeStyles({ ack: { fontWeight: tokens.fontWeightSemibold } });

export interface ApplyStepProps {
  rc: ReturnType<typeof useReconcile>;
  busy: boolean;
  onAct: (action: () => Promise<unknown>) => void;
  status: React.ReactNode;
}

/**
 * Übernehmen: reads the (possibly sorted, filtered, edited) review table back by header names and
 * applies it in one transaction; unmapped rows block it until acknowledged; the batch can be undone.
 */
export function ApplyStep({ rc, busy, onAct, status }: ApplyStepProps): React.ReactElement {
  const styles = useStyles();
  const s = useStrings();
  const r = s.reconcile;
  const { view } = rc;
  const sheet = view.reviewSheet;
  const blocked = view.unmapped > 0 && !view.acknowledged;
  const applied = view.applied;
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
      <ButtonRow>
        <Button appearance="primary" icon={<CheckmarkRegular />} disabled={busy || !sheet || blocked} onClick={() => onAct(rc.apply)} data-testid="apply-review">
          {r.apply}
        </Button>
      </ButtonRow>
      {applied?.batchId && (
        <Notice
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
