import * as React from "react";
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular, TableArrowUpRegular, TableSimpleRegular } from "@fluentui/react-icons";
import { useReconcile, type ReconcileView } from "../../hooks/useReconcile";
import { useStrings } from "../../i18n";
import { ButtonRow } from "../common/ButtonRow";
import { MonthField } from "../common/DateFields";
import { FileButton } from "../common/FileButton";
import { StepSection } from "../common/StepSection";
import { StepStatus } from "../common/StepStatus";
import { ApplyStep } from "./ApplyStep";
import { MappingStep } from "./MappingStep";
import { ProfileStep } from "./ProfileEditorStep";
import { SourceSummary } from "./SourceSummary";
import { StatusCounts } from "./StatusCounts";

const useStyles = makeStyles({
  area: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  flush: { margin: 0 },
});

export type ReconcileStep = "source" | "month" | "mapping" | "review" | "apply";

/** The step whose button is the primary one: the next thing to do (one primary button per stage). */
export type NextStep = "source" | "writeMapping" | "saveMapping" | "review" | "apply" | null;

export function nextStep(view: Pick<ReconcileView, "outcome" | "mapping" | "mappingSaved" | "reviewSheet" | "applied" | "unmapped">): NextStep {
  // A review sheet picked from an earlier session can be applied without reading the file again.
  if (!view.outcome) return view.reviewSheet && !view.applied?.batchId ? "apply" : "source";
  if (view.mapping && !view.mappingSaved) return "saveMapping";
  if (view.unmapped > 0 && !view.mapping && !view.reviewSheet) return "writeMapping";
  if (!view.reviewSheet) return "review";
  return view.applied?.batchId ? null : "apply";
}

/** Abgleich: read → map → prepare → apply (PRODUCT.md §3), one section per step. */
export function ReconcileArea(): React.ReactElement {
  const styles = useStyles();
  const s = useStrings();
  const r = s.reconcile;
  const rc = useReconcile();
  const { view, task } = rc;
  const [at, setAt] = React.useState<ReconcileStep>("source");
  const busy = task.running;
  const act = (step: ReconcileStep, action: () => Promise<unknown>) => () => {
    setAt(step);
    void action();
  };
  const status = (step: ReconcileStep) =>
    at === step ? <StepStatus progress={task.progress} onCancel={task.cancel} issues={view.issues} hint={view.hint} notice={view.notice} /> : null;
  const hasOutcome = view.outcome !== null;
  const next = nextStep(view);

  return (
    <div className={styles.area}>
      <Body1 as="p" className={styles.flush}>
        {r.description}
      </Body1>

      <StepSection id="step-source" title={r.sourceTitle} intro={r.sourceIntro}>
        <ButtonRow>
          <Button appearance={next === "source" ? "primary" : "secondary"} icon={<TableSimpleRegular />} disabled={busy} onClick={act("source", rc.readActiveSheet)} data-testid="read-active-sheet">
            {r.readSheet}
          </Button>
          <FileButton
            label={r.openFiles}
            accept=".csv,.txt,.tsv,.xlsx,text/csv"
            multiple
            disabled={busy}
            icon={<DocumentArrowUpRegular />}
            testId="vendor-files"
            onFiles={(files) => {
              setAt("source");
              void rc.openFiles(files);
            }}
          />
        </ButtonRow>
        {view.sources.map((source) => (
          <SourceSummary key={`${source.name}-${source.sha256}`} source={source} />
        ))}
        {status("source")}
      </StepSection>

      <ProfileStep rc={rc} busy={busy} />

      <StepSection id="step-month" title={r.monthTitle} intro={r.monthIntro} inactive={view.sources.length === 0}>
        <MonthField
          label={r.month}
          value={view.month}
          disabled={busy || view.sources.length === 0}
          testId="reconcile-month"
          onChange={(value) => {
            setAt("month");
            void rc.setMonth(value);
          }}
        />
        {view.outcome && <StatusCounts outcome={view.outcome} />}
        {status("month")}
      </StepSection>

      <MappingStep rc={rc} busy={busy} inactive={!hasOutcome} next={next} onAct={(action) => act("mapping", action)()} status={status("mapping")} />

      <StepSection id="step-review" title={r.reviewTitle} intro={r.reviewIntro} inactive={!hasOutcome}>
        <ButtonRow>
          <Button appearance={next === "review" ? "primary" : "secondary"} icon={<TableArrowUpRegular />} disabled={busy || !hasOutcome} onClick={act("review", rc.writeReview)} data-testid="write-review">
            {r.writeReview}
          </Button>
        </ButtonRow>
        {status("review")}
      </StepSection>

      <ApplyStep rc={rc} busy={busy} primary={next === "apply"} onAct={(action) => act("apply", action)()} status={status("apply")} />
    </div>
  );
}
