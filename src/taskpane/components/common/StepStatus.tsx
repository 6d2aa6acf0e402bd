import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../../core/issues";
import type { TaskProgressState } from "../../hooks/useTask";
import { IssueBars } from "./IssueBars";
import { Notice } from "./Notice";
import { TaskProgress } from "./TaskProgress";
import { useReveal } from "./reveal";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS } });

export interface StepStatusProps {
  progress: TaskProgressState | null;
  onCancel: () => void;
  issues: readonly Issue[];
  hint?: string | null;
  notice?: string | null;
  /** How the notice reads: `info` (default) or `success` (something was written or changed). */
  noticeIntent?: "info" | "success";
  /** Test ids of the notice and the problems (areas that had their own keep them). */
  noticeTestId?: string;
  issuesTestId?: string;
}

/**
 * Progress, problems and the latest notice of the step the user is working on, right under it:
 * scrolled into view when they change, and announced (each MessageBar announces itself when it
 * appears; a new notice text is a new bar).
 */
export function StepStatus({ progress, onCancel, issues, hint, notice, noticeIntent = "info", noticeTestId = "step-notice", issuesTestId }: StepStatusProps): React.ReactElement {
  const shown = progress ? `progress:${progress.label}` : issues.length > 0 ? issues : notice ? `notice:${notice}` : null;
  const ref = useReveal<HTMLDivElement>(shown);
  return (
    <div className={useStyles().root} ref={ref} data-testid="step-status">
      <TaskProgress progress={progress} onCancel={onCancel} />
      <IssueBars issues={issues} hint={hint ?? undefined} testId={issuesTestId} />
      {notice && !progress && (
        <Notice key={notice} intent={noticeIntent} testId={noticeTestId}>
          {notice}
        </Notice>
      )}
    </div>
  );
}
