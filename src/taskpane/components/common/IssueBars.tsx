import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../../core/issues";
import { bySeverity, describeIssue } from "../../issues";
import { useStrings } from "../../i18n";
import { CellLink } from "./CellLink";
import { IdText } from "./IdText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { overflowWrap: "anywhere" },
  hint: { display: "block", marginTop: tokens.spacingVerticalXS },
});

const INTENT = { error: "error", warning: "warning", info: "info" } as const;

export interface IssueBarsProps {
  issues: readonly Issue[];
  /** What to do about the errors, shown with the first one. */
  hint?: string;
  /** Bars shown before "show all". */
  max?: number;
  testId?: string;
}

/** An issue's text; the cell it names (`Abgleich 2026-10!K5: …`) is a link that selects it in Excel. */
function IssueText({ issue }: { issue: Issue }): React.ReactElement {
  const s = useStrings();
  const text = describeIssue(issue, s.language);
  const cell = issue.where?.cell;
  if (!cell || !text.startsWith(`${cell}: `)) return <IdText text={text} />;
  return (
    <>
      <CellLink cell={cell} />
      <IdText text={text.slice(cell.length)} />
    </>
  );
}

/** An issue's identity as shown: the same code, parameters and place read the same, so they are one bar. */
const issueKey = (i: Issue): string => `${i.severity}|${i.code}|${JSON.stringify(i.params)}|${JSON.stringify(i.where ?? null)}`;

/** Every problem in its own MessageBar, naming the cell; the same one once; errors first; long lists collapsed. */
export function IssueBars({ issues, hint, max = 5, testId = "issues" }: IssueBarsProps): React.ReactElement | null {
  const styles = useStyles();
  const s = useStrings();
  const [all, setAll] = React.useState(false);
  if (issues.length === 0) return null;
  // One unknown article named by every usage row that uses it is one problem to the clerk.
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = issueKey(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = bySeverity(unique);
  const shown = all ? sorted : sorted.slice(0, max);
  const firstError = sorted.findIndex((i) => i.severity === "error");
  return (
    <div className={styles.root} data-testid={testId}>
      {shown.map((i, k) => (
        // Keyed by content: a new problem is a new bar, which announces itself.
        <MessageBar key={`${k}:${i.code}:${JSON.stringify(i.params)}:${i.where?.cell ?? i.where?.row ?? ""}`} intent={INTENT[i.severity]} layout="multiline">
          <MessageBarBody className={styles.text}>
            <MessageBarTitle>{s.common.severity[i.severity]}</MessageBarTitle>
            <IssueText issue={i} />
            {hint && k === firstError && <span className={styles.hint}>{hint}</span>}
          </MessageBarBody>
        </MessageBar>
      ))}
      {sorted.length > max && (
        <Button appearance="subtle" size="small" onClick={() => setAll((v) => !v)}>
          {all ? s.common.showFewer : s.common.showAll(sorted.length)}
        </Button>
      )}
    </div>
  );
}
