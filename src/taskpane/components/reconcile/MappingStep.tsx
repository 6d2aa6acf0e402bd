import * as React from "react";
import { Body1, Button, makeStyles } from "@fluentui/react-components";
import { ArrowUndoRegular, PeopleSwapRegular, SaveRegular } from "@fluentui/react-icons";
import type { useReconcile } from "../../hooks/useReconcile";
import { useStrings } from "../../i18n";
import { mappingNeeds } from "../../../core/reconcile/mapping-suggestions";
import { ButtonRow } from "../common/ButtonRow";
import { Notice } from "../common/Notice";
import { StepSection } from "../common/StepSection";
import type { NextStep } from "./ReconcileArea";

const useStyles = makeStyles({ flush: { margin: 0 } });

export interface MappingStepProps {
  rc: ReturnType<typeof useReconcile>;
  busy: boolean;
  inactive: boolean;
  /** Which button is the primary one of the area (the next step). */
  next: NextStep;
  onAct: (action: () => Promise<unknown>) => void;
  status: React.ReactNode;
}

/** Zuordnung: unmapped vendor customers and articles go to a sheet with drop-downs; saving remembers them. */
export function MappingStep({ rc, busy, inactive, next, onAct, status }: MappingStepProps): React.ReactElement {
  const styles = useStyles();
  const s = useStrings();
  const r = s.reconcile;
  const { view } = rc;
  const needs = React.useMemo(() => (view.outcome ? mappingNeeds(view.outcome.rows) : []), [view.outcome]);
  const customers = needs.filter((n) => n.kind === "customer").length;
  const articles = needs.length - customers;
  const saved = view.mappingSaved;
  return (
    <StepSection id="step-mapping" title={r.mappingTitle} intro={r.mappingIntro} inactive={inactive}>
      {view.outcome && (
        <Body1 as="p" className={styles.flush} data-testid="mapping-needs">
          {needs.length === 0 ? r.allMapped : r.unmappedNeeds(customers, articles)}
        </Body1>
      )}
      {(needs.length > 0 || view.mapping) && (
        <ButtonRow>
          <Button appearance={next === "writeMapping" ? "primary" : "secondary"} icon={<PeopleSwapRegular />} disabled={busy || needs.length === 0} onClick={() => onAct(rc.writeMappingSheet)} data-testid="write-mapping">
            {r.writeMapping}
          </Button>
          {view.mapping && (
            <Button appearance={next === "saveMapping" ? "primary" : "secondary"} icon={<SaveRegular />} disabled={busy} onClick={() => onAct(rc.saveMappings)} data-testid="save-mappings">
              {r.saveMappings}
            </Button>
          )}
        </ButtonRow>
      )}
      {saved?.batchId && (
        <Notice
          title={r.mappingsSavedTitle}
          testId="mappings-saved"
          actions={
            <Button size="small" icon={<ArrowUndoRegular />} disabled={busy} onClick={() => onAct(() => rc.undo(saved.batchId!))}>
              {s.common.undo}
            </Button>
          }
        >
          {r.mappingsSaved(saved.mappings, saved.batchId)}
        </Notice>
      )}
      {status}
    </StepSection>
  );
}
