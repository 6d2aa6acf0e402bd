import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentTableRegular } from "@fluentui/react-icons";
import { formatDay, useStrings } from "../../i18n";
import type { SourceFile } from "../../hooks/useReconcile";
import { FactList } from "../common/FactList";
import { IssueBars } from "../common/IssueBars";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  name: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

/** What was read from one file or sheet: profile, rows, period, problems. */
export function SourceSummary({ source }: { source: SourceFile }): React.ReactElement {
  const styles = useStyles();
  const s = useStrings();
  const r = s.reconcile;
  const p = source.parsed;
  const period = p.periodFound ? `${formatDay(p.periodFound.from, s.language)} – ${formatDay(p.periodFound.to, s.language)}` : r.noPeriod;
  const errors = p.issues.filter((i) => i.severity === "error").length;
  const warnings = p.issues.length - errors;
  return (
    <div className={styles.card} data-testid="source-summary">
      <div className={styles.name}>
        <DocumentTableRegular aria-hidden />
        <span>{source.name}</span>
      </div>
      <FactList
        testId="source-facts"
        facts={[
          [r.profile, p.profile ? p.profile.name : r.noProfile],
          [r.rows, s.formatInteger(p.rowCount)],
          [r.lines, s.formatInteger(p.lines.length)],
          [r.period, period],
          [r.problems, errors + warnings === 0 ? r.noProblems : r.problemCount(errors, warnings)],
        ]}
      />
      {p.issues.length > 0 && <IssueBars issues={p.issues} max={3} testId="source-issues" />}
      {p.kind !== "sheet" && p.encoding && (
        <Caption1>
          {r.encoding}: {p.encoding}
          {p.delimiter ? ` · ${r.delimiter}: ${p.delimiter === "\t" ? "Tab" : p.delimiter}` : ""}
        </Caption1>
      )}
    </div>
  );
}
