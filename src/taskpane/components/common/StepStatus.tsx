import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../../core/issues";
import type { TaskProgressState } from "../../hooks/useTask";
import { IssueBars } from "./IssueBars";
import { Notice } from "./Notice";
import { TaskProgress } from "./TaskProgress";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

export interface StepStatusProps {
  progress: TaskProgressState | null;
  onCancel: () => void;
  issues: readonly Issue[];
  hint?: string | null;
  notice?: string | null;
}

/** Progress, problems and the latest notice of the step the user is working on, right under it. */
export function StepStatus({ progress, onCancel, issues, hint, notice }: StepStatusProps): React.ReactElement {
  return (
    <div className={useStyles().root}>
      <TaskProgress progress={progress} onCancel={onCancel} />
      <IssueBars issues={issues} hint={hint ?? undefined} />
      {notice && !progress && (
        <Notice intent="info" testId="step-notice">
          {notice}
        </Notice>
      )}
    </div>
  );
}
