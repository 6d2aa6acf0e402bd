import * as React from "react";
import { Button, Caption1, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { TaskProgressState } from "../../hooks/useTask";
import { useStrings } from "../../i18n";
import { IdText } from "./IdText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} 0` },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  label: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
});

/** The progress bar and Cancel button of the running step (a live region, so screen readers hear it). */
export function TaskProgress({ progress, onCancel }: { progress: TaskProgressState | null; onCancel: () => void }): React.ReactElement | null {
  const styles = useStyles();
  const s = useStrings();
  if (!progress) return null;
  const known = progress.total !== null && progress.total > 0;
  const value = known ? Math.min(1, progress.done / progress.total!) : undefined;
  return (
    <div className={styles.root} data-testid="task-progress">
      <div className={styles.row}>
        <Caption1 className={styles.label} role="status" aria-live="polite">
          <IdText text={progress.label} />
          {known ? ` – ${s.common.progress(progress.done, progress.total!)}` : ""}
        </Caption1>
        <Button size="small" icon={<DismissRegular />} onClick={onCancel}>
          {s.common.cancel}
        </Button>
      </div>
      <ProgressBar value={value} thickness="large" aria-label={progress.label} />
    </div>
  );
}
